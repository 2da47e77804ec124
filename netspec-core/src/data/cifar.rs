//! Reader for the binary version of CIFAR-10 (`cifar-10-binary.tar.gz`).
//!
//! The archive unpacks to `cifar-10-batches-bin/` with `data_batch_1.bin` .. `data_batch_5.bin`
//! (training, 10000 images each) and `test_batch.bin` (10000 test images). Every file is a
//! sequence of 3073-byte records: one label byte (0..=9), then 3072 pixel bytes: the 1024 red
//! values, then the 1024 green, then the 1024 blue, each a 32x32 plane in row-major order. That
//! is already CHW, so a record maps to a `[3, 32, 32]` image without reordering.
//!
//! Pixels are scaled to [0, 1]; loading does not normalise. Callers that want the usual
//! standardisation call `ds.normalize(&cifar::MEAN, &cifar::STD)`.

use std::path::{Path, PathBuf};

use super::{DataError, Dataset, DatasetKind, Split};

/// Bytes per record: 1 label byte + 3 * 32 * 32 pixel bytes.
pub const RECORD_BYTES: usize = 1 + PIXEL_BYTES;

/// Shape of one image: 3 channels (R, G, B) of 32x32.
pub const IMAGE_SHAPE: [usize; 3] = [3, 32, 32];

/// Number of classes (airplane, automobile, bird, cat, deer, dog, frog, horse, ship, truck).
pub const CLASSES: usize = 10;

/// Class names, indexed by label.
pub const CLASS_NAMES: [&str; CLASSES] = [
    "airplane",
    "automobile",
    "bird",
    "cat",
    "deer",
    "dog",
    "frog",
    "horse",
    "ship",
    "truck",
];

/// Per-channel (R, G, B) mean of the CIFAR-10 training set with pixels in [0, 1], the values
/// commonly used for normalisation (e.g. in torchvision-based CIFAR-10 training recipes).
pub const MEAN: [f32; 3] = [0.4914, 0.4822, 0.4465];

/// Per-channel (R, G, B) standard deviation of the CIFAR-10 training set with pixels in [0, 1]
/// (over all pixels of the 50000 training images), to go with [`MEAN`].
pub const STD: [f32; 3] = [0.2470, 0.2435, 0.2616];

/// The training files, in the order they are concatenated.
pub const TRAIN_FILES: [&str; 5] = [
    "data_batch_1.bin",
    "data_batch_2.bin",
    "data_batch_3.bin",
    "data_batch_4.bin",
    "data_batch_5.bin",
];

/// The test file.
pub const TEST_FILE: &str = "test_batch.bin";

/// The directory `cifar-10-binary.tar.gz` unpacks to.
pub const ARCHIVE_DIR: &str = "cifar-10-batches-bin";

/// Where the binary version can be downloaded.
pub const DOWNLOAD_URL: &str = "https://www.cs.toronto.edu/~kriz/cifar.html";

const PIXEL_BYTES: usize = 3 * 32 * 32;

/// Parses the bytes of one CIFAR-10 binary file (any whole, non-zero number of records) into a
/// [`Dataset`] of `[3, 32, 32]` images with pixels in [0, 1]; `origin` is used in messages.
pub fn parse(bytes: &[u8], origin: &Path) -> Result<Dataset, DataError> {
    let mut images = Vec::new();
    let mut labels = Vec::new();
    parse_into(bytes, origin, &mut images, &mut labels)?;
    Ok(Dataset {
        images,
        labels,
        image_shape: IMAGE_SHAPE,
        classes: CLASSES,
    })
}

