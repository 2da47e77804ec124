//! A replica's step in a data-parallel run: its shard's gradients (`grad_step`), their sum over
//! the ranks, and the same update on every rank (`apply_step`).

use eerie::runtime::Value;
use netspec_core::checkpoint::NamedTensor;
use netspec_core::noise::{self, NoiseInput};

use super::Trainer;
use crate::distributed::{self, Collective};
use crate::error::Error;
use crate::session::read_f32;

impl Trainer {
    /// This replica's rank and the number of ranks: (0, 1) for one process.
    pub fn rank_and_ranks(&self) -> (usize, usize) {
        self.ranks
            .as_ref()
            .map_or((0, 1), |r| (r.rank(), r.ranks()))
    }

    /// The ranks this trainer trains with, if it is a replica of a data-parallel run.
    pub fn ranks(&self) -> Option<&dyn Collective> {
        self.ranks.as_deref()
    }

    fn require_split(&self, what: &str) -> Result<(), Error> {
        if self.ranks.is_none() {
            return Err(Error::Usage(format!(
                "{what} needs the data-parallel step: create the trainer with \
                 Trainer::with_ranks (or under mpirun with the `mpi` feature)"
            )));
        }
        Ok(())
    }

    /// Runs `grad_step` on this rank's shard (a batch of the compiled size): every trainable
    /// parameter's gradient, then every buffer's new value, then the loss, in one vector for
    /// the ranks to sum ([`netspec_core::step::summand_len`] values).
    pub fn grad_summands(&self, images: &[f32], labels: &[i32]) -> Result<Vec<f32>, Error> {
        self.require_split("grad_summands")?;
        self.check_batch(images, labels)?;
        let batch = self.upload_batch(images, labels, self.rank_masks(self.steps_done))?;
        let inputs: Vec<Value> = self.params.iter().cloned().chain(batch).collect();
        let outs = self.session.exe.call("grad_step", inputs)?;
        read_f32(&outs[0])
    }

    /// Runs `apply_step` with `summed`, the sum over `ranks` ranks of their
    /// [`Trainer::grad_summands`]: the optimizer's step with the mean gradient, and every
    /// buffer set to the ranks' mean. Counts one step.
    pub fn apply_summed(&mut self, summed: &[f32], ranks: usize, lr: f64) -> Result<(), Error> {
        self.require_split("apply_summed")?;
        let len = netspec_core::step::summand_len(&self.session.step.params);
        if summed.len() != len || ranks == 0 {
            return Err(Error::ShapeMismatch {
                what: format!("summed gradients of {ranks} ranks"),
                expected: vec![len],
                got: vec![summed.len()],
            });
        }
        let s = &self.session;
        let inputs: Vec<Value> = self
            .params
            .iter()
            .chain(&self.opt_state)
            .cloned()
            .chain([
                s.exe.upload_f32(&[], &[lr as f32])?,
                s.exe.upload_f32(&[], &[(self.steps_done + 1) as f32])?,
                s.exe.upload_f32(&[len], summed)?,
                s.exe.upload_f32(&[], &[1.0 / ranks as f32])?,
            ])
            .collect();
        let mut outs = s.exe.call("apply_step", inputs)?;
        self.opt_state = outs.split_off(self.params.len());
        self.params = outs;
        self.steps_done += 1;
        Ok(())
    }

    /// One data-parallel step: this rank's gradients, summed over all ranks in one all-reduce
    /// (which also carries whether any rank was asked to stop), and the same update everywhere.
    /// Returns the global batch's mean loss, the same on every rank.
    pub(super) fn step_data_parallel(
        &mut self,
        images: &[f32],
        labels: &[i32],
        lr: f64,
        epoch: usize,
    ) -> Result<f32, Error> {
        let ranks = self
            .ranks
            .clone()
            .expect("a data-parallel trainer has ranks");
        let mut summed = self.grad_summands(images, labels)?;
        summed.push(if self.stop_asked() { 1.0 } else { 0.0 });
        ranks.sum_f32(&mut summed)?;
        let stop = summed.pop().is_some_and(|s| s > 0.0);
        let loss = summed.last().copied().unwrap_or(f32::NAN) / ranks.ranks() as f32;
        if !loss.is_finite() {
            return Err(self.non_finite(images, labels, epoch, loss));
        }
        self.apply_summed(&summed, ranks.ranks(), lr)?;
        self.stop_agreed |= stop;
        Ok(loss)
    }

    /// This rank's rows of the masks a single process would draw for the whole global batch,
    /// so a run with dropout or stochastic depth draws the same masks on any number of ranks.
    fn rank_masks(&self, step: usize) -> Vec<NamedTensor> {
        let (rank, ranks) = self.rank_and_ranks();
        let (inputs, depth_blocks) = self.session.step.noise();
        let global: Vec<NoiseInput> = inputs
            .iter()
            .map(|n| {
                let mut g = n.clone();
                g.shape[0] *= ranks;
                g
            })
            .collect();
        let draws = noise::draw_step(
            &global,
            self.config.drop_path,
            depth_blocks,
            self.config.seed,
            step,
        );
        inputs
            .iter()
            .zip(draws)
            .map(|(n, all)| {
                let row: usize = n.shape[1..].iter().product();
                let data = distributed::shard(0, n.shape[0], rank, ranks)
                    .flat_map(|p| all[p * row..(p + 1) * row].iter().copied())
                    .collect();
                NamedTensor {
                    name: n.name.clone(),
                    shape: n.shape.clone(),
                    data,
                }
            })
            .collect()
    }

    /// Every epoch of a data-parallel run: the replicas' parameters and optimizer state must
    /// be bit-identical; a digest of each rank's is compared with rank 0's.
    pub(super) fn check_replicas(&self, epoch: usize) -> Result<(), Error> {
        let Some(ranks) = &self.ranks else {
            return Ok(());
        };
        distributed::check_replicas(ranks.as_ref(), self.replica_digest()?, epoch)
    }

    /// The digest [`Trainer::check_replicas`] compares: of every parameter, buffer and
    /// optimizer state, as the device holds them.
    pub fn replica_digest(&self) -> Result<u64, Error> {
        let values = self
            .params
            .iter()
            .chain(&self.opt_state)
            .map(read_f32)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(distributed::digest(values.iter().map(Vec::as_slice)))
    }
}
