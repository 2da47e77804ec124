//! Seeded training augmentation for small colour images (CIFAR-10 style): random crops of the
//! padded image and random horizontal flips, applied to a gathered batch in place.
//!
//! The randomness of image `i` in the batch of `(seed, epoch, step)` comes from its own
//! ChaCha8 stream, keyed by `(seed, epoch, step)` with stream number `i`. So a run is exactly
//! reproducible, an image's augmentation does not depend on the other images in its batch, and
//! the result is the same however the work is split across threads.
//!
//! # Padding value
//!
//! torchvision's `RandomCrop(32, padding=4)` pads the *unnormalised* image with 0 (black).
//! netspec normalises at load time, before batches are augmented, so black is no longer 0:
//! after `(x - mean) / std` it is `-mean / std` per channel. [`Augment::apply`] pads with 0;
//! to pad with black like torchvision does, use [`Augment::apply_with_fill`] with
//! [`black_after_normalize`]`(mean, std)`.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::DataError;

/// Which augmentations to apply. Crop first, then flip, as in the usual torchvision pipeline
/// `RandomCrop(32, padding=4)` + `RandomHorizontalFlip()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Augment {
    /// Random crop of the image padded by this many pixels on each side, back to the original
    /// size: offsets uniform in `0..=2 * crop_padding` in each direction. 0 turns cropping off;
    /// 4 is the CIFAR-10 standard.
    pub crop_padding: usize,
    /// Mirror left-right with probability 1/2.
    pub horizontal_flip: bool,
}

/// The random choices for one image: crop offsets into the padded image and whether to flip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// Row of the padded image the crop starts at, in `0..=2 * crop_padding` (`crop_padding`
    /// means no vertical shift).
    pub top: usize,
    /// Column of the padded image the crop starts at, in `0..=2 * crop_padding`.
    pub left: usize,
    /// Whether the cropped image is mirrored left-right.
    pub flip: bool,
}

impl Augment {
    /// No augmentation.
    pub const NONE: Augment = Augment {
        crop_padding: 0,
        horizontal_flip: false,
    };

    /// The standard CIFAR-10 recipe: random crop with padding 4 and random horizontal flip.
    pub const CIFAR: Augment = Augment {
        crop_padding: 4,
        horizontal_flip: true,
    };

    /// True when this does nothing.
    pub fn is_none(&self) -> bool {
        self.crop_padding == 0 && !self.horizontal_flip
    }

    /// The random choices for image `index` of the batch of `(seed, epoch, step)`, as
    /// [`apply`](Self::apply) makes them. With cropping off, `top` and `left` are 0; with
    /// flipping off, `flip` is false.
    pub fn choice(&self, seed: u64, epoch: usize, step: usize, index: usize) -> Choice {
        let mut rng = batch_rng(seed, epoch, step);
        rng.set_stream(index as u64);
        self.choice_from(&mut rng)
    }

    /// Augments a gathered batch in place. `images` is NCHW, `shape` the `[C, H, W]` of one
    /// image. Per image: a random crop of the image zero-padded by `crop_padding` on each side
    /// (offsets uniform in `0..=2p`, like torchvision's `RandomCrop(H, padding=p)`), then a
    /// horizontal flip with probability 1/2. Deterministic in `(seed, epoch, step)`; see the
    /// module documentation.
    ///
    /// The pad value is 0; see [`apply_with_fill`](Self::apply_with_fill) for normalised
    /// images. Only whole images are touched: if `images.len()` is not a multiple of `C*H*W`,
    /// the trailing partial image is left as it is.
    pub fn apply(
        &self,
        images: &mut [f32],
        shape: [usize; 3],
        seed: u64,
        epoch: usize,
        step: usize,
    ) {
        let Some(len) = image_len(shape) else {
            return;
        };
        if len == 0 {
            return;
        }
        let whole = images.len() - images.len() % len;
        // Cannot fail: one fill value is always accepted and `whole` is a multiple of `len`.
        let _ = self.apply_with_fill(&mut images[..whole], shape, &[0.0], seed, epoch, step);
    }

