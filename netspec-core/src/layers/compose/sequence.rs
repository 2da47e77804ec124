//! `y = fₙ(…f₁(x))`. The VJP pulls dy back through the parts in reverse order (the chain rule);
//! a part's input gradient is formed only when an earlier part trains.

use super::{prefixed, trains, NodeSaved, ParamCursor, Part};
use crate::ir::{Graph, Value};
use crate::layers::{Backward, Forward, Layer, Mode};
use crate::params::ParamSpec;

pub(super) struct Sequence<'a>(pub &'a [Part]);

impl Layer for Sequence<'_> {
    /// Each part's, in order.
    type Saved = Vec<NodeSaved>;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        self.0
            .iter()
            .fold(input.to_vec(), |s, p| p.node.output_shape(&s))
    }

    fn params(&self) -> Vec<ParamSpec> {
        self.0
            .iter()
            .flat_map(|p| match &p.name {
                Some(name) => prefixed(name, &p.node),
                None => p.node.params(),
            })
            .collect()
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<Vec<NodeSaved>> {
        let mut c = ParamCursor::new(p);
        let (mut y, mut saved, mut state) = (x, vec![], vec![]);
        for part in self.0 {
            let f = part.node.forward(g, y, c.take(&part.node), mode);
            y = f.y;
            saved.push(f.saved);
            state.extend(f.state);
        }
        Forward { y, saved, state }
    }

    fn vjp(
        &self,
        g: &mut Graph,
        saved: &Vec<NodeSaved>,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let parts = self.0;
        let mut c = ParamCursor::new(p);
        let runs: Vec<&[Value]> = parts.iter().map(|part| c.take(&part.node)).collect();
        let first_trained = parts.iter().position(|q| trains(&q.node));
        let mut per_part = vec![];
        let mut d = Some(dy);
        for (i, part) in parts.iter().enumerate().rev() {
            let need = need_dx || first_trained.is_some_and(|f| f < i);
            let b = part
                .node
                .vjp(g, &saved[i], runs[i], d.expect("an input gradient"), need);
            per_part.push(b.grads);
            d = b.dx;
            if !need {
                break;
            }
        }
        Backward {
            dx: if need_dx { d } else { None },
            grads: per_part.into_iter().rev().flatten().collect(),
        }
    }
}
