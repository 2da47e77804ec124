// KNOWN ISSUE (not run by tests/ui.rs): today this fails with ~10 rustc errors from the generated
// code (E0428, E0119 for each derive and for `Network`, E0592/E0034 for `LAYER_0`, E0282), all
// pointing at `netspec!` as a whole. Once the macro checks names within a block, move this file to
// cases/fail/ and generate its snapshot. Wanted, one error at the second `Mlp`:
//   error: the network `Mlp` is declared twice in this block
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(10),
    }

    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(128), relu,
        dense(10),
    }
}

fn main() {}
