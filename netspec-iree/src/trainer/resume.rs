//! Training checkpoints: everything a stopped run needs to continue bit for bit.

use std::collections::HashMap;
use std::path::Path;

use netspec_core::checkpoint::{self, NamedTensor, OPTIMIZER_PREFIX};
use netspec_core::Network;
use serde::{Deserialize, Serialize};

use super::{EpochProgress, TrainConfig, Trainer};
use crate::compile::Compiler;
use crate::error::Error;
use crate::session::Device;

/// What a training checkpoint holds beside the tensors, and what `--resume` gets back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainingState {
    pub network: String,
    pub config: TrainConfig,
    pub steps_done: usize,
    pub progress: EpochProgress,
    /// Ranks of the data-parallel run that wrote it (1: one process); `config.batch_size` is
    /// each rank's share of the global batch.
    #[serde(default = "one_rank")]
    pub ranks: usize,
    /// The rank count the checkpoint was written on, where this state was dealt anew to
    /// another count of ranks with the same global batch ([`TrainingState::reshard`]).
    #[serde(skip)]
    pub resharded_from: Option<usize>,
    /// The checkpoint's string metadata: what the caller saved with the run (the examples:
    /// the data set, its normalisation, the per-epoch records of the report).
    #[serde(skip)]
    pub metadata: HashMap<String, String>,
}

fn one_rank() -> usize {
    1
}

/// Metadata key of a training checkpoint's [`TrainingState`] (JSON).
const TRAINING_STATE_KEY: &str = "netspec_training_state";

impl TrainingState {
    /// The state a training checkpoint's metadata holds, keeping that metadata.
    fn from_metadata(path: &Path, meta: HashMap<String, String>) -> Result<Self, Error> {
        let text = meta.get(TRAINING_STATE_KEY).ok_or_else(|| {
            Error::Usage(format!(
            "{} holds parameters but no training state, so it cannot be resumed; start from its \
             weights with --init instead",
            path.display()
        ))
        })?;
        let mut state: TrainingState = serde_json::from_str(text).map_err(|e| {
            Error::Usage(format!(
            "the training state in {} is unreadable ({e}); it was written by another version or \
             damaged",
            path.display()
        ))
        })?;
        state.metadata = meta;
        state.check_consistent(path)?;
        Ok(state)
    }

    /// The state continued on `ranks` ranks: as it is on the rank count that wrote it; on
    /// another only where the global batch (batch per rank x ranks) divides among them, which
    /// keeps the data order, the steps per epoch and the schedule (the sums' rounding differs,
    /// so the continuation is equal to f32 rounding, not bit for bit).
    pub fn reshard(mut self, path: &Path, ranks: usize) -> Result<Self, Error> {
        if ranks == self.ranks {
            return Ok(self);
        }
        let global = self.config.batch_size * self.ranks;
        if ranks == 0 || !global.is_multiple_of(ranks) {
            return Err(Error::Usage(format!(
                "{} was trained on {} rank(s) with batch {} each, a global batch of {global}, \
                 which {ranks} ranks cannot share evenly; resume it on a rank count that divides \
                 {global}",
                path.display(),
                self.ranks,
                self.config.batch_size
            )));
        }
        self.config.batch_size = global / ranks;
        self.resharded_from = Some(self.ranks);
        self.ranks = ranks;
        Ok(self)
    }

