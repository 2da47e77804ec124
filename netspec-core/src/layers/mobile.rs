//! MobileNetV2's and EfficientNet's blocks, as torchvision builds them, with torchvision's
//! parameter names and initialisers.
//!
//! - `conv_bn(out_channels, k = 3, s = 1, groups = 1, act = relu | relu6 | silu | none)`:
//!   torchvision's `Conv2dNormActivation`: a k×k convolution without bias, padding (k-1)/2,
//!   then BatchNorm, then the activation. Parameters `0.weight`, `1.weight`, `1.bias`,
//!   `1.running_mean`, ... In a group, `features: [conv_bn(32, k = 3, s = 2, act = relu6), ...; 1]`
//!   gives torchvision's `features.0.0.weight`.
//! - `inverted_residual(out_channels, t, s = 1)`: MobileNetV2's `InvertedResidual` with expand
//!   ratio t and hidden width in·t: (t ≠ 1 only) 1x1 expansion + BN + ReLU6, 3x3 depthwise
//!   convolution with stride s + BN + ReLU6, 1x1 projection + BN without activation; the input
//!   is added iff s = 1 and in = out. Names follow its `conv` Sequential: `conv.0.0.weight`,
//!   `conv.0.1.*` (expansion), `conv.1.*` (depthwise), `conv.2.weight`, `conv.3.*`
//!   (projection); for t = 1 the indices shift down by one.
//! - `mbconv(out_channels, t, k = 3, s = 1)`: EfficientNet's `MBConv`: (t ≠ 1 only) 1x1
//!   expansion + BN + SiLU, k×k depthwise convolution with stride s + BN + SiLU,
//!   squeeze-excitation, 1x1 projection + BN; the input is added iff s = 1 and in = out. Names
//!   `block.0.0.weight`, ..., `block.<i>.fc1.weight`, `block.<i>.fc1.bias`, `block.<i>.fc2.*`,
//!   then the projection's `block.<i+1>.0.weight`, `block.<i+1>.1.*`.
//! - `mbconv_stage(out_channels, t, k = 3, s = 1, n = 1)`: one of EfficientNet's stages, an
//!   `nn.Sequential` of n MBConvs: the first maps in -> out with stride s, the others out -> out
//!   with stride 1 (torchvision's rule). Names `0.block.*`, `1.block.*`, ...: a stage in a
//!   `features` group gives `features.2.1.block.0.0.weight`, as torchvision.
//!
//! Squeeze-excitation (torchvision's `SqueezeExcitation`, with squeeze width max(1, in/4) of
//! the block's *input* channels): m = mean over height and width, s = sigmoid(fc2(silu(fc1(m))))
//! with fc1 and fc2 1x1 convolutions with bias (computed as matrix products, the spatial size
//! being 1), y = x·s per channel.
//!
//! VJPs compose the sublayers' VJPs in reverse order. A skip adds dy to the main path's dx.
//! Squeeze-excitation's dx has two terms that add: dy·s (the direct path) and the gradient
//! through the scale, Σ_hw(dy·x)·s(1-s) pulled back through fc2, silu and fc1 to m and spread
//! evenly over height and width.
//!
//! Initialisers are those torchvision's MobileNetV2 and EfficientNet apply to these modules:
//! convolution weights N(0, 2/fan_out) with fan_out = out_channels·kh·kw (Kaiming normal,
//! `mode = "fan_out"`), convolution biases 0, BatchNorm weight 1 and bias 0.
//!
//! EfficientNet's stochastic depth drops a residual MBConv's branch per example in training
//! (`dropout::drop_path`): every MBConv counts as a depth block, and block i of n drops with
//! rate · i / n, as torchvision does; the rate is a training option (torchvision: 0.2).
//! MobileNetV2's inverted residuals have none. Hidden widths are in·t; torchvision's
//! EfficientNet rounds in·t to a multiple of 8, which changes nothing when in is a multiple of 8,
//! as every channel count in its EfficientNets is.

use super::compose::{in_block, ParamCursor};
use super::conv::Conv2d;
use super::dropout;
use super::{
    shape_str, ArgValue, Args, Backward, BatchNorm, Forward, Layer, Mode, Relu, Relu6, Silu,
    SpecError,
};
use crate::ir::{Graph, UnaryOp, Value};
use crate::noise::DepthRule;
use crate::params::{Init, ParamSpec};

