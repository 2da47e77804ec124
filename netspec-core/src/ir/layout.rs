//! Layout assignment, run on a function before it is printed for IREE where the lowering asks
//! (`Lowering::assign_layouts`): each value is stored in the dimension order its producer gives
//! it, and a transpose is written only where a consumer needs another order.
//!
//! The builders write every convolution as NHWC x HWIO between transposes from and to the
//! network's NCHW values (`ir/conv.rs`), which keeps each layer's rule local and the IR in
//! PyTorch's layout for the reference and the contracts. Printed as built, every convolution
//! pays a transpose of its input and of its output, forward and backward. Here a transpose only
//! renames dimensions; the order flows through elementwise ops, reductions, pads, slices,
//! reverses, concatenations and the reshapes that keep its dims together (a pooling window's
//! split), so BatchNorm, activations, residual sums and pooling run in the convolutions' NHWC.
//! Convolutions and matmuls take their operands in the order they were built for, and a reshape
//! that mixes reordered dims (a flatten) and the function's results take the built order: there
//! a transpose is written.
//!
//! Splat constants, iotas, broadcasts and elementwise ops of those alone are built on demand in
//! the order their consumer asks for. The result computes the same values from the same
//! arguments; `tests` checks that on the reference evaluator, and every IREE-versus-reference
//! check runs the assigned function against the built one.

use std::collections::HashMap;

use super::graph::{Function, Node, Value};
use super::ops::Op;
use super::types::TensorType;

/// A storage order: position j holds the value's dimension `order[j]`.
type Order = Vec<usize>;

fn identity(rank: usize) -> Order {
    (0..rank).collect()
}

fn inverse(order: &[usize]) -> Order {
    let mut inv = vec![0; order.len()];
    for (j, &d) in order.iter().enumerate() {
        inv[d] = j;
    }
    inv
}

fn stored(ty: &TensorType, order: &[usize]) -> TensorType {
    let shape: Vec<usize> = order.iter().map(|&d| ty.shape[d]).collect();
    TensorType::new(ty.dtype, &shape)
}

/// Whether orders `a` and `b` of a value of `shape` differ only where its dims of size 1 go.
fn same_but_units(a: &[usize], b: &[usize], shape: &[usize]) -> bool {
    let sized =
        |o: &[usize]| -> Vec<usize> { o.iter().copied().filter(|&d| shape[d] != 1).collect() };
    sized(a) == sized(b)
}

fn elementwise(op: &Op) -> bool {
    matches!(
        op,
        Op::Unary(_) | Op::Binary(_) | Op::Compare(_) | Op::Select | Op::Convert
    )
}

/// `f` with its values stored in the orders their producers give them (see the module's doc).
pub fn assign(f: &Function) -> Function {
    let n = f.nodes.len();
    let mut live = vec![false; n];
    for r in &f.results {
        live[r.index()] = true;
    }
    for i in (0..n).rev() {
        if live[i] {
            for o in &f.nodes[i].operands {
                live[o.index()] = true;
            }
        }
    }
    let mut free = vec![false; n];
    for (i, node) in f.nodes.iter().enumerate() {
        free[i] = match node.op {
            Op::Constant(_) | Op::Iota(_) | Op::BroadcastInDim(_) => true,
            ref op if elementwise(op) || matches!(op, Op::Transpose(_)) => {
                node.operands.iter().all(|o| free[o.index()])
            }
            _ => false,
        };
    }
    let mut pass = Assign {
        f,
        nodes: Vec::with_capacity(n),
        placed: vec![None; n],
        free,
        built: HashMap::new(),
        preferences: HashMap::new(),
    };
    for (i, live) in live.into_iter().enumerate() {
        if live && !pass.free[i] {
            pass.place(i);
        }
    }
    let results = f
        .results
        .iter()
        .map(|&r| pass.get(r, &identity(f.nodes[r.index()].ty.rank())))
        .collect();
    Function {
        name: f.name.clone(),
        args: f.args.clone(),
        nodes: pass.nodes,
        results,
        noise: f.noise.clone(),
        depth_blocks: f.depth_blocks,
        lowering: f.lowering,
    }
}

