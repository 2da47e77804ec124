// Two layers with the same label would give two parameters named `fc.weight`.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        fc: dense(128), relu,
        fc: dense(10),
    }
}

fn main() {}
