//! The op set and its builders. Each builder states its shape rule and asserts it.

use super::graph::{Graph, Value};
use super::types::{DType, TensorType};

/// Convolution output widths are rounded up to a multiple of this (see `convolution_nhwc`).
const CONV_WIDTH_MULTIPLE: usize = 4;
/// When a convolution is a matmul over im2col patches (see `convolution_as_matmul`): with
/// fewer than 64 outputs and fewer than 512 taps (kh·kw·C) the narrow, shallow matmul loses to
/// the direct convolution (32x32x32->32: 72 vs 86 ms; 14x14x64->32, 576 taps: 23 vs 14 ms).
const MATMUL_CONV_MIN_OUT_CHANNELS: usize = 64;
const MATMUL_CONV_MIN_TAPS: usize = 512;
const MATMUL_CONV_MAX_PATCH_BYTES: usize = 32 << 20;

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
    Reduce(ReduceKind, Vec<usize>),
    /// Operand dim i becomes result dim dims[i]; dims strictly increasing.
    BroadcastInDim(Vec<usize>),
    Reshape,
    Transpose(Vec<usize>),
    Convolution(ConvDims),
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
    /// materialised instead of folded into a convolution's access pattern.
    Barrier,
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

    // ---- windows ------------------------------------------------------------------------------

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
        if let Some(y) = self.convolution_as_matmul(x, w, &nhwc, MATMUL_CONV_MAX_PATCH_BYTES) {
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
    /// `max_patch_bytes` (8x8x64->128 at batch 128: 38 -> 18 ms; 2x2x256: 7.6 -> 2.6;
    /// a 75 MB patch matrix in one piece: 62 -> 101, in four: 41). `None`: keep the convolution.
    fn convolution_as_matmul(
        &mut self,
        x: Value,
        w: Value,
        d: &ConvDims,
        max_patch_bytes: usize,
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
        let per_example = oh * ow * taps * 4;
        let chunk = (1..=b)
            .rev()
            .find(|n| b % n == 0 && n * per_example <= max_patch_bytes)?;
        let zero = self.scalar(0.0);
        let xp = self.pad(
            x,
            zero,
            &[0, d.padding[0].0, d.padding[1].0, 0],
            &[0, d.padding[0].1, d.padding[1].1, 0],
            &[0, d.lhs_dilation[0] - 1, d.lhs_dilation[1] - 1, 0],
        );
        let padded = self.shape(xp).to_vec();
        let kernel = self.reshape(w, &[taps, o]);
        let [s0, s1] = d.strides;
        let mut outs = vec![];
        for start in (0..b).step_by(chunk) {
            let mut cols = vec![];
            for u in 0..kh {
                for v in 0..kw {
                    let (r0, r1) = (u * d.rhs_dilation[0], v * d.rhs_dilation[1]);
                    cols.push(self.slice(
                        xp,
                        &[start, r0, r1, 0],
                        &[
                            start + chunk,
                            r0 + s0 * (oh - 1) + 1,
                            r1 + s1 * (ow - 1) + 1,
                            padded[3],
                        ],
                        &[1, s0, s1, 1],
                    ));
                }
            }
            let patches = self.concatenate(&cols, 3);
            let patches = self.reshape(patches, &[chunk * oh * ow, taps]);
            outs.push(self.matmul(patches, 1, kernel, 0));
        }
        let y = if outs.len() == 1 {
            outs[0]
        } else {
            self.concatenate(&outs, 0)
        };
        Some(self.reshape(y, &[b, oh, ow, o]))
    }

    /// A transpose kept as its own copy (no-op for the identity permutation).
    fn materialised_transpose(&mut self, x: Value, perm: &[usize]) -> Value {
        if perm.iter().enumerate().all(|(i, p)| i == *p) {
            return x;
        }
        let t = self.transpose(x, perm);
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
        self.push(Op::Barrier, vec![x], ty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::{self, Tensor};

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
                let limit = (b / pieces) * oh * ow * k * k * c * 4;
                let y = g
                    .convolution_as_matmul(x, kernel, &d, limit)
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
