//! ConvNeXt-T (torchvision's `convnext_tiny(num_classes=10)`: its structure, parameter names and
//! initialisers, 27,827,818 parameters) with ConvNeXt's recipe brought to a CPU: AdamW, lr 1e-3,
//! weight decay 0.05, one warmup epoch then cosine decay, label smoothing 0.1.
//!
//! By default it runs at 32x32 on the default data set brought to 3x32x32, with a batch of 32
//! on the first 3,200 training examples for 3 epochs (300 steps), so that on two CPU cores it
//! finishes in a few minutes with a falling loss, prints the test accuracy and saves
//! `runs/convnext.safetensors` (with the training report beside it). `--train-limit`,
//! `--epochs`, `--batch-size`, `--save` and the other flags change that; `--resolution 224`
//! declares it at torchvision's 224x224 (meant for Imagenette on a GPU).
//!
//! Stochastic depth is torchvision's 0.1 (`--drop-path` changes it). It runs on IREE's
//! multi-threaded local-task, as every example but mnist_linear: 528 against 744 ms per step
//! for the single-threaded local-sync, 1.4 GiB at peak for either (40 steps, two cores,
//! AVX-512).

use netspec::cli::{self, Defaults};
use netspec::core::data::augment::Augment;
use netspec::iree::{OptimizerKind, TrainConfig};
use netspec::models::{ConvNeXtTiny, ConvNeXtTinyAt32};

fn main() {
    let config = TrainConfig {
        optimizer: OptimizerKind::Adam,
        lr: 1e-3,
        weight_decay: 0.05,
        warmup_epochs: 1,
        cosine: true,
        label_smoothing: 0.1,
        drop_path: 0.1,
        batch_size: 32,
        epochs: 3,
        ..TrainConfig::default()
    };
    let defaults = Defaults {
        config,
        augment: Augment::NONE,
        save: Some("runs/convnext.safetensors".into()),
        train_limit: Some(3_200),
        ..Defaults::default()
    };
    match cli::requested_resolution() {
        Some(224) => cli::main::<ConvNeXtTiny>(defaults),
        Some(32) | None => cli::main::<ConvNeXtTinyAt32>(defaults),
        Some(other) => {
            eprintln!("error: convnext is declared at 32 and 224, not {other}");
            std::process::exit(2);
        }
    }
}
