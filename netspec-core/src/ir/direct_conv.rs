//! Convolutions and their weight gradients by netspec's own CPU kernels, where the target's
//! lowering says so (`Lowering::direct_conv`): stride 1, no groups or dilation, zero padding
//! read in place; and depthwise convolutions' weight gradients at any stride. The kernels
//! (`netspec-iree/kernels/direct_conv.c`, built for AVX2 and for AVX-512) read each input value
//! where it lies and broadcast it against a tile of output channels; IREE's alternative, im2col
//! and data-tiled matmuls, spent as long writing, packing and reading patches as multiplying.
//! How the module calls them: `ir/kernel_call.rs`.
//!
//! - `Op::DirectConv`, the convolution (and the input gradient, a convolution too): by blocks
//!   along output rows, or of images at one position;
//! - `Op::DirectConvWeightGrad`: workgroups sum runs of output rows into partial gradients of
//!   their own, which the module sums, or share the gradient's tiles;
//! - `Op::DepthwiseWeightGrad`, a depthwise convolution's weight gradient at any stride: a
//!   workgroup per kernel row and 16 channels, its taps' sums in registers.

use std::ops::Range;

use super::conv::ConvDims;
use super::graph::{Graph, Value};
use super::kernel_call::WEIGHT_GRAD_BY_ROWS_MIN_POSITIONS;
use super::ops::Op;
use super::types::TensorType;

/// netspec's kernels compute output channels, and a matmul's columns, 16 at a time.
pub(super) const OUTPUT_BLOCK: usize = 16;

/// When a convolution and its weight gradient run the kernels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DirectConvRule {
    /// At least this many input channels: an image's 1 or 3 leave the broadcasts too little
    /// to multiply (`Lowering::im2col_below_channels` serves those).
    pub min_in_channels: usize,
    /// Whether the stride-1 weight gradients of a multiple of 16 output channels, from any
    /// number of input channels, run the kernels (`Op::DirectConvWeightGrad`).
    pub weight_grad: bool,
    /// Whether the weight gradients of depthwise convolutions of a multiple of 16 channels, at
    /// any stride, run the kernels (`Op::DepthwiseWeightGrad`).
    pub depthwise_weight_grad: bool,
}

impl Graph {
    /// The NHWC x HWIO convolution `d` of `x` with `w` as `Op::DirectConv`, where the lowering
    /// has the kernel and the convolution is one it computes. `None`: another form.
    pub(super) fn direct_convolution(&mut self, x: Value, w: Value, d: &ConvDims) -> Option<Value> {
        let rule = self.lowering.direct_conv?;
        let [b, h, wd, c] = <[usize; 4]>::try_from(self.shape(x)).ok()?;
        let [kh, kw, i, o] = <[usize; 4]>::try_from(self.shape(w)).ok()?;
        if d.padding.iter().any(|&(low, high)| low < 0 || high < 0) {
            return None;
        }
        let padding = d.padding.map(|(low, high)| (low as usize, high as usize));
        if *d != ConvDims::nhwc_stride_one(padding)
            || i != c
            || c < rule.min_in_channels
            || o % OUTPUT_BLOCK != 0
        {
            return None;
        }
        let (oh, ow) = (d.out_size(0, h, kh), d.out_size(1, wd, kw));
        if oh <= 0 || ow <= 0 {
            return None;
        }
        let ty = TensorType::f32(&[b, oh as usize, ow as usize, o]);
        Some(self.push(Op::DirectConv { padding }, vec![x, w], ty))
    }

