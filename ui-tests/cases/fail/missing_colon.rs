// The `:` between the name and the input shape is missing.
use netspec::prelude::*;

netspec! {
    pub Mlp [1, 28, 28] => {
        flatten,
        dense(10),
    }
}

fn main() {}
