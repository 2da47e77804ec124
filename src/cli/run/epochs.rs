//! The epoch loop: train an epoch, evaluate (when there is a test set), print and record the
//! epoch, append it to the metrics file in the making, keep the training checkpoint. It ends in
//! an [`Ending`]; what is written then is `outputs`' business.

use std::io::Write;
use std::path::Path;

use netspec_core::atomic::PendingFile;
use netspec_core::data::batch::BatchSource;
use netspec_core::data::Dataset;
use netspec_iree::{Error, TrainConfig, Trainer};
use serde::{Deserialize, Serialize};

use crate::report::{EpochRecord, StepLosses};

/// One epoch's figures: a line of the metrics file. The test figures are `None` (`null`)
/// where there is no test set: nothing was measured, which is not 0%.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpochLine {
    pub epoch: usize,
    /// Steps done in the run after this epoch.
    #[serde(default)]
    pub steps: usize,
    pub train_loss: f64,
    pub test_loss: Option<f64>,
    pub test_accuracy: Option<f64>,
    /// Time this epoch took in this process.
    #[serde(default)]
    pub seconds: f64,
    /// Every step's training loss, for the report's per-step curve: kept in the training
    /// checkpoint (so a resumed run's plot goes on), left out of the metrics file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub step_losses: Vec<f32>,
}

impl EpochLine {
    /// The report's view: what was not measured is NaN, which the plot leaves out.
    pub fn record(&self) -> EpochRecord {
        EpochRecord {
            epoch: self.epoch,
            train_loss: self.train_loss,
            test_loss: self.test_loss.unwrap_or(f64::NAN),
            test_accuracy: self.test_accuracy.unwrap_or(f64::NAN),
        }
    }

    /// The report's per-step losses of this epoch.
    pub fn steps(&self) -> StepLosses {
        StepLosses {
            epoch: self.epoch,
            losses: self.step_losses.clone(),
        }
    }
}

/// The metrics file, one JSON object per line (without the per-step losses).
pub fn metrics_text(lines: &[EpochLine]) -> String {
    lines
        .iter()
        .map(|l| {
            let line = EpochLine {
                step_losses: vec![],
                ..l.clone()
            };
            serde_json::to_string(&line).expect("a line serialises") + "\n"
        })
        .collect()
}

/// A training checkpoint's metadata, given the run's epochs so far.
pub type TrainingMetadata<'a> = &'a dyn Fn(&[EpochLine]) -> Vec<(String, String)>;

/// How the loop ended.
pub enum Ending {
    /// Every epoch (or every step `--steps` allows) was trained.
    Finished,
    /// The loss became non-finite; the trainer holds the last finite parameters.
    Diverged(Error),
    /// A stop was asked for; the trainer stands between two steps.
    Stopped(Error),
    /// Anything else: a write that failed, an evaluation, the device.
    Failed(Error),
}

/// The loop's state: the epochs so far (a resumed run's included), the metrics file being
/// written, and where the training checkpoint goes at each epoch's end (if it does).
pub struct Epochs<'a> {
    pub config: &'a TrainConfig,
    pub lines: Vec<EpochLine>,
    pub metrics: Option<PendingFile>,
    pub training_checkpoint: Option<&'a Path>,
    pub metadata: TrainingMetadata<'a>,
    /// Steps trained by this process.
    pub steps_run: usize,
}

impl Epochs<'_> {
    pub fn run(
        &mut self,
        trainer: &mut Trainer,
        source: &dyn BatchSource,
        test: &Dataset,
        first_epoch: usize,
    ) -> Ending {
        for epoch in first_epoch..=self.config.epochs {
            if self
                .config
                .max_steps
                .is_some_and(|m| trainer.steps_done() >= m)
            {
                break;
            }
            if let Err(ending) = self.epoch(trainer, source, test, epoch) {
                return ending;
            }
        }
        Ending::Finished
    }

    fn epoch(
        &mut self,
        trainer: &mut Trainer,
        source: &dyn BatchSource,
        test: &Dataset,
        epoch: usize,
    ) -> Result<(), Ending> {
        let before = trainer.steps_done();
        let trained = trainer.train_epoch(source, epoch);
        self.steps_run += trainer.steps_done() - before;
        let stats = trained.map_err(|e| match e {
            Error::NonFiniteLoss { .. } => Ending::Diverged(e),
            Error::Interrupted { .. } => Ending::Stopped(e),
            e => Ending::Failed(e),
        })?;
        let eval = if test.is_empty() {
            None
        } else {
            Some(trainer.evaluate(test).map_err(Ending::Failed)?)
        };
        let measured = match &eval {
            Some(e) => format!(
                "test_loss {:.4}  test_accuracy {:.2}%",
                e.loss,
                100.0 * e.accuracy
            ),
            None => "no test set".into(),
        };
        say!(
            "epoch {epoch:>3}/{}  train_loss {:.4}  {measured}  {:.1} s  ({} steps, {} ms/step)",
            self.config.epochs,
            stats.train_loss,
            stats.seconds,
            stats.steps,
            ms_per_step(stats.seconds, stats.ran)
        );
        let line = EpochLine {
            epoch,
            steps: trainer.steps_done(),
            train_loss: stats.train_loss,
            test_loss: eval.as_ref().map(|e| e.loss),
            test_accuracy: eval.as_ref().map(|e| e.accuracy),
            seconds: stats.seconds,
            step_losses: stats.losses.clone(),
        };
        if let Some(pending) = &mut self.metrics {
            let path = pending.temporary_path().to_path_buf();
            let file = pending.file();
            file.write_all(metrics_text(std::slice::from_ref(&line)).as_bytes())
                .and_then(|()| file.flush())
                .map_err(|source| Ending::Failed(Error::Io { path, source }))?;
        }
        self.lines.push(line);
        if let Some(path) = self.training_checkpoint {
            trainer
                .save_training(path, &(self.metadata)(&self.lines))
                .map_err(Ending::Failed)?;
        }
        Ok(())
    }
}

/// Milliseconds per step to two significant digits at least: a step well under a millisecond
/// (the MNIST linear model's) is not printed as 0.
fn ms_per_step(seconds: f64, steps: usize) -> String {
    let ms = 1e3 * seconds / steps.max(1) as f64;
    match ms {
        ms if ms < 1.0 => format!("{ms:.2}"),
        ms if ms < 10.0 => format!("{ms:.1}"),
        ms => format!("{ms:.0}"),
    }
}

#[cfg(test)]
mod tests {
    use super::ms_per_step;

    #[test]
    fn steps_under_a_millisecond_keep_two_digits() {
        assert_eq!(ms_per_step(0.1, 468), "0.21");
        assert_eq!(ms_per_step(2.2, 468), "4.7");
        assert_eq!(ms_per_step(21.5, 468), "46");
        assert_eq!(ms_per_step(0.5, 0), "500");
    }
}
