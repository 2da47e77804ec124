//! Imagenette, a 10-class subset of ImageNet, read from its published folder layout:
//! `<root>/train/<class>/*.JPEG` and `<root>/val/<class>/*.JPEG`, one folder per class named by
//! WordNet id. It comes at full size and in 320 px and 160 px variants (shorter side);
//! `imagenette2-160.tgz` unpacks to `imagenette2-160/`.
//!
//! The reading, caching, evaluation views and random-resized crops are those of any image
//! folder ([`super::folder`]); this module holds what is Imagenette's: its classes, where to
//! download it, its default resolution and [`load`] / [`open`], whose errors for missing
//! folders say how to get the archive. Normalise with ImageNet's [`super::folder::MEAN`]
//! and [`super::folder::STD`].

use std::path::Path;

use super::folder::{eval_short_side, ImageFolder};
use super::{DataError, DatasetKind, Split};

/// Imagenette's class folders (WordNet ids) in sorted order, i.e. indexed by label: tench,
/// English springer, cassette player, chain saw, church, French horn, garbage truck, gas pump,
/// golf ball, parachute.
/// What each of [`CLASSES`] shows, by label.
pub const CLASS_NAMES: [&str; 10] = [
    "tench",
    "English springer",
    "cassette player",
    "chain saw",
    "church",
    "French horn",
    "garbage truck",
    "gas pump",
    "golf ball",
    "parachute",
];

pub const CLASSES: [&str; 10] = [
    "n01440764",
    "n02102040",
    "n02979186",
    "n03000684",
    "n03028079",
    "n03394916",
    "n03417042",
    "n03425413",
    "n03445777",
    "n03888605",
];

/// Where the 160 px variant can be downloaded.
pub const DOWNLOAD_URL: &str = "https://s3.amazonaws.com/fast-ai-imageclas/imagenette2-160.tgz";

/// The directory `imagenette2-160.tgz` unpacks to.
pub const ARCHIVE_DIR: &str = "imagenette2-160";

/// The resolution [`super::load`] uses for `DatasetKind::Imagenette`: 64x64 keeps a CPU
/// training run affordable (ImageNet recipes use 224; pass another resolution to [`load`]).
pub const DEFAULT_RESOLUTION: usize = 64;

/// Opens `root/<split>` (`train` or `val`) as an RGB [`ImageFolder`] decoded at
/// `keep_short_side`; a missing split folder is [`DataError::NotFound`] naming Imagenette's
/// layout and where to download it.
pub fn open(root: &Path, split: &str, keep_short_side: usize) -> Result<ImageFolder, DataError> {
    if !root.join(split).is_dir() {
        return Err(not_found(root, vec![layout_of(split)]));
    }
    ImageFolder::open(root, split, keep_short_side)
}

/// Loads `dir/train` and `dir/val` as fixed data sets at `resolution x resolution`: both are
/// evaluation views ([`ImageFolder::eval_dataset`], resize and centre crop), for callers that
/// work with plain [`Dataset`]s. Training with random-resized crops and flips goes through
/// [`open`] and [`ImageFolder::train_sample`] instead.
///
/// Images are decoded at `keep_short_side = eval_short_side(resolution)`, so the views are
/// plain crops of the cached images. `val/` must have the same class folders as `train/`.
pub fn load(dir: &Path, resolution: usize) -> Result<Split, DataError> {
    if resolution == 0 {
        return Err(DataError::InvalidArgument(
            "imagenette::load got resolution 0; pass the image size to train at, e.g. 64"
                .to_string(),
        ));
    }
    let missing: Vec<String> = ["train", "val"]
        .into_iter()
        .filter(|split| !dir.join(split).is_dir())
        .map(layout_of)
        .collect();
    if !missing.is_empty() {
        return Err(not_found(dir, missing));
    }
    let keep = eval_short_side(resolution);
    // One split at a time, so only one cache is in memory next to the views.
    let (train, classes) = {
        let folder = open(dir, "train", keep)?;
        (folder.eval_dataset(resolution), folder.classes().to_vec())
    };
    let val = open(dir, "val", keep)?;
    if val.classes() != classes {
        return Err(DataError::Malformed {
            path: val.dir().to_path_buf(),
            problem: format!(
                "its class folders ({}) differ from train/'s ({}); both splits need the same \
                 classes, re-extract the archive",
                val.classes().join(", "),
                classes.join(", ")
            ),
        });
    }
    Ok(Split {
        train,
        test: val.eval_dataset(resolution),
    })
}

/// What a missing split folder should look like.
fn layout_of(split: &str) -> String {
    format!(
        "{split}/ (one folder per class, e.g. {split}/{}/*.JPEG)",
        CLASSES[0]
    )
}

fn not_found(dir: &Path, looked_for: Vec<String>) -> DataError {
    DataError::NotFound {
        kind: DatasetKind::Imagenette,
        dir: dir.to_path_buf(),
        looked_for,
    }
}
