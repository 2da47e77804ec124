// KNOWN ISSUE (not run by tests/ui.rs): this compiles today, silently using 128 and ignoring
// `out_features = 64`. Once `Args::expect` rejects an argument given both by position and by name,
// move this file to cases/fail/ and generate its snapshot. Wanted, at `out_features = 64`:
//   error: `out_features` is given both by position (128) and by name
use netspec::prelude::*;

netspec! {
    pub Mlp: [1, 28, 28] => {
        flatten,
        dense(128, out_features = 64), relu,
        dense(10),
    }
}

fn main() {}
