//! netspec-iree: compile a netspec step module in-process with IREE, keep parameters on the
//! device, and train.

pub mod agreement;
mod cache_entry;
pub mod compile;
pub mod distributed;
pub mod error;
pub mod export;
pub mod memory;
pub mod predict;
pub mod session;
pub mod trainer;

pub use compile::{Compiler, Target};
pub use error::Error;
pub use export::{export, ExportOptions, Exported};
pub use predict::{Predictions, Predictor};
pub use session::{read_f32, read_scalar, Device, Executable, Session};
pub use trainer::{
    check_data_fits, EpochStats, EvalStats, LossKind, OptimizerKind, TrainConfig, Trainer,
};
