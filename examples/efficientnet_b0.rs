//! EfficientNet-B0 (torchvision's structure and parameter names) with AdamW: lr 2e-3, weight
//! decay 0.05, one warmup epoch then cosine decay, label smoothing 0.1, random crop and flip;
//! batch 64, 5 epochs.
//!
//! torchvision's dropout of 0.2 before the classifier is part of the network; its stochastic
//! depth on the MBConv residual branches is 0.2 here too (`--drop-path` changes it).
//!
//! At 224x224 (`--resolution 224`) it is meant for Imagenette on a GPU; by default it runs at
//! 32x32 on the default data set brought to 3x32x32, so a CPU run of a few minutes
//! (`--steps 100`) shows a falling loss.

use netspec::cli::{self, Defaults};
use netspec::core::data::augment::Augment;
use netspec::iree::{OptimizerKind, TrainConfig};
use netspec::models::{EfficientNetB0, EfficientNetB0At32};

fn main() {
    let config = TrainConfig {
        optimizer: OptimizerKind::Adam,
        lr: 2e-3,
        weight_decay: 0.05,
        warmup_epochs: 1,
        cosine: true,
        label_smoothing: 0.1,
        drop_path: 0.2,
        batch_size: 64,
        epochs: 5,
        ..TrainConfig::default()
    };
    let defaults = Defaults {
        config,
        augment: Augment::CIFAR,
        ..Defaults::default()
    };
    match cli::requested_resolution() {
        Some(224) => cli::main::<EfficientNetB0>(defaults),
        Some(32) | None => cli::main::<EfficientNetB0At32>(defaults),
        Some(other) => {
            eprintln!("error: efficientnet_b0 is declared at 32 and 224, not {other}");
            std::process::exit(2);
        }
    }
}
