//! Prediction throughput (images/s, evaluation mode) of netspec next to PyTorch's
//! `model.eval()` under `torch.no_grad()` on the same machine.
//!
//! `cargo bench --bench predict [MODEL]`; the PyTorch column needs `pip install torch`
//! (torchvision for ResNet-34). Both sides read the logits back after every batch.

#[allow(dead_code)] // each benchmark uses a part of it
mod common;

use std::time::{Duration, Instant};

use common::{cpu_description, python_has, run_peer, Error, Stats};
use ndarray::Array4;
use netspec::core::Network;
use netspec::iree::{memory, Compiler, Device, Predictor, Target};
use netspec::models::{MnistCnn, ResNet34At32};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

struct Bench {
    /// As `peer_pytorch.py` knows it.
    name: &'static str,
    batch: usize,
    /// Timed batches (at least; and at least MIN_TIME), after a tenth as many warmup batches.
    batches: usize,
    run: fn(&Bench) -> Result<Measured, Error>,
}

const MODELS: &[Bench] = &[
    Bench {
        name: "mnist_cnn",
        batch: 256,
        batches: 40,
        run: measure::<MnistCnn>,
    },
    Bench {
        name: "resnet34_32",
        batch: 64,
        batches: 20,
        run: measure::<ResNet34At32>,
    },
];

const MIN_TIME: Duration = Duration::from_secs(2);

struct Measured {
    ms: Stats,
    compile_s: f64,
    peak_mib: Option<f64>,
}

fn measure<N: Network>(b: &Bench) -> Result<Measured, Error> {
    memory::reset_peak();
    let compiler = Compiler::new()?;
    let p = Predictor::new::<N>(&compiler, N::init_params(0), b.batch, &Device::LocalTask)?;
    let mut rng = ChaCha8Rng::seed_from_u64(0);
    let shape = N::input_shape();
    let x = Array4::from_shape_simple_fn((b.batch, shape[0], shape[1], shape[2]), || {
        // Box-Muller: standard normal pixels, as normalised images have.
        let (u, v): (f64, f64) = (rng.gen::<f64>().max(1e-12), rng.gen());
        ((-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()) as f32
    });
    for _ in 0..(b.batches / 10).max(2) {
        p.predict(x.view())?;
    }
    let mut ms = Vec::new();
    let start = Instant::now();
    while ms.len() < b.batches || start.elapsed() < MIN_TIME {
        let t = Instant::now();
        p.predict(x.view())?;
        ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    Ok(Measured {
        ms: Stats::of(ms),
        compile_s: p.compile_seconds(),
        peak_mib: memory::peak_resident_bytes().map(memory::mib),
    })
}

fn main() -> Result<(), Error> {
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let torch = python_has("torch");
    println!(
        "prediction benchmark: evaluation mode, normal random images, logits read back per batch"
    );
    println!("cpu: {}", cpu_description());
    println!(
        "netspec: IREE llvm-cpu local-task, flags {}",
        Target::HostCpu
            .flags(&Target::HostCpu.lowering(), true)
            .join(" ")
    );
    if !torch {
        println!("PyTorch not installed (pip install torch) — peer column empty");
    }
    println!();
    println!(
        "{:<14} {:>6} {:>16} {:>16} {:>7} {:>10} {:>9}",
        "model", "batch", "netspec img/s", "PyTorch img/s", "ratio", "compile s", "peak MiB"
    );
    for b in MODELS
        .iter()
        .filter(|b| filter.is_empty() || filter.iter().any(|f| b.name.contains(f.as_str())))
    {
        eprintln!("{}: netspec...", b.name);
        let ours = (b.run)(b)?;
        let per_s = |ms: f64| b.batch as f64 / (ms / 1e3);
        let theirs = torch
            .then(|| {
                eprintln!("{}: pytorch...", b.name);
                let args: Vec<String> = [
                    "--model",
                    b.name,
                    "--mode",
                    "predict",
                    "--batch",
                    &b.batch.to_string(),
                    "--steps",
                    &b.batches.to_string(),
                    "--warmup",
                    &(b.batches / 10).max(2).to_string(),
                ]
                .iter()
                .map(|a| a.to_string())
                .collect();
                run_peer("peer_pytorch.py", &args, &[])
                    .map_err(|e| eprintln!("{}: PyTorch peer failed: {e}", b.name))
                    .ok()
                    .and_then(|v| v["ms_median"].as_f64())
            })
            .flatten();
        let (peer, ratio) = match theirs {
            // Above 1: netspec serves more images per second.
            Some(ms) => (
                format!("{:.0}", per_s(ms)),
                format!("{:.2}", per_s(ours.ms.median) / per_s(ms)),
            ),
            None => ("-".into(), "-".into()),
        };
        println!(
            "{:<14} {:>6} {:>16.0} {:>16} {:>7} {:>10.2} {:>9}",
            b.name,
            b.batch,
            per_s(ours.ms.median),
            peer,
            ratio,
            ours.compile_s,
            ours.peak_mib.map_or("-".into(), |m| format!("{m:.0}"))
        );
    }
    println!();
    println!("ratio = netspec images/s / PyTorch images/s (> 1: netspec faster); medians of per-batch times");
    Ok(())
}
