//! The one StableHLO printer: a `Module` to MLIR text that IREE compiles.
//!
//! Ops are printed in MLIR's generic form, which the StableHLO parser accepts for every op and
//! which keeps this printer uniform; reductions carry their region inline.

use std::borrow::Cow;
use std::fmt::Write;

use crate::ir::{
    kernel_call, BarrierOp, BinaryOp, CmpDir, ConvDims, DType, Function, Module, Op, ReduceKind,
    TensorType, UnaryOp,
};

/// The marker of a matmul IREE is asked to data-tile (`Op::TiledMatmul`).
const TILED_MATMUL_HINT: &str = "{iree.opt.data_tiling}";

/// Whether a module's text asks IREE to data-tile some of its matmuls: its compile then needs
/// the data-tiling flags (`Lowering::compiler_flags`).
pub fn has_tiled_matmuls(text: &str) -> bool {
    text.contains(TILED_MATMUL_HINT)
}

pub fn module_text(m: &Module) -> String {
    let mut out = String::new();
    writeln!(out, "module @{} {{", m.name).unwrap();
    let functions: Vec<Cow<Function>> = m
        .functions
        .iter()
        .map(|f| {
            let f = if f.lowering.assign_layouts {
                Cow::Owned(crate::ir::layout::assign(f))
            } else {
                Cow::Borrowed(f)
            };
            match crate::ir::epilogue::fuse(&f) {
                Some(fused) => Cow::Owned(fused),
                None => f,
            }
        })
        .collect();
    // The kernels' executable first: the functions dispatch to it.
    out.push_str(&kernel_call::executable(functions.iter().map(|f| &**f)));
    for f in &functions {
        function(&mut out, f);
    }
    out.push_str("}\n");
    out
}

/// A literal MLIR parses back to the same f32: decimal with a point, or hex bits for inf/nan.
fn literal(v: f64, dtype: DType) -> String {
    match dtype {
        DType::F32 => {
            let x = v as f32;
            if x.is_finite() {
                format!("{x:.9e}")
            } else {
                format!("0x{:08X}", x.to_bits())
            }
        }
        DType::I32 => format!("{}", v as i64),
        DType::Bool => (if v != 0.0 { "true" } else { "false" }).to_string(),
    }
}

