//! Elementwise activations. Non-smooth points follow the frameworks: relu'(0) = 0.

use super::{Args, Backward, Forward, Layer, Mode, SpecError};
use crate::ir::{CmpDir, Graph, Value};
use crate::params::ParamSpec;

/// `relu`: max(x, 0); VJP dy · [x > 0].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Relu;

/// `identity`: y = x, dx = dy. Useful to make "no activation" explicit in a spec.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Identity;

impl Relu {
    pub fn from_args(args: &Args, _input: &[usize]) -> Result<Self, SpecError> {
        args.expect("relu", &[], &[])?;
        Ok(Relu)
    }
}

impl Identity {
    pub fn from_args(args: &Args, _input: &[usize]) -> Result<Self, SpecError> {
        args.expect("identity", &[], &[])?;
        Ok(Identity)
    }
}

impl Layer for Relu {
    type Saved = Value;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![]
    }

    fn forward(&self, g: &mut Graph, x: Value, _p: &[Value], _mode: Mode) -> Forward<Value> {
        let zero = g.full_like(0.0, x);
        Forward::new(g.max(x, zero), x)
    }

    fn vjp(&self, g: &mut Graph, x: &Value, _p: &[Value], dy: Value, need_dx: bool) -> Backward {
        let dx = need_dx.then(|| {
            let zero = g.full_like(0.0, *x);
            let pos = g.compare(CmpDir::Gt, *x, zero);
            g.select(pos, dy, zero)
        });
        Backward { dx, grads: vec![] }
    }
}

impl Layer for Identity {
    type Saved = ();

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![]
    }

    fn forward(&self, _g: &mut Graph, x: Value, _p: &[Value], _mode: Mode) -> Forward<()> {
        Forward::new(x, ())
    }

    fn vjp(&self, _g: &mut Graph, _saved: &(), _p: &[Value], dy: Value, need_dx: bool) -> Backward {
        Backward {
            dx: need_dx.then_some(dy),
            grads: vec![],
        }
    }
}
