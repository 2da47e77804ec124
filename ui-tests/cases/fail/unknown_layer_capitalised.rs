// PyTorch's capitalisation: `ReLU` for `relu`.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(128), ReLU,
        dense(10),
    }
}

fn main() {}
