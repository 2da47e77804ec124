//! The book's architectures as `netspec!` blocks; the examples train them.

use crate::netspec;

netspec! {
    /// The book's linear model: softmax regression 784 -> 10.
    pub MnistLinear: [1, 28, 28] => {
        flatten,
        dense(10),
    }

    /// The book's MNIST MLP: 784 -> 512 -> 512 -> 10 with ReLU.
    pub MnistMlp: [1, 28, 28] => {
        flatten,
        dense(512), relu,
        dense(512), relu,
        dense(10),
    }
}
