//! How a convolution is emitted: NHWC x HWIO, as IREE's CPU code serves best, or as im2col
//! and matmuls where that measured faster (README, Figures).

use super::graph::{Graph, Value};
use super::lowering::Lowering;
use super::ops::{ConvDims, Op};
use super::types::TensorType;

/// Convolution output widths are rounded up to a multiple of this (see `convolution_nhwc`).
const CONV_WIDTH_MULTIPLE: usize = 4;
/// When a convolution is a matmul over im2col patches (see `convolution_as_matmul`): with
/// fewer than 64 outputs and fewer than 512 taps (kh·kw·C) the narrow, shallow matmul loses to
/// the direct convolution (32x32x32->32: 72 vs 86 ms; 14x14x64->32, 576 taps: 23 vs 14 ms).
const MATMUL_CONV_MIN_OUT_CHANNELS: usize = 64;
const MATMUL_CONV_MIN_TAPS: usize = 512;

/// The window an im2col patch matrix is cut with.
struct PatchWindow {
    kernel: [usize; 2],
    strides: [usize; 2],
    dilation: [usize; 2],
    output: [usize; 2],
}

/// The largest divisor of the batch `b`, at least `smallest`, whose examples' patches fit in
/// `limit` bytes.
fn batch_chunk(b: usize, smallest: usize, bytes_per_example: usize, limit: usize) -> Option<usize> {
    (smallest..=b)
        .rev()
        .find(|n| b.is_multiple_of(*n) && n * bytes_per_example <= limit)
}

impl Graph {
    /// A convolution with any layouts, emitted as NHWC x HWIO -> NHWC. IREE's CPU code for
    /// that form is 20-30x faster than for NCHW x OIHW; the layout changes around it sit
    /// behind optimisation barriers, since folded into the convolution's access pattern they
    /// would bring the slow code back.
    pub fn convolution(&mut self, lhs: Value, rhs: Value, d: ConvDims) -> Value {
        self.convolution_nhwc(lhs, rhs, d, false)
    }

    /// [`Graph::convolution`] with the kernel reversed in both spatial dims, as the VJP with
    /// respect to the input needs.
    pub fn convolution_flipped(&mut self, lhs: Value, rhs: Value, d: ConvDims) -> Value {
        self.convolution_nhwc(lhs, rhs, d, true)
    }