    /// dW[u, v, c, o] = Σ_(b,y,x) dy[b, o, y, x] · xp[b, c, y + u, x + v] (HWIO) of the stride-1
    /// NCHW convolution of `x`, zero-padded by `padding`, with a kernel of size `kernel` and
    /// gradient `dy` as `Op::DirectConvWeightGrad`, where the lowering has the kernel; only the
    /// taps in `live` are computed, the others read padding only and their gradient is zero.
    /// `None`: another form.
    pub fn direct_conv_weight_grad(
        &mut self,
        x: Value,
        padding: [(usize, usize); 2],
        dy: Value,
        kernel: [usize; 2],
        strides: [usize; 2],
        live: [Range<usize>; 2],
    ) -> Option<Value> {
        let rule = self.lowering.direct_conv?;
        let [_, c, _, _] = <[usize; 4]>::try_from(self.shape(x)).ok()?;
        let [b, o, oh, ow] = <[usize; 4]>::try_from(self.shape(dy)).ok()?;
        if !rule.weight_grad || strides != [1, 1] || o % OUTPUT_BLOCK != 0 {
            return None;
        }
        // One live tap over few positions, by tiles, is a small matmul that IREE's data-tiled
        // form serves as well: EfficientNet-B0@32's and MobileNetV2@32's steps ran a few
        // percent longer with their 1x1 convolutions' weight gradients by tiles.
        if live[0].len() * live[1].len() == 1 && b * oh * ow < WEIGHT_GRAD_BY_ROWS_MIN_POSITIONS {
            return None;
        }
        let op = |low| Op::DirectConvWeightGrad { low };
        self.weight_grad_call(x, padding, dy, kernel, live, [c, o], op)
    }

    /// dW[u, v, 0, c] = Σ_(b,y,x) dy[b, c, y, x] · xp[b, c, s₀·y + u, s₁·x + v] (HWIO) of the
    /// depthwise NCHW convolution (a group per channel, as many outputs) of `x`, zero-padded by
    /// `padding`, with a kernel of size `kernel`, strides `strides` and gradient `dy`, as
    /// `Op::DepthwiseWeightGrad`, where the lowering has the kernel and the channels are a
    /// multiple of 16; only the taps in `live` are computed, as in `direct_conv_weight_grad`.
    /// `None`: another form.
    pub fn depthwise_conv_weight_grad(
        &mut self,
        x: Value,
        padding: [(usize, usize); 2],
        dy: Value,
        kernel: [usize; 2],
        strides: [usize; 2],
        live: [Range<usize>; 2],
    ) -> Option<Value> {
        let rule = self.lowering.direct_conv?;
        let [_, c, _, _] = <[usize; 4]>::try_from(self.shape(x)).ok()?;
        if !rule.depthwise_weight_grad || c % OUTPUT_BLOCK != 0 {
            return None;
        }
        let op = |low| Op::DepthwiseWeightGrad {
            low,
            stride: strides,
        };
        self.weight_grad_call(x, padding, dy, kernel, live, [1, c], op)
    }

    /// The kernel call `op(low)` of a weight gradient over the live taps, from the NCHW input
    /// `x` and gradient `dy`, read NHWC, to [live kh, live kw, `channels`...] (HWIO), zero-padded
    /// back to the whole kernel.
    #[allow(clippy::too_many_arguments)]
    fn weight_grad_call(
        &mut self,
        x: Value,
        padding: [(usize, usize); 2],
        dy: Value,
        kernel: [usize; 2],
        live: [Range<usize>; 2],
        channels: [usize; 2],
        op: impl FnOnce([usize; 2]) -> Op,
    ) -> Option<Value> {
        // A tap before the padding's end is live (`ConvDims::live_taps`), so the low padding
        // of the live taps is never below zero.
        let low = [
            padding[0].0.checked_sub(live[0].start)?,
            padding[1].0.checked_sub(live[1].start)?,
        ];
        let x = self.transpose(x, &[0, 2, 3, 1]);
        let dy = self.transpose(dy, &[0, 2, 3, 1]);
        let [i, o] = channels;
        let ty = TensorType::f32(&[live[0].len(), live[1].len(), i, o]);
        let dw = self.push(op(low), vec![x, dy], ty);
        Some(self.zero_padded_taps(dw, kernel, &live))
    }
}

#[cfg(test)]
mod tests {
    use crate::ir::{ConvDims, Graph, Lowering, Op, TensorType};
    use crate::reference::{self, Tensor};

