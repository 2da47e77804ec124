//! ConvNeXt, as torchvision's `convnext.py` builds it, with its parameter names:
//!
//! - `convnext_stem(out_channels, k = 4)`: a k x k convolution with stride k (with bias), then
//!   a channels-first LayerNorm (torchvision's `LayerNorm2d`, eps 1e-6): `0.weight`, `0.bias`,
//!   `1.weight`, `1.bias`.
//! - `convnext_block`: torchvision's `CNBlock`,
//!
//!     y = x + γ ⊙ Linear₂(gelu(Linear₁(LayerNorm(dwconv₇ₓ₇(x)))))
//!
//!   with the depthwise convolution `block.0` (padding 3, with bias), the LayerNorm `block.2`
//!   (eps 1e-6, over the channels at each pixel), the per-position linear layers `block.3`
//!   (C -> 4C) and `block.5` (4C -> C), exact GELU, and the layer scale γ `layer_scale` of
//!   shape [C, 1, 1], 1e-6 at the start. torchvision permutes to channels-last around the
//!   LayerNorm and the linears; here the value stays NCHW and each of them acts on the channel
//!   axis directly (the same arithmetic).
//! - `convnext_stage(depth)`: `depth` blocks of the input's width, named `0.`, `1.`, ...
//! - `convnext_downsample(out_channels)`: channels-first LayerNorm (eps 1e-6), then a 2x2
//!   convolution with stride 2 (with bias): `0.*`, `1.*`.
//! - `convnext_head(classes)`: on the pooled [C, 1, 1]: channels-first LayerNorm (eps 1e-6),
//!   flatten, Linear(C, classes): `0.*`, `2.*` (torchvision's `classifier`).
//!
//! Initialisers are torchvision's: every convolution and linear weight trunc_normal(std 0.02)
//! (truncated at ±2, i.e. at 100σ: drawn as a plain normal), their biases 0, LayerNorm weights
//! 1 and biases 0, layer scale 1e-6. Each block's residual branch carries stochastic depth
//! (`dropout::drop_path`) with torchvision's ConvNeXt rule: block i of n drops its branch with
//! rate · i / (n - 1); the run's rate is a training option (torchvision's `convnext_tiny`: 0.1).
//!
//! The blocks are compositions (`compose::Node`): CNBlock is a residual with stochastic depth
//! around `block` and the layer scale; the stem, downsampling and head are sequences. The
//! layers only ConvNeXt used are catalog layers a user block can name: `depthwise_conv(k, p)`,
//! `channel_linear(out)` (nn.Linear at each pixel: dx = Wᵀ dy per position,
//! dW = Σ_{b,h,w} dy xᵀ, db = Σ_{b,h,w} dy; with the layout assignment a dense layer's matmuls
//! over the NHWC positions, else a contraction over the channel axis) and `layer_scale(init)`
//! (dx = γ ⊙ dy, dγ = Σ_{b,h,w} dy ⊙ x), each initialised as ConvNeXt initialises it.

use super::activation::Gelu;
use super::compose::in_block;
use super::conv::Conv2d;
use super::dense::Dense;
use super::{
    shape_str, Args, Backward, DepthRule, Flatten, Forward, Layer, LayerConfig, LayerNorm, Mode,
    Node, Part, SkipRule, SpecError,
};
use crate::ir::{DotDims, Graph, MatmulRole, Value};
use crate::params::{Init, ParamSpec};

/// torchvision's `LayerNorm2d` (and the block's LayerNorm): eps 1e-6.
pub const CONVNEXT_EPS: f64 = 1e-6;
/// torchvision's initial layer scale.
pub const LAYER_SCALE_INIT: f64 = 1e-6;
/// torchvision's trunc_normal std for every ConvNeXt convolution and linear weight.
const WEIGHT_STD: f64 = 0.02;

/// A layer's parameters with ConvNeXt's initialisers: weights N(0, 0.02²), biases 0.
fn convnext_init(specs: Vec<ParamSpec>) -> Vec<ParamSpec> {
    specs
        .into_iter()
        .map(|mut p| {
            p.init = match p.name.as_str() {
                "bias" => Init::Zeros,
                _ => Init::Normal { std: WEIGHT_STD },
            };
            p
        })
        .collect()
}

