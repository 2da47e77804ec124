//! Image folders in torchvision's `ImageFolder` convention: `<dir>/<class>/*.{jpg,jpeg,png}`,
//! one folder per class. Imagenette ([`super::imagenette`]) is one use of it; [`open_dataset`]
//! opens a user's data set from one root folder.
//!
//! [`ImageFolder`] decodes every image once, shrinks it so its shorter side is at most
//! `keep_short_side` and keeps it in memory as `u8` CHW planes (3 for RGB, 1 for grey), so
//! later epochs never decode again. From that cache it makes
//! - evaluation views ([`ImageFolder::eval_dataset`]): resize the shorter side to
//!   [`eval_short_side`]`(resolution)` = `resolution * 8/7` (torchvision's 256/224) and centre
//!   crop `resolution x resolution`;
//! - training samples ([`ImageFolder::train_sample`]): torchvision's
//!   `RandomResizedCrop(resolution)` then `RandomHorizontalFlip()`, seeded by
//!   `(seed, epoch, index)`.
//!
//! Resizing is bilinear with antialiasing when shrinking, as PIL (and so torchvision on PIL
//! images) does it. Pixels are scaled to [0, 1] and not normalised: callers that want the usual
//! standardisation call `ds.normalize(&MEAN, &STD)` (or [`Normalization::imagenet`]'s values);
//! [`RandomResizedCrops`] normalises its batches itself.
//!
//! Class index = position of the class folder's name in sorted order (as torchvision's
//! `ImageFolder`); images of a class are taken in sorted file name order. Files ending in
//! `.JPEG`, `.jpg`, `.jpeg` and `.png` (any case) are read (see [`super::image`]), other files
//! and hidden entries are ignored. An empty class folder is an error (it would silently drop a
//! class), and so is an image that cannot be decoded; both errors name the path.
//!
//! Channels: images are decoded to RGB (PIL's `convert("RGB")`); a folder opened with one
//! channel converts each image to grey before anything else, as PIL's `convert("L")` does:
//! `L = (19595 R + 38470 G + 7471 B + 2^15) >> 16`, i.e. `R * 299/1000 + G * 587/1000 +
//! B * 114/1000` rounded to the nearest integer.

use std::fs;
use std::path::{Path, PathBuf};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::image::{self, RgbImage};
use super::resample::{resample, resized_size, shrink, Planes, Window};
use super::{DataError, Dataset, Normalization};

mod dataset;
pub use dataset::{open_dataset, FolderData, FolderLayout};

/// ImageNet's per-channel (R, G, B) mean for pixels in [0, 1], as torchvision uses.
pub const MEAN: [f32; 3] = [0.485, 0.456, 0.406];

/// ImageNet's per-channel (R, G, B) standard deviation for pixels in [0, 1], to go with [`MEAN`].
pub const STD: [f32; 3] = [0.229, 0.224, 0.225];

/// The weights of R, G and B in grey (ITU-R 601 luma, PIL's `convert("L")`), in thousandths.
pub const LUMA_WEIGHTS: [u32; 3] = [299, 587, 114];

/// `RandomResizedCrop`'s range of the crop's area as a fraction of the image's.
pub const CROP_SCALE: (f64, f64) = (0.08, 1.0);

/// `RandomResizedCrop`'s range of the crop's aspect ratio (width / height).
pub const CROP_RATIO: (f64, f64) = (3.0 / 4.0, 4.0 / 3.0);

/// In a root without `train/`, image `i` of each class (sorted file order, counting from 0) is
/// a test image when `i % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1`: images 9, 19, 29, ...
pub const HOLD_OUT_EVERY: usize = 10;

/// Most threads used to decode a split.
const MAX_THREADS: usize = 8;

/// The shorter side evaluation resizes to before the centre crop: `resolution * 8/7` rounded
/// (256 for 224, torchvision's ratio; 73 for 64). Passing it as `keep_short_side` to
/// [`ImageFolder::open`] makes the evaluation view a plain crop of the cached image.
pub fn eval_short_side(resolution: usize) -> usize {
    // Rounds to nearest: 8r/7 has a fractional part k/7, rounded up when k >= 4.
    (resolution.saturating_mul(8).saturating_add(3)) / 7
}

