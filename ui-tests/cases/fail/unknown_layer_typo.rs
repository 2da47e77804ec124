// A misspelt layer name: `dence` for `dense`.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dence(128), relu,
        dense(10),
    }
}

fn main() {}