fn channels_first_norm(channels: usize) -> LayerNorm {
    LayerNorm {
        features: channels,
        eps: CONVNEXT_EPS,
        channels_first: true,
    }
}

fn conv_with_bias(
    input: &[usize],
    out: usize,
    k: usize,
    s: usize,
    p: usize,
    groups: usize,
) -> Result<Conv2d, SpecError> {
    let mut conv = Conv2d::new(input, out, k, s, p, groups)?;
    conv.bias = true;
    Ok(conv)
}

/// An image input [C, H, W], or an error naming the layer.
fn image(what: &str, input: &[usize]) -> Result<usize, SpecError> {
    match input {
        [c, _, _] => Ok(*c),
        _ => Err(SpecError::layer(format!(
            "{what} needs an image input [channels, height, width], but this layer receives {}",
            shape_str(input)
        ))),
    }
}

// ---- the per-position linear --------------------------------------------------------------

/// nn.Linear applied at every pixel of an NCHW value: y[b, o, h, w] = Σ_c W[o, c] x[b, c, h, w]
/// + bias[o], with W in PyTorch's [out, in] layout. Parameters `weight`, `bias`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChannelLinear {
    pub in_channels: usize,
    pub out_channels: usize,
}

impl ChannelLinear {
    /// `channel_linear(out_channels)` on [C, H, W].
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("channel_linear", &["out_channels"], &[])?;
        let out = args.required_positive("channel_linear", 0, "out_channels")?;
        let c = image(&format!("channel_linear({out})"), input)?;
        Ok(ChannelLinear {
            in_channels: c,
            out_channels: out,
        })
    }
}

impl Layer for ChannelLinear {
    type Saved = Value;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        let mut out = input.to_vec();
        out[0] = self.out_channels;
        out
    }

    fn params(&self) -> Vec<ParamSpec> {
        convnext_init(vec![
            ParamSpec::new(
                "weight",
                &[self.out_channels, self.in_channels],
                Init::Zeros,
            ),
            ParamSpec::new("bias", &[self.out_channels], Init::Zeros),
        ])
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], _mode: Mode) -> Forward<Value> {
        if g.lowering().assign_layouts {
            let (nchw, x2) = (g.shape(x).to_vec(), by_position(g, x));
            let y = g.matmul_as(MatmulRole::Dense, x2, 1, p[0], 1);
            let y = from_positions(g, y, &nchw);
            let shape = g.shape(y).to_vec();
            let b = g.broadcast_in_dim(p[1], &shape, &[1]);
            return Forward::new(g.add(y, b), x);
        }
        // [O, C] . [B, C, H, W] over C -> [O, B, H, W] -> [B, O, H, W].
        let dims = DotDims {
            lhs_contract: vec![1],
            rhs_contract: vec![1],
            ..Default::default()
        };
        let wx = g.dot_general(p[0], x, dims);
        let y = g.transpose(wx, &[1, 0, 2, 3]);
        let shape = g.shape(y).to_vec();
        let b = g.broadcast_in_dim(p[1], &shape, &[1]);
        Forward::new(g.add(y, b), x)
    }

    fn vjp(&self, g: &mut Graph, x: &Value, p: &[Value], dy: Value, need_dx: bool) -> Backward {
        if g.lowering().assign_layouts {
            let dy2 = by_position(g, dy);
            let dx = need_dx.then(|| {
                let nchw = g.shape(*x).to_vec();
                let d = g.matmul_as(MatmulRole::Dense, dy2, 1, p[0], 0);
                from_positions(g, d, &nchw)
            });
            let x2 = by_position(g, *x);
            let dw = g.matmul_tn(dy2, x2, 1);
            let db = g.reduce_sum(dy2, &[0]);
            return Backward {
                dx,
                grads: vec![dw, db],
            };
        }
        let dx = need_dx.then(|| {
            // [O, C] . [B, O, H, W] over O -> [C, B, H, W] -> [B, C, H, W].
            let dims = DotDims {
                lhs_contract: vec![0],
                rhs_contract: vec![1],
                ..Default::default()
            };
            let t = g.dot_general(p[0], dy, dims);
            g.transpose(t, &[1, 0, 2, 3])
        });
        // dW = Σ_{b,h,w} dy[b, o, h, w] x[b, c, h, w]. With many pixels, per example
        // [O, HW] . [HW, C] over the contiguous pixels, then summed over the batch: on IREE's
        // CPU code 2x faster than one contraction over (batch, pixels), which transposes both
        // operands. With few pixels the [B, O, C] products would outweigh the operands: then
        // the one contraction.
        let shape = g.shape(dy).to_vec();
        let pixels = shape[2] * shape[3];
        let (o, c) = (self.out_channels, self.in_channels);
        let dw = if o * c <= 4 * (o + c) * pixels {
            let dims = DotDims {
                lhs_batch: vec![0],
                rhs_batch: vec![0],
                lhs_contract: vec![2, 3],
                rhs_contract: vec![2, 3],
            };
            let per_example = g.dot_general(dy, *x, dims); // [B, O, C]
            g.reduce_sum(per_example, &[0])
        } else {
            let dims = DotDims {
                lhs_contract: vec![0, 2, 3],
                rhs_contract: vec![0, 2, 3],
                ..Default::default()
            };
            g.dot_general(dy, *x, dims) // [O, C]
        };
        let db = g.reduce_sum(dy, &[0, 2, 3]);
        Backward {
            dx,
            grads: vec![dw, db],
        }
    }
}

