//! Convolutions as im2col and matmuls, where the target's lowering says so
//! (`Lowering::conv_matmul`, `Lowering::weight_grad_matmul`): the patch matrix of a padded
//! NHWC batch, one strided slice per kernel tap, cut in batch chunks whose patches stay within
//! the lowering's bound.

use std::ops::Range;

use super::conv::ConvDims;
use super::graph::{Graph, Value};
use super::lowering::{Lowering, MatmulRole};

/// The window an im2col patch matrix is cut with: the kernel taps `first..first + kernel`.
pub(crate) struct PatchWindow {
    pub first: [usize; 2],
    pub kernel: [usize; 2],
    pub strides: [usize; 2],
    pub dilation: [usize; 2],
    pub output: [usize; 2],
}

/// Zero padding of an NHWC batch's height and width: before, after, and between elements.
struct SpatialPad {
    low: [i64; 2],
    high: [i64; 2],
    interior: [usize; 2],
}

/// The largest divisor of the batch `b`, at least `smallest`, whose examples' patches fit in
/// `limit` bytes.
fn batch_chunk(b: usize, smallest: usize, bytes_per_example: usize, limit: usize) -> Option<usize> {
    (smallest..=b)
        .rev()
        .find(|n| b.is_multiple_of(*n) && n * bytes_per_example <= limit)
}

impl Graph {
    /// The NHWC x HWIO convolution `d` as im2col and one matmul per batch chunk:
    /// patches [b·OH·OW, kh·kw·C] (one strided slice of the padded, dilated input per kernel
    /// offset) times the kernel as [kh·kw·C, O], where the lowering's `conv_matmul` rule
    /// takes it: no groups, enough outputs or taps, and batch chunks whose patches stay within
    /// its bound. `None`: keep the convolution.
    pub(super) fn convolution_as_matmul(
        &mut self,
        x: Value,
        w: Value,
        d: &ConvDims,
        lowering: Lowering,
    ) -> Option<Value> {
        let [b, h, wd, c] = <[usize; 4]>::try_from(self.shape(x)).ok()?;
        let [kh, kw, i, o] = <[usize; 4]>::try_from(self.shape(w)).ok()?;
        let rule = lowering.conv_matmul;
        let taps = kh * kw * c;
        let wide_enough = o >= rule.min_out_channels || taps >= rule.min_taps;
        if d.feature_groups != 1 || i != c || !wide_enough {
            return None;
        }
        let (oh, ow) = (d.out_size(0, h, kh), d.out_size(1, wd, kw));
        if oh <= 0 || ow <= 0 {
            return None;
        }
        let (oh, ow) = (oh as usize, ow as usize);
        let smallest = if rule.split_batch { 1 } else { b };
        let chunk = batch_chunk(b, smallest, oh * ow * taps * 4, rule.patch_bytes)?;
        let pad = SpatialPad {
            low: [d.padding[0].0, d.padding[1].0],
            high: [d.padding[0].1, d.padding[1].1],
            interior: [d.lhs_dilation[0] - 1, d.lhs_dilation[1] - 1],
        };
        let kernel = self.reshape(w, &[taps, o]);
        let window = PatchWindow {
            first: [0, 0],
            kernel: [kh, kw],
            strides: d.strides,
            dilation: d.rhs_dilation,
            output: [oh, ow],
        };
        let mut outs = vec![];
        for start in (0..b).step_by(chunk) {
            let xp = self.padded_chunk(x, start..start + chunk, &pad);
            let patches = self.im2col_patches(xp, &window);
            outs.push(self.matmul_as(MatmulRole::Convolution, patches, 1, kernel, 0));
        }
        let y = if outs.len() == 1 {
            outs[0]
        } else {
            self.concatenate(&outs, 0)
        };
        Some(self.reshape(y, &[b, oh, ow, o]))
    }

