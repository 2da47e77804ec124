//! `y = join(b₁(x), …, bₖ(x))`, joined by sum (each branch gets dy) or by channel
//! concatenation (each branch gets its slice of dy); dx = Σᵢ dx_bᵢ.

use super::{Join, NodeSaved, ParamCursor};
use crate::ir::{Graph, Value};
use crate::layers::{Backward, Forward, Layer, Mode, Node};
use crate::params::ParamSpec;

pub(super) struct Parallel<'a> {
    pub branches: &'a [Node],
    pub join: Join,
}

pub(super) struct ParallelSaved {
    branches: Vec<NodeSaved>,
    /// Each branch's channel count, where they are concatenated.
    widths: Vec<usize>,
}

impl Layer for Parallel<'_> {
    type Saved = ParallelSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        let mut out = self.branches[0].output_shape(input);
        if self.join == Join::Concat {
            out[0] = self.branches.iter().map(|b| b.output_shape(input)[0]).sum();
        }
        out
    }

    fn params(&self) -> Vec<ParamSpec> {
        self.branches.iter().flat_map(|b| b.params()).collect()
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<ParallelSaved> {
        let mut c = ParamCursor::new(p);
        let (mut ys, mut saved, mut state, mut widths) = (vec![], vec![], vec![], vec![]);
        for b in self.branches {
            let f = b.forward(g, x, c.take(b), mode);
            ys.push(f.y);
            widths.push(g.shape(f.y)[1]);
            saved.push(f.saved);
            state.extend(f.state);
        }
        let y = match self.join {
            Join::Sum => ys[1..].iter().fold(ys[0], |acc, &v| g.add(acc, v)),
            Join::Concat => g.concatenate(&ys, 1),
        };
        Forward {
            y,
            saved: ParallelSaved {
                branches: saved,
                widths,
            },
            state,
        }
    }

    fn vjp(
        &self,
        g: &mut Graph,
        saved: &ParallelSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let mut c = ParamCursor::new(p);
        let mut grads = vec![];
        let mut dx: Option<Value> = None;
        let mut offset = 0;
        let dy_shape = g.shape(dy).to_vec();
        for ((b, s), &w) in self.branches.iter().zip(&saved.branches).zip(&saved.widths) {
            let d = match self.join {
                Join::Sum => dy,
                Join::Concat => {
                    let mut start = vec![0; dy_shape.len()];
                    let mut limit = dy_shape.clone();
                    start[1] = offset;
                    limit[1] = offset + w;
                    offset += w;
                    g.slice(dy, &start, &limit, &vec![1; dy_shape.len()])
                }
            };
            let gb = b.vjp(g, s, c.take(b), d, need_dx);
            grads.extend(gb.grads);
            dx = match (dx, gb.dx) {
                (Some(a), Some(v)) => Some(g.add(a, v)),
                (a, v) => a.or(v),
            };
        }
        Backward {
            dx: if need_dx { dx } else { None },
            grads,
        }
    }
}
