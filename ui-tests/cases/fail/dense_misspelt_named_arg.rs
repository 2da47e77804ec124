// A misspelt keyword argument: `bais` for `bias`.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(128, bais = false), relu,
        dense(10),
    }
}

fn main() {}
