//! Exports a trained network so that it runs without netspec: the forward pass as StableHLO
//! (weights embedded), compiled by IREE for a named target, the weights as safetensors and a
//! manifest (input shape, normalisation, classes).
//!
//! ```sh
//! cargo run --release --example mnist_cnn -- --save runs/mnist_cnn.safetensors
//! cargo run --release --example export -- runs/mnist_cnn.safetensors runs/mnist_cnn-export
//! iree-run-module --module=runs/mnist_cnn-export/model.vmfb --function=predict --input=@x.npy
//! ```

use std::path::PathBuf;

use clap::Parser;
use netspec::cli::paths::{self, Named};
use netspec::core::checkpoint;
use netspec::core::Network;
use netspec::iree::{export, Compiler, Error, ExportOptions, Target};
use netspec::models::{network_of, with_model, ModelTask};

#[derive(Parser)]
#[command(
    about = "Export a trained netspec checkpoint as StableHLO, an IREE vmfb, safetensors and a manifest"
)]
struct Args {
    /// A checkpoint written by --save (or a training checkpoint)
    checkpoint: PathBuf,
    /// The directory to write model.mlir, model.vmfb, weights.safetensors and manifest.json to
    out: PathBuf,
    /// host (this CPU), cpu:<llvm cpu> (cpu:x86-64-v3 for any AVX2 machine, cpu:x86-64-v4 for
    /// AVX-512) or cuda:<arch> (cuda:sm_80)
    #[arg(long, default_value = "host")]
    target: String,
    /// Inputs per call of the exported function
    #[arg(long, default_value_t = 1)]
    batch: usize,
    /// The network, when the checkpoint does not name it (one of the models in src/models.rs)
    #[arg(long)]
    network: Option<String>,
}

struct Export {
    args: Args,
    options: ExportOptions,
}

impl ModelTask for Export {
    type Output = Result<(), Error>;
    fn run<N: Network>(self) -> Self::Output {
        // The directory is replaced whole: it must not hold what the export reads.
        paths::clash(
            &Named::new("the export directory", &self.args.out),
            &Named::new("the checkpoint", &self.args.checkpoint),
        )?;
        let params = checkpoint::load(&self.args.checkpoint)?;
        let compiler = Compiler::new()?;
        let out = export::<N>(&compiler, params, &self.args.out, &self.options)?;
        println!(
            "{}: exported for {} (batch {}) in {:.1} s:\n  {}\n  {}\n  {}\n  {}",
            N::NAME,
            self.options.target.name(),
            self.options.batch,
            out.compile_seconds,
            out.mlir.display(),
            out.vmfb.display(),
            out.weights.display(),
            out.manifest.display()
        );
        Ok(())
    }
}

fn run(args: Args) -> Result<(), Error> {
    let meta = checkpoint::load_metadata(&args.checkpoint)?;
    let network = network_of(&args.checkpoint, &meta, args.network.as_deref())?;
    let options = ExportOptions {
        target: Target::parse(&args.target)?,
        batch: args.batch,
        normalization: None,
        class_names: vec![],
    }
    .with_checkpoint_metadata(&meta);
    with_model(&network, Export { args, options })?
}

fn main() {
    if let Err(e) = run(Args::parse()) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
