// A gate's body must give one factor per channel ([c, 1, 1]) or per element; this one
// changes the channel count.
use netspec::prelude::*;

netspec! {
    block Se(c) {
        gate { global_avg_pool, fc: conv2d(c / 2, k = 1), sigmoid }
    }

    pub Net: [16, 8, 8] => {
        se: Se(16),
        global_avg_pool, flatten, fc: dense(10),
    }
}

fn main() {}
