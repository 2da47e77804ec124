//! Resizing `u8` image planes as PIL does (and so torchvision on PIL images): separable
//! bilinear filtering, antialiased when shrinking by widening the triangle filter with the
//! scale. The image folder uses it to cache shrunk images and to make evaluation views and
//! random-resized crops.

/// One cached image: `channels` planes of `height x width` bytes.
#[derive(Clone, Debug)]
pub(super) struct Planes {
    pub pixels: Vec<u8>,
    pub channels: usize,
    pub height: usize,
    pub width: usize,
}

/// `image` with its shorter side resized to `keep` if it is longer (torchvision's `Resize`
/// size rule), as bytes.
pub(super) fn shrink(image: Planes, keep: usize) -> Planes {
    let (h, w) = (image.height, image.width);
    if h.min(w) <= keep {
        return image;
    }
    let (out_h, out_w) = resized_size(h, w, keep);
    let mut out = vec![0.0f32; image.channels * out_h * out_w];
    resample(
        &image,
        Window::whole(h, w),
        out_h,
        out_w,
        false,
        1.0,
        &mut out,
    );
    Planes {
        pixels: out
            .iter()
            .map(|v| v.round().clamp(0.0, 255.0) as u8)
            .collect(),
        channels: image.channels,
        height: out_h,
        width: out_w,
    }
}

/// `(height, width)` with the shorter side `short` and the longer `floor(short * long /
/// shorter)`, at least 1.
pub(super) fn resized_size(h: usize, w: usize, short: usize) -> (usize, usize) {
    if h <= w {
        (short, (short * w / h).max(1))
    } else {
        ((short * h / w).max(1), short)
    }
}

/// What a resampling reads: the box mapped onto the output (fractional source pixels), and
/// the pixel rows and columns the filter may use (`[start, end)`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Window {
    pub rows: [usize; 2],
    pub cols: [usize; 2],
    pub y: [f64; 2],
    pub x: [f64; 2],
}

impl Window {
    pub fn whole(h: usize, w: usize) -> Window {
        Window {
            rows: [0, h],
            cols: [0, w],
            y: [0.0, h as f64],
            x: [0.0, w as f64],
        }
    }
}

/// Source pixels and weights of one output coordinate.
struct Taps {
    start: usize,
    weights: Vec<f32>,
}

/// PIL's bilinear resampling weights (`precompute_coeffs` with the triangle filter) for the
/// box `[in0, in1)` onto `out` pixels, reading only pixels in `[lo, hi)` (`lo < hi`). When
/// shrinking, the triangle is widened by the scale, which is PIL's antialiasing.
fn axis_taps(lo: usize, hi: usize, in0: f64, in1: f64, out: usize) -> Vec<Taps> {
    let scale = (in1 - in0) / out as f64;
    let support = scale.max(1.0);
    (0..out)
        .map(|o| {
            let center = in0 + (o as f64 + 0.5) * scale;
            let first = ((center - support + 0.5).floor().max(lo as f64) as usize).min(hi - 1);
            let end = ((center + support + 0.5).floor().min(hi as f64) as usize).max(first + 1);
            let mut weights: Vec<f32> = (first..end)
                .map(|x| {
                    let d = ((x as f64 - center + 0.5) / support).abs();
                    (1.0 - d).max(0.0) as f32
                })
                .collect();
            let sum: f32 = weights.iter().sum();
            if sum > 0.0 {
                weights.iter_mut().for_each(|v| *v /= sum);
            } else {
                // Only for degenerate boxes: take the nearest pixel.
                weights = vec![1.0];
                let nearest = (center.floor().max(lo as f64) as usize).min(hi - 1);
                return Taps {
                    start: nearest,
                    weights,
                };
            }
            Taps {
                start: first,
                weights,
            }
        })
        .collect()
}

/// Resamples `window` of `image` to `out_h x out_w` (separable: rows, then columns), mirrored
/// left-right when `flip`, values multiplied by `gain`, into `out` (`channels * out_h * out_w`).
pub(super) fn resample(
    image: &Planes,
    window: Window,
    out_h: usize,
    out_w: usize,
    flip: bool,
    gain: f32,
    out: &mut [f32],
) {
    let (h, w) = (image.height, image.width);
    let [row_lo, row_hi] = window.rows;
    let [col_lo, col_hi] = window.cols;
    let row_taps = axis_taps(row_lo, row_hi, window.y[0], window.y[1], out_h);
    let col_taps = axis_taps(col_lo, col_hi, window.x[0], window.x[1], out_w);
    // Horizontal pass over the rows the vertical pass reads.
    let y0 = row_taps.iter().map(|t| t.start).min().unwrap_or(0);
    let y1 = row_taps
        .iter()
        .map(|t| t.start + t.weights.len())
        .max()
        .unwrap_or(0);
    let rows = y1.saturating_sub(y0);
    let mut tmp = vec![0.0f32; image.channels * rows * out_w];
    for c in 0..image.channels {
        let plane = &image.pixels[c * h * w..(c + 1) * h * w];
        for y in y0..y1 {
            let src = &plane[y * w..(y + 1) * w];
            let dst = &mut tmp[(c * rows + y - y0) * out_w..(c * rows + y - y0 + 1) * out_w];
            for (d, taps) in dst.iter_mut().zip(&col_taps) {
                let pixels = &src[taps.start..taps.start + taps.weights.len()];
                *d = pixels
                    .iter()
                    .zip(&taps.weights)
                    .map(|(&p, &k)| f32::from(p) * k)
                    .sum();
            }
        }
    }
    for c in 0..image.channels {
        for (oy, taps) in row_taps.iter().enumerate() {
            let line = &mut out[(c * out_h + oy) * out_w..(c * out_h + oy + 1) * out_w];
            for ox in 0..out_w {
                let v: f32 = taps
                    .weights
                    .iter()
                    .enumerate()
                    .map(|(i, &k)| k * tmp[(c * rows + taps.start + i - y0) * out_w + ox])
                    .sum();
                let x = if flip { out_w - 1 - ox } else { ox };
                line[x] = v * gain;
            }
        }
    }
}