/// [B, C, H, W] as [B·H·W, C], one row per position: with the layout assignment
/// (`Lowering::assign_layouts`) the NHWC order the depthwise convolution wrote, so the linear
/// layers are the plain matmuls of dense layers (`MatmulRole::Dense`).
fn by_position(g: &mut Graph, x: Value) -> Value {
    let [b, c, h, w] = <[usize; 4]>::try_from(g.shape(x)).expect("an NCHW value");
    let t = g.transpose(x, &[0, 2, 3, 1]);
    g.reshape(t, &[b * h * w, c])
}

/// [B·H·W, O] back to [B, O, H, W] for an input of shape `nchw`.
fn from_positions(g: &mut Graph, y: Value, nchw: &[usize]) -> Value {
    let o = g.shape(y)[1];
    let y = g.reshape(y, &[nchw[0], nchw[2], nchw[3], o]);
    g.transpose(y, &[0, 3, 1, 2])
}

// ---- the depthwise convolution ------------------------------------------------------------

/// A depthwise k x k convolution with stride 1, padding p and bias on NCHW values (`weight`
/// [C, 1, k, k], `bias` [C]): conv2d(C, k, p = p, groups = C) with ConvNeXt's initialisers,
/// computed (and differentiated) as that `Conv2d`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DepthwiseConv {
    pub channels: usize,
    pub k: usize,
    pub p: usize,
    /// The per-example input height and width.
    pub input: [usize; 2],
}

impl DepthwiseConv {
    /// `depthwise_conv(k, p = 0)` on [C, H, W].
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("depthwise_conv", &["k"], &["p"])?;
        let k = args.required_positive("depthwise_conv", 0, "k")?;
        let p = args.find(None, "p").map_or(Ok(0), |(at, v)| match v {
            super::ArgValue::Int(i) if *i >= 0 => Ok(*i as usize),
            _ => Err(SpecError {
                at: Some(at),
                message: "`p` must be a non-negative integer".into(),
            }),
        })?;
        let what = format!("depthwise_conv({k}, p = {p})");
        let c = image(&what, input)?;
        let conv =
            conv_with_bias(input, c, k, 1, p, c).map_err(|e| in_block(&what, "kernel", e))?;
        Ok(DepthwiseConv {
            channels: c,
            k,
            p,
            input: conv.input,
        })
    }

    fn conv(&self) -> Conv2d {
        let [h, w] = self.input;
        conv_with_bias(
            &[self.channels, h, w],
            self.channels,
            self.k,
            1,
            self.p,
            self.channels,
        )
        .expect("checked when the layer was made")
    }
}

