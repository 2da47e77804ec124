// A layer with no outputs.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(0), relu,
        dense(10),
    }
}

fn main() {}