/// The grey value of an RGB pixel, exactly as PIL's `convert("L")` computes it.
pub fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((19595 * u32::from(r) + 38470 * u32::from(g) + 7471 * u32::from(b) + 0x8000) >> 16) as u8
}

impl Normalization {
    /// ImageNet's statistics for images of `channels` channels: [`MEAN`] and [`STD`] for 3
    /// (RGB); for 1 (grey) the luma weights ([`LUMA_WEIGHTS`]) applied to them, mean
    /// `0.299 * 0.485 + 0.587 * 0.456 + 0.114 * 0.406 = 0.4590` and std `0.2256` likewise. (The
    /// std of a weighted sum is at most the weighted sum of the stds, equal when the channels
    /// are perfectly correlated, which they nearly are in photographs.) `None` for other counts.
    pub fn imagenet(channels: usize) -> Option<Normalization> {
        match channels {
            3 => Some(Normalization {
                mean: MEAN.to_vec(),
                std: STD.to_vec(),
            }),
            1 => {
                let weigh = |v: [f32; 3]| {
                    v.iter()
                        .zip(LUMA_WEIGHTS)
                        .map(|(x, w)| x * w as f32 / 1000.0)
                        .sum::<f32>()
                };
                Some(Normalization {
                    mean: vec![weigh(MEAN)],
                    std: vec![weigh(STD)],
                })
            }
            _ => None,
        }
    }
}

/// The decoded images of one split, each decoded once and kept in memory as `u8` CHW planes
/// (3 for RGB, 1 for grey) with its shorter side at most `keep_short_side` (aspect ratio kept;
/// smaller images are kept at their own size). See the module documentation for the layout and
/// ordering.
#[derive(Clone, Debug)]
pub struct ImageFolder {
    dir: PathBuf,
    classes: Vec<String>,
    files: Vec<PathBuf>,
    images: Vec<Planes>,
    labels: Vec<i32>,
    keep_short_side: usize,
    channels: usize,
}

/// The random choices for one training sample: the crop, in pixels of the cached image, and
/// whether the resized crop is mirrored left-right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrainChoice {
    pub top: usize,
    pub left: usize,
    pub height: usize,
    pub width: usize,
    pub flip: bool,
}

/// The image files of a folder of class folders, not yet decoded.
#[derive(Clone, Debug)]
struct Listing {
    dir: PathBuf,
    classes: Vec<String>,
    /// Per class, its image files in sorted order.
    files: Vec<Vec<PathBuf>>,
}

impl Listing {
    /// Lists `dir/<class>/*`; no class folders or an empty one is an error naming it.
    fn read(dir: &Path) -> Result<Listing, DataError> {
        if !dir.is_dir() {
            return Err(layout(dir, "the folder does not exist".into()));
        }
        let class_dirs = subfolders(dir)?;
        if class_dirs.is_empty() {
            return Err(layout(
                dir,
                "it holds no class folders (expected <class>/*.jpg or *.png, one folder per \
                 class)"
                    .into(),
            ));
        }
        let mut files = Vec::with_capacity(class_dirs.len());
        for (_, class_dir) in &class_dirs {
            let found = image_files(class_dir)?;
            if found.is_empty() {
                return Err(layout(
                    class_dir,
                    "no *.JPEG, *.jpg, *.jpeg or *.png images in it (an empty class folder \
                     would drop the class; with a downloaded archive it usually means an \
                     incomplete extraction)"
                        .into(),
                ));
            }
            files.push(found);
        }
        Ok(Listing {
            dir: dir.to_path_buf(),
            classes: class_dirs.into_iter().map(|(name, _)| name).collect(),
            files,
        })
    }

    /// (train, test): image `i` of each class goes to test when `i % every == every - 1`.
    fn hold_out(self, every: usize) -> (Listing, Listing) {
        let mut train = Vec::with_capacity(self.files.len());
        let mut test = Vec::with_capacity(self.files.len());
        for class in self.files {
            let (mut tr, mut te) = (vec![], vec![]);
            for (i, f) in class.into_iter().enumerate() {
                if i % every == every - 1 {
                    te.push(f);
                } else {
                    tr.push(f);
                }
            }
            train.push(std::mem::take(&mut tr));
            test.push(std::mem::take(&mut te));
        }
        (
            Listing {
                dir: self.dir.clone(),
                classes: self.classes.clone(),
                files: train,
            },
            Listing {
                dir: self.dir,
                classes: self.classes,
                files: test,
            },
        )
    }
}

