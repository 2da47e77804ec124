//! The book's architectures as `netspec!` blocks; the examples train them, and the networks of
//! its experiments (`studies`), which the ablation runner trains.

mod studies;

pub use studies::*;

use crate::netspec;

netspec! {
    /// The book's linear model: softmax regression 784 -> 10.
    pub MnistLinear: [1, 28, 28] => {
        flatten,
        dense(10),
    }

    /// The book's MNIST MLP: 784 -> 512 -> 512 -> 10 with ReLU.
    pub MnistMlp: [1, 28, 28] => {
        flatten,
        dense(512), relu,
        dense(512), relu,
        dense(10),
    }
}

netspec! {
    /// The book's MNIST CNN: two 3x3 convolutions with max-pooling, then two dense layers.
    pub MnistCnn: [1, 28, 28] => {
        conv1: conv2d(32, k = 3, p = 1), relu, max_pool(2),
        conv2: conv2d(64, k = 3, p = 1), relu, max_pool(2),
        flatten,
        fc1: dense(128), relu,
        fc2: dense(10),
    }

    /// The book's CIFAR-10 network with BatchNorm: three stages of 3x3 convolutions, each
    /// followed by BatchNorm and ReLU, max-pooling between stages.
    pub CifarBn: [3, 32, 32] => {
        conv2d(32, k = 3, p = 1, bias = false), batch_norm, relu,
        conv2d(32, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        conv2d(64, k = 3, p = 1, bias = false), batch_norm, relu,
        conv2d(64, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        conv2d(128, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        flatten,
        dense(10),
    }
}

netspec! {
    /// ResNet-34 with torchvision's parameter names (`layer2.0.downsample.0.weight`), at the
    /// book's 224x224 and at 32x32 for CPU runs.
    pub ResNet34: [3, 224, 224], ResNet34At32: [3, 32, 32] => {
        conv1: conv2d(64, k = 7, s = 2, p = 3, bias = false), bn1: batch_norm, relu,
        maxpool: max_pool(k = 3, s = 2, p = 1),
        layer1: [basic_block(64); 3],
        layer2: [basic_block(128, s = 2), basic_block(128); 3],
        layer3: [basic_block(256, s = 2), basic_block(256); 5],
        layer4: [basic_block(512, s = 2), basic_block(512); 2],
        avgpool: global_avg_pool, flatten,
        fc: dense(10),
    }
}

netspec! {
    /// MobileNetV2 with torchvision's structure and parameter names (`features.0.0.weight`,
    /// `features.3.conv.1.0.weight`, `features.18.1.running_var`, `classifier.1.weight`), at
    /// 224x224 and at 32x32 for CPU runs, with torchvision's dropout of 0.2 before the
    /// classifier.
    pub MobileNetV2: [3, 224, 224], MobileNetV2At32: [3, 32, 32] => {
        features: [
            conv_bn(32, k = 3, s = 2, act = relu6),
            inverted_residual(16, t = 1),
            inverted_residual(24, t = 6, s = 2), inverted_residual(24, t = 6),
            inverted_residual(32, t = 6, s = 2), inverted_residual(32, t = 6),
            inverted_residual(32, t = 6),
            inverted_residual(64, t = 6, s = 2), inverted_residual(64, t = 6),
            inverted_residual(64, t = 6), inverted_residual(64, t = 6),
            inverted_residual(96, t = 6), inverted_residual(96, t = 6),
            inverted_residual(96, t = 6),
            inverted_residual(160, t = 6, s = 2), inverted_residual(160, t = 6),
            inverted_residual(160, t = 6),
            inverted_residual(320, t = 6),
            conv_bn(1280, k = 1, act = relu6); 1
        ],
        global_avg_pool, flatten,
        classifier: [dropout(0.2), dense(10); 1],
    }
}

netspec! {
    /// EfficientNet-B0 with torchvision's structure and parameter names
    /// (`features.2.1.block.2.fc1.weight`, `features.8.0.weight`, `classifier.1.weight`), at
    /// 224x224 and at 32x32 for CPU runs, with torchvision's dropout of 0.2 before the
    /// classifier; its MBConv blocks carry stochastic depth (the rate is a training option).
    pub EfficientNetB0: [3, 224, 224], EfficientNetB0At32: [3, 32, 32] => {
        features: [
            conv_bn(32, k = 3, s = 2, act = silu),
            mbconv_stage(16, t = 1, k = 3, n = 1),
            mbconv_stage(24, t = 6, k = 3, s = 2, n = 2),
            mbconv_stage(40, t = 6, k = 5, s = 2, n = 2),
            mbconv_stage(80, t = 6, k = 3, s = 2, n = 3),
            mbconv_stage(112, t = 6, k = 5, n = 3),
            mbconv_stage(192, t = 6, k = 5, s = 2, n = 4),
            mbconv_stage(320, t = 6, k = 3, n = 1),
            conv_bn(1280, k = 1, act = silu); 1
        ],
        avgpool: global_avg_pool, flatten,
        classifier: [dropout(0.2), dense(10); 1],
    }
}

netspec! {
    /// ConvNeXt-T with torchvision's structure and parameter names (`features.0.0.weight`,
    /// `features.1.2.block.3.weight`, `features.5.8.layer_scale`, `features.6.1.weight`,
    /// `classifier.2.weight`): `convnext_tiny(num_classes=10)`, at 224x224 and at 32x32 for CPU
    /// runs (the parameters do not depend on the resolution). Its blocks carry stochastic depth
    /// (the rate is a training option; torchvision's is 0.1).
    pub ConvNeXtTiny: [3, 224, 224], ConvNeXtTinyAt32: [3, 32, 32] => {
        features: [
            convnext_stem(96),
            convnext_stage(3), convnext_downsample(192),
            convnext_stage(3), convnext_downsample(384),
            convnext_stage(9), convnext_downsample(768),
            convnext_stage(3); 1
        ],
        avgpool: global_avg_pool,
        classifier: convnext_head(10),
    }

    /// ViT-Tiny/16 with torchvision's structure and parameter names (`conv_proj.weight`,
    /// `class_token`, `encoder.pos_embedding`,
    /// `encoder.layers.encoder_layer_11.self_attention.in_proj_weight`, `encoder.ln.weight`,
    /// `heads.head.weight`): `VisionTransformer(image_size=224, patch_size=16, num_layers=12,
    /// num_heads=3, hidden_dim=192, mlp_dim=768, num_classes=10)`.
    pub ViTTiny: [3, 224, 224] => {
        conv_proj: patch_embed(192, patch = 16),
        class_token: class_token,
        encoder: vit_encoder(layers = 12, heads = 3, mlp = 768),
        heads: vit_head(10),
    }

    /// ViT-Tiny for CPU runs on 32x32 images: patches of 4, so 64 patches and the class token.
    /// torchvision's `VisionTransformer(image_size=32, patch_size=4, ...)`, the same otherwise:
    /// only `conv_proj.weight` ([192, 3, 4, 4]) and `encoder.pos_embedding` ([1, 65, 192])
    /// differ from ViTTiny's.
    pub ViTTinyAt32: [3, 32, 32] => {
        conv_proj: patch_embed(192, patch = 4),
        class_token: class_token,
        encoder: vit_encoder(layers = 12, heads = 3, mlp = 768),
        heads: vit_head(10),
    }
}

use std::collections::HashMap;
use std::path::Path;

use netspec_iree::Error;

/// Something to do with one of the models above, chosen by name at run time (a checkpoint's
/// `network` metadata, a command-line argument): [`with_model`] calls `run::<N>()` for it.
pub trait ModelTask {
    type Output;
    fn run<N: netspec_core::Network>(self) -> Self::Output;
}

/// Declares [`MODEL_NAMES`] and [`with_model`] from one list, so a model cannot be in one and
/// not the other.
macro_rules! by_name {
    ($($model:ident),* $(,)?) => {
        /// The names of the models above, as `Network::NAME` gives them.
        pub const MODEL_NAMES: &[&str] = &[$(stringify!($model)),*];

        /// Runs `task` for the model named `name`; a name not in [`MODEL_NAMES`] is a usage
        /// error listing them.
        pub fn with_model<T: ModelTask>(name: &str, task: T) -> Result<T::Output, Error> {
            Ok(match name {
                $(stringify!($model) => task.run::<$model>(),)*
                _ => {
                    return Err(Error::Usage(format!(
                        "unknown network {name}; the models are {}",
                        MODEL_NAMES.join(", ")
                    )))
                }
            })
        }
    };
}

by_name![
    MnistLinear,
    MnistMlp,
    MnistCnn,
    CifarBn,
    ResNet34,
    ResNet34At32,
    MobileNetV2,
    MobileNetV2At32,
    EfficientNetB0,
    EfficientNetB0At32,
    ConvNeXtTiny,
    ConvNeXtTinyAt32,
    ViTTiny,
    ViTTinyAt32,
    MnistShallow,
    MnistH32,
    MnistH64,
    MnistH128,
    MnistH256,
    MnistH512,
    MnistCnnF8,
    MnistCnnF16,
    MnistCnnF32,
    MnistCnnF64,
    CifarBnF8,
    CifarBnF16,
    CifarBnF32,
    CifarBnF64,
    MnistCnnNoBn,
    MnistCnnBn,
    MnistCnnLite,
    MnistCnnLiteBn,
    CifarCnnNoBn,
    CifarCnnBn,
    CifarLiteNoBn,
    CifarLiteBn,
];

/// The network a checkpoint was saved from: `given` (a `--network` flag) if any, else its
/// `network` metadata.
pub fn network_of(
    checkpoint: &Path,
    metadata: &HashMap<String, String>,
    given: Option<&str>,
) -> Result<String, Error> {
    match given.or(metadata.get("network").map(String::as_str)) {
        Some(name) => Ok(name.to_string()),
        None => Err(Error::Usage(format!(
            "{} does not name its network; pass --network (one of {})",
            checkpoint.display(),
            MODEL_NAMES.join(", ")
        ))),
    }
}
