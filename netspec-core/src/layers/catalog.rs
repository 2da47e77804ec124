//! The one list of layers a `netspec!` block can name. Adding a layer: write its file, add a
//! line here; the compiler then asks for its line in `netspec-macros/src/rebuild.rs`, which
//! writes a built layer back out as Rust.

use super::*;
use crate::ir::{Graph, Value};

macro_rules! catalog {
    ($($name:literal => $variant:ident: $ty:ident = $ctor:path),* $(,)?) => {
        /// A layer built for a known input shape: what the macro checks and then writes out.
        /// (Built once per layer at compile time, so the size of the largest variant is moot.)
        #[allow(clippy::large_enum_variant)]
        #[derive(Clone, Debug, PartialEq)]
        pub enum LayerConfig {
            $($variant($ty)),*
        }

        /// Every layer name, for "did you mean" messages.
        pub const LAYER_NAMES: &[&str] = &[$($name),*];

        impl LayerConfig {
            /// Builds layer `name` for a per-example `input`; `Ok(None)` when no layer has that name.
            pub fn build(name: &str, args: &Args, input: &[usize]) -> Result<Option<Self>, SpecError> {
                match name {
                    $($name => $ctor(args, input).map(|l| Some(LayerConfig::$variant(l))),)*
                    _ => Ok(None),
                }
            }

            pub fn output_shape(&self, input: &[usize]) -> Vec<usize> {
                match self { $(LayerConfig::$variant(l) => l.output_shape(input)),* }
            }

            pub fn params(&self) -> Vec<crate::params::ParamSpec> {
                match self { $(LayerConfig::$variant(l) => l.params()),* }
            }

            /// The layer's type name in `netspec_core::layers`.
            pub fn type_name(&self) -> &'static str {
                match self { $(LayerConfig::$variant(_) => stringify!($ty)),* }
            }

            /// The layer's forward, its saved values type-erased (for blocks, see `compose`).
            pub fn forward_dyn(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<Box<dyn std::any::Any>> {
                match self {
                    $(LayerConfig::$variant(l) => {
                        let f = l.forward(g, x, p, mode);
                        Forward { y: f.y, saved: Box::new(f.saved), state: f.state }
                    }),*
                }
            }

            /// The layer's VJP, given what `forward_dyn` saved.
            pub fn vjp_dyn(&self, g: &mut Graph, saved: &dyn std::any::Any, p: &[Value], dy: Value, need_dx: bool) -> Backward {
                match self {
                    $(LayerConfig::$variant(l) => l.vjp(g, saved.downcast_ref().expect("saved values of this layer"), p, dy, need_dx)),*
                }
            }
        }
    };
}

catalog! {
    "dense" => Dense: Dense = Dense::from_args,
    "flatten" => Flatten: Flatten = Flatten::from_args,
    "relu" => Relu: Relu = Relu::from_args,
    "identity" => Identity: Identity = Identity::from_args,
    "dropout" => Dropout: Dropout = Dropout::from_args,
    "conv2d" => Conv2d: Conv2d = Conv2d::from_args,
    "max_pool" => MaxPool: Pool2d = Pool2d::max_from_args,
    "avg_pool" => AvgPool: Pool2d = Pool2d::avg_from_args,
    "global_avg_pool" => GlobalAvgPool: GlobalAvgPool = GlobalAvgPool::from_args,
    "batch_norm" => BatchNorm: BatchNorm = BatchNorm::from_args,
    "basic_block" => BasicBlock: Node = residual::basic_block,
    "relu6" => Relu6: Relu6 = Relu6::from_args,
    "sigmoid" => Sigmoid: Sigmoid = Sigmoid::from_args,
    "silu" => Silu: Silu = Silu::from_args,
    "gelu" => Gelu: Gelu = Gelu::from_args,
    "layer_norm" => LayerNorm: LayerNorm = LayerNorm::from_args,
    "conv_bn" => ConvBn: Node = mobile::conv_bn,
    "inverted_residual" => InvertedResidual: Node = mobile::inverted_residual,
    "mbconv" => MbConv: Node = mobile::mbconv,
    "mbconv_stage" => MbConvStage: Node = mobile::mbconv_stage,
    "depthwise_conv" => DepthwiseConv: DepthwiseConv = DepthwiseConv::from_args,
    "channel_linear" => ChannelLinear: ChannelLinear = ChannelLinear::from_args,
    "layer_scale" => LayerScale: LayerScale = LayerScale::from_args,
    "convnext_stem" => ConvNeXtStem: Node = convnext::convnext_stem,
    "convnext_block" => ConvNeXtBlock: Node = convnext::convnext_block,
    "convnext_stage" => ConvNeXtStage: Node = convnext::convnext_stage,
    "convnext_downsample" => ConvNeXtDownsample: Node = convnext::convnext_downsample,
    "convnext_head" => ConvNeXtHead: Node = convnext::convnext_head,
    "patch_embed" => PatchEmbed: PatchEmbed = PatchEmbed::from_args,
    "class_token" => ClassToken: ClassToken = ClassToken::from_args,
    "token_linear" => TokenLinear: TokenLinear = TokenLinear::from_args,
    "self_attention" => SelfAttention: SelfAttention = SelfAttention::from_args,
    "pos_embedding" => PositionEmbedding: PositionEmbedding = PositionEmbedding::from_args,
    "vit_encoder" => VitEncoder: Node = vit::vit_encoder,
    "vit_head" => VitHead: VitHead = VitHead::from_args,
}
