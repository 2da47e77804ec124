//! netspec: declare a network in a `netspec!` block, get its shape errors at compile time, and
//! train it through one compiled StableHLO train step run by IREE.
//!
//! ```ignore
//! use netspec::prelude::*;
//!
//! netspec! {
//!     /// The book's MNIST MLP.
//!     pub MnistMlp: [1, 28, 28] => {
//!         flatten,
//!         dense(512), relu,
//!         dense(512), relu,
//!         dense(10),
//!     }
//! }
//! ```

extern crate self as netspec;

#[cfg(feature = "cli")]
pub mod cli;
pub mod models;
#[cfg(feature = "cli")]
pub mod report;
#[cfg(feature = "cli")]
pub mod study;

pub use ndarray;
pub use netspec_core as core;
pub use netspec_iree as iree;
pub use netspec_macros::netspec;

pub mod prelude {
    pub use netspec_core::layers::Mode;
    pub use netspec_core::loss::Loss;
    pub use netspec_core::optim::Optimizer;
    pub use netspec_core::Network;
    pub use netspec_iree::{Predictions, Predictor, TrainConfig, Trainer};
    pub use netspec_macros::netspec;
}
