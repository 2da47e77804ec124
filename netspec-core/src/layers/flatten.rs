//! `flatten`: [C, H, W] to [C·H·W] in row-major order, as PyTorch's `nn.Flatten`.
//! Its VJP reshapes the gradient back.

use super::{Args, Backward, Forward, Layer, Mode, SpecError};
use crate::ir::{Graph, Value};
use crate::params::ParamSpec;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flatten {
    pub features: usize,
}

impl Flatten {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("flatten", &[], &[])?;
        Ok(Flatten {
            features: input.iter().product(),
        })
    }
}

impl Layer for Flatten {
    /// The input's batched shape.
    type Saved = Vec<usize>;

    fn output_shape(&self, _input: &[usize]) -> Vec<usize> {
        vec![self.features]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![]
    }

    fn forward(&self, g: &mut Graph, x: Value, _p: &[Value], _mode: Mode) -> Forward<Vec<usize>> {
        let shape = g.shape(x).to_vec();
        let y = g.reshape(x, &[shape[0], self.features]);
        Forward::new(y, shape)
    }

    fn vjp(
        &self,
        g: &mut Graph,
        shape: &Vec<usize>,
        _p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        Backward {
            dx: need_dx.then(|| g.reshape(dy, shape)),
            grads: vec![],
        }
    }
}
