//! netspec-iree: compile a netspec step module in-process with IREE, keep parameters on the
//! device, and train.

pub mod agreement;
mod cache_entry;
pub mod compile;
pub mod error;
pub mod memory;
pub mod session;
pub mod trainer;

pub use compile::{Compiler, Target};
pub use error::Error;
pub use session::{read_f32, read_scalar, Device, Executable, Session};
pub use trainer::{
    check_data_fits, EpochStats, EvalStats, LossKind, OptimizerKind, TrainConfig, Trainer,
};
