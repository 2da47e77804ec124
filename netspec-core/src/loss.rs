//! Losses, each with its closed-form gradient with respect to the network's output.

use crate::ir::{CmpDir, DType, Graph, TensorType, Value};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Loss {
    /// Softmax cross-entropy against integer labels, averaged over the batch. With label
    /// smoothing ε the target is (1-ε)·onehot + ε/K, as in PyTorch's `label_smoothing`.
    CrossEntropy { label_smoothing: f64 },
    /// Mean over every element of (y - t)²; gradient 2/n (y - t).
    MeanSquaredError,
}

impl Loss {
    pub const fn cross_entropy() -> Self {
        Loss::CrossEntropy {
            label_smoothing: 0.0,
        }
    }

    /// The target a batch brings: i32 labels [B] or an f32 tensor shaped like the output.
    pub fn target_type(&self, batch: usize, output: &[usize]) -> TensorType {
        match self {
            Loss::CrossEntropy { .. } => TensorType::i32(&[batch]),
            Loss::MeanSquaredError => {
                let mut shape = vec![batch];
                shape.extend_from_slice(output);
                TensorType::f32(&shape)
            }
        }
    }

    /// The loss of each example, [B]; their mean is the training loss.
    pub fn per_example(&self, g: &mut Graph, y: Value, target: Value) -> Value {
        match self {
            Loss::CrossEntropy { label_smoothing } => {
                // Σ q·(-log p), with -log p = logsumexp - z formed directly: a negation fed
                // into a sum becomes a subtracting reduction in IREE, which its CUDA backend
                // cannot compile (no neutral element). Same bits either way.
                let (zs, lsb) = log_softmax_parts(g, y);
                let neg_logp = g.sub(lsb, zs);
                let q = smoothed_target(g, y, target, *label_smoothing);
                let terms = g.mul(q, neg_logp);
                g.reduce_sum(terms, &[1])
            }
            Loss::MeanSquaredError => {
                let d = g.sub(y, target);
                let d2 = g.mul(d, d);
                let dims: Vec<usize> = (1..g.ty(y).rank()).collect();
                let s = g.reduce_sum(d2, &dims);
                let per_example_elements: usize = g.shape(y)[1..].iter().product();
                g.scale(s, 1.0 / per_example_elements as f64)
            }
        }
    }

    /// The batch-mean loss and its gradient with respect to `y`.
    pub fn value_and_grad(&self, g: &mut Graph, y: Value, target: Value) -> (Value, Value) {
        let batch = g.shape(y)[0];
        let per = self.per_example(g, y, target);
        let sum = g.sum_all(per);
        let loss = g.scale(sum, 1.0 / batch as f64);
        let dy = match self {
            // d/dz of -Σ q log softmax(z) is softmax(z) - q (since Σ q = 1), over the batch mean.
            Loss::CrossEntropy { label_smoothing } => {
                let p = softmax(g, y);
                let q = smoothed_target(g, y, target, *label_smoothing);
                let d = g.sub(p, q);
                g.scale(d, 1.0 / batch as f64)
            }
            Loss::MeanSquaredError => {
                let n = g.ty(y).elements();
                let d = g.sub(y, target);
                g.scale(d, 2.0 / n as f64)
            }
        };
        (loss, dy)
    }

    /// 1.0 where the prediction is right, per example: the first maximal logit equals the
    /// label (or, for MSE, the target's first maximal entry).
    pub fn correct(&self, g: &mut Graph, y: Value, target: Value) -> Value {
        let pred = argmax(g, y);
        let truth = match self {
            Loss::CrossEntropy { .. } => g.convert(target, DType::F32),
            Loss::MeanSquaredError => argmax(g, target),
        };
        let eq = g.compare(CmpDir::Eq, pred, truth);
        let one = g.full_like(1.0, pred);
        let zero = g.full_like(0.0, pred);
        g.select(eq, one, zero)
    }
}

/// Index of the first maximum along dim 1 of a [B, K] value, as f32 [B] (ties: lowest index,
/// as `torch.argmax`).
fn argmax(g: &mut Graph, y: Value) -> Value {
    let shape = g.shape(y).to_vec();
    assert_eq!(shape.len(), 2, "argmax over [B, K], got {shape:?}");
    let m = g.reduce_max(y, &[1]);
    let mb = g.broadcast_in_dim(m, &shape, &[0]);
    let is_max = g.compare(CmpDir::Eq, y, mb);
    let iota = g.iota(1, TensorType::f32(&shape));
    let k = g.full_like(shape[1] as f64, iota);
    let idx = g.select(is_max, iota, k);
    g.reduce_min(idx, &[1])
}

/// Numerically stable log-softmax over dim 1.
pub fn log_softmax(g: &mut Graph, z: Value) -> Value {
    let (zs, lsb) = log_softmax_parts(g, z);
    g.sub(zs, lsb)
}

/// `z - max z` and `log Σ exp(z - max z)` broadcast back: log-softmax is their difference.
fn log_softmax_parts(g: &mut Graph, z: Value) -> (Value, Value) {
    let shape = g.shape(z).to_vec();
    let m = g.reduce_max(z, &[1]);
    let mb = g.broadcast_in_dim(m, &shape, &[0]);
    let zs = g.sub(z, mb);
    let e = g.exp(zs);
    let s = g.reduce_sum(e, &[1]);
    let ls = g.log(s);
    let lsb = g.broadcast_in_dim(ls, &shape, &[0]);
    (zs, lsb)
}

pub fn softmax(g: &mut Graph, z: Value) -> Value {
    let lp = log_softmax(g, z);
    g.exp(lp)
}

/// (1-ε)·onehot(labels) + ε/K as f32 [B, K].
fn smoothed_target(g: &mut Graph, y: Value, labels: Value, eps: f64) -> Value {
    let shape = g.shape(y).to_vec();
    let k = shape[1] as f64;
    let iota = g.iota(1, TensorType::i32(&shape));
    let lab = g.broadcast_in_dim(labels, &shape, &[0]);
    let eq = g.compare(CmpDir::Eq, iota, lab);
    let hi = g.constant(1.0 - eps + eps / k, TensorType::f32(&shape));
    let lo = g.constant(eps / k, TensorType::f32(&shape));
    g.select(eq, hi, lo)
}