/// Loads CIFAR-10 from a directory holding `data_batch_1.bin` .. `data_batch_5.bin` and
/// `test_batch.bin`: train = the five training files concatenated in order, test = the test
/// file. `dir` may also be the directory the archive was extracted in, i.e. the parent of
/// `cifar-10-batches-bin/`.
///
/// Files are not required to hold exactly 10000 records each, only a whole number >= 1. When
/// files are missing, the error lists all of them and says where to get the data.
pub fn load(dir: &Path) -> Result<Split, DataError> {
    let dir = resolve_dir(dir);
    let missing: Vec<String> = TRAIN_FILES
        .iter()
        .chain(std::iter::once(&TEST_FILE))
        .filter(|name| !dir.join(name).is_file())
        .map(|name| name.to_string())
        .collect();
    if !missing.is_empty() {
        return Err(DataError::NotFound {
            kind: DatasetKind::Cifar10,
            dir,
            looked_for: missing,
        });
    }
    let paths: Vec<PathBuf> = TRAIN_FILES.iter().map(|name| dir.join(name)).collect();
    Ok(Split {
        train: load_files(&paths)?,
        test: load_files(&[dir.join(TEST_FILE)])?,
    })
}

/// `dir`, or `dir/cifar-10-batches-bin` when `dir` holds none of the files but that
/// subdirectory holds some.
fn resolve_dir(dir: &Path) -> PathBuf {
    let has_any = |d: &Path| {
        TRAIN_FILES
            .iter()
            .chain(std::iter::once(&TEST_FILE))
            .any(|name| d.join(name).is_file())
    };
    let nested = dir.join(ARCHIVE_DIR);
    if !has_any(dir) && has_any(&nested) {
        nested
    } else {
        dir.to_path_buf()
    }
}

/// Reads and concatenates CIFAR-10 binary files.
fn load_files(paths: &[PathBuf]) -> Result<Dataset, DataError> {
    let mut images = Vec::new();
    let mut labels = Vec::new();
    for path in paths {
        let bytes = std::fs::read(path).map_err(|source| DataError::Io {
            path: path.clone(),
            source,
        })?;
        parse_into(&bytes, path, &mut images, &mut labels)?;
    }
    Ok(Dataset {
        images,
        labels,
        image_shape: IMAGE_SHAPE,
        classes: CLASSES,
    })
}

/// Validates `bytes` as whole records and appends their images and labels.
fn parse_into(
    bytes: &[u8],
    origin: &Path,
    images: &mut Vec<f32>,
    labels: &mut Vec<i32>,
) -> Result<(), DataError> {
    if bytes.is_empty() {
        return Err(malformed(
            origin,
            format!(
                "the file is empty; a CIFAR-10 binary file holds records of {RECORD_BYTES} bytes \
                 (1 label byte + 3072 pixel bytes), at least one"
            ),
        ));
    }
    let left_over = bytes.len() % RECORD_BYTES;
    if left_over > 0 {
        return Err(malformed(
            origin,
            format!(
                "{} bytes is not a whole number of {RECORD_BYTES}-byte records ({} records and \
                 {left_over} bytes left over), so the file is truncated or not the CIFAR-10 binary \
                 version",
                bytes.len(),
                bytes.len() / RECORD_BYTES,
            ),
        ));
    }
    let records = bytes.chunks_exact(RECORD_BYTES);
    if let Some((i, record)) = records
        .clone()
        .enumerate()
        .find(|(_, r)| usize::from(r[0]) >= CLASSES)
    {
        return Err(malformed(
            origin,
            format!(
                "record {i} (byte offset {}) has label {}, expected 0..={}; the file is corrupt or \
                 not the CIFAR-10 binary version (CIFAR-100 records are 3074 bytes with two \
                 labels)",
                i * RECORD_BYTES,
                record[0],
                CLASSES - 1
            ),
        ));
    }
    let count = bytes.len() / RECORD_BYTES;
    images.reserve(count * PIXEL_BYTES);
    labels.reserve(count);
    for record in records {
        labels.push(i32::from(record[0]));
        images.extend(record[1..].iter().map(|&p| f32::from(p) / 255.0));
    }
    Ok(())
}

fn malformed(path: &Path, problem: String) -> DataError {
    DataError::Malformed {
        path: path.into(),
        problem: format!("{problem}; re-extract cifar-10-binary.tar.gz"),
    }
}