impl ImageFolder {
    /// Reads `root/<split>/<class>/*.{JPEG,jpg,jpeg,png}` as RGB; see [`ImageFolder::open_dir`].
    /// A missing `split/` folder is a [`DataError::Layout`] naming the layout expected.
    pub fn open(root: &Path, split: &str, keep_short_side: usize) -> Result<Self, DataError> {
        check_keep(keep_short_side)?;
        let dir = root.join(split);
        if !dir.is_dir() {
            return Err(layout(
                root,
                format!(
                    "no {split}/ folder; expected {split}/ (one folder per class, e.g. \
                     {split}/<class>/*.JPEG)"
                ),
            ));
        }
        Self::open_dir(&dir, keep_short_side, 3)
    }

    /// Reads `dir/<class>/*.{JPEG,jpg,jpeg,png}` and decodes every image (on up to
    /// [`std::thread::available_parallelism`] threads, at most 8) to `channels` channels (3:
    /// RGB, 1: grey as the module documentation says), shrinking each so its shorter side is
    /// at most `keep_short_side` (e.g. [`eval_short_side`] of the training resolution). Large
    /// JPEGs are first shrunk in the decoder by 1/2, 1/4 or 1/8 when that still leaves at least
    /// `keep_short_side` pixels, which makes full-size photographs much faster to read.
    ///
    /// An image that cannot be decoded is an error naming the file; a missing folder, one
    /// without class folders and an empty class folder are [`DataError::Layout`] naming it.
    pub fn open_dir(
        dir: &Path,
        keep_short_side: usize,
        channels: usize,
    ) -> Result<Self, DataError> {
        check_keep(keep_short_side)?;
        check_channels(channels)?;
        Self::decode(Listing::read(dir)?, keep_short_side, channels)
    }

    fn decode(listing: Listing, keep: usize, channels: usize) -> Result<Self, DataError> {
        let mut labels = Vec::new();
        let mut files = Vec::new();
        for (label, found) in listing.files.into_iter().enumerate() {
            labels.extend(std::iter::repeat_n(label as i32, found.len()));
            files.extend(found);
        }
        let images = decode_all(&listing.dir, &files, keep, channels)?;
        Ok(ImageFolder {
            dir: listing.dir,
            classes: listing.classes,
            files,
            images,
            labels,
            keep_short_side: keep,
            channels,
        })
    }

    /// Number of images.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Class index of every image, in order.
    pub fn labels(&self) -> &[i32] {
        &self.labels
    }

    /// Class folder names in sorted order: `classes()[label]` is the folder of `label`.
    pub fn classes(&self) -> &[String] {
        &self.classes
    }

    /// The image files, in the order of [`labels`](Self::labels).
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// The folder the class folders were read from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The `keep_short_side` the images were decoded with.
    pub fn keep_short_side(&self) -> usize {
        self.keep_short_side
    }

    /// Channels of every image: 3 (RGB) or 1 (grey).
    pub fn channels(&self) -> usize {
        self.channels
    }

    /// `(height, width)` of cached image `index`, or `None` past the end.
    pub fn image_size(&self, index: usize) -> Option<(usize, usize)> {
        self.images.get(index).map(|s| (s.height, s.width))
    }

    /// Evaluation view of every image: shorter side resized to [`eval_short_side`]`(resolution)`
    /// (longer side `floor(short * long / short_side)`, as torchvision's `Resize(int)`), then a
    /// `resolution x resolution` centre crop (offsets `round((size - resolution) / 2)`, ties to
    /// even like Python's `round`), pixels in [0, 1]. Shape `[channels, resolution,
    /// resolution]`; `resolution = 0` gives empty images.
    pub fn eval_dataset(&self, resolution: usize) -> Dataset {
        let len = self.channels * resolution * resolution;
        let mut images = vec![0.0f32; self.len() * len];
        if len > 0 {
            for (image, out) in self.images.iter().zip(images.chunks_exact_mut(len)) {
                eval_view(image, resolution, out);
            }
        }
        Dataset {
            images,
            labels: self.labels.clone(),
            image_shape: [self.channels, resolution, resolution],
            classes: self.classes.len(),
        }
    }

