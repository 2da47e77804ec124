//! Small instances of the book's architectures, for whole-network checks, and the per-layer
//! IREE-versus-reference check.
#![allow(dead_code)]

pub mod layer_check;

use netspec::core::ir::{Graph, Value};
use netspec::core::layers::{Forward, Mode};
use netspec::core::params::{Init, ParamSpec};
use netspec::core::Network;
use netspec::netspec;

netspec! {
    /// ResNet's structure with few channels on a small image.
    pub TinyResNet: [3, 8, 8] => {
        conv1: conv2d(4, k = 3, p = 1, bias = false), bn1: batch_norm, relu,
        maxpool: max_pool(k = 3, s = 2, p = 1),
        layer1: [basic_block(4); 2],
        layer2: [basic_block(6, s = 2); 1],
        avgpool: global_avg_pool, flatten,
        fc: dense(10),
    }
}

netspec! {
    /// MobileNetV2's structure with few channels on a small image: a stem, an inverted
    /// residual without expansion (with its skip), a strided one and one with expansion and
    /// skip, the 1x1 head, dropout before the classifier, torchvision's names.
    pub TinyMobileNet: [3, 16, 16] => {
        features: [
            conv_bn(8, k = 3, s = 2, act = relu6),
            inverted_residual(8, t = 1),
            inverted_residual(12, t = 2, s = 2),
            inverted_residual(12, t = 2),
            conv_bn(16, k = 1, act = relu6); 1
        ],
        global_avg_pool, flatten,
        classifier: [dropout(0.2), dense(10); 1],
    }

    /// EfficientNet's structure with few channels on a small image: a stem, a stage of one
    /// MBConv without expansion (with its skip), a strided 5x5 stage of two with expansion
    /// (the second with its skip, and stochastic depth), the 1x1 head, dropout before the
    /// classifier, torchvision's names.
    pub TinyEfficientNet: [3, 16, 16] => {
        features: [
            conv_bn(8, k = 3, s = 2, act = silu),
            mbconv_stage(8, t = 1, k = 3, n = 1),
            mbconv_stage(12, t = 2, k = 5, s = 2, n = 2),
            conv_bn(16, k = 1, act = silu); 1
        ],
        avgpool: global_avg_pool, flatten,
        classifier: [dropout(0.2), dense(10); 1],
    }
}

netspec! {
    /// ConvNeXt's structure with few channels on a small image: the patchify stem, a stage of
    /// one CNBlock, downsampling, a stage of two (with stochastic depth), the head;
    /// torchvision's names.
    pub TinyConvNeXt: [3, 16, 16] => {
        features: [
            convnext_stem(4),
            convnext_stage(1), convnext_downsample(8),
            convnext_stage(2); 1
        ],
        avgpool: global_avg_pool,
        classifier: convnext_head(10),
    }

    /// The Vision Transformer's structure, small: 4 patches of 4x4 and the class token (5
    /// tokens of width 6), two encoder layers of 2 heads, torchvision's names.
    pub TinyViT: [3, 8, 8] => {
        conv_proj: patch_embed(6, patch = 4),
        class_token: class_token,
        encoder: vit_encoder(layers = 2, heads = 2, mlp = 12),
        heads: vit_head(10),
    }
}

