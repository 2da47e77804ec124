// `dense(in, out)` as in PyTorch's `nn.Linear(784, 128)`: netspec infers the input size.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(784, 128), relu,
        dense(10),
    }
}

fn main() {}
