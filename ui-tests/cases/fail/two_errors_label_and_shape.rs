// Two independent mistakes: both should be reported.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        fc: dense(128), relu,
        fc: dense(10),
    }
}

fn main() {}
