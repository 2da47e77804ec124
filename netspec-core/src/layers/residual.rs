//! `basic_block(planes, s = 1)`: ResNet's basic block, as torchvision's `BasicBlock`.
//!
//!   out = relu(bn2(conv2(relu(bn1(conv1(x))))) + skip(x))
//!
//! conv1 is 3x3 with stride s, conv2 3x3, both without bias. The skip is the identity when the
//! shapes agree, else a projection `downsample` (1x1 convolution with stride s, BatchNorm).
//! VJP: the gradient of the sum goes down both paths, and dx is the sum of the two.

use super::compose::{in_block, prefixed, ParamCursor};
use super::conv::Conv2d;
use super::{shape_str, Args, Backward, BatchNorm, Forward, Layer, Mode, SpecError};
use crate::ir::{CmpDir, Graph, Value};
use crate::params::ParamSpec;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BasicBlock {
    pub conv1: Conv2d,
    pub bn1: BatchNorm,
    pub conv2: Conv2d,
    pub bn2: BatchNorm,
    pub downsample: Option<(Conv2d, BatchNorm)>,
}

impl BasicBlock {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("basic_block", &["planes"], &["s", "downsample"])?;
        let planes = args.required_positive("basic_block", 0, "planes")?;
        let s = args.positive(None, "s")?.unwrap_or(1);
        let what = format!("basic_block({planes}, s = {s})");
        if input.len() != 3 {
            return Err(SpecError::layer(format!(
                "{what} needs an image input [channels, height, width], but this layer receives {}",
                shape_str(input)
            )));
        }
        let bn = |c| BatchNorm {
            channels: c,
            eps: 1e-5,
            momentum: 0.1,
        };
        let conv1 =
            Conv2d::new(input, planes, 3, s, 1, 1).map_err(|e| in_block(&what, "conv1", e))?;
        let mid = conv1.output_shape(input);
        let conv2 =
            Conv2d::new(&mid, planes, 3, 1, 1, 1).map_err(|e| in_block(&what, "conv2", e))?;
        let out = conv2.output_shape(&mid);
        let needs_projection = out != input;
        let downsample = match args.bool("downsample", needs_projection)? {
            true => Some((
                Conv2d::new(input, planes, 1, s, 0, 1)
                    .map_err(|e| in_block(&what, "downsample", e))?,
                bn(planes),
            )),
            false if needs_projection => {
                let at = args.find(None, "downsample").map(|(at, _)| at);
                let message = format!(
                    "the identity skip of {what} cannot be added to its output: input {} vs output {}; a projection is needed (drop `downsample = false`)",
                    shape_str(input),
                    shape_str(&out)
                );
                return Err(SpecError { at, message });
            }
            false => None,
        };
        Ok(BasicBlock {
            conv1,
            bn1: bn(planes),
            conv2,
            bn2: bn(planes),
            downsample,
        })
    }
}

pub struct BasicBlockSaved {
    conv1: Value,
    bn1: <BatchNorm as Layer>::Saved,
    relu1: Value,
    conv2: Value,
    bn2: <BatchNorm as Layer>::Saved,
    downsample: Option<(Value, <BatchNorm as Layer>::Saved)>,
    sum: Value,
}

fn relu_mask(g: &mut Graph, pre: Value, dy: Value) -> Value {
    let zero = g.full_like(0.0, pre);
    let pos = g.compare(CmpDir::Gt, pre, zero);
    g.select(pos, dy, zero)
}

impl Layer for BasicBlock {
    type Saved = BasicBlockSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        let mid = self.conv1.output_shape(input);
        self.conv2.output_shape(&mid)
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut p = prefixed("conv1", &self.conv1);
        p.extend(prefixed("bn1", &self.bn1));
        p.extend(prefixed("conv2", &self.conv2));
        p.extend(prefixed("bn2", &self.bn2));
        if let Some((conv, bn)) = &self.downsample {
            p.extend(prefixed("downsample.0", conv));
            p.extend(prefixed("downsample.1", bn));
        }
        p
    }

    fn forward(
        &self,
        g: &mut Graph,
        x: Value,
        p: &[Value],
        mode: Mode,
    ) -> Forward<BasicBlockSaved> {
        let mut c = ParamCursor::new(p);
        let f1 = self.conv1.forward(g, x, c.take(&self.conv1), mode);
        let b1 = self.bn1.forward(g, f1.y, c.take(&self.bn1), mode);
        let zero = g.full_like(0.0, b1.y);
        let r1 = g.max(b1.y, zero);
        let f2 = self.conv2.forward(g, r1, c.take(&self.conv2), mode);
        let b2 = self.bn2.forward(g, f2.y, c.take(&self.bn2), mode);
        let mut state = b1.state;
        state.extend(b2.state);
        let (skip, downsample) = match &self.downsample {
            Some((conv, bn)) => {
                let fd = conv.forward(g, x, c.take(conv), mode);
                let bd = bn.forward(g, fd.y, c.take(bn), mode);
                state.extend(bd.state);
                (bd.y, Some((fd.saved, bd.saved)))
            }
            None => (x, None),
        };
        let sum = g.add(b2.y, skip);
        let zero = g.full_like(0.0, sum);
        let y = g.max(sum, zero);
        let saved = BasicBlockSaved {
            conv1: f1.saved,
            bn1: b1.saved,
            relu1: b1.y,
            conv2: f2.saved,
            bn2: b2.saved,
            downsample,
            sum,
        };
        Forward { y, saved, state }
    }

    fn vjp(
        &self,
        g: &mut Graph,
        s: &BasicBlockSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let mut c = ParamCursor::new(p);
        let (p1, pb1, p2, pb2) = (
            c.take(&self.conv1),
            c.take(&self.bn1),
            c.take(&self.conv2),
            c.take(&self.bn2),
        );
        let dsum = relu_mask(g, s.sum, dy);
        // Main path, in reverse.
        let gb2 = self.bn2.vjp(g, &s.bn2, pb2, dsum, true);
        let gc2 = self.conv2.vjp(g, &s.conv2, p2, gb2.dx.unwrap(), true);
        let dr1 = relu_mask(g, s.relu1, gc2.dx.unwrap());
        let gb1 = self.bn1.vjp(g, &s.bn1, pb1, dr1, true);
        let gc1 = self.conv1.vjp(g, &s.conv1, p1, gb1.dx.unwrap(), need_dx);
        let mut grads = gc1.grads;
        grads.extend(gb1.grads);
        grads.extend(gc2.grads);
        grads.extend(gb2.grads);
        // Skip path: the same dsum.
        let dx_skip = match (&self.downsample, &s.downsample) {
            (Some((conv, bn)), Some((sc, sb))) => {
                let (pc, pb) = (c.take(conv), c.take(bn));
                let gbd = bn.vjp(g, sb, pb, dsum, true);
                let gcd = conv.vjp(g, sc, pc, gbd.dx.unwrap(), need_dx);
                grads.extend(gcd.grads);
                grads.extend(gbd.grads);
                gcd.dx
            }
            _ => Some(dsum),
        };
        let dx = match (gc1.dx, dx_skip) {
            (Some(a), Some(b)) if need_dx => Some(g.add(a, b)),
            _ => None,
        };
        Backward { dx, grads }
    }
}
