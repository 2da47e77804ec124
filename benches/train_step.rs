//! ms per train step of netspec (IREE on the CPU) next to PyTorch on the same machine, and
//! compile times.
//!
//! `cargo bench --bench train_step [MODEL]`; the PyTorch column needs `pip install torch`
//! (and torchvision for the ladder's big networks), the JAX column (the MLP) `pip install jax`.
//! The big networks run at 32x32, with the driver their example uses and torchvision's
//! training-mode dropout and stochastic depth on both sides. Inputs are drawn as normalised
//! images are (mean 0, variance 1) on both sides.

mod common;

use std::time::{Duration, Instant};

use common::{cpu_description, python_has, run_peer, Error, Stats};

use netspec::core::step;
use netspec::core::Network;
use netspec::iree::{memory, Compiler, Device, Session, Target, TrainConfig, Trainer};
use netspec::models::{
    CifarBn, ConvNeXtTinyAt32, EfficientNetB0At32, MnistCnn, MnistLinear, MnistMlp,
    MobileNetV2At32, ResNet34At32, ViTTinyAt32,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

type Measure = fn(&Bench) -> Result<Netspec, Error>;

/// How one model is measured.
struct Bench {
    /// As `peer_pytorch.py` knows it.
    name: &'static str,
    batch: usize,
    /// Timed steps (at least; and at least MIN_TIME), after `steps / 10` warmup steps.
    steps: usize,
    device: Device,
    /// torchvision's stochastic-depth rate for the network (its peer trains with it too).
    drop_path: f64,
    run: Measure,
}

const fn bench(name: &'static str, batch: usize, steps: usize, run: Measure) -> Bench {
    Bench {
        name,
        batch,
        steps,
        device: Device::LocalTask,
        drop_path: 0.0,
        run,
    }
}

const MODELS: &[Bench] = &[
    bench("mnist_linear", 128, 200, measure::<MnistLinear>),
    bench("mnist_mlp", 128, 200, measure::<MnistMlp>),
    bench("mnist_cnn", 128, 50, measure::<MnistCnn>),
    bench("cifar_bn", 128, 30, measure::<CifarBn>),
    bench("resnet34_32", 32, 20, measure::<ResNet34At32>),
    bench("mobilenetv2_32", 32, 20, measure::<MobileNetV2At32>),
    Bench {
        drop_path: 0.2,
        ..bench("efficientnet_b0_32", 32, 20, measure::<EfficientNetB0At32>)
    },
    Bench {
        drop_path: 0.1,
        ..bench("convnext_tiny_32", 32, 20, measure::<ConvNeXtTinyAt32>)
    },
    bench("vit_tiny_32", 32, 20, measure::<ViTTinyAt32>),
];

const MIN_TIME: Duration = Duration::from_secs(2);

struct Netspec {
    ms: Stats,
    cold_s: f64,
    cached_s: f64,
    workers: Option<usize>,
    /// Peak resident memory of the process while this model compiled and ran.
    peak_mib: Option<f64>,
}

struct Peer {
    ms: Stats,
    threads: u64,
    version: String,
}

fn measure<N: Network>(b: &Bench) -> Result<Netspec, Error> {
    let batch = b.batch;
    let device = &b.device;
    let config = TrainConfig {
        batch_size: batch,
        drop_path: b.drop_path,
        progress: false,
        ..Default::default()
    };
    let module = || step::build::<N>(config.step_config(&device.default_target()));
    memory::reset_peak();

    // Cold: an empty cache directory, so IREE compiles; then the same module from that cache.
    let dir = std::env::temp_dir().join(format!("netspec-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let cached = Compiler::new()?.with_cache_dir(Some(dir.clone()));
    let first = Session::new(&cached, module(), device)?;
    assert!(
        !first.exe.compile.from_cache,
        "an empty cache cannot hold the module"
    );
    let cold_s = first.exe.compile.seconds;
    drop(first);
    let session = Session::new(&cached, module(), device)?;
    assert!(
        session.exe.compile.from_cache,
        "second compile should come from the cache"
    );
    let cached_s = session.exe.compile.seconds;
    drop(session);

    let mut trainer = Trainer::new::<N>(&cached, config, None, device)?;
    let _ = std::fs::remove_dir_all(&dir);
    let workers = iree_workers();

    let mut rng = ChaCha8Rng::seed_from_u64(0);
    let pixels = batch * N::input_shape().iter().product::<usize>();
    let classes = *N::output_shape()
        .last()
        .expect("a classifier has an output") as i32;
    // Box-Muller: standard normal pixels, as normalised images have.
    let images: Vec<f32> = (0..pixels)
        .map(|_| {
            let (u, v): (f64, f64) = (rng.gen::<f64>().max(1e-12), rng.gen());
            ((-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()) as f32
        })
        .collect();
    let labels: Vec<i32> = (0..batch).map(|_| rng.gen_range(0..classes)).collect();

    let lr = 0.1; // as the PyTorch peer
    for _ in 0..warmup(b.steps) {
        trainer.step(&images, &labels, lr, 1)?;
    }
    let mut ms = Vec::new();
    let start = Instant::now();
    while ms.len() < b.steps || start.elapsed() < MIN_TIME {
        let t = Instant::now();
        trainer.step(&images, &labels, lr, 1)?;
        ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    Ok(Netspec {
        ms: Stats::of(ms),
        cold_s,
        cached_s,
        workers,
        peak_mib: memory::peak_resident_bytes().map(memory::mib),
    })
}

fn warmup(steps: usize) -> usize {
    (steps / 10).max(2)
}

/// IREE's local-task worker threads alive in this process (Linux names them `iree-worker-N`).
fn iree_workers() -> Option<usize> {
    let tasks = std::fs::read_dir("/proc/self/task").ok()?;
    let names = tasks.filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("comm")).ok());
    Some(names.filter(|n| n.starts_with("iree-worker")).count()).filter(|&n| n > 0)
}

fn peer(b: &Bench, script: &str) -> Result<Peer, Error> {
    let args: Vec<String> = [
        "--model",
        b.name,
        "--batch",
        &b.batch.to_string(),
        "--steps",
        &b.steps.to_string(),
        "--warmup",
        &warmup(b.steps).to_string(),
    ]
    .iter()
    .map(|a| a.to_string())
    .collect();
    let v = run_peer(script, &args)?;
    let num = |k: &str| {
        v[k].as_f64()
            .ok_or_else(|| format!("peer JSON lacks {k}: {v}"))
    };
    Ok(Peer {
        ms: Stats {
            median: num("ms_median")?,
            mean: num("ms_mean")?,
        },
        threads: v["threads"].as_u64().unwrap_or(0),
        version: v["torch_version"]
            .as_str()
            .or(v["jax_version"].as_str())
            .unwrap_or("?")
            .to_string(),
    })
}

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let names = MODELS.iter().map(|m| m.name).collect::<Vec<_>>().join(", ");
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!(
            "cargo bench --bench train_step [MODEL]\n\nms per train step next to PyTorch \
             (and JAX for the MLP). MODEL selects every model whose name contains it; \
             without it, all: {names}"
        );
        return Ok(());
    }
    // cargo passes `--bench`; anything else not starting with '-' filters by model name.
    let filter: Vec<String> = args.into_iter().filter(|a| !a.starts_with('-')).collect();
    let selected: Vec<_> = MODELS
        .iter()
        .filter(|b| filter.is_empty() || filter.iter().any(|f| b.name.contains(f.as_str())))
        .collect();
    if selected.is_empty() {
        return Err(format!("no model matches {filter:?}; known: {names}").into());
    }
    let torch = python_has("torch");
    let jax = python_has("jax");
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("train step benchmark: warmup, then the steps listed and >= {}s; normal random images and random labels, SGD, cross-entropy", MIN_TIME.as_secs());
    println!("cpu: {}", cpu_description());
    println!(
        "netspec: IREE llvm-cpu, flags {}",
        Target::HostCpu.flags().join(" ")
    );
    println!(
        "machine: {cores} cores, load average {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    if !torch {
        println!("PyTorch not installed (pip install torch) — peer column empty");
    }

    let mut rows = Vec::new();
    let (mut workers, mut torch_info) = (None, None);
    for b in selected {
        let name = b.name;
        eprintln!("{name}: netspec...");
        let ours = (b.run)(b)?;
        workers = workers.or(ours.workers);
        let theirs = if torch {
            eprintln!("{name}: pytorch...");
            match peer(b, "peer_pytorch.py") {
                Ok(p) => Some(p),
                Err(e) => {
                    eprintln!("{name}: PyTorch peer failed: {e}");
                    None
                }
            }
        } else {
            None
        };
        if let Some(p) = &theirs {
            torch_info = Some((p.version.clone(), p.threads));
        }
        let jax_peer = (jax && b.name == "mnist_mlp")
            .then(|| {
                eprintln!("{name}: jax...");
                peer(b, "peer_jax.py")
                    .map_err(|e| eprintln!("{name}: JAX peer failed: {e}"))
                    .ok()
            })
            .flatten();
        rows.push((b, ours, theirs, jax_peer));
    }

    println!();
    println!(
        "{:<18} {:>5} {:>11} {:>19} {:>19} {:>7} {:>9} {:>15} {:>17} {:>9}",
        "model",
        "batch",
        "driver",
        "netspec ms/step",
        "PyTorch ms/step",
        "ratio",
        "JAX",
        "compile cold s",
        "compile cached s",
        "peak MiB"
    );
    println!(
        "{:<18} {:>5} {:>11} {:>19} {:>19} {:>7} {:>9} {:>15} {:>17} {:>9}",
        "", "", "", "median (mean)", "median (mean)", "", "median", "", "", ""
    );
    for (b, ours, theirs, jax_peer) in &rows {
        let driver = match b.device {
            Device::LocalSync => "local-sync",
            Device::Cuda => "cuda",
            Device::LocalTask => "local-task",
        };
        let pair = |s: &Stats| format!("{:.3} ({:.3})", s.median, s.mean);
        let (peer_ms, ratio) = match theirs {
            Some(p) => (pair(&p.ms), format!("{:.2}", ours.ms.median / p.ms.median)),
            None => ("-".into(), "-".into()),
        };
        let jax_ms = jax_peer
            .as_ref()
            .map_or("-".into(), |p| format!("{:.3}", p.ms.median));
        let peak = ours.peak_mib.map_or("-".into(), |m| format!("{m:.0}"));
        println!(
            "{:<18} {:>5} {:>11} {:>19} {:>19} {:>7} {:>9} {:>15.2} {:>17.6} {:>9}",
            b.name,
            b.batch,
            driver,
            pair(&ours.ms),
            peer_ms,
            ratio,
            jax_ms,
            ours.cold_s,
            ours.cached_s,
            peak
        );
    }
    println!();
    let workers = workers.map_or("?".to_string(), |w| w.to_string());
    println!("threads: netspec IREE local-task {workers} worker(s) (IREE's default: one per physical core)");
    match torch_info {
        Some((version, threads)) => println!("         PyTorch {version}, CPU, {threads} thread(s) (torch.set_num_threads(os.cpu_count()))"),
        None => println!("         PyTorch: -"),
    }
    println!("ratio = netspec median / PyTorch median (< 1: netspec faster). Both read the loss back every step.");
    Ok(())
}
