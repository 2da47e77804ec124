// A convolution needs an image [channels, height, width], not a flat vector.
use netspec::prelude::*;

netspec! {
    pub Cnn: [784] => {
        conv2d(32, k = 3), relu,
        dense(10),
    }
}

fn main() {}
