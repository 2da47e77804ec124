// A repeated group with a count of zero.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        hidden: [dense(64), relu; 0],
        dense(10),
    }
}

fn main() {}
