// The `=>` between the input shape and the layers is missing.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] {
        flatten,
        dense(10),
    }
}

fn main() {}