/// The activation after a `conv_bn`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ConvAct {
    Relu,
    Relu6,
    Silu,
}

/// Prints the path, so the macro can write a layer holding one back out as Rust.
impl std::fmt::Debug for ConvAct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ConvAct::Relu => "ConvAct::Relu",
            ConvAct::Relu6 => "ConvAct::Relu6",
            ConvAct::Silu => "ConvAct::Silu",
        })
    }
}

/// What an activation keeps for its VJP.
pub enum ActSaved {
    Relu(Value),
    Relu6(Value),
    Silu((Value, Value)),
}

impl ConvAct {
    fn forward(self, g: &mut Graph, x: Value, mode: Mode) -> (Value, ActSaved) {
        match self {
            ConvAct::Relu => {
                let f = Relu.forward(g, x, &[], mode);
                (f.y, ActSaved::Relu(f.saved))
            }
            ConvAct::Relu6 => {
                let f = Relu6.forward(g, x, &[], mode);
                (f.y, ActSaved::Relu6(f.saved))
            }
            ConvAct::Silu => {
                let f = Silu.forward(g, x, &[], mode);
                (f.y, ActSaved::Silu(f.saved))
            }
        }
    }

    fn vjp(self, g: &mut Graph, saved: &ActSaved, dy: Value) -> Value {
        let b = match saved {
            ActSaved::Relu(s) => Relu.vjp(g, s, &[], dy, true),
            ActSaved::Relu6(s) => Relu6.vjp(g, s, &[], dy, true),
            ActSaved::Silu(s) => Silu.vjp(g, s, &[], dy, true),
        };
        b.dx.expect("activation dx")
    }
}

/// torchvision's initialisers for a convolution's parameters: Kaiming normal with
/// mode = "fan_out" for the weight, zeros for the bias.
fn conv_params(conv: &Conv2d) -> Vec<ParamSpec> {
    conv.params()
        .into_iter()
        .map(|mut p| {
            p.init = match p.name.as_str() {
                "weight" => {
                    let fan_out = p.shape[0] * p.shape[2] * p.shape[3];
                    Init::Normal {
                        std: (2.0 / fan_out as f64).sqrt(),
                    }
                }
                _ => Init::Zeros,
            };
            p
        })
        .collect()
}

fn under(prefix: &str, specs: Vec<ParamSpec>) -> Vec<ParamSpec> {
    specs.into_iter().map(|p| p.prefixed(prefix)).collect()
}

/// torchvision's default BatchNorm2d: eps 1e-5, momentum 0.1 (MobileNetV2 and EfficientNet-B0
/// to B4 use it).
fn bn(channels: usize) -> BatchNorm {
    BatchNorm {
        channels,
        eps: 1e-5,
        momentum: 0.1,
    }
}

fn image_input(what: &str, input: &[usize]) -> Result<(), SpecError> {
    match input {
        [_, _, _] => Ok(()),
        _ => Err(SpecError::layer(format!(
            "{what} needs an image input [channels, height, width], but this layer receives {}",
            shape_str(input)
        ))),
    }
}

/// Stride 1 or 2, as torchvision's blocks accept.
fn stride(args: &Args, layer: &str) -> Result<usize, SpecError> {
    let s = args.positive(None, "s")?.unwrap_or(1);
    if s > 2 {
        let at = args.find(None, "s").map(|(at, _)| at);
        return Err(SpecError {
            at,
            message: format!("{layer} takes a stride of 1 or 2, found {s}"),
        });
    }
    Ok(s)
}

fn expand_ratio(args: &Args, layer: &str) -> Result<usize, SpecError> {
    args.positive(None, "t")?.ok_or_else(|| {
        SpecError::layer(format!(
            "`{layer}` needs its expansion ratio, e.g. `{layer}(24, t = 6)`"
        ))
    })
}

// ---- conv_bn ------------------------------------------------------------------------------

/// `conv_bn`: convolution (no bias) + BatchNorm + optional activation, torchvision's
/// `Conv2dNormActivation`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ConvBn {
    pub conv: Conv2d,
    pub bn: BatchNorm,
    pub act: Option<ConvAct>,
}

pub struct ConvBnSaved {
    conv: Value,
    bn: <BatchNorm as Layer>::Saved,
    act: Option<ActSaved>,
}

