// A residual whose body halves the image has no identity skip; the error is at `residual`
// inside the block and names the use that built it.
use netspec::prelude::*;

netspec! {
    block Down(c, s = 1) {
        residual {
            conv1: conv2d(c, k = 3, s = s, p = 1), relu,
        }
    }

    pub Net: [8, 16, 16] => {
        layer1: [Down(8), Down(16, s = 2); 1],
        global_avg_pool, flatten, fc: dense(10),
    }
}

fn main() {}