struct Assign<'a> {
    f: &'a Function,
    nodes: Vec<Node>,
    /// Where each placed source value is: its output value and the order it is stored in.
    placed: Vec<Option<(Value, Order)>>,
    /// Source values built on demand, in any order (`assign`).
    free: Vec<bool>,
    /// Source values already built in an order.
    built: HashMap<(usize, Order), Value>,
    /// The order each free value asked for so far is best built in (`preferred`).
    preferences: HashMap<usize, Option<Order>>,
}

impl Assign<'_> {
    fn push(&mut self, op: Op, operands: Vec<Value>, ty: TensorType) -> Value {
        let v = Value(self.nodes.len() as u32);
        self.nodes.push(Node { op, operands, ty });
        v
    }

    fn barrier(&mut self, x: Value) -> Value {
        let ty = self.nodes[x.index()].ty.clone();
        self.push(Op::Barrier(self.f.lowering.barrier), vec![x], ty)
    }

    /// A placed source value as it is stored; a free one in its preferred order.
    fn as_stored(&mut self, v: Value) -> (Value, Order) {
        match &self.placed[v.index()] {
            Some(p) => p.clone(),
            None => {
                let order = self
                    .preferred(v)
                    .unwrap_or_else(|| identity(self.f.nodes[v.index()].ty.rank()));
                (self.get(v, &order), order)
            }
        }
    }

    /// The order `v` is stored in if placed. A free value has the order that builds it from
    /// its placed operands without transposing them (a product of broadcast patches), or none
    /// if any order does (constants, broadcasts of vectors).
    fn preferred(&mut self, v: Value) -> Option<Order> {
        if let Some((_, order)) = &self.placed[v.index()] {
            return Some(order.clone());
        }
        if let Some(p) = self.preferences.get(&v.index()) {
            return p.clone();
        }
        let f = self.f;
        let node = &f.nodes[v.index()];
        let p = match &node.op {
            Op::BroadcastInDim(dims) if dims.len() > 1 => self
                .preferred(node.operands[0])
                .map(|q| broadcast_order(dims, &q, &node.ty.shape)),
            Op::Transpose(perm) => self.preferred(node.operands[0]).map(|q| {
                let at = inverse(perm);
                q.iter().map(|&d| at[d]).collect()
            }),
            op if elementwise(op) => self.common_order(&node.operands),
            _ => None,
        };
        self.preferences.insert(v.index(), p.clone());
        p
    }

    /// Source value `v` stored in `order`.
    fn get(&mut self, v: Value, order: &[usize]) -> Value {
        let key = (v.index(), order.to_vec());
        if let Some(&out) = self.built.get(&key) {
            return out;
        }
        let f = self.f;
        let node = &f.nodes[v.index()];
        let ty = stored(&node.ty, order);
        let out = if self.free[v.index()] {
            match &node.op {
                Op::Constant(c) => self.push(Op::Constant(*c), vec![], ty),
                Op::Iota(d) => self.push(Op::Iota(inverse(order)[*d]), vec![], ty),
                Op::BroadcastInDim(dims) => {
                    // The operand in the order that keeps the broadcast's dims increasing.
                    let at = inverse(order);
                    let target: Vec<usize> = dims.iter().map(|&d| at[d]).collect();
                    let mut operand_order = identity(dims.len());
                    operand_order.sort_by_key(|&k| target[k]);
                    let mut x = self.get(node.operands[0], &operand_order);
                    if self
                        .preferred(v)
                        .is_some_and(|p| !same_but_units(&p, order, &node.ty.shape))
                    {
                        // Fused into its producer, a broadcast that reorders (a pooled
                        // gradient spread over NHWC) made IREE 3.13 tile a data-tiled matmul
                        // into vectors too large to compile.
                        x = self.barrier(x);
                    }
                    let dims = operand_order.iter().map(|&k| target[k]).collect();
                    self.push(Op::BroadcastInDim(dims), vec![x], ty)
                }
                Op::Transpose(perm) => {
                    let operand_order: Order = order.iter().map(|&d| perm[d]).collect();
                    self.get(node.operands[0], &operand_order)
                }
                op => {
                    let operands = node.operands.iter().map(|&o| self.get(o, order)).collect();
                    self.push(op.clone(), operands, ty)
                }
            }
        } else {
            let (x, have) = self.placed[v.index()]
                .clone()
                .unwrap_or_else(|| panic!("layout: value {} used before it is placed", v.0));
            if have == order {
                x
            } else if same_but_units(&have, order, &node.ty.shape) {
                // Only dims of size 1 move: the same elements in the same sequence.
                self.push(Op::Reshape, vec![x], ty)
            } else {
                let at = inverse(&have);
                let perm = order.iter().map(|&d| at[d]).collect();
                self.push(Op::Transpose(perm), vec![x], ty)
            }
        };
        self.built.insert(key, out);
        out
    }

    /// The order most of `operands` are stored in or prefer, a reordered one on a tie: the
    /// network's values are reordered, what meets them in the built order (a flatten's
    /// gradient) is not. None if no operand has a preference.
    fn common_order(&mut self, operands: &[Value]) -> Option<Order> {
        let mut counts: Vec<(Order, usize)> = vec![];
        for &o in operands {
            if let Some(order) = self.preferred(o) {
                match counts.iter_mut().find(|(c, _)| *c == order) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((order, 1)),
                }
            }
        }
        counts
            .into_iter()
            .max_by_key(|(order, n)| (*n, *order != identity(order.len())))
            .map(|(order, _)| order)
    }

    /// Builds source node `i` in the order its operands give it.
    fn place(&mut self, i: usize) {
        let f = self.f;
        let node = &f.nodes[i];
        let ops = &node.operands;
        let rank = node.ty.rank();
        let placed = match &node.op {
            Op::Arg(_) | Op::Tensor(_) => (
                self.push(node.op.clone(), vec![], node.ty.clone()),
                identity(rank),
            ),
            // Operands in one order, the one most of them have.
            op if elementwise(op) || matches!(op, Op::Concatenate(_)) => {
                let order = self.common_order(ops).unwrap_or_else(|| identity(rank));
                let operands = ops.iter().map(|&o| self.get(o, &order)).collect();
                let op = match op {
                    Op::Concatenate(dim) => Op::Concatenate(inverse(&order)[*dim]),
                    op => op.clone(),
                };
                let ty = stored(&node.ty, &order);
                (self.push(op, operands, ty), order)
            }
            Op::Transpose(perm) => {
                // Result dim k is operand dim perm[k]: only the names change.
                let (x, have) = self.as_stored(ops[0]);
                let at = inverse(perm);
                (x, have.iter().map(|&d| at[d]).collect())
            }
            Op::Barrier(b) => {
                let (x, have) = self.as_stored(ops[0]);
                let ty = self.nodes[x.index()].ty.clone();
                (self.push(Op::Barrier(*b), vec![x], ty), have)
            }
            Op::Reduce(kind, dims) => {
                let (mut x, have) = self.as_stored(ops[0]);
                let mut reduced: Vec<usize> = (0..have.len())
                    .filter(|&j| dims.contains(&have[j]))
                    .collect();
                let kept = |d: usize| d - dims.iter().filter(|&&r| r < d).count();
                let order: Order = have
                    .iter()
                    .filter(|d| !dims.contains(d))
                    .map(|&d| kept(d))
                    .collect();
                // A reordered sum over the outer dims into the innermost (BatchNorm's
                // statistics in NHWC) is one reduction per channel over strided elements,
                // which IREE runs on one thread: it is summed in two stages, the first in
                // parallel over the outer dims.
                if have != identity(have.len())
                    && reduced.len() > 1
                    && reduced[0] == 0
                    && !reduced.contains(&(have.len() - 1))
                {
                    let shape = &self.nodes[x.index()].ty.shape;
                    let r = reduced.len();
                    if reduced == identity(r) {
                        // Reduced dims leading (N, H, W of NHWC): the rows of the innermost
                        // reduced dim (W) are summed first, in parallel over the others (N·H),
                        // then those. Summing H and W first, in parallel over N only, ran about
                        // twice as long (IREE takes it for a matvec). The first sum reads the
                        // operand in its own shape, not reshaped, so that IREE fuses an
                        // elementwise producer into it (BatchNorm's squared deviations, its
                        // gradient's dy·x̂) instead of writing the producer's result out.
                        let mut rows = shape.clone();
                        rows.remove(r - 1);
                        let ty = TensorType::new(node.ty.dtype, &rows);
                        x = self.push(Op::Reduce(*kind, vec![r - 1]), vec![x], ty);
                        reduced = identity(r - 1);
                    } else {
                        let inner: Vec<usize> = reduced[1..].to_vec();
                        let kept: Vec<usize> = (0..shape.len())
                            .filter(|j| !inner.contains(j))
                            .map(|j| shape[j])
                            .collect();
                        let ty = TensorType::new(node.ty.dtype, &kept);
                        x = self.push(Op::Reduce(*kind, inner), vec![x], ty);
                        reduced = vec![0];
                    }
                }
                let ty = stored(&node.ty, &order);
                (self.push(Op::Reduce(*kind, reduced), vec![x], ty), order)
            }
            Op::Pad {
                low,
                high,
                interior,
            } => {
                let (x, have) = self.as_stored(ops[0]);
                let fill = self.get(ops[1], &[]);
                let op = Op::Pad {
                    low: have.iter().map(|&d| low[d]).collect(),
                    high: have.iter().map(|&d| high[d]).collect(),
                    interior: have.iter().map(|&d| interior[d]).collect(),
                };
                let ty = stored(&node.ty, &have);
                (self.push(op, vec![x, fill], ty), have)
            }
            Op::Slice {
                start,
                limit,
                strides,
            } => {
                let (x, have) = self.as_stored(ops[0]);
                let op = Op::Slice {
                    start: have.iter().map(|&d| start[d]).collect(),
                    limit: have.iter().map(|&d| limit[d]).collect(),
                    strides: have.iter().map(|&d| strides[d]).collect(),
                };
                let ty = stored(&node.ty, &have);
                (self.push(op, vec![x], ty), have)
            }
            Op::Reverse(dims) => {
                let (x, have) = self.as_stored(ops[0]);
                let at = inverse(&have);
                let mut reversed: Vec<usize> = dims.iter().map(|&d| at[d]).collect();
                reversed.sort_unstable();
                let ty = stored(&node.ty, &have);
                (self.push(Op::Reverse(reversed), vec![x], ty), have)
            }
            Op::Reshape => {
                let (x, have) = self.as_stored(ops[0]);
                let from = &f.nodes[ops[0].index()].ty.shape;
                match reshaped_order(from, &node.ty.shape, &have) {
                    Some(order) => {
                        let ty = stored(&node.ty, &order);
                        (self.push(Op::Reshape, vec![x], ty), order)
                    }
                    None => {
                        let x = self.get(ops[0], &identity(from.len()));
                        (
                            self.push(Op::Reshape, vec![x], node.ty.clone()),
                            identity(rank),
                        )
                    }
                }
            }
            // Convolutions and matmuls take their operands in the order they were built for. A
            // transpose written for one goes behind a barrier where the builder put one: before
            // every convolution (folded into its access pattern, a transpose brings back IREE's
            // slow NCHW code, `ir/conv.rs`) and where a matmul reads a transposed copy
            // (`Graph::matmul_tn`).
            Op::Convolution(_)
            | Op::DirectConv { .. }
            | Op::DirectConvWeightGrad { .. }
            | Op::DepthwiseWeightGrad { .. }
            | Op::DotGeneral(_)
            | Op::TiledMatmul(_)
            | Op::KernelMatmul(..)
            | Op::KernelAttention { .. }
            | Op::KernelAttentionGrad { .. } => {
                let mut operands = vec![];
                for &o in ops {
                    let ty = &f.nodes[o.index()].ty;
                    let built = identity(ty.rank());
                    let x = self.get(o, &built);
                    let moved = self.placed[o.index()]
                        .as_ref()
                        .is_some_and(|(_, have)| !same_but_units(have, &built, &ty.shape));
                    let guarded = matches!(node.op, Op::Convolution(_))
                        || node.op.calls_kernel()
                        || matches!(f.nodes[o.index()].op, Op::Barrier(_));
                    operands.push(if moved && guarded { self.barrier(x) } else { x });
                }
                (
                    self.push(node.op.clone(), operands, node.ty.clone()),
                    identity(rank),
                )
            }
            // Constants, iotas, broadcasts and the elementwise ops of those alone.
            op => unreachable!("layout: {op:?} is free, built on demand"),
        };
        self.placed[i] = Some(placed);
    }
}

