//! `dropout(p)` and stochastic depth on residual branches. Both multiply by a mask the host
//! draws per step (see `crate::noise`), so their VJP is the product with the same mask; in
//! evaluation both are the identity.

use super::{ArgValue, Args, Backward, Forward, Layer, Mode, SpecError};
use crate::ir::{Graph, Value};
use crate::noise::DepthRule;
use crate::params::ParamSpec;

/// PyTorch's `nn.Dropout(p)`: in training each element is zeroed with probability `p` and the
/// rest scaled by 1/(1 - p).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dropout {
    pub p: f64,
}

impl Dropout {
    pub fn from_args(args: &Args, _input: &[usize]) -> Result<Self, SpecError> {
        args.expect("dropout", &["p"], &[])?;
        let p = match args.find(Some(0), "p") {
            None => 0.5,
            Some((_, ArgValue::Float(p))) if (0.0..1.0).contains(p) => *p,
            Some((_, ArgValue::Int(0))) => 0.0,
            Some((at, _)) => {
                return Err(SpecError {
                    at: Some(at),
                    message: "`p` is a drop probability in [0, 1), e.g. `dropout(0.2)`".into(),
                })
            }
        };
        Ok(Dropout { p })
    }
}

impl Layer for Dropout {
    /// The mask, when one was drawn.
    type Saved = Option<Value>;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![]
    }

    fn forward(&self, g: &mut Graph, x: Value, _p: &[Value], mode: Mode) -> Forward<Self::Saved> {
        if mode == Mode::Eval || self.p == 0.0 {
            return Forward::new(x, None);
        }
        let shape = g.shape(x).to_vec();
        let mask = g.dropout_mask(&shape, self.p);
        Forward::new(g.mul(x, mask), Some(mask))
    }

    fn vjp(
        &self,
        g: &mut Graph,
        mask: &Option<Value>,
        _p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        Backward {
            dx: need_dx.then(|| match mask {
                Some(m) => g.mul(dy, *m),
                None => dy,
            }),
            grads: vec![],
        }
    }
}

/// Stochastic depth (torchvision's `StochasticDepth(mode="row")`) on a residual branch
/// [N, ...]: counts one depth block and, in training, scales each example's branch by its
/// mask entry. Returns the branch and the broadcast mask its VJP needs.
pub fn drop_path(
    g: &mut Graph,
    branch: Value,
    mode: Mode,
    rule: DepthRule,
) -> (Value, Option<Value>) {
    let block = g.depth_block();
    if mode == Mode::Eval {
        return (branch, None);
    }
    let shape = g.shape(branch).to_vec();
    let mask = g.drop_path_mask(shape[0], block, rule);
    let mask = g.broadcast_in_dim(mask, &shape, &[0]);
    (g.mul(branch, mask), Some(mask))
}

/// The gradient reaching the branch's output from `dy` at the block's output.
pub fn drop_path_vjp(g: &mut Graph, dy: Value, mask: Option<Value>) -> Value {
    match mask {
        Some(m) => g.mul(dy, m),
        None => dy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::ArgRef;

    fn args(p: ArgValue) -> Args {
        Args {
            positional: vec![p],
            named: vec![],
        }
    }

    #[test]
    fn p_is_a_probability_below_one() {
        assert_eq!(
            Dropout::from_args(&args(ArgValue::Float(0.2)), &[8])
                .unwrap()
                .p,
            0.2
        );
        let e = Dropout::from_args(&args(ArgValue::Float(1.5)), &[8]).unwrap_err();
        assert_eq!(e.at, Some(ArgRef::Positional(0)));
        assert!(e.message.contains("[0, 1)"), "{}", e.message);
    }
}
