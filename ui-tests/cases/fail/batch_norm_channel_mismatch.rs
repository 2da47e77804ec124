// The convolution makes 32 channels; the BatchNorm says 64.
use netspec::prelude::*;

netspec! {
    pub Cnn: [3, 32, 32] => {
        conv2d(32, k = 3, p = 1, bias = false), batch_norm(64), relu,
        flatten,
        dense(10),
    }
}

fn main() {}