    fn convolution_nhwc(&mut self, lhs: Value, rhs: Value, d: ConvDims, flip: bool) -> Value {
        let nhwc_lhs = [d.lhs[0], d.lhs[2], d.lhs[3], d.lhs[1]];
        let hwio_rhs = [d.rhs[2], d.rhs[3], d.rhs[1], d.rhs[0]];
        let mut x = self.materialised_transpose(lhs, &nhwc_lhs);
        let w = if flip {
            // Reversed in HWIO as one axis of the kh·kw positions: reversing both spatial dims
            // of the OIHW kernel fused into the HWIO transpose makes index arithmetic that
            // IREE 3.13's CUDA backend (LLVM NVPTX) aborts on ("Cannot select umul_lohi
            // v2i16"). Same values either way.
            let t = self.transpose(rhs, &hwio_rhs);
            let hwio = self.shape(t).to_vec();
            let flat = self.reshape(t, &[hwio[0] * hwio[1], hwio[2] * hwio[3]]);
            let reversed = self.reverse(flat, &[0]);
            let w = self.reshape(reversed, &hwio);
            self.barrier(w)
        } else {
            self.materialised_transpose(rhs, &hwio_rhs)
        };
        let mut nhwc = ConvDims {
            lhs: [0, 3, 1, 2],
            rhs: [3, 2, 0, 1],
            out: [0, 3, 1, 2],
            ..d.clone()
        };
        // IREE 3.13 miscompiles a convolution whose output is 1 wide along a dim when its padded
        // input is wider than the kernel ("inferred input/output operand #1 has shape's
        // dimension #0 to be 4, but found 3"). Such a window reads only the first kernel-extent
        // rows, so the rest is cut off: from the high padding, then from the input.
        for s in 0..2 {
            let (n, k) = (self.shape(x)[1 + s], self.shape(w)[s]);
            let extent = ((k - 1) * nhwc.rhs_dilation[s] + 1) as i64;
            let padded =
                ((n - 1) * nhwc.lhs_dilation[s] + 1) as i64 + nhwc.padding[s].0 + nhwc.padding[s].1;
            if nhwc.out_size(s, n, k) == 1 && padded > extent {
                let high = nhwc.padding[s].1 - (padded - extent);
                if high >= 0 || nhwc.lhs_dilation[s] != 1 {
                    nhwc.padding[s].1 = high;
                } else {
                    let mut limit = self.shape(x).to_vec();
                    limit[1 + s] = (n as i64 + high) as usize;
                    x = self.slice(x, &[0; 4], &limit, &[1; 4]);
                    nhwc.padding[s].1 = 0;
                }
            }
        }
        if let Some(y) = self.convolution_as_matmul(x, w, &nhwc, self.lowering) {
            return self.nhwc_to_layout(y, &d.out);
        }
        // IREE 3.13's CPU convolution vectorises the output width in fours; a width over 4
        // that is not a multiple of 4 takes a path 7-12x slower (AVX2: 14 wide 314 ms, padded
        // to 16 and cut back 27 ms). Extra high padding adds zero-input columns past the last
        // one, which are computed and then sliced off.
        let (n, k) = (self.shape(x)[2], self.shape(w)[1]);
        let width = nhwc.out_size(1, n, k) as usize;
        let rounded = width.next_multiple_of(CONV_WIDTH_MULTIPLE);
        if width > CONV_WIDTH_MULTIPLE && rounded != width {
            nhwc.padding[1].1 += ((rounded - width) * nhwc.strides[1]) as i64;
        }
        let mut y = self.convolution_in_layout(x, w, nhwc);
        if self.shape(y)[2] != width {
            let mut limit = self.shape(y).to_vec();
            limit[2] = width;
            y = self.slice(y, &[0; 4], &limit, &[1; 4]);
        }
        self.nhwc_to_layout(y, &d.out)
    }

    /// An NHWC result in the layout `out` names.
    fn nhwc_to_layout(&mut self, y: Value, out: &[usize; 4]) -> Value {
        // Result axis j holds the role r with out[r] == j; in NHWC that role sits at
        // position [0, 3, 1, 2][r].
        let mut perm = [0; 4];
        for (role, pos) in out.iter().enumerate() {
            perm[*pos] = [0, 3, 1, 2][role];
        }
        self.materialised_transpose(y, &perm)
    }