    /// The random choices of [`train_sample`](Self::train_sample) for `(seed, epoch, index)`,
    /// or `None` past the end. The crop follows torchvision's
    /// `RandomResizedCrop.get_params(scale=(0.08, 1), ratio=(3/4, 4/3))`: up to 10 draws of an
    /// area fraction and a log-uniform aspect ratio, keeping the first that fits; otherwise the
    /// centre crop with the ratio clamped into range. Because the cached image is the whole
    /// picture shrunk, the crop covers the same part of the picture as on the original.
    pub fn train_choice(&self, index: usize, seed: u64, epoch: usize) -> Option<TrainChoice> {
        let image = self.images.get(index)?;
        let mut rng = epoch_rng(seed, epoch);
        rng.set_stream(index as u64);
        // Drawn first, so the flip does not depend on how many crop attempts were needed.
        let flip = rng.gen::<bool>();
        let (top, left, height, width) = random_resized_crop(&mut rng, image.height, image.width);
        Some(TrainChoice {
            top,
            left,
            height,
            width,
            flip,
        })
    }

    /// One training sample of image `index`: the crop of [`train_choice`](Self::train_choice)
    /// resized to `resolution x resolution` (antialiased bilinear, reading only pixels inside
    /// the crop as torchvision's crop-then-resize does), mirrored when the choice says so,
    /// written to `out` as `[channels, resolution, resolution]` values in [0, 1].
    /// Deterministic in `(seed, epoch, index)` and independent of which other samples are
    /// drawn.
    ///
    /// Fails, leaving `out` unchanged, when `index` is past the end, `resolution` is 0 or `out`
    /// does not hold exactly `channels * resolution * resolution` values.
    pub fn train_sample(
        &self,
        index: usize,
        resolution: usize,
        seed: u64,
        epoch: usize,
        out: &mut [f32],
    ) -> Result<(), DataError> {
        let len = self.channels * resolution * resolution;
        if resolution == 0 || out.len() != len {
            return Err(DataError::InvalidArgument(format!(
                "train_sample got {} output values for resolution {resolution}; pass a buffer \
                 of {} * resolution * resolution values (resolution >= 1)",
                out.len(),
                self.channels
            )));
        }
        let choice = self.train_choice(index, seed, epoch).ok_or_else(|| {
            DataError::InvalidArgument(format!(
                "train_sample got index {index} but {} holds {} images",
                self.dir.display(),
                self.len()
            ))
        })?;
        let image = &self.images[index];
        let rows = [choice.top, choice.top + choice.height];
        let cols = [choice.left, choice.left + choice.width];
        resample(
            image,
            Window {
                rows,
                cols,
                y: [rows[0] as f64, rows[1] as f64],
                x: [cols[0] as f64, cols[1] as f64],
            },
            resolution,
            resolution,
            choice.flip,
            1.0 / 255.0,
            out,
        );
        Ok(())
    }

    /// [`train_sample`](Self::train_sample) for each of `indices`, one after another in `out`
    /// (NCHW). Fails, possibly after filling part of `out`, on the first bad index or when
    /// `out` does not hold exactly `indices.len()` samples.
    pub fn train_batch(
        &self,
        indices: &[usize],
        resolution: usize,
        seed: u64,
        epoch: usize,
        out: &mut [f32],
    ) -> Result<(), DataError> {
        let len = self.channels * resolution * resolution;
        if resolution == 0 || out.len() != indices.len() * len {
            return Err(DataError::InvalidArgument(format!(
                "train_batch got {} output values for {} samples at resolution {resolution}; \
                 pass indices.len() * {} * resolution * resolution values (resolution >= 1)",
                out.len(),
                indices.len(),
                self.channels
            )));
        }
        for (&index, sample) in indices.iter().zip(out.chunks_exact_mut(len)) {
            self.train_sample(index, resolution, seed, epoch, sample)?;
        }
        Ok(())
    }
}