impl ConvBn {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("conv_bn", &["out_channels"], &["k", "s", "groups", "act"])?;
        let out = args.required_positive("conv_bn", 0, "out_channels")?;
        let k = args.positive(None, "k")?.unwrap_or(3);
        let s = args.positive(None, "s")?.unwrap_or(1);
        let groups = args.positive(None, "groups")?.unwrap_or(1);
        let act = match args.find(None, "act") {
            None => Some(ConvAct::Relu),
            Some((_, ArgValue::Ident(a))) if a == "relu" => Some(ConvAct::Relu),
            Some((_, ArgValue::Ident(a))) if a == "relu6" => Some(ConvAct::Relu6),
            Some((_, ArgValue::Ident(a))) if a == "silu" => Some(ConvAct::Silu),
            Some((_, ArgValue::Ident(a))) if a == "none" => None,
            Some((at, _)) => {
                return Err(SpecError {
                    at: Some(at),
                    message: "`act` is one of `relu`, `relu6`, `silu` or `none`".into(),
                })
            }
        };
        let what = format!("conv_bn({out}, k = {k})");
        image_input(&what, input)?;
        if !input[0].is_multiple_of(groups) || !out.is_multiple_of(groups) {
            let at = args.find(None, "groups").map(|(at, _)| at);
            let message = format!(
                "conv_bn with {groups} groups needs input and output channels divisible by {groups}, but this layer maps {} channels (input {}) to {out}",
                input[0],
                shape_str(input)
            );
            return Err(SpecError { at, message });
        }
        ConvBn::new(input, out, k, s, groups, act)
    }

    /// Padding (k-1)/2, as torchvision's `Conv2dNormActivation`.
    pub fn new(
        input: &[usize],
        out: usize,
        k: usize,
        s: usize,
        groups: usize,
        act: Option<ConvAct>,
    ) -> Result<Self, SpecError> {
        Ok(ConvBn {
            conv: Conv2d::new(input, out, k, s, (k - 1) / 2, groups)?,
            bn: bn(out),
            act,
        })
    }
}

impl Layer for ConvBn {
    type Saved = ConvBnSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        self.conv.output_shape(input)
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut p = under("0", conv_params(&self.conv));
        p.extend(under("1", self.bn.params()));
        p
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<ConvBnSaved> {
        let mut c = ParamCursor::new(p);
        let fc = self.conv.forward(g, x, c.take(&self.conv), mode);
        let fb = self.bn.forward(g, fc.y, c.take(&self.bn), mode);
        let (y, act) = match self.act {
            Some(a) => {
                let (y, s) = a.forward(g, fb.y, mode);
                (y, Some(s))
            }
            None => (fb.y, None),
        };
        Forward {
            y,
            saved: ConvBnSaved {
                conv: fc.saved,
                bn: fb.saved,
                act,
            },
            state: fb.state,
        }
    }

    fn vjp(
        &self,
        g: &mut Graph,
        s: &ConvBnSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let mut c = ParamCursor::new(p);
        let (pc, pb) = (c.take(&self.conv), c.take(&self.bn));
        let d = match (self.act, &s.act) {
            (Some(a), Some(saved)) => a.vjp(g, saved, dy),
            _ => dy,
        };
        let gb = self.bn.vjp(g, &s.bn, pb, d, true);
        let gc = self.conv.vjp(g, &s.conv, pc, gb.dx.unwrap(), need_dx);
        let mut grads = gc.grads;
        grads.extend(gb.grads);
        Backward { dx: gc.dx, grads }
    }
}

// ---- inverted_residual --------------------------------------------------------------------

/// MobileNetV2's inverted residual block (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InvertedResidual {
    pub expand: Option<ConvBn>,
    pub depthwise: ConvBn,
    pub project: Conv2d,
    pub bn: BatchNorm,
    pub residual: bool,
}

pub struct InvertedResidualSaved {
    expand: Option<ConvBnSaved>,
    depthwise: ConvBnSaved,
    project: Value,
    bn: <BatchNorm as Layer>::Saved,
}