    /// The NHWC x HWIO convolution `d` as im2col and one matmul per batch chunk:
    /// patches [b·OH·OW, kh·kw·C] (one strided slice of the padded, dilated input per kernel
    /// offset) times the kernel as [kh·kw·C, O]. Chosen where it measured faster than IREE's
    /// direct convolution (AVX2 EPYC, README Figures): no groups, enough outputs or taps
    /// (`MATMUL_CONV_MIN_OUT_CHANNELS`, `MATMUL_CONV_MIN_TAPS`), and batch chunks whose patches stay within
    /// `lowering`'s bound (AVX2: 8x8x64->128 at batch 128: 38 -> 18 ms; 2x2x256: 7.6 -> 2.6;
    /// a 75 MB patch matrix in one piece: 62 -> 101, in four: 41). `None`: keep the convolution.
    fn convolution_as_matmul(
        &mut self,
        x: Value,
        w: Value,
        d: &ConvDims,
        lowering: Lowering,
    ) -> Option<Value> {
        let [b, h, wd, c] = <[usize; 4]>::try_from(self.shape(x)).ok()?;
        let [kh, kw, i, o] = <[usize; 4]>::try_from(self.shape(w)).ok()?;
        let taps = kh * kw * c;
        let wide_enough = o >= MATMUL_CONV_MIN_OUT_CHANNELS || taps >= MATMUL_CONV_MIN_TAPS;
        if d.feature_groups != 1 || i != c || !wide_enough {
            return None;
        }
        let (oh, ow) = (d.out_size(0, h, kh), d.out_size(1, wd, kw));
        if oh <= 0 || ow <= 0 {
            return None;
        }
        let (oh, ow) = (oh as usize, ow as usize);
        let smallest = if lowering.split_batch { 1 } else { b };
        let chunk = batch_chunk(
            b,
            smallest,
            oh * ow * taps * 4,
            lowering.matmul_conv_patch_bytes,
        )?;
        let zero = self.scalar(0.0);
        let xp = self.pad(
            x,
            zero,
            &[0, d.padding[0].0, d.padding[1].0, 0],
            &[0, d.padding[0].1, d.padding[1].1, 0],
            &[0, d.lhs_dilation[0] - 1, d.lhs_dilation[1] - 1, 0],
        );
        let kernel = self.reshape(w, &[taps, o]);
        let window = PatchWindow {
            kernel: [kh, kw],
            strides: d.strides,
            dilation: d.rhs_dilation,
            output: [oh, ow],
        };
        let mut outs = vec![];
        for start in (0..b).step_by(chunk) {
            let patches = self.im2col_patches(xp, start..start + chunk, &window);
            outs.push(self.matmul(patches, 1, kernel, 0));
        }
        let y = if outs.len() == 1 {
            outs[0]
        } else {
            self.concatenate(&outs, 0)
        };
        Some(self.reshape(y, &[b, oh, ow, o]))
    }

    /// dW[u, v, c, o] = Σ_(b,y,x) dy[b, o, y, x] · xp[b, c, s·y + u, s·x + v] (HWIO) for an
    /// NCHW convolution without groups (`xp`: its zero-padded input, `dy`: the gradient of its
    /// output), as im2col and matmuls: per batch chunk, patchesᵀ [kh·kw·C, chunk·OH·OW] times
    /// dy [chunk·OH·OW, O], summed over chunks of at most the lowering's
    /// `weight_grad_matmul.patch_bytes`. `None` where the lowering keeps this one per offset.
    pub fn conv_weight_grad_as_matmul(
        &mut self,
        xp: Value,
        dy: Value,
        kernel: [usize; 2],
        strides: [usize; 2],
    ) -> Option<Value> {
        let rule = self.lowering.weight_grad_matmul?;
        let [b, c, _, _] = <[usize; 4]>::try_from(self.shape(xp)).ok()?;
        let [_, o, oh, ow] = <[usize; 4]>::try_from(self.shape(dy)).ok()?;
        if b * oh * ow < rule.min_positions {
            return None;
        }
        let [kh, kw] = kernel;
        let chunk = batch_chunk(b, 1, oh * ow * kh * kw * c * 4, rule.patch_bytes).unwrap_or(1);
        let xp = self.transpose(xp, &[0, 2, 3, 1]);
        let dy = self.transpose(dy, &[0, 2, 3, 1]);
        let window = PatchWindow {
            kernel,
            strides,
            dilation: [1, 1],
            output: [oh, ow],
        };
        let mut sum = None;
        for start in (0..b).step_by(chunk) {
            let patches = self.im2col_patches(xp, start..start + chunk, &window);
            let d = self.slice(dy, &[start, 0, 0, 0], &[start + chunk, oh, ow, o], &[1; 4]);
            let d = self.reshape(d, &[chunk * oh * ow, o]);
            let part = self.matmul(patches, 0, d, 0); // [kh·kw·C, O]
            sum = Some(match sum {
                None => part,
                Some(s) => self.add(s, part),
            });
        }
        Some(self.reshape(sum?, &[kh, kw, c, o]))
    }

