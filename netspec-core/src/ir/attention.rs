//! Multi-head scaled dot-product attention, one primitive: its shape rule, its VJP, and how each
//! target computes it. Over qkv [B, T, 3D], the thirds q, k, v with H heads of dₕ = D / H side
//! by side in each:
//!
//!   S = q kᵀ / √dₕ,  P = softmax_rows(S),  O = P v  (per example and head),  heads joined: [B, T, D]
//!
//! and for the outputs' gradient dO: dP = dO vᵀ, dS = P ⊙ (dP - Σ_j dP ⊙ P) / √dₕ, dq = dS k,
//! dk = dSᵀ q, dv = Pᵀ dO, as dqkv [B, T, 3D].
//!
//! - Where the lowering has netspec's attention kernel (`Lowering::kernel_attention`,
//!   `netspec-iree/kernels/attention.c`) and a head fits it: `Op::KernelAttention` and
//!   `Op::KernelAttentionGrad`, one workgroup per example and head, reading q, k, v where they
//!   lie in qkv; the gradient recomputes P.
//! - Otherwise the graph's own ops: each third reshaped to [B, T, H, dₕ], batched products over
//!   (example, head), the softmax written out, the heads transposed back; P is kept for the VJP.
//!
//! The reference evaluator computes the kernel's ops as the graph's ([`as_graph`]), so the
//! contracts check the kernel's wiring under every lowering and the IREE-versus-reference
//! checks the kernel itself.

use super::direct_conv::OUTPUT_BLOCK;
use super::graph::{Function, Graph, Node, Value};
use super::lowering::{Lowering, DISPATCH_STACK_BYTES};
use super::ops::{DotDims, Op};
use super::types::TensorType;

/// What the forward keeps for the VJP.
#[derive(Clone, Copy, Debug)]
pub enum AttentionSaved {
    /// The kernel's gradient recomputes everything from qkv.
    Kernel,
    /// The graph's: q, k, v as [B, T, H, dₕ] and P [B, H, T, T].
    Graph {
        q: Value,
        k: Value,
        v: Value,
        p: Value,
    },
}

/// [B, T, D] with D = 3·(what it is split into) for qkv.
fn split(qkv: &[usize], heads: usize) -> (usize, usize, usize) {
    let [b, t, d3] = <[usize; 3]>::try_from(qkv).expect("qkv is [B, T, 3D]");
    assert!(
        d3.is_multiple_of(3 * heads),
        "attention: qkv's width {d3} is not 3 x {heads} heads"
    );
    (b, t, d3 / 3)
}

/// Whether netspec's kernel computes attention over `t` tokens of heads `dh` wide under
/// `lowering`: a head as whole vectors of AVX-512 (16 floats), and its gradient's buffers (the
/// keys or values transposed, P and dS, the tokens padded to 16) within a dispatch's stack.
fn by_kernel(lowering: &Lowering, t: usize, dh: usize) -> bool {
    let padded = t.next_multiple_of(OUTPUT_BLOCK);
    lowering.kernel_attention
        && dh.is_multiple_of(OUTPUT_BLOCK)
        && (dh + 2 * t) * padded * 4 <= DISPATCH_STACK_BYTES
}

fn dims(lb: &[usize], rb: &[usize], lc: &[usize], rc: &[usize]) -> DotDims {
    DotDims {
        lhs_batch: lb.to_vec(),
        rhs_batch: rb.to_vec(),
        lhs_contract: lc.to_vec(),
        rhs_contract: rc.to_vec(),
    }
}

impl Graph {
    /// Attention of `heads` heads over qkv [B, T, 3D] -> [B, T, D], and what its VJP needs.
    pub fn attention(&mut self, qkv: Value, heads: usize) -> (Value, AttentionSaved) {
        let (b, t, d) = split(self.shape(qkv), heads);
        if by_kernel(&self.lowering, t, d / heads) {
            let ty = TensorType::f32(&[b, t, d]);
            let o = self.push(Op::KernelAttention { heads }, vec![qkv], ty);
            return (o, AttentionSaved::Kernel);
        }
        let (o, [q, k, v, p]) = graph_forward(self, qkv, heads);
        (o, AttentionSaved::Graph { q, k, v, p })
    }

