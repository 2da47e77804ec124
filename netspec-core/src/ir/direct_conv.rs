//! Convolutions and their weight gradients by netspec's own CPU kernels, where the target's
//! lowering says so (`Lowering::direct_conv`): stride 1, no groups or dilation, zero padding
//! read in place. The kernels (`netspec-iree/kernels/direct_conv.c`, built for AVX2 and for
//! AVX-512) read each input value where it lies and broadcast it against a tile of output
//! channels; IREE's alternative, im2col and data-tiled matmuls, spent as long writing, packing
//! and reading patches as multiplying. IREE links the object built for the target's CPU into
//! the module (netspec-iree chooses), one export per shape, all in one executable:
//!
//! - `Op::DirectConv`, the convolution (and the input gradient, a convolution too): one
//!   workgroup per output row;
//! - `Op::DirectConvWeightGrad`: each workgroup sums a run of output rows into a partial
//!   gradient of its own, and the module sums the parts.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::ops::Range;

use super::graph::{Function, Graph, Node, Value};
use super::ops::{ConvDims, Op};
use super::types::TensorType;

/// The object IREE links, by the name the module gives it: netspec-iree substitutes the path of
/// its file when it compiles, an export writes it beside the StableHLO.
pub const OBJECT: &str = "netspec_direct_conv.o";
/// The executable holding one export per convolution shape.
const EXECUTABLE: &str = "netspec_kernels";
/// The kernels compute output channels 16 at a time.
const OUTPUT_BLOCK: usize = 16;

/// When a convolution and its weight gradient run the kernels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DirectConvRule {
    /// At least this many input channels: an image's 1 or 3 leave the broadcasts too little
    /// to multiply (`Lowering::im2col_below_channels` serves those).
    pub min_in_channels: usize,
    /// Whether the stride-1 weight gradients of a multiple of 16 output channels, from any
    /// number of input channels, run the kernels (`Op::DirectConvWeightGrad`).
    pub weight_grad: bool,
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
        // A tap before the padding's end is live (`ConvDims::live_taps`), so the low padding
        // of the live taps is never below zero.
        let low = [
            padding[0].0.checked_sub(live[0].start)?,
            padding[1].0.checked_sub(live[1].start)?,
        ];
        let x = self.transpose(x, &[0, 2, 3, 1]);
        let dy = self.transpose(dy, &[0, 2, 3, 1]);
        let ty = TensorType::f32(&[live[0].len(), live[1].len(), c, o]);
        let dw = self.push(Op::DirectConvWeightGrad { low }, vec![x, dy], ty);
        Some(self.zero_padded_taps(dw, kernel, &live))
    }
}

/// The partial sums of one weight gradient, one per workgroup, are at most this many bytes in
/// all: IREE then sums them over the workgroups, reading them once more.
const WEIGHT_GRAD_PART_BYTES: usize = 16 << 20;
/// At most this many workgroups per weight gradient: enough to share the rows among the cores.
const WEIGHT_GRAD_GROUPS: usize = 32;
/// A convolution's output rows narrower than this (AVX-512's block) go in blocks of images at
/// one position (`netspec_direct_conv_images`) rather than blocks along a row, which would be
/// too short to keep the FMA units busy, and whose taps at the edges would read padding: on
/// the Intel Xeon, ResNet-34@32's step ran in 0.89 of the time with its 2x2 and 1x1 stages by
/// images (against data-tiled im2col matmuls), and a few percent faster again with its 4x4
/// and 8x8 ones too (against blocks along their rows); AVX2's build gained as much.
const ROW_BLOCKS_MIN_WIDTH: usize = 12;
/// A convolution by images has workgroups of at most this many images (AVX-512's largest
/// block) ...
const IMAGES_PER_WORKGROUP: usize = 12;
/// ... and at least this many workgroups, where the batch allows, for the cores to share.
const IMAGE_WORKGROUPS: usize = 8;
/// A weight gradient over fewer output positions than this shares its tiles among the
/// workgroups (`netspec_conv_weight_grad_tiles`) rather than its positions: too few to keep
/// both cores busy with runs of them.
const WEIGHT_GRAD_BY_ROWS_MIN_POSITIONS: usize = 2048;
/// A weight gradient by tiles has at most this many workgroups.
const WEIGHT_GRAD_TILE_GROUPS: usize = 16;
/// At least this many output positions per workgroup of a weight gradient: each tile of its
/// partial gradient is loaded and stored once per run of positions.
const WEIGHT_GRAD_GROUP_POSITIONS: usize = 256;

