//! The op set and its builders. Each builder states its shape rule and asserts it.

use super::graph::{Graph, Value};
use super::types::{DType, TensorType};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Exp,
    Log,
    Sqrt,
    Rsqrt,
    Tanh,
    Logistic,
    Abs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Max,
    Min,
    Pow,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpDir {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReduceKind {
    Sum,
    Max,
    Min,
}

/// `dot_general` dimension numbers. Result dims: batch, then lhs free, then rhs free.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DotDims {
    pub lhs_batch: Vec<usize>,
    pub rhs_batch: Vec<usize>,
    pub lhs_contract: Vec<usize>,
    pub rhs_contract: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// The function's argument with this index.
    Arg(usize),
    /// A splat constant of the node's type.
    Constant(f64),
    /// Counts 0, 1, ... along one dimension.
    Iota(usize),
    Unary(UnaryOp),
    Binary(BinaryOp),
    Compare(CmpDir),
    /// `select(pred, on_true, on_false)`.
    Select,
    /// Element type conversion to the node's dtype.
    Convert,
    DotGeneral(DotDims),
    Reduce(ReduceKind, Vec<usize>),
    /// Operand dim i becomes result dim dims[i]; dims strictly increasing.
    BroadcastInDim(Vec<usize>),
    Reshape,
    Transpose(Vec<usize>),
}

fn free_dims(rank: usize, used: &[&[usize]]) -> Vec<usize> {
    (0..rank)
        .filter(|d| !used.iter().any(|u| u.contains(d)))
        .collect()
}

impl Graph {
    // ---- constants -------------------------------------------------------------------------

    pub fn constant(&mut self, value: f64, ty: TensorType) -> Value {
        self.push(Op::Constant(value), vec![], ty)
    }

    /// An f32 scalar constant.
    pub fn scalar(&mut self, value: f64) -> Value {
        self.constant(value, TensorType::f32(&[]))
    }

    /// A constant with the type of `like`.
    pub fn full_like(&mut self, value: f64, like: Value) -> Value {
        let ty = self.ty(like).clone();
        self.constant(value, ty)
    }

    pub fn iota(&mut self, dim: usize, ty: TensorType) -> Value {
        assert!(dim < ty.rank(), "iota dim {dim} out of range for {ty}");
        self.push(Op::Iota(dim), vec![], ty)
    }

    // ---- elementwise -----------------------------------------------------------------------

    pub fn unary(&mut self, op: UnaryOp, x: Value) -> Value {
        let ty = self.ty(x).clone();
        assert_eq!(ty.dtype, DType::F32, "{op:?} needs f32, got {ty}");
        self.push(Op::Unary(op), vec![x], ty)
    }

    pub fn binary(&mut self, op: BinaryOp, a: Value, b: Value) -> Value {
        let (ta, tb) = (self.ty(a).clone(), self.ty(b).clone());
        assert_eq!(ta, tb, "{op:?} operands differ: {ta} vs {tb}");
        self.push(Op::Binary(op), vec![a, b], ta)
    }

    pub fn neg(&mut self, x: Value) -> Value {
        self.unary(UnaryOp::Neg, x)
    }
    pub fn exp(&mut self, x: Value) -> Value {
        self.unary(UnaryOp::Exp, x)
    }
    pub fn log(&mut self, x: Value) -> Value {
        self.unary(UnaryOp::Log, x)
    }
    pub fn sqrt(&mut self, x: Value) -> Value {
        self.unary(UnaryOp::Sqrt, x)
    }
    pub fn rsqrt(&mut self, x: Value) -> Value {
        self.unary(UnaryOp::Rsqrt, x)
    }
    pub fn add(&mut self, a: Value, b: Value) -> Value {
        self.binary(BinaryOp::Add, a, b)
    }
    pub fn sub(&mut self, a: Value, b: Value) -> Value {
        self.binary(BinaryOp::Sub, a, b)
    }
    pub fn mul(&mut self, a: Value, b: Value) -> Value {
        self.binary(BinaryOp::Mul, a, b)
    }
    pub fn div(&mut self, a: Value, b: Value) -> Value {
        self.binary(BinaryOp::Div, a, b)
    }
    pub fn max(&mut self, a: Value, b: Value) -> Value {
        self.binary(BinaryOp::Max, a, b)
    }
    pub fn min(&mut self, a: Value, b: Value) -> Value {
        self.binary(BinaryOp::Min, a, b)
    }
    pub fn pow(&mut self, a: Value, b: Value) -> Value {
        self.binary(BinaryOp::Pow, a, b)
    }

    /// `x * c` for a compile-time constant `c`.
    pub fn scale(&mut self, x: Value, c: f64) -> Value {
        let k = self.full_like(c, x);
        self.mul(x, k)
    }

    /// `x * s` for an f32 scalar value `s`.
    pub fn mul_by_scalar(&mut self, x: Value, s: Value) -> Value {
        let shape = self.shape(x).to_vec();
        let b = self.broadcast_in_dim(s, &shape, &[]);
        self.mul(x, b)
    }

    pub fn compare(&mut self, dir: CmpDir, a: Value, b: Value) -> Value {
        let (ta, tb) = (self.ty(a).clone(), self.ty(b).clone());
        assert_eq!(ta, tb, "compare operands differ: {ta} vs {tb}");
        self.push(
            Op::Compare(dir),
            vec![a, b],
            TensorType::new(DType::Bool, &ta.shape),
        )
    }

