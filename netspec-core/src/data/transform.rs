//! Bringing a data set to a network's input shape: bilinear resizing and grey-to-colour channel
//! replication. Both are deterministic, documented transforms, applied once after loading.

use super::{DataError, Dataset};

/// Bilinear resize of every image to `(h, w)`, with `align_corners=false` semantics: the same
/// values as PyTorch's `F.interpolate(x, size=(h, w), mode="bilinear", align_corners=False)`
/// (no antialiasing, so downscaling by large factors skips pixels as PyTorch does).
///
/// For an output coordinate `dst` along an axis of input size `n_in` and output size `n_out`,
/// the source coordinate is `src = max((dst + 0.5) * n_in / n_out - 0.5, 0)`; it is read from
/// the two neighbours `floor(src)` and `min(floor(src) + 1, n_in - 1)` with weights
/// `1 - frac(src)` and `frac(src)`. Channels are resized independently.
///
/// Returns a new [`Dataset`] with image shape `[C, h, w]`; labels and classes are unchanged.
/// Resizing to the current size returns an exact copy. An image with no pixels (a zero input
/// height or width) has nothing to interpolate from and resizes to zeros.
pub fn resize(ds: &Dataset, h: usize, w: usize) -> Dataset {
    let [channels, in_h, in_w] = ds.image_shape;
    let out_plane = h * w;
    let mut images = Vec::with_capacity(ds.len() * channels * out_plane);
    if in_h == 0 || in_w == 0 {
        images.resize(ds.len() * channels * out_plane, 0.0);
    } else if (in_h, in_w) == (h, w) {
        images.extend_from_slice(&ds.images);
    } else {
        let rows = axis_taps(in_h, h);
        let cols = axis_taps(in_w, w);
        let in_plane = in_h * in_w;
        for plane in ds.images.chunks_exact(in_plane).take(ds.len() * channels) {
            for row in &rows {
                let top = &plane[row.i0 * in_w..(row.i0 + 1) * in_w];
                let bottom = &plane[row.i1 * in_w..(row.i1 + 1) * in_w];
                for col in &cols {
                    let t = col.w0 * top[col.i0] + col.w1 * top[col.i1];
                    let b = col.w0 * bottom[col.i0] + col.w1 * bottom[col.i1];
                    images.push(row.w0 * t + row.w1 * b);
                }
            }
        }
    }
    Dataset {
        images,
        labels: ds.labels.clone(),
        image_shape: [channels, h, w],
        classes: ds.classes,
    }
}

/// Repeats a 1-channel data set to `channels` identical channels (grey -> RGB by copying the
/// plane). A data set that already has `channels` channels is returned unchanged (a copy).
/// Fails for `channels == 0` and for images with more than one channel that differ from
/// `channels`.
pub fn replicate_channels(ds: &Dataset, channels: usize) -> Result<Dataset, DataError> {
    let [have, h, w] = ds.image_shape;
    if have == channels {
        return Ok(ds.clone());
    }
    if channels == 0 {
        return Err(DataError::InvalidArgument(
            "replicate_channels was asked for 0 channels; pass at least 1".to_string(),
        ));
    }
    if have != 1 {
        return Err(DataError::InvalidArgument(format!(
            "cannot replicate {have}-channel images to {channels} channels: only 1-channel \
             (grey) images can be replicated"
        )));
    }
    let plane = h * w;
    let mut images = Vec::with_capacity(ds.len() * channels * plane);
    if plane > 0 {
        for grey in ds.images.chunks_exact(plane).take(ds.len()) {
            for _ in 0..channels {
                images.extend_from_slice(grey);
            }
        }
    }
    Ok(Dataset {
        images,
        labels: ds.labels.clone(),
        image_shape: [channels, h, w],
        classes: ds.classes,
    })
}

/// Resizes (bilinear, see [`resize`]) and/or replicates grey to colour (see
/// [`replicate_channels`]) so that the image shape becomes `target` `[C, H, W]`.
///
/// Returns the new data set and a short description of what was done, e.g.
/// `"resized 28x28 -> 32x32 (bilinear), grey replicated to 3 channels"`, or `""` when the data
/// set already has the target shape. Fails when the channels cannot be matched (only 1 -> C is
/// possible; e.g. colour images cannot feed a 1-channel network) or a target dimension is 0.
pub fn fit_to_shape(ds: &Dataset, target: [usize; 3]) -> Result<(Dataset, String), DataError> {
    let [have_c, have_h, have_w] = ds.image_shape;
    let [c, h, w] = target;
    if c == 0 || h == 0 || w == 0 {
        return Err(DataError::InvalidArgument(format!(
            "cannot fit images to shape {target:?}: every dimension must be at least 1"
        )));
    }
    if have_c != c && have_c != 1 {
        return Err(DataError::InvalidArgument(format!(
            "the data set has {have_c}-channel images of {have_h}x{have_w} but the network \
             expects {c} channel(s) ({c}x{h}x{w}); only grey (1-channel) images can be \
             replicated to more channels, so pick a data set with {c} channel(s) or a network \
             with {have_c} input channels"
        )));
    }
    let mut done = Vec::new();
    // Resize first: on grey input that interpolates one plane instead of C copies.
    let resized;
    let ds = if (have_h, have_w) != (h, w) {
        resized = resize(ds, h, w);
        done.push(format!("resized {have_h}x{have_w} -> {h}x{w} (bilinear)"));
        &resized
    } else {
        ds
    };
    let out = if have_c != c {
        done.push(format!("grey replicated to {c} channels"));
        replicate_channels(ds, c)?
    } else {
        ds.clone()
    };
    Ok((out, done.join(", ")))
}

/// Where one output coordinate reads from along an axis: two input indices and their weights.
struct Tap {
    i0: usize,
    i1: usize,
    w0: f32,
    w1: f32,
}

/// The taps of every output coordinate along an axis of `n_in` -> `n_out` (`n_in >= 1`),
/// computed as PyTorch's `upsample_bilinear2d` does for `align_corners=False`.
fn axis_taps(n_in: usize, n_out: usize) -> Vec<Tap> {
    let scale = n_in as f32 / n_out as f32;
    (0..n_out)
        .map(|dst| {
            let src = ((dst as f32 + 0.5) * scale - 0.5).max(0.0);
            let i0 = (src as usize).min(n_in - 1);
            let i1 = (i0 + 1).min(n_in - 1);
            let w1 = (src - i0 as f32).clamp(0.0, 1.0);
            Tap {
                i0,
                i1,
                w0: 1.0 - w1,
                w1,
            }
        })
        .collect()
}
