//! The Vision Transformer, as torchvision's `vision_transformer.py` builds it, with its parameter
//! names:
//!
//! - `patch_embed(width, patch = p)`: a p x p convolution with stride p (with bias) on the
//!   image, its grid of patches read row-major as a sequence [tokens, width] (torchvision's
//!   `conv_proj` and `_process_input`). p must divide the image's height and width.
//! - `class_token`: prepends one learnt token: [T, D] -> [T + 1, D]. Its parameter [1, 1, D] has
//!   an empty local name, so it is named by its label alone: `class_token: class_token` owns
//!   the parameter `class_token`, as torchvision's model does.
//! - `vit_encoder(layers = L, heads = H, mlp = M)`: torchvision's `Encoder`: adds
//!   `pos_embedding` [1, T, D], runs L encoder layers `layers.encoder_layer_{i}` and a final
//!   LayerNorm `ln`. Each layer is
//!
//!     x₁ = x + MHSA(ln_1(x)),   y = x₁ + mlp.3(gelu(mlp.0(ln_2(x₁))))
//!
//!   with `self_attention.in_proj_weight` [3D, D], `.in_proj_bias` [3D],
//!   `.out_proj.weight` [D, D], `.out_proj.bias` [D] (nn.MultiheadAttention's names), LayerNorms
//!   with eps 1e-6, and exact GELU. H must divide D.
//! - The encoder is a composition (`compose::Node`): `pos_embedding`, a sequence of encoder
//!   layers, each two residuals, and `ln`. Its parts are catalog layers a user block can name:
//!   `token_linear(out)`, `self_attention(heads)`, `pos_embedding`.
//! - `vit_head(classes)`: the class token's output (token 0) through Linear(D, classes), named
//!   `head.*` (under the label `heads`: torchvision's `heads.head`).
//!
//! Multi-head self-attention on x [B, T, D], with dₕ = D / H and the heads split off the
//! feature axis: [q | k | v] = x W_inᵀ + b_in, per head S = q kᵀ / √dₕ, P = softmax_rows(S)
//! (the row maximum is subtracted first; softmax does not depend on it), O = P v, heads joined
//! back to [B, T, D], y = O W_outᵀ + b_out. Its VJP, for dy:
//!
//!   dW_out = Σ dyᵀ O,  db_out = Σ dy,  dO = dy W_out,
//!   dP = dO vᵀ,  dv = Pᵀ dO,  dS = P ⊙ (dP − rowsum(dP ⊙ P)),
//!   dq = dS k / √dₕ,  dk = dSᵀ q / √dₕ,
//!   dW_in = Σ d[q|k|v]ᵀ x,  db_in = Σ d[q|k|v],  dx = d[q|k|v] W_in.
//!
//! The heads' part, from [q|k|v] to the joined O and back, is the IR's attention primitive
//! (`Graph::attention`, `ir/attention.rs`), which each target computes in its own form.
//!
//! Initialisers are torchvision's: `conv_proj` weight trunc_normal(std √(1/fan_in)) (truncated
//! at ±2, more than 13σ for any patch of 3 channels: drawn as a plain normal), bias 0;
//! `class_token` 0; `pos_embedding` N(0, 0.02²); `in_proj_weight` Xavier-uniform, in/out
//! projection biases 0, `out_proj.weight` nn.Linear's U(±1/√D); MLP weights Xavier-uniform and
//! biases N(0, 10⁻¹²); LayerNorms 1 and 0; the head all zeros. Dropout (0 in torchvision's
//! defaults) is not applied.

use super::activation::Gelu;
use super::compose::in_block;
use super::conv::Conv2d;
use super::dense::Dense;
use super::{
    shape_str, ArgRef, Args, Backward, Forward, Layer, LayerConfig, LayerNorm, Mode, Node, Part,
    SkipRule, SpecError,
};
use crate::ir::attention::AttentionSaved;
use crate::ir::{Graph, MatmulRole, Value};
use crate::params::{Init, ParamSpec};

