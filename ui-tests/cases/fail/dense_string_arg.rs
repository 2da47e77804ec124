// A quoted number.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense("128"), relu,
        dense(10),
    }
}

fn main() {}
