// An input shape with no dimensions.
use netspec::prelude::*;

netspec! {
    pub Mlp: [] => {
        flatten,
        dense(10),
    }
}

fn main() {}
