//! Errors a user can cause or meet, each saying what happened and what to do.

use std::fmt;
use std::path::PathBuf;

use netspec_core::checkpoint::CheckpointError;
use netspec_core::data::DataError;

#[derive(Debug)]
pub enum Error {
    /// The IREE compiler library (from the `iree-base-compiler` wheel) could not be loaded.
    CompilerMissing {
        details: String,
    },
    /// IREE rejected a module; its text was written to `dump` for inspection.
    Compile {
        module: String,
        diagnostics: String,
        dump: Option<PathBuf>,
    },
    /// The IREE runtime failed (driver, buffer, invocation).
    Runtime {
        during: String,
        message: String,
    },
    /// The device asked for cannot run in this build or on this machine.
    DeviceUnavailable {
        device: String,
        why: String,
    },
    /// The loss became NaN or infinite; the parameters of the last finite step are kept.
    NonFiniteLoss {
        epoch: usize,
        step: usize,
        loss: f32,
    },
    /// Training was stopped between two steps (Ctrl-C); `step` steps are done.
    Interrupted {
        epoch: usize,
        step: usize,
    },
    /// Data whose shape does not fit the network (an image size, a class count, a batch).
    ShapeMismatch {
        what: String,
        expected: Vec<usize>,
        got: Vec<usize>,
    },
    Checkpoint(CheckpointError),
    Data(DataError),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Usage(String),
    /// The replicas of a data-parallel run no longer hold the same parameters.
    ReplicasDiverged {
        epoch: usize,
        ranks: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::CompilerMissing { details } => write!(
                f,
                "the IREE compiler library could not be loaded.\n{details}\n\
                 scripts/setup.sh installs it (iree-base-compiler==3.13.0 from PyPI); EERIE_PYTHON \
                 selects the Python that has it."
            ),
            Error::Compile { module, diagnostics, dump } => {
                write!(f, "IREE could not compile module `{module}`:\n{diagnostics}")?;
                if let Some(p) = dump {
                    write!(f, "\nThe module's StableHLO text is in {}", p.display())?;
                }
                Ok(())
            }
            Error::DeviceUnavailable { device, why } => {
                write!(f, "device {device} is not available: {why}")
            }
            Error::Runtime { during, message } => write!(f, "IREE runtime error while {during}: {message}"),
            Error::NonFiniteLoss { epoch, step, loss } => write!(
                f,
                "the training loss became {loss} at epoch {epoch}, step {step}; training stopped and the parameters of \
                 the last finite step were kept. Try a smaller learning rate (--lr) or warmup."
            ),
            Error::Interrupted { epoch, step } => {
                write!(f, "training was interrupted in epoch {epoch} after step {step}")
            }
            Error::ShapeMismatch { what, expected, got } => write!(
                f,
                "{what}: expected {expected:?}, got {got:?}"
            ),
            Error::Checkpoint(e) => write!(f, "{e}"),
            Error::Data(e) => write!(f, "{e}"),
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Usage(m) => write!(f, "{m}"),
            Error::ReplicasDiverged { epoch, ranks } => write!(
                f,
                "after epoch {epoch} the parameters of rank(s) {ranks} differ from rank 0's; the \
                 replicas of a data-parallel run must stay bit-identical (every rank must run the \
                 same build on the same kind of CPU). Resume from the last training checkpoint."
            ),
        }
    }
}

impl std::error::Error for Error {}

impl From<CheckpointError> for Error {
    fn from(e: CheckpointError) -> Self {
        Error::Checkpoint(e)
    }
}

impl From<DataError> for Error {
    fn from(e: DataError) -> Self {
        Error::Data(e)
    }
}

/// Adds what was being done to an eerie runtime error.
pub(crate) fn runtime(
    during: impl Into<String>,
) -> impl FnOnce(eerie::runtime::RuntimeError) -> Error {
    let during = during.into();
    move |e| Error::Runtime {
        during,
        message: e.to_string(),
    }
}
