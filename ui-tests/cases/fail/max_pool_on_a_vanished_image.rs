// Five 2x2 poolings on 28x28: 14, 7, 3, 1, and the fifth has nothing left to pool.
use netspec::prelude::*;

netspec! {
    pub Cnn: [1, 28, 28] => {
        conv2d(16, k = 3, p = 1), relu, max_pool(2),
        conv2d(16, k = 3, p = 1), relu, max_pool(2),
        conv2d(16, k = 3, p = 1), relu, max_pool(2),
        conv2d(16, k = 3, p = 1), relu, max_pool(2),
        max_pool(2),
        flatten,
        dense(10),
    }
}

fn main() {}