    /// The VJP of [`Graph::attention`]: dqkv [B, T, 3D] for the outputs' gradient d_o [B, T, D].
    pub fn attention_vjp(
        &mut self,
        qkv: Value,
        saved: &AttentionSaved,
        d_o: Value,
        heads: usize,
    ) -> Value {
        match *saved {
            AttentionSaved::Kernel => {
                let ty = self.ty(qkv).clone();
                self.push(Op::KernelAttentionGrad { heads }, vec![qkv, d_o], ty)
            }
            AttentionSaved::Graph { q, k, v, p } => graph_vjp(self, [q, k, v, p], d_o, heads),
        }
    }
}

/// The forward in the graph's ops: O, and q, k, v as [B, T, H, dₕ] and P [B, H, T, T].
fn graph_forward(g: &mut Graph, qkv: Value, heads: usize) -> (Value, [Value; 4]) {
    let (b, t, d) = split(g.shape(qkv), heads);
    let dh = d / heads;
    let mut part = |i: usize| {
        let s = g.slice(qkv, &[0, 0, i * d], &[b, t, (i + 1) * d], &[1, 1, 1]);
        g.reshape(s, &[b, t, heads, dh])
    };
    let (q, k, v) = (part(0), part(1), part(2));
    // S[b, h, i, j] = Σ_e q[b, i, h, e] k[b, j, h, e] / √dₕ.
    let s = g.dot_general(q, k, dims(&[0, 2], &[0, 2], &[3], &[3]));
    let s = g.scale(s, 1.0 / (dh as f64).sqrt());
    let rows = [b, heads, t, t];
    // The row maximum is subtracted first; softmax does not depend on it.
    let m = g.reduce_max(s, &[3]);
    let mb = g.broadcast_in_dim(m, &rows, &[0, 1, 2]);
    let shifted = g.sub(s, mb);
    let e = g.exp(shifted);
    let sum = g.reduce_sum(e, &[3]);
    let sb = g.broadcast_in_dim(sum, &rows, &[0, 1, 2]);
    let p = g.div(e, sb);
    // O[b, h, i, e] = Σ_j P[b, h, i, j] v[b, j, h, e], joined to [B, T, D].
    let o = g.dot_general(p, v, dims(&[0, 1], &[0, 2], &[3], &[1]));
    let o = g.transpose(o, &[0, 2, 1, 3]);
    let o = g.reshape(o, &[b, t, d]);
    (o, [q, k, v, p])
}

/// The VJP in the graph's ops, from the forward's q, k, v and P.
fn graph_vjp(g: &mut Graph, [q, k, v, p]: [Value; 4], d_o: Value, heads: usize) -> Value {
    let [b, t, _, dh] = <[usize; 4]>::try_from(g.shape(q)).expect("q is [B, T, H, dₕ]");
    let d = heads * dh;
    // dO per head: [B, T, D] -> [B, H, T, dₕ].
    let d_o = g.reshape(d_o, &[b, t, heads, dh]);
    let d_o = g.transpose(d_o, &[0, 2, 1, 3]);
    // dP[b, h, i, j] = Σ_e dO[b, h, i, e] v[b, j, h, e].
    let dp = g.dot_general(d_o, v, dims(&[0, 1], &[0, 2], &[3], &[3]));
    // dv[b, h, j, e] = Σ_i P[b, h, i, j] dO[b, h, i, e].
    let dv = g.dot_general(p, d_o, dims(&[0, 1], &[0, 1], &[2], &[2]));
    // Softmax rows: dS = P ⊙ (dP - Σ_j dP ⊙ P), and the 1/√dₕ of the scores.
    let rows = [b, heads, t, t];
    let dpp = g.mul(dp, p);
    let r = g.reduce_sum(dpp, &[3]);
    let rb = g.broadcast_in_dim(r, &rows, &[0, 1, 2]);
    let centred = g.sub(dp, rb);
    let ds = g.mul(p, centred);
    let ds = g.scale(ds, 1.0 / (dh as f64).sqrt());
    // dq[b, h, i, e] = Σ_j dS[b, h, i, j] k[b, j, h, e]; dk[b, h, j, e] = Σ_i dS[b, h, i, j] q[b, i, h, e].
    let dq = g.dot_general(ds, k, dims(&[0, 1], &[0, 2], &[3], &[1]));
    let dk = g.dot_general(ds, q, dims(&[0, 1], &[0, 2], &[2], &[1]));
    let mut join = |v: Value| {
        let v = g.transpose(v, &[0, 2, 1, 3]);
        g.reshape(v, &[b, t, d])
    };
    let parts = [join(dq), join(dk), join(dv)];
    g.concatenate(&parts, 2)
}