impl InvertedResidual {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("inverted_residual", &["out_channels"], &["t", "s"])?;
        let out = args.required_positive("inverted_residual", 0, "out_channels")?;
        let t = expand_ratio(args, "inverted_residual")?;
        let s = stride(args, "inverted_residual")?;
        let what = format!("inverted_residual({out}, t = {t}, s = {s})");
        image_input(&what, input)?;
        let hidden = input[0] * t;
        let expand = match t {
            1 => None,
            _ => Some(
                ConvBn::new(input, hidden, 1, 1, 1, Some(ConvAct::Relu6))
                    .map_err(|e| in_block(&what, "expansion", e))?,
            ),
        };
        let mid = match &expand {
            Some(e) => e.output_shape(input),
            None => input.to_vec(),
        };
        let depthwise = ConvBn::new(&mid, hidden, 3, s, hidden, Some(ConvAct::Relu6))
            .map_err(|e| in_block(&what, "depthwise convolution", e))?;
        let dw = depthwise.output_shape(&mid);
        let project =
            Conv2d::new(&dw, out, 1, 1, 0, 1).map_err(|e| in_block(&what, "projection", e))?;
        Ok(InvertedResidual {
            expand,
            depthwise,
            project,
            bn: bn(out),
            residual: s == 1 && input[0] == out,
        })
    }
}

impl Layer for InvertedResidual {
    type Saved = InvertedResidualSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        let mid = match &self.expand {
            Some(e) => e.output_shape(input),
            None => input.to_vec(),
        };
        let dw = self.depthwise.output_shape(&mid);
        self.project.output_shape(&dw)
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut p = vec![];
        let mut i = 0;
        if let Some(e) = &self.expand {
            p.extend(under("conv.0", e.params()));
            i = 1;
        }
        p.extend(under(&format!("conv.{i}"), self.depthwise.params()));
        p.extend(under(
            &format!("conv.{}", i + 1),
            conv_params(&self.project),
        ));
        p.extend(under(&format!("conv.{}", i + 2), self.bn.params()));
        p
    }

    fn forward(
        &self,
        g: &mut Graph,
        x: Value,
        p: &[Value],
        mode: Mode,
    ) -> Forward<InvertedResidualSaved> {
        let mut c = ParamCursor::new(p);
        let mut state = vec![];
        let (h, expand) = match &self.expand {
            Some(e) => {
                let f = e.forward(g, x, c.take(e), mode);
                state.extend(f.state);
                (f.y, Some(f.saved))
            }
            None => (x, None),
        };
        let fd = self.depthwise.forward(g, h, c.take(&self.depthwise), mode);
        state.extend(fd.state);
        let fp = self.project.forward(g, fd.y, c.take(&self.project), mode);
        let fb = self.bn.forward(g, fp.y, c.take(&self.bn), mode);
        state.extend(fb.state);
        let y = if self.residual { g.add(fb.y, x) } else { fb.y };
        let saved = InvertedResidualSaved {
            expand,
            depthwise: fd.saved,
            project: fp.saved,
            bn: fb.saved,
        };
        Forward { y, saved, state }
    }

    fn vjp(
        &self,
        g: &mut Graph,
        s: &InvertedResidualSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let mut c = ParamCursor::new(p);
        let pe = self.expand.as_ref().map(|e| c.take(e));
        let (pd, pp, pb) = (
            c.take(&self.depthwise),
            c.take(&self.project),
            c.take(&self.bn),
        );
        let gb = self.bn.vjp(g, &s.bn, pb, dy, true);
        let gp = self.project.vjp(g, &s.project, pp, gb.dx.unwrap(), true);
        let gd = self.depthwise.vjp(
            g,
            &s.depthwise,
            pd,
            gp.dx.unwrap(),
            need_dx || self.expand.is_some(),
        );
        let mut grads = vec![];
        let main_dx = match (&self.expand, &s.expand, pe) {
            (Some(e), Some(se), Some(pe)) => {
                let ge = e.vjp(g, se, pe, gd.dx.unwrap(), need_dx);
                grads.extend(ge.grads);
                ge.dx
            }
            _ => gd.dx,
        };
        grads.extend(gd.grads);
        grads.extend(gp.grads);
        grads.extend(gb.grads);
        let dx = match main_dx {
            Some(d) if need_dx && self.residual => Some(g.add(d, dy)),
            Some(d) if need_dx => Some(d),
            _ => None,
        };
        Backward { dx, grads }
    }
}

// ---- squeeze-excitation -------------------------------------------------------------------

