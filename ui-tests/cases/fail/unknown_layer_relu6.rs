// A layer that does not exist (yet), close to one that does.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(128), relu6,
        dense(10),
    }
}

fn main() {}
