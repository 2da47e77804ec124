// An argument to a layer that takes none.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(128), relu(3),
        dense(10),
    }
}

fn main() {}
