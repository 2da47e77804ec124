//! The command line every example shares: flags to a `TrainConfig`, data loading, the per-epoch
//! report, metrics as JSON lines and checkpoints.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Parser, ValueEnum};
use netspec_core::checkpoint;
use netspec_core::data::augment::{self, Augment};
use netspec_core::data::batch::{Augmented, BatchSource};
use netspec_core::data::folder::{self, FolderLayout, ImageFolder, RandomResizedCrops};
use netspec_core::data::{self, cifar, imagenette, transform, Dataset, DatasetKind, Normalization};
use netspec_core::Network;

use crate::report::{self, EpochRecord};
use netspec_iree::{
    check_data_fits, Compiler, Device, Error, LossKind, OptimizerKind, TrainConfig, Trainer,
};

/// What an example fixes before the user's flags: its recipe and its default data set.
#[derive(Clone, Debug)]
pub struct Defaults {
    pub config: TrainConfig,
    pub dataset: DatasetKind,
    /// When the default data set is absent (CIFAR-10 cannot be fetched by the setup script),
    /// train on this one instead, brought to the network's input shape.
    pub fallback: Option<DatasetKind>,
    /// Random crop and flip of training images.
    pub augment: Augment,
    /// Where to write the checkpoint when `--save` is not given (none: no checkpoint).
    pub save: Option<PathBuf>,
    /// Train on the first N examples when `--train-limit` is not given (none: all of them).
    pub train_limit: Option<usize>,
    /// The IREE driver when `--device` is not given.
    pub device: Device,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            config: TrainConfig::default(),
            dataset: DatasetKind::FashionMnist,
            fallback: None,
            augment: Augment::NONE,
            save: None,
            train_limit: None,
            device: Device::LocalTask,
        }
    }
}

/// Which data set to train on: one netspec knows by name, or a folder of class folders of
/// images (`--dataset folder:PATH`, see [`folder::open_dataset`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataChoice {
    Known(DatasetKind),
    /// The root of an image folder: `PATH/train` and `PATH/val` (or `PATH/test`), or class
    /// folders in `PATH` itself with every 10th image of each class held out for testing.
    Folder(PathBuf),
}

impl std::str::FromStr for DataChoice {
    type Err = netspec_core::data::DataError;

    /// A known kind's name (see [`DatasetKind`]'s `FromStr`) or `folder:PATH`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.strip_prefix("folder:") {
            Some("") => Err(netspec_core::data::DataError::InvalidArgument(
                "`folder:` needs a path: --dataset folder:PATH, PATH holding train/ and val/ \
                 or the class folders themselves"
                    .into(),
            )),
            Some(path) => Ok(DataChoice::Folder(PathBuf::from(path))),
            None => s.parse().map(DataChoice::Known),
        }
    }
}

impl std::fmt::Display for DataChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataChoice::Known(kind) => write!(f, "{kind}"),
            DataChoice::Folder(path) => write!(f, "folder:{}", path.display()),
        }
    }
}

/// Parsed command line.
#[derive(Clone, Debug)]
pub struct Options {
    pub config: TrainConfig,
    pub dataset: DataChoice,
    pub data: Option<PathBuf>,
    pub init: Option<PathBuf>,
    pub save: Option<PathBuf>,
    pub metrics: Option<PathBuf>,
    /// Continue a stopped run from this training checkpoint (parsed only; not yet used by
    /// [`run`]).
    pub resume: Option<PathBuf>,
    pub device: Device,
    /// Use only the first N training examples (quick runs).
    pub train_limit: Option<usize>,
    /// Evaluate on the first N test examples only (quick runs).
    pub test_limit: Option<usize>,
    pub fallback: Option<DatasetKind>,
    pub augment: Augment,
}

/// `--optimizer`'s values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OptimizerArg {
    Sgd,
    /// Adam with decoupled weight decay (AdamW).
    #[value(alias = "adamw")]
    Adam,
}

/// `--loss`'s values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LossArg {
    /// Softmax cross-entropy.
    #[value(alias = "cross-entropy")]
    Ce,
    /// Mean squared error against one-hot labels.
    Mse,
}

/// `--device`'s values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DeviceArg {
    LocalTask,
    LocalSync,
    Cuda,
}

