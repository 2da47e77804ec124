// A shape error inside a block points at the layer in the block's body and names the use.
use netspec::prelude::*;

netspec! {
    block Stem(c, k) {
        conv: conv2d(c, k = k), relu,
    }

    pub Net: [1, 8, 8] => {
        stem: Stem(4, k = 3),
        pool: max_pool(2),
        late: Stem(4, k = 5),
        flatten, fc: dense(10),
    }
}

fn main() {}
