//! The command line every example shares: flags to a `TrainConfig`, data loading, the per-epoch
//! report, metrics as JSON lines and checkpoints.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use netspec_core::checkpoint;
use netspec_core::data::augment::{self, Augment};
use netspec_core::data::batch::{Augmented, BatchSource};
use netspec_core::data::imagenette::{self, ImageFolder, RandomResizedCrops};
use netspec_core::data::{self, cifar, transform, Dataset, DatasetKind};
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

/// Parsed command line.
#[derive(Clone, Debug)]
pub struct Options {
    pub config: TrainConfig,
    pub dataset: DatasetKind,
    pub data: Option<PathBuf>,
    pub init: Option<PathBuf>,
    pub save: Option<PathBuf>,
    pub metrics: Option<PathBuf>,
    pub device: Device,
    /// Use only the first N training examples (quick runs).
    pub train_limit: Option<usize>,
    /// Evaluate on the first N test examples only (quick runs).
    pub test_limit: Option<usize>,
    pub fallback: Option<DatasetKind>,
    pub augment: Augment,
}

pub const USAGE: &str = "\
options:
  --data DIR              data directory (default: data/<dataset> in the workspace)
  --dataset NAME          mnist | fashion-mnist | cifar10 | imagenette
  --epochs N              passes over the training set
  --batch-size N          examples per step (the module is compiled for it)
  --lr X                  base learning rate
  --optimizer NAME        sgd | adam (adam's weight decay is decoupled, as AdamW)
  --momentum X            SGD momentum
  --weight-decay X
  --cosine                cosine decay of the learning rate to 0
  --warmup-epochs N       linear warmup before that
  --label-smoothing X
  --drop-path X           stochastic-depth rate of the last block (ConvNeXt, EfficientNet)
  --loss NAME             ce | mse (mse against one-hot labels)
  --augment / --no-augment  random crop (padding 4) and horizontal flip of training images
  --seed N                initialisation and shuffling
  --steps N               stop after N train steps
  --train-limit N         train on the first N examples only
  --test-limit N          evaluate on the first N test examples only
  --no-shuffle
  --init FILE             start from a safetensors checkpoint
  --save FILE             write a safetensors checkpoint at the end
  --metrics FILE          one JSON object per epoch
  --device NAME           local-task | local-sync | cuda
  --quiet                 no progress bar
  --resolution N          image size, for networks declared at several (resnet34: 32 | 224)";

fn value<T: std::str::FromStr>(flag: &str, v: Option<String>) -> Result<T, Error> {
    let v = v.ok_or_else(|| Error::Usage(format!("{flag} needs a value\n{USAGE}")))?;
    v.parse()
        .map_err(|_| Error::Usage(format!("{flag}: cannot read `{v}`\n{USAGE}")))
}

pub fn parse(args: impl IntoIterator<Item = String>, defaults: Defaults) -> Result<Options, Error> {
    let mut o = Options {
        config: defaults.config,
        dataset: defaults.dataset,
        data: None,
        init: None,
        save: defaults.save,
        metrics: None,
        device: defaults.device,
        train_limit: defaults.train_limit,
        test_limit: None,
        fallback: defaults.fallback,
        augment: defaults.augment,
    };
    let mut it = args.into_iter();
    while let Some(flag) = it.next() {
        let c = &mut o.config;
        match flag.as_str() {
            "--data" => {
                o.data = Some(value(&flag, it.next())?);
                o.fallback = None;
            }
            "--augment" => o.augment = Augment::CIFAR,
            "--no-augment" => o.augment = Augment::NONE,
            "--dataset" => {
                o.dataset = value::<String>(&flag, it.next())?
                    .parse()
                    .map_err(Error::Data)?;
                o.fallback = None;
            }
            "--epochs" => c.epochs = value(&flag, it.next())?,
            "--batch-size" => c.batch_size = value(&flag, it.next())?,
            "--lr" => c.lr = value(&flag, it.next())?,
            "--optimizer" => {
                c.optimizer = match value::<String>(&flag, it.next())?.as_str() {
                    "sgd" => OptimizerKind::Sgd,
                    "adam" | "adamw" => OptimizerKind::Adam,
                    other => {
                        return Err(Error::Usage(format!(
                            "--optimizer: `{other}` is not sgd or adam"
                        )))
                    }
                }
            }
            "--momentum" => c.momentum = value(&flag, it.next())?,
            "--weight-decay" => c.weight_decay = value(&flag, it.next())?,
            "--cosine" => c.cosine = true,
            "--warmup-epochs" => c.warmup_epochs = value(&flag, it.next())?,
            "--label-smoothing" => c.label_smoothing = value(&flag, it.next())?,
            "--drop-path" => c.drop_path = value(&flag, it.next())?,
            "--loss" => {
                c.loss = match value::<String>(&flag, it.next())?.as_str() {
                    "ce" | "cross-entropy" => LossKind::CrossEntropy,
                    "mse" => LossKind::MeanSquaredError,
                    other => {
                        return Err(Error::Usage(format!("--loss: `{other}` is not ce or mse")))
                    }
                }
            }
            "--seed" => c.seed = value(&flag, it.next())?,
            "--steps" => c.max_steps = Some(value(&flag, it.next())?),
            "--train-limit" => o.train_limit = Some(value(&flag, it.next())?),
            "--test-limit" => o.test_limit = Some(value(&flag, it.next())?),
            "--no-shuffle" => c.shuffle = false,
            "--init" => o.init = Some(value(&flag, it.next())?),
            "--save" => o.save = Some(value(&flag, it.next())?),
            "--metrics" => o.metrics = Some(value(&flag, it.next())?),
            "--device" => {
                o.device = match value::<String>(&flag, it.next())?.as_str() {
                    "local-task" => Device::LocalTask,
                    "local-sync" => Device::LocalSync,
                    "cuda" => Device::Cuda,
                    other => {
                        return Err(Error::Usage(format!(
                            "--device: `{other}` is not local-task, local-sync or cuda"
                        )))
                    }
                }
            }
            "--quiet" => c.progress = false,
            // Chosen by the example before parsing (see `requested_resolution`).
            "--resolution" => {
                value::<usize>(&flag, it.next())?;
            }
            "-h" | "--help" => return Err(Error::Usage(USAGE.to_string())),
            other => return Err(Error::Usage(format!("unknown option `{other}`\n{USAGE}"))),
        }
    }
    Ok(o)
}

/// The `--resolution N` of the command line, for examples that declare their network at several
/// resolutions and pick the type before parsing the rest.
pub fn requested_resolution() -> Option<usize> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--resolution")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
}

