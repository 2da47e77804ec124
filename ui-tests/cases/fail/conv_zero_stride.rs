// A stride of 0 would never move the window.
use netspec::prelude::*;

netspec! {
    pub Cnn: [1, 28, 28] => {
        conv2d(32, k = 3, s = 0, p = 1), relu,
        flatten,
        dense(10),
    }
}

fn main() {}
