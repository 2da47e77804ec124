//! Elementwise activations. Non-smooth points follow the frameworks: relu'(0) = 0, and
//! relu6 has gradient 0 at both of its kinks, x = 0 and x = 6.
//!
//! Each states only its function and its derivative (`Pointwise`); the `Layer` plumbing
//! (same shape, no parameters, dx = dy · f'(x)) is written once, below.

use super::{Args, Backward, Forward, Layer, Mode, SpecError};
use crate::ir::{CmpDir, Graph, UnaryOp, Value};
use crate::params::ParamSpec;

/// A parameterless elementwise layer: y = f(x), and its VJP dy · f'(x) from what `apply` kept.
pub trait Pointwise {
    type Kept;
    fn apply(&self, g: &mut Graph, x: Value) -> (Value, Self::Kept);
    /// dy · f'(x).
    fn pull_back(&self, g: &mut Graph, kept: &Self::Kept, dy: Value) -> Value;
}

impl<T: Pointwise> Layer for T {
    type Saved = T::Kept;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![]
    }

    fn forward(&self, g: &mut Graph, x: Value, _p: &[Value], _mode: Mode) -> Forward<T::Kept> {
        let (y, kept) = self.apply(g, x);
        Forward::new(y, kept)
    }

    fn vjp(
        &self,
        g: &mut Graph,
        kept: &T::Kept,
        _p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        Backward {
            dx: need_dx.then(|| self.pull_back(g, kept, dy)),
            grads: vec![],
        }
    }
}

/// `name` takes no arguments: `relu`, not `relu(0.1)`.
macro_rules! takes_no_arguments {
    ($($ty:ident => $name:literal),* $(,)?) => {$(
        impl $ty {
            pub fn from_args(args: &Args, _input: &[usize]) -> Result<Self, SpecError> {
                args.expect($name, &[], &[])?;
                Ok($ty)
            }
        }
    )*};
}

takes_no_arguments! {
    Relu => "relu",
    Identity => "identity",
    Relu6 => "relu6",
    Sigmoid => "sigmoid",
    Silu => "silu",
    Gelu => "gelu",
}

/// `relu`: max(x, 0); VJP dy · [x > 0].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Relu;

/// `identity`: y = x, dx = dy. Useful to make "no activation" explicit in a spec.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Identity;

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

/// 1 - v, elementwise.
fn one_minus(g: &mut Graph, v: Value) -> Value {
    let one = g.full_like(1.0, v);
    g.sub(one, v)
}

// ReLU and ReLU6 keep their output, not their input: y > 0 (and y < 6) exactly where x is,
// NaN included, and the output is kept anyway as the next layer's input, so the step need not
// write the input out (after a BatchNorm, a tensor as large as the activation).
impl Pointwise for Relu {
    /// y = max(x, 0).
    type Kept = Value;

    fn apply(&self, g: &mut Graph, x: Value) -> (Value, Value) {
        let zero = g.full_like(0.0, x);
        let y = g.max(x, zero);
        (y, y)
    }

    fn pull_back(&self, g: &mut Graph, y: &Value, dy: Value) -> Value {
        let zero = g.full_like(0.0, *y);
        let pos = g.compare(CmpDir::Gt, *y, zero);
        g.select(pos, dy, zero)
    }
}

impl Pointwise for Identity {
    type Kept = ();

    fn apply(&self, _g: &mut Graph, x: Value) -> (Value, ()) {
        (x, ())
    }

    fn pull_back(&self, _g: &mut Graph, _kept: &(), dy: Value) -> Value {
        dy
    }
}

impl Pointwise for Relu6 {
    /// y = min(max(x, 0), 6).
    type Kept = Value;

    fn apply(&self, g: &mut Graph, x: Value) -> (Value, Value) {
        let zero = g.full_like(0.0, x);
        let six = g.full_like(6.0, x);
        let pos = g.max(x, zero);
        let y = g.min(pos, six);
        (y, y)
    }

    fn pull_back(&self, g: &mut Graph, y: &Value, dy: Value) -> Value {
        let zero = g.full_like(0.0, *y);
        let six = g.full_like(6.0, *y);
        let above = g.compare(CmpDir::Gt, *y, zero);
        let below = g.compare(CmpDir::Lt, *y, six);
        let inside = g.and(above, below);
        g.select(inside, dy, zero)
    }
}

impl Pointwise for Sigmoid {
    /// s = sigmoid(x).
    type Kept = Value;

    fn apply(&self, g: &mut Graph, x: Value) -> (Value, Value) {
        let s = g.unary(UnaryOp::Logistic, x);
        (s, s)
    }

    fn pull_back(&self, g: &mut Graph, s: &Value, dy: Value) -> Value {
        let c = one_minus(g, *s);
        let ds = g.mul(*s, c);
        g.mul(dy, ds)
    }
}

impl Pointwise for Silu {
    /// (x, sigmoid(x)).
    type Kept = (Value, Value);

    fn apply(&self, g: &mut Graph, x: Value) -> (Value, (Value, Value)) {
        let s = g.unary(UnaryOp::Logistic, x);
        (g.mul(x, s), (x, s))
    }

    fn pull_back(&self, g: &mut Graph, &(x, s): &(Value, Value), dy: Value) -> Value {
        // s + x·s(1 - s) = s·(1 + x(1 - s)).
        let c = one_minus(g, s);
        let xc = g.mul(x, c);
        let one = g.full_like(1.0, x);
        let t = g.add(one, xc);
        let d = g.mul(s, t);
        g.mul(dy, d)
    }
}

impl Pointwise for Gelu {
    /// (x, Φ(x)).
    type Kept = (Value, Value);

    fn apply(&self, g: &mut Graph, x: Value) -> (Value, (Value, Value)) {
        // Φ(x) = 0.5·(1 + erf(x/√2)).
        let xs = g.scale(x, std::f64::consts::FRAC_1_SQRT_2);
        let e = g.erf(xs);
        let one = g.full_like(1.0, x);
        let t = g.add(one, e);
        let cdf = g.scale(t, 0.5);
        (g.mul(x, cdf), (x, cdf))
    }

    fn pull_back(&self, g: &mut Graph, &(x, cdf): &(Value, Value), dy: Value) -> Value {
        // φ(x) = e^(-x²/2) / √(2π).
        let x2 = g.mul(x, x);
        let h = g.scale(x2, -0.5);
        let e = g.exp(h);
        let inv_sqrt_2pi = 0.5 * std::f64::consts::FRAC_2_SQRT_PI * std::f64::consts::FRAC_1_SQRT_2;
        let pdf = g.scale(e, inv_sqrt_2pi);
        let xpdf = g.mul(x, pdf);
        let d = g.add(cdf, xpdf);
        g.mul(dy, d)
    }
}