/// torchvision's LayerNorm eps for the ViT.
pub const VIT_EPS: f64 = 1e-6;

fn norm(width: usize) -> LayerNorm {
    LayerNorm {
        features: width,
        eps: VIT_EPS,
        channels_first: false,
    }
}

/// A token sequence [tokens, width], or an error naming the layer.
fn sequence(what: &str, input: &[usize], hint: &str) -> Result<(usize, usize), SpecError> {
    match input {
        [t, d] => Ok((*t, *d)),
        _ => Err(SpecError::layer(format!(
            "{what} needs a token sequence [tokens, width], but this layer receives {}{hint}",
            shape_str(input)
        ))),
    }
}

fn divisors(n: usize) -> String {
    (1..=n)
        .filter(|d| n.is_multiple_of(*d))
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

// ---- patch embedding ----------------------------------------------------------------------

/// `patch_embed(width, patch = p)`: [C, H, W] -> [(H/p)(W/p), width].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PatchEmbed {
    pub conv: Conv2d,
    pub patch: usize,
}

impl PatchEmbed {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("patch_embed", &["width"], &["patch"])?;
        let width = args.required_positive("patch_embed", 0, "width")?;
        let patch = args.positive(None, "patch")?.ok_or_else(|| {
            SpecError::layer(format!(
                "`patch_embed` needs a patch size, e.g. `patch_embed({width}, patch = 16)`"
            ))
        })?;
        let what = format!("patch_embed({width}, patch = {patch})");
        let [_, h, w] = input else {
            return Err(SpecError::layer(format!(
                "{what} needs an image input [channels, height, width], but this layer receives {}",
                shape_str(input)
            )));
        };
        if h % patch != 0 || w % patch != 0 {
            let bad = if h % patch != 0 { h } else { w };
            return Err(SpecError {
                at: Some(ArgRef::Named("patch".into())),
                message: format!(
                    "{what} cuts the image into {patch}x{patch} patches, but {patch} does not divide the {h}x{w} image of this layer's input {} (patch sizes that divide {bad}: {})",
                    shape_str(input),
                    divisors(*bad)
                ),
            });
        }
        let mut conv = Conv2d::new(input, width, patch, patch, 0, 1)
            .map_err(|e| in_block(&what, "convolution", e))?;
        conv.bias = true;
        Ok(PatchEmbed { conv, patch })
    }

    fn grid(&self) -> [usize; 2] {
        [
            self.conv.input[0] / self.patch,
            self.conv.input[1] / self.patch,
        ]
    }
}

impl Layer for PatchEmbed {
    type Saved = Value;

    fn output_shape(&self, _input: &[usize]) -> Vec<usize> {
        let [gh, gw] = self.grid();
        vec![gh * gw, self.conv.out_channels]
    }

    fn params(&self) -> Vec<ParamSpec> {
        let fan_in = self.conv.in_channels * self.patch * self.patch;
        let std = (1.0 / fan_in as f64).sqrt();
        self.conv
            .params()
            .into_iter()
            .map(|mut p| {
                p.init = match p.name.as_str() {
                    "bias" => Init::Zeros,
                    _ => Init::Normal { std },
                };
                p
            })
            .collect()
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<Value> {
        let f = self.conv.forward(g, x, p, mode); // [B, D, gh, gw]
        let b = g.shape(x)[0];
        let [gh, gw] = self.grid();
        let d = self.conv.out_channels;
        let flat = g.reshape(f.y, &[b, d, gh * gw]);
        Forward::new(g.transpose(flat, &[0, 2, 1]), f.saved)
    }

    fn vjp(&self, g: &mut Graph, x: &Value, p: &[Value], dy: Value, need_dx: bool) -> Backward {
        let b = g.shape(dy)[0];
        let [gh, gw] = self.grid();
        let d = self.conv.out_channels;
        let t = g.transpose(dy, &[0, 2, 1]);
        let dimg = g.reshape(t, &[b, d, gh, gw]);
        self.conv.vjp(g, x, p, dimg, need_dx)
    }
}

// ---- class token --------------------------------------------------------------------------

/// `class_token`: [T, D] -> [T + 1, D], the learnt token first.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClassToken {
    pub tokens: usize,
    pub width: usize,
}

