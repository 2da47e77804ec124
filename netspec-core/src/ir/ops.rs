//! The op set and its builders. Each builder states its shape rule and asserts it.

use super::conv::ConvDims;
use super::epilogue::Epilogue;
use super::graph::{Graph, Value};
use super::lowering::BarrierOp;
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
    /// The error function; emitted as `chlo.erf`.
    Erf,
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
    /// Logical, on booleans.
    And,
    Or,
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
    /// An f32 constant holding these values, row-major (trained weights embedded in an
    /// exported module).
    Tensor(std::sync::Arc<[f32]>),
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
    /// A 2-D `DotGeneral` (one contracting dim each, no batch) that IREE data-tiles: emitted as
    /// `linalg.matmul` with IREE's per-op hint (`Lowering::data_tiling`).
    TiledMatmul(DotDims),
    /// A 2-D `DotGeneral` (one contracting dim each, no batch) computed by netspec's matmul
    /// kernel (`Lowering::kernel_matmuls`, `ir/kernel_call.rs`), with the elementwise op after
    /// it that its epilogue computes (`ir/epilogue.rs`), whose operands follow the matmul's two.
    KernelMatmul(DotDims, Epilogue),
    /// Multi-head attention of `heads` heads over qkv [B, T, 3D] -> [B, T, D], by netspec's
    /// attention kernel (`ir/attention.rs`, `Lowering::kernel_attention`). Operands (qkv).
    KernelAttention {
        heads: usize,
    },
    /// Its gradient: dqkv [B, T, 3D] for the outputs' gradient. Operands (qkv, dO [B, T, D]).
    KernelAttentionGrad {
        heads: usize,
    },
    Reduce(ReduceKind, Vec<usize>),
    /// Operand dim i becomes result dim dims[i]; dims strictly increasing.
    BroadcastInDim(Vec<usize>),
    Reshape,
    Transpose(Vec<usize>),
    Convolution(ConvDims),
    /// The convolution of an NHWC batch with an HWIO kernel, stride 1, zero-padded by
    /// `padding` (low, high per spatial dim), without groups or dilation
    /// (`ConvDims::nhwc_stride_one`), computed by netspec's own CPU kernel linked into the module
    /// (`Lowering::direct_conv`, `ir/direct_conv.rs`). Operands (x, w).
    DirectConv {
        padding: [(usize, usize); 2],
    },
    /// The weight gradient [kh, kw, C, O] of a stride-1 convolution without groups or
    /// dilation, computed by netspec's own CPU kernel (`ir/direct_conv.rs`):
    /// dw[u, v, c, o] = Σ x[n, y + u - low[0], x + v - low[1], c] · dy[n, y, x, o], zero
    /// outside x. Operands (x [N, H, W, C], dy [N, OH, OW, O]).
    DirectConvWeightGrad {
        low: [usize; 2],
    },
    /// The weight gradient [kh, kw, 1, C] of a depthwise convolution (a group per channel, as
    /// many outputs) of stride `stride`, computed by netspec's own CPU kernel
    /// (`ir/direct_conv.rs`): dw[u, v, 0, c] = Σ x[n, s₀·i + u - low[0], s₁·j + v - low[1], c] ·
    /// dy[n, i, j, c], zero outside x. Operands (x [N, H, W, C], dy [N, OH, OW, C]).
    DepthwiseWeightGrad {
        low: [usize; 2],
        stride: [usize; 2],
    },
    /// Operands (x, scalar fill). Per dim: low, high (negative crops), interior.
    Pad {
        low: Vec<i64>,
        high: Vec<i64>,
        interior: Vec<usize>,
    },
    Slice {
        start: Vec<usize>,
        limit: Vec<usize>,
        strides: Vec<usize>,
    },
    Reverse(Vec<usize>),
    /// Operands joined along one dimension.
    Concatenate(usize),
    /// The identity, which the compiler may not fuse across: it keeps a layout change
    /// materialised instead of folded into a convolution's access pattern. The lowering picks
    /// the op it is written as.
    Barrier(BarrierOp),
}

