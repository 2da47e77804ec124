// A misspelt layer name: `flaten` for `flatten`.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flaten,
        dense(128), relu,
        dense(10),
    }
}

fn main() {}