/// One kernel call's shapes, which name its export.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Call {
    /// `Op::DirectConv`: input [N, H, W, C], kernel [kh, kw, C, O], padding, output
    /// [N, OH, OW, O].
    Conv {
        x: [usize; 4],
        w: [usize; 4],
        padding: [(usize, usize); 2],
        y: [usize; 4],
    },
    /// `Op::DirectConvWeightGrad`: input [N, H, W, C], its output's gradient [N, OH, OW, O],
    /// the low padding, the gradient [kh, kw, C, O].
    WeightGrad {
        x: [usize; 4],
        dy: [usize; 4],
        low: [usize; 2],
        dw: [usize; 4],
    },
}

impl Call {
    fn of(f: &Function, node: &Node) -> Option<Call> {
        let dims = |v: &Value| <[usize; 4]>::try_from(&f.nodes[v.index()].ty.shape[..]).unwrap();
        let out = <[usize; 4]>::try_from(&node.ty.shape[..]).ok();
        match node.op {
            Op::DirectConv { padding } => Some(Call::Conv {
                x: dims(&node.operands[0]),
                w: dims(&node.operands[1]),
                padding,
                y: out?,
            }),
            Op::DirectConvWeightGrad { low } => Some(Call::WeightGrad {
                x: dims(&node.operands[0]),
                dy: dims(&node.operands[1]),
                low,
                dw: out?,
            }),
            _ => None,
        }
    }

    fn export(&self) -> String {
        match *self {
            Call::Conv { x, w, padding, .. } => {
                let [n, h, wd, c] = x;
                let [kh, kw, _, o] = w;
                let [(top, bottom), (left, right)] = padding;
                format!(
                    "direct_conv_{n}x{h}x{wd}x{c}_{kh}x{kw}x{o}_pad{top}x{bottom}x{left}x{right}"
                )
            }
            Call::WeightGrad { x, dw, low, .. } => {
                let [n, h, wd, c] = x;
                let [kh, kw, _, o] = dw;
                let [top, left] = low;
                format!("conv_weight_grad_{n}x{h}x{wd}x{c}_{kh}x{kw}x{o}_low{top}x{left}")
            }
        }
    }

    /// Whether a convolution goes in blocks of images at one output position.
    fn by_images(&self) -> bool {
        matches!(self, Call::Conv { y, .. } if y[2] < ROW_BLOCKS_MIN_WIDTH)
    }

    /// Whether a weight gradient shares its tiles among the workgroups, each summing over
    /// every position, rather than its positions, each workgroup into a partial gradient.
    fn by_tiles(&self) -> bool {
        matches!(self, Call::WeightGrad { dy, .. }
            if dy[0] * dy[1] * dy[2] < WEIGHT_GRAD_BY_ROWS_MIN_POSITIONS)
    }

