// A non-integer in the input shape.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28.0, 28] => {
        flatten,
        dense(10),
    }
}

fn main() {}