/// Training batches of random-resized crops and flips at `resolution`, normalised with
/// ImageNet's statistics for the folder's channels ([`Normalization::imagenet`]), as
/// torchvision's recipe does.
pub struct RandomResizedCrops<'a> {
    pub folder: &'a ImageFolder,
    pub resolution: usize,
    pub seed: u64,
}

impl super::batch::BatchSource for RandomResizedCrops<'_> {
    fn len(&self) -> usize {
        self.folder.len()
    }
    fn image_shape(&self) -> [usize; 3] {
        [self.folder.channels, self.resolution, self.resolution]
    }
    fn fill(
        &self,
        indices: &[usize],
        epoch: usize,
        _step: usize,
        images: &mut Vec<f32>,
        labels: &mut Vec<i32>,
    ) -> Result<(), DataError> {
        let channels = self.folder.channels;
        let plane = self.resolution * self.resolution;
        images.clear();
        images.resize(indices.len() * channels * plane, 0.0);
        self.folder
            .train_batch(indices, self.resolution, self.seed, epoch, images)?;
        // open_dir admits 1 or 3 channels only, which `imagenet` covers.
        let norm = Normalization::imagenet(channels).expect("1 or 3 channels");
        for (k, v) in images.iter_mut().enumerate() {
            let c = k / plane % channels;
            *v = (*v - norm.mean[c]) / norm.std[c];
        }
        labels.clear();
        labels.extend(indices.iter().map(|i| self.folder.labels()[*i]));
        Ok(())
    }
}

fn check_keep(keep_short_side: usize) -> Result<(), DataError> {
    if keep_short_side == 0 {
        return Err(DataError::InvalidArgument(
            "ImageFolder::open got keep_short_side = 0; pass the shorter side to keep \
             decoded images at, e.g. eval_short_side(resolution)"
                .to_string(),
        ));
    }
    Ok(())
}

fn check_channels(channels: usize) -> Result<(), DataError> {
    if channels != 1 && channels != 3 {
        return Err(DataError::InvalidArgument(format!(
            "an image folder is read with 1 (grey) or 3 (RGB) channels, not {channels}"
        )));
    }
    Ok(())
}

fn layout(dir: &Path, problem: String) -> DataError {
    DataError::Layout {
        dir: dir.to_path_buf(),
        problem,
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> DataError + '_ {
    move |source| DataError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Non-hidden subfolders of `dir` as (name, path), sorted by name.
fn subfolders(dir: &Path) -> Result<Vec<(String, PathBuf)>, DataError> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_error(dir))? {
        let entry = entry.map_err(io_error(dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        // is_dir follows symlinks, so linked class folders count too.
        if !name.starts_with('.') && path.is_dir() {
            found.push((name, path));
        }
    }
    found.sort();
    Ok(found)
}

/// Non-hidden files of `dir` that [`image::is_image_name`] accepts, sorted by name.
fn image_files(dir: &Path) -> Result<Vec<PathBuf>, DataError> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_error(dir))? {
        let entry = entry.map_err(io_error(dir))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if image::is_image_name(&name) && !name.starts_with('.') && path.is_file() {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// Decodes `files` in order, on several threads; the error reported is that of the first
/// failing file.
fn decode_all(
    dir: &Path,
    files: &[PathBuf],
    keep: usize,
    channels: usize,
) -> Result<Vec<Planes>, DataError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, MAX_THREADS);
    let chunk = files.len().div_ceil(threads).max(1);
    let parts: Vec<Result<Vec<Planes>, DataError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|p| decode_file(p, keep, channels))
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle.join().unwrap_or_else(|_| {
                    Err(DataError::InvalidArgument(format!(
                        "decoding the images in {} failed unexpectedly",
                        dir.display()
                    )))
                })
            })
            .collect()
    });
    let mut images = Vec::with_capacity(files.len());
    for part in parts {
        images.extend(part?);
    }
    Ok(images)
}

/// Reads and decodes one JPEG or PNG to `channels` planes, shrunk so its shorter side is at
/// most `keep`.
fn decode_file(path: &Path, keep: usize, channels: usize) -> Result<Planes, DataError> {
    let bytes = fs::read(path).map_err(io_error(path))?;
    let rgb = image::decode(&bytes, path, keep)?;
    let planes = if channels == 1 {
        grey(&rgb)
    } else {
        Planes {
            pixels: rgb.pixels,
            channels: 3,
            height: rgb.height,
            width: rgb.width,
        }
    };
    Ok(shrink(planes, keep))
}