    /// Deterministic test values in [-1.1, 1.1] of `shape`, varied by `seed`.
    fn data(shape: &[usize], seed: usize) -> Tensor {
        let n: usize = shape.iter().product();
        let v: Vec<f32> = (0..n)
            .map(|i| ((i * 37 + seed) % 23) as f32 * 0.1 - 1.1)
            .collect();
        Tensor::f32_data(shape, &v)
    }

    /// Each target's lowering, with whether it should take a weight gradient the kernels
    /// compute (`takes`): the x86 ones only.
    fn taken_by(takes: bool) -> [(Lowering, bool); 4] {
        [
            (Lowering::AVX2, takes),
            (Lowering::AVX512, takes),
            (Lowering::PORTABLE, false),
            (Lowering::CUDA, false),
        ]
    }

    /// The largest relative distance of the HWIO gradient `got` [kh, kw, I, O] from the direct
    /// sum Σ_(b,y,x) x[b, i, s·y + u - low, s·x + v - low] · dy[b, o, y, x] (zero outside x),
    /// where a depthwise gradient (I = 1) reads input channel o.
    fn off_from_direct_sum(
        got: &Tensor,
        x: &Tensor,
        dy: &Tensor,
        stride: usize,
        low: usize,
    ) -> f64 {
        let (xs, ds) = (x.float(), dy.float());
        let (xd, dd) = (xs.shape(), ds.shape());
        let depthwise = got.float().shape()[2] == 1 && xd[1] == dd[1];
        let mut worst = 0.0f64;
        for (idx, v) in got.float().indexed_iter() {
            let (u, vv, o) = (idx[0], idx[1], idx[3]);
            let i = if depthwise { o } else { idx[2] };
            let mut want = 0.0;
            for b in 0..xd[0] {
                for y in 0..dd[2] {
                    for xo in 0..dd[3] {
                        let (iy, ix) = (stride * y + u, stride * xo + vv);
                        if iy < low || ix < low || iy - low >= xd[2] || ix - low >= xd[3] {
                            continue;
                        }
                        want += xs[[b, i, iy - low, ix - low]] * ds[[b, o, y, xo]];
                    }
                }
            }
            worst = worst.max((v - want).abs() / (1.0 + want.abs()));
        }
        worst
    }

    /// (input NCHW, kernel HWIO, stride, padding) under `lowering`: how many direct
    /// convolutions the forward builds, and its output.
    fn forward(
        lowering: Lowering,
        x: [usize; 4],
        w: [usize; 4],
        stride: usize,
        pad: i64,
    ) -> (usize, Vec<f64>) {
        let mut g = Graph::new("f", lowering);
        let xv = g.arg("x", TensorType::f32(&x));
        let wv = g.arg("w", TensorType::f32(&w));
        let d = ConvDims {
            rhs: [3, 2, 0, 1],
            ..ConvDims::nchw([stride; 2], [(pad, pad); 2])
        };
        let y = g.convolution(xv, wv, d);
        let f = g.finish(vec![y]);
        let direct = f
            .nodes
            .iter()
            .filter(|n| matches!(n.op, Op::DirectConv { .. }))
            .count();
        let out = reference::run(&f, &[data(&x, 1), data(&w, 2)]);
        (direct, out[0].float().iter().copied().collect())
    }

