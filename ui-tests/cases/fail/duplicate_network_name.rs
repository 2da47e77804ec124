// Two networks with the same name in one block.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(10),
    }

    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(128), relu,
        dense(10),
    }
}

fn main() {}
