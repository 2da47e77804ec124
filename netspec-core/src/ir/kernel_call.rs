//! The calls into netspec's own CPU kernels (`netspec-iree/kernels/`) a module makes, where its
//! lowering asks for them: which entry point each op calls, over how many workgroups, with
//! which buffers and sizes, and the executable that declares them. IREE links the objects
//! built for the target's CPU into the module (netspec-iree chooses the build), one export per
//! call's shapes, all in one executable:
//!
//! - `Op::DirectConv`, a stride-1 convolution (and an input gradient, a convolution too),
//!   `Op::DirectConvWeightGrad` and `Op::DepthwiseWeightGrad` (`ir/direct_conv.rs`,
//!   `kernels/direct_conv.c`);
//! - `Op::KernelMatmul`, a 2-D matmul (`ir/matmul.rs`, `kernels/matmul.c`): one workgroup per
//!   panel of 32 columns and chunk of rows, each finishing its panel with the call's epilogue
//!   (`ir/epilogue.rs`), an entry point per epilogue;
//! - `Op::KernelAttention` and `Op::KernelAttentionGrad` (`ir/attention.rs`,
//!   `kernels/attention.c`): one workgroup per example and head.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::epilogue::Epilogue;
use super::graph::{Function, Node, Value};
use super::ops::Op;
use super::types::TensorType;