/// The workspace's `data/<dataset>` when run from this repository, else `./data/<dataset>`.
fn data_dir(o: &Options) -> PathBuf {
    if let Some(d) = &o.data {
        return d.clone();
    }
    let local = data::default_dir(o.dataset, Path::new("."));
    if local.exists() {
        return local;
    }
    data::default_dir(o.dataset, Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// A finished run's figures.
#[derive(Clone, Debug)]
pub struct RunReport {
    pub final_test_accuracy: f64,
    pub final_train_loss: f64,
    pub compile_seconds: f64,
}

/// Parses the process's arguments and trains `N`; prints errors and exits non-zero on failure.
pub fn main<N: Network>(defaults: Defaults) {
    let result = parse(std::env::args().skip(1), defaults).and_then(|o| run::<N>(&o));
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(match e {
            Error::Usage(_) => 2,
            _ => 1,
        });
    }
}

/// Training examples: images in memory (augmented by crop and flip when asked, with `fill` as
/// the border colour), or an image folder cropped anew each epoch (Imagenette).
pub enum TrainSet {
    Images { data: Dataset, fill: Vec<f32> },
    Folder(ImageFolder),
}

pub struct LoadedData {
    pub train: TrainSet,
    pub test: Dataset,
    /// What was loaded from where, and what was done to it.
    pub notes: String,
}

/// Loads the data set the options name (or the fallback when the default is absent), brought
/// to the network's input shape and normalised as documented for it.
pub fn load_data(o: &Options, input: [usize; 3]) -> Result<LoadedData, Error> {
    let mut kind = o.dataset;
    let mut dir = data_dir(o);
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
            dir = data_dir(&Options {
                dataset: fallback,
                ..o.clone()
            });
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
    if kind == DatasetKind::Cifar10 {
        train.normalize(&cifar::MEAN, &cifar::STD)?;
        test.normalize(&cifar::MEAN, &cifar::STD)?;
        fill = augment::black_after_normalize(&cifar::MEAN, &cifar::STD);
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
    let keep = imagenette::eval_short_side(resolution);
    let train = ImageFolder::open(dir, "train", keep)?;
    let mut test = ImageFolder::open(dir, "val", keep)?.eval_dataset(resolution);
    if let Some(n) = test_limit {
        test = test.take(n);
    }
    test.normalize(&imagenette::MEAN, &imagenette::STD)?;
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
    })
}

pub fn run<N: Network>(o: &Options) -> Result<RunReport, Error> {
    let t0 = Instant::now();
    let input: [usize; 3] = N::input_shape()
        .try_into()
        .map_err(|_| Error::Usage(format!("{} does not take images [C, H, W]", N::NAME)))?;
    o.config.check()?;
    o.device.check_available()?;
    let LoadedData { train, test, notes } = load_data(o, input)?;
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