impl Layer for DepthwiseConv {
    type Saved = Value;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        self.conv().output_shape(input)
    }

    fn params(&self) -> Vec<ParamSpec> {
        convnext_init(self.conv().params())
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<Value> {
        self.conv().forward(g, x, p, mode)
    }

    fn vjp(&self, g: &mut Graph, x: &Value, p: &[Value], dy: Value, need_dx: bool) -> Backward {
        self.conv().vjp(g, x, p, dy, need_dx)
    }
}

// ---- the layer scale ----------------------------------------------------------------------

/// y = γ ⊙ x with one γ per channel, γ of shape [C, 1, 1] named `layer_scale`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayerScale {
    pub channels: usize,
    pub init: f64,
}

impl LayerScale {
    /// `layer_scale(init = 1e-6)` on [C, H, W].
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("layer_scale", &[], &["init"])?;
        let init = args.float("init", LAYER_SCALE_INIT)?;
        let c = image("layer_scale", input)?;
        Ok(LayerScale { channels: c, init })
    }

    fn per_channel(&self, g: &mut Graph, gamma: Value, like: Value) -> Value {
        let shape = g.shape(like).to_vec();
        let flat = g.reshape(gamma, &[self.channels]);
        g.broadcast_in_dim(flat, &shape, &[1])
    }
}

impl Layer for LayerScale {
    type Saved = Value;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![ParamSpec::new(
            "layer_scale",
            &[self.channels, 1, 1],
            Init::Constant { value: self.init },
        )]
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], _mode: Mode) -> Forward<Value> {
        let gb = self.per_channel(g, p[0], x);
        Forward::new(g.mul(x, gb), x)
    }

    fn vjp(&self, g: &mut Graph, x: &Value, p: &[Value], dy: Value, need_dx: bool) -> Backward {
        let dx = need_dx.then(|| {
            let gb = self.per_channel(g, p[0], dy);
            g.mul(dy, gb)
        });
        let prod = g.mul(dy, *x);
        let s = g.reduce_sum(prod, &[0, 2, 3]);
        let dgamma = g.reshape(s, &[self.channels, 1, 1]);
        Backward {
            dx,
            grads: vec![dgamma],
        }
    }
}

// ---- CNBlock and the stages: compositions ------------------------------------------------

/// ConvNeXt's initialisers on a catalog layer: weight N(0, 0.02²), bias 0.
fn with_convnext_init(layer: LayerConfig) -> Node {
    Node::layer_with_init(layer, Init::Normal { std: WEIGHT_STD })
}

fn norm_node(channels: usize) -> Node {
    Node::layer(LayerConfig::LayerNorm(channels_first_norm(channels)))
}

/// `convnext_block`: torchvision's `CNBlock` for the input's channel count, a residual with
/// stochastic depth around `block` (`block.1` and `block.6`, torchvision's permutes, hold
/// nothing) and the layer scale.
pub fn convnext_block(args: &Args, input: &[usize]) -> Result<Node, SpecError> {
    args.expect("convnext_block", &[], &[])?;
    convnext_block_node(input)
}

/// The block for a per-example input [C, H, W].
pub fn convnext_block_node(input: &[usize]) -> Result<Node, SpecError> {
    let c = image("convnext_block", input)?;
    // Checks the size (any size is enough: 7x7 with padding 3 reads at least 7x7).
    let conv = conv_with_bias(input, c, 7, 1, 3, c)
        .map_err(|e| in_block("convnext_block", "depthwise convolution", e))?;
    let dwconv = DepthwiseConv {
        channels: c,
        k: 7,
        p: 3,
        input: conv.input,
    };
    let linear = |i, o| {
        LayerConfig::ChannelLinear(ChannelLinear {
            in_channels: i,
            out_channels: o,
        })
    };
    let block = Node::Seq(vec![
        Part::named("0", Node::layer(LayerConfig::DepthwiseConv(dwconv))),
        Part::named("2", norm_node(c)),
        Part::named("3", Node::layer(linear(c, 4 * c))),
        Part::named("4", Node::layer(LayerConfig::Gelu(Gelu))),
        Part::named("5", Node::layer(linear(4 * c, c))),
    ]);
    let scale = LayerScale {
        channels: c,
        init: LAYER_SCALE_INIT,
    };
    let body = Node::Seq(vec![
        Part::named("block", block),
        Part::anonymous(Node::layer(LayerConfig::LayerScale(scale))),
    ]);
    Ok(Node::residual(
        input,
        body,
        SkipRule::Identity,
        Some(DepthRule::OverBlocksMinusOne),
    )
    .expect("a CNBlock keeps its shape"))
}

