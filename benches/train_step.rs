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

use common::fma::fma_peak_gflops;
use common::{cpu_class, cpu_description, git_commit, python_has, run_peer, today, Error, Stats};

use netspec::core::ir::{Graph, Lowering, MatmulRole, Module, TensorType};
use netspec::core::step;
use netspec::core::Network;
use netspec::iree::{memory, Compiler, Device, Executable, Session, Target, TrainConfig, Trainer};
use netspec::models::{
    CifarBn, ConvNeXtTinyAt32, EfficientNetB0At32, MnistCnn, MnistLinear, MnistMlp,
    MobileNetV2At32, ResNet34At32, ViTTinyAt32,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

type Measure = fn(&Bench, &Setup) -> Result<Netspec, Error>;

/// `--netspec-only` skips the cold compile, the peak and the peers: quick A/B runs of one side.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Full,
    NetspecOnly,
}

/// What every model of one run is measured with.
struct Setup {
    mode: Mode,
    /// What netspec's step is formulated and compiled for: the host, or (`--target=cpu:NAME`)
    /// a smaller CPU class this host runs, with the peers held to its vector instructions.
    target: Target,
}

impl Setup {
    /// The environment that holds PyTorch (ATen, oneDNN, MKL) and JAX (XLA) to AVX2 where the
    /// target is an AVX2 CPU and this host has more.
    fn peer_env(&self) -> Vec<(&'static str, &'static str)> {
        let narrower = self.target.lowering() == Lowering::AVX2
            && Target::HostCpu.lowering() != Lowering::AVX2;
        if !narrower {
            return vec![];
        }
        vec![
            ("ATEN_CPU_CAPABILITY", "avx2"),
            ("ONEDNN_MAX_CPU_ISA", "AVX2"),
            ("MKL_ENABLE_INSTRUCTIONS", "AVX2"),
            ("XLA_FLAGS", "--xla_cpu_max_isa=AVX2"),
        ]
    }
}

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
    // The driver its example trains on: a step of a few MFLOP is done sooner on one thread
    // than local-task wakes its workers.
    Bench {
        device: Device::LocalSync,
        ..bench("mnist_linear", 128, 200, measure::<MnistLinear>)
    },
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

/// A model compiled and ready to time, with what was measured on the way.
struct Netspec {
    timer: StepTimer,
    cold_s: f64,
    workers: Option<usize>,
    /// Floating-point operations of one train step, counted from the emitted module.
    flops: u64,
}

/// Times the train step on one fixed batch, again for each round.
struct StepTimer {
    trainer: Trainer,
    images: Vec<f32>,
    labels: Vec<i32>,
    steps: usize,
}

/// One round of netspec's steps.
struct Round {
    ms: f64,
    /// Minor page faults per timed step.
    faults: Option<f64>,
}

impl StepTimer {
    const LR: f64 = 0.1; // as the PyTorch peer

    fn warm_up(&mut self) -> Result<(), Error> {
        for _ in 0..warmup(self.steps) {
            self.trainer.step(&self.images, &self.labels, Self::LR, 1)?;
        }
        Ok(())
    }

