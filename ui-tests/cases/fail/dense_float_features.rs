// A feature count that is not an integer.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(1.5), relu,
        dense(10),
    }
}

fn main() {}