/// torchvision's `SqueezeExcitation(channels, squeeze)` with SiLU inside and a sigmoid scale.
/// Parameters `fc1.weight` [squeeze, channels, 1, 1], `fc1.bias`, `fc2.weight`
/// [channels, squeeze, 1, 1], `fc2.bias`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SqueezeExcitation {
    pub channels: usize,
    pub squeeze: usize,
}

pub struct SqueezeExcitationSaved {
    x: Value,
    /// The spatial mean [B, C].
    mean: Value,
    /// silu(fc1(mean)) [B, squeeze] and what silu keeps.
    hidden: Value,
    silu: (Value, Value),
    /// The scale sigmoid(fc2(hidden)) [B, C].
    scale: Value,
}

impl SqueezeExcitation {
    /// A 1x1 convolution of a [B, C, 1, 1] value as a product: [B, in] · [out, in]ᵀ + b.
    fn fc(g: &mut Graph, x: Value, w: Value, b: Value) -> Value {
        let ws = g.shape(w).to_vec();
        let w = g.reshape(w, &ws[..2]);
        let y = g.matmul(x, 1, w, 1);
        let shape = g.shape(y).to_vec();
        let bb = g.broadcast_in_dim(b, &shape, &[1]);
        g.add(y, bb)
    }
}

impl Layer for SqueezeExcitation {
    type Saved = SqueezeExcitationSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        let (c, q) = (self.channels, self.squeeze);
        let fc1 = Conv2d::new(&[c, 1, 1], q, 1, 1, 0, 1).expect("1x1 convolution");
        let fc2 = Conv2d::new(&[q, 1, 1], c, 1, 1, 0, 1).expect("1x1 convolution");
        let mut p = under("fc1", conv_params(&Conv2d { bias: true, ..fc1 }));
        p.extend(under("fc2", conv_params(&Conv2d { bias: true, ..fc2 })));
        p
    }

    fn forward(
        &self,
        g: &mut Graph,
        x: Value,
        p: &[Value],
        mode: Mode,
    ) -> Forward<SqueezeExcitationSaved> {
        let shape = g.shape(x).to_vec();
        let sum = g.reduce_sum(x, &[2, 3]);
        let mean = g.scale(sum, 1.0 / (shape[2] * shape[3]) as f64);
        let z1 = Self::fc(g, mean, p[0], p[1]);
        let f1 = Silu.forward(g, z1, &[], mode);
        let z2 = Self::fc(g, f1.y, p[2], p[3]);
        let scale = g.unary(UnaryOp::Logistic, z2);
        let sb = g.broadcast_in_dim(scale, &shape, &[0, 1]);
        let y = g.mul(x, sb);
        Forward::new(
            y,
            SqueezeExcitationSaved {
                x,
                mean,
                hidden: f1.y,
                silu: f1.saved,
                scale,
            },
        )
    }

    fn vjp(
        &self,
        g: &mut Graph,
        s: &SqueezeExcitationSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let shape = g.shape(dy).to_vec();
        let (c, q) = (self.channels, self.squeeze);
        let w1 = g.reshape(p[0], &[q, c]);
        let w2 = g.reshape(p[2], &[c, q]);
        // Through the scale: ds = Σ_hw dy·x, then sigmoid, fc2, silu, fc1.
        let dyx = g.mul(dy, s.x);
        let ds = g.reduce_sum(dyx, &[2, 3]);
        let one = g.full_like(1.0, s.scale);
        let rest = g.sub(one, s.scale);
        let dsig = g.mul(s.scale, rest);
        let dz2 = g.mul(ds, dsig);
        let dw2 = g.matmul(dz2, 0, s.hidden, 0);
        let db2 = g.reduce_sum(dz2, &[0]);
        let dh = g.matmul(dz2, 1, w2, 0);
        let dz1 = Silu.vjp(g, &s.silu, &[], dh, true).dx.unwrap();
        let dw1 = g.matmul(dz1, 0, s.mean, 0);
        let db1 = g.reduce_sum(dz1, &[0]);
        let dx = need_dx.then(|| {
            let sb = g.broadcast_in_dim(s.scale, &shape, &[0, 1]);
            let direct = g.mul(dy, sb);
            let dm = g.matmul(dz1, 1, w1, 0);
            let dm = g.scale(dm, 1.0 / (shape[2] * shape[3]) as f64);
            let spread = g.broadcast_in_dim(dm, &shape, &[0, 1]);
            g.add(direct, spread)
        });
        let grads = vec![
            g.reshape(dw1, &[q, c, 1, 1]),
            db1,
            g.reshape(dw2, &[c, q, 1, 1]),
            db2,
        ];
        Backward { dx, grads }
    }
}