/// The flags every example takes. Each is optional: what is not given comes from the
/// example's [`Defaults`] (see [`Flags::merge`]). A flag given twice takes its last value.
#[derive(Clone, Debug, Default, Parser)]
#[command(
    about = "Trains a netspec network: every example takes these flags",
    args_override_self = true,
    max_term_width = 100
)]
pub struct Flags {
    /// data directory (default: data/<dataset> in the workspace)
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// mnist | fashion-mnist | cifar10 | imagenette | folder:PATH (class folders of images)
    #[arg(long, value_name = "NAME", value_parser = parse_dataset)]
    pub dataset: Option<DataChoice>,
    /// passes over the training set
    #[arg(long, value_name = "N")]
    pub epochs: Option<usize>,
    /// examples per step (the module is compiled for it)
    #[arg(long, value_name = "N")]
    pub batch_size: Option<usize>,
    /// base learning rate
    #[arg(long, value_name = "X")]
    pub lr: Option<f64>,
    /// sgd | adam (adam's weight decay is decoupled, as AdamW)
    #[arg(long, value_name = "NAME", hide_possible_values = true)]
    pub optimizer: Option<OptimizerArg>,
    /// SGD momentum
    #[arg(long, value_name = "X")]
    pub momentum: Option<f64>,
    /// weight decay (L2 for SGD, decoupled for Adam)
    #[arg(long, value_name = "X")]
    pub weight_decay: Option<f64>,
    /// cosine decay of the learning rate to 0
    #[arg(long)]
    pub cosine: bool,
    /// linear warmup before that
    #[arg(long, value_name = "N")]
    pub warmup_epochs: Option<usize>,
    /// label smoothing of the cross-entropy
    #[arg(long, value_name = "X")]
    pub label_smoothing: Option<f64>,
    /// stochastic-depth rate of the last block (ConvNeXt, EfficientNet)
    #[arg(long, value_name = "X")]
    pub drop_path: Option<f64>,
    /// ce | mse (mse against one-hot labels)
    #[arg(long, value_name = "NAME", hide_possible_values = true)]
    pub loss: Option<LossArg>,
    /// random crop (padding 4) and horizontal flip of training images
    #[arg(long, overrides_with = "no_augment")]
    pub augment: bool,
    /// no random crop and flip
    #[arg(long, overrides_with = "augment")]
    pub no_augment: bool,
    /// initialisation and shuffling
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// stop after N train steps
    #[arg(long, value_name = "N")]
    pub steps: Option<usize>,
    /// train on the first N examples only
    #[arg(long, value_name = "N")]
    pub train_limit: Option<usize>,
    /// evaluate on the first N test examples only
    #[arg(long, value_name = "N")]
    pub test_limit: Option<usize>,
    /// keep the training examples in order
    #[arg(long)]
    pub no_shuffle: bool,
    /// start from a safetensors checkpoint
    #[arg(long, value_name = "FILE")]
    pub init: Option<PathBuf>,
    /// write a safetensors checkpoint at the end
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    /// one JSON object per epoch
    #[arg(long, value_name = "FILE")]
    pub metrics: Option<PathBuf>,
    /// continue a stopped run from a training checkpoint (written at each epoch's end beside
    /// --save and on Ctrl-C)
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
    /// local-task | local-sync | cuda
    #[arg(long, value_name = "NAME", hide_possible_values = true)]
    pub device: Option<DeviceArg>,
    /// no progress bar
    #[arg(long)]
    pub quiet: bool,
    /// image size, for networks declared at several (resnet34: 32 | 224)
    #[arg(long, value_name = "N")]
    pub resolution: Option<usize>,
}

fn parse_dataset(s: &str) -> Result<DataChoice, String> {
    s.parse()
        .map_err(|e: netspec_core::data::DataError| e.to_string())
}

impl Flags {
    /// Parses `args` (without the program's name).
    pub fn try_parse_args(args: impl IntoIterator<Item = String>) -> Result<Flags, clap::Error> {
        Flags::try_parse_from(std::iter::once(program_name()).chain(args))
    }

