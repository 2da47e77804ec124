//! Small instances of the book's architectures, for whole-network checks.

use netspec::netspec;

netspec! {
    /// ResNet's structure with few channels on a small image.
    pub TinyResNet: [3, 8, 8] => {
        conv1: conv2d(4, k = 3, p = 1, bias = false), bn1: batch_norm, relu,
        maxpool: max_pool(k = 3, s = 2, p = 1),
        layer1: [basic_block(4); 2],
        layer2: [basic_block(6, s = 2); 1],
        avgpool: global_avg_pool, flatten,
        fc: dense(10),
    }
}
