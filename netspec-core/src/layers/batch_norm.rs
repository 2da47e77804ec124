//! `batch_norm(channels?, eps = 1e-5, momentum = 0.1)`: per-channel normalisation of [C, H, W] images
//! (BatchNorm2d) or [F] features (BatchNorm1d), PyTorch's names and conventions.
//!
//! Training: batch statistics over the N = B·H·W values of each channel (biased variance for
//! normalising); running_mean and running_var move by `momentum` toward the batch mean and the
//! unbiased batch variance; num_batches_tracked counts steps. Evaluation: running statistics.
//!
//! VJP in training, the three-term form, with x̂ = (x - μ)/σ:
//!   dx = (1/N)(1/σ)(N·dx̂ - Σdx̂ - x̂·Σ(dx̂·x̂)),  dx̂ = dy·γ,  dγ = Σ dy·x̂,  dβ = Σ dy.

use super::{shape_str, Args, Backward, Forward, Layer, Mode, SpecError};
use crate::ir::{Graph, Value};
use crate::params::{Init, ParamSpec};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BatchNorm {
    pub channels: usize,
    pub eps: f64,
    pub momentum: f64,
}

impl BatchNorm {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("batch_norm", &["channels"], &["eps", "momentum"])?;
        let momentum = args.float("momentum", 0.1)?;
        if momentum > 1.0 {
            let at = args.find(None, "momentum").map(|(at, _)| at);
            return Err(SpecError {
                at,
                message: format!(
                    "`momentum` is the weight of the new batch, between 0 and 1; found {momentum}"
                ),
            });
        }
        let stated = args.positive(Some(0), "channels")?;
        match input {
            [c] | [c, _, _] => {
                if let Some(n) = stated.filter(|n| n != c) {
                    let at = args.find(Some(0), "channels").map(|(at, _)| at);
                    let message = format!("batch_norm({n}) normalises {n} channels, but this layer receives {c}: input {}", shape_str(input));
                    return Err(SpecError { at, message });
                }
                Ok(BatchNorm { channels: *c, eps: args.float("eps", 1e-5)?, momentum })
            }
            _ => Err(SpecError::layer(format!(
                "batch_norm normalises [channels, height, width] images or [features], but this layer receives {}",
                shape_str(input)
            ))),
        }
    }
}

/// What the backward needs: x̂, 1/σ per channel, and the mode it ran in.
pub struct BatchNormSaved {
    xhat: Value,
    inv_std: Value,
    train: bool,
}

/// The batch dim and the spatial dims: every dim but the channel dim 1.
fn reduce_dims(rank: usize) -> Vec<usize> {
    (0..rank).filter(|d| *d != 1).collect()
}

impl Layer for BatchNorm {
    type Saved = BatchNormSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        let c = [self.channels];
        vec![
            ParamSpec::new("weight", &c, Init::Ones),
            ParamSpec::new("bias", &c, Init::Zeros),
            ParamSpec::buffer("running_mean", &c, Init::Zeros),
            ParamSpec::buffer("running_var", &c, Init::Ones),
            ParamSpec::buffer("num_batches_tracked", &[], Init::Zeros),
        ]
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<BatchNormSaved> {
        let (gamma, beta, running_mean, running_var, tracked) = (p[0], p[1], p[2], p[3], p[4]);
        let shape = g.shape(x).to_vec();
        let dims = reduce_dims(shape.len());
        let n: usize = dims.iter().map(|d| shape[*d]).product();
        let per_channel = |g: &mut Graph, v: Value| g.broadcast_in_dim(v, &shape, &[1]);

        let (mean, var) = match mode {
            Mode::Train => {
                let s = g.reduce_sum(x, &dims);
                let mean = g.scale(s, 1.0 / n as f64);
                let mb = per_channel(g, mean);
                let xc = g.sub(x, mb);
                let sq = g.mul(xc, xc);
                let ss = g.reduce_sum(sq, &dims);
                (mean, g.scale(ss, 1.0 / n as f64))
            }
            Mode::Eval => (running_mean, running_var),
        };
        let eps = g.full_like(self.eps, var);
        let var_eps = g.add(var, eps);
        let inv_std = g.rsqrt(var_eps);
        // In training, x - mean appears twice, for the variance and for x̂: were the two one
        // value (IREE's CSE makes them one), it would be written out whole, and its square
        // too, for the variance's sum to read. Kept apart, the variance's square is summed as
        // x is read, and x̂ is computed from x again.
        let mean = match mode {
            Mode::Train => g.apart(mean),
            Mode::Eval => mean,
        };
        let mb = per_channel(g, mean);
        let xc = g.sub(x, mb);
        let ib = per_channel(g, inv_std);
        let xhat = g.mul(xc, ib);
        let gb = per_channel(g, gamma);
        let bb = per_channel(g, beta);
        let scaled = g.mul(xhat, gb);
        let y = g.add(scaled, bb);

        let state = match mode {
            Mode::Train => {
                let m = self.momentum;
                let blend = |g: &mut Graph, old: Value, new: Value| {
                    let a = g.scale(old, 1.0 - m);
                    let b = g.scale(new, m);
                    g.add(a, b)
                };
                let unbiased = g.scale(var, n as f64 / (n as f64 - 1.0).max(1.0));
                let one = g.scalar(1.0);
                vec![
                    blend(g, running_mean, mean),
                    blend(g, running_var, unbiased),
                    g.add(tracked, one),
                ]
            }
            Mode::Eval => vec![running_mean, running_var, tracked],
        };
        Forward {
            y,
            saved: BatchNormSaved {
                xhat,
                inv_std,
                train: mode == Mode::Train,
            },
            state,
        }
    }

    fn vjp(
        &self,
        g: &mut Graph,
        s: &BatchNormSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let shape = g.shape(dy).to_vec();
        let dims = reduce_dims(shape.len());
        let n: usize = dims.iter().map(|d| shape[*d]).product();
        let per_channel = |g: &mut Graph, v: Value| g.broadcast_in_dim(v, &shape, &[1]);

        let dy_xhat = g.mul(dy, s.xhat);
        let dgamma = g.reduce_sum(dy_xhat, &dims);
        let dbeta = g.reduce_sum(dy, &dims);
        let dx = need_dx.then(|| {
            let gamma_inv = g.mul(p[0], s.inv_std);
            let scale = per_channel(g, gamma_inv);
            if !s.train {
                // Running statistics are constants: the layer is affine.
                return g.mul(dy, scale);
            }
            // dx̂ = dy·γ, so Σdx̂ = γ·Σdy and Σdx̂·x̂ = γ·dγ: reuse the parameter gradients.
            let n_dy = g.scale(dy, n as f64);
            let sum_b = per_channel(g, dbeta);
            let sum_g = per_channel(g, dgamma);
            let xhat_sum = g.mul(s.xhat, sum_g);
            let t = g.sub(n_dy, sum_b);
            let t = g.sub(t, xhat_sum);
            let t = g.mul(t, scale);
            g.scale(t, 1.0 / n as f64)
        });
        Backward {
            dx,
            grads: vec![dgamma, dbeta],
        }
    }
}
