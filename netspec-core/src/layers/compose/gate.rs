//! `y = x ⊙ body(x)`, the body's output broadcast over the axes where it has size 1
//! (squeeze-and-excitation's shape). The product rule: dx = dy ⊙ s + the body's VJP of
//! Σ_broadcast(dy ⊙ x).

use super::NodeSaved;
use crate::ir::{Graph, Value};
use crate::layers::{Backward, Forward, Layer, Mode, Node};
use crate::params::ParamSpec;

pub(super) struct Gate<'a>(pub &'a Node);

pub(super) struct GateSaved {
    x: Value,
    /// The body's own output (size 1 on the broadcast axes).
    gate: Value,
    /// The body's output broadcast to x's shape.
    scale: Value,
    body: NodeSaved,
}

/// Broadcasts `s` [B, ..] (size 1 on some axes) to `shape`, keeping its other axes.
fn broadcast_scale(g: &mut Graph, s: Value, shape: &[usize]) -> Value {
    let kept: Vec<usize> = (0..shape.len())
        .filter(|&d| g.shape(s)[d] == shape[d])
        .collect();
    let dims: Vec<usize> = kept.iter().map(|&d| shape[d]).collect();
    let squeezed = g.reshape(s, &dims);
    g.broadcast_in_dim(squeezed, shape, &kept)
}

impl Layer for Gate<'_> {
    type Saved = GateSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        self.0.params()
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<GateSaved> {
        let f = self.0.forward(g, x, p, mode);
        let shape = g.shape(x).to_vec();
        let scale = broadcast_scale(g, f.y, &shape);
        let y = g.mul(x, scale);
        let saved = GateSaved {
            x,
            gate: f.y,
            scale,
            body: f.saved,
        };
        Forward {
            y,
            saved,
            state: f.state,
        }
    }

    fn vjp(
        &self,
        g: &mut Graph,
        saved: &GateSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        // The product rule: through x directly, and through the scale. The scale's pull-back
        // keeps the product apart from its sum over the positions: fused, the two are a
        // contraction over a middle (NHWC) axis that IREE's CPU code generation takes seconds
        // to compile per gate; apart, the sum is a plain reduction.
        let dyx = g.mul(dy, saved.x);
        let dyx = g.barrier(dyx);
        let s_shape = g.shape(saved.gate).to_vec();
        let axes: Vec<usize> = (0..s_shape.len())
            .filter(|&d| s_shape[d] != g.shape(dy)[d])
            .collect();
        let ds = g.reduce_sum(dyx, &axes);
        let ds = g.reshape(ds, &s_shape);
        let gb = self.0.vjp(g, &saved.body, p, ds, need_dx);
        let dx = need_dx.then(|| {
            let direct = g.mul(dy, saved.scale);
            match gb.dx {
                Some(through) => g.add(direct, through),
                None => direct,
            }
        });
        Backward {
            dx,
            grads: gb.grads,
        }
    }
}
