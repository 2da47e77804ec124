//! Epoch ordering and mini-batch assembly.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::augment::Augment;
use super::{DataError, Dataset};

/// Example order for one epoch: `0..n` when `!shuffle`, otherwise a permutation seeded by
/// `(seed, epoch)` — the same seed and epoch always give the same order, so a run can be
/// resumed or repeated exactly.
pub fn epoch_order(n: usize, seed: u64, epoch: usize, shuffle: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if shuffle {
        // One ChaCha stream per epoch: independent orders without mixing seed and epoch by hand.
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(epoch as u64);
        order.shuffle(&mut rng);
    }
    order
}

/// Copies the given examples into a contiguous batch: images NCHW flattened, labels as i32.
/// Both vectors are cleared first, so they can be reused across batches.
/// Panics if an index is out of range (indices come from [`epoch_order`]).
pub fn gather(ds: &Dataset, indices: &[usize], images: &mut Vec<f32>, labels: &mut Vec<i32>) {
    images.clear();
    labels.clear();
    images.reserve(indices.len() * ds.image_len());
    labels.reserve(indices.len());
    for &i in indices {
        images.extend_from_slice(ds.image(i));
        labels.push(ds.labels[i]);
    }
}

/// Where training batches come from. Sources are `Sync`: the trainer fills batches on a host
/// thread while the device runs the previous step.
pub trait BatchSource: Sync {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Per-example image shape [C, H, W].
    fn image_shape(&self) -> [usize; 3];
    /// Writes the examples `indices` as one NCHW batch; `(epoch, step)` seed any randomness.
    fn fill(
        &self,
        indices: &[usize],
        epoch: usize,
        step: usize,
        images: &mut Vec<f32>,
        labels: &mut Vec<i32>,
    ) -> Result<(), DataError>;
}

/// Examples in memory, as they are.
impl BatchSource for Dataset {
    fn len(&self) -> usize {
        Dataset::len(self)
    }
    fn image_shape(&self) -> [usize; 3] {
        self.image_shape
    }
    fn fill(
        &self,
        indices: &[usize],
        _epoch: usize,
        _step: usize,
        images: &mut Vec<f32>,
        labels: &mut Vec<i32>,
    ) -> Result<(), DataError> {
        gather(self, indices, images, labels);
        Ok(())
    }
}

/// Examples in memory with random crops and flips, seeded by (seed, epoch, step).
pub struct Augmented<'a> {
    pub data: &'a Dataset,
    pub augment: Augment,
    /// Per-channel border value of a crop (black after normalisation); empty for 0.
    pub fill: Vec<f32>,
    pub seed: u64,
}

impl BatchSource for Augmented<'_> {
    fn len(&self) -> usize {
        self.data.len()
    }
    fn image_shape(&self) -> [usize; 3] {
        self.data.image_shape
    }
    fn fill(
        &self,
        indices: &[usize],
        epoch: usize,
        step: usize,
        images: &mut Vec<f32>,
        labels: &mut Vec<i32>,
    ) -> Result<(), DataError> {
        gather(self.data, indices, images, labels);
        if self.augment.is_none() {
            return Ok(());
        }
        let fill = if self.fill.is_empty() {
            &[0.0][..]
        } else {
            &self.fill[..]
        };
        self.augment
            .apply_with_fill(images, self.data.image_shape, fill, self.seed, epoch, step)
    }
}