    /// The options: each flag given replaces what `defaults` says. Naming the data
    /// (`--data`, `--dataset`) drops the default's fallback data set.
    pub fn merge(self, defaults: Defaults) -> Result<Options, Error> {
        let mut config = defaults.config;
        let c = &mut config;
        set(&mut c.epochs, self.epochs);
        set(&mut c.batch_size, self.batch_size);
        set(&mut c.lr, self.lr);
        set(
            &mut c.optimizer,
            self.optimizer.map(|o| match o {
                OptimizerArg::Sgd => OptimizerKind::Sgd,
                OptimizerArg::Adam => OptimizerKind::Adam,
            }),
        );
        set(&mut c.momentum, self.momentum);
        set(&mut c.weight_decay, self.weight_decay);
        set(&mut c.warmup_epochs, self.warmup_epochs);
        set(&mut c.label_smoothing, self.label_smoothing);
        set(&mut c.drop_path, self.drop_path);
        set(
            &mut c.loss,
            self.loss.map(|l| match l {
                LossArg::Ce => LossKind::CrossEntropy,
                LossArg::Mse => LossKind::MeanSquaredError,
            }),
        );
        set(&mut c.seed, self.seed);
        if self.steps.is_some() {
            c.max_steps = self.steps;
        }
        c.cosine |= self.cosine;
        c.shuffle &= !self.no_shuffle;
        c.progress &= !self.quiet;
        let device = match self.device {
            Some(DeviceArg::LocalTask) => Device::LocalTask,
            Some(DeviceArg::LocalSync) => Device::LocalSync,
            Some(DeviceArg::Cuda) => Device::Cuda,
            None => defaults.device,
        };
        let augment = if self.augment {
            Augment::CIFAR
        } else if self.no_augment {
            Augment::NONE
        } else {
            defaults.augment
        };
        if let (Some(DataChoice::Folder(path)), Some(data)) = (&self.dataset, &self.data) {
            return Err(Error::Usage(format!(
                "--data {} does not apply to --dataset folder:{}: the path after `folder:` is \
                 the data set's root; pass one of them",
                data.display(),
                path.display()
            )));
        }
        let named = self.data.is_some() || self.dataset.is_some();
        Ok(Options {
            config,
            dataset: self.dataset.unwrap_or(DataChoice::Known(defaults.dataset)),
            data: self.data,
            init: self.init,
            save: self.save.or(defaults.save),
            metrics: self.metrics,
            resume: self.resume,
            device,
            train_limit: self.train_limit.or(defaults.train_limit),
            test_limit: self.test_limit,
            fallback: if named { None } else { defaults.fallback },
            augment,
        })
    }
}

fn set<T>(field: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *field = v;
    }
}

/// The running program's file name, for clap's usage line.
fn program_name() -> String {
    std::env::args()
        .next()
        .as_deref()
        .map(Path::new)
        .and_then(Path::file_stem)
        .map_or("netspec".into(), |n| n.to_string_lossy().into_owned())
}

/// Parses the command line `args` (without the program's name) onto `defaults`. A bad flag or
/// value, and `--help`, are [`Error::Usage`] with clap's message (`main` prints help and exits
/// 0 instead).
pub fn parse(args: impl IntoIterator<Item = String>, defaults: Defaults) -> Result<Options, Error> {
    Flags::try_parse_args(args)
        .map_err(|e| Error::Usage(e.render().to_string().trim_end().to_string()))?
        .merge(defaults)
}

/// The `--resolution N` of the command line, for examples that declare their network at several
/// resolutions and pick the type before parsing the rest. `None` when it is not given or the
/// command line does not parse (`main` then reports the error).
pub fn requested_resolution() -> Option<usize> {
    Flags::try_parse_args(std::env::args().skip(1))
        .ok()
        .and_then(|f| f.resolution)
}