/// PIL's `convert("L")` of an RGB image ([`luma`] per pixel).
fn grey(rgb: &RgbImage) -> Planes {
    let plane = rgb.height * rgb.width;
    let (r, rest) = rgb.pixels.split_at(plane);
    let (g, b) = rest.split_at(plane);
    Planes {
        pixels: r
            .iter()
            .zip(g)
            .zip(b)
            .map(|((&r, &g), &b)| luma(r, g, b))
            .collect(),
        channels: 1,
        height: rgb.height,
        width: rgb.width,
    }
}

/// `n / 2` rounded half to even, as Python's `round(n / 2)` in torchvision's `CenterCrop`.
fn half_round_even(n: usize) -> usize {
    let half = n / 2;
    if n % 2 == 1 && half % 2 == 1 {
        half + 1
    } else {
        half
    }
}

/// Writes the evaluation view of `image` (see [`ImageFolder::eval_dataset`]) to `out`.
fn eval_view(image: &Planes, resolution: usize, out: &mut [f32]) {
    let (h, w) = (image.height, image.width);
    let (rh, rw) = resized_size(h, w, eval_short_side(resolution));
    // rh, rw >= resolution because the short side is resolution * 8/7 rounded.
    let top = half_round_even(rh.saturating_sub(resolution)) as f64;
    let left = half_round_even(rw.saturating_sub(resolution)) as f64;
    let (sy, sx) = (h as f64 / rh as f64, w as f64 / rw as f64);
    let r = resolution as f64;
    // Resize-then-crop as one resampling of the crop's box in the cached image's coordinates;
    // the filter may read past the box, as resizing the whole image first would.
    let window = Window {
        y: [top * sy, (top + r) * sy],
        x: [left * sx, (left + r) * sx],
        ..Window::whole(h, w)
    };
    resample(
        image,
        window,
        resolution,
        resolution,
        false,
        1.0 / 255.0,
        out,
    );
}

/// torchvision's `RandomResizedCrop.get_params` on an `h x w` image: `(top, left, height,
/// width)`.
fn random_resized_crop(rng: &mut ChaCha8Rng, h: usize, w: usize) -> (usize, usize, usize, usize) {
    let area = (h * w) as f64;
    let log_ratio = (CROP_RATIO.0.ln(), CROP_RATIO.1.ln());
    for _ in 0..10 {
        let target = area * rng.gen_range(CROP_SCALE.0..CROP_SCALE.1);
        let ratio = rng.gen_range(log_ratio.0..log_ratio.1).exp();
        // Python's round: ties to even.
        let cw = (target * ratio).sqrt().round_ties_even() as usize;
        let ch = (target / ratio).sqrt().round_ties_even() as usize;
        if 0 < cw && cw <= w && 0 < ch && ch <= h {
            let top = rng.gen_range(0..=h - ch);
            let left = rng.gen_range(0..=w - cw);
            return (top, left, ch, cw);
        }
    }
    // Fallback: the centre crop, with the aspect ratio clamped into CROP_RATIO.
    let in_ratio = w as f64 / h as f64;
    let (ch, cw) = if in_ratio < CROP_RATIO.0 {
        ((w as f64 / CROP_RATIO.0).round_ties_even() as usize, w)
    } else if in_ratio > CROP_RATIO.1 {
        (h, (h as f64 * CROP_RATIO.1).round_ties_even() as usize)
    } else {
        (h, w)
    };
    let (ch, cw) = (ch.clamp(1, h), cw.clamp(1, w));
    ((h - ch) / 2, (w - cw) / 2, ch, cw)
}

/// The generator for `(seed, epoch)`; images select their stream by index.
fn epoch_rng(seed: u64, epoch: usize) -> ChaCha8Rng {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..16].copy_from_slice(&(epoch as u64).to_le_bytes());
    // Domain separation from other uses of the same seed (shuffling, augment.rs).
    key[16..].copy_from_slice(b"imagenette-rrc-1");
    ChaCha8Rng::from_seed(key)
}
