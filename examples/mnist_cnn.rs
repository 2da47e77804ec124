//! The book's MNIST CNN (two 3x3 convolutions with max-pooling, two dense layers), trained with
//! the baseline recipe (SGD, lr 0.1, batch 128, 12 epochs) on Fashion-MNIST by default, or the
//! MNIST digits with `--dataset mnist`.

use netspec::cli::{self, Defaults};
use netspec::models::MnistCnn;

fn main() {
    cli::main::<MnistCnn>(Defaults::default());
}