impl ClassToken {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("class_token", &[], &[])?;
        let (tokens, width) = sequence("class_token", input, ": put `patch_embed` before it")?;
        Ok(ClassToken { tokens, width })
    }
}

impl Layer for ClassToken {
    type Saved = ();

    fn output_shape(&self, _input: &[usize]) -> Vec<usize> {
        vec![self.tokens + 1, self.width]
    }

    /// One parameter with an empty local name: its full name is the layer's label.
    fn params(&self) -> Vec<ParamSpec> {
        vec![ParamSpec::new("", &[1, 1, self.width], Init::Zeros)]
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], _mode: Mode) -> Forward<()> {
        let b = g.shape(x)[0];
        let flat = g.reshape(p[0], &[self.width]);
        let tok = g.broadcast_in_dim(flat, &[b, 1, self.width], &[2]);
        Forward::new(g.concatenate(&[tok, x], 1), ())
    }

    fn vjp(&self, g: &mut Graph, _s: &(), _p: &[Value], dy: Value, need_dx: bool) -> Backward {
        let b = g.shape(dy)[0];
        let (t, d) = (self.tokens, self.width);
        let first = g.slice(dy, &[0, 0, 0], &[b, 1, d], &[1, 1, 1]);
        let s = g.reduce_sum(first, &[0]);
        let dtok = g.reshape(s, &[1, 1, d]);
        let dx = need_dx.then(|| g.slice(dy, &[0, 1, 0], &[b, t + 1, d], &[1, 1, 1]));
        Backward {
            dx,
            grads: vec![dtok],
        }
    }
}

// ---- token-wise linear --------------------------------------------------------------------

/// nn.Linear on each token of [T, D_in]: [B, T, D_in] -> [B, T, D_out], W [out, in]. Initialised
/// as torchvision's `MLPBlock`: Xavier-uniform weight, bias N(0, 10⁻¹²).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TokenLinear {
    pub in_features: usize,
    pub out_features: usize,
}

impl TokenLinear {
    /// `token_linear(out_features)` on [T, D].
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("token_linear", &["out_features"], &[])?;
        let out = args.required_positive("token_linear", 0, "out_features")?;
        let (_, width) = sequence(&format!("token_linear({out})"), input, "")?;
        Ok(TokenLinear {
            in_features: width,
            out_features: out,
        })
    }
}

impl Layer for TokenLinear {
    type Saved = Value;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        vec![input[0], self.out_features]
    }

    fn params(&self) -> Vec<ParamSpec> {
        let bound = (6.0 / (self.in_features + self.out_features) as f64).sqrt();
        vec![
            ParamSpec::new(
                "weight",
                &[self.out_features, self.in_features],
                Init::Uniform { bound },
            ),
            ParamSpec::new("bias", &[self.out_features], Init::Normal { std: 1e-6 }),
        ]
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], _mode: Mode) -> Forward<Value> {
        let y = linear(g, x, p[0], p[1]);
        Forward::new(y, x)
    }

    fn vjp(&self, g: &mut Graph, x: &Value, p: &[Value], dy: Value, need_dx: bool) -> Backward {
        let (dx, dw, db) = linear_vjp(g, *x, p[0], dy, need_dx);
        Backward {
            dx,
            grads: vec![dw, db],
        }
    }
}

