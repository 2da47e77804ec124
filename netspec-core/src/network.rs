//! What a `netspec!` block expands to: a type that knows its parameters and emits its forward
//! pass and its backward pass (the layers' VJPs composed in reverse order) into a graph.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::ir::{Graph, Value};
use crate::layers::{Forward, Mode};
use crate::params::{NamedTensor, ParamSpec};

pub trait Network {
    /// Every layer's saved values, as the generated forward leaves them for the backward.
    type Saved;
    const NAME: &'static str;
    /// Per-example input shape, e.g. [1, 28, 28].
    fn input_shape() -> Vec<usize>;
    /// Per-example output shape, e.g. [10].
    fn output_shape() -> Vec<usize>;
    /// Parameters and buffers in layer order, with their full names.
    fn params() -> Vec<ParamSpec>;
    /// `p` holds every parameter and buffer in `params()` order; `state` of the result holds
    /// the new value of every buffer, in order.
    fn forward(g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<Self::Saved>;
    /// The gradient of every trainable parameter, in `params()` order, given dL/dy.
    fn backward(g: &mut Graph, saved: &Self::Saved, p: &[Value], dy: Value) -> Vec<Value>;

    /// Number of trainable scalars, as PyTorch counts `p.numel()` over `parameters()`.
    fn parameter_count() -> usize {
        Self::params()
            .iter()
            .filter(|p| p.trainable)
            .map(|p| p.elements())
            .sum()
    }

    /// Fresh parameters from each layer's initialiser, reproducible from `seed`.
    fn init_params(seed: u64) -> Vec<NamedTensor> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        Self::params()
            .into_iter()
            .map(|p| NamedTensor {
                data: p.init.sample(p.elements(), &mut rng),
                name: p.name,
                shape: p.shape,
            })
            .collect()
    }
}
