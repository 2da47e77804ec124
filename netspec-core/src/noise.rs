//! Randomness in training: dropout and stochastic depth.
//!
//! A train step stays a pure function. A layer that drops values declares a mask argument of
//! the step (`Graph::dropout_mask`, `Graph::drop_path_mask`) and multiplies by it; the host
//! draws the masks for every step from the run's seed. So a run is reproducible, the compiled
//! step needs no random-number ops, and the f64 reference and the finite-difference contracts
//! see exactly the masks IREE sees. A mask entry is 0 (dropped) or 1/(1 - rate) (kept and
//! rescaled), as PyTorch's dropout and torchvision's `StochasticDepth` do in training. In
//! evaluation no layer declares a mask: both are the identity.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// How a per-block stochastic-depth rate grows with the block's depth. torchvision scales the
/// network's rate linearly with the block index `i` of `n` blocks, but not the same way in
/// every family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DepthRule {
    /// rate · i / n (EfficientNet).
    OverBlocks,
    /// rate · i / (n - 1) (ConvNeXt): the last block gets the full rate.
    OverBlocksMinusOne,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NoiseKind {
    /// Each element is dropped with probability `rate` (declared by the layer).
    Dropout { rate: f64 },
    /// Each example's residual branch of block `block` is dropped; the rate comes from the
    /// run's stochastic-depth rate and `rule`.
    DropPath { block: usize, rule: DepthRule },
}

/// One mask argument of a function.
#[derive(Clone, Debug, PartialEq)]
pub struct NoiseInput {
    /// Its position among the function's arguments, and its name there.
    pub arg: usize,
    pub name: String,
    pub shape: Vec<usize>,
    pub kind: NoiseKind,
}

impl NoiseInput {
    /// The drop probability of this mask in a run whose stochastic-depth rate is `drop_path`
    /// and whose network has `depth_blocks` blocks that count for it.
    pub fn rate(&self, drop_path: f64, depth_blocks: usize) -> f64 {
        match self.kind {
            NoiseKind::Dropout { rate } => rate,
            NoiseKind::DropPath { block, rule } => {
                let n = match rule {
                    DepthRule::OverBlocks => depth_blocks,
                    DepthRule::OverBlocksMinusOne => depth_blocks.saturating_sub(1),
                };
                if n == 0 {
                    0.0
                } else {
                    drop_path * block as f64 / n as f64
                }
            }
        }
    }
}

/// A mask of `len` entries: 0 with probability `rate`, else 1 / (1 - rate).
pub fn draw(len: usize, rate: f64, rng: &mut ChaCha8Rng) -> Vec<f32> {
    assert!(
        (0.0..=1.0).contains(&rate),
        "a drop rate must lie in [0, 1], got {rate}"
    );
    if rate == 0.0 {
        return vec![1.0; len];
    }
    if rate == 1.0 {
        return vec![0.0; len];
    }
    let keep = (1.0 / (1.0 - rate)) as f32;
    (0..len)
        .map(|_| if rng.gen::<f64>() < rate { 0.0 } else { keep })
        .collect()
}

/// The masks of one train step: the same for the same seed and step, whatever ran before.
pub fn draw_step(
    inputs: &[NoiseInput],
    drop_path: f64,
    depth_blocks: usize,
    seed: u64,
    step: usize,
) -> Vec<Vec<f32>> {
    let mut rng =
        ChaCha8Rng::seed_from_u64(seed ^ (step as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    inputs
        .iter()
        .map(|n| {
            draw(
                n.shape.iter().product(),
                n.rate(drop_path, depth_blocks),
                &mut rng,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_entries_are_rescaled_so_the_mean_is_one() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let m = draw(200_000, 0.2, &mut rng);
        let dropped = m.iter().filter(|v| **v == 0.0).count() as f64 / m.len() as f64;
        assert!((dropped - 0.2).abs() < 0.005, "dropped {dropped}");
        assert!(m.iter().all(|v| *v == 0.0 || *v == 1.25));
        let mean = m.iter().map(|v| *v as f64).sum::<f64>() / m.len() as f64;
        assert!((mean - 1.0).abs() < 0.01, "mean {mean}");
    }

    #[test]
    fn depth_rules_follow_torchvision() {
        let at = |block, rule| NoiseInput {
            arg: 0,
            name: "m".into(),
            shape: vec![4],
            kind: NoiseKind::DropPath { block, rule },
        };
        // ConvNeXt-T: 18 blocks, rate 0.1; the last block gets 0.1.
        assert_eq!(at(0, DepthRule::OverBlocksMinusOne).rate(0.1, 18), 0.0);
        assert!((at(17, DepthRule::OverBlocksMinusOne).rate(0.1, 18) - 0.1).abs() < 1e-12);
        // EfficientNet-B0: 16 blocks, rate 0.2; block 8 gets 0.1.
        assert!((at(8, DepthRule::OverBlocks).rate(0.2, 16) - 0.1).abs() < 1e-12);
    }

    #[test]
    fn a_step_draws_the_same_masks_every_time() {
        let inputs = [NoiseInput {
            arg: 0,
            name: "m".into(),
            shape: vec![64],
            kind: NoiseKind::Dropout { rate: 0.5 },
        }];
        assert_eq!(
            draw_step(&inputs, 0.0, 0, 9, 4),
            draw_step(&inputs, 0.0, 0, 9, 4)
        );
        assert_ne!(
            draw_step(&inputs, 0.0, 0, 9, 4),
            draw_step(&inputs, 0.0, 0, 9, 5)
        );
    }
}
