//! Layers. Each file holds one family: its arguments, shape rule, parameters, forward and
//! closed-form VJP, side by side. `catalog` is the only list of them.

pub mod activation;
pub mod args;
pub mod batch_norm;
pub mod catalog;
pub mod compose;
pub mod conv;
pub mod convnext;
pub mod dense;
pub mod dropout;
pub mod flatten;
pub mod layer_norm;
pub mod mobile;
pub mod pool;
pub mod residual;
pub mod vit;
pub mod window;

pub use crate::noise::DepthRule;
pub use crate::params::Init;
pub use activation::{Gelu, Identity, Relu, Relu6, Sigmoid, Silu};
pub use args::{ArgValue, Args};
pub use batch_norm::BatchNorm;
pub use catalog::LayerConfig;
pub use compose::{Join, Node, NodeSaved, Part, Skip, SkipRule};
pub use conv::Conv2d;
pub use convnext::{ChannelLinear, DepthwiseConv, LayerScale};
pub use dense::Dense;
pub use dropout::Dropout;
pub use flatten::Flatten;
pub use layer_norm::LayerNorm;
pub use mobile::ConvAct;
pub use pool::{GlobalAvgPool, Pool2d, PoolKind};
pub use vit::{ClassToken, PatchEmbed, PositionEmbedding, SelfAttention, TokenLinear, VitHead};
pub use window::Window;

use crate::ir::{Graph, Value};
use crate::params::ParamSpec;

/// Training uses batch statistics and updates running state; evaluation reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Train,
    Eval,
}

/// A layer's forward result: its output, what its VJP needs, and new values of its buffers
/// (non-trainable parameters, in declaration order; empty for stateless layers).
pub struct Forward<S> {
    pub y: Value,
    pub saved: S,
    pub state: Vec<Value>,
}

impl<S> Forward<S> {
    pub fn new(y: Value, saved: S) -> Self {
        Forward {
            y,
            saved,
            state: vec![],
        }
    }
}

/// A layer's VJP result: the input gradient (when asked for) and one gradient per trainable
/// parameter, in declaration order.
pub struct Backward {
    pub dx: Option<Value>,
    pub grads: Vec<Value>,
}

/// One layer. Shapes exclude the batch dimension; values include it as dim 0.
pub trait Layer {
    /// What the forward pass keeps for the VJP.
    type Saved;
    /// Per-example output shape for the per-example `input` the layer was built for (its
    /// constructor `from_args` has checked that input already).
    fn output_shape(&self, input: &[usize]) -> Vec<usize>;
    /// Parameters and buffers, with names local to the layer (`weight`, `bias`).
    fn params(&self) -> Vec<ParamSpec>;
    /// `p` holds this layer's parameters, in `params()` order.
    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<Self::Saved>;
    /// Pulls `dy` back through the layer. `need_dx` is false for the first layer that matters.
    fn vjp(
        &self,
        g: &mut Graph,
        saved: &Self::Saved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward;
}

/// An error found while building a layer for a given input, pointing at an argument when one
/// is to blame; the macro turns it into a compile error at that token.
#[derive(Clone, Debug, PartialEq)]
pub struct SpecError {
    pub at: Option<ArgRef>,
    pub message: String,
}

/// Which argument of a layer call an error is about.
#[derive(Clone, Debug, PartialEq)]
pub enum ArgRef {
    Positional(usize),
    Named(String),
}

impl SpecError {
    pub fn layer(message: impl Into<String>) -> Self {
        SpecError {
            at: None,
            message: message.into(),
        }
    }
}

/// `[1, 28, 28]` as a person writes it.
pub fn shape_str(shape: &[usize]) -> String {
    format!(
        "[{}]",
        shape
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )
}