    /// The kernels (AVX2's and AVX-512's lowering) take stride-1 convolutions of enough input
    /// channels, a multiple of 16 outputs and wide enough rows, and compute what the
    /// convolution does.
    #[test]
    fn the_kernel_takes_wide_stride_one_convolutions_and_keeps_their_values() {
        let without = Lowering {
            direct_conv: None,
            ..Lowering::AVX2
        };
        // (input, kernel, stride, padding, whether the kernel takes it)
        let cases = [
            ([2, 16, 5, 17], [3, 3, 16, 16], 1, 1, true),
            ([2, 8, 4, 20], [2, 2, 8, 32], 1, 0, true),
            ([2, 16, 5, 17], [3, 3, 16, 16], 2, 1, false),
            ([2, 16, 5, 17], [3, 3, 16, 8], 1, 1, false),
            ([2, 4, 5, 17], [3, 3, 4, 16], 1, 1, false),
            ([2, 16, 8, 8], [3, 3, 16, 16], 1, 1, true),
            ([2, 16, 4, 4], [3, 3, 16, 16], 1, 1, true),
            ([2, 16, 3, 3], [3, 3, 16, 16], 1, 1, true),
            ([5, 16, 2, 3], [2, 2, 16, 32], 1, 0, true),
        ];
        for (x, w, stride, pad, takes) in cases {
            let (direct, y) = forward(Lowering::AVX2, x, w, stride, pad);
            assert_eq!(direct, usize::from(takes), "{x:?} * {w:?}, stride {stride}");
            let (none, want) = forward(without, x, w, stride, pad);
            assert_eq!(none, 0);
            assert_eq!(y.len(), want.len());
            for (a, b) in y.iter().zip(&want) {
                assert!((a - b).abs() <= 1e-9 * (1.0 + b.abs()), "{a} vs {b}");
            }
            assert_eq!(forward(Lowering::AVX512, x, w, stride, pad).0, direct);
            for other in [Lowering::CUDA, Lowering::PORTABLE] {
                assert_eq!(forward(other, x, w, stride, pad).0, 0);
            }
        }
    }

    /// The kernels take the stride-1 weight gradients of a multiple of 16 output channels from
    /// any input channels, long (by rows) or short (by tiles, but for a single live tap), and
    /// compute dW = Σ x·dy, the taps that read padding only included (their gradient is zero).
    #[test]
    fn the_kernel_takes_stride_one_weight_gradients_and_computes_them() {
        // (input NCHW, output channels, kernel, stride, padding, whether the kernel takes it)
        let cases = [
            ([2, 5, 32, 32], 16, 3, 1, 1, true),
            ([2, 16, 33, 33], 32, 2, 1, 0, true),
            ([512, 3, 1, 4], 16, 3, 1, 1, true),
            ([2, 16, 32, 32], 8, 3, 1, 1, false),
            ([2, 16, 32, 32], 16, 3, 2, 1, false),
            ([1, 16, 32, 32], 16, 3, 1, 1, true),
            ([32, 24, 2, 2], 48, 3, 1, 1, true),
            ([32, 24, 1, 1], 48, 3, 1, 1, false),
            ([8, 24, 4, 4], 48, 1, 1, 0, false),
            ([8, 24, 16, 16], 48, 1, 1, 0, true),
        ];
        for (x, o, k, stride, pad, takes) in cases {
            let window = crate::layers::Window {
                kernel: [k; 2],
                stride: [stride; 2],
                padding: [(pad, pad); 2],
            };
            let out = [0, 1].map(|s| (x[2 + s] + 2 * pad - k) / stride + 1);
            let dy_shape = [x[0], o, out[0], out[1]];
            let live = window.live_taps([x[2], x[3]]);
            for (lowering, expected) in taken_by(takes) {
                let mut g = Graph::new("f", lowering);
                let xv = g.arg("x", TensorType::f32(&x));
                let dy = g.arg("dy", TensorType::f32(&dy_shape));
                let dw = g.direct_conv_weight_grad(
                    xv,
                    window.padding,
                    dy,
                    window.kernel,
                    window.stride,
                    live.clone(),
                );
                assert_eq!(dw.is_some(), expected, "{x:?} to {o}, {lowering:?}");
                let Some(dw) = dw else { continue };
                let f = g.finish(vec![dw]);
                assert_eq!(
                    f.nodes
                        .iter()
                        .filter(|n| matches!(n.op, Op::DirectConvWeightGrad { .. }))
                        .count(),
                    1
                );
                let (xd, dyd) = (data(&x, 1), data(&dy_shape, 2));
                let got = reference::run(&f, &[xd.clone(), dyd.clone()]);
                let worst = off_from_direct_sum(&got[0], &xd, &dyd, 1, pad);
                assert!(worst <= 1e-9, "{x:?} to {o}: off by {worst:e}");
            }
        }
    }

