//! The book's experiments: any of its named runs, or a chapter's study, run one after another
//! (each an ordinary resumable run in `runs/ablation/NAME/`), then one table and one plot of
//! what each ingredient earns.
//!
//! ```text
//! cargo run --release --example ablation -- list
//! cargo run --release --example ablation -- run mlp --dataset fashion-mnist
//! cargo run --release --example ablation -- run r34-leave-one-out --scale epochs=2,resolution=32
//! cargo run --release --example ablation -- --file my_study.toml run my-lr-sweep
//! ```

use netspec::study::{command, Study};

fn main() {
    command::main(Study::book());
}