    /// As [`apply`](Self::apply), padding channel `c` with `fill[c]` instead of 0 (`fill` may
    /// also hold a single value for all channels). For images normalised with `mean` and
    /// `std`, [`black_after_normalize`] gives the fill that pads with black, as torchvision
    /// does before normalisation.
    ///
    /// Fails, leaving `images` unchanged, if `fill` has neither 1 nor C values or `images` is
    /// not a whole number of images of `shape`.
    pub fn apply_with_fill(
        &self,
        images: &mut [f32],
        shape: [usize; 3],
        fill: &[f32],
        seed: u64,
        epoch: usize,
        step: usize,
    ) -> Result<(), DataError> {
        let [channels, h, w] = shape;
        if fill.len() != 1 && fill.len() != channels {
            return Err(DataError::InvalidArgument(format!(
                "augmentation got {} fill values for images with {channels} channel(s); pass \
                 one per channel, or a single value for all",
                fill.len()
            )));
        }
        let len = image_len(shape).ok_or_else(|| {
            DataError::InvalidArgument(format!("image shape {shape:?} is impossibly large"))
        })?;
        if len == 0 {
            return Ok(());
        }
        let partial = images.len() % len;
        if partial > 0 {
            return Err(DataError::InvalidArgument(format!(
                "augmentation got {} values, not a whole number of {channels}x{h}x{w} images \
                 ({len} values each)",
                images.len()
            )));
        }
        if self.is_none() {
            return Ok(());
        }
        let fill_of = |c: usize| if fill.len() == 1 { fill[0] } else { fill[c] };
        let p = self.crop_padding;
        let base = batch_rng(seed, epoch, step);
        let mut source = vec![0.0f32; len];
        for (i, image) in images.chunks_exact_mut(len).enumerate() {
            let mut rng = base.clone();
            rng.set_stream(i as u64);
            let choice = self.choice_from(&mut rng);
            if choice.top == p && choice.left == p && !choice.flip {
                continue;
            }
            source.copy_from_slice(image);
            for c in 0..channels {
                let plane = &source[c * h * w..(c + 1) * h * w];
                let out = &mut image[c * h * w..(c + 1) * h * w];
                for y in 0..h {
                    // Output row y is row y + top of the padded image, i.e. input row
                    // y + top - p.
                    let sy = (y + choice.top).checked_sub(p).filter(|&sy| sy < h);
                    for x in 0..w {
                        let cx = if choice.flip { w - 1 - x } else { x };
                        let sx = (cx + choice.left).checked_sub(p).filter(|&sx| sx < w);
                        out[y * w + x] = match (sy, sx) {
                            (Some(sy), Some(sx)) => plane[sy * w + sx],
                            _ => fill_of(c),
                        };
                    }
                }
            }
        }
        Ok(())
    }

    /// The draws of [`choice`](Self::choice) from an image's stream.
    fn choice_from(&self, rng: &mut ChaCha8Rng) -> Choice {
        // The flip bit is drawn first and always, so turning cropping on or off does not
        // change which images are flipped.
        let flip = rng.gen::<bool>() && self.horizontal_flip;
        let (top, left) = match self.crop_padding {
            0 => (0, 0),
            p => (rng.gen_range(0..=2 * p), rng.gen_range(0..=2 * p)),
        };
        Choice { top, left, flip }
    }
}

/// The per-channel value of a black (0) pixel after normalisation with `mean` and `std`:
/// `-mean[c] / std[c]`. Pass it as the fill of [`Augment::apply_with_fill`] to pad
/// normalised images with black. Uses the first `min(mean.len(), std.len())` channels.
pub fn black_after_normalize(mean: &[f32], std: &[f32]) -> Vec<f32> {
    mean.iter().zip(std).map(|(m, s)| -m / s).collect()
}

/// The generator for the batch of `(seed, epoch, step)`; images select their stream.
fn batch_rng(seed: u64, epoch: usize, step: usize) -> ChaCha8Rng {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..16].copy_from_slice(&(epoch as u64).to_le_bytes());
    key[16..24].copy_from_slice(&(step as u64).to_le_bytes());
    // Domain separation from other uses of the same seed (e.g. shuffling, initialisation).
    key[24..].copy_from_slice(b"augment1");
    ChaCha8Rng::from_seed(key)
}

/// C*H*W, or `None` on overflow.
fn image_len([c, h, w]: [usize; 3]) -> Option<usize> {
    c.checked_mul(h)?.checked_mul(w)
}
