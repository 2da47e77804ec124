//! A reference evaluator of the IR on ndarray, independent of IREE.
//!
//! Floats are evaluated in f64 whatever the IR's dtype, so finite differences of a whole
//! function are accurate enough to check closed-form VJPs; integers in i64, booleans as bool.
//!
//! [`run_with`] can also evaluate in f32 (every float result rounded to f32, and products,
//! convolutions and sums accumulated in f32): beside the f64 run, what float32 itself allows a
//! step to differ by. And it can take the outcomes of comparisons from elsewhere (another
//! evaluator's kink decisions: which ReLU inputs were positive, which window element was the
//! maximum), so that two evaluators of a non-smooth step agree on its branches.

mod window;

use std::collections::HashMap;

use ndarray::{ArrayD, Axis, IxDyn};

use crate::ir::{
    BinaryOp, CmpDir, ConvDims, DType, DotDims, Epilogue, Function, Op, ReduceKind, UnaryOp, Value,
};

/// The arithmetic of the floats [`run_with`] evaluates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Precision {
    #[default]
    F64,
    /// Every float result rounded to f32; dot products, convolutions and sums accumulated in
    /// f32.
    F32,
}

impl Precision {
    fn round(self, x: f64) -> f64 {
        match self {
            Precision::F64 => x,
            Precision::F32 => x as f32 as f64,
        }
    }
}

/// How [`run_with`] evaluates a function.
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    pub precision: Precision,
    /// The outcome of these comparison nodes, used instead of computing them.
    pub decisions: HashMap<Value, ArrayD<bool>>,
}

/// What [`run_with`] gives.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub results: Vec<Tensor>,
    /// Elements of the given decisions that differ from what this evaluation would have decided.
    pub overruled: usize,
}
use crate::params::ParamSpec;

#[derive(Clone, Debug, PartialEq)]
pub enum Tensor {
    F(ArrayD<f64>),
    I(ArrayD<i64>),
    B(ArrayD<bool>),
}

impl Tensor {
    pub fn f32_data(shape: &[usize], data: &[f32]) -> Tensor {
        Tensor::F(
            ArrayD::from_shape_vec(IxDyn(shape), data.iter().map(|x| *x as f64).collect()).unwrap(),
        )
    }
    /// A parameter's host data (in `spec.shape`'s layout) as a module takes it: in its device
    /// layout.
    pub fn param(spec: &ParamSpec, data: &[f32]) -> Tensor {
        Tensor::f32_data(&spec.device_shape(), &spec.to_device_order(data))
    }
    pub fn i32_data(shape: &[usize], data: &[i32]) -> Tensor {
        Tensor::I(
            ArrayD::from_shape_vec(IxDyn(shape), data.iter().map(|x| *x as i64).collect()).unwrap(),
        )
    }
    pub fn float(&self) -> &ArrayD<f64> {
        match self {
            Tensor::F(a) => a,
            other => panic!("expected a float tensor, got {other:?}"),
        }
    }
    pub fn int(&self) -> &ArrayD<i64> {
        match self {
            Tensor::I(a) => a,
            other => panic!("expected an integer tensor, got {other:?}"),
        }
    }
    pub fn bool(&self) -> &ArrayD<bool> {
        match self {
            Tensor::B(a) => a,
            other => panic!("expected a boolean tensor, got {other:?}"),
        }
    }
    pub fn shape(&self) -> &[usize] {
        match self {
            Tensor::F(a) => a.shape(),
            Tensor::I(a) => a.shape(),
            Tensor::B(a) => a.shape(),
        }
    }
    /// The value of a scalar (or the first element), as f64.
    pub fn scalar(&self) -> f64 {
        match self {
            Tensor::F(a) => a.iter().next().copied().unwrap_or(f64::NAN),
            Tensor::I(a) => a.iter().next().map(|x| *x as f64).unwrap_or(f64::NAN),
            Tensor::B(a) => a.iter().next().map(|x| *x as u8 as f64).unwrap_or(f64::NAN),
        }
    }
}

/// Runs `f` on `inputs` (one per argument, in order) and returns its results.
pub fn run(f: &Function, inputs: &[Tensor]) -> Vec<Tensor> {
    run_with(f, inputs, &Evaluation::default()).results
}