/// x [B, T, I] W[O, I]ᵀ + b [O] -> [B, T, O].
fn linear(g: &mut Graph, x: Value, w: Value, b: Value) -> Value {
    let xw = tokens_matmul(g, x, w, 1);
    let shape = g.shape(xw).to_vec();
    let bb = g.broadcast_in_dim(b, &shape, &[2]);
    g.add(xw, bb)
}

/// x [B, T, K] times the 2-D `w` contracting its dim `w_contract` -> [B, T, N]: one matmul
/// over the B·T tokens, which a dense layer's data-tiling rule covers (`MatmulRole::Dense`).
/// As a contraction of the 3-D x IREE's CPU code is not data-tiled, and ran slower.
fn tokens_matmul(g: &mut Graph, x: Value, w: Value, w_contract: usize) -> Value {
    let [b, t, k] = <[usize; 3]>::try_from(g.shape(x)).expect("tokens are [B, T, K]");
    let n = g.shape(w)[1 - w_contract];
    let x = g.reshape(x, &[b * t, k]);
    let y = g.matmul_as(MatmulRole::Dense, x, 1, w, w_contract);
    g.reshape(y, &[b, t, n])
}

/// (dx = dy W, dW = Σ_{b,t} dyᵀ x, db = Σ_{b,t} dy) of `linear`.
fn linear_vjp(
    g: &mut Graph,
    x: Value,
    w: Value,
    dy: Value,
    need_dx: bool,
) -> (Option<Value>, Value, Value) {
    let dx = need_dx.then(|| tokens_matmul(g, dy, w, 0));
    let dw = g.matmul_tn(dy, x, 2);
    let db = g.reduce_sum(dy, &[0, 1]);
    (dx, dw, db)
}

// ---- multi-head self-attention ------------------------------------------------------------

/// nn.MultiheadAttention(width, heads, batch_first = True) used as self-attention.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SelfAttention {
    pub width: usize,
    pub heads: usize,
}

pub struct SelfAttentionSaved {
    x: Value,
    /// The input projection, [B, T, 3D].
    qkv: Value,
    heads: AttentionSaved,
    /// The heads' outputs joined, [B, T, D].
    o: Value,
}

impl SelfAttention {
    /// `self_attention(heads)` on [T, D].
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("self_attention", &["heads"], &[])?;
        let heads = args.required_positive("self_attention", 0, "heads")?;
        let (_, width) = sequence(&format!("self_attention({heads})"), input, "")?;
        SelfAttention::new(width, heads).map_err(|e| SpecError {
            at: args.find(Some(0), "heads").map(|(at, _)| at),
            ..e
        })
    }

    /// `heads` must divide `width`; the error points at the `heads` argument.
    pub fn new(width: usize, heads: usize) -> Result<Self, SpecError> {
        if !width.is_multiple_of(heads) {
            return Err(SpecError {
                at: Some(ArgRef::Named("heads".into())),
                message: format!(
                    "{heads} attention heads split the width {width} into equal parts, but {heads} does not divide {width} (head counts that do: {})",
                    divisors(width)
                ),
            });
        }
        Ok(SelfAttention { width, heads })
    }
}

impl Layer for SelfAttention {
    type Saved = SelfAttentionSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        let d = self.width;
        let xavier = (6.0 / (d + 3 * d) as f64).sqrt();
        let linear = 1.0 / (d as f64).sqrt();
        vec![
            ParamSpec::new(
                "in_proj_weight",
                &[3 * d, d],
                Init::Uniform { bound: xavier },
            ),
            ParamSpec::new("in_proj_bias", &[3 * d], Init::Zeros),
            ParamSpec::new("out_proj.weight", &[d, d], Init::Uniform { bound: linear }),
            ParamSpec::new("out_proj.bias", &[d], Init::Zeros),
        ]
    }

    fn forward(
        &self,
        g: &mut Graph,
        x: Value,
        p: &[Value],
        _mode: Mode,
    ) -> Forward<SelfAttentionSaved> {
        let qkv = linear(g, x, p[0], p[1]); // [B, T, 3D]
        let (o, heads) = g.attention(qkv, self.heads);
        let y = linear(g, o, p[2], p[3]);
        let saved = SelfAttentionSaved { x, qkv, heads, o };
        Forward::new(y, saved)
    }

    fn vjp(
        &self,
        g: &mut Graph,
        s: &SelfAttentionSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let (d_o, dw_out, db_out) = linear_vjp(g, s.o, p[2], dy, true);
        let dqkv = g.attention_vjp(s.qkv, &s.heads, d_o.unwrap(), self.heads);
        let (dx, dw_in, db_in) = linear_vjp(g, s.x, p[0], dqkv, need_dx);
        Backward {
            dx,
            grads: vec![dw_in, db_in, dw_out, db_out],
        }
    }
}

