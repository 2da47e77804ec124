// One layer list shared by two input shapes: `dense` fits neither, and each head's error should
// say which network it is about.
use netspec::prelude::*;

netspec! {
    pub Gray: [1, 28, 28], Rgb: [3, 32, 32] => {
        dense(128), relu,
        dense(10),
    }
}

fn main() {}
