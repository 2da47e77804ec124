//! netspec-core: the typed IR, layers with closed-form VJPs, the StableHLO emitter, the
//! train-step assembler, a reference evaluator, data loaders and checkpoints.

pub mod atomic;
pub mod checkpoint;
pub mod contract;
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