    /// [n·OH·OW, kh·kw·C]: the patches that `window` reads from examples `examples` of the
    /// padded NHWC input `xp`, one strided slice per kernel offset, concatenated on channels.
    fn im2col_patches(
        &mut self,
        xp: Value,
        examples: std::ops::Range<usize>,
        window: &PatchWindow,
    ) -> Value {
        let c = self.shape(xp)[3];
        let ([kh, kw], [s0, s1], [oh, ow]) = (window.kernel, window.strides, window.output);
        let mut cols = vec![];
        for u in 0..kh {
            for v in 0..kw {
                let (r0, r1) = (u * window.dilation[0], v * window.dilation[1]);
                cols.push(self.slice(
                    xp,
                    &[examples.start, r0, r1, 0],
                    &[
                        examples.end,
                        r0 + s0 * (oh - 1) + 1,
                        r1 + s1 * (ow - 1) + 1,
                        c,
                    ],
                    &[1, s0, s1, 1],
                ));
            }
        }
        let patches = self.concatenate(&cols, 3);
        self.reshape(patches, &[examples.len() * oh * ow, kh * kw * c])
    }

    /// A transpose kept as its own copy (no-op for the identity permutation).
    fn materialised_transpose(&mut self, x: Value, perm: &[usize]) -> Value {
        let t = self.transpose(x, perm);
        if t == x {
            return x;
        }
        self.barrier(t)
    }