    /// dW[u, v, c, o] = Σ_(b,y,x) dy[b, o, y, x] · xp[b, c, s·y + u, s·x + v] (HWIO) for an
    /// NCHW convolution without groups (`xp`: its input `x` zero-padded by `padding`, `dy`: the
    /// gradient of its output), as im2col and matmuls: per batch chunk, patchesᵀ
    /// [kh·kw·C, chunk·OH·OW] times dy [chunk·OH·OW, O], summed over chunks of at most the
    /// lowering's `weight_grad_matmul.patch_bytes`. Only the taps in `live` are computed; the others read
    /// padding only, and their gradient is zero. `None` where the lowering keeps this one per
    /// offset.
    pub fn conv_weight_grad_as_matmul(
        &mut self,
        x: Value,
        padding: [(usize, usize); 2],
        dy: Value,
        kernel: [usize; 2],
        strides: [usize; 2],
        live: [Range<usize>; 2],
    ) -> Option<Value> {
        let rule = self.lowering.weight_grad_matmul?;
        let [b, c, _, _] = <[usize; 4]>::try_from(self.shape(x)).ok()?;
        let [_, o, oh, ow] = <[usize; 4]>::try_from(self.shape(dy)).ok()?;
        if b * oh * ow < rule.min_positions {
            return None;
        }
        let [kh, kw] = [live[0].len(), live[1].len()];
        let chunk = batch_chunk(b, 1, oh * ow * kh * kw * c * 4, rule.patch_bytes).unwrap_or(1);
        let x = self.transpose(x, &[0, 2, 3, 1]);
        let dy = self.transpose(dy, &[0, 2, 3, 1]);
        let pad = SpatialPad {
            low: padding.map(|p| p.0 as i64),
            high: padding.map(|p| p.1 as i64),
            interior: [0, 0],
        };
        let window = PatchWindow {
            first: [live[0].start, live[1].start],
            kernel: [kh, kw],
            strides,
            dilation: [1, 1],
            output: [oh, ow],
        };
        let mut sum = None;
        for start in (0..b).step_by(chunk) {
            let xp = self.padded_chunk(x, start..start + chunk, &pad);
            let patches = self.im2col_patches(xp, &window);
            let d = self.slice(dy, &[start, 0, 0, 0], &[start + chunk, oh, ow, o], &[1; 4]);
            let d = self.reshape(d, &[chunk * oh * ow, o]);
            let part = self.matmul_as(MatmulRole::Convolution, patches, 0, d, 0); // [kh·kw·C, O]
            sum = Some(match sum {
                None => part,
                Some(s) => self.add(s, part),
            });
        }
        let dw = self.reshape(sum?, &[kh, kw, c, o]);
        Some(self.zero_padded_taps(dw, kernel, &live))
    }

    /// An HWIO weight gradient over the taps `live` padded with zeros to the whole `kernel`.
    pub fn zero_padded_taps(
        &mut self,
        dw: Value,
        kernel: [usize; 2],
        live: &[Range<usize>; 2],
    ) -> Value {
        if live[0].len() == kernel[0] && live[1].len() == kernel[1] {
            return dw;
        }
        let zero = self.scalar(0.0);
        let low = [live[0].start as i64, live[1].start as i64, 0, 0];
        let high = [
            (kernel[0] - live[0].end) as i64,
            (kernel[1] - live[1].end) as i64,
            0,
            0,
        ];
        self.pad(dw, zero, &low, &high, &[0; 4])
    }

    /// Examples `examples` of the NHWC batch `x`, zero-padded by `pad`, to cut im2col patches
    /// from. A chunk of a larger batch is padded on its own, behind a barrier: every chunk's
    /// taps then read their copy at the same offsets, and IREE compiles one copy per tap for
    /// all of them. Cut from the whole padded batch, each (chunk, tap) was an executable of its
    /// own, since IREE folds a bare slice into the taps' offsets: most of cifar_bn's.
    fn padded_chunk(&mut self, x: Value, examples: Range<usize>, pad: &SpatialPad) -> Value {
        let mut limit = self.shape(x).to_vec();
        let whole = examples.len() == limit[0];
        let x = if whole {
            x
        } else {
            let mut start = vec![0; 4];
            (start[0], limit[0]) = (examples.start, examples.end);
            self.slice(x, &start, &limit, &[1; 4])
        };
        let zero = self.scalar(0.0);
        let xp = self.pad(
            x,
            zero,
            &[0, pad.low[0], pad.low[1], 0],
            &[0, pad.high[0], pad.high[1], 0],
            &[0, pad.interior[0], pad.interior[1], 0],
        );
        if whole {
            xp
        } else {
            self.barrier(xp)
        }
    }

