// MobileNetV2's blocks take a stride of 1 or 2.
use netspec::prelude::*;

netspec! {
    pub Mobile: [3, 32, 32] => {
        features: [
            conv_bn(32, k = 3, s = 2, act = relu6),
            inverted_residual(16, t = 1),
            inverted_residual(24, t = 6, s = 3); 1
        ],
        global_avg_pool, flatten,
        classifier: dense(10),
    }
}

fn main() {}
