//! A convolution's dimension numbers (`ConvDims`: layouts, output size, live taps) and how it
//! is emitted: NHWC x HWIO, as IREE's CPU code serves best, or as im2col and matmuls where the
//! target's lowering says so (`ir/lowering.rs`). Every form computes only the kernel taps that
//! read the input: on the small images of the 32x32 ladder most of a 3x3 kernel reads padding
//! (a 1x1 image leaves one tap of nine).

use std::ops::Range;

use super::graph::{Graph, Value};
use super::ops::Op;
use super::types::TensorType;

/// A 2-D `stablehlo.convolution`. Each layout names the positions of (batch, feature, spatial
/// 0, spatial 1) in the lhs and result, and of (output feature, input feature, spatial 0,
/// spatial 1) in the kernel, so gradients can swap roles without transposes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConvDims {
    pub lhs: [usize; 4],
    pub rhs: [usize; 4],
    pub out: [usize; 4],
    pub strides: [usize; 2],
    /// (low, high) per spatial dim; negative crops.
    pub padding: [(i64, i64); 2],
    pub lhs_dilation: [usize; 2],
    pub rhs_dilation: [usize; 2],
    pub feature_groups: usize,
    /// `batch_group_count`: the lhs batch and the output features split into this many
    /// groups, group g's examples convolved with group g's kernels (a depthwise weight
    /// gradient, channels as the batch, one group per channel). The output batch is the lhs
    /// batch over this.
    pub batch_groups: usize,
}

impl ConvDims {
    /// NCHW input, OIHW kernel, NCHW output: PyTorch's layouts.
    pub fn nchw(strides: [usize; 2], padding: [(i64, i64); 2]) -> Self {
        ConvDims {
            lhs: [0, 1, 2, 3],
            rhs: [0, 1, 2, 3],
            out: [0, 1, 2, 3],
            strides,
            padding,
            lhs_dilation: [1, 1],
            rhs_dilation: [1, 1],
            feature_groups: 1,
            batch_groups: 1,
        }
    }

    /// NHWC input, HWIO kernel, NHWC output, stride 1, no dilation or groups: what
    /// `Op::DirectConv` computes.
    pub fn nhwc_stride_one(padding: [(usize, usize); 2]) -> Self {
        ConvDims {
            lhs: [0, 3, 1, 2],
            rhs: [3, 2, 0, 1],
            out: [0, 3, 1, 2],
            ..ConvDims::nchw([1, 1], padding.map(|(l, h)| (l as i64, h as i64)))
        }
    }

    /// The convolution `Op::DirectConvWeightGrad { low }` (stride 1, one group) and
    /// `Op::DepthwiseWeightGrad { low, stride }` (a group per channel) compute, from NHWC
    /// x [N, H, W, C] and dy [N, OH, OW, O] to the HWIO gradient of a kernel `kernel`: the
    /// channels as the batch, in `batch_groups` groups, the examples as the contracted features,
    /// dy as the kernel, dilated by the stride.
    pub fn nhwc_weight_grad(
        low: [usize; 2],
        stride: [usize; 2],
        input: [usize; 2],
        dy: [usize; 2],
        kernel: [usize; 2],
        batch_groups: usize,
    ) -> Self {
        let padding = [0, 1].map(|s| {
            let low = low[s] as i64;
            let dilated = ((dy[s] - 1) * stride[s]) as i64;
            (low, kernel[s] as i64 + dilated - input[s] as i64 - low)
        });
        ConvDims {
            lhs: [3, 0, 1, 2],
            rhs: [3, 0, 1, 2],
            out: [2, 3, 0, 1],
            rhs_dilation: stride,
            batch_groups,
            ..ConvDims::nchw([1, 1], padding)
        }
    }

    /// Output spatial size along spatial dim `d` for input size `n` and kernel size `k`.
    pub fn out_size(&self, d: usize, n: usize, k: usize) -> i64 {
        let dilated = (n as i64 - 1) * self.lhs_dilation[d] as i64
            + 1
            + self.padding[d].0
            + self.padding[d].1;
        let extent = (k as i64 - 1) * self.rhs_dilation[d] as i64 + 1;
        if dilated < extent {
            0
        } else {
            (dilated - extent) / self.strides[d] as i64 + 1
        }
    }

