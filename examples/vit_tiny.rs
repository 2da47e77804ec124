//! ViT-Tiny (torchvision's `VisionTransformer` with 12 layers, 3 heads, width 192, MLP 768 and
//! 10 classes: its structure, parameter names and initialisers) with a ViT recipe brought to a
//! CPU: AdamW, lr 1e-3, weight decay 0.05, one warmup epoch then cosine decay, label smoothing
//! 0.1.
//!
//! By default it runs `ViTTinyAt32`: 32x32 images cut into 4x4 patches (64 tokens and the class
//! token; torchvision's `VisionTransformer(image_size=32, patch_size=4, ...)`, 5,362,762
//! parameters), on the default data set brought to 3x32x32, with a batch of 32 on the first
//! 3,200 training examples for 3 epochs (300 steps), saving `runs/vit_tiny.safetensors`.
//! `--resolution 224` trains `ViTTiny` (patches of 16, 197 tokens, 5,526,346 parameters:
//! torchvision's ViT-Tiny/16), meant for Imagenette on a GPU.
//!
//! torchvision's ViT has no dropout by default (its dropout rates are 0), nor here.
//!
//! The default driver is IREE's multi-threaded local-task: 897 against 1,472 ms per step for
//! local-sync on two cores (60 steps, AVX-512).

use netspec::cli::{self, Defaults};
use netspec::core::data::augment::Augment;
use netspec::iree::{OptimizerKind, TrainConfig};
use netspec::models::{ViTTiny, ViTTinyAt32};

fn main() {
    let config = TrainConfig {
        optimizer: OptimizerKind::Adam,
        lr: 1e-3,
        weight_decay: 0.05,
        warmup_epochs: 1,
        cosine: true,
        label_smoothing: 0.1,
        batch_size: 32,
        epochs: 3,
        ..TrainConfig::default()
    };
    let defaults = Defaults {
        config,
        augment: Augment::NONE,
        save: Some("runs/vit_tiny.safetensors".into()),
        train_limit: Some(3_200),
        ..Defaults::default()
    };
    match cli::requested_resolution() {
        Some(224) => cli::main::<ViTTiny>(defaults),
        Some(32) | None => cli::main::<ViTTinyAt32>(defaults),
        Some(other) => {
            eprintln!("error: vit_tiny is declared at 32 (patches of 4) and 224 (patches of 16), not {other}");
            std::process::exit(2);
        }
    }
}
