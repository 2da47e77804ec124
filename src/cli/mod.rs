//! The command line every example shares: flags to a `TrainConfig` (`flags`), data loading
//! (`data`), and the training run with its per-epoch report, metrics, checkpoints and resume
//! (`run`); a stop asked for by Ctrl-C, SIGTERM or SIGHUP (`signals`) and the checks of what a
//! run writes against what it reads (`paths`).

/// `println!` that a closed terminal (SIGHUP) cannot turn into a panic: a stopping run must
/// still write its checkpoint. In a data-parallel run only rank 0 speaks.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if netspec_iree::distributed::is_leader() {
            let _ = writeln!(std::io::stdout(), $($t)*);
        }
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
pub use flags::{DeviceArg, Flags, LossArg};
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
/// Started by `mpirun` in a build with the `mpi` feature, each process is one rank of a
/// data-parallel run (docs/distributed.md).
pub fn main<N: Network>(defaults: Defaults) {
    let flags =
        Flags::try_parse_with(std::env::args().skip(1), &defaults).unwrap_or_else(|e| e.exit());
    let ranks = match distributed_ranks() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let result = flags.merge(defaults).and_then(|o| run::<N>(&o));
    if let Err(e) = result {
        let code = match e {
            Error::Usage(_) => 2,
            Error::Interrupted { .. } => 130,
            _ => 1,
        };
        ranks.fail(&e, code);
    }
}

/// The ranks of this process's run while it lives: MPI's, under an MPI launcher in a build
/// with the `mpi` feature.
struct RunRanks {
    #[cfg(feature = "mpi")]
    world: Option<netspec_iree::distributed::mpi::World>,
}

fn distributed_ranks() -> Result<RunRanks, Error> {
    Ok(RunRanks {
        #[cfg(feature = "mpi")]
        world: netspec_iree::distributed::mpi::World::from_launcher()?,
    })
}

impl RunRanks {
    /// Reports `e` and ends the process with `code`. A rank of several that fails alone would
    /// leave the others waiting in a sum: it ends them all (MPI_Abort; mpirun names the rank).
    /// A stop all ranks agreed on ends each normally.
    // Without `mpi` there is nothing to drop; with it, dropping the world finalizes MPI.
    #[allow(clippy::drop_non_drop)]
    fn fail(self, e: &Error, code: i32) -> ! {
        #[cfg(feature = "mpi")]
        if let Some(world) = &self.world {
            if world.ranks() > 1 {
                eprintln!("error on rank {} of {}: {e}", world.rank(), world.ranks());
                if !matches!(e, Error::Interrupted { .. }) {
                    world.abort(code);
                }
                // mpirun ends every rank once one exits non-zero: none leaves before rank 0
                // has written the resumable checkpoint.
                world.barrier();
                drop(self);
                std::process::exit(code);
            }
        }
        eprintln!("error: {e}");
        drop(self);
        std::process::exit(code);
    }
}
