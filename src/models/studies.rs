//! The networks of the book's experiments (its `MainAblation.lean`), with the book's names:
//! `MNIST-Shallow` is [`MnistShallow`], `MNIST-H128` is [`MnistH128`], `CIFAR-BN-f16` is
//! [`CifarBnF16`], and so on. The width sweeps declare their network once, as a block with a
//! width parameter, and each width is a network of one line. `MNIST-Linear` and `MNIST-MLP` are
//! [`MnistLinear`](super::MnistLinear) and [`MnistMlp`](super::MnistMlp); `ResNet-34` is
//! [`ResNet34`](super::ResNet34).
//!
//! A convolution "with BatchNorm" is the book's `convBn`: a 3x3 convolution without bias, then
//! BatchNorm and ReLU.

use crate::netspec;

netspec! {
    /// The book's width sweep of one hidden layer (`mnistHidden w`): 784 -> w -> 10.
    block Hidden(w) {
        flatten,
        dense(w), relu,
        dense(10),
    }

    /// `MNIST-Shallow`: one hidden layer of 128 units.
    pub MnistShallow: [1, 28, 28] => { Hidden(128) }
    /// `MNIST-H32`.
    pub MnistH32: [1, 28, 28] => { Hidden(32) }
    /// `MNIST-H64`.
    pub MnistH64: [1, 28, 28] => { Hidden(64) }
    /// `MNIST-H128` (the layers of `MNIST-Shallow`).
    pub MnistH128: [1, 28, 28] => { Hidden(128) }
    /// `MNIST-H256`.
    pub MnistH256: [1, 28, 28] => { Hidden(256) }
    /// `MNIST-H512`.
    pub MnistH512: [1, 28, 28] => { Hidden(512) }
}

netspec! {
    /// The book's MNIST CNN width sweep without BatchNorm (`mnistCnnWidth f`): two 3x3
    /// convolutions of `f` filters, one max-pool, a dense layer of 128.
    block TwoConv(f) {
        conv2d(f, k = 3, p = 1), relu,
        conv2d(f, k = 3, p = 1), relu,
        max_pool(2),
        flatten,
        dense(128), relu,
        dense(10),
    }

    /// `MNIST-CNN-f8`.
    pub MnistCnnF8: [1, 28, 28] => { TwoConv(8) }
    /// `MNIST-CNN-f16`.
    pub MnistCnnF16: [1, 28, 28] => { TwoConv(16) }
    /// `MNIST-CNN-f32`.
    pub MnistCnnF32: [1, 28, 28] => { TwoConv(32) }
    /// `MNIST-CNN-f64`.
    pub MnistCnnF64: [1, 28, 28] => { TwoConv(64) }
}

netspec! {
    /// The book's CIFAR CNN width sweep with BatchNorm (`cifarCnnWidth f`): two stages of two
    /// convolutions (`f`, then `2f` filters), each stage max-pooled, a dense layer of 512.
    block CifarWidth(f) {
        conv2d(f, k = 3, p = 1, bias = false), batch_norm, relu,
        conv2d(f, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        conv2d(2 * f, k = 3, p = 1, bias = false), batch_norm, relu,
        conv2d(2 * f, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        flatten,
        dense(512), relu,
        dense(10),
    }

    /// `CIFAR-BN-f8`.
    pub CifarBnF8: [3, 32, 32] => { CifarWidth(8) }
    /// `CIFAR-BN-f16`.
    pub CifarBnF16: [3, 32, 32] => { CifarWidth(16) }
    /// `CIFAR-BN-f32`.
    pub CifarBnF32: [3, 32, 32] => { CifarWidth(32) }
    /// `CIFAR-BN-f64`.
    pub CifarBnF64: [3, 32, 32] => { CifarWidth(64) }
}

netspec! {
    /// `MNIST-CNN-noBN`, the S4TF book's CNN: two convolutions of 32, one max-pool, two dense
    /// layers of 512.
    pub MnistCnnNoBn: [1, 28, 28] => {
        conv2d(32, k = 3, p = 1), relu,
        conv2d(32, k = 3, p = 1), relu,
        max_pool(2),
        flatten,
        dense(512), relu,
        dense(512), relu,
        dense(10),
    }

    /// `MNIST-CNN-BN`: two stages of two convolutions with BatchNorm (32, then 64), one dense
    /// layer of 512.
    pub MnistCnnBn: [1, 28, 28] => {
        conv2d(32, k = 3, p = 1, bias = false), batch_norm, relu,
        conv2d(32, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        conv2d(64, k = 3, p = 1, bias = false), batch_norm, relu,
        conv2d(64, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        flatten,
        dense(512), relu,
        dense(10),
    }

    /// `MNIST-CNN-Lite`: two convolutions of 128, max-pool, global average pool, one dense
    /// layer (ResNet's head).
    pub MnistCnnLite: [1, 28, 28] => {
        conv2d(128, k = 3, p = 1), relu,
        conv2d(128, k = 3, p = 1), relu,
        max_pool(2),
        global_avg_pool, flatten,
        dense(10),
    }

    /// `MNIST-CNN-Lite-BN`: `MNIST-CNN-Lite` with BatchNorm after each convolution.
    pub MnistCnnLiteBn: [1, 28, 28] => {
        conv2d(128, k = 3, p = 1, bias = false), batch_norm, relu,
        conv2d(128, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        global_avg_pool, flatten,
        dense(10),
    }
}

netspec! {
    /// `CIFAR-CNN-noBN`: two stages of two convolutions (32, then 64), each max-pooled, and a
    /// dense head of 512, 512, 10.
    pub CifarCnnNoBn: [3, 32, 32] => {
        conv2d(32, k = 3, p = 1), relu,
        conv2d(32, k = 3, p = 1), relu,
        max_pool(2),
        conv2d(64, k = 3, p = 1), relu,
        conv2d(64, k = 3, p = 1), relu,
        max_pool(2),
        flatten,
        dense(512), relu,
        dense(512), relu,
        dense(10),
    }

    /// `CIFAR-CNN-BN`: `CIFAR-CNN-noBN` with BatchNorm after each convolution.
    pub CifarCnnBn: [3, 32, 32] => {
        conv2d(32, k = 3, p = 1, bias = false), batch_norm, relu,
        conv2d(32, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        conv2d(64, k = 3, p = 1, bias = false), batch_norm, relu,
        conv2d(64, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        flatten,
        dense(512), relu,
        dense(512), relu,
        dense(10),
    }

    /// `CIFAR-Lite-noBN`: two stages of two convolutions (64, then 128), each max-pooled, then
    /// global average pool and one dense layer: ResNet's head on a plain trunk.
    pub CifarLiteNoBn: [3, 32, 32] => {
        conv2d(64, k = 3, p = 1), relu,
        conv2d(64, k = 3, p = 1), relu,
        max_pool(2),
        conv2d(128, k = 3, p = 1), relu,
        conv2d(128, k = 3, p = 1), relu,
        max_pool(2),
        global_avg_pool, flatten,
        dense(10),
    }

    /// `CIFAR-Lite-BN`: `CIFAR-Lite-noBN` with BatchNorm after each convolution.
    pub CifarLiteBn: [3, 32, 32] => {
        conv2d(64, k = 3, p = 1, bias = false), batch_norm, relu,
        conv2d(64, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        conv2d(128, k = 3, p = 1, bias = false), batch_norm, relu,
        conv2d(128, k = 3, p = 1, bias = false), batch_norm, relu,
        max_pool(2),
        global_avg_pool, flatten,
        dense(10),
    }
}