/// The order of a broadcast's result that keeps its operand, stored in `operand`, in place:
/// the operand's dims in their stored sequence, each followed by the new dims that follow it in
/// the result, new leading dims first. New dims of size 1 go first of all: innermost, they
/// would leave IREE one lane to vectorise.
fn broadcast_order(dims: &[usize], operand: &[usize], shape: &[usize]) -> Order {
    let rank = shape.len();
    let new = |d: &usize| !dims.contains(d) && shape[*d] != 1;
    let mut order: Order = (0..rank)
        .filter(|d| !dims.contains(d) && shape[*d] == 1)
        .collect();
    order.extend((0..dims.iter().copied().min().unwrap_or(rank)).filter(new));
    for &d in operand {
        let next = dims
            .iter()
            .copied()
            .filter(|&m| m > dims[d])
            .min()
            .unwrap_or(rank);
        order.push(dims[d]);
        order.extend((dims[d] + 1..next).filter(new));
    }
    order
}

/// The order of a reshape's result, when its operand of shape `from` is stored in `order`:
/// defined where the reshape only splits and merges runs of dims that `order` keeps together
/// and in sequence (a pooling window split off a spatial dim), else `None`. Dims of size 1
/// go anywhere: a new one follows the dim before it.
fn reshaped_order(from: &[usize], to: &[usize], order: &[usize]) -> Option<Order> {
    let kept =
        |shape: &[usize]| -> Vec<usize> { (0..shape.len()).filter(|&d| shape[d] != 1).collect() };
    let (from_kept, to_kept) = (kept(from), kept(to));
    let order: Vec<usize> = order
        .iter()
        .filter_map(|d| from_kept.iter().position(|k| k == d))
        .collect();
    let from: Vec<usize> = from_kept.iter().map(|&d| from[d]).collect();
    let to_sizes: Vec<usize> = to_kept.iter().map(|&d| to[d]).collect();
    // Pair the shortest runs of `from` and `to` dims with equal products.
    let mut groups: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = vec![];
    let (mut i, mut j) = (0, 0);
    while i < from.len() && j < to_sizes.len() {
        let (i0, j0) = (i, j);
        let (mut a, mut b) = (from[i], to_sizes[j]);
        i += 1;
        j += 1;
        while a != b {
            if a < b {
                a *= from[i];
                i += 1;
            } else {
                b *= to_sizes[j];
                j += 1;
            }
        }
        groups.push((i0..i, j0..j));
    }
    let mut result: Order = vec![];
    let mut j = 0;
    while j < order.len() {
        let (src, dst) = groups.iter().find(|(src, _)| src.start == order[j])?;
        if order.get(j..j + src.len())? != src.clone().collect::<Vec<_>>() {
            return None;
        }
        result.extend(dst.clone().map(|k| to_kept[k]));
        j += src.len();
    }
    for d in (0..to.len()).filter(|&d| to[d] == 1) {
        let at = if d == 0 {
            0
        } else {
            result.iter().position(|&x| x == d - 1)? + 1
        };
        result.insert(at, d);
    }
    Some(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{ConvDims, Graph, Lowering};
    use crate::reference::{self, Tensor};

    fn data(shape: &[usize], seed: usize) -> Tensor {
        let n: usize = shape.iter().product();
        let v: Vec<f32> = (0..n)
            .map(|i| (((i * 7919 + seed * 104729) % 1009) as f32 / 1009.0) - 0.5)
            .collect();
        Tensor::f32_data(shape, &v)
    }

    fn transposes(f: &Function) -> usize {
        f.nodes
            .iter()
            .filter(|n| matches!(n.op, Op::Transpose(_)))
            .count()
    }

    /// The same values from the assigned function as from the built one.
    fn same_results(f: &Function, inputs: &[Tensor]) -> Function {
        let g = assign(f);
        let (want, got) = (reference::run(f, inputs), reference::run(&g, inputs));
        assert_eq!(want.len(), got.len());
        for (w, g) in want.iter().zip(&got) {
            assert_eq!(w.shape(), g.shape());
            let (w, g) = (w.float(), g.float());
            for (a, b) in w.iter().zip(g.iter()) {
                assert!((a - b).abs() <= 1e-12 * (1.0 + a.abs()), "{a} vs {b}");
            }
        }
        g
    }

    /// Two convolutions with BatchNorm-like statistics, ReLU and a 2x2 pooling window between
    /// them, then a flatten: the NHWC order flows from the first convolution to the second,
    /// and one transpose is left, before the flatten.
    #[test]
    fn the_order_flows_between_convolutions() {
        let mut g = Graph::new("f", Lowering::AVX512);
        let x = g.arg("x", TensorType::f32(&[2, 8, 4, 4]));
        let w1 = g.arg("w1", TensorType::f32(&[8, 8, 3, 3]));
        let w2 = g.arg("w2", TensorType::f32(&[8, 8, 3, 3]));
        let c1 = g.convolution(x, w1, ConvDims::nchw([1, 1], [(1, 1), (1, 1)]));
        let sum = g.reduce_sum(c1, &[0, 2, 3]);
        let mean = g.broadcast_in_dim(sum, &[2, 8, 4, 4], &[1]);
        let centred = g.sub(c1, mean);
        let zero = g.full_like(0.0, centred);
        let relu = g.max(centred, zero);
        let windows = g.reshape(relu, &[2, 8, 2, 2, 2, 2]);
        let pooled = g.reduce_max(windows, &[3, 5]);
        let c2 = g.convolution(pooled, w2, ConvDims::nchw([1, 1], [(1, 1), (1, 1)]));
        let flat = g.reshape(c2, &[2, 32]);
        let f = g.finish(vec![flat, c1]);
        let inputs = [
            data(&[2, 8, 4, 4], 1),
            data(&[8, 8, 3, 3], 2),
            data(&[8, 8, 3, 3], 3),
        ];
        let assigned = same_results(&f, &inputs);
        assert!(transposes(&f) >= 6, "{}", transposes(&f));
        // The kernels' two, the input's, the flatten's and the second result's.
        assert_eq!(transposes(&assigned), 5);
        // The statistics' sum over N, H and W of NHWC: over each row's W first, reading the
        // [N, H, W, C] value as it is (a reshape between would keep IREE from fusing its
        // producer into the sum), then over N and H.
        let sums = |f: &Function| -> Vec<Vec<usize>> {
            f.nodes
                .iter()
                .filter_map(|n| match &n.op {
                    Op::Reduce(crate::ir::ReduceKind::Sum, dims) => Some(dims.clone()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(sums(&f), vec![vec![0, 2, 3]]);
        assert_eq!(sums(&assigned), vec![vec![2], vec![0, 1]]);
    }

    /// A depthwise convolution between two others (`layers/conv.rs`: IREE's grouped
    /// convolution forward and for dx) reads and writes the NHWC values as they are stored. Its
    /// weight gradient takes no transposes by netspec's kernel (16 channels) or as one
    /// convolution in batch groups (AVX2's form of 8), and two as a depthwise convolution over
    /// the examples folded into the channels (AVX-512's: the input and dy, each [H, W, B, C]).
    #[test]
    fn a_depthwise_layer_stays_in_the_convolutions_order() {
        use crate::layers::{Conv2d, Layer, Mode};
        let cases = [
            (Lowering::AVX2, 8, 0),
            (Lowering::AVX512, 8, 2),
            (Lowering::AVX2, 16, 0),
            (Lowering::AVX512, 16, 0),
        ];
        for (lowering, c, weight_grad_transposes) in cases {
            let mut g = Graph::new("f", lowering);
            let x = g.arg("x", TensorType::f32(&[2, c, 4, 4]));
            let w1 = g.arg("w1", TensorType::f32(&[c, c, 1, 1]));
            let dw = g.arg("dw", TensorType::f32(&[3, 3, 1, c]));
            let w2 = g.arg("w2", TensorType::f32(&[c, c, 1, 1]));
            let layer = Conv2d::new(&[c, 4, 4], c, 3, 1, 1, c).unwrap();
            let pointwise = ConvDims::nchw([1, 1], [(0, 0), (0, 0)]);
            let c1 = g.convolution(x, w1, pointwise.clone());
            let y = layer.forward(&mut g, c1, &[dw], Mode::Train).y;
            let dy = g.convolution(y, w2, pointwise);
            let back = layer.vjp(&mut g, &c1, &[dw], dy, true);
            let f = g.finish(vec![back.dx.unwrap(), back.grads[0]]);
            let kernel_calls = f
                .nodes
                .iter()
                .filter(|n| matches!(n.op, Op::DepthwiseWeightGrad { .. }))
                .count();
            assert_eq!(kernel_calls, usize::from(c == 16), "{lowering:?}, {c}");
            let inputs = [
                data(&[2, c, 4, 4], 4),
                data(&[c, c, 1, 1], 5),
                data(&[3, 3, 1, c], 6),
                data(&[c, c, 1, 1], 7),
            ];
            let assigned = same_results(&f, &inputs);
            assert!(transposes(&f) > 10, "{}", transposes(&f));
            // The two 1x1 kernels', the input's and dx's (a result), and the weight gradient's.
            assert_eq!(
                transposes(&assigned),
                4 + weight_grad_transposes,
                "{lowering:?}, {c} channels"
            );
        }
    }

    #[test]
    fn broadcasts_keep_their_operand_in_place_and_unit_dims_outside() {
        // Patch [B, C, H, W] stored NHWC, to [B, C, 1, H, W]: the unit dim goes first.
        assert_eq!(
            broadcast_order(&[0, 1, 3, 4], &[0, 2, 3, 1], &[2, 8, 1, 4, 4]),
            vec![2, 0, 3, 4, 1]
        );
        // A per-example vector [B, C] over [B, C, H, W]: the new dims follow the channels.
        assert_eq!(
            broadcast_order(&[0, 1], &[0, 1], &[2, 8, 4, 4]),
            vec![0, 1, 2, 3]
        );
        assert_eq!(
            broadcast_order(&[1, 2], &[0, 1], &[2, 8, 3, 4, 4]),
            vec![0, 1, 2, 3, 4]
        );
    }

    #[test]
    fn reshapes_keep_an_order_only_when_it_keeps_their_dims_together() {
        // [N, C, H, W] stored as NHWC.
        let nhwc = [0, 2, 3, 1];
        let pooled = reshaped_order(&[2, 8, 4, 4], &[2, 8, 2, 2, 2, 2], &nhwc);
        assert_eq!(pooled, Some(vec![0, 2, 3, 4, 5, 1]));
        let back = reshaped_order(&[2, 8, 2, 2, 2, 2], &[2, 8, 4, 4], &[0, 2, 3, 4, 5, 1]);
        assert_eq!(back, Some(nhwc.to_vec()));
        assert_eq!(reshaped_order(&[2, 8, 4, 4], &[2, 128], &nhwc), None);
        assert_eq!(
            reshaped_order(&[2, 8, 1, 1], &[2, 8], &[0, 2, 3, 1]),
            Some(vec![0, 1])
        );
        // A unit dim merged into the channels.
        assert_eq!(
            reshaped_order(&[2, 8, 1, 4, 4], &[2, 8, 4, 4], &[0, 3, 4, 1, 2]),
            Some(nhwc.to_vec())
        );
        assert_eq!(
            reshaped_order(&[2, 8, 4, 4], &[2, 8, 1, 4, 4], &nhwc),
            Some(vec![0, 3, 4, 1, 2])
        );
        assert_eq!(
            reshaped_order(&[2, 8, 1, 1], &[2, 8], &[0, 1, 2, 3]),
            Some(vec![0, 1])
        );
        assert_eq!(reshaped_order(&[1], &[], &[0]), Some(vec![]));
    }
}
