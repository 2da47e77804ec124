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
//! with fc1 and fc2 1x1 convolutions with bias, y = x·s per channel: a gate.
//!
//! Each block is a composition (`compose::Node`): sequences of torchvision's indices, an optional
//! residual (added where the shapes agree), squeeze-excitation as a gate. Their VJPs are the
//! combinators'; nothing here differentiates.
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

use super::conv::Conv2d;
use super::{compose::in_block, Layer, Part};
use super::{
    shape_str, ArgValue, Args, BatchNorm, DepthRule, GlobalAvgPool, LayerConfig, Node, Relu, Relu6,
    Sigmoid, Silu, SkipRule, SpecError,
};
use crate::params::Init;

/// The activation after a `conv_bn`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConvAct {
    Relu,
    Relu6,
    Silu,
}

impl ConvAct {
    fn node(self) -> Node {
        Node::layer(match self {
            ConvAct::Relu => LayerConfig::Relu(Relu),
            ConvAct::Relu6 => LayerConfig::Relu6(Relu6),
            ConvAct::Silu => LayerConfig::Silu(Silu),
        })
    }
}

/// A convolution with torchvision's initialisers for these models: Kaiming normal with
/// mode = "fan_out" (fan_out = out_channels·kh·kw) for the weight, zeros for the bias.
fn conv(c: Conv2d) -> Node {
    let fan_out = c.out_channels * c.window.kernel[0] * c.window.kernel[1];
    let std = (2.0 / fan_out as f64).sqrt();
    Node::layer_with_init(LayerConfig::Conv2d(c), Init::Normal { std })
}