    /// At least `steps` steps and MIN_TIME: the median ms per step.
    fn round(&mut self) -> Result<Round, Error> {
        let mut ms = Vec::new();
        let faults_before = memory::minor_faults();
        let start = Instant::now();
        while ms.len() < self.steps || start.elapsed() < MIN_TIME {
            let t = Instant::now();
            self.trainer.step(&self.images, &self.labels, Self::LR, 1)?;
            ms.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let faults = faults_before
            .zip(memory::minor_faults())
            .map(|(a, b)| (b - a) as f64 / ms.len() as f64);
        Ok(Round {
            ms: Stats::of(ms).median,
            faults,
        })
    }
}

struct Peer {
    /// Median ms per step.
    ms: f64,
    threads: u64,
    version: String,
}

fn measure<N: Network>(b: &Bench, setup: &Setup) -> Result<Netspec, Error> {
    let batch = b.batch;
    let device = &b.device;
    let target = &setup.target;
    let config = TrainConfig {
        batch_size: batch,
        drop_path: b.drop_path,
        progress: false,
        ..Default::default()
    };
    let flops = step::build::<N>(config.step_config(target))
        .module
        .flops("train_step")
        .unwrap_or(0);

    let (trainer, cold_s) = match setup.mode {
        Mode::Full => cold_then_cached::<N>(config, device, target)?,
        Mode::NetspecOnly => (
            Trainer::for_target::<N>(&Compiler::new()?, config, None, device, target)?,
            f64::NAN,
        ),
    };
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

    let mut timer = StepTimer {
        trainer,
        images,
        labels,
        steps: b.steps,
    };
    timer.warm_up()?;
    Ok(Netspec {
        timer,
        cold_s,
        workers,
        flops,
    })
}

/// A cold compile (an empty cache directory, so IREE compiles), then the same module from that
/// cache, then the trainer; with the cold compile's seconds.
fn cold_then_cached<N: Network>(
    config: TrainConfig,
    device: &Device,
    target: &Target,
) -> Result<(Trainer, f64), Error> {
    let module = || step::build::<N>(config.step_config(target));
    // Cold: an empty cache directory, so IREE compiles; then the same module from that cache.
    let dir = std::env::temp_dir().join(format!("netspec-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let cached = Compiler::new()?.with_cache_dir(Some(dir.clone()));
    let first = Session::for_target(&cached, module(), device, target)?;
    assert!(
        !first.exe.compile.from_cache,
        "an empty cache cannot hold the module"
    );
    let cold_s = first.exe.compile.seconds;
    drop(first);
    let session = Session::for_target(&cached, module(), device, target)?;
    assert!(
        session.exe.compile.from_cache,
        "second compile should come from the cache"
    );
    drop(session);

    let trainer = Trainer::for_target::<N>(&cached, config, None, device, target)?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok((trainer, cold_s))
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

fn peer(b: &Bench, setup: &Setup, script: &str) -> Result<Peer, Error> {
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
    let v = run_peer(script, &args, &setup.peer_env())?;
    let num = |k: &str| {
        v[k].as_f64()
            .ok_or_else(|| format!("peer JSON lacks {k}: {v}"))
    };
    Ok(Peer {
        ms: num("ms_median")?,
        threads: v["threads"].as_u64().unwrap_or(0),
        version: v["torch_version"]
            .as_str()
            .or(v["jax_version"].as_str())
            .unwrap_or("?")
            .to_string(),
    })
}

/// The two fp32 ceilings the table divides by, sampled before each model and after the last.
/// A sample taken while another tenant of the host shares a core reads low, and the host's
/// speed drifts over minutes: a row divides by the higher of the two samples around it, taken
/// as close to its steps as its peers are; the header gives the best and the lowest of the run.
#[derive(Default)]
struct Peaks {
    /// netspec's large matmul (`measured_peak_gflops`), GFLOP/s.
    matmul: Vec<f64>,
    /// Independent FMA chains in registers (`fma_peak_gflops`), GFLOP/s; none where the target's
    /// instructions have no FMA loop.
    fma: Vec<f64>,
}

impl Peaks {
    fn sample(&mut self, compiler: &Compiler, target: &Target, cores: usize) -> Result<(), Error> {
        self.matmul.push(measured_peak_gflops(compiler, target)?);
        self.fma.extend(fma_peak_gflops(target.vector_isa(), cores));
        Ok(())
    }

    /// The best and the lowest sample of one ceiling.
    fn range(samples: &[f64]) -> Option<(f64, f64)> {
        let best = samples.iter().copied().reduce(f64::max)?;
        Some((best, samples.iter().copied().fold(best, f64::min)))
    }

    /// The ceilings around the `i`th model: the higher of the samples before and after it.
    fn around(&self, i: usize) -> (f64, Option<f64>) {
        let near = |samples: &[f64]| samples.get(i..i + 2).map(|s| s[0].max(s[1]));
        (near(&self.matmul).unwrap_or(f64::NAN), near(&self.fma))
    }
}

/// The fp32 peak this CPU reaches under netspec: a 2048x2048x2048 matmul as a dense layer's,
/// compiled for `target` (netspec's matmul kernel where the lowering has it, else IREE's data
/// tiling with the mmt4d micro-kernels), on local-task, median GFLOP/s over a few seconds.
fn measured_peak_gflops(compiler: &Compiler, target: &Target) -> Result<f64, Error> {
    const N: usize = 2048;
    let mut g = Graph::new("peak", target.lowering());
    let a = g.arg("a", TensorType::f32(&[N, N]));
    let b = g.arg("b", TensorType::f32(&[N, N]));
    let c = g.matmul_as(MatmulRole::Dense, a, 1, b, 0);
    let module = Module {
        name: "peak_matmul".into(),
        functions: vec![g.finish(vec![c])],
    };
    let flops = module.flops("peak").unwrap_or(0) as f64;
    let exe = Executable::load_for(compiler, &module, &Device::LocalTask, target)?;
    let data = vec![0.5f32; N * N];
    let (x, y) = (
        exe.upload_f32(&[N, N], &data)?,
        exe.upload_f32(&[N, N], &data)?,
    );
    exe.call("peak", vec![x.clone(), y.clone()])?;
    let mut ms = vec![];
    let start = Instant::now();
    while ms.len() < 5 || start.elapsed() < MIN_TIME {
        let t = Instant::now();
        exe.call("peak", vec![x.clone(), y.clone()])?;
        ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    Ok(flops / Stats::of(ms).median / 1e6)
}

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let names = MODELS.iter().map(|m| m.name).collect::<Vec<_>>().join(", ");
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!(
            "cargo bench --bench train_step [MODEL]\n\nms per train step next to PyTorch \
             (and JAX for the MLP), with the step's FLOPs, GFLOP/s, the fractions of this CPU's \
             measured fp32 peaks (netspec's large matmul; independent FMA chains) and page \
             faults per step. MODEL selects every model whose name \
             contains it; without it, all ({names}), and the table is also written to \
             benches/results/<CPU class>.md, replacing the last one.\n\n\
             --netspec-only: netspec's median ms per step alone, one line per model, with the \
             module from the cache and no peers; for A/B runs of two builds or settings \
             (NETSPEC_IREE_RUNTIME_FLAGS passes flags to IREE's runtime).\n\n\
             --target=cpu:NAME: netspec's step formulated and compiled for that LLVM CPU (one \
             this host can run: cpu:znver3 times AVX2's code on an AVX-512 host), PyTorch and \
             JAX held to the same vector instructions; the table goes to \
             benches/results/<CPU class>-as-NAME.md."
        );
        return Ok(());
    }
    let mode = if args.iter().any(|a| a == "--netspec-only") {
        Mode::NetspecOnly
    } else {
        Mode::Full
    };
    let target = match args.iter().find_map(|a| a.strip_prefix("--target=")) {
        Some(name) => match Target::parse(name)? {
            cpu @ Target::Cpu { .. } => cpu,
            _ => return Err("--target takes a CPU: cpu:<llvm cpu>".into()),
        },
        None => Target::HostCpu,
    };
    let setup = Setup { mode, target };
    // cargo passes `--bench`; anything else not starting with '-' filters by model name.
    let filter: Vec<String> = args.into_iter().filter(|a| !a.starts_with('-')).collect();
    let selected: Vec<_> = MODELS
        .iter()
        .filter(|b| filter.is_empty() || filter.iter().any(|f| b.name.contains(f.as_str())))
        .collect();
    if selected.is_empty() {
        return Err(format!("no model matches {filter:?}; known: {names}").into());
    }
    if mode == Mode::NetspecOnly {
        for b in selected {
            println!("{} {:.3}", b.name, (b.run)(b, &setup)?.timer.round()?.ms);
        }
        return Ok(());
    }
    let torch = python_has("torch");
    let jax = python_has("jax");
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    let cpu = cpu_description();
    eprintln!("cpu: {cpu}; load average {}", load.join(" "));
    if !torch {
        eprintln!("PyTorch not installed (pip install torch): the peer columns stay empty");
    }

    let compiler = Compiler::new()?;
    let mut peaks = Peaks::default();
    let mut rows = Vec::new();
    let (mut workers, mut torch_info, mut jax_version) = (None, None, None);
    for b in selected {
        let name = b.name;
        eprintln!("peaks: a 2048^3 matmul on IREE, FMA chains...");
        peaks.sample(&compiler, &setup.target, cores)?;
        eprintln!("{name}: netspec, compiling...");
        memory::reset_peak();
        let mut ours = (b.run)(b, &setup)?;
        workers = workers.or(ours.workers);
        let mut rounds = Vec::new();
        // Each round times netspec, then each peer, and takes their ratio: on a host whose
        // speed drifts, the sides of one round ran minutes apart at most.
        for r in 1..=ROUNDS {
            let netspec = ours.timer.round()?;
            let torch_ms = torch
                .then(|| peer(b, &setup, "peer_pytorch.py"))
                .and_then(|p| {
                    p.map_err(|e| eprintln!("{name}: PyTorch peer failed: {e}"))
                        .ok()
                })
                .map(|p| {
                    torch_info = Some((p.version, p.threads));
                    p.ms
                });
            let jax_ms = (jax && name == "mnist_mlp")
                .then(|| peer(b, &setup, "peer_jax.py"))
                .and_then(|p| {
                    p.map_err(|e| eprintln!("{name}: JAX peer failed: {e}"))
                        .ok()
                })
                .map(|p| {
                    jax_version = Some(p.version);
                    p.ms
                });
            let peer_ms = |ms: Option<f64>| ms.map_or("-".into(), |m| format!("{m:.2}"));
            eprintln!(
                "{name}: round {r}: netspec {:.2} ms, PyTorch {} ms, JAX {} ms",
                netspec.ms,
                peer_ms(torch_ms),
                peer_ms(jax_ms)
            );
            rounds.push(RoundPair {
                netspec,
                torch_ms,
                jax_ms,
            });
        }
        rows.push(Row {
            bench: b,
            flops: ours.flops,
            cold_s: ours.cold_s,
            rounds,
            peak_mib: memory::peak_resident_bytes().map(memory::mib),
        });
    }
    eprintln!("peaks: a last sample...");
    peaks.sample(&compiler, &setup.target, cores)?;
    let (peak, lowest_peak) = Peaks::range(&peaks.matmul).expect("a sample");
    let fma_peak = Peaks::range(&peaks.fma);

    let workers = workers.map_or("?".to_string(), |w| w.to_string());
    let torch_line = match torch_info {
        Some((version, threads)) => format!("PyTorch {version} on the CPU, {threads} threads"),
        None => "PyTorch: not installed".into(),
    };
    let jax_line = jax_version.map_or("JAX: -".into(), |v| format!("JAX {v} (`jit`, the MLP)"));
    let (title, class, held) = match &setup.target {
        Target::Cpu { cpu: name } => {
            let env = setup.peer_env();
            let held = if env.is_empty() {
                String::new()
            } else {
                let vars: Vec<String> = env.iter().map(|(k, v)| format!("`{k}={v}`")).collect();
                format!(
                    ", the peers held to the same instructions by {}",
                    vars.join(" ")
                )
            };
            (
                format!("{cpu}, running code for `{name}`"),
                format!("{}-as-{name}", cpu_class()),
                format!(
                    "\n- netspec's step formulated and compiled for `cpu:{name}` ({} lowering) \
                     on this host{held}",
                    lowering_name(&setup.target)
                ),
            )
        }
        _ => (cpu.clone(), cpu_class(), String::new()),
    };
    let report = format!(
        "# Train step benchmark: {title}\n\n\
         Written by `cargo bench --bench train_step` on {date} (netspec {commit}), replacing the \
         previous run on this CPU class; earlier runs are in git's history. {cores} cores, load \
         average {load} at the start.\n\n\
         - netspec: IREE {iree} `llvm-cpu`, flags `{flags}`, local-task with {workers} worker(s) \
         where the row names no other driver\
         {held}\n\
         - {torch_line}; {jax_line}\n\
         - peaks, sampled {samples} times (before each model and after the last), the best \
         and in parentheses the lowest: a 2048x2048x2048 matmul as a dense layer's \
         ({peak_form}) runs at **{peak:.0} GFLOP/s** ({lowest_peak:.0}){fma_line}; a row's \
         \"% of peak\" and \"% of FMA peak\" divide by the higher of the two samples taken \
         just before and just after it, as its peers are timed beside it on a host whose speed \
         drifts\n\
         - one SGD step on random normal images and random labels, batch as listed; warmup, then \
         {rounds} rounds of netspec's steps and each peer's process in turn, each side at least \
         the listed steps and {min}s a round; ms are medians over steps, then over rounds, and \
         the ratio is the median of the rounds' ratios (both sides read the loss back every \
         step); GFLOP counts the matmuls and convolutions of the emitted train step, \
         and both GFLOP/s columns divide that same count by each side's time\n\n\
         {header}\n{rows}\n",
        date = today(),
        commit = git_commit(),
        load = load.join(" "),
        iree = compiler.revision(),
        flags = setup.target.flags(&setup.target.lowering(), true).join(" "),
        min = MIN_TIME.as_secs(),
        rounds = ROUNDS,
        peak_form = if setup.target.lowering().kernel_matmuls.is_empty() {
            "IREE's data tiling with its micro-kernels"
        } else {
            "netspec's matmul kernel"
        },
        samples = peaks.matmul.len(),
        fma_line = fma_peak.map_or(String::new(), |(f, lowest)| format!(
            "; independent FMA chains in registers, a thread per core, run at **{f:.0} GFLOP/s** \
             ({lowest:.0}), so the matmul reaches {:.0}% of them",
            100.0 * peak / f
        )),
        header = TABLE_HEADER,
        rows = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let (peak, fma_peak) = peaks.around(i);
                r.render(peak, fma_peak)
            })
            .collect::<Vec<_>>()
            .join("\n"),
    );
    println!("{report}");
    if filter.is_empty() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("benches/results")
            .join(format!("{class}.md"));
        std::fs::create_dir_all(path.parent().expect("a folder"))?;
        std::fs::write(&path, &report)?;
        eprintln!("written to {}", path.display());
    }
    Ok(())
}