    fn symbol(&self) -> &'static str {
        match self {
            Call::Conv { .. } if self.by_images() => "netspec_direct_conv_images",
            Call::Conv { .. } => "netspec_direct_conv_row",
            Call::WeightGrad { .. } if self.by_tiles() => "netspec_conv_weight_grad_tiles",
            Call::WeightGrad { .. } => "netspec_conv_weight_grad",
        }
    }

    /// The partial gradients a weight gradient by rows sums; 1 by tiles.
    fn parts(&self) -> usize {
        match self {
            Call::WeightGrad { .. } if !self.by_tiles() => self.workgroups(),
            _ => 1,
        }
    }

    /// A convolution by images: the groups of images at each output position.
    fn image_groups(&self) -> usize {
        let Call::Conv { y, .. } = *self else {
            return 0;
        };
        let positions = y[1] * y[2];
        y[0].div_ceil(IMAGES_PER_WORKGROUP)
            .max(IMAGE_WORKGROUPS.div_ceil(positions))
            .min(y[0])
    }

    /// Workgroups: a convolution's output rows, or its output positions times their groups of
    /// images; a weight gradient's parts, each summing a run of output rows into its own
    /// partial gradient, or its groups of tiles (a kernel row's (tap, channel) pairs 12 at a
    /// time, AVX-512's tile, at most one group each).
    fn workgroups(&self) -> usize {
        match *self {
            Call::Conv { y, .. } if self.by_images() => y[1] * y[2] * self.image_groups(),
            Call::Conv { y, .. } => y[0] * y[1],
            Call::WeightGrad { dw, .. } if self.by_tiles() => {
                let [kh, kw, c, _] = dw;
                (kh * (kw * c).div_ceil(12)).min(WEIGHT_GRAD_TILE_GROUPS)
            }
            Call::WeightGrad { dy, dw, .. } => {
                let part = dw.iter().product::<usize>() * 4;
                (dy[0] * dy[1])
                    .min(WEIGHT_GRAD_GROUPS)
                    .min(dy[0] * dy[1] * dy[2] / WEIGHT_GRAD_GROUP_POSITIONS)
                    .min(WEIGHT_GRAD_PART_BYTES / part)
                    .max(1)
            }
        }
    }

    /// The buffers the kernel reads and writes, in its argument order, with their elements:
    /// the operands, then the result.
    fn bindings(&self) -> Vec<(&'static str, usize)> {
        let elements = |d: &[usize]| d.iter().product::<usize>();
        match self {
            Call::Conv { x, w, y, .. } => vec![
                ("x", elements(x)),
                ("w", elements(w)),
                ("zeros", x[3]),
                ("y", elements(y)),
            ],
            Call::WeightGrad { x, dy, dw, .. } => vec![
                ("x", elements(x)),
                ("dy", elements(dy)),
                ("dw", self.parts() * elements(dw)),
            ],
        }
    }

    /// The sizes the kernel takes after the buffers, before the workgroup's index: the
    /// geometry the kernels share (input, output, channels, kernel, low padding), and for a
    /// weight gradient or a convolution by images, the batch before it and the number of parts
    /// or groups of images after it.
    fn sizes(&self) -> Vec<(&'static str, usize)> {
        let (x, out, w, low) = match *self {
            Call::Conv { x, w, padding, y } => (x, y, w, [padding[0].0, padding[1].0]),
            Call::WeightGrad { x, dy, low, dw } => (x, dy, dw, low),
        };
        let shared = [
            ("h", x[1]),
            ("wd", x[2]),
            ("oh", out[1]),
            ("ow", out[2]),
            ("c", x[3]),
            ("o", w[3]),
            ("kh", w[0]),
            ("kw", w[1]),
            ("top", low[0]),
            ("left", low[1]),
        ];
        let groups = match self {
            Call::Conv { .. } if self.by_images() => self.image_groups(),
            Call::Conv { .. } => return shared.to_vec(),
            Call::WeightGrad { .. } => self.workgroups(),
        };
        std::iter::once(("n", x[0]))
            .chain(shared)
            .chain([("groups", groups)])
            .collect()
    }

    /// The kernel's declaration: each buffer as a base pointer and an element offset, then
    /// the sizes and the workgroup's index.
    fn params(&self) -> String {
        let buffers = vec!["memref<f32>, index"; self.bindings().len()];
        let sizes = vec!["index"; self.sizes().len() + 1];
        format!("{}, {}", buffers.join(", "), sizes.join(", "))
    }
}

/// The text of the kernel call for `node` (an `Op::DirectConv` or `Op::DirectConvWeightGrad`
/// of `f`, node `i`) on operands `operands`, after the lines it needs first (written to `out`):
/// the zeros a convolution reads for its padding, a weight gradient's partial sums.
pub(crate) fn dispatch(
    out: &mut String,
    f: &Function,
    node: &Node,
    i: usize,
    operands: &[String],
) -> String {
    let call = Call::of(f, node).expect("a kernel call");
    let mut types: Vec<String> = node
        .operands
        .iter()
        .map(|v| f.nodes[v.index()].ty.to_string())
        .collect();
    let mut operands = operands.to_vec();
    let target = format!("@{EXECUTABLE}::@{}", call.export());
    if let Call::Conv { x, .. } = call {
        let zeros = TensorType::f32(&[x[3]]);
        writeln!(
            out,
            "    %zeros{i} = stablehlo.constant dense<0.0> : {zeros}"
        )
        .unwrap();
        operands.push(format!("%zeros{i}"));
        types.push(zeros.to_string());
    }
    let (operands, types) = (operands.join(", "), types.join(", "));
    if call.parts() == 1 {
        return format!(
            "flow.dispatch {target}({operands}) : ({types}) -> {}",
            node.ty
        );
    }
    // The workgroups' partial gradients, then their sum.
    let mut shape = vec![call.parts()];
    shape.extend(&node.ty.shape);
    let parts = TensorType::f32(&shape);
    let scalar = TensorType::f32(&[]);
    writeln!(
        out,
        "    %parts{i} = flow.dispatch {target}({operands}) : ({types}) -> {parts}\n    %init{i} = stablehlo.constant dense<0.0> : {scalar}",
    )
    .unwrap();
    format!(
        "\"stablehlo.reduce\"(%parts{i}, %init{i}) ({{\n      ^bb0(%l: {scalar}, %r: {scalar}):\n        %s = \"stablehlo.add\"(%l, %r) : ({scalar}, {scalar}) -> {scalar}\n        \"stablehlo.return\"(%s) : ({scalar}) -> ()\n    }}) {{dimensions = array<i64: 0>}} : ({parts}, {scalar}) -> {}",
        node.ty
    )
}

