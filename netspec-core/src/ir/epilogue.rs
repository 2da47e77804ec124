//! Epilogue fusion, run on a function before it is printed for IREE: the elementwise op that
//! follows a kernel matmul (`Op::KernelMatmul`) is done by the matmul's own workgroups on their
//! panel of the product while it is in cache (`finish` in `netspec-iree/kernels/matmul.c`),
//! instead of by a dispatch of its own that reads the product back from memory, behind one
//! more barrier between the cores. IREE cannot fuse into a kernel it links, so this pass does.
//!
//! Three forms, as the layers and the optimizer build them:
//!
//! - a dense layer's bias, `add(product, broadcast(bias))`;
//! - then its ReLU, `max(that, 0)`: the ReLU's pull-back compares the pre-activation with 0,
//!   which the ReLU's output answers the same (`x > 0` exactly where `max(x, 0) > 0`, a NaN
//!   neither), so the comparison reads the output and the pre-activation is never stored;
//! - plain SGD's step of a parameter by its gradient, `p - broadcast(lr) · product`.
//!
//! A product (or a pre-activation) is fused only where the op is its one use. The fused
//! function computes the same values from the same arguments, each rounding as the ops it
//! replaces; `tests` checks that on the reference evaluator, and the IREE-versus-reference
//! checks of whole train steps run the fused function against the built one.

use super::graph::{Function, Node, Value};
use super::ops::{BinaryOp, CmpDir, DotDims, Op};

/// What a kernel matmul's workgroups do with their panel of the product before they store it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Epilogue {
    /// The product as it is.
    Plain,
    /// Plus a bias over the columns, operand 2 ([n]).
    Bias,
    /// max(product + bias, 0).
    BiasRelu,
    /// Operand 2 ([m, n]) minus operand 3 (a scalar) times the product.
    Descend,
}

impl Epilogue {
    /// Its name in the kernel's entry point and the call's export; none for the plain product.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Epilogue::Plain => None,
            Epilogue::Bias => Some("bias"),
            Epilogue::BiasRelu => Some("bias_relu"),
            Epilogue::Descend => Some("descend"),
        }
    }

    /// The operands after the matmul's two, as the kernel's buffers for a product of [m, n]:
    /// name and elements, in the entry point's order.
    pub(crate) fn buffers(self, m: usize, n: usize) -> Vec<(&'static str, usize)> {
        match self {
            Epilogue::Plain => vec![],
            Epilogue::Bias | Epilogue::BiasRelu => vec![("x", n)],
            Epilogue::Descend => vec![("x", m * n), ("s", 1)],
        }
    }

    /// Element (i, j) of the result for the product's element `c`, given the operands after
    /// the matmul's two (`extra`), each step rounded by `round` as the ops it replaces round.
    pub(crate) fn apply(
        self,
        c: f64,
        (i, j): (usize, usize),
        extra: &[&ndarray::ArrayD<f64>],
        round: impl Fn(f64) -> f64,
    ) -> f64 {
        match self {
            Epilogue::Plain => c,
            Epilogue::Bias => round(c + extra[0][[j]]),
            // f64::max, as the reference's maximum.
            Epilogue::BiasRelu => round(c + extra[0][[j]]).max(0.0),
            Epilogue::Descend => {
                let step = round(extra[1][[]] * c);
                round(extra[0][[i, j]] - step)
            }
        }
    }
}

/// `f` with the elementwise ops after its kernel matmuls fused into them where an epilogue
/// computes them; `None` where there is nothing to fuse.
pub fn fuse(f: &Function) -> Option<Function> {
    let mut fusion = Fusion::new(f);
    let mut fused = false;
    for i in 0..f.nodes.len() {
        if let Op::KernelMatmul(ref dims, Epilogue::Plain) = f.nodes[i].op {
            fused |= fusion.fuse_after(i, dims);
        }
    }
    fused.then(|| fusion.finish())
}