// ---- mbconv -------------------------------------------------------------------------------

/// EfficientNet's MBConv block (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MbConv {
    pub expand: Option<ConvBn>,
    pub depthwise: ConvBn,
    pub se: SqueezeExcitation,
    pub project: ConvBn,
    pub residual: bool,
}

pub struct MbConvSaved {
    expand: Option<ConvBnSaved>,
    depthwise: ConvBnSaved,
    se: SqueezeExcitationSaved,
    project: ConvBnSaved,
    drop_path: Option<Value>,
}

impl MbConv {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("mbconv", &["out_channels"], &["t", "k", "s"])?;
        let out = args.required_positive("mbconv", 0, "out_channels")?;
        let t = expand_ratio(args, "mbconv")?;
        let k = args.positive(None, "k")?.unwrap_or(3);
        let s = stride(args, "mbconv")?;
        MbConv::new(input, out, t, k, s)
    }

    /// The block mapping `input` to `out` channels with expansion t, kernel k and stride s.
    pub fn new(
        input: &[usize],
        out: usize,
        t: usize,
        k: usize,
        s: usize,
    ) -> Result<Self, SpecError> {
        let what = format!("mbconv({out}, t = {t}, k = {k}, s = {s})");
        image_input(&what, input)?;
        let hidden = input[0] * t;
        let expand = match t {
            1 => None,
            _ => Some(
                ConvBn::new(input, hidden, 1, 1, 1, Some(ConvAct::Silu))
                    .map_err(|e| in_block(&what, "expansion", e))?,
            ),
        };
        let mid = match &expand {
            Some(e) => e.output_shape(input),
            None => input.to_vec(),
        };
        let depthwise = ConvBn::new(&mid, hidden, k, s, hidden, Some(ConvAct::Silu))
            .map_err(|e| in_block(&what, "depthwise convolution", e))?;
        let dw = depthwise.output_shape(&mid);
        let project =
            ConvBn::new(&dw, out, 1, 1, 1, None).map_err(|e| in_block(&what, "projection", e))?;
        Ok(MbConv {
            expand,
            depthwise,
            se: SqueezeExcitation {
                channels: hidden,
                squeeze: (input[0] / 4).max(1),
            },
            project,
            residual: s == 1 && input[0] == out,
        })
    }
}

impl Layer for MbConv {
    type Saved = MbConvSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        let mid = match &self.expand {
            Some(e) => e.output_shape(input),
            None => input.to_vec(),
        };
        let dw = self.depthwise.output_shape(&mid);
        self.project.output_shape(&dw)
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut p = vec![];
        let mut i = 0;
        if let Some(e) = &self.expand {
            p.extend(under("block.0", e.params()));
            i = 1;
        }
        p.extend(under(&format!("block.{i}"), self.depthwise.params()));
        p.extend(under(&format!("block.{}", i + 1), self.se.params()));
        p.extend(under(&format!("block.{}", i + 2), self.project.params()));
        p
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<MbConvSaved> {
        let mut c = ParamCursor::new(p);
        let mut state = vec![];
        let (h, expand) = match &self.expand {
            Some(e) => {
                let f = e.forward(g, x, c.take(e), mode);
                state.extend(f.state);
                (f.y, Some(f.saved))
            }
            None => (x, None),
        };
        let fd = self.depthwise.forward(g, h, c.take(&self.depthwise), mode);
        state.extend(fd.state);
        let fs = self.se.forward(g, fd.y, c.take(&self.se), mode);
        let fp = self.project.forward(g, fs.y, c.take(&self.project), mode);
        state.extend(fp.state);
        // Every block counts for the depth rule; only residual ones can drop their branch.
        let (y, drop_path) = if self.residual {
            let (branch, mask) = dropout::drop_path(g, fp.y, mode, DepthRule::OverBlocks);
            (g.add(branch, x), mask)
        } else {
            g.depth_block();
            (fp.y, None)
        };
        let saved = MbConvSaved {
            expand,
            depthwise: fd.saved,
            se: fs.saved,
            project: fp.saved,
            drop_path,
        };
        Forward { y, saved, state }
    }

