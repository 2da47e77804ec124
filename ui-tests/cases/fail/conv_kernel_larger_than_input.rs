// A 7x7 kernel without padding on a 4x4 image: no output position fits.
use netspec::prelude::*;

netspec! {
    pub Small: [1, 4, 4] => {
        conv2d(8, k = 7), relu,
        flatten,
        dense(10),
    }
}

fn main() {}
