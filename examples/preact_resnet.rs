//! A network netspec does not ship, declared here with its own block: the pre-activation
//! ResNet-18 of He et al., "Identity Mappings in Deep Residual Networks" (2016), for 32x32
//! images, with the parameter names of the common PyTorch version (`layer2.0.shortcut.0.weight`).
//! The block's backward comes from the combinators; nothing here computes a gradient.
//!
//! `cargo run --release --example preact_resnet -- --steps 50` trains it on the default data
//! (brought to 3x32x32) with the same flags as every example; it prints its parameter names first.

use netspec::cli::{self, Defaults};
use netspec::core::data::augment::Augment;
use netspec::core::Network;
use netspec::iree::TrainConfig;
use netspec::prelude::*;

netspec! {
    /// BatchNorm and ReLU before each convolution; the skip projects where the shape changes.
    block PreActBlock(c, s = 1) {
        residual {
            bn1: batch_norm, relu, conv1: conv2d(c, k = 3, s = s, p = 1, bias = false),
            bn2: batch_norm, relu, conv2: conv2d(c, k = 3, p = 1, bias = false),
        } skip {
            shortcut: seq { conv2d(c, k = 1, s = s, bias = false) },
        }
    }

    /// Pre-activation ResNet-18 for 32x32 images.
    pub PreActResNet18: [3, 32, 32] => {
        conv1: conv2d(64, k = 3, p = 1, bias = false),
        layer1: [PreActBlock(64); 2],
        layer2: [PreActBlock(128, s = 2), PreActBlock(128); 1],
        layer3: [PreActBlock(256, s = 2), PreActBlock(256); 1],
        layer4: [PreActBlock(512, s = 2), PreActBlock(512); 1],
        bn: batch_norm, relu, global_avg_pool, flatten,
        linear: dense(10),
    }
}

fn main() {
    let params = PreActResNet18::params();
    println!(
        "{}: {} trainable parameters; its tensors and buffers:",
        PreActResNet18::NAME,
        PreActResNet18::parameter_count()
    );
    for p in &params {
        println!("  {:<28} {:?}", p.name, p.shape);
    }
    let config = TrainConfig {
        lr: 0.05,
        momentum: 0.9,
        weight_decay: 5e-4,
        warmup_epochs: 1,
        cosine: true,
        batch_size: 64,
        epochs: 5,
        ..TrainConfig::default()
    };
    let defaults = Defaults {
        config,
        augment: Augment::CIFAR,
        ..Defaults::default()
    };
    cli::main::<PreActResNet18>(defaults);
}
