// A zero-sized input dimension.
use netspec::prelude::*;

netspec! {
    pub Mlp: [0, 28] => {
        flatten,
        dense(10),
    }
}

fn main() {}
