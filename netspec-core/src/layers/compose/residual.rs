//! `y = body(x) + skip(x)`, the skip the identity, a projection, or nothing (see [`Skip`]); with
//! stochastic depth the body is scaled per example by its mask. dx = dx_body + dx_skip.

use super::{NodeSaved, ParamCursor, Skip};
use crate::ir::{Graph, Value};
use crate::layers::{dropout, Backward, DepthRule, Forward, Layer, Mode, Node};
use crate::params::ParamSpec;

pub(super) struct Residual<'a> {
    pub body: &'a Node,
    pub skip: &'a Skip,
    pub drop_path: Option<DepthRule>,
}

pub(super) struct ResidualSaved {
    body: NodeSaved,
    /// The projection's, when the skip is one.
    skip: Option<NodeSaved>,
    /// The stochastic-depth mask, when the body has one.
    mask: Option<Value>,
}

impl Layer for Residual<'_> {
    type Saved = ResidualSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        self.body.output_shape(input)
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut specs = self.body.params();
        if let Skip::Projection(p) = self.skip {
            specs.extend(p.params());
        }
        specs
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<ResidualSaved> {
        let mut c = ParamCursor::new(p);
        let fb = self.body.forward(g, x, c.take(self.body), mode);
        let mut state = fb.state;
        let (skip_y, skip_saved) = match self.skip {
            Skip::Identity => (Some(x), None),
            Skip::Absent => (None, None),
            Skip::Projection(n) => {
                let f = n.forward(g, x, c.take(n.as_ref()), mode);
                state.extend(f.state);
                (Some(f.y), Some(f.saved))
            }
        };
        let (branch, mask) = match (self.drop_path, skip_y) {
            (Some(rule), Some(_)) => dropout::drop_path(g, fb.y, mode, rule),
            (Some(_), None) => {
                g.depth_block();
                (fb.y, None)
            }
            (None, _) => (fb.y, None),
        };
        let y = match skip_y {
            Some(s) => g.add(branch, s),
            None => branch,
        };
        let saved = ResidualSaved {
            body: fb.saved,
            skip: skip_saved,
            mask,
        };
        Forward { y, saved, state }
    }

    fn vjp(
        &self,
        g: &mut Graph,
        saved: &ResidualSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let mut c = ParamCursor::new(p);
        let pb = c.take(self.body);
        let d_body = dropout::drop_path_vjp(g, dy, saved.mask);
        let gb = self.body.vjp(g, &saved.body, pb, d_body, need_dx);
        let mut grads = gb.grads;
        let dx_skip = match (self.skip, &saved.skip) {
            (Skip::Identity, _) => Some(dy),
            (Skip::Absent, _) => None,
            (Skip::Projection(n), Some(s)) => {
                let gs = n.vjp(g, s, c.take(n.as_ref()), dy, need_dx);
                grads.extend(gs.grads);
                gs.dx
            }
            (Skip::Projection(_), None) => unreachable!("a projection saves its forward"),
        };
        let dx = match (gb.dx, dx_skip) {
            _ if !need_dx => None,
            (Some(a), Some(b)) => Some(g.add(a, b)),
            (a, None) => a,
            (None, b) => b,
        };
        Backward { dx, grads }
    }
}