/// What a kernel attention op of `f` (`node`) computes, as a function of the node's operands in
/// the graph's own ops: how the reference evaluator computes it.
pub(crate) fn as_graph(f: &Function, node: &Node) -> Function {
    let ty = |i: usize| f.nodes[node.operands[i].index()].ty.clone();
    let mut g = Graph::new("attention", Lowering::PORTABLE);
    let qkv = g.arg("qkv", ty(0));
    let out = match node.op {
        Op::KernelAttention { heads } => graph_forward(&mut g, qkv, heads).0,
        Op::KernelAttentionGrad { heads } => {
            let d_o = g.arg("d_o", ty(1));
            let kept = graph_forward(&mut g, qkv, heads).1;
            graph_vjp(&mut g, kept, d_o, heads)
        }
        ref op => panic!("attention::as_graph: {op:?} is not attention"),
    };
    g.finish(vec![out])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::{self, Tensor};

    fn attention_step(lowering: Lowering, [b, t, d]: [usize; 3], heads: usize) -> Function {
        let mut g = Graph::new("f", lowering);
        let qkv = g.arg("qkv", TensorType::f32(&[b, t, 3 * d]));
        let d_o = g.arg("d_o", TensorType::f32(&[b, t, d]));
        let (o, saved) = g.attention(qkv, heads);
        let dqkv = g.attention_vjp(qkv, &saved, d_o, heads);
        g.finish(vec![o, dqkv])
    }

    /// AVX2 and AVX-512 compute attention by netspec's kernel where a head is a multiple of 16
    /// wide and its buffers fit a dispatch's stack; PORTABLE and CUDA never. Either way the
    /// reference evaluates the same values.
    #[test]
    fn the_lowering_decides_which_attention_the_kernel_computes() {
        // (lowering, [B, T, D], heads, by the kernel)
        for (lowering, shape, heads, kernel) in [
            (Lowering::AVX512, [2, 5, 32], 2, true),
            (Lowering::AVX2, [1, 65, 192], 3, true),
            (Lowering::AVX512, [2, 5, 24], 2, false),
            (Lowering::AVX512, [1, 300, 64], 1, false),
            (Lowering::PORTABLE, [2, 5, 32], 2, false),
            (Lowering::CUDA, [2, 5, 32], 2, false),
        ] {
            let f = attention_step(lowering, shape, heads);
            let ops = |want: fn(&Op) -> bool| f.nodes.iter().filter(|n| want(&n.op)).count();
            let kernel_ops = ops(|op| {
                matches!(
                    op,
                    Op::KernelAttention { .. } | Op::KernelAttentionGrad { .. }
                )
            });
            assert_eq!(
                kernel_ops,
                if kernel { 2 } else { 0 },
                "{lowering:?} {shape:?}"
            );
            let text = crate::emit::module_text(&crate::ir::Module {
                name: "m".into(),
                functions: vec![f.clone()],
            });
            let object = crate::ir::kernel_call::ATTENTION_OBJECT;
            assert_eq!(text.contains(object), kernel, "{lowering:?} {shape:?}");
        }
    }

    /// The kernel's ops evaluate, in the reference, to the graph's formulation's values.
    #[test]
    fn the_kernel_ops_are_the_graphs_attention() {
        let (shape, heads) = ([2, 5, 32], 2);
        let [b, t, d] = shape;
        let qkv: Vec<f32> = (0..b * t * 3 * d)
            .map(|i| ((i * 37) % 23) as f32 * 0.1 - 1.1)
            .collect();
        let d_o: Vec<f32> = (0..b * t * d)
            .map(|i| ((i * 11) % 7) as f32 * 0.3 - 0.9)
            .collect();
        let inputs = [
            Tensor::f32_data(&[b, t, 3 * d], &qkv),
            Tensor::f32_data(&[b, t, d], &d_o),
        ];
        let run = |lowering| reference::run(&attention_step(lowering, shape, heads), &inputs);
        let (kernel, graph) = (run(Lowering::AVX512), run(Lowering::PORTABLE));
        for (x, y) in kernel.iter().zip(&graph) {
            assert_eq!(x.float(), y.float());
        }
    }
}
