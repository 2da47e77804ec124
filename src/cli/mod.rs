//! The command line every example shares: flags to a `TrainConfig` (`flags`), data loading
//! (`data`), and the training run with its per-epoch report, metrics, checkpoints and resume
//! (`run`); a stop asked for by Ctrl-C, SIGTERM or SIGHUP (`signals`) and the checks of what a
//! run writes against what it reads (`paths`).

/// `println!` that a closed terminal (SIGHUP) cannot turn into a panic: a stopping run must
/// still write its checkpoint.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}
/// `eprintln!` likewise.
macro_rules! note {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}

mod data;
mod flags;
pub mod paths;
mod run;
mod signals;

use std::path::PathBuf;

use netspec_core::data::augment::Augment;
use netspec_core::data::DatasetKind;
use netspec_core::Network;
use netspec_iree::{Device, Error, TrainConfig};

pub use data::{load_data, DataChoice, LoadedData, TrainSet, DATASET_KEY};
pub use flags::{device_name, DeviceArg, Flags, LossArg};
pub use run::{run, EpochLine, RunReport};

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
    pub dataset: DataChoice,
    pub data: Option<PathBuf>,
    pub init: Option<PathBuf>,
    pub save: Option<PathBuf>,
    pub metrics: Option<PathBuf>,
    /// Continue a stopped run from this training checkpoint, with its configuration.
    pub resume: Option<PathBuf>,
    pub device: Device,
    /// Use only the first N training examples (quick runs).
    pub train_limit: Option<usize>,
    /// Evaluate on the first N test examples only (quick runs).
    pub test_limit: Option<usize>,
    pub fallback: Option<DatasetKind>,
    pub augment: Augment,
    /// The flags as given: with `--resume`, each must agree with the run's record.
    pub command: Flags,
}

/// Parses the command line `args` (without the program's name) onto `defaults`. A bad flag or
/// value, and `--help`, are [`Error::Usage`] with clap's message (`main` prints help and exits
/// 0 instead).
pub fn parse(args: impl IntoIterator<Item = String>, defaults: Defaults) -> Result<Options, Error> {
    Flags::try_parse_with(args, &defaults)
        .map_err(|e| Error::Usage(e.render().to_string().trim_end().to_string()))?
        .merge(defaults)
}

/// The `--resolution N` of the command line, for examples that declare their network at several
/// resolutions and pick the type before parsing the rest; with `--resume FILE` alone, the one
/// the run was started with. `None` when it is not given or the command line does not parse
/// (`main` then reports the error).
pub fn requested_resolution() -> Option<usize> {
    let flags = Flags::try_parse_args(std::env::args().skip(1)).ok()?;
    flags
        .resolution
        .or_else(|| run::recorded_resolution(flags.resume.as_deref()?))
}

/// Parses the process's arguments and trains `N`; prints errors and exits non-zero on failure.
/// `--help` prints the flags and exits 0; a bad command line exits 2 with clap's message.
pub fn main<N: Network>(defaults: Defaults) {
    let flags =
        Flags::try_parse_with(std::env::args().skip(1), &defaults).unwrap_or_else(|e| e.exit());
    let result = flags.merge(defaults).and_then(|o| run::<N>(&o));
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(match e {
            Error::Usage(_) => 2,
            Error::Interrupted { .. } => 130,
            _ => 1,
        });
    }
}