/// The name `Lowering::ALL` gives the target's formulation.
fn lowering_name(target: &Target) -> &'static str {
    let lowering = target.lowering();
    Lowering::ALL
        .iter()
        .find(|(_, l)| *l == lowering)
        .map_or("its own", |(name, _)| name)
}

/// One round: netspec's steps, then each peer's process.
struct RoundPair {
    netspec: Round,
    torch_ms: Option<f64>,
    jax_ms: Option<f64>,
}

/// Rounds per model: netspec and its peers in turn, the ratio taken in each round.
const ROUNDS: usize = 3;

const TABLE_HEADER: &str = "| model | batch | netspec ms | PyTorch ms | ratio | ratio per round | JAX ms | GFLOP/step | netspec GFLOP/s | % of peak | % of FMA peak | PyTorch GFLOP/s | faults/step | cold compile s | peak MiB |\n\
                            |---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

/// What the table shows of one model, kept until the peaks are known.
struct Row<'a> {
    bench: &'a Bench,
    flops: u64,
    cold_s: f64,
    rounds: Vec<RoundPair>,
    peak_mib: Option<f64>,
}

impl Row<'_> {
    fn render(&self, peak: f64, fma_peak: Option<f64>) -> String {
        let (b, rounds) = (self.bench, &self.rounds);
        let median = |xs: Vec<f64>| (!xs.is_empty()).then(|| Stats::of(xs).median);
        let ms = median(rounds.iter().map(|r| r.netspec.ms).collect()).unwrap_or(f64::NAN);
        let torch = median(rounds.iter().filter_map(|r| r.torch_ms).collect());
        let jax = median(rounds.iter().filter_map(|r| r.jax_ms).collect());
        let ratios: Vec<f64> = rounds
            .iter()
            .filter_map(|r| r.torch_ms.map(|t| r.netspec.ms / t))
            .collect();
        let faults = median(rounds.iter().filter_map(|r| r.netspec.faults).collect());
        let gflop = self.flops as f64 / 1e9;
        let rate = |ms: f64| gflop / ms * 1e3;
        let dash = || "-".to_string();
        let per_round = if ratios.is_empty() {
            dash()
        } else {
            ratios
                .iter()
                .map(|r| format!("{r:.2}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let driver = match &b.device {
            Device::LocalTask => String::new(),
            other => format!(" ({})", other.name()),
        };
        format!(
            "| {}{driver} | {} | {:.2} | {} | {} | {} | {} | {:.3} | {:.0} | {:.0}% | {} | {} | {} | {:.1} | {} |",
            b.name,
            b.batch,
            ms,
            torch.map_or_else(dash, |t| format!("{t:.2}")),
            median(ratios).map_or_else(dash, |r| format!("{r:.2}")),
            per_round,
            jax.map_or_else(dash, |t| format!("{t:.2}")),
            gflop,
            rate(ms),
            100.0 * rate(ms) / peak,
            fma_peak.map_or_else(dash, |f| format!("{:.0}%", 100.0 * rate(ms) / f)),
            torch.map_or_else(dash, |t| format!("{:.0}", rate(t))),
            faults.map_or_else(dash, |f| format!("{f:.0}")),
            self.cold_s,
            self.peak_mib.map_or_else(dash, |m| format!("{m:.0}")),
        )
    }
}
