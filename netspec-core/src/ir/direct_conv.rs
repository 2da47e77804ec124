//! Convolutions by netspec's own CPU kernel, where the target's lowering says so
//! (`Lowering::direct_conv`): stride 1, no groups or dilation, zero padding read in place
//! (`Op::DirectConv`). The kernel (`netspec-iree/kernels/direct_conv.c`, AVX2) reads each input
//! value where it lies and broadcasts it against 16 output channels of the HWIO kernel; IREE's
//! alternative on AVX2, im2col and data-tiled matmuls, spent as long writing, packing and
//! reading patches as multiplying. IREE links the kernel's object into the module: one
//! workgroup per output row, one export per shape, all in one executable.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::graph::{Function, Graph, Value};
use super::ops::{ConvDims, Op};
use super::types::TensorType;

/// The object IREE links, by the name the module gives it: netspec-iree substitutes the path of
/// its file when it compiles, an export writes it beside the StableHLO.
pub const OBJECT: &str = "netspec_direct_conv.o";
/// Its entry point: one output row of the convolution.
const SYMBOL: &str = "netspec_direct_conv_row";
/// The executable holding one export per convolution shape.
const EXECUTABLE: &str = "netspec_kernels";
/// The kernel computes output channels 16 at a time.
const OUTPUT_BLOCK: usize = 16;

/// When a convolution runs the kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DirectConvRule {
    /// At least this many input channels: an image's 1 or 3 leave the broadcasts too little
    /// to multiply (`Lowering::im2col_below_channels` serves those).
    pub min_in_channels: usize,
    /// Output rows at least this wide: each row reads the whole kernel for rows of up to 6
    /// outputs, and over ResNet-34@32's 8-wide and narrower images the kernel was no faster.
    pub min_output_width: usize,
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
        if oh <= 0 || ow < rule.min_output_width.max(1) as i64 {
            return None;
        }
        let ty = TensorType::f32(&[b, oh as usize, ow as usize, o]);
        Some(self.push(Op::DirectConv { padding }, vec![x, w], ty))
    }
}

/// One direct convolution's shapes: input [N, H, W, C], kernel [kh, kw, C, O], padding, and
/// output [N, OH, OW, O].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Shapes {
    x: [usize; 4],
    w: [usize; 4],
    padding: [(usize, usize); 2],
    y: [usize; 4],
}

impl Shapes {
    fn of(f: &Function, node: &super::graph::Node) -> Shapes {
        let dims = |shape: &[usize]| <[usize; 4]>::try_from(shape).unwrap();
        let Op::DirectConv { padding } = node.op else {
            unreachable!("not a direct convolution: {:?}", node.op)
        };
        Shapes {
            x: dims(&f.nodes[node.operands[0].index()].ty.shape),
            w: dims(&f.nodes[node.operands[1].index()].ty.shape),
            padding,
            y: dims(&node.ty.shape),
        }
    }

    fn export(&self) -> String {
        let [n, h, w, c] = self.x;
        let [kh, kw, _, o] = self.w;
        let [(top, bottom), (left, right)] = self.padding;
        format!("direct_conv_{n}x{h}x{w}x{c}_{kh}x{kw}x{o}_pad{top}x{bottom}x{left}x{right}")
    }
}

/// The `flow.dispatch` of the kernel for `node` (an `Op::DirectConv` of `f`, node `i`), on
/// operands `operands`, after the zeros it reads for the padding (written to `out`).
pub(crate) fn dispatch(
    out: &mut String,
    f: &Function,
    node: &super::graph::Node,
    i: usize,
    operands: &[String],
) -> String {
    let shapes = Shapes::of(f, node);
    let zeros = TensorType::f32(&[shapes.x[3]]);
    writeln!(
        out,
        "    %zeros{i} = stablehlo.constant dense<0.0> : {zeros}"
    )
    .unwrap();
    let types: Vec<String> = node
        .operands
        .iter()
        .map(|v| f.nodes[v.index()].ty.to_string())
        .collect();
    format!(
        "flow.dispatch @{EXECUTABLE}::@{}({}, %zeros{i}) : ({}, {zeros}) -> {}",
        shapes.export(),
        operands.join(", "),
        types.join(", "),
        node.ty
    )
}