/// [`run`] in `how.precision`, with the comparisons `how.decisions` names decided as it says.
pub fn run_with(f: &Function, inputs: &[Tensor], how: &Evaluation) -> Outcome {
    let precision = how.precision;
    let mut overruled = 0;
    assert_eq!(
        inputs.len(),
        f.args.len(),
        "{} takes {} arguments",
        f.name,
        f.args.len()
    );
    let mut vals: Vec<Tensor> = Vec::with_capacity(f.nodes.len());
    for (index, node) in f.nodes.iter().enumerate() {
        let arg = |k: usize| &vals[node.operands[k].index()];
        let shape = IxDyn(&node.ty.shape);
        let v = match &node.op {
            Op::Arg(a) => {
                let x = inputs[*a].clone();
                assert_eq!(
                    x.shape(),
                    &node.ty.shape[..],
                    "argument {} ({})",
                    a,
                    f.args[*a].0
                );
                x
            }
            Op::Constant(c) => match node.ty.dtype {
                DType::F32 => Tensor::F(ArrayD::from_elem(shape, *c)),
                DType::I32 => Tensor::I(ArrayD::from_elem(shape, *c as i64)),
                DType::Bool => Tensor::B(ArrayD::from_elem(shape, *c != 0.0)),
            },
            Op::Tensor(data) => Tensor::F(
                ArrayD::from_shape_vec(shape, data.iter().map(|&x| f64::from(x)).collect())
                    .expect("a tensor constant holds its type's elements"),
            ),
            Op::Iota(d) => {
                let d = *d;
                match node.ty.dtype {
                    DType::F32 => Tensor::F(ArrayD::from_shape_fn(shape, |ix| ix[d] as f64)),
                    _ => Tensor::I(ArrayD::from_shape_fn(shape, |ix| ix[d] as i64)),
                }
            }
            Op::Unary(u) => Tensor::F(arg(0).float().mapv(|x| unary(*u, x))),
            Op::Binary(b) => match (arg(0), arg(1)) {
                (Tensor::F(x), Tensor::F(y)) => {
                    let mut out = x.clone();
                    out.zip_mut_with(y, |a, b2| *a = binary(*b, *a, *b2));
                    Tensor::F(out)
                }
                (Tensor::B(x), Tensor::B(y)) => {
                    let mut out = x.clone();
                    out.zip_mut_with(y, |a, b2| {
                        *a = match b {
                            BinaryOp::And => *a && *b2,
                            BinaryOp::Or => *a || *b2,
                            other => panic!("{other:?} on booleans"),
                        }
                    });
                    Tensor::B(out)
                }
                (Tensor::I(x), Tensor::I(y)) => {
                    let mut out = x.clone();
                    out.zip_mut_with(y, |a, b2| *a = binary(*b, *a as f64, *b2 as f64) as i64);
                    Tensor::I(out)
                }
                _ => panic!("binary op on mismatched tensors"),
            },
            Op::Compare(dir) => {
                let (x, y) = (as_f64(arg(0)), as_f64(arg(1)));
                let mut out = ArrayD::from_elem(IxDyn(x.shape()), false);
                ndarray::Zip::from(&mut out)
                    .and(&x)
                    .and(&y)
                    .for_each(|o, a, b| *o = compare(*dir, *a, *b));
                match how.decisions.get(&Value(index as u32)) {
                    Some(decided) => {
                        assert_eq!(
                            decided.shape(),
                            &node.ty.shape[..],
                            "the decisions of comparison {index}"
                        );
                        overruled += ndarray::Zip::from(&out)
                            .and(decided)
                            .fold(0, |n, a, b| n + (a != b) as usize);
                        Tensor::B(decided.clone())
                    }
                    None => Tensor::B(out),
                }
            }
            Op::Select => {
                let p = arg(0).bool();
                match (arg(1), arg(2)) {
                    (Tensor::F(t), Tensor::F(e)) => {
                        let mut out = e.clone();
                        ndarray::Zip::from(&mut out)
                            .and(p)
                            .and(t)
                            .for_each(|o, p, t| {
                                if *p {
                                    *o = *t
                                }
                            });
                        Tensor::F(out)
                    }
                    (Tensor::I(t), Tensor::I(e)) => {
                        let mut out = e.clone();
                        ndarray::Zip::from(&mut out)
                            .and(p)
                            .and(t)
                            .for_each(|o, p, t| {
                                if *p {
                                    *o = *t
                                }
                            });
                        Tensor::I(out)
                    }
                    (Tensor::B(t), Tensor::B(e)) => {
                        let mut out = e.clone();
                        ndarray::Zip::from(&mut out)
                            .and(p)
                            .and(t)
                            .for_each(|o, p, t| {
                                if *p {
                                    *o = *t
                                }
                            });
                        Tensor::B(out)
                    }
                    _ => panic!("select branches of different kinds"),
                }
            }
            Op::Convert => {
                let x = as_f64(arg(0));
                match node.ty.dtype {
                    DType::F32 => Tensor::F(x),
                    DType::I32 => Tensor::I(x.mapv(|v| v as i64)),
                    DType::Bool => Tensor::B(x.mapv(|v| v != 0.0)),
                }
            }
            Op::DotGeneral(d) | Op::TiledMatmul(d) | Op::KernelMatmul(d, Epilogue::Plain) => {
                Tensor::F(dot_general(arg(0).float(), arg(1).float(), d, precision))
            }
            Op::KernelMatmul(d, epilogue) => {
                let mut c = dot_general(arg(0).float(), arg(1).float(), d, precision);
                let extra: Vec<&ArrayD<f64>> =
                    (2..node.operands.len()).map(|k| arg(k).float()).collect();
                let round = |x| precision.round(x);
                for (ix, v) in c.indexed_iter_mut() {
                    *v = epilogue.apply(round(*v), (ix[0], ix[1]), &extra, round);
                }
                Tensor::F(c)
            }
            Op::Reduce(ReduceKind::Sum, dims) if precision == Precision::F32 => retype(
                sum_in_f32(&as_f64(arg(0)), dims, &node.ty.shape),
                node.ty.dtype,
            ),
            Op::Reduce(kind, dims) => {
                let mut x = as_f64(arg(0));
                for d in dims.iter().rev() {
                    x = match kind {
                        ReduceKind::Sum => x.sum_axis(Axis(*d)),
                        ReduceKind::Max => {
                            x.fold_axis(Axis(*d), f64::NEG_INFINITY, |a, b| a.max(*b))
                        }
                        ReduceKind::Min => x.fold_axis(Axis(*d), f64::INFINITY, |a, b| a.min(*b)),
                    };
                }
                retype(x, node.ty.dtype)
            }
            Op::BroadcastInDim(dims) => {
                let x = arg(0);
                let mut expanded = vec![1usize; node.ty.rank()];
                for (i, d) in dims.iter().enumerate() {
                    expanded[*d] = x.shape()[i];
                }
                let b = |a: &ArrayD<f64>| {
                    a.clone()
                        .into_shape_with_order(IxDyn(&expanded))
                        .unwrap()
                        .broadcast(shape.clone())
                        .unwrap()
                        .to_owned()
                };
                retype(b(&as_f64(x)), node.ty.dtype)
            }
            Op::Reshape => {
                let x = as_f64(arg(0));
                let flat: Vec<f64> = x.iter().copied().collect();
                retype(ArrayD::from_shape_vec(shape, flat).unwrap(), node.ty.dtype)
            }
            Op::Transpose(perm) => {
                let x = as_f64(arg(0));
                retype(
                    x.permuted_axes(IxDyn(perm)).as_standard_layout().to_owned(),
                    node.ty.dtype,
                )
            }
            Op::Convolution(d) => Tensor::F(window::convolution(
                arg(0).float(),
                arg(1).float(),
                d,
                &node.ty.shape,
                precision,
            )),
            Op::KernelAttention { .. } | Op::KernelAttentionGrad { .. } => {
                let graph = crate::ir::attention::as_graph(f, node);
                let operands: Vec<Tensor> = node
                    .operands
                    .iter()
                    .map(|v| vals[v.index()].clone())
                    .collect();
                let how = Evaluation {
                    precision,
                    ..Evaluation::default()
                };
                run_with(&graph, &operands, &how).results.remove(0)
            }
            Op::DirectConv { padding } => Tensor::F(window::convolution(
                arg(0).float(),
                arg(1).float(),
                &ConvDims::nhwc_stride_one(*padding),
                &node.ty.shape,
                precision,
            )),
            Op::DirectConvWeightGrad { .. } | Op::DepthwiseWeightGrad { .. } => {
                let (x, dy) = (arg(0).float(), arg(1).float());
                let (low, stride, groups) = match node.op {
                    Op::DepthwiseWeightGrad { low, stride } => (low, stride, x.shape()[3]),
                    Op::DirectConvWeightGrad { low } => (low, [1, 1], 1),
                    _ => unreachable!(),
                };
                let spatial = |shape: &[usize], i: usize| [shape[i], shape[i + 1]];
                let d = ConvDims::nhwc_weight_grad(
                    low,
                    stride,
                    spatial(x.shape(), 1),
                    spatial(dy.shape(), 1),
                    spatial(&node.ty.shape, 0),
                    groups,
                );
                Tensor::F(window::convolution(x, dy, &d, &node.ty.shape, precision))
            }
            Op::Pad {
                low,
                high,
                interior,
            } => {
                let fill = arg(1).scalar();
                retype(
                    window::pad(&as_f64(arg(0)), fill, low, high, interior, &node.ty.shape),
                    node.ty.dtype,
                )
            }
            Op::Slice { start, strides, .. } => retype(
                window::slice(&as_f64(arg(0)), start, strides, &node.ty.shape),
                node.ty.dtype,
            ),
            Op::Barrier(_) => arg(0).clone(),
            Op::Concatenate(dim) => {
                let parts: Vec<ArrayD<f64>> = node
                    .operands
                    .iter()
                    .map(|v| as_f64(&vals[v.index()]))
                    .collect();
                let views: Vec<_> = parts.iter().map(|p| p.view()).collect();
                retype(
                    ndarray::concatenate(Axis(*dim), &views)
                        .unwrap()
                        .as_standard_layout()
                        .into_owned(),
                    node.ty.dtype,
                )
            }
            Op::Reverse(dims) => {
                let mut x = as_f64(arg(0));
                for d in dims {
                    x.invert_axis(Axis(*d));
                }
                retype(x.as_standard_layout().to_owned(), node.ty.dtype)
            }
        };
        assert_eq!(
            v.shape(),
            &node.ty.shape[..],
            "reference evaluator: shape of {:?}",
            node.op
        );
        let v = match v {
            Tensor::F(mut a) if precision == Precision::F32 => {
                a.mapv_inplace(|x| precision.round(x));
                Tensor::F(a)
            }
            other => other,
        };
        vals.push(v);
    }
    Outcome {
        results: f.results.iter().map(|r| vals[r.index()].clone()).collect(),
        overruled,
    }
}

