// Two networks named `Mlp` in one block: one error, at the second name.
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
