// A PyTorch module path: `nn.Linear` instead of a layer name.
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        nn.Linear(784, 128), relu,
        dense(10),
    }
}

fn main() {}