/// The executable of every direct convolution shape in `functions`, or nothing: the kernel's
/// object for x86-64 CPUs and one export per shape, whose workgroups are the output rows.
pub(crate) fn executable<'a>(functions: impl Iterator<Item = &'a Function>) -> String {
    let shapes: BTreeSet<Shapes> = functions
        .flat_map(|f| {
            f.nodes
                .iter()
                .filter(|n| matches!(n.op, Op::DirectConv { .. }))
                .map(move |n| Shapes::of(f, n))
        })
        .collect();
    if shapes.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    let target = "#hal.executable.target<\"llvm-cpu\", \"embedded-elf-x86_64\">";
    writeln!(
        out,
        "  stream.executable private @{EXECUTABLE} attributes {{hal.executable.objects = #hal.executable.objects<{{{target} = [#hal.executable.object<{{path = \"{OBJECT}\"}}>]}}>}} {{"
    )
    .unwrap();
    for s in &shapes {
        writeln!(
            out,
            "    stream.executable.export public @{} workgroups() -> (index, index, index) {{\n      %rows = arith.constant {} : index\n      %one = arith.constant 1 : index\n      stream.return %rows, %one, %one : index, index, index\n    }}",
            s.export(),
            s.y[0] * s.y[1]
        )
        .unwrap();
    }
    let buffer = "memref<f32>, index";
    let params = format!(
        "{buffer}, {buffer}, {buffer}, {buffer}, {}",
        ["index"; 11].join(", ")
    );
    writeln!(out, "    builtin.module {{").unwrap();
    writeln!(
        out,
        "      func.func private @{SYMBOL}({params}) attributes {{hal.import.static, llvm.bareptr = true}}"
    )
    .unwrap();
    for s in &shapes {
        let [kh, kw, c, o] = s.w;
        let [(top, _), (left, _)] = s.padding;
        writeln!(
            out,
            "      func.func @{}(%x: !stream.binding, %w: !stream.binding, %zeros: !stream.binding, %y: !stream.binding) {{",
            s.export()
        )
        .unwrap();
        writeln!(out, "        %zero = arith.constant 0 : index").unwrap();
        writeln!(
            out,
            "        %row = stream.dispatch.workgroup.id[0] : index"
        )
        .unwrap();
        let mut pointers = vec![];
        let elements = |d: &[usize]| d.iter().product::<usize>();
        for (name, n) in [
            ("x", elements(&s.x)),
            ("w", elements(&s.w)),
            ("zeros", c),
            ("y", elements(&s.y)),
        ] {
            // Flat, with the offset IREE binds the buffer at left dynamic: a static memref
            // type would fold it to 0 and the kernel would read the start of the allocation.
            let m = format!("memref<{n}xf32, strided<[1], offset: ?>>");
            writeln!(
                out,
                "        %{name}_m = stream.binding.subspan %{name}[%zero] : !stream.binding -> {m}\n        %{name}_p, %{name}_o, %{name}_s, %{name}_t = memref.extract_strided_metadata %{name}_m : {m} -> memref<f32>, index, index, index"
            )
            .unwrap();
            pointers.push(format!("%{name}_p, %{name}_o"));
        }
        let mut sizes = vec![];
        let [_, h, wd, _] = s.x;
        let [_, oh, ow, _] = s.y;
        for (name, v) in [
            ("h", h),
            ("wd", wd),
            ("oh", oh),
            ("ow", ow),
            ("c", c),
            ("o", o),
            ("kh", kh),
            ("kw", kw),
            ("top", top),
            ("left", left),
        ] {
            writeln!(out, "        %{name} = arith.constant {v} : index").unwrap();
            sizes.push(format!("%{name}"));
        }
        writeln!(
            out,
            "        func.call @{SYMBOL}({}, {}, %row) : ({params}) -> ()\n        return\n      }}",
            pointers.join(", "),
            sizes.join(", ")
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
        let data = |shape: &[usize], seed: usize| {
            let n: usize = shape.iter().product();
            let v: Vec<f32> = (0..n)
                .map(|i| ((i * 37 + seed) % 23) as f32 * 0.1 - 1.1)
                .collect();
            Tensor::f32_data(shape, &v)
        };
        let out = reference::run(&f, &[data(&x, 1), data(&w, 2)]);
        (direct, out[0].float().iter().copied().collect())
    }

    /// AVX2's kernel takes stride-1 convolutions of enough input channels, a multiple of 16
    /// outputs and wide enough rows, and computes what the convolution does.
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
            ([2, 16, 8, 8], [3, 3, 16, 16], 1, 1, false),
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
            for other in [Lowering::AVX512, Lowering::CUDA] {
                assert_eq!(forward(other, x, w, stride, pad).0, 0);
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