/// Σ over `dims` as a float32 implementation may compute it: one f32 accumulator per output,
/// adding the reduced elements one after another in row-major order (the rounding grows with
/// the length of the sum, as it can in a compiled reduction).
fn sum_in_f32(x: &ArrayD<f64>, dims: &[usize], out_shape: &[usize]) -> ArrayD<f64> {
    let kept: Vec<usize> = (0..x.ndim()).filter(|d| !dims.contains(d)).collect();
    let perm: Vec<usize> = kept.iter().chain(dims).copied().collect();
    let inner: usize = dims.iter().map(|&d| x.shape()[d]).product();
    let moved = x
        .view()
        .permuted_axes(IxDyn(&perm))
        .as_standard_layout()
        .into_owned();
    let sums: Vec<f64> = moved
        .as_slice()
        .expect("standard layout")
        .chunks(inner.max(1))
        .map(|row| f64::from(row.iter().fold(0.0f32, |acc, &v| acc + v as f32)))
        .collect();
    let outer: usize = out_shape.iter().product();
    let sums = if inner == 0 { vec![0.0; outer] } else { sums };
    ArrayD::from_shape_vec(IxDyn(out_shape), sums).expect("the reduced shape")
}

fn as_f64(t: &Tensor) -> ArrayD<f64> {
    match t {
        Tensor::F(a) => a.clone(),
        Tensor::I(a) => a.mapv(|x| x as f64),
        Tensor::B(a) => a.mapv(|x| x as u8 as f64),
    }
}