// ---- the position embedding --------------------------------------------------------------

/// `pos_embedding`: adds a learnt [1, T, D] to every example's [T, D]. Like `class_token`, its
/// parameter has an empty local name: `pos_embedding: pos_embedding` owns `pos_embedding`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PositionEmbedding {
    pub tokens: usize,
    pub width: usize,
}

impl PositionEmbedding {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("pos_embedding", &[], &[])?;
        let (tokens, width) = sequence("pos_embedding", input, ": put `patch_embed` before it")?;
        Ok(PositionEmbedding { tokens, width })
    }
}

impl Layer for PositionEmbedding {
    type Saved = ();

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        input.to_vec()
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![ParamSpec::new(
            "",
            &[1, self.tokens, self.width],
            Init::Normal { std: 0.02 },
        )]
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], _mode: Mode) -> Forward<()> {
        let shape = g.shape(x).to_vec();
        let pos = g.reshape(p[0], &[self.tokens, self.width]);
        let pos = g.broadcast_in_dim(pos, &shape, &[1, 2]);
        Forward::new(g.add(x, pos), ())
    }

    /// Added to every example: its gradient sums over the batch.
    fn vjp(&self, g: &mut Graph, _s: &(), _p: &[Value], dy: Value, need_dx: bool) -> Backward {
        let s = g.reduce_sum(dy, &[0]);
        Backward {
            dx: need_dx.then_some(dy),
            grads: vec![g.reshape(s, &[1, self.tokens, self.width])],
        }
    }
}

// ---- the encoder: compositions ------------------------------------------------------------

/// torchvision's `EncoderBlock` on [T, D]: two residuals, `ln_1` and `self_attention`, then
/// `ln_2` and `mlp` (`mlp.0`, GELU, `mlp.3`).
pub fn encoder_layer(
    tokens: usize,
    width: usize,
    heads: usize,
    mlp: usize,
) -> Result<Node, SpecError> {
    let input = [tokens, width];
    let norm_node = || Node::layer(LayerConfig::LayerNorm(norm(width)));
    let linear = |i, o| {
        Node::layer(LayerConfig::TokenLinear(TokenLinear {
            in_features: i,
            out_features: o,
        }))
    };
    let attention = Node::Seq(vec![
        Part::named("ln_1", norm_node()),
        Part::named(
            "self_attention",
            Node::layer(LayerConfig::SelfAttention(SelfAttention::new(
                width, heads,
            )?)),
        ),
    ]);
    let mlp = Node::Seq(vec![
        Part::named("ln_2", norm_node()),
        Part::named(
            "mlp",
            Node::Seq(vec![
                Part::named("0", linear(width, mlp)),
                Part::named("1", Node::layer(LayerConfig::Gelu(Gelu))),
                Part::named("3", linear(mlp, width)),
            ]),
        ),
    ]);
    let residual =
        |body| Node::residual(&input, body, SkipRule::Identity, None).expect("[T, D] to [T, D]");
    Ok(Node::Seq(vec![
        Part::anonymous(residual(attention)),
        Part::anonymous(residual(mlp)),
    ]))
}

