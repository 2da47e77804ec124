// One branch keeps 16x16, the other pools to 8x8: they cannot be concatenated.
use netspec::prelude::*;

netspec! {
    block Mixed(c) {
        parallel(concat) {
            a: conv2d(c, k = 3, p = 1),
        } {
            max_pool(2), b: conv2d(c, k = 1),
        }
    }

    pub Net: [3, 16, 16] => {
        mixed: Mixed(8),
        global_avg_pool, flatten, fc: dense(10),
    }
}

fn main() {}
