//! One training run for the equality tests (`tests/mpirun.rs`): `--steps` steps of a network
//! on the MNIST digits, then an evaluation; each rank writes its losses, evaluation and replica
//! digest (`rank<R>.json`) and its parameters (`rank<R>.safetensors`) into `--out`.
//!
//! Started by `mpirun -np N`, it is one rank of a data-parallel run with `--batch` per rank.
//! With `--simulate N` it is one process computing what N ranks compute, PyTorch DDP's
//! definition: each shard's gradients (and BatchNorm statistics) on its own, then their mean.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use netspec::core::data::batch::{self, BatchSource};
use netspec::core::data::{self, DatasetKind};
use netspec::iree::distributed::{self, mpi::World, Alone};
use netspec::iree::{Compiler, Device, Error, TrainConfig, Trainer};
use netspec::models::MnistCnn;
use netspec::prelude::*;
use serde::Serialize;

netspec! {
    /// A small net with BatchNorm, for the statistics' semantics across ranks.
    pub SmallBn: [1, 28, 28] => {
        conv1: conv2d(8, k = 3, p = 1, bias = false), bn1: batch_norm, relu, max_pool(2),
        conv2: conv2d(8, k = 3, p = 1, bias = false), bn2: batch_norm, relu, max_pool(2),
        flatten,
        fc: dense(10),
    }
}

#[derive(Serialize)]
struct RankReport {
    rank: usize,
    ranks: usize,
    losses: Vec<f32>,
    eval_loss: f64,
    eval_accuracy: f64,
    eval_examples: usize,
    digest: u64,
}

struct Args {
    net: String,
    batch: usize,
    steps: usize,
    out: PathBuf,
    simulate: Option<usize>,
}

fn args() -> Args {
    let mut a = Args {
        net: "cnn".into(),
        batch: 32,
        steps: 10,
        out: PathBuf::from("."),
        simulate: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--net" => a.net = value,
            "--batch" => a.batch = value.parse().expect("--batch N"),
            "--steps" => a.steps = value.parse().expect("--steps N"),
            "--out" => a.out = value.into(),
            "--simulate" => a.simulate = Some(value.parse().expect("--simulate N")),
            _ => panic!("unknown flag {flag}"),
        }
    }
    a
}

fn main() -> Result<(), Error> {
    let world = World::from_launcher()?;
    let a = args();
    match a.net.as_str() {
        "cnn" => run::<MnistCnn>(&a)?,
        "bn" => run::<SmallBn>(&a)?,
        other => panic!("unknown net {other}"),
    }
    drop(world);
    Ok(())
}

fn run<N: Network>(a: &Args) -> Result<(), Error> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let split = data::load(
        DatasetKind::Mnist,
        &data::default_dir(DatasetKind::Mnist, &root),
    )?;
    let (train, test) = (split.train.take(2048), split.test.take(200));
    let config = TrainConfig {
        lr: 0.05,
        momentum: 0.9,
        batch_size: a.batch,
        epochs: 1,
        max_steps: Some(a.steps),
        progress: false,
        seed: 7,
        ..TrainConfig::default()
    };
    let compiler = Compiler::new()?;
    let device = Device::LocalTask;
    let (trainer, losses) = match a.simulate {
        None => {
            let mut t = Trainer::new::<N>(&compiler, config, None, &device)?;
            let stats = t.train_epoch(&train, 1)?;
            (t, stats.losses)
        }
        Some(ranks) => {
            let mut t =
                Trainer::with_ranks::<N>(&compiler, config, None, &device, Some(Rc::new(Alone)))?;
            let losses = simulate(&mut t, &train, ranks, a.steps)?;
            (t, losses)
        }
    };
    let eval = trainer.evaluate(&test)?;
    let (rank, ranks) = trainer.rank_and_ranks();
    let report = RankReport {
        rank,
        ranks,
        losses,
        eval_loss: eval.loss,
        eval_accuracy: eval.accuracy,
        eval_examples: eval.examples,
        digest: trainer.replica_digest()?,
    };
    std::fs::create_dir_all(&a.out).expect("--out is writable");
    let json = serde_json::to_string(&report).expect("serialises");
    std::fs::write(a.out.join(format!("rank{rank}.json")), json).expect("--out is writable");
    trainer.save(&a.out.join(format!("rank{rank}.safetensors")))?;
    Ok(())
}

/// `steps` steps of `ranks` ranks in one process: each rank's shard of the global batch
/// (dealt as the trainer deals it), its gradients on their own, summed, one update.
fn simulate(
    t: &mut Trainer,
    train: &dyn BatchSource,
    ranks: usize,
    steps: usize,
) -> Result<Vec<f32>, Error> {
    let bs = t.config.batch_size;
    let order = batch::epoch_order(train.len(), t.config.seed, 1, t.config.shuffle);
    let schedule = t.config.schedule(train.len() / (bs * ranks));
    let mut losses = vec![];
    for i in 0..steps {
        let mut summed: Vec<f32> = vec![];
        for r in 0..ranks {
            let idx: Vec<usize> = distributed::shard(i, bs, r, ranks)
                .map(|p| order[p])
                .collect();
            let (mut images, mut labels) = (vec![], vec![]);
            train.fill(&idx, 1, i * ranks + r, &mut images, &mut labels)?;
            let part = t.grad_summands(&images, &labels)?;
            if summed.is_empty() {
                summed = part;
            } else {
                summed.iter_mut().zip(part).for_each(|(s, p)| *s += p);
            }
        }
        losses.push(summed[summed.len() - 1] / ranks as f32);
        t.apply_summed(&summed, ranks, schedule.lr(t.steps_done()))?;
    }
    Ok(losses)
}
