//! The GPU check, in two halves so that a short GPU lease goes to running, not compiling.
//!
//! - `gpu_check prepare DIR` (here, with IREE's compiler, no GPU needed): compiles every module
//!   the run needs for CUDA (`sm_80`) into DIR.
//! - `gpu_check run DIR` (on the GPU machine, no compiler there): loads them from DIR and
//!   1. checks two train steps of the small example networks against the reference evaluator;
//!   2. times the ladder's train steps at 32x32 and at 224x224 (ms/step, images/s), beside
//!      PyTorch on the same GPU when `python3` there has torch with CUDA
//!      (`benches/peer_pytorch.py --device cuda`);
//!   3. trains ResNet-34 at 224 for a few dozen steps on synthetic Imagenette-shaped data
//!      (3x224x224, 10 classes, each class its own colour cast under noise) and reports the
//!      loss before and after.
//!
//! `scripts/gpu_check.sh` builds it, prepares DIR and runs it on a lent GPU.
//! `gpu_check plan` lists what it prepares and runs.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use netspec::core::data::Dataset;
use netspec::core::step;
use netspec::core::Network;
use netspec::iree::Trainer;
use netspec::iree::{agreement, Compiler, Device, Error, LossKind, OptimizerKind, TrainConfig};
use netspec::models::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// One thing the check runs, and the module it needs compiled.
struct Job {
    name: &'static str,
    prepare: fn(&Compiler) -> Result<f64, Error>,
    run: fn(&Compiler) -> Result<String, Error>,
}

/// Compiles `N`'s train step under `config` for the GPU, as `Trainer::new` would.
fn compile<N: Network>(compiler: &Compiler, config: &TrainConfig) -> Result<f64, Error> {
    let target = Device::Cuda.default_target();
    let step = step::build::<N>(config.step_config(&target));
    let lowering = step.module.lowering();
    let compiled = compiler.compile(&step.module.name, &step.text(), &target, &lowering)?;
    Ok(compiled.seconds)
}

macro_rules! agreement_job {
    ($net:ty, $opt:expr, $loss:expr, $lr:expr, $momentum:expr, $decay:expr) => {
        Job {
            name: concat!("agree ", stringify!($net)),
            prepare: |c| {
                compile::<$net>(c, &agreement::config($opt, $loss, $lr, $momentum, $decay))
            },
            run: |c| {
                let lowering = Device::Cuda.default_target().lowering();
                agreement::agree::<$net>(
                    c,
                    &Device::Cuda,
                    lowering,
                    $opt,
                    $loss,
                    $lr,
                    $momentum,
                    $decay,
                )
                .map(|()| "agrees with the reference (two steps, f32 tolerances)".into())
                .map_err(Error::Usage)
            },
        }
    };
}

/// The benchmark's configuration: SGD, cross-entropy, torchvision's stochastic depth.
fn bench_config(batch: usize, drop_path: f64) -> TrainConfig {
    TrainConfig {
        batch_size: batch,
        drop_path,
        progress: false,
        ..TrainConfig::default()
    }
}

macro_rules! bench_job {
    ($net:ty, $peer:literal, $batch:expr, $drop:expr) => {
        Job {
            name: concat!("bench ", $peer),
            prepare: |c| compile::<$net>(c, &bench_config($batch, $drop)),
            run: |c| bench::<$net>(c, $peer, $batch, $drop),
        }
    };
}

const TRAIN_STEPS: usize = 40;

fn jobs() -> Vec<Job> {
    use LossKind::*;
    use OptimizerKind::*;
    vec![
        agreement_job!(MnistLinear, Sgd, CrossEntropy, 0.1, 0.0, 0.0),
        agreement_job!(MnistMlp, Adam, CrossEntropy, 1e-3, 0.0, 0.01),
        agreement_job!(MnistCnn, Sgd, CrossEntropy, 0.05, 0.9, 5e-4),
        agreement_job!(CifarBn, Adam, CrossEntropy, 1e-3, 0.0, 0.05),
        bench_job!(MnistLinear, "mnist_linear", 128, 0.0),
        bench_job!(MnistMlp, "mnist_mlp", 128, 0.0),
        bench_job!(MnistCnn, "mnist_cnn", 128, 0.0),
        bench_job!(CifarBn, "cifar_bn", 128, 0.0),
        bench_job!(ResNet34At32, "resnet34_32", 32, 0.0),
        bench_job!(MobileNetV2At32, "mobilenetv2_32", 32, 0.0),
        bench_job!(EfficientNetB0At32, "efficientnet_b0_32", 32, 0.2),
        bench_job!(ConvNeXtTinyAt32, "convnext_tiny_32", 32, 0.1),
        bench_job!(ViTTinyAt32, "vit_tiny_32", 32, 0.0),
        bench_job!(ResNet34, "resnet34_224", 32, 0.0),
        bench_job!(MobileNetV2, "mobilenetv2_224", 32, 0.0),
        bench_job!(EfficientNetB0, "efficientnet_b0_224", 32, 0.2),
        bench_job!(ConvNeXtTiny, "convnext_tiny_224", 32, 0.1),
        bench_job!(ViTTiny, "vit_tiny_224", 32, 0.0),
        Job {
            name: "train resnet34_224 (synthetic Imagenette-shaped)",
            // The same module as the benchmark's.
            prepare: |c| compile::<ResNet34>(c, &bench_config(32, 0.0)),
            run: train_synthetic,
        },
    ]
}