    /// The kernels take the weight gradients of depthwise convolutions of a multiple of 16
    /// channels at any stride and padding, and compute dW = Σ x·dy per channel, the taps that
    /// read padding only included (their gradient is zero).
    #[test]
    fn the_kernel_takes_depthwise_weight_gradients_and_computes_them() {
        // (input NCHW, kernel, stride, padding (low, high), whether the kernel takes it)
        let cases = [
            ([2, 16, 8, 8], 7, 1, (3, 3), true),
            ([3, 32, 9, 7], 3, 2, (1, 1), true),
            ([2, 16, 5, 5], 4, 3, (1, 2), true),
            ([2, 16, 2, 2], 7, 1, (3, 3), true),
            ([2, 16, 1, 1], 5, 2, (2, 2), true),
            ([2, 8, 8, 8], 3, 1, (1, 1), false),
        ];
        for (x, k, stride, pad, takes) in cases {
            let c = x[1];
            let window = crate::layers::Window {
                kernel: [k; 2],
                stride: [stride; 2],
                padding: [pad; 2],
            };
            let out = [0, 1].map(|s| (x[2 + s] + pad.0 + pad.1 - k) / stride + 1);
            let dy_shape = [x[0], c, out[0], out[1]];
            let live = window.live_taps([x[2], x[3]]);
            for (lowering, expected) in taken_by(takes) {
                let mut g = Graph::new("f", lowering);
                let xv = g.arg("x", TensorType::f32(&x));
                let dy = g.arg("dy", TensorType::f32(&dy_shape));
                let dw = g.depthwise_conv_weight_grad(
                    xv,
                    window.padding,
                    dy,
                    window.kernel,
                    window.stride,
                    live.clone(),
                );
                assert_eq!(dw.is_some(), expected, "{x:?} k{k} s{stride}, {lowering:?}");
                let Some(dw) = dw else { continue };
                let f = g.finish(vec![dw]);
                let calls = f
                    .nodes
                    .iter()
                    .filter(|n| matches!(n.op, Op::DepthwiseWeightGrad { .. }));
                assert_eq!(calls.count(), 1);
                let (xd, dyd) = (data(&x, 1), data(&dy_shape, 2));
                let got = reference::run(&f, &[xd.clone(), dyd.clone()]);
                assert_eq!(got[0].float().shape(), &[k, k, 1, c]);
                let worst = off_from_direct_sum(&got[0], &xd, &dyd, stride, pad.0);
                assert!(worst <= 1e-9, "{x:?} k{k} s{stride}: off by {worst:e}");
            }
        }
    }

    /// The module holds one executable with one export per shape and the kernel's object,
    /// and each direct convolution dispatches its shape's export.
    #[test]
    fn the_module_links_the_kernel_once_with_an_export_per_shape() {
        let mut g = Graph::new("f", Lowering::AVX2);
        let x = g.arg("x", TensorType::f32(&[2, 16, 4, 18]));
        let w = g.arg("w", TensorType::f32(&[3, 3, 16, 16]));
        let d = ConvDims {
            rhs: [3, 2, 0, 1],
            ..ConvDims::nchw([1, 1], [(1, 1), (1, 1)])
        };
        let y1 = g.convolution(x, w, d.clone());
        let y2 = g.convolution(y1, w, d.clone());
        let y3 = g.convolution(
            x,
            w,
            ConvDims {
                padding: [(0, 0); 2],
                ..d
            },
        );
        let f = g.finish(vec![y2, y3]);
        let text = crate::emit::module_text(&crate::ir::Module {
            name: "m".into(),
            functions: vec![f],
        });
        assert_eq!(text.matches("stream.executable private").count(), 1);
        assert_eq!(
            text.matches(super::super::kernel_call::DIRECT_CONV_OBJECT)
                .count(),
            1
        );
        assert_eq!(text.matches("stream.executable.export").count(), 2);
        let same = "@netspec_kernels::@direct_conv_2x4x18x16_3x3x16_pad1x1x1x1(";
        assert_eq!(text.matches(same).count(), 2, "{text}");
        assert_eq!(
            text.matches("@netspec_kernels::@direct_conv_2x4x18x16_3x3x16_pad0x0x0x0(")
                .count(),
            1
        );
    }
}
