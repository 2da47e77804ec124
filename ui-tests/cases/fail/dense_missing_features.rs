// `dense` without its required output size.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense, relu,
        dense(10),
    }
}

fn main() {}
