//! netspec-core: the typed IR, layers with closed-form VJPs, the StableHLO emitter, the
//! train-step assembler, a reference evaluator, and (feature `io`, on by default) data loaders
//! and checkpoints.

#[cfg(feature = "io")]
pub mod atomic;
#[cfg(feature = "io")]
pub mod checkpoint;
pub mod compare;
pub mod contract;
#[cfg(feature = "io")]
pub mod data;
pub mod emit;
pub mod forward;
pub mod ir;
pub mod layers;
pub mod loss;
pub mod network;
pub mod noise;
pub mod optim;
pub mod params;
pub mod reference;
pub mod schedule;
pub mod step;

pub use network::Network;
