// `p = same` keeps the size only at stride 1 (as PyTorch refuses it for strided convolutions).
use netspec::prelude::*;

netspec! {
    pub Cnn: [3, 32, 32] => {
        conv2d(32, k = 3, s = 2, p = same), relu,
        flatten,
        dense(10),
    }
}

fn main() {}