    /// Refuses a state no run of its configuration can have reached: a step count that does
    /// not add up to its epochs, a non-finite loss, settings no run can use.
    fn check_consistent(&self, path: &Path) -> Result<(), Error> {
        let bad = |what: String| {
            Err(Error::Usage(format!(
                "the training state in {} does not hold together: {what}; the file was edited or \
                 damaged, so resume from another training checkpoint or start again",
                path.display()
            )))
        };
        if let Err(e) = self.config.check() {
            return bad(e.to_string());
        }
        let p = &self.progress;
        let done = p.losses.len();
        if let Some(i) = p.losses.iter().position(|l| !l.is_finite()) {
            return bad(format!(
                "loss {} of epoch {} is {}",
                i + 1,
                p.epoch,
                p.losses[i]
            ));
        }
        if p.epoch == 0 && done != 0 {
            return bad(format!(
                "{done} losses are recorded before the first epoch began"
            ));
        }
        // Steps taken one by one (`Trainer::step`) record no epoch: only epochs can be checked.
        if p.epoch == 0 || p.steps_per_epoch == 0 {
            // Written before steps per epoch were recorded: only the losses can be checked.
            if done > self.steps_done {
                return bad(format!(
                    "{done} losses are recorded for epoch {} but only {} steps were done",
                    p.epoch, self.steps_done
                ));
            }
            return Ok(());
        }
        if done > p.steps_per_epoch {
            return bad(format!(
                "epoch {} records {done} losses, but an epoch has {} steps",
                p.epoch, p.steps_per_epoch
            ));
        }
        let expected = (p.epoch.max(1) - 1)
            .checked_mul(p.steps_per_epoch)
            .and_then(|s| s.checked_add(done));
        if expected != Some(self.steps_done) {
            return bad(format!(
                "{} steps are done, but {} epochs of {} steps and {done} steps of epoch {} make {}",
                self.steps_done,
                p.epoch.max(1) - 1,
                p.steps_per_epoch,
                p.epoch,
                expected.map_or("more than a number can hold".into(), |e| e.to_string())
            ));
        }
        Ok(())
    }

    /// Refuses to continue this state on data of `steps_per_epoch` steps (at the recorded
    /// batch size) for `epochs` epochs where it does not fit: another batch size or other data
    /// than the run's, or an epoch past the last. `path` names the checkpoint in messages.
    pub fn check_fits(
        &self,
        path: &Path,
        steps_per_epoch: usize,
        epochs: usize,
    ) -> Result<(), Error> {
        let p = &self.progress;
        if p.steps_per_epoch != 0 && p.steps_per_epoch != steps_per_epoch {
            return Err(Error::Usage(format!(
                "{} was trained at {} steps per epoch, but its data at its batch size {} make \
                 {steps_per_epoch}: the batch size or the training data differ from the run's",
                path.display(),
                p.steps_per_epoch,
                self.config.batch_size
            )));
        }
        if p.steps_per_epoch == 0 && p.losses.len() > steps_per_epoch {
            return Err(Error::Usage(format!(
                "{} records {} steps of epoch {}, but its data at batch {} make {steps_per_epoch} \
                 steps per epoch: the batch size or the training data differ from the run's",
                path.display(),
                p.losses.len(),
                p.epoch,
                self.config.batch_size
            )));
        }
        if p.epoch > epochs {
            return Err(Error::Usage(format!(
                "{} is at epoch {}, past the run's last epoch {epochs}; pass --epochs {} or more \
                 to train on",
                path.display(),
                p.epoch,
                p.epoch
            )));
        }
        Ok(())
    }
}

impl Trainer {
    /// Writes a training checkpoint: the parameters and buffers (under their names, so
    /// `--init` and PyTorch read it as a plain checkpoint), the optimizer state, the step
    /// count, the epoch in progress with its losses, the configuration, and `metadata` (string
    /// pairs the caller keeps with the run). Data order, augmentation, masks and the schedule
    /// are functions of these, so [`Trainer::resume`] continues bit for bit.
    pub fn save_training(&self, path: &Path, metadata: &[(String, String)]) -> Result<(), Error> {
        let state = TrainingState {
            network: self.session.step.network.to_string(),
            config: self.config.clone(),
            steps_done: self.steps_done,
            progress: self.progress.clone(),
            ranks: self.rank_and_ranks().1,
            resharded_from: None,
            metadata: HashMap::new(),
        };
        let mut tensors = self.params()?;
        tensors.extend(self.optimizer_state()?.into_iter().map(|t| NamedTensor {
            name: format!("{OPTIMIZER_PREFIX}{}", t.name),
            ..t
        }));
        let mut meta = vec![
            ("network".to_string(), state.network.clone()),
            ("format".to_string(), "pt".to_string()),
            (
                TRAINING_STATE_KEY.to_string(),
                serde_json::to_string(&state).expect("the training state serialises"),
            ),
        ];
        meta.extend_from_slice(metadata);
        Ok(checkpoint::save(path, &tensors, &meta)?)
    }

