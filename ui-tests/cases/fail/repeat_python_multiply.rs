// Python's list repetition `[...] * 3` instead of `[...; 3]`.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        hidden: [dense(64)] * 3,
        dense(10),
    }
}

fn main() {}
