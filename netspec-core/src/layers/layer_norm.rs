//! `layer_norm(features?, eps = 1e-5, channels_first = false)`: PyTorch's `nn.LayerNorm(d)`
//! over the last dimension of each example, with an elementwise affine weight γ (ones) and
//! bias β (zeros) of shape [d]. It serves token sequences [T, D] and feature vectors [D]
//! (any rank: only the last dimension is normalised).
//!
//! `channels_first = true` normalises the channels of [C, H, W] images at each pixel instead:
//! ConvNeXt's `LayerNorm2d` (its `data_format = "channels_first"`), used in its stem and
//! downsampling layers, with γ and β of shape [C].
//!
//! Statistics are per example and position, over the D normalised values, with the biased
//! variance: μ = mean(x), σ = √(mean((x - μ)²) + eps), x̂ = (x - μ)/σ, y = γ·x̂ + β. Training
//! and evaluation compute the same thing (no running statistics). Smooth everywhere.
//!
//! VJP, with means over the normalised dimension:
//!   dx = (1/σ)(dx̂ - mean(dx̂) - x̂·mean(dx̂·x̂)),  dx̂ = dy·γ,
//!   dγ = Σ dy·x̂,  dβ = Σ dy  (sums over every dimension but the normalised one, batch included).

use super::{shape_str, Args, Backward, Forward, Layer, Mode, SpecError};
use crate::ir::{Graph, Value};
use crate::params::{Init, ParamSpec};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayerNorm {
    /// Size of the normalised dimension (D, or C when channels-first).
    pub features: usize,
    pub eps: f64,
    /// Normalise dimension 0 of a per-example [C, H, W] image, not the last dimension.
    pub channels_first: bool,
}

impl LayerNorm {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("layer_norm", &["features"], &["eps", "channels_first"])?;
        let eps = args.float("eps", 1e-5)?;
        let channels_first = args.bool("channels_first", false)?;
        let stated = args.positive(Some(0), "features")?;
        let features = if channels_first {
            match input {
                [c, _, _] => *c,
                _ => {
                    let at = args.find(None, "channels_first").map(|(at, _)| at);
                    let message = format!(
                        "layer_norm(channels_first = true) normalises the channels of [channels, height, width] images, but this layer receives {}{}",
                        shape_str(input),
                        if input.is_empty() {
                            ""
                        } else {
                            ": without `channels_first` it normalises the last dimension"
                        }
                    );
                    return Err(SpecError { at, message });
                }
            }
        } else {
            match input.last() {
                Some(d) => *d,
                None => {
                    return Err(SpecError::layer(format!(
                        "layer_norm normalises the last dimension of its input, but this layer receives a scalar {}",
                        shape_str(input)
                    )))
                }
            }
        };
        if let Some(n) = stated.filter(|n| *n != features) {
            let at = args.find(Some(0), "features").map(|(at, _)| at);
            let what = if channels_first {
                "channels"
            } else {
                "features"
            };
            let message = format!(
                "layer_norm({n}) normalises {n} {what}, but this layer receives {}",
                shape_str(input)
            );
            return Err(SpecError { at, message });
        }
        Ok(LayerNorm {
            features,
            eps,
            channels_first,
        })
    }

    /// The normalised dimension of a value of `rank` (batch dim included).
    fn axis(&self, rank: usize) -> usize {
        if self.channels_first {
            1
        } else {
            rank - 1
        }
    }
}

/// What the backward needs: x̂ and 1/σ (the value's shape without the normalised dimension).
pub struct LayerNormSaved {
    xhat: Value,
    inv_std: Value,
}

/// Every dimension of a value of `rank` but `axis`.
fn other_dims(rank: usize, axis: usize) -> Vec<usize> {
    (0..rank).filter(|d| *d != axis).collect()
}

impl Layer for LayerNorm {
    type Saved = LayerNormSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        let d = [self.features];
        vec![
            ParamSpec::new("weight", &d, Init::Ones),
            ParamSpec::new("bias", &d, Init::Zeros),
        ]
    }

    fn forward(
        &self,
        g: &mut Graph,
        x: Value,
        p: &[Value],
        _mode: Mode,
    ) -> Forward<LayerNormSaved> {
        let shape = g.shape(x).to_vec();
        let axis = self.axis(shape.len());
        let others = other_dims(shape.len(), axis);
        let n = shape[axis] as f64;
        // Statistics have every dim but `axis`; parameters only `axis`.
        let per_position = |g: &mut Graph, v: Value| g.broadcast_in_dim(v, &shape, &others);
        let per_feature = |g: &mut Graph, v: Value| g.broadcast_in_dim(v, &shape, &[axis]);

        let s = g.reduce_sum(x, &[axis]);
        let mean = g.scale(s, 1.0 / n);
        let mb = per_position(g, mean);
        let xc = g.sub(x, mb);
        let sq = g.mul(xc, xc);
        let ss = g.reduce_sum(sq, &[axis]);
        let var = g.scale(ss, 1.0 / n);
        let eps = g.full_like(self.eps, var);
        let var_eps = g.add(var, eps);
        let inv_std = g.rsqrt(var_eps);
        let ib = per_position(g, inv_std);
        let xhat = g.mul(xc, ib);
        let gb = per_feature(g, p[0]);
        let bb = per_feature(g, p[1]);
        let scaled = g.mul(xhat, gb);
        let y = g.add(scaled, bb);
        Forward::new(y, LayerNormSaved { xhat, inv_std })
    }

    fn vjp(
        &self,
        g: &mut Graph,
        s: &LayerNormSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let shape = g.shape(dy).to_vec();
        let axis = self.axis(shape.len());
        let others = other_dims(shape.len(), axis);
        let n = shape[axis] as f64;

        let dy_xhat = g.mul(dy, s.xhat);
        let dgamma = g.reduce_sum(dy_xhat, &others);
        let dbeta = g.reduce_sum(dy, &others);
        let dx = need_dx.then(|| {
            let gb = g.broadcast_in_dim(p[0], &shape, &[axis]);
            let dxhat = g.mul(dy, gb);
            let sum1 = g.reduce_sum(dxhat, &[axis]);
            let mean1 = g.scale(sum1, 1.0 / n);
            let prod = g.mul(dxhat, s.xhat);
            let sum2 = g.reduce_sum(prod, &[axis]);
            let mean2 = g.scale(sum2, 1.0 / n);
            let m1 = g.broadcast_in_dim(mean1, &shape, &others);
            let m2 = g.broadcast_in_dim(mean2, &shape, &others);
            let xm2 = g.mul(s.xhat, m2);
            let t = g.sub(dxhat, m1);
            let t = g.sub(t, xm2);
            let ib = g.broadcast_in_dim(s.inv_std, &shape, &others);
            g.mul(t, ib)
        });
        Backward {
            dx,
            grads: vec![dgamma, dbeta],
        }
    }
}
