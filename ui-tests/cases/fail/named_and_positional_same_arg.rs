// `out_features` given by position (128) and again by name (64): which one was meant?
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(128, out_features = 64), relu,
        dense(10),
    }
}

fn main() {}
