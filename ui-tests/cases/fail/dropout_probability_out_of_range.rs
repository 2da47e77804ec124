// A drop probability is below 1 (PyTorch's `nn.Dropout(p)` takes 0 <= p <= 1; 1 drops all).
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(512), relu, dropout(1.5),
        dense(10),
    }
}

fn main() {}