    /// [n·OH·OW, kh·kw·C]: the patches that `window` reads from the padded NHWC batch `xp`.
    pub(crate) fn im2col_patches(&mut self, xp: Value, window: &PatchWindow) -> Value {
        let [n, _, _, c] = <[usize; 4]>::try_from(self.shape(xp)).expect("an NHWC batch");
        let [oh, ow] = window.output;
        let patches = self.im2col(xp, window, [0, 3, 1, 2]);
        self.reshape(
            patches,
            &[n * oh * ow, window.kernel[0] * window.kernel[1] * c],
        )
    }

    /// The patches that `window` reads from the padded image batch `xp`, whose batch,
    /// channel, height and width dims are at `axes`: one strided slice per kernel tap, in
    /// row-major tap order, concatenated on the channel dim (kh·kw·C long).
    pub(crate) fn im2col(&mut self, xp: Value, window: &PatchWindow, axes: [usize; 4]) -> Value {
        let shape = self.shape(xp).to_vec();
        let ([kh, kw], [s0, s1], [oh, ow]) = (window.kernel, window.strides, window.output);
        let mut cols = vec![];
        for u in window.first[0]..window.first[0] + kh {
            for v in window.first[1]..window.first[1] + kw {
                let (r0, r1) = (u * window.dilation[0], v * window.dilation[1]);
                let (mut start, mut limit, mut strides) = (vec![0; 4], shape.clone(), vec![1; 4]);
                (start[axes[2]], limit[axes[2]], strides[axes[2]]) =
                    (r0, r0 + s0 * (oh - 1) + 1, s0);
                (start[axes[3]], limit[axes[3]], strides[axes[3]]) =
                    (r1, r1 + s1 * (ow - 1) + 1, s1);
                cols.push(self.slice(xp, &start, &limit, &strides));
            }
        }
        self.concatenate(&cols, axes[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{ConvMatmul, Op, TensorType, WeightGradMatmul};
    use crate::reference::{self, Tensor};

    /// In batch chunks, every chunk's patches are cut at the same offsets from a padded copy
    /// of its own behind a barrier (so IREE compiles the tap copies once for all chunks), in
    /// the forward convolution and in the weight gradient.
    #[test]
    fn every_batch_chunk_cuts_its_taps_at_the_same_offsets() {
        // AVX2's im2col rule, without its direct convolution kernel.
        let lowering = Lowering {
            direct_conv: None,
            ..Lowering::AVX2
        };
        let mut g = Graph::new("f", lowering);
        let x = g.arg("x", TensorType::f32(&[128, 32, 32, 32]));
        let w = g.arg("w", TensorType::f32(&[32, 32, 3, 3]));
        let dy = g.arg("dy", TensorType::f32(&[128, 32, 32, 32]));
        let y = g.convolution(x, w, ConvDims::nchw([1, 1], [(1, 1), (1, 1)]));
        let dw = g
            .conv_weight_grad_as_matmul(x, [(1, 1); 2], dy, [3, 3], [1, 1], [0..3, 0..3])
            .unwrap();
        let f = g.finish(vec![y, dw]);
        let barriers: Vec<usize> = (0..f.nodes.len())
            .filter(|&i| matches!(f.nodes[i].op, Op::Barrier(_)))
            .filter(|&i| matches!(f.nodes[f.nodes[i].operands[0].index()].op, Op::Pad { .. }))
            .collect();
        // An example's patches are 1.1 MiB: forward chunks of 2 examples (4 MiB holds 3, which
        // does not divide 128), weight-gradient chunks of 4 (8 MiB).
        assert_eq!(barriers.len(), 128 / 2 + 128 / 4);
        let mut offsets = std::collections::BTreeSet::new();
        for &b in &barriers {
            let taps: Vec<Vec<usize>> = f
                .nodes
                .iter()
                .filter(|n| n.operands.first().is_some_and(|v| v.index() == b))
                .filter_map(|n| match &n.op {
                    Op::Slice { start, .. } => Some(start.clone()),
                    _ => None,
                })
                .collect();
            assert_eq!(taps.len(), 9);
            offsets.insert(taps);
        }
        assert_eq!(offsets.len(), 1, "the taps differ between chunks");
    }

    /// The weight gradient as im2col matmuls is the sum over examples and output positions of
    /// dy times the input each kernel offset read: padded, strided, with unreached rows, in one
    /// piece and in batch chunks (each chunk padded on its own).
    #[test]
    fn weight_grad_as_matmul_is_the_direct_sum() {
        // (batch, channels, input h and w, padding, outputs, kernel, stride, batch chunks)
        let cases = [
            (
                4,
                3,
                [6, 5],
                [(0, 0), (0, 0)],
                2,
                [3, 3],
                [1, 1],
                &[1, 2, 4][..],
            ),
            (2, 2, [7, 8], [(0, 0), (0, 0)], 3, [3, 2], [2, 3], &[1, 2]),
            (4, 2, [4, 5], [(1, 1), (2, 0)], 3, [3, 3], [1, 2], &[1, 4]),
        ];
        for (b, c, [h, w], padding, o, [kh, kw], [s0, s1], chunks) in cases {
            let [(top, bottom), (left, right)] = padding;
            let (hp, wp) = (h + top + bottom, w + left + right);
            let (oh, ow) = ((hp - kh) / s0 + 1, (wp - kw) / s1 + 1);
            let xs: Vec<f32> = (0..b * c * h * w)
                .map(|i| ((i * 37) % 19) as f32 * 0.1 - 0.9)
                .collect();
            let padded = |bi: usize, ci: usize, y: usize, x: usize| {
                let inside = (top..top + h).contains(&y) && (left..left + w).contains(&x);
                if inside {
                    xs[((bi * c + ci) * h + y - top) * w + x - left] as f64
                } else {
                    0.0
                }
            };
            let dys: Vec<f32> = (0..b * o * oh * ow)
                .map(|i| ((i * 13) % 7) as f32 * 0.3 - 1.0)
                .collect();
            let mut want = vec![0.0f64; o * c * kh * kw];
            for (bi, oi, y, x) in every_index(b, o, oh, ow) {
                let d = dys[((bi * o + oi) * oh + y) * ow + x] as f64;
                for (ci, u, v) in (0..c)
                    .flat_map(|ci| (0..kh).flat_map(move |u| (0..kw).map(move |v| (ci, u, v))))
                {
                    let xv = padded(bi, ci, s0 * y + u, s1 * x + v);
                    want[((oi * c + ci) * kh + u) * kw + v] += d * xv;
                }
            }
            for &pieces in chunks {
                let lowering = Lowering {
                    weight_grad_matmul: Some(WeightGradMatmul {
                        patch_bytes: (b / pieces) * oh * ow * kh * kw * c * 4,
                        min_positions: 0,
                    }),
                    ..Lowering::AVX512
                };
                let mut g = Graph::new("f", lowering);
                let x = g.arg("x", TensorType::f32(&[b, c, h, w]));
                let dy = g.arg("dy", TensorType::f32(&[b, o, oh, ow]));
                let dw = g
                    .conv_weight_grad_as_matmul(x, padding, dy, [kh, kw], [s0, s1], [0..kh, 0..kw])
                    .expect("the lowering has a bound");
                let f = g.finish(vec![dw]);
                let pads = f.nodes.iter().filter(|n| matches!(n.op, Op::Pad { .. }));
                assert_eq!(pads.count(), pieces);
                let out = reference::run(
                    &f,
                    &[
                        Tensor::f32_data(&[b, c, h, w], &xs),
                        Tensor::f32_data(&[b, o, oh, ow], &dys),
                    ],
                );
                let got = out[0].float();
                assert_eq!(got.shape(), &[kh, kw, c, o]);
                let worst = crate::compare::max_abs_diff(
                    got.view().permuted_axes(&[3, 2, 0, 1][..]).iter().copied(),
                    want.iter().copied(),
                );
                assert!(worst < 1e-9, "in {pieces} pieces: differs by {worst}");
            }
        }
    }

    /// On AVX2 only a weight gradient summed over many output positions is a matmul: cifar_bn's
    /// first layer at batch 128 (131072), not ResNet-34@32's first stage at batch 32 (2048).
    #[test]
    fn avx2_keeps_short_weight_gradients_per_offset() {
        let as_matmul = |lowering: Lowering, b: usize, c: usize, hw: usize| {
            let mut g = Graph::new("f", lowering);
            let x = g.arg("x", TensorType::f32(&[b, c, hw, hw]));
            let dy = g.arg("dy", TensorType::f32(&[b, c, hw, hw]));
            g.conv_weight_grad_as_matmul(x, [(1, 1); 2], dy, [3, 3], [1, 1], [0..3, 0..3])
                .is_some()
        };
        assert!(as_matmul(Lowering::AVX2, 128, 32, 32));
        assert!(!as_matmul(Lowering::AVX2, 32, 64, 8));
        assert!(as_matmul(Lowering::AVX512, 32, 64, 8));
    }

    fn every_index(
        a: usize,
        b: usize,
        c: usize,
        d: usize,
    ) -> impl Iterator<Item = (usize, usize, usize, usize)> {
        (0..a).flat_map(move |i| {
            (0..b).flat_map(move |j| (0..c).flat_map(move |k| (0..d).map(move |l| (i, j, k, l))))
        })
    }

    /// The matmul form gives the convolution's values: strided, padded, dilated (the input
    /// gradient's form), with a 1-wide output, in one piece and in batch chunks.
    #[test]
    fn convolution_as_matmul_matches_the_convolution() {
        let nhwc = |strides, padding, lhs_dilation| ConvDims {
            lhs: [0, 3, 1, 2],
            rhs: [3, 2, 0, 1],
            out: [0, 3, 1, 2],
            lhs_dilation,
            ..ConvDims::nchw(strides, padding)
        };
        let cases = [
            (
                nhwc([1, 1], [(1, 1), (1, 1)], [1, 1]),
                [4, 6, 5, 3],
                3,
                64,
                &[2, 1, 4][..],
            ),
            (
                nhwc([2, 2], [(1, 0), (2, 1)], [1, 1]),
                [4, 7, 6, 2],
                3,
                64,
                &[4, 2],
            ),
            (
                nhwc([1, 1], [(2, 3), (2, 2)], [2, 2]),
                [2, 3, 4, 2],
                3,
                64,
                &[2, 1],
            ),
            (
                nhwc([1, 1], [(0, 0), (0, 0)], [1, 1]),
                [3, 3, 3, 2],
                3,
                64,
                &[3, 1],
            ),
        ];
        for (d, [b, h, w, c], k, o, chunks) in cases {
            for &pieces in chunks {
                let mut g = Graph::new("f", Lowering::for_host());
                let x = g.arg("x", TensorType::f32(&[b, h, w, c]));
                let kernel = g.arg("k", TensorType::f32(&[k, k, c, o]));
                let (oh, ow) = (d.out_size(0, h, k) as usize, d.out_size(1, w, k) as usize);
                let lowering = Lowering {
                    conv_matmul: ConvMatmul {
                        patch_bytes: (b / pieces) * oh * ow * k * k * c * 4,
                        split_batch: true,
                        ..Lowering::AVX512.conv_matmul
                    },
                    weight_grad_matmul: None,
                    transposed_copy_min_rows: None,
                    ..Lowering::AVX512
                };
                let y = g
                    .convolution_as_matmul(x, kernel, &d, lowering)
                    .expect("the matmul form applies");
                let want = g.convolution_in_layout(x, kernel, d.clone());
                let f = g.finish(vec![y, want]);
                let xs: Vec<f32> = (0..b * h * w * c)
                    .map(|i| ((i * 37) % 19) as f32 * 0.1 - 0.9)
                    .collect();
                let ks: Vec<f32> = (0..k * k * c * o)
                    .map(|i| ((i * 13) % 7) as f32 * 0.3 - 1.0)
                    .collect();
                let out = reference::run(
                    &f,
                    &[
                        Tensor::f32_data(&[b, h, w, c], &xs),
                        Tensor::f32_data(&[k, k, c, o], &ks),
                    ],
                );
                let (y, want) = (out[0].float(), out[1].float());
                assert_eq!(y.shape(), want.shape());
                let worst = crate::compare::max_abs_diff(y.iter().copied(), want.iter().copied());
                assert!(
                    worst < 1e-12,
                    "{d:?} in {pieces} pieces: differs by {worst}"
                );
            }
        }
    }
}
