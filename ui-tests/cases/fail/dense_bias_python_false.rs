// Python's `False` for Rust's `false`.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(128, bias = False), relu,
        dense(10),
    }
}

fn main() {}
