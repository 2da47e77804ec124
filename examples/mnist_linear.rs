//! The book's linear model: softmax regression 784 -> 10, trained with SGD (lr 0.1, batch 128,
//! 12 epochs) on Fashion-MNIST by default, or the MNIST digits with `--dataset mnist`.
//!
//! Its default driver is the single-threaded local-sync (`--device local-task` for the
//! multi-threaded one): a step is a few MFLOP, less work than it costs local-task to wake its
//! workers on the other cores and be woken by them, so one thread runs it in about half the
//! time (`cargo bench --bench train_step` measures it on local-sync, as trained here).

use netspec::cli::{self, Defaults};
use netspec::iree::Device;
use netspec::models::MnistLinear;

fn main() {
    cli::main::<MnistLinear>(Defaults {
        device: Device::LocalSync,
        ..Defaults::default()
    });
}
