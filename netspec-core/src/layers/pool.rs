//! Pooling: `max_pool(k, s = k, p = 0)`, `avg_pool(k, s = k, p = 0)` and `global_avg_pool`.
//!
//! Two formulations, one meaning:
//! - Tiled (stride = window, the usual `max_pool(2)`): the padded input, cut to whole windows,
//!   is reshaped to [B, C, OH, kh, OW, kw] and reduced over the window axes. The VJP is one
//!   select per input element against the broadcast dy, reshaped back: no strided access, so
//!   IREE fuses it into a couple of vectorised loops (the sliced form below cost the MNIST
//!   CNN's train step about 60% of its time on the CPU).
//! - Sliced (overlapping or gapped windows): a k×k window is read as k² strided slices of the
//!   padded input, one per offset (u, v); the forward takes their maximum or mean. The VJP
//!   sends each slice's share of dy back to the offsets it came from with a strided pad
//!   (interior padding s-1), and sums.
//!
//! Max-pool ties go to the lowest index of the window, as PyTorch and JAX do: in the tiled form
//! each window's first maximal offset (row-major) is found by a min-reduction over the offsets
//! that equal the maximum; in the sliced form offsets are visited in row-major order and an
//! offset takes the gradient only where it equals the maximum and no earlier offset did.
//! (IREE's `select_and_scatter` sends ties to the last maximum, so it is not used.)