fn retype(x: ArrayD<f64>, dtype: DType) -> Tensor {
    match dtype {
        DType::F32 => Tensor::F(x),
        DType::I32 => Tensor::I(x.mapv(|v| v as i64)),
        DType::Bool => Tensor::B(x.mapv(|v| v != 0.0)),
    }
}

fn unary(u: UnaryOp, x: f64) -> f64 {
    match u {
        UnaryOp::Neg => -x,
        UnaryOp::Exp => x.exp(),
        UnaryOp::Log => x.ln(),
        UnaryOp::Sqrt => x.sqrt(),
        UnaryOp::Rsqrt => 1.0 / x.sqrt(),
        UnaryOp::Tanh => x.tanh(),
        UnaryOp::Logistic => 1.0 / (1.0 + (-x).exp()),
        UnaryOp::Abs => x.abs(),
        UnaryOp::Erf => libm::erf(x),
    }
}

fn binary(b: BinaryOp, x: f64, y: f64) -> f64 {
    match b {
        BinaryOp::Add => x + y,
        BinaryOp::Sub => x - y,
        BinaryOp::Mul => x * y,
        BinaryOp::Div => x / y,
        BinaryOp::Max => x.max(y),
        BinaryOp::Min => x.min(y),
        BinaryOp::Pow => x.powf(y),
        BinaryOp::And | BinaryOp::Or => panic!("logical op on numbers"),
    }
}