/// Times `N`'s train step on the GPU and, when it can, PyTorch's beside it.
fn bench<N: Network>(
    compiler: &Compiler,
    peer: &str,
    batch: usize,
    drop_path: f64,
) -> Result<String, Error> {
    let mut trainer = Trainer::new::<N>(
        compiler,
        bench_config(batch, drop_path),
        None,
        &Device::Cuda,
    )?;
    let pixels: usize = N::input_shape().iter().product::<usize>() * batch;
    let mut rng = ChaCha8Rng::seed_from_u64(0);
    let images: Vec<f32> = (0..pixels).map(|_| rng.gen_range(-1.7..1.7)).collect();
    let labels: Vec<i32> = (0..batch).map(|_| rng.gen_range(0..10)).collect();
    for _ in 0..5 {
        trainer.step(&images, &labels, 0.01, 1)?;
    }
    let mut ms = Vec::new();
    let start = Instant::now();
    while ms.len() < 20 || start.elapsed().as_secs_f64() < 1.0 {
        let t = Instant::now();
        trainer.step(&images, &labels, 0.01, 1)?; // reads the loss back: one sync per step
        ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    ms.sort_by(f64::total_cmp);
    let median = ms[ms.len() / 2];
    let ours = format!(
        "netspec {median:8.2} ms/step {:8.0} img/s",
        batch as f64 * 1e3 / median
    );
    Ok(match pytorch(peer, batch) {
        Ok((theirs, peak)) => format!(
            "{ours} | PyTorch {theirs:8.2} ms/step {:8.0} img/s peak {peak:.0} MiB | ratio {:.2}",
            batch as f64 * 1e3 / theirs,
            median / theirs
        ),
        Err(why) => format!("{ours} | PyTorch: {why}"),
    })
}

/// PyTorch's median ms per step and peak MiB on the GPU, from benches/peer_pytorch.py.
fn pytorch(model: &str, batch: usize) -> Result<(f64, f64), String> {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/peer_pytorch.py");
    let script = if script.exists() {
        script
    } else {
        PathBuf::from("benches/peer_pytorch.py")
    };
    let out = Command::new("python3")
        .arg(&script)
        .args(["--model", model, "--batch", &batch.to_string()])
        .args(["--steps", "20", "--warmup", "5", "--device", "cuda"])
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(err.lines().last().unwrap_or("failed").to_string());
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let v: serde_json::Value =
        serde_json::from_str(stdout.lines().last().unwrap_or("")).map_err(|e| e.to_string())?;
    Ok((
        v["ms_median"].as_f64().ok_or("no ms_median")?,
        v["peak_mib"].as_f64().unwrap_or(f64::NAN),
    ))
}

/// Synthetic Imagenette-shaped data: class `c` shifts channel `c % 3` by ±(0.3 + 0.1·c/3)
/// under unit noise, so that a network can learn it in a few dozen steps.
fn synthetic(n: usize, seed: u64) -> Dataset {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let plane = 224 * 224;
    let mut images = Vec::with_capacity(n * 3 * plane);
    let mut labels = Vec::with_capacity(n);
    for i in 0..n {
        let class = (i % 10) as i32;
        let shift = (0.3 + 0.1 * (class / 3) as f32) * if class % 2 == 0 { 1.0 } else { -1.0 };
        for c in 0..3 {
            let s = if c == class as usize % 3 { shift } else { 0.0 };
            images.extend((0..plane).map(|_| rng.gen_range(-1.7f32..1.7) + s));
        }
        labels.push(class);
    }
    Dataset::new(images, labels, [3, 224, 224], 10).expect("well-formed synthetic data")
}

fn train_synthetic(compiler: &Compiler) -> Result<String, Error> {
    let config = bench_config(32, 0.0);
    let mut trainer = Trainer::new::<ResNet34>(
        compiler,
        TrainConfig {
            lr: 0.05,
            max_steps: Some(TRAIN_STEPS),
            ..config
        },
        None,
        &Device::Cuda,
    )?;
    let train = synthetic(32 * TRAIN_STEPS, 1);
    let test = synthetic(320, 2);
    let before = trainer.evaluate(&test)?;
    let stats = trainer.train_epoch(&train, 1)?;
    let after = trainer.evaluate(&test)?;
    Ok(format!(
        "{} steps in {:.1} s ({:.1} ms/step); test loss {:.3} -> {:.3}, accuracy {:.1}% -> {:.1}%",
        stats.steps,
        stats.seconds,
        1e3 * stats.seconds / stats.steps as f64,
        before.loss,
        after.loss,
        100.0 * before.accuracy,
        100.0 * after.accuracy
    ))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, dir) = match args.as_slice() {
        [mode] if mode == "plan" => ("plan", None),
        [mode, dir] if mode == "prepare" || mode == "run" => (mode.as_str(), Some(Path::new(dir))),
        _ => {
            eprintln!("usage: gpu_check prepare DIR | gpu_check run DIR | gpu_check plan");
            std::process::exit(2);
        }
    };
    let jobs = jobs();
    if mode == "plan" {
        jobs.iter().for_each(|j| println!("{}", j.name));
        return;
    }
    let dir = dir.expect("prepare and run name a directory").to_path_buf();
    let compiler = match mode {
        "prepare" => Compiler::new().map(|c| c.with_cache_dir(Some(dir.clone()))),
        _ => Device::Cuda
            .check_available()
            .and_then(|()| Compiler::cache_only(dir.clone())),
    };
    let compiler = compiler.unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(1);
    });
    let mut failed = 0;
    for job in &jobs {
        let outcome = match mode {
            "prepare" => {
                (job.prepare)(&compiler).map(|s| format!("compiled for sm_80 in {s:.1} s"))
            }
            _ => (job.run)(&compiler),
        };
        match outcome {
            Ok(line) => println!("{:<50} {line}", job.name),
            Err(e) => {
                failed += 1;
                println!("{:<50} FAILED: {e}", job.name);
            }
        }
    }
    if failed > 0 {
        eprintln!("{failed} of {} failed", jobs.len());
        std::process::exit(1);
    }
}