/// torchvision's default BatchNorm2d: eps 1e-5, momentum 0.1 (MobileNetV2 and EfficientNet-B0
/// to B4 use it).
fn bn(channels: usize) -> Node {
    Node::layer(LayerConfig::BatchNorm(BatchNorm {
        channels,
        eps: 1e-5,
        momentum: 0.1,
    }))
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

/// The front both inverted residuals share: (t ≠ 1 only) a 1x1 expansion to in·t channels,
/// then a k×k depthwise convolution with stride s, each `conv_bn` with `act`. Returns the
/// layers and the depthwise output's shape.
fn expand_and_depthwise(
    what: &str,
    input: &[usize],
    t: usize,
    k: usize,
    s: usize,
    act: ConvAct,
) -> Result<(Vec<Node>, Vec<usize>), SpecError> {
    let hidden = input[0] * t;
    let mut layers = vec![];
    let mut mid = input.to_vec();
    if t != 1 {
        let e = conv_bn_node(input, hidden, 1, 1, 1, Some(act))
            .map_err(|e| in_block(what, "expansion", e))?;
        mid = e.output_shape(input);
        layers.push(e);
    }
    let depthwise = conv_bn_node(&mid, hidden, k, s, hidden, Some(act))
        .map_err(|e| in_block(what, "depthwise convolution", e))?;
    let dw = depthwise.output_shape(&mid);
    layers.push(depthwise);
    Ok((layers, dw))
}

// ---- conv_bn ------------------------------------------------------------------------------

/// `conv_bn`: torchvision's `Conv2dNormActivation`, `[conv, bn, act]` as `0`, `1`, `2`.
pub fn conv_bn(args: &Args, input: &[usize]) -> Result<Node, SpecError> {
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
    conv_bn_node(input, out, k, s, groups, act)
}

/// Padding (k-1)/2, as torchvision's `Conv2dNormActivation`.
pub fn conv_bn_node(
    input: &[usize],
    out: usize,
    k: usize,
    s: usize,
    groups: usize,
    act: Option<ConvAct>,
) -> Result<Node, SpecError> {
    let mut parts = vec![
        conv(Conv2d::new(input, out, k, s, (k - 1) / 2, groups)?),
        bn(out),
    ];
    parts.extend(act.map(ConvAct::node));
    Ok(Node::indexed(parts))
}

// ---- inverted_residual --------------------------------------------------------------------

/// MobileNetV2's inverted residual block (see the module doc).
pub fn inverted_residual(args: &Args, input: &[usize]) -> Result<Node, SpecError> {
    args.expect("inverted_residual", &["out_channels"], &["t", "s"])?;
    let out = args.required_positive("inverted_residual", 0, "out_channels")?;
    let t = expand_ratio(args, "inverted_residual")?;
    let s = stride(args, "inverted_residual")?;
    let what = format!("inverted_residual({out}, t = {t}, s = {s})");
    image_input(&what, input)?;
    let (mut layers, dw) = expand_and_depthwise(&what, input, t, 3, s, ConvAct::Relu6)?;
    let project =
        Conv2d::new(&dw, out, 1, 1, 0, 1).map_err(|e| in_block(&what, "projection", e))?;
    layers.extend([conv(project), bn(out)]);
    let body = Node::Seq(vec![Part::named("conv", Node::indexed(layers))]);
    Ok(Node::residual(input, body, SkipRule::Optional, None).expect("an optional residual"))
}

// ---- squeeze-excitation -------------------------------------------------------------------

/// torchvision's `SqueezeExcitation(channels, squeeze)` with SiLU inside and a sigmoid scale, on
/// an input of `channels`: a gate. Parameters `fc1.weight` [squeeze, channels, 1, 1],
/// `fc1.bias`, `fc2.weight` [channels, squeeze, 1, 1], `fc2.bias`.
pub fn squeeze_excitation(input: &[usize], squeeze: usize) -> Node {
    let c = input[0];
    let fc = |from: usize, to: usize| {
        let c = Conv2d::new(&[from, 1, 1], to, 1, 1, 0, 1).expect("a 1x1 convolution");
        conv(Conv2d { bias: true, ..c })
    };
    let pool = GlobalAvgPool::from_args(&Args::default(), input).expect("an image input");
    let body = Node::Seq(vec![
        Part::anonymous(Node::layer(LayerConfig::GlobalAvgPool(pool))),
        Part::named("fc1", fc(c, squeeze)),
        Part::anonymous(Node::layer(LayerConfig::Silu(Silu))),
        Part::named("fc2", fc(squeeze, c)),
        Part::anonymous(Node::layer(LayerConfig::Sigmoid(Sigmoid))),
    ]);
    Node::gate(input, body).expect("[c, 1, 1] scales [c, h, w]")
}

// ---- mbconv -------------------------------------------------------------------------------

/// `mbconv(out_channels, t, k = 3, s = 1)`.
pub fn mbconv(args: &Args, input: &[usize]) -> Result<Node, SpecError> {
    args.expect("mbconv", &["out_channels"], &["t", "k", "s"])?;
    let out = args.required_positive("mbconv", 0, "out_channels")?;
    let t = expand_ratio(args, "mbconv")?;
    let k = args.positive(None, "k")?.unwrap_or(3);
    let s = stride(args, "mbconv")?;
    mbconv_node(input, out, t, k, s)
}

/// EfficientNet's MBConv block mapping `input` to `out` channels with expansion t, kernel k and
/// stride s (see the module doc).
pub fn mbconv_node(
    input: &[usize],
    out: usize,
    t: usize,
    k: usize,
    s: usize,
) -> Result<Node, SpecError> {
    let what = format!("mbconv({out}, t = {t}, k = {k}, s = {s})");
    image_input(&what, input)?;
    let (mut layers, dw) = expand_and_depthwise(&what, input, t, k, s, ConvAct::Silu)?;
    layers.push(squeeze_excitation(&dw, (input[0] / 4).max(1)));
    let project =
        conv_bn_node(&dw, out, 1, 1, 1, None).map_err(|e| in_block(&what, "projection", e))?;
    layers.push(project);
    let body = Node::Seq(vec![Part::named("block", Node::indexed(layers))]);
    // Every MBConv counts for the depth rule; only those that add their input can drop.
    Ok(
        Node::residual(input, body, SkipRule::Optional, Some(DepthRule::OverBlocks))
            .expect("an optional residual"),
    )
}

// ---- mbconv_stage -------------------------------------------------------------------------

/// One EfficientNet stage: n MBConvs, the first in -> out with stride s, the others out -> out
/// with stride 1, named `0.`, `1.`, ...
pub fn mbconv_stage(args: &Args, input: &[usize]) -> Result<Node, SpecError> {
    args.expect("mbconv_stage", &["out_channels"], &["t", "k", "s", "n"])?;
    let out = args.required_positive("mbconv_stage", 0, "out_channels")?;
    let t = expand_ratio(args, "mbconv_stage")?;
    let k = args.positive(None, "k")?.unwrap_or(3);
    let s = stride(args, "mbconv_stage")?;
    let n = args.positive(None, "n")?.unwrap_or(1);
    let mut blocks = vec![mbconv_node(input, out, t, k, s)?];
    let rest_input = blocks[0].output_shape(input);
    for _ in 1..n {
        blocks.push(mbconv_node(&rest_input, out, t, k, 1)?);
    }
    Ok(Node::indexed(blocks))
}
