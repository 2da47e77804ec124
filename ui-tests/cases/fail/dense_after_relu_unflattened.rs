// The shape error is found after a shape-preserving layer: dense still receives the image.
use netspec::prelude::*;

netspec! {
    pub Mlp: [3, 32, 32] => {
        relu,
        fc1: dense(128),
        dense(10),
    }
}

fn main() {}
