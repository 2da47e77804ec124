//! What a run is configured with: the optimizer, loss and schedule, and the train step they
//! ask for.

use netspec_core::loss::Loss;
pub use netspec_core::optim::OptimizerKind;
use netspec_core::schedule::Schedule;
use netspec_core::step::StepConfig;
use serde::{Deserialize, Serialize};

use crate::compile::Target;
use crate::error::Error;

/// [`OptimizerKind`] as training checkpoints hold it (`"Sgd"`, `"Adam"`).
#[derive(Serialize, Deserialize)]
#[serde(remote = "OptimizerKind")]
enum OptimizerKindDef {
    Sgd,
    Adam,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LossKind {
    CrossEntropy,
    /// Against the one-hot encoding of the labels.
    MeanSquaredError,
}

/// Everything that decides a training run. Defaults: the book's baseline recipe (SGD, lr 0.1,
/// batch 128, 12 epochs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    pub lr: f64,
    pub batch_size: usize,
    pub epochs: usize,
    #[serde(with = "OptimizerKindDef")]
    pub optimizer: OptimizerKind,
    pub momentum: f64,
    /// SGD: L2 added to the gradient; Adam: decoupled (AdamW).
    pub weight_decay: f64,
    pub cosine: bool,
    pub warmup_epochs: usize,
    pub label_smoothing: f64,
    /// Stochastic-depth rate of the network's last block (torchvision's
    /// `stochastic_depth_prob`); blocks before it get less, by the block's own rule. Dropout
    /// rates are declared in the network (`dropout(0.2)`).
    pub drop_path: f64,
    pub loss: LossKind,
    pub seed: u64,
    pub shuffle: bool,
    /// Stop after this many train steps in all.
    pub max_steps: Option<usize>,
    pub progress: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            lr: 0.1,
            batch_size: 128,
            epochs: 12,
            optimizer: OptimizerKind::Sgd,
            momentum: 0.0,
            weight_decay: 0.0,
            cosine: false,
            warmup_epochs: 0,
            label_smoothing: 0.0,
            drop_path: 0.0,
            loss: LossKind::CrossEntropy,
            seed: 0,
            shuffle: true,
            max_steps: None,
            progress: true,
        }
    }
}

impl TrainConfig {
    /// Refuses settings no run can use, before anything is compiled.
    pub fn check(&self) -> Result<(), Error> {
        let bad = |m: String| Err(Error::Usage(m));
        if self.batch_size == 0 {
            return bad("the batch size must be at least 1".into());
        }
        if !(self.lr.is_finite() && self.lr >= 0.0) {
            return bad(format!(
                "the learning rate must be a finite number >= 0, got {}",
                self.lr
            ));
        }
        let unit = [
            ("momentum", self.momentum),
            ("label smoothing", self.label_smoothing),
            ("stochastic-depth rate", self.drop_path),
        ];
        for (name, v) in unit {
            if !(0.0..1.0).contains(&v) {
                return bad(format!("the {name} must lie in [0, 1), got {v}"));
            }
        }
        if !(self.weight_decay.is_finite() && self.weight_decay >= 0.0) {
            return bad(format!(
                "the weight decay must be a finite number >= 0, got {}",
                self.weight_decay
            ));
        }
        Ok(())
    }

    /// The train step this configuration asks for, formulated for `target`.
    pub fn step_config(&self, target: &Target) -> StepConfig {
        let optimizer = self.optimizer.optimizer(self.momentum, self.weight_decay);
        let loss = match self.loss {
            LossKind::CrossEntropy => Loss::CrossEntropy {
                label_smoothing: self.label_smoothing,
            },
            LossKind::MeanSquaredError => Loss::MeanSquaredError,
        };
        StepConfig {
            batch: self.batch_size,
            loss,
            optimizer,
            lowering: target.lowering(),
        }
    }

    pub fn schedule(&self, steps_per_epoch: usize) -> Schedule {
        Schedule {
            base: self.lr,
            warmup_steps: self.warmup_epochs * steps_per_epoch,
            total_steps: self.epochs * steps_per_epoch,
            cosine: self.cosine,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Training checkpoints keep the configuration as JSON, the optimizer by its variant's name:
    /// a checkpoint written before `OptimizerKind` moved to netspec-core still reads.
    #[test]
    fn the_optimizer_is_stored_by_name() {
        let adam = TrainConfig {
            optimizer: OptimizerKind::Adam,
            ..TrainConfig::default()
        };
        let json = serde_json::to_value(&adam).unwrap();
        assert_eq!(json["optimizer"], "Adam");
        assert_eq!(serde_json::from_value::<TrainConfig>(json).unwrap(), adam);
        let mut sgd = serde_json::to_value(TrainConfig::default()).unwrap();
        assert_eq!(sgd["optimizer"], "Sgd");
        sgd["optimizer"] = "Rmsprop".into();
        assert!(serde_json::from_value::<TrainConfig>(sgd).is_err());
    }
}
