//! Sliding windows shared by convolutions and pooling: the output-size rule and its errors.

use std::ops::Range;

use super::{shape_str, SpecError};
use crate::ir::ConvDims;

/// Kernel, stride and (low, high) padding along height and width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub kernel: [usize; 2],
    pub stride: [usize; 2],
    pub padding: [(usize, usize); 2],
}

impl Window {
    pub fn square(k: usize, s: usize, padding: (usize, usize)) -> Self {
        Window {
            kernel: [k, k],
            stride: [s, s],
            padding: [padding, padding],
        }
    }

    pub fn padded(&self, hw: [usize; 2]) -> [usize; 2] {
        [
            hw[0] + self.padding[0].0 + self.padding[0].1,
            hw[1] + self.padding[1].0 + self.padding[1].1,
        ]
    }

    /// floor((n + pads - k) / s) + 1 per dim, as PyTorch computes without ceil_mode.
    pub fn output(&self, hw: [usize; 2]) -> [usize; 2] {
        let p = self.padded(hw);
        [
            (p[0] - self.kernel[0]) / self.stride[0] + 1,
            (p[1] - self.kernel[1]) / self.stride[1] + 1,
        ]
    }

    /// The kernel taps along height and width that read the input, not only padding, at some
    /// output position for an `hw` input (`ConvDims::live_taps`).
    pub fn live_taps(&self, hw: [usize; 2]) -> [Range<usize>; 2] {
        let p = self.padding;
        let d = ConvDims::nchw(
            self.stride,
            [
                (p[0].0 as i64, p[0].1 as i64),
                (p[1].0 as i64, p[1].1 as i64),
            ],
        );
        [0, 1].map(|s| d.live_taps(s, hw[s], self.kernel[s]))
    }

    /// Checks a per-example [C, H, W] input for layer `what` (e.g. "conv2d(k = 7)").
    pub fn check(&self, what: &str, input: &[usize]) -> Result<[usize; 2], SpecError> {
        let [_, h, w] = input else {
            return Err(SpecError::layer(format!(
                "{what} needs an image input [channels, height, width], but this layer receives {}",
                shape_str(input)
            )));
        };
        let p = self.padded([*h, *w]);
        if p[0] < self.kernel[0] || p[1] < self.kernel[1] {
            let padding = if self.padding == [(0, 0); 2] {
                String::new()
            } else {
                format!(" after padding ({}x{} before)", h, w)
            };
            return Err(SpecError::layer(format!(
                "{what} needs an input of at least {}x{}{padding}, but this layer receives {}x{}",
                self.kernel[0], self.kernel[1], p[0], p[1]
            )));
        }
        Ok([*h, *w])
    }
}
