// The same keyword argument twice; the error belongs on the second.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(128, bias = false, bias = true), relu,
        dense(10),
    }
}

fn main() {}