    /// The training state a [`Trainer::save_training`] checkpoint holds, without loading its
    /// tensors or compiling anything.
    /// Dealt to this thread's ranks ([`crate::distributed::world`]; see
    /// [`TrainingState::reshard`]).
    pub fn training_state(path: &Path) -> Result<TrainingState, Error> {
        TrainingState::from_metadata(path, checkpoint::load_metadata(path)?)?
            .reshard(path, world_ranks())
    }

    /// Continues the run a [`Trainer::save_training`] checkpoint holds, with its
    /// configuration (change `config.epochs` or `config.max_steps` to train longer).
    /// Returns the trainer and the state, with the checkpoint's metadata.
    pub fn resume<N: Network>(
        compiler: &Compiler,
        path: &Path,
        device: &Device,
    ) -> Result<(Self, TrainingState), Error> {
        let (tensors, meta) = checkpoint::load_with_metadata(path)?;
        let state = TrainingState::from_metadata(path, meta)?.reshard(path, world_ranks())?;
        if state.network != N::NAME {
            return Err(Error::Usage(format!(
                "{} is a training checkpoint of {}, not of {}",
                path.display(),
                state.network,
                N::NAME
            )));
        }
        let (optimizer, params): (Vec<NamedTensor>, Vec<NamedTensor>) = tensors
            .into_iter()
            .partition(|t| t.name.starts_with(OPTIMIZER_PREFIX));
        let mut trainer = Trainer::new::<N>(compiler, state.config.clone(), Some(params), device)?;
        let optimizer = optimizer
            .into_iter()
            .map(|t| NamedTensor {
                name: t.name[OPTIMIZER_PREFIX.len()..].to_string(),
                ..t
            })
            .collect();
        let slots = &trainer.session.step.opt_state;
        let optimizer = checkpoint::match_specs(path, N::NAME, optimizer, slots)?;
        trainer.opt_state = trainer.upload(slots, &optimizer)?;
        trainer.steps_done = state.steps_done;
        trainer.progress = state.progress.clone();
        Ok((trainer, state))
    }
}

fn world_ranks() -> usize {
    crate::distributed::world().map_or(1, |w| w.ranks())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(batch: usize, ranks: usize) -> TrainingState {
        TrainingState {
            network: "MnistCnn".into(),
            config: TrainConfig {
                batch_size: batch,
                ..TrainConfig::default()
            },
            steps_done: 0,
            progress: EpochProgress::default(),
            ranks,
            resharded_from: None,
            metadata: HashMap::new(),
        }
    }

    #[test]
    fn another_rank_count_keeps_the_global_batch_or_is_refused() {
        let p = Path::new("run.resume.safetensors");
        let same = state(32, 2).reshard(p, 2).unwrap();
        assert_eq!((same.config.batch_size, same.resharded_from), (32, None));
        let one = state(32, 2).reshard(p, 1).unwrap();
        assert_eq!((one.config.batch_size, one.ranks), (64, 1));
        assert_eq!(one.resharded_from, Some(2));
        assert_eq!(state(32, 2).reshard(p, 4).unwrap().config.batch_size, 16);
        let e = state(32, 2).reshard(p, 3).unwrap_err().to_string();
        assert!(
            e.contains("global batch of 64") && e.contains("3 ranks"),
            "{e}"
        );
    }

    #[test]
    fn checkpoints_from_before_ranks_were_recorded_read_as_one_rank() {
        let mut json = serde_json::to_value(state(8, 1)).unwrap();
        json.as_object_mut().unwrap().remove("ranks");
        let read: TrainingState = serde_json::from_value(json).unwrap();
        assert_eq!(read.ranks, 1);
    }
}
