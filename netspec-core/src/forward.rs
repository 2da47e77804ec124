//! The forward-only module of a network, for predictions and export: the network in
//! evaluation mode (BatchNorm's running statistics, no dropout, no stochastic depth).
//!
//! predict(params.., x) -> logits          (weights as arguments: netspec's predictions)
//! predict(x) -> logits                    (weights embedded as constants: an export)
//!
//! `x` is `[batch, ..input]`, the logits `[batch, ..output]`.

use crate::ir::{Graph, Lowering, Module, TensorType, Value};
use crate::layers::Mode;
use crate::network::Network;
use crate::params::{NamedTensor, ParamSpec};

/// Where the function finds the network's parameters and buffers.
#[derive(Clone, Copy, Debug)]
pub enum Weights<'a> {
    /// As the function's first arguments, in `Network::params()` order, each in its device
    /// layout (`ParamSpec::device_shape`).
    Arguments,
    /// As constants in the module, in `Network::params()` order (already matched against the
    /// network, e.g. by `checkpoint::match_specs`): a module that needs only its input.
    Embedded(&'a [NamedTensor]),
}

/// A built forward module and the layout of its function's arguments.
#[derive(Clone, Debug)]
pub struct ForwardModule {
    pub module: Module,
    pub network: &'static str,
    /// The parameters the function takes as arguments (empty when embedded).
    pub params: Vec<ParamSpec>,
    /// `[batch, ..input]`.
    pub input: TensorType,
    /// `[batch, ..output]`.
    pub output: TensorType,
}

/// The one function of a forward module.
pub const FUNCTION: &str = "predict";

impl ForwardModule {
    pub fn batch(&self) -> usize {
        self.input.shape[0]
    }

    /// Values per example of the output: the number of classes.
    pub fn classes(&self) -> usize {
        self.output.shape[1..].iter().product()
    }

    /// The function as IREE resolves it: `<module>.predict`.
    pub fn qualified(&self) -> String {
        format!("{}.{FUNCTION}", self.module.name)
    }
}

/// The forward module of `N` for `batch` examples per call, formulated as `lowering` says.
///
/// Panics when embedded weights do not follow `N::params()` (names and shapes): match them
/// against the network first, which reports a mismatch as an error.
pub fn build<N: Network>(batch: usize, weights: Weights, lowering: Lowering) -> ForwardModule {
    let specs = N::params();
    let mut input_shape = vec![batch];
    input_shape.extend(N::input_shape());
    let input = TensorType::f32(&input_shape);
    let mut g = Graph::new(FUNCTION, lowering);
    let p: Vec<Value> = match weights {
        Weights::Arguments => specs.iter().map(|s| s.arg(&mut g)).collect(),
        Weights::Embedded(tensors) => {
            assert_eq!(
                tensors.len(),
                specs.len(),
                "embedded weights of {}",
                N::NAME
            );
            specs
                .iter()
                .zip(tensors)
                .map(|(s, t)| {
                    assert!(
                        s.name == t.name && s.shape == t.shape,
                        "embedded weight {} {:?} where {} expects {} {:?}",
                        t.name,
                        t.shape,
                        N::NAME,
                        s.name,
                        s.shape
                    );
                    g.tensor_f32(&s.device_shape(), &s.to_device_order(&t.data))
                })
                .collect()
        }
    };
    let x = g.arg("x", input.clone());
    let y = N::forward(&mut g, x, &p, Mode::Eval).y;
    let output = g.ty(y).clone();
    let function = g.finish(vec![y]);
    let (suffix, params) = match weights {
        Weights::Arguments => ("predict", specs),
        Weights::Embedded(_) => ("export", vec![]),
    };
    ForwardModule {
        module: Module {
            name: format!("{}_{suffix}", crate::step::module_name(N::NAME)),
            functions: vec![function],
        },
        network: N::NAME,
        params,
        input,
        output,
    }
}
