//! A resumed run is the run it continues: its training checkpoint records the command that
//! shapes it (data set and location, limits, augmentation, device, outputs), so `--resume FILE`
//! alone continues it, and a flag that contradicts the record is an error naming both values.

use std::path::{Path, PathBuf};

use netspec_core::data::augment::Augment;
use netspec_core::data::DatasetKind;
use netspec_iree::trainer::TrainingState;
use netspec_iree::{Device, Error, LossKind, OptimizerKind, Trainer};
use serde::{Deserialize, Serialize};

use super::epochs::EpochLine;
use crate::cli::data::{data_dir, DataChoice, DATASET_KEY};
use crate::cli::paths::canonical;
use crate::cli::{Flags, Options};

/// The checkpoint metadata key of the per-epoch lines a training checkpoint keeps, so a
/// resumed run's report and metrics continue.
pub const RECORDS_KEY: &str = "epoch_records";
/// The checkpoint metadata key of the [`RunRecord`].
pub const RUN_KEY: &str = "netspec_run";

/// What shapes a run beside its [`netspec_iree::TrainConfig`]: paths are absolute, so the run
/// continues from any working directory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    /// The data set trained on (after any fallback), as `--dataset` takes it.
    pub dataset: String,
    /// The directory it was loaded from (for `folder:PATH`, PATH).
    pub data: PathBuf,
    pub train_limit: Option<usize>,
    pub test_limit: Option<usize>,
    pub crop_padding: usize,
    pub horizontal_flip: bool,
    pub device: String,
    pub save: Option<PathBuf>,
    pub metrics: Option<PathBuf>,
    pub training_checkpoint: PathBuf,
    /// `--resolution`, which picks the network of examples declared at several.
    pub resolution: Option<usize>,
}