use super::window::Window;
use super::{Args, Backward, Forward, Layer, Mode, SpecError};
use crate::ir::{CmpDir, DType, Graph, TensorType, Value};
use crate::params::ParamSpec;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PoolKind {
    Max,
    /// Mean over the window, padding included (PyTorch's count_include_pad=True).
    Avg,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pool2d {
    pub kind: PoolKind,
    pub window: Window,
    pub input: [usize; 2],
}

impl Pool2d {
    pub fn max_from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        Self::from_args(PoolKind::Max, "max_pool", args, input)
    }

    pub fn avg_from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        Self::from_args(PoolKind::Avg, "avg_pool", args, input)
    }

    fn from_args(
        kind: PoolKind,
        name: &str,
        args: &Args,
        input: &[usize],
    ) -> Result<Self, SpecError> {
        args.expect(name, &["k"], &["s", "p"])?;
        let k = args.positive(Some(0), "k")?.ok_or_else(|| {
            SpecError::layer(format!("`{name}` needs a window size, e.g. `{name}(2)`"))
        })?;
        let s = args.positive(None, "s")?.unwrap_or(k);
        let p = args.padding("p", k, s)?;
        if p.0.max(p.1) > k / 2 {
            let at = args.find(None, "p").map(|(at, _)| at);
            return Err(SpecError {
                at,
                message: format!(
                    "{name}(k = {k}) takes a padding of at most {} (half the window)",
                    k / 2
                ),
            });
        }
        let window = Window::square(k, s, p);
        let input = window.check(&format!("{name}(k = {k})"), input)?;
        Ok(Pool2d {
            kind,
            window,
            input,
        })
    }

    /// The slice of the padded input that offset (u, v) of every window reads.
    fn patch(&self, g: &mut Graph, padded: Value, u: usize, v: usize) -> Value {
        let shape = g.shape(padded).to_vec();
        let [oh, ow] = self.window.output(self.input);
        let [sh, sw] = self.window.stride;
        g.slice(
            padded,
            &[0, 0, u, v],
            &[
                shape[0],
                shape[1],
                u + sh * (oh - 1) + 1,
                v + sw * (ow - 1) + 1,
            ],
            &[1, 1, sh, sw],
        )
    }

    /// Places a [B, C, OH, OW] share back at the input positions offset (u, v) read from.
    fn unpatch(&self, g: &mut Graph, share: Value, u: usize, v: usize) -> Value {
        let [oh, ow] = self.window.output(self.input);
        let [sh, sw] = self.window.stride;
        let [(ph, _), (pw, _)] = self.window.padding;
        let [h, w] = self.input;
        let low = [u as i64 - ph as i64, v as i64 - pw as i64];
        let high = [
            h as i64 - (low[0] + (sh * (oh - 1) + 1) as i64),
            w as i64 - (low[1] + (sw * (ow - 1) + 1) as i64),
        ];
        let zero = g.scalar(0.0);
        g.pad(
            share,
            zero,
            &[0, 0, low[0], low[1]],
            &[0, 0, high[0], high[1]],
            &[0, 0, sh - 1, sw - 1],
        )
    }

    /// Windows that tile the padded input (stride = window) take the reshaped form.
    fn tiled(&self) -> bool {
        self.window.stride == self.window.kernel
    }

    /// [B, C, OH, kh, OW, kw]: the padded input cut to whole windows, one axis per offset.
    fn tiles(&self, g: &mut Graph, padded: Value) -> Value {
        let shape = g.shape(padded).to_vec();
        let [oh, ow] = self.window.output(self.input);
        let [kh, kw] = self.window.kernel;
        let (b, c) = (shape[0], shape[1]);
        let whole = if shape[2] == oh * kh && shape[3] == ow * kw {
            padded
        } else {
            g.slice(padded, &[0; 4], &[b, c, oh * kh, ow * kw], &[1; 4])
        };
        g.reshape(whole, &[b, c, oh, kh, ow, kw])
    }

    /// Tiled VJP: `share` ([B, C, OH, kh, OW, kw]) back to the input's [B, C, H, W], dropping
    /// the padding and putting zeros where no window reached.
    fn untile(&self, g: &mut Graph, share: Value) -> Value {
        let s = g.shape(share).to_vec();
        let d = g.reshape(share, &[s[0], s[1], s[2] * s[3], s[4] * s[5]]);
        let [(pt, _), (pl, _)] = self.window.padding;
        let [h, w] = self.input;
        let low = [-(pt as i64), -(pl as i64)];
        let high = [
            (pt + h) as i64 - (s[2] * s[3]) as i64,
            (pl + w) as i64 - (s[4] * s[5]) as i64,
        ];
        if low == [0, 0] && high == [0, 0] {
            return d;
        }
        let zero = g.scalar(0.0);
        g.pad(
            d,
            zero,
            &[0, 0, low[0], low[1]],
            &[0, 0, high[0], high[1]],
            &[0; 4],
        )
    }

    fn tiled_vjp(&self, g: &mut Graph, tiles: Value, y: Value, dy: Value) -> Value {
        let shape = g.shape(tiles).to_vec();
        let window_axes = [0, 1, 2, 4];
        let dy6 = g.broadcast_in_dim(dy, &shape, &window_axes);
        let share = match self.kind {
            PoolKind::Avg => {
                let [kh, kw] = self.window.kernel;
                g.scale(dy6, 1.0 / (kh * kw) as f64)
            }
            PoolKind::Max => {
                // Offset u·kw + v of each element; the first maximal offset takes dy.
                let kw = self.window.kernel[1];
                let ty = TensorType::f32(&shape);
                let u = g.iota(3, ty.clone());
                let v = g.iota(5, ty);
                let u = g.scale(u, kw as f64);
                let offset = g.add(u, v);
                let y6 = g.broadcast_in_dim(y, &shape, &window_axes);
                let is_max = g.compare(CmpDir::Eq, tiles, y6);
                let past_end = g.full_like((shape[3] * shape[5]) as f64, offset);
                let candidate = g.select(is_max, offset, past_end);
                let first = g.reduce_min(candidate, &[3, 5]);
                let first = g.broadcast_in_dim(first, &shape, &window_axes);
                let takes = g.compare(CmpDir::Eq, offset, first);
                let zero = g.full_like(0.0, dy6);
                g.select(takes, dy6, zero)
            }
        };
        self.untile(g, share)
    }

    fn offsets(&self) -> impl Iterator<Item = (usize, usize)> {
        let [kh, kw] = self.window.kernel;
        (0..kh).flat_map(move |u| (0..kw).map(move |v| (u, v)))
    }
}

/// What the VJP reads: the windows (tiled: one [B, C, OH, kh, OW, kw] value; sliced: one
/// patch per offset) and the output, for max-pool's masks.
pub enum PoolSaved {
    Tiled { tiles: Value, y: Value },
    Sliced { patches: Vec<Value>, y: Value },
}

