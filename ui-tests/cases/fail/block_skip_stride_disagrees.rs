// The projection keeps the size while the body halves it: they cannot be added.
use netspec::prelude::*;

netspec! {
    block Down(c, s = 2) {
        residual {
            conv1: conv2d(c, k = 3, s = s, p = 1),
        } skip {
            shortcut: seq { conv2d(c, k = 1) },
        }
    }

    pub Net: [8, 16, 16] => {
        down: Down(16),
        global_avg_pool, flatten, fc: dense(10),
    }
}

fn main() {}
