//! Data-parallel training across processes: the ranks a [`Trainer`](crate::Trainer) trains with,
//! and the sums between them.
//!
//! Each rank holds a replica of the parameters and takes its share of every global batch; the
//! step module is split at the gradient (`grad_step`, `apply_step`) and the ranks sum what lies
//! between with a [`Collective`]: MPI's all-reduce in a build with the `mpi` feature
//! ([`mpi::World`]), run under `mpirun`. IREE's CPU drivers have no collectives of their own.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::Error;

#[cfg(feature = "mpi")]
pub mod mpi;

/// The operations data-parallel training needs between ranks. Every rank calls each one at the
/// same point with buffers of the same length, as MPI's collectives require.
pub trait Collective {
    /// This process's rank, from 0.
    fn rank(&self) -> usize;
    /// How many ranks train together.
    fn ranks(&self) -> usize;
    /// Replaces `values` on every rank by their elementwise sum over the ranks.
    fn sum_f32(&self, values: &mut [f32]) -> Result<(), Error>;
    /// [`Collective::sum_f32`] for f64 (the evaluation's sums).
    fn sum_f64(&self, values: &mut [f64]) -> Result<(), Error>;
    /// Every rank's `value`, in rank order, on every rank.
    fn gather_u64(&self, value: u64) -> Result<Vec<u64>, Error>;
}

/// One rank alone: sums are the values themselves. With [`crate::Trainer::with_ranks`] it runs
/// the data-parallel step in one process.
pub struct Alone;

impl Collective for Alone {
    fn rank(&self) -> usize {
        0
    }
    fn ranks(&self) -> usize {
        1
    }
    fn sum_f32(&self, _: &mut [f32]) -> Result<(), Error> {
        Ok(())
    }
    fn sum_f64(&self, _: &mut [f64]) -> Result<(), Error> {
        Ok(())
    }
    fn gather_u64(&self, value: u64) -> Result<Vec<u64>, Error> {
        Ok(vec![value])
    }
}

thread_local! {
    /// The ranks of this process's run, while a [`mpi::World`] (or a caller's collective) is
    /// installed. MPI is called from the thread that initialised it only.
    static WORLD: RefCell<Option<Rc<dyn Collective>>> = const { RefCell::new(None) };
}

/// The ranks trainers created on this thread train with: `Some` while a collective of more
/// than one rank is installed.
pub fn world() -> Option<Rc<dyn Collective>> {
    WORLD.with(|w| w.borrow().clone()).filter(|c| c.ranks() > 1)
}

/// Installs `collective` as this thread's [`world`] (or removes it, with `None`).
pub fn install(collective: Option<Rc<dyn Collective>>) {
    WORLD.with(|w| *w.borrow_mut() = collective);
}

/// Rank 0 of a data-parallel run, or any single process: the one that writes the run's files
/// and prints its progress.
pub fn is_leader() -> bool {
    world().is_none_or(|w| w.rank() == 0)
}

/// Positions within an epoch's order of rank `rank`'s share of global step `step`, for
/// `per_rank` examples per rank: rank r takes every `ranks`-th example of the global batch
/// from its r-th on, as PyTorch's `DistributedSampler` deals an epoch's order, so the ranks
/// together see the global batch a single process with batch `per_rank * ranks` sees.
pub fn shard(
    step: usize,
    per_rank: usize,
    rank: usize,
    ranks: usize,
) -> impl Iterator<Item = usize> {
    let start = step * per_rank * ranks + rank;
    (0..per_rank).map(move |j| start + j * ranks)
}

/// A cheap digest of parameters (FNV-1a over their bits): equal on replicas that are
/// bit-identical, and differing, but for a 2^-64 chance, where they are not.
pub fn digest<'a>(tensors: impl IntoIterator<Item = &'a [f32]>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for t in tensors {
        for v in t {
            for b in v.to_bits().to_le_bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    h
}

/// Checks that every rank's digest is rank 0's; names the ranks whose replica differs.
pub fn check_replicas(collective: &dyn Collective, digest: u64, epoch: usize) -> Result<(), Error> {
    let all = collective.gather_u64(digest)?;
    let differ: Vec<String> = all
        .iter()
        .enumerate()
        .filter(|(_, d)| **d != all[0])
        .map(|(r, _)| r.to_string())
        .collect();
    if differ.is_empty() {
        return Ok(());
    }
    Err(Error::ReplicasDiverged {
        epoch,
        ranks: differ.join(", "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_deal_the_global_batch_as_distributed_sampler() {
        // Global batch 6 of step 1 is positions 6..12; two ranks of 3 take the even and the
        // odd ones, as DistributedSampler's indices[rank::2].
        let r0: Vec<usize> = shard(1, 3, 0, 2).collect();
        let r1: Vec<usize> = shard(1, 3, 1, 2).collect();
        assert_eq!(r0, [6, 8, 10]);
        assert_eq!(r1, [7, 9, 11]);
        let one: Vec<usize> = shard(1, 6, 0, 1).collect();
        assert_eq!(one, [6, 7, 8, 9, 10, 11]);
    }

    #[test]
    fn digests_tell_one_flipped_bit() {
        let a = [1.0f32, 2.0, 3.0];
        let mut b = a;
        b[1] = f32::from_bits(b[1].to_bits() ^ 1);
        assert_eq!(digest([&a[..]]), digest([&a[..]]));
        assert_ne!(digest([&a[..]]), digest([&b[..]]));
    }
}
