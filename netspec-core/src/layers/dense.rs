//! `dense(out_features, bias = true)`: y = x Wᵀ + b, with W in PyTorch's [out, in] layout.
//!
//! VJP: dx = dy W, dW = dyᵀ x, db = Σ_batch dy.

use super::{shape_str, Args, Backward, Forward, Layer, Mode, SpecError};
use crate::ir::{Graph, MatmulRole, Value};
use crate::params::{Init, ParamSpec};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dense {
    pub in_features: usize,
    pub out_features: usize,
    pub bias: bool,
}

impl Dense {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("dense", &["out_features"], &["bias"])?;
        let out_features = args.required_positive("dense", 0, "out_features")?;
        let bias = args.bool("bias", true)?;
        match input {
            [n] => Ok(Dense { in_features: *n, out_features, bias }),
            _ => Err(SpecError::layer(format!(
                "dense needs a flat input [features], but this layer receives {}: put `flatten` before it",
                shape_str(input)
            ))),
        }
    }
}

impl Layer for Dense {
    type Saved = Value;

    fn output_shape(&self, _input: &[usize]) -> Vec<usize> {
        vec![self.out_features]
    }

    fn params(&self) -> Vec<ParamSpec> {
        let bound = 1.0 / (self.in_features as f64).sqrt();
        let mut p = vec![ParamSpec::new(
            "weight",
            &[self.out_features, self.in_features],
            Init::Uniform { bound },
        )];
        if self.bias {
            p.push(ParamSpec::new(
                "bias",
                &[self.out_features],
                Init::Uniform { bound },
            ));
        }
        p
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], _mode: Mode) -> Forward<Value> {
        let xw = g.matmul_as(MatmulRole::Dense, x, 1, p[0], 1);
        let y = if self.bias {
            let shape = g.shape(xw).to_vec();
            let b = g.broadcast_in_dim(p[1], &shape, &[1]);
            g.add(xw, b)
        } else {
            xw
        };
        Forward::new(y, x)
    }

    fn vjp(&self, g: &mut Graph, x: &Value, p: &[Value], dy: Value, need_dx: bool) -> Backward {
        let dx = need_dx.then(|| g.matmul_as(MatmulRole::Dense, dy, 1, p[0], 0));
        let mut grads = vec![g.matmul_tn(dy, *x, 1)];
        if self.bias {
            grads.push(g.reduce_sum(dy, &[0]));
        }
        Backward { dx, grads }
    }
}
