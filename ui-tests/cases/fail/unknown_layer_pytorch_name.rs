// PyTorch's name for a layer: `Linear` instead of `dense`.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        Linear(128), relu,
        dense(10),
    }
}

fn main() {}