impl Op {
    /// Whether the op is a call into netspec's own CPU kernels (`ir/kernel_call.rs`), linked
    /// into the module in the build for the target's CPU.
    pub fn calls_kernel(&self) -> bool {
        matches!(
            self,
            Op::DirectConv { .. }
                | Op::DirectConvWeightGrad { .. }
                | Op::DepthwiseWeightGrad { .. }
                | Op::KernelMatmul(..)
                | Op::KernelAttention { .. }
                | Op::KernelAttentionGrad { .. }
        )
    }
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

    /// An f32 constant of `shape` holding `data` (row-major).
    pub fn tensor_f32(&mut self, shape: &[usize], data: &[f32]) -> Value {
        let ty = TensorType::f32(shape);
        assert_eq!(
            ty.elements(),
            data.len(),
            "tensor_f32: {shape:?} does not hold {} values",
            data.len()
        );
        self.push(Op::Tensor(data.into()), vec![], ty)
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
        let logical = matches!(op, BinaryOp::And | BinaryOp::Or);
        assert_eq!(logical, ta.dtype == DType::Bool, "{op:?} on {ta}");
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
    pub fn erf(&mut self, x: Value) -> Value {
        self.unary(UnaryOp::Erf, x)
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
    pub fn and(&mut self, a: Value, b: Value) -> Value {
        self.binary(BinaryOp::And, a, b)
    }
    pub fn or(&mut self, a: Value, b: Value) -> Value {
        self.binary(BinaryOp::Or, a, b)
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
        let ty = self.dot_general_type(lhs, rhs, &dims);
        self.push(Op::DotGeneral(dims), vec![lhs, rhs], ty)
    }

    /// The result type of contracting `lhs` with `rhs` as `dims` says, checked.
    pub(super) fn dot_general_type(&self, lhs: Value, rhs: Value, dims: &DotDims) -> TensorType {
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
        TensorType::new(tl.dtype, &shape)
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
        if perm.iter().enumerate().all(|(i, p)| i == *p) {
            return x;
        }
        let shape: Vec<usize> = perm.iter().map(|p| tx.shape[*p]).collect();
        self.push(
            Op::Transpose(perm.to_vec()),
            vec![x],
            TensorType::new(tx.dtype, &shape),
        )
    }

    // ---- windows ------------------------------------------------------------------------------

    /// Pads with `fill` (a scalar of x's dtype): `low`/`high` per dim (negative crops) and
    /// `interior` zeros between elements.
    pub fn pad(
        &mut self,
        x: Value,
        fill: Value,
        low: &[i64],
        high: &[i64],
        interior: &[usize],
    ) -> Value {
        let tx = self.ty(x).clone();
        assert_eq!(
            self.ty(fill),
            &TensorType::new(tx.dtype, &[]),
            "pad fill must be a scalar of {tx}"
        );
        assert!(low.len() == tx.rank() && high.len() == tx.rank() && interior.len() == tx.rank());
        let shape: Vec<usize> = (0..tx.rank())
            .map(|d| {
                let n = tx.shape[d] as i64;
                let size = n + (n - 1).max(0) * interior[d] as i64 + low[d] + high[d];
                assert!(size >= 0, "pad of {tx} to a negative size");
                size as usize
            })
            .collect();
        let op = Op::Pad {
            low: low.to_vec(),
            high: high.to_vec(),
            interior: interior.to_vec(),
        };
        self.push(op, vec![x, fill], TensorType::new(tx.dtype, &shape))
    }

    /// Elements start, start + stride, ... below limit, per dim.
    pub fn slice(
        &mut self,
        x: Value,
        start: &[usize],
        limit: &[usize],
        strides: &[usize],
    ) -> Value {
        let tx = self.ty(x).clone();
        assert!(start.len() == tx.rank() && limit.len() == tx.rank() && strides.len() == tx.rank());
        let shape: Vec<usize> = (0..tx.rank())
            .map(|d| {
                assert!(
                    start[d] <= limit[d] && limit[d] <= tx.shape[d] && strides[d] > 0,
                    "bad slice of {tx}"
                );
                (limit[d] - start[d]).div_ceil(strides[d])
            })
            .collect();
        let op = Op::Slice {
            start: start.to_vec(),
            limit: limit.to_vec(),
            strides: strides.to_vec(),
        };
        self.push(op, vec![x], TensorType::new(tx.dtype, &shape))
    }

    pub fn reverse(&mut self, x: Value, dims: &[usize]) -> Value {
        let ty = self.ty(x).clone();
        assert!(dims.iter().all(|d| *d < ty.rank()));
        self.push(Op::Reverse(dims.to_vec()), vec![x], ty)
    }

    pub fn concatenate(&mut self, parts: &[Value], dim: usize) -> Value {
        let first = self.ty(parts[0]).clone();
        let mut shape = first.shape.clone();
        shape[dim] = 0;
        for p in parts {
            let t = self.ty(*p);
            assert!(
                t.dtype == first.dtype && t.rank() == first.rank(),
                "concatenate of {first} and {t}"
            );
            for d in 0..t.rank() {
                assert!(
                    d == dim || t.shape[d] == first.shape[d],
                    "concatenate of {first} and {t} along {dim}"
                );
            }
            shape[dim] += t.shape[dim];
        }
        self.push(
            Op::Concatenate(dim),
            parts.to_vec(),
            TensorType::new(first.dtype, &shape),
        )
    }

    pub fn barrier(&mut self, x: Value) -> Value {
        let ty = self.ty(x).clone();
        self.push(Op::Barrier(self.lowering.barrier), vec![x], ty)
    }

    /// x, as a value that IREE's common-subexpression elimination keeps apart from x, so that
    /// an elementwise op on it and the same op on x can each fuse into their own consumers
    /// instead of being one op whose result is written out for both. Under the compute
    /// barrier, which is erased once dispatch regions are formed; where the lowering's barrier
    /// is `optimization_barrier` (a wait between queue submissions), x itself.
    pub fn apart(&mut self, x: Value) -> Value {
        match self.lowering.barrier {
            BarrierOp::ComputeBarrier => self.barrier(x),
            BarrierOp::OptimizationBarrier => x,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Lowering, TensorType};

    /// The lowering picks the barrier's op: CUDA's compile needs the StableHLO one.
    #[test]
    fn barriers_are_written_as_the_lowering_asks() {
        for (lowering, op, other) in [
            (
                Lowering::AVX512,
                "iree_tensor_ext.compute_barrier.start",
                "stablehlo.optimization_barrier",
            ),
            (
                Lowering::AVX2,
                "iree_tensor_ext.compute_barrier.start",
                "stablehlo.optimization_barrier",
            ),
            (
                Lowering::CUDA,
                "stablehlo.optimization_barrier",
                "iree_tensor_ext.compute_barrier.start",
            ),
        ] {
            let mut g = Graph::new("f", lowering);
            let x = g.arg("x", TensorType::f32(&[2, 3]));
            let y = g.barrier(x);
            let m = crate::ir::Module {
                name: "m".into(),
                functions: vec![g.finish(vec![y])],
            };
            let text = crate::emit::module_text(&m);
            assert!(text.contains(op), "{lowering:?}: {text}");
            assert!(!text.contains(other), "{lowering:?}: {text}");
        }
    }

    /// A value kept apart is the compute barrier where the lowering has it, so that IREE's CSE
    /// cannot merge ops on it with those on the original; under CUDA's barrier (a wait between
    /// submissions) it is the value itself.
    #[test]
    fn apart_is_a_compute_barrier_or_nothing() {
        for (lowering, barriers) in [
            (Lowering::AVX512, 1),
            (Lowering::AVX2, 1),
            (Lowering::CUDA, 0),
        ] {
            let mut g = Graph::new("f", lowering);
            let x = g.arg("x", TensorType::f32(&[2, 3]));
            let y = g.apart(x);
            assert_eq!(y == x, barriers == 0, "{lowering:?}");
            let f = g.finish(vec![y]);
            let found = f
                .nodes
                .iter()
                .filter(|n| matches!(n.op, Op::Barrier(_)))
                .count();
            assert_eq!(found, barriers, "{lowering:?}");
        }
    }
}
