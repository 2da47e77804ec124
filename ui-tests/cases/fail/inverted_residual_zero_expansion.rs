// An expansion ratio of 0 leaves the block no hidden channels.
use netspec::prelude::*;

netspec! {
    pub Mobile: [3, 32, 32] => {
        features: [
            conv_bn(32, k = 3, s = 2, act = relu6),
            inverted_residual(16, t = 0); 1
        ],
        global_avg_pool, flatten,
        classifier: dense(10),
    }
}

fn main() {}
