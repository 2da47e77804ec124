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

netspec! {
    /// The book's MNIST CNN: two 3x3 convolutions with max-pooling, then two dense layers.
    pub MnistCnn: [1, 28, 28] => {
        conv1: conv2d(32, k = 3, p = 1), relu, max_pool(2),
        conv2: conv2d(64, k = 3, p = 1), relu, max_pool(2),
        flatten,
        fc1: dense(128), relu,
        fc2: dense(10),
    }

    /// The book's CIFAR-10 network with BatchNorm: three stages of 3x3 convolutions, each
    /// followed by BatchNorm and ReLU, max-pooling between stages.
    pub CifarBn: [3, 32, 32] => {
        conv2d(32, k = 3, p = 1, bias = false), batch_norm, relu,
        conv2d(32, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        conv2d(64, k = 3, p = 1, bias = false), batch_norm, relu,
        conv2d(64, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        conv2d(128, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        flatten,
        dense(10),
    }
}
