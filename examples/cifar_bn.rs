//! The book's CIFAR-10 network with BatchNorm, trained with the modern recipe: AdamW (lr 2e-3,
//! weight decay 0.05), one warmup epoch then cosine decay, label smoothing 0.1, random crop
//! (padding 4) and horizontal flip, batch 128, 15 epochs.
//!
//! With `--data DIR` pointing at the CIFAR-10 binary version (`data_batch_1.bin` ..
//! `test_batch.bin`, or the default `data/cifar-10-batches-bin`) it trains on CIFAR-10. Without
//! it, it says so and trains on Fashion-MNIST brought to 3x32x32 (bilinear resize, grey
//! replicated to three channels), so the example always runs.

use netspec::cli::{self, Defaults};
use netspec::core::data::augment::Augment;
use netspec::core::data::DatasetKind;
use netspec::iree::{OptimizerKind, TrainConfig};
use netspec::models::CifarBn;

fn main() {
    let config = TrainConfig {
        optimizer: OptimizerKind::Adam,
        lr: 2e-3,
        weight_decay: 0.05,
        warmup_epochs: 1,
        cosine: true,
        label_smoothing: 0.1,
        epochs: 15,
        ..TrainConfig::default()
    };
    cli::main::<CifarBn>(Defaults {
        config,
        dataset: DatasetKind::Cifar10,
        fallback: Some(DatasetKind::FashionMnist),
        augment: Augment::CIFAR,
        ..Defaults::default()
    });
}