fn list(dims: &[usize]) -> String {
    dims.iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn array(dims: &[usize]) -> String {
    if dims.is_empty() {
        "array<i64>".to_string()
    } else {
        format!("array<i64: {}>", list(dims))
    }
}

fn signed_array(v: &[i64]) -> String {
    if v.is_empty() {
        "array<i64>".to_string()
    } else {
        format!(
            "array<i64: {}>",
            v.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

/// `[b, f, 0, 1]`-style layout: which role each position of the tensor plays.
fn layout(roles: [usize; 4], names: [&str; 2]) -> String {
    let mut pos = ["?"; 4];
    let labels = [names[0], names[1], "0", "1"];
    for (role, p) in roles.iter().enumerate() {
        pos[*p] = labels[role];
    }
    format!("[{}]", pos.join(", "))
}

fn conv_attrs(d: &ConvDims) -> String {
    format!(
        " {{batch_group_count = {} : i64, dimension_numbers = #stablehlo.conv<{}x{}->{}>, feature_group_count = {} : i64, lhs_dilation = {}, padding = dense<[[{}, {}], [{}, {}]]> : tensor<2x2xi64>, rhs_dilation = {}, window_strides = {}}}",
        d.batch_groups,
        layout(d.lhs, ["b", "f"]),
        layout(d.rhs, ["o", "i"]),
        layout(d.out, ["b", "f"]),
        d.feature_groups,
        array(&d.lhs_dilation),
        d.padding[0].0,
        d.padding[0].1,
        d.padding[1].0,
        d.padding[1].1,
        array(&d.rhs_dilation),
        array(&d.strides)
    )
}

fn function(out: &mut String, f: &Function) {
    // Arguments keep their names (`%a_fc1.weight`) so the text reads like the spec.
    let arg_names: Vec<String> = f
        .args
        .iter()
        .map(|(n, _)| format!("%a_{}", ssa_suffix(n)))
        .collect();
    let names: Vec<String> = f
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| match node.op {
            Op::Arg(a) => arg_names[a].clone(),
            _ => format!("%v{i}"),
        })
        .collect();
    let name = |i: usize| names[i].clone();
    let args: Vec<String> = f
        .args
        .iter()
        .zip(&arg_names)
        .map(|((_, t), n)| format!("{n}: {t}"))
        .collect();
    let results: Vec<String> = f.result_types().iter().map(|t| t.to_string()).collect();
    writeln!(
        out,
        "  func.func @{}({}) -> ({}) {{",
        f.name,
        args.join(", "),
        results.join(", ")
    )
    .unwrap();
    for (i, node) in f.nodes.iter().enumerate() {
        let ty = &node.ty;
        let operand_types: Vec<String> = node
            .operands
            .iter()
            .map(|v| f.nodes[v.index()].ty.to_string())
            .collect();
        let operands: Vec<String> = node.operands.iter().map(|v| name(v.index())).collect();
        let generic = |op: &str, attrs: &str| {
            format!(
                "\"{op}\"({}){attrs} : ({}) -> {ty}",
                operands.join(", "),
                operand_types.join(", ")
            )
        };
        let text = match &node.op {
            Op::Arg(_) => continue,
            Op::Constant(v) => {
                format!("stablehlo.constant dense<{}> : {ty}", literal(*v, ty.dtype))
            }
            Op::Tensor(data) => {
                // MLIR's hex form of a dense literal: the raw little-endian bytes.
                let mut hex = String::with_capacity(2 + 8 * data.len());
                hex.push_str("0x");
                for x in data.iter() {
                    for b in x.to_le_bytes() {
                        write!(hex, "{b:02X}").unwrap();
                    }
                }
                format!("stablehlo.constant dense<\"{hex}\"> : {ty}")
            }
            Op::Iota(d) => format!("stablehlo.iota dim = {d} : {ty}"),
            Op::Unary(u) => generic(unary_name(*u), ""),
            Op::Binary(b) => generic(binary_name(*b), ""),
            Op::Compare(dir) => {
                let kind = match f.nodes[node.operands[0].index()].ty.dtype {
                    DType::F32 => "FLOAT",
                    _ => "SIGNED",
                };
                generic(
                    "stablehlo.compare",
                    &format!(
                        " {{comparison_direction = #stablehlo<comparison_direction {}>, compare_type = #stablehlo<comparison_type {kind}>}}",
                        cmp_name(*dir)
                    ),
                )
            }
            Op::Select => generic("stablehlo.select", ""),
            Op::Convert => generic("stablehlo.convert", ""),
            Op::DotGeneral(d) => {
                let mut parts = vec![];
                for (k, v) in [
                    ("lhs_batching_dimensions", &d.lhs_batch),
                    ("rhs_batching_dimensions", &d.rhs_batch),
                    ("lhs_contracting_dimensions", &d.lhs_contract),
                    ("rhs_contracting_dimensions", &d.rhs_contract),
                ] {
                    if !v.is_empty() {
                        parts.push(format!("{k} = [{}]", list(v)));
                    }
                }
                generic(
                    "stablehlo.dot_general",
                    &format!(
                        " {{dot_dimension_numbers = #stablehlo.dot<{}>}}",
                        parts.join(", ")
                    ),
                )
            }
            Op::TiledMatmul(d) => {
                // linalg.matmul with its operands' contracting dims as indexing maps, into a
                // zero-filled result, with IREE's per-op data-tiling hint.
                let map = |contract: usize, free: &str| match contract {
                    0 => format!("(k, {free})"),
                    _ => format!("({free}, k)"),
                };
                let (lhs, rhs) = (map(d.lhs_contract[0], "m"), map(d.rhs_contract[0], "n"));
                writeln!(out, "    %zero{i} = arith.constant 0.0 : f32").unwrap();
                writeln!(out, "    %empty{i} = tensor.empty() : {ty}").unwrap();
                writeln!(
                    out,
                    "    %init{i} = linalg.fill ins(%zero{i} : f32) outs(%empty{i} : {ty}) -> {ty}"
                )
                .unwrap();
                format!(
                    "linalg.matmul indexing_maps = [affine_map<(m, n, k) -> {lhs}>, affine_map<(m, n, k) -> {rhs}>, affine_map<(m, n, k) -> (m, n)>] {TILED_MATMUL_HINT} ins({} : {}) outs(%init{i} : {ty}) -> {ty}",
                    operands.join(", "),
                    operand_types.join(", ")
                )
            }
            Op::Reduce(kind, dims) => {
                let x = &operands[0];
                let tx = &operand_types[0];
                let scalar = TensorType::new(ty.dtype, &[]);
                let (init, body) = match kind {
                    ReduceKind::Sum => (literal(0.0, ty.dtype), "stablehlo.add"),
                    ReduceKind::Max => (literal(f64::NEG_INFINITY, ty.dtype), "stablehlo.maximum"),
                    ReduceKind::Min => (literal(f64::INFINITY, ty.dtype), "stablehlo.minimum"),
                };
                writeln!(
                    out,
                    "    %init{i} = stablehlo.constant dense<{init}> : {scalar}"
                )
                .unwrap();
                format!(
                    "\"stablehlo.reduce\"({x}, %init{i}) ({{\n      ^bb0(%l: {scalar}, %r: {scalar}):\n        %s = \"{body}\"(%l, %r) : ({scalar}, {scalar}) -> {scalar}\n        \"stablehlo.return\"(%s) : ({scalar}) -> ()\n    }}) {{dimensions = {}}} : ({tx}, {scalar}) -> {ty}",
                    array(dims)
                )
            }
            Op::BroadcastInDim(dims) => generic(
                "stablehlo.broadcast_in_dim",
                &format!(" {{broadcast_dimensions = {}}}", array(dims)),
            ),
            Op::Reshape => generic("stablehlo.reshape", ""),
            Op::Transpose(perm) => generic(
                "stablehlo.transpose",
                &format!(" {{permutation = {}}}", array(perm)),
            ),
            Op::Convolution(d) => generic("stablehlo.convolution", &conv_attrs(d)),
            Op::DirectConv { .. }
            | Op::DirectConvWeightGrad { .. }
            | Op::DepthwiseWeightGrad { .. }
            | Op::KernelMatmul(..)
            | Op::KernelAttention { .. }
            | Op::KernelAttentionGrad { .. } => kernel_call::dispatch(out, f, node, i, &operands),
            Op::Pad {
                low,
                high,
                interior,
            } => generic(
                "stablehlo.pad",
                &format!(
                    " {{edge_padding_low = {}, edge_padding_high = {}, interior_padding = {}}}",
                    signed_array(low),
                    signed_array(high),
                    array(interior)
                ),
            ),
            Op::Slice {
                start,
                limit,
                strides,
            } => generic(
                "stablehlo.slice",
                &format!(
                    " {{start_indices = {}, limit_indices = {}, strides = {}}}",
                    array(start),
                    array(limit),
                    array(strides)
                ),
            ),
            Op::Barrier(BarrierOp::ComputeBarrier) => {
                generic("iree_tensor_ext.compute_barrier.start", "")
            }
            Op::Barrier(BarrierOp::OptimizationBarrier) => {
                generic("stablehlo.optimization_barrier", "")
            }
            Op::Concatenate(dim) => generic(
                "stablehlo.concatenate",
                &format!(" {{dimension = {dim} : i64}}"),
            ),
            Op::Reverse(dims) => generic(
                "stablehlo.reverse",
                &format!(" {{dimensions = {}}}", array(dims)),
            ),
        };
        writeln!(out, "    {} = {text}", name(i)).unwrap();
    }
    let res: Vec<String> = f.results.iter().map(|v| name(v.index())).collect();
    writeln!(
        out,
        "    func.return {} : {}",
        res.join(", "),
        results.join(", ")
    )
    .unwrap();
    out.push_str("  }\n");
}

/// Characters MLIR allows in a value name after its first letter.
fn ssa_suffix(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "_.$-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn unary_name(u: UnaryOp) -> &'static str {
    match u {
        UnaryOp::Neg => "stablehlo.negate",
        UnaryOp::Exp => "stablehlo.exponential",
        UnaryOp::Log => "stablehlo.log",
        UnaryOp::Sqrt => "stablehlo.sqrt",
        UnaryOp::Rsqrt => "stablehlo.rsqrt",
        UnaryOp::Tanh => "stablehlo.tanh",
        UnaryOp::Logistic => "stablehlo.logistic",
        UnaryOp::Abs => "stablehlo.abs",
        UnaryOp::Erf => "chlo.erf",
    }
}

fn binary_name(b: BinaryOp) -> &'static str {
    match b {
        BinaryOp::Add => "stablehlo.add",
        BinaryOp::Sub => "stablehlo.subtract",
        BinaryOp::Mul => "stablehlo.multiply",
        BinaryOp::Div => "stablehlo.divide",
        BinaryOp::Max => "stablehlo.maximum",
        BinaryOp::Min => "stablehlo.minimum",
        BinaryOp::Pow => "stablehlo.power",
        BinaryOp::And => "stablehlo.and",
        BinaryOp::Or => "stablehlo.or",
    }
}

fn cmp_name(c: CmpDir) -> &'static str {
    match c {
        CmpDir::Eq => "EQ",
        CmpDir::Ne => "NE",
        CmpDir::Lt => "LT",
        CmpDir::Le => "LE",
        CmpDir::Gt => "GT",
        CmpDir::Ge => "GE",
    }
}
