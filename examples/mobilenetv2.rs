//! MobileNetV2 (torchvision's structure and parameter names) with its usual recipe scaled to a
//! batch of 64: SGD with momentum 0.9, lr 0.05, weight decay 4e-5, one warmup epoch then cosine
//! decay, label smoothing 0.1, random crop and flip; 5 epochs.
//!
//! torchvision's dropout of 0.2 before the classifier is part of the network.
//!
//! At 224x224 (`--resolution 224`) it is meant for Imagenette on a GPU; by default it runs at
//! 32x32 on the default data set brought to 3x32x32, so a CPU run of a few minutes
//! (`--steps 100`) shows a falling loss.

use netspec::cli::{self, Defaults};
use netspec::core::data::augment::Augment;
use netspec::iree::TrainConfig;
use netspec::models::{MobileNetV2, MobileNetV2At32};

fn main() {
    let config = TrainConfig {
        lr: 0.05,
        momentum: 0.9,
        weight_decay: 4e-5,
        warmup_epochs: 1,
        cosine: true,
        label_smoothing: 0.1,
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
        Some(224) => cli::main::<MobileNetV2>(defaults),
        Some(32) | None => cli::main::<MobileNetV2At32>(defaults),
        Some(other) => {
            eprintln!("error: mobilenetv2 is declared at 32 and 224, not {other}");
            std::process::exit(2);
        }
    }
}
