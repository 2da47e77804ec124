//! ResNet-34 (torchvision's structure and parameter names) with the book's recipe: SGD with
//! momentum 0.9, lr 0.05, weight decay 5e-4, one warmup epoch then cosine decay, label smoothing
//! 0.1, random crop and flip; batch 64, 5 epochs.
//!
//! At 224x224 (`--resolution 224`) it is meant for Imagenette on a GPU; by default it runs at
//! 32x32 on the default data set brought to 3x32x32, so a CPU run of a few minutes
//! (`--steps 100`) shows a falling loss.

use netspec::cli::{self, Defaults};
use netspec::core::data::augment::Augment;
use netspec::iree::TrainConfig;
use netspec::models::{ResNet34, ResNet34At32};

fn main() {
    let config = TrainConfig {
        lr: 0.05,
        momentum: 0.9,
        weight_decay: 5e-4,
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
        Some(224) => cli::main::<ResNet34>(defaults),
        Some(32) | None => cli::main::<ResNet34At32>(defaults),
        Some(other) => {
            eprintln!("error: resnet34 is declared at 32 and 224, not {other}");
            std::process::exit(2);
        }
    }
}
