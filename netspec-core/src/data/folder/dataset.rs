//! A user's data set from one root folder ([`open_dataset`]): which folders are the training
//! and test splits, checked against each other before anything is decoded.

use std::path::{Path, PathBuf};

use super::{eval_short_side, layout, ImageFolder, Listing, HOLD_OUT_EVERY};
use crate::data::{DataError, Normalization};

/// How [`open_dataset`] found the two splits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderLayout {
    /// `root/train` and `root/val` (or `root/test`).
    Splits { train: PathBuf, test: PathBuf },
    /// The root itself holds the class folders; every [`HOLD_OUT_EVERY`]th image of each class
    /// is the test split.
    HeldOut { root: PathBuf, every: usize },
}

/// A user's image-folder data set, opened by [`open_dataset`].
#[derive(Clone, Debug)]
pub struct FolderData {
    pub train: ImageFolder,
    pub test: ImageFolder,
    /// What pixels in [0, 1] are normalised with ([`Normalization::imagenet`] for the channels).
    pub normalization: Normalization,
    pub layout: FolderLayout,
}

/// Opens a data set in torchvision's `ImageFolder` layout from one root, for a network taking
/// `input = [channels, r, r]` (channels 1 or 3, square images; anything else is an error naming
/// the shape):
/// - if `root/train` exists, it is the training split and `root/val` the test split
///   (`root/test` where there is no `val/`; neither is an error naming both);
/// - otherwise `root` holds the class folders itself, and image `i` of each class (sorted file
///   order, from 0) is held out for testing when `i % 10 == 9`: images 9, 19, 29, ... of each
///   class, the same ones every time.
///
/// Train and test must have the same class folder names (the error lists the difference).
/// Images are decoded at `keep_short_side = eval_short_side(r)`; train with
/// [`RandomResizedCrops`](super::RandomResizedCrops) at `r`, evaluate on `test.eval_dataset(r)` normalised with
/// `normalization`.
pub fn open_dataset(root: &Path, input: [usize; 3]) -> Result<FolderData, DataError> {
    let [channels, h, w] = input;
    if h != w || h == 0 || !(channels == 1 || channels == 3) {
        return Err(DataError::InvalidArgument(format!(
            "an image folder gives square grey [1, r, r] or colour [3, r, r] images; this \
             network takes {input:?}"
        )));
    }
    let keep = eval_short_side(h);
    let train_dir = root.join("train");
    let (train, test, found) = if train_dir.is_dir() {
        let test_dir = ["val", "test"]
            .into_iter()
            .map(|s| root.join(s))
            .find(|d| d.is_dir())
            .ok_or_else(|| {
                layout(
                    root,
                    "it has train/ but neither val/ nor test/; add one of them with the same \
                     class folders, or put the class folders in the root to hold out every \
                     10th image"
                        .into(),
                )
            })?;
        let (train, test) = (Listing::read(&train_dir)?, Listing::read(&test_dir)?);
        let found = FolderLayout::Splits {
            train: train_dir,
            test: test_dir,
        };
        (train, test, found)
    } else {
        if let Some(split) = ["val", "test"].into_iter().find(|s| root.join(s).is_dir()) {
            return Err(layout(
                root,
                format!("it has {split}/ but no train/; add train/ beside it"),
            ));
        }
        let (train, test) = Listing::read(root)?.hold_out(HOLD_OUT_EVERY);
        let found = FolderLayout::HeldOut {
            root: root.to_path_buf(),
            every: HOLD_OUT_EVERY,
        };
        (train, test, found)
    };
    if train.classes != test.classes {
        let only = |a: &Listing, b: &Listing| {
            let names: Vec<&str> = a
                .classes
                .iter()
                .filter(|c| !b.classes.contains(c))
                .map(String::as_str)
                .collect();
            if names.is_empty() {
                "none".to_string()
            } else {
                names.join(", ")
            }
        };
        return Err(layout(
            root,
            format!(
                "the training and test splits have different class folders: only in {}: {}; \
                 only in {}: {}; both splits need the same classes",
                train.dir.display(),
                only(&train, &test),
                test.dir.display(),
                only(&test, &train)
            ),
        ));
    }
    let normalization = Normalization::imagenet(channels).expect("1 or 3 channels");
    Ok(FolderData {
        train: ImageFolder::decode(train, keep, channels)?,
        test: ImageFolder::decode(test, keep, channels)?,
        normalization,
        layout: found,
    })
}
