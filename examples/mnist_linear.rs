//! The book's linear model: softmax regression 784 -> 10, trained with SGD (lr 0.1, batch 128,
//! 12 epochs) on Fashion-MNIST by default, or the MNIST digits with `--dataset mnist`.

use netspec::cli::{self, Defaults};
use netspec::models::MnistLinear;

fn main() {
    cli::main::<MnistLinear>(Defaults::default());
}
