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

netspec! {
    /// ResNet-34 with torchvision's parameter names (`layer2.0.downsample.0.weight`), at the
    /// book's 224x224 and at 32x32 for CPU runs.
    pub ResNet34: [3, 224, 224], ResNet34At32: [3, 32, 32] => {
        conv1: conv2d(64, k = 7, s = 2, p = 3, bias = false), bn1: batch_norm, relu,
        maxpool: max_pool(k = 3, s = 2, p = 1),
        layer1: [basic_block(64); 3],
        layer2: [basic_block(128, s = 2), basic_block(128); 3],
        layer3: [basic_block(256, s = 2), basic_block(256); 5],
        layer4: [basic_block(512, s = 2), basic_block(512); 2],
        avgpool: global_avg_pool, flatten,
        fc: dense(10),
    }
}
