//! The book's MNIST MLP: 784 -> 512 -> 512 -> 10 with ReLU, trained with SGD (lr 0.1, batch
//! 128, 12 epochs) on Fashion-MNIST by default, or the MNIST digits with `--dataset mnist`.

use netspec::cli::{self, Defaults};
use netspec::models::MnistMlp;

fn main() {
    cli::main::<MnistMlp>(Defaults::default());
}