    /// The kernel taps along spatial dim `d` that read an input element (not padding, not a
    /// hole of the input's dilation) at some output position, for input size `n` and kernel
    /// size `k`. The taps outside multiply zeros only: their products need not be computed,
    /// and their weight gradient is zero. All taps where none reads the input.
    pub fn live_taps(&self, d: usize, n: usize, k: usize) -> Range<usize> {
        let (stride, ld, rd) = (
            self.strides[d] as i64,
            self.lhs_dilation[d] as i64,
            self.rhs_dilation[d] as i64,
        );
        let last = (n as i64 - 1) * ld;
        let out = self.out_size(d, n, k);
        let live = |u: usize| {
            (0..out).any(|y| {
                let p = stride * y + u as i64 * rd - self.padding[d].0;
                (0..=last).contains(&p) && p % ld == 0
            })
        };
        match ((0..k).find(|u| live(*u)), (0..k).rev().find(|u| live(*u))) {
            (Some(first), Some(last)) => first..last + 1,
            _ => 0..k,
        }
    }
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
        let (lhs, rhs, d) = self.without_dead_taps(lhs, rhs, d, flip);
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
        if let Some(y) = self.direct_convolution(x, w, &nhwc) {
            return self.nhwc_to_layout(y, &d.out);
        }
        if let Some(y) = self.convolution_as_matmul(x, w, &nhwc, self.lowering) {
            return self.nhwc_to_layout(y, &d.out);
        }
        // Extra high padding adds zero-input columns past the last one, computed and then
        // sliced off, so the width is a multiple the CPU code vectorises well.
        let (n, k) = (self.shape(x)[2], self.shape(w)[1]);
        let width = nhwc.out_size(1, n, k) as usize;
        let multiple = self.lowering.conv_width_multiple;
        let rounded = width.next_multiple_of(multiple);
        if width > multiple && rounded != width {
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

    /// The convolution `d` of `lhs` with `rhs` (reversed in space if `flip`), with the kernel
    /// cut to the taps that read the input along each spatial dim (`ConvDims::live_taps`) and
    /// the padding moved to match: the same output, exactly, from fewer products. A dim where
    /// the cut would need negative padding keeps its kernel.
    fn without_dead_taps(
        &mut self,
        mut lhs: Value,
        mut rhs: Value,
        mut d: ConvDims,
        flip: bool,
    ) -> (Value, Value, ConvDims) {
        for s in 0..2 {
            let (n, k) = (self.shape(lhs)[d.lhs[2 + s]], self.shape(rhs)[d.rhs[2 + s]]);
            let live = d.live_taps(s, n, k);
            if live.len() == k {
                continue;
            }
            let (stride, ld, rd) = (
                d.strides[s] as i64,
                d.lhs_dilation[s] as i64,
                d.rhs_dilation[s] as i64,
            );
            let out = d.out_size(s, n, k);
            let low = d.padding[s].0 - live.start as i64 * rd;
            let extent = (live.len() as i64 - 1) * rd + 1;
            // The high padding that keeps `out` outputs; below zero, the input's last rows
            // are read by no window and are cut off instead (without dilation only).
            let high = (out - 1) * stride + extent - ((n as i64 - 1) * ld + 1) - low;
            if low < 0 || (high < 0 && ld != 1) {
                continue;
            }
            // Tap u of the flipped kernel is tap k-1-u of the kernel as given.
            let taps = if flip {
                k - live.end..k - live.start
            } else {
                live
            };
            rhs = self.slice_dim(rhs, d.rhs[2 + s], taps);
            if high < 0 {
                lhs = self.slice_dim(lhs, d.lhs[2 + s], 0..(n as i64 + high) as usize);
            }
            d.padding[s] = (low, high.max(0));
            let (n, k) = (self.shape(lhs)[d.lhs[2 + s]], self.shape(rhs)[d.rhs[2 + s]]);
            assert_eq!(
                d.out_size(s, n, k),
                out,
                "cutting dead taps changed the output"
            );
        }
        (lhs, rhs, d)
    }

    /// `x` cut to `range` along `dim`.
    fn slice_dim(&mut self, x: Value, dim: usize, range: Range<usize>) -> Value {
        let shape = self.shape(x).to_vec();
        let (mut start, mut limit) = (vec![0; shape.len()], shape.clone());
        start[dim] = range.start;
        limit[dim] = range.end;
        self.slice(x, &start, &limit, &vec![1; shape.len()])
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
        assert!(
            d.feature_groups == 1 || d.batch_groups == 1,
            "convolution: feature and batch groups at once"
        );
        assert!(
            n % d.batch_groups == 0 && o % d.batch_groups == 0,
            "convolution: batch {n} and {o} output features in {} batch groups",
            d.batch_groups
        );
        let mut shape = vec![0; 4];
        shape[d.out[0]] = n / d.batch_groups;
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
    use crate::ir::Lowering;

    use crate::reference::{self, Tensor};

    /// Each lowering's choice for the MNIST CNN's second convolution at batch 128 (29 MB of
    /// patches): netspec's kernel on AVX2 and AVX-512, matmuls in batch chunks without it;
    /// without the kernel on AVX-512, IREE's direct convolution, and at batch 8 (1.8 MB) a
    /// matmul.
    #[test]
    fn the_lowering_decides_which_convolutions_are_matmuls() {
        let form = |lowering: Lowering, batch: usize| {
            let mut g = Graph::new("f", lowering);
            let x = g.arg("x", TensorType::f32(&[batch, 32, 14, 14]));
            let w = g.arg("w", TensorType::f32(&[64, 32, 3, 3]));
            let y = g.convolution(x, w, ConvDims::nchw([1, 1], [(1, 1), (1, 1)]));
            let f = g.finish(vec![y]);
            let has = |op: fn(&Op) -> bool| f.nodes.iter().any(|n| op(&n.op));
            if has(|op| matches!(op, Op::DirectConv { .. })) {
                "kernel"
            } else if has(|op| matches!(op, Op::Convolution(_))) {
                "convolution"
            } else {
                assert!(has(|op| matches!(
                    op,
                    Op::DotGeneral(_) | Op::TiledMatmul(_) | Op::KernelMatmul(..)
                )));
                "matmul"
            }
        };
        assert_eq!(form(Lowering::AVX2, 128), "kernel");
        assert_eq!(form(Lowering::PORTABLE, 128), "matmul");
        assert_eq!(form(Lowering::AVX512, 128), "kernel");
        let avx512_without = Lowering {
            direct_conv: None,
            ..Lowering::AVX512
        };
        assert_eq!(form(avx512_without, 128), "convolution");
        assert_eq!(form(avx512_without, 8), "matmul");
    }

    /// A convolution whose kernel reads padding with some of its taps (a 3x3 kernel on images
    /// of 1 and 2 rows, strided, flipped, with a dilated input as the input gradient has) is
    /// emitted with those taps cut, and gives the full convolution's values.
    #[test]
    fn dead_taps_are_cut_and_the_values_stay() {
        let nchw = |strides, padding, lhs_dilation| ConvDims {
            rhs: [3, 2, 0, 1],
            lhs_dilation,
            ..ConvDims::nchw(strides, padding)
        };
        // (dims, input [b, c, h, w], kernel k, flip, taps kept of k·k)
        #[rustfmt::skip]
        let cases = [
            (nchw([1, 1], [(1, 1), (1, 1)], [1, 1]), [2, 3, 1, 1], 3, false, 1),
            (nchw([1, 1], [(1, 1), (1, 1)], [1, 1]), [2, 3, 1, 1], 3, true, 1),
            (nchw([2, 2], [(1, 1), (1, 1)], [1, 1]), [2, 3, 2, 2], 3, false, 4),
            (nchw([1, 1], [(3, 3), (3, 3)], [1, 1]), [2, 2, 2, 1], 7, false, 3),
            (nchw([1, 1], [(1, 2), (1, 1)], [2, 2]), [1, 2, 1, 2], 3, true, 6),
            (nchw([1, 1], [(1, 1), (1, 1)], [1, 1]), [1, 2, 3, 3], 3, false, 9),
        ];
        for (d, [b, c, h, w], k, flip, kept) in cases {
            let o = 4;
            let mut g = Graph::new("f", Lowering::AVX512);
            let x = g.arg("x", TensorType::f32(&[b, c, h, w]));
            let kernel = g.arg("k", TensorType::f32(&[k, k, c, o]));
            let y = if flip {
                g.convolution_flipped(x, kernel, d.clone())
            } else {
                g.convolution(x, kernel, d.clone())
            };
            let full = if flip {
                let r = g.reverse(kernel, &[0, 1]);
                g.convolution_in_layout(x, r, d.clone())
            } else {
                g.convolution_in_layout(x, kernel, d.clone())
            };
            let f = g.finish(vec![y, full]);
            let taps: usize = f
                .nodes
                .iter()
                .filter(|n| matches!(n.op, Op::Convolution(_)))
                .map(|n| {
                    let k = &f.nodes[n.operands[1].index()].ty.shape;
                    k[0] * k[1]
                })
                .min()
                .unwrap_or(0);
            let xs: Vec<f32> = (0..b * c * h * w)
                .map(|i| ((i * 37) % 19) as f32 * 0.1 - 0.9)
                .collect();
            let ks: Vec<f32> = (0..k * k * c * o)
                .map(|i| ((i * 13) % 7) as f32 * 0.3 - 1.0)
                .collect();
            let out = reference::run(
                &f,
                &[
                    Tensor::f32_data(&[b, c, h, w], &xs),
                    Tensor::f32_data(&[k, k, c, o], &ks),
                ],
            );
            let (y, want) = (out[0].float(), out[1].float());
            assert_eq!(y.shape(), want.shape());
            let worst = crate::compare::max_abs_diff(y.iter().copied(), want.iter().copied());
            assert!(worst < 1e-12, "{d:?}: differs by {worst}");
            // The direct convolution left in the module (if the form is not a matmul) reads
            // the kept taps only; a matmul form has none but the full one's.
            assert!(
                taps == kept || taps == k * k,
                "{d:?}: {taps} taps, want {kept}"
            );
        }
    }
}
