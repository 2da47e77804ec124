// 64 -> 128 channels at stride 2 needs the projection skip; without it the sum has no meaning.
use netspec::prelude::*;

netspec! {
    pub Stage: [64, 56, 56] => {
        layer2: [basic_block(128, s = 2, downsample = false), basic_block(128); 3],
        avgpool: global_avg_pool, flatten,
        fc: dense(10),
    }
}

fn main() {}