fn compare(dir: CmpDir, a: f64, b: f64) -> bool {
    match dir {
        CmpDir::Eq => a == b,
        CmpDir::Ne => a != b,
        CmpDir::Lt => a < b,
        CmpDir::Le => a <= b,
        CmpDir::Gt => a > b,
        CmpDir::Ge => a >= b,
    }
}

/// Permutes each operand to (batch, free, contracting) or (batch, contracting, free), flattens
/// them to 3-D and multiplies batch by batch.
fn dot_general(l: &ArrayD<f64>, r: &ArrayD<f64>, d: &DotDims, precision: Precision) -> ArrayD<f64> {
    let free = |rank: usize, a: &[usize], b: &[usize]| -> Vec<usize> {
        (0..rank)
            .filter(|x| !a.contains(x) && !b.contains(x))
            .collect()
    };
    let lf = free(l.ndim(), &d.lhs_batch, &d.lhs_contract);
    let rf = free(r.ndim(), &d.rhs_batch, &d.rhs_contract);
    let size =
        |a: &ArrayD<f64>, dims: &[usize]| dims.iter().map(|x| a.shape()[*x]).product::<usize>();
    let (nb, m, k, n) = (
        size(l, &d.lhs_batch),
        size(l, &lf),
        size(l, &d.lhs_contract),
        size(r, &rf),
    );
    let lperm: Vec<usize> = d
        .lhs_batch
        .iter()
        .chain(&lf)
        .chain(&d.lhs_contract)
        .copied()
        .collect();
    let rperm: Vec<usize> = d
        .rhs_batch
        .iter()
        .chain(&d.rhs_contract)
        .chain(&rf)
        .copied()
        .collect();
    let l3 = l
        .clone()
        .permuted_axes(IxDyn(&lperm))
        .as_standard_layout()
        .into_owned()
        .into_shape_with_order((nb, m, k))
        .unwrap();
    let r3 = r
        .clone()
        .permuted_axes(IxDyn(&rperm))
        .as_standard_layout()
        .into_owned()
        .into_shape_with_order((nb, k, n))
        .unwrap();
    let mut out = ndarray::Array3::<f64>::zeros((nb, m, n));
    match precision {
        Precision::F64 => {
            for b in 0..nb {
                let lb = l3.index_axis(Axis(0), b);
                let rb = r3.index_axis(Axis(0), b);
                out.index_axis_mut(Axis(0), b).assign(&lb.dot(&rb));
            }
        }
        // Accumulated in f32, as a float32 matmul does.
        Precision::F32 => {
            let (l3, r3) = (l3.mapv(|x| x as f32), r3.mapv(|x| x as f32));
            for b in 0..nb {
                let lb = l3.index_axis(Axis(0), b);
                let rb = r3.index_axis(Axis(0), b);
                out.index_axis_mut(Axis(0), b)
                    .assign(&lb.dot(&rb).mapv(f64::from));
            }
        }
    }
    let mut shape: Vec<usize> = d.lhs_batch.iter().map(|x| l.shape()[*x]).collect();
    shape.extend(lf.iter().map(|x| l.shape()[*x]));
    shape.extend(rf.iter().map(|x| r.shape()[*x]));
    out.into_shape_with_order(IxDyn(&shape)).unwrap()
}