    fn vjp(
        &self,
        g: &mut Graph,
        s: &MbConvSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let mut c = ParamCursor::new(p);
        let pe = self.expand.as_ref().map(|e| c.take(e));
        let (pd, ps, pp) = (
            c.take(&self.depthwise),
            c.take(&self.se),
            c.take(&self.project),
        );
        let d_branch = dropout::drop_path_vjp(g, dy, s.drop_path);
        let gp = self.project.vjp(g, &s.project, pp, d_branch, true);
        let gs = self.se.vjp(g, &s.se, ps, gp.dx.unwrap(), true);
        let gd = self.depthwise.vjp(
            g,
            &s.depthwise,
            pd,
            gs.dx.unwrap(),
            need_dx || self.expand.is_some(),
        );
        let mut grads = vec![];
        let main_dx = match (&self.expand, &s.expand, pe) {
            (Some(e), Some(se), Some(pe)) => {
                let ge = e.vjp(g, se, pe, gd.dx.unwrap(), need_dx);
                grads.extend(ge.grads);
                ge.dx
            }
            _ => gd.dx,
        };
        grads.extend(gd.grads);
        grads.extend(gs.grads);
        grads.extend(gp.grads);
        let dx = match main_dx {
            Some(d) if need_dx && self.residual => Some(g.add(d, dy)),
            Some(d) if need_dx => Some(d),
            _ => None,
        };
        Backward { dx, grads }
    }
}

// ---- mbconv_stage -------------------------------------------------------------------------

/// One EfficientNet stage: `first`, then `repeats` copies of `rest` (out -> out, stride 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MbConvStage {
    pub first: MbConv,
    pub rest: Option<MbConv>,
    pub repeats: usize,
}

impl MbConvStage {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("mbconv_stage", &["out_channels"], &["t", "k", "s", "n"])?;
        let out = args.required_positive("mbconv_stage", 0, "out_channels")?;
        let t = expand_ratio(args, "mbconv_stage")?;
        let k = args.positive(None, "k")?.unwrap_or(3);
        let s = stride(args, "mbconv_stage")?;
        let n = args.positive(None, "n")?.unwrap_or(1);
        let first = MbConv::new(input, out, t, k, s)?;
        let rest = match n {
            1 => None,
            _ => Some(MbConv::new(&first.output_shape(input), out, t, k, 1)?),
        };
        Ok(MbConvStage {
            first,
            rest,
            repeats: n - 1,
        })
    }

    fn blocks(&self) -> impl Iterator<Item = &MbConv> {
        std::iter::once(&self.first).chain(self.rest.iter().cycle().take(self.repeats))
    }
}

impl Layer for MbConvStage {
    type Saved = Vec<MbConvSaved>;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        let mut shape = input.to_vec();
        for b in self.blocks() {
            shape = b.output_shape(&shape);
        }
        shape
    }

    fn params(&self) -> Vec<ParamSpec> {
        self.blocks()
            .enumerate()
            .flat_map(|(j, b)| under(&j.to_string(), b.params()))
            .collect()
    }

    fn forward(
        &self,
        g: &mut Graph,
        x: Value,
        p: &[Value],
        mode: Mode,
    ) -> Forward<Vec<MbConvSaved>> {
        let mut c = ParamCursor::new(p);
        let (mut y, mut saved, mut state) = (x, vec![], vec![]);
        for b in self.blocks() {
            let f = b.forward(g, y, c.take(b), mode);
            y = f.y;
            saved.push(f.saved);
            state.extend(f.state);
        }
        Forward { y, saved, state }
    }

    fn vjp(
        &self,
        g: &mut Graph,
        saved: &Vec<MbConvSaved>,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let mut c = ParamCursor::new(p);
        let blocks: Vec<(&MbConv, &[Value])> = self.blocks().map(|b| (b, c.take(b))).collect();
        let mut per_block = vec![];
        let mut d = Some(dy);
        for (j, ((b, pb), s)) in blocks.iter().zip(saved).enumerate().rev() {
            let back = b.vjp(g, s, pb, d.expect("dx"), need_dx || j > 0);
            d = back.dx;
            per_block.push(back.grads);
        }
        let grads = per_block.into_iter().rev().flatten().collect();
        Backward { dx: d, grads }
    }
}
