// The input shape written as a tuple, as in PyTorch's `torch.randn(1, 28, 28)`.
use netspec::prelude::*;

netspec! {
    pub Mlp: (1, 28, 28) => {
        flatten,
        dense(10),
    }
}

fn main() {}