/// The objects IREE links, by the names the module gives them: netspec-iree substitutes the
/// path of each file when it compiles, an export writes them beside the StableHLO.
pub const DIRECT_CONV_OBJECT: &str = "netspec_direct_conv.o";
pub const MATMUL_OBJECT: &str = "netspec_matmul.o";
pub const ATTENTION_OBJECT: &str = "netspec_attention.o";
/// The executable holding one export per call's shapes.
const EXECUTABLE: &str = "netspec_kernels";

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
/// The rows of AVX-512's largest register tile (`kernels/vector.h`), which the work is shared
/// out in.
const TILE_ROWS: usize = 12;
/// A convolution by images has workgroups of at most this many images (one tile) ...
const IMAGES_PER_WORKGROUP: usize = TILE_ROWS;
/// ... and at least this many workgroups, where the batch allows, for the cores to share.
const IMAGE_WORKGROUPS: usize = 8;
/// A weight gradient over fewer output positions than this shares its tiles among the
/// workgroups (`netspec_conv_weight_grad_tiles`) rather than its positions: too few to keep
/// both cores busy with runs of them.
pub(super) const WEIGHT_GRAD_BY_ROWS_MIN_POSITIONS: usize = 2048;
/// A weight gradient by tiles has at most this many workgroups.
const WEIGHT_GRAD_TILE_GROUPS: usize = 16;
/// At least this many output positions per workgroup of a weight gradient: each tile of its
/// partial gradient is loaded and stored once per run of positions.
const WEIGHT_GRAD_GROUP_POSITIONS: usize = 256;
/// A depthwise weight gradient's workgroup owns a kernel row and this many channels (the
/// kernel's `DW_CHANNELS`).
const DEPTHWISE_CHANNELS: usize = 16;
/// A kernel matmul's workgroup computes a panel of this many columns ...
const MATMUL_PANEL: usize = 32;
/// ... over a chunk of at most this many rows: each workgroup copies its panel of b once,
/// and rows enough to use it ...
const MATMUL_CHUNK_ROWS: usize = 256;
/// ... and the matmul has at least this many workgroups where its rows allow (a tile's rows
/// each), for the cores to share.
const MATMUL_WORKGROUPS: usize = 8;

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
    /// `Op::DepthwiseWeightGrad`: input [N, H, W, C], its output's gradient [N, OH, OW, C],
    /// the low padding, the stride, the gradient [kh, kw, 1, C].
    DepthwiseWeightGrad {
        x: [usize; 4],
        dy: [usize; 4],
        low: [usize; 2],
        stride: [usize; 2],
        dw: [usize; 4],
    },
    /// `Op::KernelMatmul`: c[m, n] = a(m, k) · b(k, n), each operand stored as it is
    /// ([m, k], [k, n]) or transposed, then the epilogue.
    Matmul {
        m: usize,
        k: usize,
        n: usize,
        a_transposed: bool,
        b_transposed: bool,
        epilogue: Epilogue,
    },
    /// `Op::KernelAttention` (`grad` false) or `Op::KernelAttentionGrad`: qkv [b, t, 3·heads·dh].
    Attention {
        b: usize,
        t: usize,
        heads: usize,
        dh: usize,
        grad: bool,
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
            Op::DepthwiseWeightGrad { low, stride } => Some(Call::DepthwiseWeightGrad {
                x: dims(&node.operands[0]),
                dy: dims(&node.operands[1]),
                low,
                stride,
                dw: out?,
            }),
            Op::KernelMatmul(ref d, epilogue) => {
                let a = &f.nodes[node.operands[0].index()].ty.shape;
                let b = &f.nodes[node.operands[1].index()].ty.shape;
                let (a_k, b_k) = (d.lhs_contract[0], d.rhs_contract[0]);
                Some(Call::Matmul {
                    m: a[1 - a_k],
                    k: a[a_k],
                    n: b[1 - b_k],
                    a_transposed: a_k == 0,
                    b_transposed: b_k == 1,
                    epilogue,
                })
            }
            Op::KernelAttention { heads } | Op::KernelAttentionGrad { heads } => {
                let qkv = &f.nodes[node.operands[0].index()].ty.shape;
                Some(Call::Attention {
                    b: qkv[0],
                    t: qkv[1],
                    heads,
                    dh: qkv[2] / 3 / heads,
                    grad: matches!(node.op, Op::KernelAttentionGrad { .. }),
                })
            }
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
            Call::DepthwiseWeightGrad {
                x,
                dy,
                low,
                stride,
                dw,
            } => {
                let [n, h, wd, c] = x;
                let [_, oh, ow, _] = dy;
                let [kh, kw, _, _] = dw;
                let ([top, left], [sh, sw]) = (low, stride);
                format!(
                    "depthwise_weight_grad_{n}x{h}x{wd}x{c}_to{oh}x{ow}_{kh}x{kw}_s{sh}x{sw}_low{top}x{left}"
                )
            }
            Call::Matmul {
                m,
                k,
                n,
                a_transposed,
                b_transposed,
                epilogue,
            } => {
                let t = |yes: bool| if yes { "t" } else { "n" };
                let then = epilogue.name().map(|e| format!("_{e}")).unwrap_or_default();
                format!(
                    "matmul_{m}x{k}x{n}_{}{}{then}",
                    t(a_transposed),
                    t(b_transposed)
                )
            }
            Call::Attention {
                b,
                t,
                heads,
                dh,
                grad,
            } => {
                let grad = if grad { "_grad" } else { "" };
                format!("attention{grad}_{b}x{t}x{heads}x{dh}")
            }
        }
    }

    /// The object whose entry point the call is.
    fn object(&self) -> &'static str {
        match self {
            Call::Conv { .. } | Call::WeightGrad { .. } | Call::DepthwiseWeightGrad { .. } => {
                DIRECT_CONV_OBJECT
            }
            Call::Matmul { .. } => MATMUL_OBJECT,
            Call::Attention { .. } => ATTENTION_OBJECT,
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

    fn symbol(&self) -> String {
        match self {
            Call::Conv { .. } if self.by_images() => "netspec_direct_conv_images".into(),
            Call::Conv { .. } => "netspec_direct_conv_row".into(),
            Call::WeightGrad { .. } if self.by_tiles() => "netspec_conv_weight_grad_tiles".into(),
            Call::WeightGrad { .. } => "netspec_conv_weight_grad".into(),
            Call::DepthwiseWeightGrad { .. } => "netspec_depthwise_weight_grad".into(),
            Call::Matmul { epilogue, .. } => match epilogue.name() {
                None => "netspec_matmul".into(),
                Some(e) => format!("netspec_matmul_{e}"),
            },
            Call::Attention { grad: false, .. } => "netspec_attention".into(),
            Call::Attention { grad: true, .. } => "netspec_attention_grad".into(),
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

    /// A kernel matmul: the chunks of rows of each panel of columns.
    fn row_chunks(&self) -> usize {
        let Call::Matmul { m, n, .. } = *self else {
            return 0;
        };
        m.div_ceil(MATMUL_CHUNK_ROWS)
            .max(MATMUL_WORKGROUPS.div_ceil(n.div_ceil(MATMUL_PANEL)))
            .min(m.div_ceil(TILE_ROWS))
    }

    /// Workgroups: a convolution's output rows, or its output positions times their groups of
    /// images; a weight gradient's parts, each summing a run of output rows into its own
    /// partial gradient, or its groups of tiles (a kernel row's (tap, channel) pairs 12 at a
    /// time, AVX-512's tile, at most one group each); a depthwise weight gradient's kernel rows
    /// by blocks of channels.
    fn workgroups(&self) -> usize {
        match *self {
            Call::Conv { y, .. } if self.by_images() => y[1] * y[2] * self.image_groups(),
            Call::Conv { y, .. } => y[0] * y[1],
            Call::WeightGrad { dw, .. } if self.by_tiles() => {
                let [kh, kw, c, _] = dw;
                (kh * (kw * c).div_ceil(TILE_ROWS)).min(WEIGHT_GRAD_TILE_GROUPS)
            }
            Call::WeightGrad { dy, dw, .. } => {
                let part = dw.iter().product::<usize>() * 4;
                (dy[0] * dy[1])
                    .min(WEIGHT_GRAD_GROUPS)
                    .min(dy[0] * dy[1] * dy[2] / WEIGHT_GRAD_GROUP_POSITIONS)
                    .min(WEIGHT_GRAD_PART_BYTES / part)
                    .max(1)
            }
            Call::DepthwiseWeightGrad { dw, .. } => dw[0] * dw[3].div_ceil(DEPTHWISE_CHANNELS),
            Call::Matmul { n, .. } => n.div_ceil(MATMUL_PANEL) * self.row_chunks(),
            Call::Attention { b, heads, .. } => b * heads,
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
            Call::WeightGrad { x, dy, dw, .. } | Call::DepthwiseWeightGrad { x, dy, dw, .. } => {
                vec![
                    ("x", elements(x)),
                    ("dy", elements(dy)),
                    ("dw", self.parts() * elements(dw)),
                ]
            }
            Call::Matmul {
                m, k, n, epilogue, ..
            } => [
                vec![("a", m * k), ("b", k * n)],
                epilogue.buffers(*m, *n),
                vec![("c", m * n)],
            ]
            .concat(),
            Call::Attention {
                b,
                t,
                heads,
                dh,
                grad,
            } => {
                let (qkv, o) = (b * t * 3 * heads * dh, b * t * heads * dh);
                if *grad {
                    vec![("qkv", qkv), ("d_o", o), ("dqkv", qkv)]
                } else {
                    vec![("qkv", qkv), ("o", o)]
                }
            }
        }
    }

    /// The sizes the kernel takes after the buffers, before the workgroup's index: a matmul's
    /// m, k, n, operand strides and chunks of rows; attention's tokens, heads and head width;
    /// the geometry the convolution kernels share (input, output, channels, kernel, low
    /// padding), and for a weight gradient or a convolution by images, the batch before it and
    /// the number of parts or groups of images after it; a depthwise weight gradient's batch,
    /// geometry and stride.
    fn sizes(&self) -> Vec<(&'static str, usize)> {
        let (x, out, w, low) = match *self {
            Call::Conv { x, w, padding, y } => (x, y, w, [padding[0].0, padding[1].0]),
            Call::WeightGrad { x, dy, low, dw } => (x, dy, dw, low),
            Call::Attention { t, heads, dh, .. } => {
                return vec![("t", t), ("heads", heads), ("dh", dh)];
            }
            Call::DepthwiseWeightGrad {
                x,
                dy,
                low,
                stride,
                dw,
            } => {
                return vec![
                    ("n", x[0]),
                    ("h", x[1]),
                    ("wd", x[2]),
                    ("oh", dy[1]),
                    ("ow", dy[2]),
                    ("c", x[3]),
                    ("kh", dw[0]),
                    ("kw", dw[1]),
                    ("top", low[0]),
                    ("left", low[1]),
                    ("sh", stride[0]),
                    ("sw", stride[1]),
                ];
            }
            Call::Matmul {
                m,
                k,
                n,
                a_transposed,
                b_transposed,
                ..
            } => {
                // Each operand's strides along its (row, column) as the kernel reads it.
                let a = if a_transposed { (1, m) } else { (k, 1) };
                let b = if b_transposed { (1, k) } else { (n, 1) };
                return vec![
                    ("m", m),
                    ("k", k),
                    ("n", n),
                    ("a_row", a.0),
                    ("a_col", a.1),
                    ("b_row", b.0),
                    ("b_col", b.1),
                    ("chunks", self.row_chunks()),
                ];
            }
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
            Call::WeightGrad { .. } => self.workgroups(),
            _ => return shared.to_vec(),
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

/// The text of the kernel call for `node` (an op of `f` that calls a kernel, node `i`) on operands `operands`, after the lines it needs first (written to `out`):
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
    let objects: BTreeSet<&str> = calls.iter().map(|c| c.object()).collect();
    let objects: Vec<String> = objects
        .iter()
        .map(|o| format!("#hal.executable.object<{{path = \"{o}\"}}>"))
        .collect();
    writeln!(
        out,
        "  stream.executable private @{EXECUTABLE} attributes {{hal.executable.objects = #hal.executable.objects<{{{target} = [{}]}}>}} {{",
        objects.join(", ")
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
    let declared: BTreeSet<(String, String)> =
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
