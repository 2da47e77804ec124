//! Classifies test images with a trained checkpoint and prints the most likely classes.
//!
//! ```sh
//! cargo run --release --example mnist_cnn -- --epochs 1 --save runs/mnist_cnn.safetensors
//! cargo run --release --example predict -- runs/mnist_cnn.safetensors --count 5 --top 3
//! ```
//!
//! The network and the data set come from the checkpoint (the examples record both with
//! `--save`); the test split is loaded and normalised as in training. Prints each shown
//! image's true class and its top classes with their probabilities, then the accuracy over the
//! test split and the throughput in evaluation mode.

use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use ndarray::ArrayView4;
use netspec::cli::{self, Defaults};
use netspec::core::checkpoint;
use netspec::core::Network;
use netspec::iree::{Compiler, Device, Error, Predictor};
use netspec::models::{network_of, with_model, ModelTask};

#[derive(Parser)]
#[command(about = "Classify test images with a trained netspec checkpoint")]
struct Args {
    /// A checkpoint written by an example's --save (or a training checkpoint)
    checkpoint: PathBuf,
    /// How many test images to show
    #[arg(long, default_value_t = 8)]
    count: usize,
    /// How many classes to show per image
    #[arg(long, default_value_t = 3)]
    top: usize,
    /// Inputs per call of the compiled forward pass
    #[arg(long, default_value_t = 100)]
    batch: usize,
    /// The data set, when not the one the checkpoint was trained on (as the examples' --dataset)
    #[arg(long)]
    dataset: Option<String>,
    /// The data directory (as the examples' --data)
    #[arg(long)]
    data: Option<PathBuf>,
    /// Use the first N test images only
    #[arg(long)]
    test_limit: Option<usize>,
    /// The network, when the checkpoint does not name it
    #[arg(long)]
    network: Option<String>,
}

struct Predict {
    args: Args,
    dataset: Option<String>,
}

impl ModelTask for Predict {
    type Output = Result<(), Error>;
    fn run<N: Network>(self) -> Self::Output {
        let args = &self.args;
        let input: [usize; 3] = N::input_shape()
            .try_into()
            .map_err(|_| Error::Usage(format!("{} does not take images [C, H, W]", N::NAME)))?;
        let mut flags = vec!["--quiet".to_string()];
        if let Some(d) = &self.dataset {
            flags.extend(["--dataset".into(), d.clone()]);
        }
        if let Some(d) = &args.data {
            flags.extend(["--data".into(), d.display().to_string()]);
        }
        if let Some(n) = args.test_limit {
            flags.extend(["--test-limit".into(), n.to_string()]);
        }
        let options = cli::parse(flags, Defaults::default())?;
        let data = cli::load_data(&options, input)?;
        println!("{}: {}", N::NAME, data.notes);
        let test = data.test_set()?;

        let compiler = Compiler::new()?;
        let predictor = Predictor::from_checkpoint::<N>(
            &compiler,
            &args.checkpoint,
            args.batch,
            &Device::LocalTask,
        )?;
        let n = test.len();
        let [c, h, w] = test.image_shape;
        let images = ArrayView4::from_shape((n, c, h, w), &test.images[..])
            .expect("a data set holds its images");
        let start = Instant::now();
        let predictions = predictor.predict(images)?;
        let seconds = start.elapsed().as_secs_f64();

        let name = |class: usize| {
            data.class_names
                .get(class)
                .cloned()
                .unwrap_or_else(|| class.to_string())
        };
        for (i, top) in predictions
            .top_k(args.top)
            .iter()
            .take(args.count)
            .enumerate()
        {
            let shown: Vec<String> = top
                .iter()
                .map(|(class, p)| format!("{} {:.1}%", name(*class), 100.0 * p))
                .collect();
            println!(
                "test image {i:>4}: true {:<12} predicted {}",
                name(test.labels[i] as usize),
                shown.join(", ")
            );
        }
        let correct = predictions
            .classes()
            .iter()
            .zip(&test.labels)
            .filter(|(p, l)| **p as i32 == **l)
            .count();
        println!(
            "accuracy {:.2}% on {n} test images; {:.0} images/s in evaluation mode (batch {}, \
             forward pass compiled in {:.1} s)",
            100.0 * correct as f64 / n as f64,
            n as f64 / seconds,
            args.batch,
            predictor.compile_seconds()
        );
        Ok(())
    }
}

fn run(args: Args) -> Result<(), Error> {
    let meta = checkpoint::load_metadata(&args.checkpoint)?;
    let network = network_of(&args.checkpoint, &meta, args.network.as_deref())?;
    let dataset = args
        .dataset
        .clone()
        .or_else(|| meta.get(cli::DATASET_KEY).cloned());
    with_model(&network, Predict { args, dataset })?
}

fn main() {
    if let Err(e) = run(Args::parse()) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