    /// A convolution exactly in the layouts `d` names.
    pub fn convolution_in_layout(&mut self, lhs: Value, rhs: Value, d: ConvDims) -> Value {
        let (tl, tr) = (self.ty(lhs).clone(), self.ty(rhs).clone());
        assert!(
            tl.rank() == 4 && tr.rank() == 4,
            "convolution of {tl} with {tr}"
        );
        let (n, c) = (tl.shape[d.lhs[0]], tl.shape[d.lhs[1]]);
        let (o, i) = (tr.shape[d.rhs[0]], tr.shape[d.rhs[1]]);
        assert_eq!(
            c,
            i * d.feature_groups,
            "convolution: {c} input features vs kernel {tr} with {} groups",
            d.feature_groups
        );
        assert_eq!(
            o % d.feature_groups,
            0,
            "convolution: {o} output features in {} groups",
            d.feature_groups
        );
        let mut shape = vec![0; 4];
        shape[d.out[0]] = n;
        shape[d.out[1]] = o;
        for s in 0..2 {
            let size = d.out_size(s, tl.shape[d.lhs[2 + s]], tr.shape[d.rhs[2 + s]]);
            assert!(
                size > 0,
                "convolution of {tl} with {tr} has an empty output"
            );
            shape[d.out[2 + s]] = size as usize;
        }
        self.push(
            Op::Convolution(d),
            vec![lhs, rhs],
            TensorType::new(tl.dtype, &shape),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::WeightGradMatmul;

    use crate::reference::{self, Tensor};

    /// Each lowering's choice for the MNIST CNN's second convolution at batch 128 (29 MB of
    /// patches): matmuls in batch chunks on AVX2, IREE's direct convolution on AVX-512; at
    /// batch 8 (1.8 MB) a matmul on both.
    #[test]
    fn the_lowering_decides_which_convolutions_are_matmuls() {
        let direct = |lowering: Lowering, batch: usize| {
            let mut g = Graph::with_lowering("f", lowering);
            let x = g.arg("x", TensorType::f32(&[batch, 32, 14, 14]));
            let w = g.arg("w", TensorType::f32(&[64, 32, 3, 3]));
            let y = g.convolution(x, w, ConvDims::nchw([1, 1], [(1, 1), (1, 1)]));
            let f = g.finish(vec![y]);
            f.nodes.iter().any(|n| matches!(n.op, Op::Convolution(_)))
        };
        assert!(!direct(Lowering::AVX2, 128));
        assert!(direct(Lowering::AVX512, 128));
        assert!(!direct(Lowering::AVX512, 8));
    }

    /// The weight gradient as im2col matmuls is the sum over examples and output positions of
    /// dy times the input each kernel offset read: strided, with unreached rows, in one piece
    /// and in batch chunks.
    #[test]
    fn weight_grad_as_matmul_is_the_direct_sum() {
        // (batch, channels, padded input h and w, outputs, kernel, stride, batch chunks)
        let cases = [
            (4, 3, [6, 5], 2, [3, 3], [1, 1], &[1, 2, 4][..]),
            (2, 2, [7, 8], 3, [3, 2], [2, 3], &[1, 2]),
        ];
        for (b, c, [h, w], o, [kh, kw], [s0, s1], chunks) in cases {
            let (oh, ow) = ((h - kh) / s0 + 1, (w - kw) / s1 + 1);
            let xs: Vec<f32> = (0..b * c * h * w)
                .map(|i| ((i * 37) % 19) as f32 * 0.1 - 0.9)
                .collect();
            let dys: Vec<f32> = (0..b * o * oh * ow)
                .map(|i| ((i * 13) % 7) as f32 * 0.3 - 1.0)
                .collect();
            let mut want = vec![0.0f64; o * c * kh * kw];
            for (bi, oi, y, x) in every_index(b, o, oh, ow) {
                let d = dys[((bi * o + oi) * oh + y) * ow + x] as f64;
                for (ci, u, v) in (0..c)
                    .flat_map(|ci| (0..kh).flat_map(move |u| (0..kw).map(move |v| (ci, u, v))))
                {
                    let xv = xs[((bi * c + ci) * h + s0 * y + u) * w + s1 * x + v] as f64;
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
                let mut g = Graph::with_lowering("f", lowering);
                let xp = g.arg("xp", TensorType::f32(&[b, c, h, w]));
                let dy = g.arg("dy", TensorType::f32(&[b, o, oh, ow]));
                let dw = g
                    .conv_weight_grad_as_matmul(xp, dy, [kh, kw], [s0, s1])
                    .expect("the lowering has a bound");
                let f = g.finish(vec![dw]);
                let out = reference::run(
                    &f,
                    &[
                        Tensor::f32_data(&[b, c, h, w], &xs),
                        Tensor::f32_data(&[b, o, oh, ow], &dys),
                    ],
                );
                let got = out[0].float();
                assert_eq!(got.shape(), &[kh, kw, c, o]);
                let worst = got
                    .view()
                    .permuted_axes(&[3, 2, 0, 1][..])
                    .iter()
                    .zip(&want)
                    .fold(0.0f64, |m, (g, w)| m.max((g - w).abs()));
                assert!(worst < 1e-9, "in {pieces} pieces: differs by {worst}");
            }
        }
    }

    /// On AVX2 only a weight gradient summed over many output positions is a matmul: cifar_bn's
    /// first layer at batch 128 (131072), not ResNet-34@32's first stage at batch 32 (2048).
    #[test]
    fn avx2_keeps_short_weight_gradients_per_offset() {
        let as_matmul = |lowering: Lowering, b: usize, c: usize, hw: usize| {
            let mut g = Graph::with_lowering("f", lowering);
            let xp = g.arg("xp", TensorType::f32(&[b, c, hw + 2, hw + 2]));
            let dy = g.arg("dy", TensorType::f32(&[b, c, hw, hw]));
            g.conv_weight_grad_as_matmul(xp, dy, [3, 3], [1, 1])
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
                let mut g = Graph::new("f");
                let x = g.arg("x", TensorType::f32(&[b, h, w, c]));
                let kernel = g.arg("k", TensorType::f32(&[k, k, c, o]));
                let (oh, ow) = (d.out_size(0, h, k) as usize, d.out_size(1, w, k) as usize);
                let lowering = Lowering {
                    matmul_conv_patch_bytes: (b / pieces) * oh * ow * k * k * c * 4,
                    split_batch: true,
                    weight_grad_matmul: None,
                    transposed_operand_copies: false,
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
                let worst = (y - want).iter().fold(0.0f64, |m, d| m.max(d.abs()));
                assert!(
                    worst < 1e-12,
                    "{d:?} in {pieces} pieces: differs by {worst}"
                );
            }
        }
    }
}