struct Fusion<'a> {
    f: &'a Function,
    nodes: Vec<Node>,
    /// Each value's users, once per operand slot; a result counts as a use of its own.
    users: Vec<Vec<usize>>,
    /// The node whose value a fused-away node's value now is.
    alias: Vec<Option<usize>>,
}

/// A use by the function's results, in `Fusion::users`.
const RESULT: usize = usize::MAX;

impl<'a> Fusion<'a> {
    fn new(f: &'a Function) -> Self {
        let mut users = vec![vec![]; f.nodes.len()];
        for (i, node) in f.nodes.iter().enumerate() {
            for o in &node.operands {
                users[o.index()].push(i);
            }
        }
        for r in &f.results {
            users[r.index()].push(RESULT);
        }
        Fusion {
            f,
            nodes: f.nodes.clone(),
            users,
            alias: vec![None; f.nodes.len()],
        }
    }

    /// The one node using value `i`, if it has exactly one use.
    fn sole_user(&self, i: usize) -> Option<usize> {
        match self.users[i][..] {
            [u] if u != RESULT => Some(u),
            _ => None,
        }
    }

    /// The other operand of binary node `u`, one of whose operands is `i`.
    fn other(&self, u: usize, i: usize) -> Value {
        let ops = &self.nodes[u].operands;
        if ops[0].index() == i {
            ops[1]
        } else {
            ops[0]
        }
    }

    /// The value `v` broadcasts along `dims` (`BroadcastInDim(dims)`), if it is such a
    /// broadcast.
    fn broadcast_of(&self, v: Value, dims: &[usize]) -> Option<Value> {
        let node = &self.nodes[v.index()];
        matches!(node.op, Op::BroadcastInDim(ref d) if d == dims).then(|| node.operands[0])
    }

    fn is_zero(&self, v: Value) -> bool {
        matches!(self.nodes[v.index()].op, Op::Constant(c) if c == 0.0)
    }

    /// Fuses the op after kernel matmul `i` (a plain product of `dims`) where an epilogue
    /// computes it; whether it did.
    fn fuse_after(&mut self, i: usize, dims: &DotDims) -> bool {
        let Some(u) = self.sole_user(i) else {
            return false;
        };
        match self.nodes[u].op {
            Op::Binary(BinaryOp::Add) => {
                let Some(bias) = self.broadcast_of(self.other(u, i), &[1]) else {
                    return false;
                };
                match self.relu_of(u) {
                    Some(relu) => {
                        let fused = self.replace(i, relu, dims, Epilogue::BiasRelu, &[bias]);
                        for c in self.users[u].clone() {
                            if c != relu {
                                self.nodes[c].operands[0] = Value(fused as u32);
                            }
                        }
                    }
                    None => {
                        self.replace(i, u, dims, Epilogue::Bias, &[bias]);
                    }
                }
                true
            }
            Op::Binary(BinaryOp::Mul) => {
                let Some(rate) = self.broadcast_of(self.other(u, i), &[]) else {
                    return false;
                };
                let Some(t) = self.sole_user(u) else {
                    return false;
                };
                let step = &self.nodes[t];
                if step.op != Op::Binary(BinaryOp::Sub) || step.operands[1].index() != u {
                    return false;
                }
                let p = step.operands[0];
                self.replace(i, t, dims, Epilogue::Descend, &[p, rate]);
                true
            }
            _ => false,
        }
    }

    /// Replaces the chain from kernel matmul `i` to node `last` by the matmul with `epilogue`
    /// and the `extra` operands; returns the node that computes it. That is `i` where the extra
    /// operands are defined before it: the matmul keeps its place in the function, which IREE
    /// schedules in program order (a weight gradient fused with its step at the step's place,
    /// at the end of the function, ran after the whole backward pass, its operands long out of
    /// cache). Otherwise `last`.
    fn replace(
        &mut self,
        i: usize,
        last: usize,
        dims: &DotDims,
        epilogue: Epilogue,
        extra: &[Value],
    ) -> usize {
        let place = if extra.iter().all(|v| v.index() < i) {
            self.alias[last] = Some(i);
            i
        } else {
            last
        };
        let [a, b] = [0, 1].map(|k| self.nodes[i].operands[k]);
        self.nodes[place] = Node {
            op: Op::KernelMatmul(dims.clone(), epilogue),
            operands: [&[a, b], extra].concat(),
            ty: self.f.nodes[i].ty.clone(),
        };
        place
    }

