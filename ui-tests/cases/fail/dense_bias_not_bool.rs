// `bias = 0` as in C, where a bool is needed.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(128, bias = 0), relu,
        dense(10),
    }
}

fn main() {}