    pub fn select(&mut self, pred: Value, on_true: Value, on_false: Value) -> Value {
        let (tp, tt, tf) = (
            self.ty(pred).clone(),
            self.ty(on_true).clone(),
            self.ty(on_false).clone(),
        );
        assert_eq!(tt, tf, "select branches differ: {tt} vs {tf}");
        assert_eq!(
            tp,
            TensorType::new(DType::Bool, &tt.shape),
            "select predicate {tp} for {tt}"
        );
        self.push(Op::Select, vec![pred, on_true, on_false], tt)
    }

    pub fn convert(&mut self, x: Value, dtype: DType) -> Value {
        let shape = self.shape(x).to_vec();
        self.push(Op::Convert, vec![x], TensorType::new(dtype, &shape))
    }

    // ---- contractions and reductions ------------------------------------------------------

    pub fn dot_general(&mut self, lhs: Value, rhs: Value, dims: DotDims) -> Value {
        let (tl, tr) = (self.ty(lhs).clone(), self.ty(rhs).clone());
        assert_eq!(tl.dtype, tr.dtype);
        assert_eq!(dims.lhs_batch.len(), dims.rhs_batch.len());
        assert_eq!(dims.lhs_contract.len(), dims.rhs_contract.len());
        for (a, b) in dims.lhs_batch.iter().zip(&dims.rhs_batch) {
            assert_eq!(
                tl.shape[*a], tr.shape[*b],
                "dot_general batch dims differ: {tl} {tr}"
            );
        }
        for (a, b) in dims.lhs_contract.iter().zip(&dims.rhs_contract) {
            assert_eq!(
                tl.shape[*a], tr.shape[*b],
                "dot_general contracting dims differ: {tl} {tr}"
            );
        }
        let mut shape: Vec<usize> = dims.lhs_batch.iter().map(|d| tl.shape[*d]).collect();
        for d in free_dims(tl.rank(), &[&dims.lhs_batch, &dims.lhs_contract]) {
            shape.push(tl.shape[d]);
        }
        for d in free_dims(tr.rank(), &[&dims.rhs_batch, &dims.rhs_contract]) {
            shape.push(tr.shape[d]);
        }
        self.push(
            Op::DotGeneral(dims),
            vec![lhs, rhs],
            TensorType::new(tl.dtype, &shape),
        )
    }

    /// `a[m, k] . b[k, n]` with the given contracting dims of each 2-D operand.
    pub fn matmul(&mut self, a: Value, a_contract: usize, b: Value, b_contract: usize) -> Value {
        let dims = DotDims {
            lhs_contract: vec![a_contract],
            rhs_contract: vec![b_contract],
            ..Default::default()
        };
        self.dot_general(a, b, dims)
    }

    pub fn reduce(&mut self, kind: ReduceKind, x: Value, dims: &[usize]) -> Value {
        let tx = self.ty(x).clone();
        assert!(
            dims.windows(2).all(|w| w[0] < w[1]),
            "reduce dims must increase: {dims:?}"
        );
        assert!(
            dims.iter().all(|d| *d < tx.rank()),
            "reduce dims {dims:?} out of range for {tx}"
        );
        let shape: Vec<usize> = free_dims(tx.rank(), &[dims])
            .into_iter()
            .map(|d| tx.shape[d])
            .collect();
        self.push(
            Op::Reduce(kind, dims.to_vec()),
            vec![x],
            TensorType::new(tx.dtype, &shape),
        )
    }

    pub fn reduce_sum(&mut self, x: Value, dims: &[usize]) -> Value {
        self.reduce(ReduceKind::Sum, x, dims)
    }

    pub fn reduce_max(&mut self, x: Value, dims: &[usize]) -> Value {
        self.reduce(ReduceKind::Max, x, dims)
    }

    pub fn reduce_min(&mut self, x: Value, dims: &[usize]) -> Value {
        self.reduce(ReduceKind::Min, x, dims)
    }

    /// Sum of all elements, as a scalar.
    pub fn sum_all(&mut self, x: Value) -> Value {
        let dims: Vec<usize> = (0..self.ty(x).rank()).collect();
        self.reduce_sum(x, &dims)
    }

    // ---- shape ops ----------------------------------------------------------------------------

    pub fn broadcast_in_dim(&mut self, x: Value, shape: &[usize], dims: &[usize]) -> Value {
        let tx = self.ty(x).clone();
        assert_eq!(
            dims.len(),
            tx.rank(),
            "broadcast of {tx} needs {} dims",
            tx.rank()
        );
        assert!(
            dims.windows(2).all(|w| w[0] < w[1]),
            "broadcast dims must increase: {dims:?}"
        );
        for (i, d) in dims.iter().enumerate() {
            assert!(
                tx.shape[i] == shape[*d] || tx.shape[i] == 1,
                "cannot broadcast {tx} to {shape:?} via {dims:?}"
            );
        }
        self.push(
            Op::BroadcastInDim(dims.to_vec()),
            vec![x],
            TensorType::new(tx.dtype, shape),
        )
    }

    pub fn reshape(&mut self, x: Value, shape: &[usize]) -> Value {
        let tx = self.ty(x).clone();
        assert_eq!(
            tx.elements(),
            shape.iter().product::<usize>(),
            "cannot reshape {tx} to {shape:?}"
        );
        self.push(Op::Reshape, vec![x], TensorType::new(tx.dtype, shape))
    }

    pub fn transpose(&mut self, x: Value, perm: &[usize]) -> Value {
        let tx = self.ty(x).clone();
        let mut sorted = perm.to_vec();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            (0..tx.rank()).collect::<Vec<_>>(),
            "bad permutation {perm:?} of {tx}"
        );
        let shape: Vec<usize> = perm.iter().map(|p| tx.shape[*p]).collect();
        self.push(
            Op::Transpose(perm.to_vec()),
            vec![x],
            TensorType::new(tx.dtype, &shape),
        )
    }
}