/// The workspace's `data/<dataset>` when run from this repository, else `./data/<dataset>`.
fn data_dir(o: &Options, kind: DatasetKind) -> PathBuf {
    if let Some(d) = &o.data {
        return d.clone();
    }
    let local = data::default_dir(kind, Path::new("."));
    if local.exists() {
        return local;
    }
    data::default_dir(kind, Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// A finished run's figures.
#[derive(Clone, Debug)]
pub struct RunReport {
    pub final_test_accuracy: f64,
    pub final_train_loss: f64,
    pub compile_seconds: f64,
}

/// Parses the process's arguments and trains `N`; prints errors and exits non-zero on failure.
/// `--help` prints the flags and exits 0; a bad command line exits 2 with clap's message.
pub fn main<N: Network>(defaults: Defaults) {
    let flags = Flags::try_parse_args(std::env::args().skip(1)).unwrap_or_else(|e| e.exit());
    let result = flags.merge(defaults).and_then(|o| run::<N>(&o));
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(match e {
            Error::Usage(_) => 2,
            _ => 1,
        });
    }
}

/// Training examples: images in memory (augmented by crop and flip when asked, with `fill` as
/// the border colour), or an image folder cropped anew each epoch (Imagenette, `folder:PATH`).
pub enum TrainSet {
    Images { data: Dataset, fill: Vec<f32> },
    Folder(ImageFolder),
}

pub struct LoadedData {
    pub train: TrainSet,
    pub test: Dataset,
    /// What was loaded from where, and what was done to it.
    pub notes: String,
    /// The per-channel mean and std the pixels (train and test) were normalised with; `None`
    /// where they were left in [0, 1].
    pub normalization: Option<Normalization>,
}

/// Loads the data set the options name (or the fallback when the default is absent), brought
/// to the network's input shape and normalised as documented for it.
pub fn load_data(o: &Options, input: [usize; 3]) -> Result<LoadedData, Error> {
    let mut kind = match &o.dataset {
        DataChoice::Known(kind) => *kind,
        DataChoice::Folder(root) => return load_folder(root, input, o.train_limit, o.test_limit),
    };
    let mut dir = data_dir(o, kind);
    if kind == DatasetKind::Imagenette {
        return load_imagenette(&dir, input, o.train_limit, o.test_limit);
    }
    let mut notes = vec![];
    let split = match (data::load(kind, &dir), o.fallback) {
        (Ok(split), _) => split,
        (Err(e), Some(fallback)) => {
            notes.push(format!(
                "{kind} is not available ({e}); training on {fallback} instead"
            ));
            kind = fallback;
            dir = data_dir(o, fallback);
            data::load(kind, &dir)?
        }
        (Err(e), None) => return Err(e.into()),
    };
    let train = match o.train_limit {
        Some(n) => split.train.take(n),
        None => split.train,
    };
    let (mut train, how) = transform::fit_to_shape(&train, input)?;
    let test = match o.test_limit {
        Some(n) => split.test.take(n),
        None => split.test,
    };
    let (mut test, _) = transform::fit_to_shape(&test, input)?;
    if !how.is_empty() {
        notes.push(format!("{kind} {how}"));
    }
    let mut fill = vec![];
    let mut normalization = None;
    if kind == DatasetKind::Cifar10 {
        let norm = Normalization::new(&cifar::MEAN, &cifar::STD);
        norm.apply(&mut train)?;
        norm.apply(&mut test)?;
        fill = augment::black_after_normalize(&norm.mean, &norm.std);
        normalization = Some(norm);
        notes.push("normalised per channel with CIFAR-10's mean and standard deviation".into());
    }
    notes.insert(
        0,
        format!(
            "{kind}: {} train / {} test examples from {}",
            train.len(),
            test.len(),
            dir.display()
        ),
    );
    Ok(LoadedData {
        train: TrainSet::Images { data: train, fill },
        test,
        notes: notes.join("\n  "),
        normalization,
    })
}

/// Imagenette at the network's resolution: training images decoded once and cropped anew each
/// epoch (random-resized crop and flip), validation resized and centre-cropped; both
/// normalised with ImageNet's statistics.
fn load_imagenette(
    dir: &Path,
    input: [usize; 3],
    limit: Option<usize>,
    test_limit: Option<usize>,
) -> Result<LoadedData, Error> {
    let resolution = input[1];
    if input != [3, resolution, resolution] {
        return Err(Error::Usage(format!(
            "Imagenette gives square colour images; this network takes {input:?}"
        )));
    }
    let keep = folder::eval_short_side(resolution);
    let train = imagenette::open(dir, "train", keep)?;
    let mut test = imagenette::open(dir, "val", keep)?.eval_dataset(resolution);
    if let Some(n) = test_limit {
        test = test.take(n);
    }
    let normalization = Normalization::imagenet(3).expect("3 channels");
    normalization.apply(&mut test)?;
    if limit.is_some() {
        return Err(Error::Usage(
            "--train-limit applies to in-memory data sets, not to Imagenette".into(),
        ));
    }
    let notes = format!(
        "imagenette: {} train / {} val images from {} at {resolution}x{resolution}; random-resized crops and flips for training, centre crops for evaluation, ImageNet normalisation",
        train.len(),
        test.len(),
        dir.display()
    );
    Ok(LoadedData {
        train: TrainSet::Folder(train),
        test,
        notes,
        normalization: Some(normalization),
    })
}

/// A user's image folder (`--dataset folder:PATH`) at the network's input `[C, r, r]`, C 1
/// (grey) or 3 (RGB): as Imagenette, training images decoded once and cropped anew each epoch,
/// test images resized and centre-cropped, both normalised with ImageNet's statistics (for grey,
/// the luma-weighted ones).
fn load_folder(
    root: &Path,
    input: [usize; 3],
    limit: Option<usize>,
    test_limit: Option<usize>,
) -> Result<LoadedData, Error> {
    if limit.is_some() {
        return Err(Error::Usage(
            "--train-limit applies to in-memory data sets, not to an image folder".into(),
        ));
    }
    let opened = folder::open_dataset(root, input)?;
    let resolution = input[1];
    let mut test = opened.test.eval_dataset(resolution);
    if let Some(n) = test_limit {
        test = test.take(n);
    }
    opened.normalization.apply(&mut test)?;
    let train = opened.train;
    let split = match &opened.layout {
        FolderLayout::Splits { train, test } => {
            format!("{} and {}", train.display(), test.display())
        }
        FolderLayout::HeldOut { root, every } => format!(
            "{} (every {every}th image of each class held out for testing)",
            root.display()
        ),
    };
    let colour = if input[0] == 1 { "grey" } else { "RGB" };
    let classes = train.classes();
    let shown = if classes.len() <= 20 {
        classes.join(", ")
    } else {
        format!(
            "{}, ... {}",
            classes[..20].join(", "),
            classes[classes.len() - 1]
        )
    };
    let notes = format!(
        "image folder: {} train / {} test images from {split} at {resolution}x{resolution}          {colour}\n  {} classes: {shown}\n  random-resized crops and flips for training, centre          crops for evaluation, normalised with mean {:?} std {:?}",
        train.len(),
        test.len(),
        classes.len(),
        opened.normalization.mean,
        opened.normalization.std
    );
    Ok(LoadedData {
        train: TrainSet::Folder(train),
        test,
        notes,
        normalization: Some(opened.normalization),
    })
}

pub fn run<N: Network>(o: &Options) -> Result<RunReport, Error> {
    let t0 = Instant::now();
    let input: [usize; 3] = N::input_shape()
        .try_into()
        .map_err(|_| Error::Usage(format!("{} does not take images [C, H, W]", N::NAME)))?;
    o.config.check()?;
    o.device.check_available()?;
    let LoadedData {
        train, test, notes, ..
    } = load_data(o, input)?;
    check_fits::<N>(&train, &test, o.config.batch_size)?;
    println!("{}: {} parameters", N::NAME, N::parameter_count());
    println!("  {notes} ({:.1} s)", t0.elapsed().as_secs_f64());
    let seed = o.config.seed;
    let source: Box<dyn BatchSource + '_> = match &train {
        TrainSet::Images { data, fill } => Box::new(Augmented {
            data,
            augment: o.augment,
            fill: fill.clone(),
            seed,
        }),
        TrainSet::Folder(folder) => Box::new(RandomResizedCrops {
            folder,
            resolution: input[1],
            seed,
        }),
    };

    // Metrics go where --metrics says, else beside the checkpoint, with a PNG plot there too.
    // Every output path is checked before anything is compiled or trained.
    let metrics_path = o
        .metrics
        .clone()
        .or_else(|| o.save.as_ref().map(|p| p.with_extension("metrics.jsonl")));
    let plot_path = o.save.as_ref().map(|p| p.with_extension("png"));
    for p in o.save.iter().chain(&metrics_path).chain(&plot_path) {
        check_writable(p)?;
    }

    let compiler = Compiler::new()?;
    let init = match &o.init {
        Some(p) => Some(checkpoint::load(p)?),
        None => None,
    };
    let mut trainer = Trainer::new::<N>(&compiler, o.config.clone(), init, &o.device)?;
    let compile = trainer.session().exe.compile.clone();
    println!(
        "train step compiled for batch {} in {:.2} s{}",
        o.config.batch_size,
        compile.seconds,
        if compile.from_cache {
            " (from cache)"
        } else {
            ""
        }
    );

    let mut metrics = match &metrics_path {
        Some(p) => Some(std::fs::File::create(p).map_err(|e| Error::Io {
            path: p.clone(),
            source: e,
        })?),
        None => None,
    };
    let mut records = vec![];
    let mut report = RunReport {
        final_test_accuracy: 0.0,
        final_train_loss: f64::NAN,
        compile_seconds: compile.seconds,
    };
    for epoch in 1..=o.config.epochs {
        if o.config
            .max_steps
            .is_some_and(|m| trainer.steps_done() >= m)
        {
            break;
        }
        let stats = match trainer.train_epoch(source.as_ref(), epoch) {
            Ok(stats) => stats,
            Err(e @ Error::NonFiniteLoss { .. }) => {
                // The trainer kept the last finite parameters: keep them on disk too.
                if let Some(p) = &o.save {
                    // Its own failure is reported inside; the loss is the error to return.
                    let _ = save_or_fall_back(&trainer, p);
                }
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        let eval = trainer.evaluate(&test)?;
        println!(
            "epoch {epoch:>3}/{}  train_loss {:.4}  test_loss {:.4}  test_accuracy {:.2}%  {:.1} s  ({} steps, {:.0} ms/step)",
            o.config.epochs,
            stats.train_loss,
            eval.loss,
            100.0 * eval.accuracy,
            stats.seconds,
            stats.steps,
            1e3 * stats.seconds / stats.steps.max(1) as f64
        );
        records.push(EpochRecord {
            epoch,
            train_loss: stats.train_loss,
            test_loss: eval.loss,
            test_accuracy: eval.accuracy,
        });
        if let Some(p) = &plot_path {
            report::write(p, Some(N::NAME), &records).map_err(|e| Error::Io {
                path: p.clone(),
                source: e,
            })?;
        }
        if let (Some(f), Some(p)) = (&mut metrics, &metrics_path) {
            let line = serde_json::json!({
                "epoch": epoch,
                "steps": trainer.steps_done(),
                "train_loss": stats.train_loss,
                "test_loss": eval.loss,
                "test_accuracy": eval.accuracy,
                "seconds": stats.seconds,
            });
            writeln!(f, "{line}").map_err(|e| Error::Io {
                path: p.clone(),
                source: e,
            })?;
        }
        report.final_test_accuracy = eval.accuracy;
        report.final_train_loss = stats.train_loss;
    }
    if let Some(p) = &o.save {
        save_or_fall_back(&trainer, p)?;
        if let (Some(m), Some(plot)) = (&metrics_path, &plot_path) {
            println!("training report: {} and {}", plot.display(), m.display());
        }
    }
    if trainer.device_reopens > 0 {
        println!(
            "the device was opened anew {} time(s) to give back local-task's grown allocation pool",
            trainer.device_reopens
        );
    }
    if let Some(peak) = netspec_iree::memory::peak_resident_bytes().map(netspec_iree::memory::mib) {
        println!(
            "peak memory {peak:.0} MiB, {:.0} s in all",
            t0.elapsed().as_secs_f64()
        );
    }
    Ok(report)
}

/// Refuses, before anything is compiled, data that training `N` would trip over later.
fn check_fits<N: Network>(train: &TrainSet, test: &Dataset, batch: usize) -> Result<(), Error> {
    let (len, shape, classes) = match train {
        TrainSet::Images { data, .. } => (data.len(), data.image_shape, data.classes),
        TrainSet::Folder(f) => (f.len(), test.image_shape, f.classes().len()),
    };
    let outputs: usize = N::output_shape().iter().product();
    check_data_fits(N::NAME, &N::input_shape(), outputs, shape, Some(classes))?;
    if len < batch {
        return Err(Error::Usage(format!(
            "{len} training examples do not fill one batch of {batch}; pass a smaller \
             --batch-size"
        )));
    }
    Ok(())
}

/// Fails early, with the path, where an output file could not be written at the end: creates
/// its directory and a probe file beside it (removed at once).
fn check_writable(path: &Path) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let cannot = |e: std::io::Error| {
        Error::Usage(format!(
            "cannot write {} ({e}); choose another path before training starts",
            path.display()
        ))
    };
    std::fs::create_dir_all(&dir).map_err(cannot)?;
    let probe = dir.join(format!(".netspec-write-probe-{}", std::process::id()));
    std::fs::File::create(&probe).map_err(cannot)?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// Saves the trained parameters to `path`; if that fails (a full disk, say), to a file in the
/// temporary directory, and says where. The checkpoint at `path` before the run stays intact
/// either way (checkpoints are written to a temporary file and renamed).
fn save_or_fall_back(trainer: &Trainer, path: &Path) -> Result<(), Error> {
    match trainer.save(path) {
        Ok(()) => {
            println!("saved {}", path.display());
            Ok(())
        }
        Err(e) => {
            let name = path
                .file_name()
                .map_or("netspec".into(), |n| n.to_string_lossy());
            let fallback = std::env::temp_dir().join(format!("{}-{name}", std::process::id()));
            match trainer.save(&fallback) {
                Ok(()) => {
                    eprintln!(
                        "error: {e}; the trained parameters were saved to {} instead",
                        fallback.display()
                    );
                    Err(e)
                }
                Err(e2) => {
                    eprintln!(
                        "error: {e}; saving to {} failed too: {e2}",
                        fallback.display()
                    );
                    Err(e)
                }
            }
        }
    }
}
