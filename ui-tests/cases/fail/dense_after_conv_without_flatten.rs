// Forgot `flatten` between the convolutional and the dense part.
use netspec::prelude::*;

netspec! {
    pub Cnn: [1, 28, 28] => {
        conv2d(32, k = 3, p = 1), relu, max_pool(2),
        dense(128), relu,
        dense(10),
    }
}

fn main() {}
