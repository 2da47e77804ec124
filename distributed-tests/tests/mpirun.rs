//! Data-parallel training under `mpirun -np 2` on localhost against one process: the same
//! numbers, replicas bit-identical, BatchNorm with PyTorch DDP's semantics.
//!
//! Two references. (1) DDP's definition computed in one process without MPI (`--simulate 2`:
//! each shard's gradients on their own, summed, one update): the ranks must match it bit for
//! bit (a sum of two f32 is commutative, so MPI's all-reduce of two ranks rounds as the
//! simulation does). (2) One process with the global batch 64: equal to f32 rounding only,
//! since two means of 32 reassociate the batch reductions (and each convolution's tiling
//! differs with the batch). Measured on the MNIST CNN: after 1 and 3 steps every parameter
//! within 1.5e-8 (a few ulps); between steps 3 and 5 a rounding-sized difference flips one
//! discrete decision (a ReLU or max-pool near a tie), after which the convolution kernels
//! differ by 1e-3 of what training moved them and stay there, the dense layers by 3e-5.
//! So: losses within `LOSS_TOLERANCE` (relative; measured 2e-7), each tensor within
//! `MOVE_TOLERANCE` of its own movement from the initial values (measured 1.1e-3); a wrong
//! shard (other examples) moves parameters by differences of the order of the movement itself.

use std::path::{Path, PathBuf};
use std::process::Command;

use netspec::core::checkpoint::{self, NamedTensor};
use netspec::core::Network;
use netspec::models::MnistCnn;
use serde_json::Value;

const LOSS_TOLERANCE: f64 = 1e-6;
const MOVE_TOLERANCE: f64 = 1e-2;
/// The test program's seed (src/main.rs).
const SEED: u64 = 7;

