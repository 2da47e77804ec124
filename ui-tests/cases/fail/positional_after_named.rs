// A positional argument after a named one.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(bias = false, 128), relu,
        dense(10),
    }
}

fn main() {}
