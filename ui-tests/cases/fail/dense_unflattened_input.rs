// Forgot `flatten`: dense receives the image as [1, 28, 28].
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        dense(128), relu,
        dense(10),
    }
}

fn main() {}