/// `convnext_stage(depth)`: `depth` CNBlocks of the input's width (torchvision's
/// `nn.Sequential` of them: `0.block.0.weight`, ..., `{depth-1}.layer_scale`).
pub fn convnext_stage(args: &Args, input: &[usize]) -> Result<Node, SpecError> {
    args.expect("convnext_stage", &["depth"], &[])?;
    let depth = args.required_positive("convnext_stage", 0, "depth")?;
    let what = format!("convnext_stage({depth})");
    image(&what, input)?;
    let block = convnext_block_node(input).map_err(|e| in_block(&what, "block", e))?;
    Ok(Node::indexed(vec![block; depth]))
}

/// `convnext_stem(out_channels, k = 4)`: k x k convolution with stride k and bias, then a
/// channels-first LayerNorm (torchvision's `Conv2dNormActivation` without activation): `0.*`,
/// `1.*`.
pub fn convnext_stem(args: &Args, input: &[usize]) -> Result<Node, SpecError> {
    args.expect("convnext_stem", &["out_channels"], &["k"])?;
    let out = args.required_positive("convnext_stem", 0, "out_channels")?;
    let k = args.positive(None, "k")?.unwrap_or(4);
    let what = format!("convnext_stem({out}, k = {k})");
    image(&what, input)?;
    let conv = conv_with_bias(input, out, k, k, 0, 1).map_err(|e| SpecError {
        at: args.find(None, "k").map(|(at, _)| at),
        ..in_block(&what, "convolution", e)
    })?;
    Ok(Node::indexed(vec![
        with_convnext_init(LayerConfig::Conv2d(conv)),
        norm_node(out),
    ]))
}

/// `convnext_downsample(out_channels)`: channels-first LayerNorm, then a 2x2 convolution with
/// stride 2 and bias: `0.*`, `1.*`.
pub fn convnext_downsample(args: &Args, input: &[usize]) -> Result<Node, SpecError> {
    args.expect("convnext_downsample", &["out_channels"], &[])?;
    let out = args.required_positive("convnext_downsample", 0, "out_channels")?;
    let what = format!("convnext_downsample({out})");
    let c = image(&what, input)?;
    let conv =
        conv_with_bias(input, out, 2, 2, 0, 1).map_err(|e| in_block(&what, "convolution", e))?;
    Ok(Node::indexed(vec![
        norm_node(c),
        with_convnext_init(LayerConfig::Conv2d(conv)),
    ]))
}

/// `convnext_head(classes)`: on pooled features [C, 1, 1], a channels-first LayerNorm, flatten
/// and Linear(C, classes): torchvision's `classifier` (`0.*`, `2.*`).
pub fn convnext_head(args: &Args, input: &[usize]) -> Result<Node, SpecError> {
    args.expect("convnext_head", &["classes"], &[])?;
    let classes = args.required_positive("convnext_head", 0, "classes")?;
    match input {
        [c, 1, 1] => Ok(Node::indexed(vec![
            norm_node(*c),
            Node::layer(LayerConfig::Flatten(
                Flatten::from_args(&Args::default(), input)?,
            )),
            with_convnext_init(LayerConfig::Dense(Dense {
                in_features: *c,
                out_features: classes,
                bias: true,
            })),
        ])),
        _ => Err(SpecError::layer(format!(
            "convnext_head({classes}) takes pooled features [channels, 1, 1], but this layer receives {}: put `global_avg_pool` before it",
            shape_str(input)
        ))),
    }
}
