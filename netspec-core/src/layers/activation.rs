//! Elementwise activations. Non-smooth points follow the frameworks: relu'(0) = 0, and
//! relu6 has gradient 0 at both of its kinks, x = 0 and x = 6.

use super::{Args, Backward, Forward, Layer, Mode, SpecError};
use crate::ir::{CmpDir, Graph, UnaryOp, Value};
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

/// `relu6`: min(max(x, 0), 6); VJP dy · [0 < x < 6]. At both kinks, x = 0 and x = 6, the
/// gradient is 0, as in PyTorch (ReLU6 is hardtanh(0, 6), whose backward passes dy only
/// strictly inside the interval) and JAX.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Relu6;

/// `sigmoid`: s = 1 / (1 + e^-x) (the IR's logistic op); VJP dy · s(1 - s). Smooth.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sigmoid;

/// `silu` (also called swish): x · s(x) with s the sigmoid; VJP dy · (s + x·s(1 - s)).
/// Smooth.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Silu;

/// `gelu`, the exact form: x · Φ(x) = 0.5·x·(1 + erf(x/√2)), with Φ the standard normal CDF
/// (PyTorch's default `approximate = 'none'`); VJP dy · (Φ(x) + x·φ(x)), with
/// φ(x) = e^(-x²/2)/√(2π) the standard normal density. Smooth.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gelu;

impl Relu6 {
    pub fn from_args(args: &Args, _input: &[usize]) -> Result<Self, SpecError> {
        args.expect("relu6", &[], &[])?;
        Ok(Relu6)
    }
}

impl Sigmoid {
    pub fn from_args(args: &Args, _input: &[usize]) -> Result<Self, SpecError> {
        args.expect("sigmoid", &[], &[])?;
        Ok(Sigmoid)
    }
}

impl Silu {
    pub fn from_args(args: &Args, _input: &[usize]) -> Result<Self, SpecError> {
        args.expect("silu", &[], &[])?;
        Ok(Silu)
    }
}

impl Gelu {
    pub fn from_args(args: &Args, _input: &[usize]) -> Result<Self, SpecError> {
        args.expect("gelu", &[], &[])?;
        Ok(Gelu)
    }
}

/// 1 - v, elementwise.
fn one_minus(g: &mut Graph, v: Value) -> Value {
    let one = g.full_like(1.0, v);
    g.sub(one, v)
}

impl Layer for Relu6 {
    type Saved = Value;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![]
    }

    fn forward(&self, g: &mut Graph, x: Value, _p: &[Value], _mode: Mode) -> Forward<Value> {
        let zero = g.full_like(0.0, x);
        let six = g.full_like(6.0, x);
        let pos = g.max(x, zero);
        Forward::new(g.min(pos, six), x)
    }

    fn vjp(&self, g: &mut Graph, x: &Value, _p: &[Value], dy: Value, need_dx: bool) -> Backward {
        let dx = need_dx.then(|| {
            let zero = g.full_like(0.0, *x);
            let six = g.full_like(6.0, *x);
            let above = g.compare(CmpDir::Gt, *x, zero);
            let below = g.compare(CmpDir::Lt, *x, six);
            let inside = g.and(above, below);
            g.select(inside, dy, zero)
        });
        Backward { dx, grads: vec![] }
    }
}

impl Layer for Sigmoid {
    /// s = sigmoid(x).
    type Saved = Value;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![]
    }

    fn forward(&self, g: &mut Graph, x: Value, _p: &[Value], _mode: Mode) -> Forward<Value> {
        let s = g.unary(UnaryOp::Logistic, x);
        Forward::new(s, s)
    }

    fn vjp(&self, g: &mut Graph, s: &Value, _p: &[Value], dy: Value, need_dx: bool) -> Backward {
        let dx = need_dx.then(|| {
            let c = one_minus(g, *s);
            let ds = g.mul(*s, c);
            g.mul(dy, ds)
        });
        Backward { dx, grads: vec![] }
    }
}

impl Layer for Silu {
    /// (x, sigmoid(x)).
    type Saved = (Value, Value);

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![]
    }

    fn forward(
        &self,
        g: &mut Graph,
        x: Value,
        _p: &[Value],
        _mode: Mode,
    ) -> Forward<(Value, Value)> {
        let s = g.unary(UnaryOp::Logistic, x);
        Forward::new(g.mul(x, s), (x, s))
    }

    fn vjp(
        &self,
        g: &mut Graph,
        &(x, s): &(Value, Value),
        _p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        // s + x·s(1 - s) = s·(1 + x(1 - s)).
        let dx = need_dx.then(|| {
            let c = one_minus(g, s);
            let xc = g.mul(x, c);
            let one = g.full_like(1.0, x);
            let t = g.add(one, xc);
            let d = g.mul(s, t);
            g.mul(dy, d)
        });
        Backward { dx, grads: vec![] }
    }
}

impl Layer for Gelu {
    /// (x, Φ(x)).
    type Saved = (Value, Value);

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![]
    }

    fn forward(
        &self,
        g: &mut Graph,
        x: Value,
        _p: &[Value],
        _mode: Mode,
    ) -> Forward<(Value, Value)> {
        // Φ(x) = 0.5·(1 + erf(x/√2)).
        let xs = g.scale(x, std::f64::consts::FRAC_1_SQRT_2);
        let e = g.erf(xs);
        let one = g.full_like(1.0, x);
        let t = g.add(one, e);
        let cdf = g.scale(t, 0.5);
        Forward::new(g.mul(x, cdf), (x, cdf))
    }

    fn vjp(
        &self,
        g: &mut Graph,
        &(x, cdf): &(Value, Value),
        _p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let dx = need_dx.then(|| {
            // φ(x) = e^(-x²/2) / √(2π).
            let x2 = g.mul(x, x);
            let h = g.scale(x2, -0.5);
            let e = g.exp(h);
            let inv_sqrt_2pi =
                0.5 * std::f64::consts::FRAC_2_SQRT_PI * std::f64::consts::FRAC_1_SQRT_2;
            let pdf = g.scale(e, inv_sqrt_2pi);
            let xpdf = g.mul(x, pdf);
            let d = g.add(cdf, xpdf);
            g.mul(dy, d)
        });
        Backward { dx, grads: vec![] }
    }
}