impl Layer for Pool2d {
    type Saved = PoolSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        let [h, w] = self.window.output(self.input);
        vec![input[0], h, w]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![]
    }

    fn forward(&self, g: &mut Graph, x: Value, _p: &[Value], _mode: Mode) -> Forward<Self::Saved> {
        let [(pt, pb), (pl, pr)] = self.window.padding;
        let fill = g.scalar(if self.kind == PoolKind::Max {
            f64::NEG_INFINITY
        } else {
            0.0
        });
        let padded = g.pad(
            x,
            fill,
            &[0, 0, pt as i64, pl as i64],
            &[0, 0, pb as i64, pr as i64],
            &[0; 4],
        );
        if self.tiled() {
            let tiles = self.tiles(g, padded);
            let y = match self.kind {
                PoolKind::Max => g.reduce_max(tiles, &[3, 5]),
                PoolKind::Avg => {
                    let sum = g.reduce_sum(tiles, &[3, 5]);
                    let [kh, kw] = self.window.kernel;
                    g.scale(sum, 1.0 / (kh * kw) as f64)
                }
            };
            return Forward::new(y, PoolSaved::Tiled { tiles, y });
        }
        let patches: Vec<Value> = self
            .offsets()
            .map(|(u, v)| self.patch(g, padded, u, v))
            .collect();
        let mut y = patches[0];
        for &p in &patches[1..] {
            y = match self.kind {
                PoolKind::Max => g.max(y, p),
                PoolKind::Avg => g.add(y, p),
            };
        }
        if self.kind == PoolKind::Avg {
            y = g.scale(y, 1.0 / patches.len() as f64);
        }
        Forward::new(y, PoolSaved::Sliced { patches, y })
    }

    fn vjp(
        &self,
        g: &mut Graph,
        saved: &Self::Saved,
        _p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        if !need_dx {
            return Backward {
                dx: None,
                grads: vec![],
            };
        }
        let (patches, y) = match saved {
            PoolSaved::Tiled { tiles, y } => {
                return Backward {
                    dx: Some(self.tiled_vjp(g, *tiles, *y, dy)),
                    grads: vec![],
                }
            }
            PoolSaved::Sliced { patches, y } => (patches, y),
        };
        let zero = g.full_like(0.0, dy);
        let area = patches.len() as f64;
        let avg_share = g.scale(dy, 1.0 / area);
        let mut taken: Option<Value> = None;
        let mut dx: Option<Value> = None;
        for ((u, v), &patch) in self.offsets().zip(patches) {
            let share = match self.kind {
                PoolKind::Avg => avg_share,
                PoolKind::Max => {
                    let is_max = g.compare(CmpDir::Eq, patch, *y);
                    let first = match taken {
                        None => is_max,
                        Some(t) => {
                            let no = g_false(g, t);
                            g.select(t, no, is_max)
                        }
                    };
                    taken = Some(match taken {
                        None => is_max,
                        Some(t) => g.or(t, is_max),
                    });
                    g.select(first, dy, zero)
                }
            };
            let back = self.unpatch(g, share, u, v);
            dx = Some(match dx {
                None => back,
                Some(acc) => g.add(acc, back),
            });
        }
        Backward { dx, grads: vec![] }
    }
}

/// A boolean `false` shaped like `like`.
fn g_false(g: &mut Graph, like: Value) -> Value {
    let shape = g.shape(like).to_vec();
    g.constant(0.0, TensorType::new(DType::Bool, &shape))
}

/// `global_avg_pool`: the mean over height and width, [C, H, W] -> [C, 1, 1] (as PyTorch's
/// AdaptiveAvgPool2d(1); follow it with `flatten`). VJP: dy / (H·W) at every position.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlobalAvgPool {
    pub input: [usize; 2],
}

impl GlobalAvgPool {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("global_avg_pool", &[], &[])?;
        match input {
            [_, h, w] => Ok(GlobalAvgPool { input: [*h, *w] }),
            _ => Err(SpecError::layer(format!(
                "global_avg_pool needs an image input [channels, height, width], but this layer receives {}",
                super::shape_str(input)
            ))),
        }
    }
}

impl Layer for GlobalAvgPool {
    type Saved = Vec<usize>;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        vec![input[0], 1, 1]
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![]
    }

    fn forward(&self, g: &mut Graph, x: Value, _p: &[Value], _mode: Mode) -> Forward<Vec<usize>> {
        let shape = g.shape(x).to_vec();
        let s = g.reduce_sum(x, &[2, 3]);
        let m = g.scale(s, 1.0 / (shape[2] * shape[3]) as f64);
        let y = g.reshape(m, &[shape[0], shape[1], 1, 1]);
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
        let dx = need_dx.then(|| {
            let d = g.reshape(dy, &shape[..2]);
            let d = g.scale(d, 1.0 / (shape[2] * shape[3]) as f64);
            g.broadcast_in_dim(d, shape, &[0, 1])
        });
        Backward { dx, grads: vec![] }
    }
}