/// The executable of every kernel call in `functions`, or nothing: the kernels' object for
/// x86-64 CPUs and one export per call's shapes.
pub(crate) fn executable<'a>(functions: impl Iterator<Item = &'a Function>) -> String {
    let calls: BTreeSet<Call> = functions
        .flat_map(|f| f.nodes.iter().filter_map(move |n| Call::of(f, n)))
        .collect();
    if calls.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    let target = "#hal.executable.target<\"llvm-cpu\", \"embedded-elf-x86_64\">";
    writeln!(
        out,
        "  stream.executable private @{EXECUTABLE} attributes {{hal.executable.objects = #hal.executable.objects<{{{target} = [#hal.executable.object<{{path = \"{OBJECT}\"}}>]}}>}} {{"
    )
    .unwrap();
    for call in &calls {
        writeln!(
            out,
            "    stream.executable.export public @{} workgroups() -> (index, index, index) {{\n      %groups = arith.constant {} : index\n      %one = arith.constant 1 : index\n      stream.return %groups, %one, %one : index, index, index\n    }}",
            call.export(),
            call.workgroups()
        )
        .unwrap();
    }
    writeln!(out, "    builtin.module {{").unwrap();
    let declared: BTreeSet<(&str, String)> =
        calls.iter().map(|c| (c.symbol(), c.params())).collect();
    for (symbol, params) in &declared {
        writeln!(
            out,
            "      func.func private @{symbol}({params}) attributes {{hal.import.static, llvm.bareptr = true}}"
        )
        .unwrap();
    }
    for call in &calls {
        let bindings = call.bindings();
        let args: Vec<String> = bindings
            .iter()
            .map(|(name, _)| format!("%{name}: !stream.binding"))
            .collect();
        writeln!(
            out,
            "      func.func @{}({}) {{\n        %zero = arith.constant 0 : index\n        %group = stream.dispatch.workgroup.id[0] : index",
            call.export(),
            args.join(", ")
        )
        .unwrap();
        let mut values = vec![];
        for (name, n) in bindings {
            // Flat, with the offset IREE binds the buffer at left dynamic: a static memref
            // type would fold it to 0 and the kernel would read the start of the allocation.
            let m = format!("memref<{n}xf32, strided<[1], offset: ?>>");
            writeln!(
                out,
                "        %{name}_m = stream.binding.subspan %{name}[%zero] : !stream.binding -> {m}\n        %{name}_p, %{name}_o, %{name}_s, %{name}_t = memref.extract_strided_metadata %{name}_m : {m} -> memref<f32>, index, index, index"
            )
            .unwrap();
            values.push(format!("%{name}_p, %{name}_o"));
        }
        for (name, v) in call.sizes() {
            writeln!(out, "        %{name} = arith.constant {v} : index").unwrap();
            values.push(format!("%{name}"));
        }
        writeln!(
            out,
            "        func.call @{}({}, %group) : ({}) -> ()\n        return\n      }}",
            call.symbol(),
            values.join(", "),
            call.params()
        )
        .unwrap();
    }
    out.push_str("    }\n  }\n");
    out
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
            for (lowering, expected) in [
                (Lowering::AVX2, takes),
                (Lowering::AVX512, takes),
                (Lowering::PORTABLE, false),
                (Lowering::CUDA, false),
            ] {
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
                let (xs, ds) = (xd.float(), dyd.float());
                let mut worst = 0.0f64;
                for (idx, v) in got[0].float().indexed_iter() {
                    let (u, vv, c, oo) = (idx[0], idx[1], idx[2], idx[3]);
                    let mut want = 0.0;
                    for b in 0..x[0] {
                        for y in 0..out[0] {
                            for xo in 0..out[1] {
                                let (iy, ix) = (y + u, xo + vv);
                                if iy < pad || ix < pad || iy - pad >= x[2] || ix - pad >= x[3] {
                                    continue;
                                }
                                want += xs[[b, c, iy - pad, ix - pad]] * ds[[b, oo, y, xo]];
                            }
                        }
                    }
                    worst = worst.max((v - want).abs() / (1.0 + want.abs()));
                }
                assert!(worst <= 1e-9, "{x:?} to {o}: off by {worst:e}");
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
        assert_eq!(text.matches(super::OBJECT).count(), 1);
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