impl RunRecord {
    pub fn new(
        o: &Options,
        dataset: &DataChoice,
        data: &Path,
        metrics: Option<&Path>,
        training_checkpoint: &Path,
    ) -> Self {
        let dataset = match dataset {
            DataChoice::Folder(root) => DataChoice::Folder(absolute(root)).to_string(),
            known => known.to_string(),
        };
        RunRecord {
            dataset,
            data: absolute(data),
            train_limit: o.train_limit,
            test_limit: o.test_limit,
            crop_padding: o.augment.crop_padding,
            horizontal_flip: o.augment.horizontal_flip,
            device: o.device.name().into(),
            save: o.save.as_deref().map(absolute),
            metrics: metrics.map(absolute),
            training_checkpoint: absolute(training_checkpoint),
            resolution: o.command.resolution,
        }
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// A run continued from a training checkpoint.
pub struct Resumed {
    pub path: PathBuf,
    pub state: TrainingState,
    /// Its epochs so far.
    pub lines: Vec<EpochLine>,
    /// Where it writes its training checkpoint (none: beside `--save`, as for a new run).
    pub training_checkpoint: Option<PathBuf>,
}

impl Resumed {
    /// Refuses to continue where the state does not fit the data (`steps_per_epoch` at the
    /// recorded batch size) or nothing is left to train.
    pub fn check_continues(&self, o: &Options, steps_per_epoch: usize) -> Result<(), Error> {
        let (p, c) = (&self.path, &o.config);
        self.state.check_fits(p, steps_per_epoch, c.epochs)?;
        if first_epoch(&self.state, steps_per_epoch) > c.epochs {
            return Err(Error::Usage(format!(
                "the run in {} is complete (epoch {} of {}, {steps_per_epoch} steps each); pass \
                 --epochs N, more than {}, to train it further",
                p.display(),
                c.epochs,
                c.epochs,
                c.epochs
            )));
        }
        if let Some(m) = c.max_steps.filter(|&m| self.state.steps_done >= m) {
            return Err(Error::Usage(format!(
                "the run in {} stopped at its --steps {m}; pass --steps N, more than {m}, to \
                 train it further",
                p.display()
            )));
        }
        Ok(())
    }
}

/// The epoch a run in `state` trains next, on data of `steps_per_epoch` steps.
pub fn first_epoch(state: &TrainingState, steps_per_epoch: usize) -> usize {
    let p = &state.progress;
    match p.epoch {
        0 => 1,
        e if p.losses.len() >= steps_per_epoch => e + 1,
        e => e,
    }
}

/// The run `given` describes: a new one as given, or with `--resume` the recorded one, with
/// `--epochs`, `--steps` and `--quiet` as given (a run can be made longer) and every other
/// flag given checked against the record.
pub fn resolve(given: &Options) -> Result<(Options, Option<Resumed>), Error> {
    let Some(path) = &given.resume else {
        return Ok((given.clone(), None));
    };
    let state = Trainer::training_state(path)?;
    let lines = state
        .metadata
        .get(RECORDS_KEY)
        .and_then(|r| serde_json::from_str(r).ok())
        .unwrap_or_default();
    let record: Option<RunRecord> = state
        .metadata
        .get(RUN_KEY)
        .and_then(|r| serde_json::from_str(r).ok());
    let flags = &given.command;
    let mut config = state.config.clone();
    config.progress = given.config.progress;
    if let Some(e) = flags.epochs {
        config.epochs = e;
    }
    if flags.steps.is_some() {
        config.max_steps = flags.steps;
    }
    let options = match &record {
        Some(record) => {
            let clashes = contradictions(flags, &state, record);
            if !clashes.is_empty() {
                return Err(Error::Usage(format!(
                    "{} continues the run as it was started, but {}; drop {} to resume it, or \
                     start a new run without --resume",
                    path.display(),
                    clashes.join("; "),
                    if clashes.len() == 1 {
                        "that flag"
                    } else {
                        "those flags"
                    }
                )));
            }
            recorded_options(given, record, config)?
        }
        // Written before runs were recorded: the flags must name the data again.
        None => {
            let options = Options {
                config,
                ..given.clone()
            };
            let data_name = options.dataset.to_string();
            if state.metadata.get(DATASET_KEY) != Some(&data_name) {
                return Err(Error::Usage(format!(
                    "{} was trained on {}, but this command line names {data_name}; pass the \
                     same --dataset (and --data) to resume",
                    path.display(),
                    state
                        .metadata
                        .get(DATASET_KEY)
                        .map_or("an unnamed data set", |s| s.as_str())
                )));
            }
            options
        }
    };
    let resumed = Resumed {
        path: path.clone(),
        state,
        lines,
        training_checkpoint: record.map(|r| r.training_checkpoint),
    };
    Ok((options, Some(resumed)))
}

fn recorded_options(
    given: &Options,
    r: &RunRecord,
    config: netspec_iree::TrainConfig,
) -> Result<Options, Error> {
    let dataset: DataChoice = r.dataset.parse().map_err(Error::Data)?;
    let device = match r.device.as_str() {
        "local-sync" => Device::LocalSync,
        "cuda" => Device::Cuda,
        _ => Device::LocalTask,
    };
    Ok(Options {
        config,
        data: match dataset {
            DataChoice::Folder(_) => None,
            DataChoice::Known(_) => Some(r.data.clone()),
        },
        dataset,
        init: None,
        save: r.save.clone(),
        metrics: r.metrics.clone(),
        resume: given.resume.clone(),
        device,
        train_limit: r.train_limit,
        test_limit: r.test_limit,
        fallback: None,
        augment: Augment {
            crop_padding: r.crop_padding,
            horizontal_flip: r.horizontal_flip,
        },
        command: given.command.clone(),
    })
}

/// Each flag given that says otherwise than the run's record: "--lr 0.5 was given but the run
/// was started with --lr 0.1".
fn contradictions(flags: &Flags, state: &TrainingState, r: &RunRecord) -> Vec<String> {
    let c = &state.config;
    let mut out = Vec::new();
    let mut differs = |flag: &str, given: Option<String>, recorded: String| {
        if let Some(given) = given.filter(|g| *g != recorded) {
            out.push(format!(
                "--{flag} {given} was given where the run was started with {recorded}"
            ));
        }
    };
    differs(
        "batch-size",
        flags.batch_size.map(|v| v.to_string()),
        c.batch_size.to_string(),
    );
    differs("lr", flags.lr.map(|v| v.to_string()), c.lr.to_string());
    differs(
        "optimizer",
        flags.optimizer.map(|o| optimizer_name(o).into()),
        optimizer_name(c.optimizer).into(),
    );
    differs(
        "momentum",
        flags.momentum.map(|v| v.to_string()),
        c.momentum.to_string(),
    );
    differs(
        "weight-decay",
        flags.weight_decay.map(|v| v.to_string()),
        c.weight_decay.to_string(),
    );
    differs(
        "warmup-epochs",
        flags.warmup_epochs.map(|v| v.to_string()),
        c.warmup_epochs.to_string(),
    );
    differs(
        "label-smoothing",
        flags.label_smoothing.map(|v| v.to_string()),
        c.label_smoothing.to_string(),
    );
    differs(
        "drop-path",
        flags.drop_path.map(|v| v.to_string()),
        c.drop_path.to_string(),
    );
    differs(
        "loss",
        flags.loss.map(|l| loss_name(l.into()).into()),
        loss_name(c.loss).into(),
    );
    differs(
        "seed",
        flags.seed.map(|v| v.to_string()),
        c.seed.to_string(),
    );
    let switch = |on: bool| if on { "on" } else { "off" }.to_string();
    differs(
        "cosine",
        flags.cosine.then(|| switch(true)),
        switch(c.cosine),
    );
    differs(
        "no-shuffle",
        flags.no_shuffle.then(|| "(shuffling off)".into()),
        format!("(shuffling {})", switch(c.shuffle)),
    );
    let augmented = r.crop_padding > 0 || r.horizontal_flip;
    let asked = match (flags.augment, flags.no_augment) {
        (true, _) => Some(switch(true)),
        (_, true) => Some(switch(false)),
        _ => None,
    };
    differs(
        "augment",
        asked.map(|a| format!("({a})")),
        format!("({})", switch(augmented)),
    );
    let kind = r.dataset.parse::<DataChoice>().ok();
    differs(
        "dataset",
        flags.dataset.as_ref().map(canonical_choice),
        kind.as_ref().map_or(r.dataset.clone(), canonical_choice),
    );
    if let (Some(d), Some(DataChoice::Known(k))) = (&flags.data, &kind) {
        differs(
            "data",
            Some(resolved_data_dir(d, *k).display().to_string()),
            canonical(&r.data).display().to_string(),
        );
    }
    let limit = |l: Option<usize>| l.map_or("no limit".to_string(), |n| n.to_string());
    differs(
        "train-limit",
        flags.train_limit.map(|v| v.to_string()),
        limit(r.train_limit),
    );
    differs(
        "test-limit",
        flags.test_limit.map(|v| v.to_string()),
        limit(r.test_limit),
    );
    differs(
        "device",
        flags.device.map(|d| Device::from(d).name().into()),
        r.device.clone(),
    );
    let path = |p: &Option<PathBuf>| p.as_deref().map(|p| canonical(p).display().to_string());
    differs(
        "save",
        path(&flags.save),
        path(&r.save).unwrap_or("no --save".into()),
    );
    differs(
        "metrics",
        path(&flags.metrics),
        path(&r.metrics).unwrap_or("no metrics".into()),
    );
    if let Some(recorded) = r.resolution {
        differs(
            "resolution",
            flags.resolution.map(|v| v.to_string()),
            recorded.to_string(),
        );
    }
    out
}

/// A data set choice with a folder's path canonical, for comparing two.
fn canonical_choice(d: &DataChoice) -> String {
    match d {
        DataChoice::Folder(root) => DataChoice::Folder(canonical(root)).to_string(),
        known => known.to_string(),
    }
}

/// Where `--data d` points for data set `kind`, canonical.
fn resolved_data_dir(d: &Path, kind: DatasetKind) -> PathBuf {
    canonical(&data_dir(Some(d), kind))
}

fn optimizer_name(o: OptimizerKind) -> &'static str {
    match o {
        OptimizerKind::Sgd => "sgd",
        OptimizerKind::Adam => "adam",
    }
}

fn loss_name(l: LossKind) -> &'static str {
    match l {
        LossKind::CrossEntropy => "ce",
        LossKind::MeanSquaredError => "mse",
    }
}

/// The `--resolution` a training checkpoint's run was started with, if it records one.
pub fn recorded_resolution(checkpoint: &Path) -> Option<usize> {
    let state = Trainer::training_state(checkpoint).ok()?;
    serde_json::from_str::<RunRecord>(state.metadata.get(RUN_KEY)?)
        .ok()?
        .resolution
}