/// `vit_encoder(layers = L, heads = H, mlp = M)`: torchvision's `Encoder` on [T, D]:
/// `pos_embedding`, `layers.encoder_layer_{i}`, `ln`.
pub fn vit_encoder(args: &Args, input: &[usize]) -> Result<Node, SpecError> {
    args.expect("vit_encoder", &[], &["layers", "heads", "mlp"])?;
    let need = |name: &str, example: &str| {
        args.positive(None, name)?.ok_or_else(|| {
            SpecError::layer(format!(
                "`vit_encoder` needs `{name}`, e.g. `vit_encoder({example})`"
            ))
        })
    };
    let example = "layers = 12, heads = 3, mlp = 768";
    let layers = need("layers", example)?;
    let heads = need("heads", example)?;
    let mlp = need("mlp", example)?;
    let what = format!("vit_encoder(layers = {layers}, heads = {heads}, mlp = {mlp})");
    let (tokens, width) = sequence(
        &what,
        input,
        ": put `patch_embed` (and `class_token`) before it",
    )?;
    let layer = encoder_layer(tokens, width, heads, mlp).map_err(|e| SpecError {
        at: e.at,
        message: format!("{what}: {}", e.message),
    })?;
    let stack = (0..layers)
        .map(|i| Part::named(format!("encoder_layer_{i}"), layer.clone()))
        .collect();
    let pos = PositionEmbedding { tokens, width };
    Ok(Node::Seq(vec![
        Part::named(
            "pos_embedding",
            Node::layer(LayerConfig::PositionEmbedding(pos)),
        ),
        Part::named("layers", Node::Seq(stack)),
        Part::named("ln", Node::layer(LayerConfig::LayerNorm(norm(width)))),
    ]))
}

// ---- head ---------------------------------------------------------------------------------

/// `vit_head(classes)`: Linear(D, classes) on token 0 of [T, D], named `head.*`, all zeros at
/// the start (torchvision).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VitHead {
    pub tokens: usize,
    pub linear: Dense,
}

impl VitHead {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("vit_head", &["classes"], &[])?;
        let classes = args.required_positive("vit_head", 0, "classes")?;
        let (tokens, width) = sequence(&format!("vit_head({classes})"), input, "")?;
        Ok(VitHead {
            tokens,
            linear: Dense {
                in_features: width,
                out_features: classes,
                bias: true,
            },
        })
    }
}

impl Layer for VitHead {
    type Saved = Value;

    fn output_shape(&self, _input: &[usize]) -> Vec<usize> {
        vec![self.linear.out_features]
    }

    fn params(&self) -> Vec<ParamSpec> {
        self.linear
            .params()
            .into_iter()
            .map(|mut p| {
                p.init = Init::Zeros;
                p.prefixed("head")
            })
            .collect()
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<Value> {
        let b = g.shape(x)[0];
        let d = self.linear.in_features;
        let first = g.slice(x, &[0, 0, 0], &[b, 1, d], &[1, 1, 1]);
        let first = g.reshape(first, &[b, d]);
        let f = self.linear.forward(g, first, p, mode);
        Forward::new(f.y, f.saved)
    }

    fn vjp(&self, g: &mut Graph, x0: &Value, p: &[Value], dy: Value, need_dx: bool) -> Backward {
        let gl = self.linear.vjp(g, x0, p, dy, need_dx);
        let dx = gl.dx.map(|d0| {
            let b = g.shape(dy)[0];
            let d = self.linear.in_features;
            let d0 = g.reshape(d0, &[b, 1, d]);
            let zero = g.scalar(0.0);
            g.pad(
                d0,
                zero,
                &[0, 0, 0],
                &[0, self.tokens as i64 - 1, 0],
                &[0, 0, 0],
            )
        });
        Backward {
            dx,
            grads: gl.grads,
        }
    }
}
