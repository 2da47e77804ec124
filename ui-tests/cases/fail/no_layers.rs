// A network with an empty body.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {}
}

fn main() {}