fn out_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("netspec-mpirun-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// One run of the test program: under `mpirun -np ranks`, or alone where `ranks` is None.
fn run(ranks: Option<usize>, args: &[&str], out: &Path) {
    let exe = env!("CARGO_BIN_EXE_netspec-distributed-tests");
    let mut cmd = match ranks {
        Some(n) => {
            let mut c = Command::new("mpirun");
            // CI runs as root and has 2 cores: OpenMPI refuses both unless told.
            c.env("OMPI_ALLOW_RUN_AS_ROOT", "1")
                .env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
                .args(["--oversubscribe", "-np", &n.to_string(), exe]);
            c
        }
        None => Command::new(exe),
    };
    let output = cmd
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("mpirun runs (scripts/setup.sh installs OpenMPI)");
    assert!(
        output.status.success(),
        "{:?} failed: {}\n{}",
        cmd,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

struct Rank {
    report: Value,
    params: Vec<NamedTensor>,
}

fn rank(out: &Path, r: usize) -> Rank {
    let json = std::fs::read_to_string(out.join(format!("rank{r}.json"))).unwrap();
    let path = out.join(format!("rank{r}.safetensors"));
    Rank {
        report: serde_json::from_str(&json).unwrap(),
        params: checkpoint::load(&path).unwrap(),
    }
}

fn losses(r: &Rank) -> Vec<f64> {
    r.report["losses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

fn max_abs_diff(a: &[f32], b: &[f32]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(p, q)| f64::from(p - q).abs())
        .fold(0.0, f64::max)
}

/// The largest, over the tensors, of max|a - b| over max|b - init|: how far apart `a` and
/// `b` are as a fraction of how far training moved `b`; with the tensor's name.
fn params_gap(a: &Rank, b: &Rank, init: &[NamedTensor]) -> (f64, String) {
    let mut worst = (0.0, String::new());
    for (x, y) in a.params.iter().zip(&b.params) {
        assert_eq!((&x.name, &x.shape), (&y.name, &y.shape));
        let z = init
            .iter()
            .find(|z| z.name == x.name)
            .expect("an initial value");
        let moved = max_abs_diff(&y.data, &z.data);
        assert!(moved > 0.0, "{} did not move", x.name);
        let gap = max_abs_diff(&x.data, &y.data) / moved;
        if gap > worst.0 {
            worst = (gap, x.name.clone());
        }
    }
    worst
}

fn losses_gap(a: &Rank, b: &Rank) -> f64 {
    let (la, lb) = (losses(a), losses(b));
    assert_eq!(la.len(), lb.len());
    la.iter()
        .zip(&lb)
        .map(|(x, y)| (x - y).abs() / (1.0 + y.abs()))
        .fold(0.0, f64::max)
}

/// Both ranks hold the same parameters, bit for bit, and said so in their digests.
fn assert_replicas_identical(out: &Path) -> Rank {
    let (r0, r1) = (rank(out, 0), rank(out, 1));
    assert_eq!(r0.report["ranks"], 2);
    assert_eq!(r0.report["digest"], r1.report["digest"]);
    assert_eq!(r0.params.len(), r1.params.len());
    for (x, y) in r0.params.iter().zip(&r1.params) {
        assert_eq!(x.name, y.name);
        assert!(
            x.data
                .iter()
                .zip(&y.data)
                .all(|(p, q)| p.to_bits() == q.to_bits()),
            "the replicas' {} differ",
            x.name
        );
    }
    assert_eq!(r0.report["losses"], r1.report["losses"]);
    assert_eq!(r0.report["eval_loss"], r1.report["eval_loss"]);
    r0
}

/// 10 steps of the MNIST CNN (SGD with momentum): 2 ranks x batch 32 against DDP's definition
/// and against 1 process x batch 64.
#[test]
fn two_ranks_train_the_cnn_as_one_process_with_their_global_batch() {
    let (two, sim, one) = (out_dir("cnn2"), out_dir("cnnsim"), out_dir("cnn1"));
    let args = ["--net", "cnn", "--batch", "32", "--steps", "10"];
    run(Some(2), &args, &two);
    run(None, &[&args[..], &["--simulate", "2"]].concat(), &sim);
    run(
        None,
        &["--net", "cnn", "--batch", "64", "--steps", "10"],
        &one,
    );
    let r = assert_replicas_identical(&two);
    assert_as_defined(&r, &rank(&sim, 0));
    let single = rank(&one, 0);
    let loss_gap = losses_gap(&r, &single);
    let (param_gap, at) = params_gap(&r, &single, &MnistCnn::init_params(SEED));
    eprintln!(
        "cnn, 2x32 against 1x64: losses within {loss_gap:.2e}, parameters within {param_gap:.2e} \
         of their movement ({at})"
    );
    assert!(loss_gap < LOSS_TOLERANCE, "losses differ by {loss_gap:.2e}");
    assert!(
        param_gap < MOVE_TOLERANCE,
        "{at} differs by {param_gap:.2e}"
    );
    let l = losses(&r);
    assert!(l[9] < l[0], "loss {} -> {}", l[0], l[9]);
    // The evaluation, split over the ranks and summed, is one process's.
    assert_eq!(r.report["eval_examples"], single.report["eval_examples"]);
    assert_eq!(r.report["eval_accuracy"], single.report["eval_accuracy"]);
    let (e2, e1) = (
        r.report["eval_loss"].as_f64().unwrap(),
        single.report["eval_loss"].as_f64().unwrap(),
    );
    assert!((e2 - e1).abs() < 1e-4 * e1, "eval loss {e2} vs {e1}");
    for d in [&two, &sim, &one] {
        let _ = std::fs::remove_dir_all(d);
    }
}

/// The ranks computed DDP's definition, bit for bit: the same losses and parameters as the
/// one-process simulation of their shards.
fn assert_as_defined(r: &Rank, defined: &Rank) {
    assert_eq!(r.report["losses"], defined.report["losses"]);
    for (x, y) in r.params.iter().zip(&defined.params) {
        assert_eq!(x.name, y.name);
        assert!(
            x.data
                .iter()
                .zip(&y.data)
                .all(|(p, q)| p.to_bits() == q.to_bits()),
            "{} differs from DDP's definition by {:.2e}",
            x.name,
            max_abs_diff(&x.data, &y.data)
        );
    }
}

/// BatchNorm under DDP's semantics: each rank normalises with its own shard's statistics,
/// gradients are averaged, the running statistics are the ranks' mean on every rank. Against
/// that definition computed in one process, and unlike one process with the global batch.
#[test]
fn two_ranks_train_batch_norm_with_per_rank_statistics() {
    let (two, sim, one) = (out_dir("bn2"), out_dir("bnsim"), out_dir("bn1"));
    let args = ["--net", "bn", "--batch", "32", "--steps", "10"];
    run(Some(2), &args, &two);
    run(None, &[&args[..], &["--simulate", "2"]].concat(), &sim);
    run(
        None,
        &["--net", "bn", "--batch", "64", "--steps", "10"],
        &one,
    );
    let r = assert_replicas_identical(&two);
    assert_as_defined(&r, &rank(&sim, 0));
    // Per-rank statistics are not the global batch's: the normalisation, and so every step
    // after the first, differ from one process's with batch 64.
    let global = rank(&one, 0);
    let gap = r
        .params
        .iter()
        .zip(&global.params)
        .map(|(x, y)| max_abs_diff(&x.data, &y.data))
        .fold(0.0, f64::max);
    eprintln!("bn, 2x32 against 1x64 (global statistics): parameters differ by up to {gap:.2e}");
    assert!(
        gap > 1e-3,
        "2 ranks with per-rank statistics matched global statistics ({gap:.2e})"
    );
    // The running statistics moved from their start (that they are the ranks' mean is in the
    // equality with the definition above).
    let mean = r
        .params
        .iter()
        .find(|t| t.name == "bn1.running_mean")
        .unwrap();
    assert!(mean.data.iter().any(|v| *v != 0.0));
    for d in [&two, &sim, &one] {
        let _ = std::fs::remove_dir_all(d);
    }
}