    /// The ReLU of pre-activation `u`, `max(u, 0)`, where every other use of `u` is a
    /// comparison `u > 0` after it (which reads the ReLU's output instead).
    fn relu_of(&self, u: usize) -> Option<usize> {
        let is_relu = |&r: &usize| {
            r != RESULT
                && self.nodes[r].op == Op::Binary(BinaryOp::Max)
                && self.is_zero(self.other(r, u))
        };
        let relus: Vec<usize> = self.users[u].iter().copied().filter(is_relu).collect();
        let [relu] = relus[..] else {
            return None;
        };
        let compares_after = self.users[u].iter().all(|&c| {
            c == relu
                || (c != RESULT
                    && c > relu
                    && self.nodes[c].op == Op::Compare(CmpDir::Gt)
                    && self.nodes[c].operands[0].index() == u
                    && self.is_zero(self.nodes[c].operands[1]))
        });
        compares_after.then_some(relu)
    }

    /// The function with the fused nodes, uses of the nodes fused away reading the node that
    /// computes their value, without the nodes no result needs any more.
    fn finish(mut self) -> Function {
        let n = self.nodes.len();
        let alias = std::mem::take(&mut self.alias);
        let resolve = |v: Value| Value(alias[v.index()].unwrap_or(v.index()) as u32);
        let results: Vec<Value> = self.f.results.iter().map(|&r| resolve(r)).collect();
        for node in &mut self.nodes {
            for o in &mut node.operands {
                *o = resolve(*o);
            }
        }
        let mut live = vec![false; n];
        for r in &results {
            live[r.index()] = true;
        }
        for i in (0..n).rev() {
            if live[i] || matches!(self.nodes[i].op, Op::Arg(_)) {
                live[i] = true;
                for o in &self.nodes[i].operands {
                    live[o.index()] = true;
                }
            }
        }
        let mut renamed = vec![Value(u32::MAX); n];
        let mut nodes = Vec::with_capacity(n);
        for (i, mut node) in self.nodes.into_iter().enumerate() {
            if live[i] {
                for o in &mut node.operands {
                    *o = renamed[o.index()];
                }
                renamed[i] = Value(nodes.len() as u32);
                nodes.push(node);
            }
        }
        Function {
            nodes,
            results: results.iter().map(|r| renamed[r.index()]).collect(),
            ..self.f.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Graph, Lowering, MatmulRole, TensorType};
    use crate::reference::{self, Precision, Tensor};

    fn epilogues(f: &Function) -> Vec<Epilogue> {
        f.nodes
            .iter()
            .filter_map(|n| match n.op {
                Op::KernelMatmul(_, e) => Some(e),
                _ => None,
            })
            .collect()
    }

    fn data(len: usize, seed: usize) -> Vec<f32> {
        (0..len)
            .map(|i| ((i * 37 + seed * 11) % 23) as f32 * 0.13 - 1.4)
            .collect()
    }

    /// A dense layer with a ReLU, its pull-back's mask, and a plain SGD step of its weight by
    /// the weight gradient: the bias and ReLU, and the step, are fused, the mask reads the
    /// ReLU's output; the fused function computes what the built one does, to the bit in f64
    /// and in f32 arithmetic.
    #[test]
    fn a_dense_layer_and_its_step_fuse_and_compute_the_same() {
        let (m, k, n) = (5, 3, 32);
        let mut g = Graph::new("f", Lowering::AVX512);
        let x = g.arg("x", TensorType::f32(&[m, k]));
        let w = g.arg("w", TensorType::f32(&[k, n]));
        let bias = g.arg("bias", TensorType::f32(&[n]));
        let dy = g.arg("dy", TensorType::f32(&[m, n]));
        let lr = g.arg("lr", TensorType::f32(&[]));
        let product = g.matmul_as(MatmulRole::Dense, x, 1, w, 0);
        let b = g.broadcast_in_dim(bias, &[m, n], &[1]);
        let pre = g.add(product, b);
        let zero = g.full_like(0.0, pre);
        let y = g.max(pre, zero);
        let pos = g.compare(CmpDir::Gt, pre, zero);
        let dpre = g.select(pos, dy, zero);
        let grad = g.matmul_tn(x, dpre, 1);
        let lr_b = g.broadcast_in_dim(lr, &[k, n], &[]);
        let delta = g.mul(lr_b, grad);
        let w2 = g.sub(w, delta);
        let built = g.finish(vec![y, w2]);
        let fused = fuse(&built).expect("fusions");
        assert_eq!(
            epilogues(&fused),
            [Epilogue::BiasRelu, Epilogue::Descend],
            "{:#?}",
            fused.nodes
        );
        let compare = fused
            .nodes
            .iter()
            .find(|n| n.op == Op::Compare(CmpDir::Gt))
            .expect("the mask");
        assert!(matches!(
            fused.nodes[compare.operands[0].index()].op,
            Op::KernelMatmul(_, Epilogue::BiasRelu)
        ));
        let args = [
            Tensor::f32_data(&[m, k], &data(m * k, 1)),
            Tensor::f32_data(&[k, n], &data(k * n, 2)),
            Tensor::f32_data(&[n], &data(n, 3)),
            Tensor::f32_data(&[m, n], &data(m * n, 4)),
            Tensor::f32_data(&[], &[0.1]),
        ];
        for precision in [Precision::F64, Precision::F32] {
            let how = reference::Evaluation {
                precision,
                ..Default::default()
            };
            let want = reference::run_with(&built, &args, &how).results;
            let got = reference::run_with(&fused, &args, &how).results;
            for (w, g) in want.iter().zip(&got) {
                assert_eq!(w.float(), g.float(), "{precision:?}");
            }
        }
    }

    /// A product with a second use, a pre-activation the function returns, a bias broadcast
    /// along the rows and a step that adds are left as built.
    #[test]
    fn what_an_epilogue_does_not_compute_stays() {
        let (m, k, n) = (4, 3, 16);
        let build = |case: usize| {
            let mut g = Graph::new("f", Lowering::AVX512);
            let x = g.arg("x", TensorType::f32(&[m, k]));
            let w = g.arg("w", TensorType::f32(&[k, n]));
            let v = g.arg("v", TensorType::f32(&[m]));
            let p = g.arg("p", TensorType::f32(&[m, n]));
            let product = g.matmul_as(MatmulRole::Dense, x, 1, w, 0);
            let results = match case {
                0 => {
                    let b = g.broadcast_in_dim(v, &[m, n], &[0]);
                    vec![g.add(product, b)]
                }
                1 => {
                    let twice = g.add(product, product);
                    vec![twice]
                }
                2 => {
                    let s = g.scalar(0.5);
                    let s = g.broadcast_in_dim(s, &[m, n], &[]);
                    let scaled = g.mul(s, product);
                    vec![g.add(p, scaled)]
                }
                _ => vec![product],
            };
            g.finish(results)
        };
        for case in 0..4 {
            assert!(fuse(&build(case)).is_none(), "case {case}");
        }
        let mut g = Graph::new("f", Lowering::AVX512);
        let x = g.arg("x", TensorType::f32(&[m, k]));
        let w = g.arg("w", TensorType::f32(&[k, n]));
        let bias = g.arg("bias", TensorType::f32(&[n]));
        let product = g.matmul_as(MatmulRole::Dense, x, 1, w, 0);
        let b = g.broadcast_in_dim(bias, &[m, n], &[1]);
        let pre = g.add(product, b);
        let zero = g.full_like(0.0, pre);
        let y = g.max(pre, zero);
        let f = fuse(&g.finish(vec![y, pre])).expect("the bias");
        assert_eq!(epilogues(&f), [Epilogue::Bias]);
    }
}
