// A stage of zero blocks.
use netspec::prelude::*;

netspec! {
    pub Efficient: [3, 32, 32] => {
        features: [
            conv_bn(32, k = 3, s = 2, act = silu),
            mbconv_stage(16, t = 1, k = 3, n = 0); 1
        ],
        avgpool: global_avg_pool, flatten,
        classifier: dense(10),
    }
}

fn main() {}