netspec! {
    /// The pre-activation block of `examples/preact_resnet.rs`.
    block PreActBlock(c, s = 1) {
        residual {
            bn1: batch_norm, relu, conv1: conv2d(c, k = 3, s = s, p = 1, bias = false),
            bn2: batch_norm, relu, conv2: conv2d(c, k = 3, p = 1, bias = false),
        } skip {
            shortcut: seq { conv2d(c, k = 1, s = s, bias = false) },
        }
    }

    /// Two branches joined by concatenation, then squeeze-and-excitation as a gate.
    block MixSe(c) {
        parallel(concat) { a: conv2d(c, k = 1), relu } { b: conv2d(c, k = 3, p = 1), relu },
        se: gate { global_avg_pool, fc1: conv2d(c / 2, k = 1), silu, fc2: conv2d(2 * c, k = 1), sigmoid },
    }

    /// Two branches joined by sum, inside an optional residual with stochastic depth.
    block SumSkip(c) {
        residual(optional, drop_path) {
            parallel(sum) { x: conv2d(c, k = 3, p = 1) } { y: conv2d(c, k = 1) },
        }
    }

    /// The example's pre-activation ResNet, small: one block with the identity skip, one
    /// strided with its projection.
    pub TinyPreAct: [3, 8, 8] => {
        conv1: conv2d(4, k = 3, p = 1, bias = false),
        layer1: [PreActBlock(4), PreActBlock(6, s = 2); 1],
        bn: batch_norm, relu, global_avg_pool, flatten,
        linear: dense(10),
    }

    /// Every combinator in user blocks: parallel by concatenation and by sum, a gate, an
    /// optional residual with stochastic depth (which adds here: the shapes agree; the second
    /// of the two drops with the full rate).
    pub TinyComposed: [3, 8, 8] => {
        stem: conv2d(4, k = 3, p = 1), relu,
        mix: MixSe(4),
        sum: [SumSkip(8); 2],
        global_avg_pool, flatten,
        fc: dense(10),
    }
}

/// A network started away from torchvision's near-silent initialisers, so that every
/// parameter has a gradient of ordinary size at the first step: ConvNeXt's layer scale (1e-6)
/// leaves its blocks' gradients near 1e-12, under Adam's eps, and the ViT's zero head gives
/// nothing but the head a gradient at all. Layer scales and heads start in U(±0.5) instead.
#[derive(Clone, Copy, Debug, Default)]
pub struct Warm<N>(std::marker::PhantomData<N>);

impl<N: Network> Network for Warm<N> {
    type Saved = N::Saved;
    const NAME: &'static str = N::NAME;

    fn input_shape() -> Vec<usize> {
        N::input_shape()
    }

    fn output_shape() -> Vec<usize> {
        N::output_shape()
    }

    fn params() -> Vec<ParamSpec> {
        N::params()
            .into_iter()
            .map(|mut p| {
                if p.name.ends_with("layer_scale") || p.name.starts_with("heads.head.") {
                    p.init = Init::Uniform { bound: 0.5 };
                }
                p
            })
            .collect()
    }

    fn forward(g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<Self::Saved> {
        N::forward(g, x, p, mode)
    }

    fn backward(g: &mut Graph, saved: &Self::Saved, p: &[Value], dy: Value) -> Vec<Value> {
        N::backward(g, saved, p, dy)
    }
}

/// A network whose zero-initialised trainable parameters (BatchNorm and squeeze-excitation
/// biases) start at small random values instead. In MobileNetV2 and EfficientNet the bias of
/// each block's projection BatchNorm has a true gradient of 0 in training: everything that reads
/// it goes, through the skips' sums, into a 1x1 convolution and then a BatchNorm with batch
/// statistics, which removes any per-channel shift. Such a bias moves only by weight decay, which
/// needs it non-zero; with SGD its rounding-level gradient then moves it by nothing measurable.
/// (Under Adam that rounding noise would be normalised to steps of ±lr in either evaluator, so
/// these networks are compared under SGD.)
pub struct WarmBiases<N>(std::marker::PhantomData<N>);

impl<N: Network> Network for WarmBiases<N> {
    type Saved = N::Saved;
    const NAME: &'static str = N::NAME;

    fn input_shape() -> Vec<usize> {
        N::input_shape()
    }

    fn output_shape() -> Vec<usize> {
        N::output_shape()
    }

    fn params() -> Vec<ParamSpec> {
        N::params()
            .into_iter()
            .map(|mut p| {
                if p.trainable && p.init == Init::Zeros {
                    p.init = Init::Uniform { bound: 0.1 };
                }
                p
            })
            .collect()
    }

    fn forward(g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<Self::Saved> {
        N::forward(g, x, p, mode)
    }

    fn backward(g: &mut Graph, saved: &Self::Saved, p: &[Value], dy: Value) -> Vec<Value> {
        N::backward(g, saved, p, dy)
    }
}
