// `out_features` given both by position and by name.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(128, out_features = 64), relu,
        dense(10),
    }
}

fn main() {}
