//! Epoch ordering and mini-batch assembly.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::Dataset;

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
