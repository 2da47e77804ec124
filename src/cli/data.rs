//! The data set a command line names, loaded and brought to the network's input.

use std::path::{Path, PathBuf};

use netspec_core::data::augment;
use netspec_core::data::folder::{self, FolderLayout, ImageFolder};
use netspec_core::data::{self, cifar, imagenette, transform, Dataset, DatasetKind, Normalization};
use netspec_iree::Error;

use super::Options;

/// Which data set to train on: one netspec knows by name, or a folder of class folders of
/// images (`--dataset folder:PATH`, see [`folder::open_dataset`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataChoice {
    Known(DatasetKind),
    /// The root of an image folder: `PATH/train` and `PATH/val` (or `PATH/test`), or class
    /// folders in `PATH` itself with every 10th image of each class held out for testing.
    Folder(PathBuf),
}

impl std::str::FromStr for DataChoice {
    type Err = netspec_core::data::DataError;

    /// A known kind's name (see [`DatasetKind`]'s `FromStr`) or `folder:PATH`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.strip_prefix("folder:") {
            Some("") => Err(netspec_core::data::DataError::InvalidArgument(
                "`folder:` needs a path: --dataset folder:PATH, PATH holding train/ and val/ \
                 or the class folders themselves"
                    .into(),
            )),
            Some(path) => Ok(DataChoice::Folder(PathBuf::from(path))),
            None => s.parse().map(DataChoice::Known),
        }
    }
}

impl std::fmt::Display for DataChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataChoice::Known(kind) => write!(f, "{kind}"),
            DataChoice::Folder(path) => write!(f, "folder:{}", path.display()),
        }
    }
}

/// `--data DIR`: the data set's own directory, or a data folder holding it as
/// `DIR/<dataset>` (the `data/` that scripts/setup.sh fills). Without it the workspace's
/// `data/<dataset>` when run from this repository, else `./data/<dataset>`.
pub fn data_dir(data: Option<&Path>, kind: DatasetKind) -> PathBuf {
    if let Some(d) = data {
        let inside = d.join(data::dir_name(kind));
        return if inside.is_dir() {
            inside
        } else {
            d.to_path_buf()
        };
    }
    let local = data::default_dir(kind, Path::new("."));
    if local.exists() {
        return local;
    }
    data::default_dir(kind, Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// Training examples: images in memory (augmented by crop and flip when asked, with `fill` as
/// the border colour), or an image folder cropped anew each epoch (Imagenette, `folder:PATH`).
pub enum TrainSet {
    Images { data: Dataset, fill: Vec<f32> },
    Folder(ImageFolder),
}

/// The checkpoint metadata key of the data set a run trained on (`--dataset`'s value), which
/// `examples/predict.rs` loads by default.
pub const DATASET_KEY: &str = "dataset";

pub struct LoadedData {
    /// The data set loaded (the fallback, where the default was absent) and where from.
    pub dataset: DataChoice,
    pub dir: PathBuf,
    pub train: TrainSet,
    pub test: Dataset,
    /// What was loaded from where, and what was done to it.
    pub notes: String,
    /// The per-channel mean and std the pixels (train and test) were normalised with; `None`
    /// where they were left in [0, 1].
    pub normalization: Option<Normalization>,
    /// The name of each class, by label.
    pub class_names: Vec<String>,
}

/// Loads the data set the options name (or the fallback when the default is absent), brought
/// to the network's input shape and normalised as documented for it.
pub fn load_data(o: &Options, input: [usize; 3]) -> Result<LoadedData, Error> {
    let mut kind = match &o.dataset {
        DataChoice::Known(kind) => *kind,
        DataChoice::Folder(root) => return load_folder(root, input, o.train_limit, o.test_limit),
    };
    let mut dir = data_dir(o.data.as_deref(), kind);
    let mut notes = vec![];
    if kind == DatasetKind::Imagenette {
        match o.fallback {
            Some(fallback) if !dir.exists() => {
                notes.push(format!(
                    "{kind} is not available (no {}); training on {fallback} instead",
                    dir.display()
                ));
                kind = fallback;
                dir = data_dir(o.data.as_deref(), fallback);
            }
            _ => return load_imagenette(&dir, input, o.train_limit, o.test_limit),
        }
    }
    let split = match (data::load(kind, &dir), o.fallback) {
        (Ok(split), _) => split,
        (Err(e), Some(fallback)) => {
            notes.push(format!(
                "{kind} is not available ({e}); training on {fallback} instead"
            ));
            kind = fallback;
            dir = data_dir(o.data.as_deref(), fallback);
            data::load(kind, &dir)?
        }
        (Err(e), None) => return Err(e.into()),
    };
    let train = match o.train_limit {
        Some(n) => split.train.take(n),
        None => split.train,
    };
    let (mut train, how) = transform::fit_to_shape(&train, input)?;
    let test = match o.test_limit {
        Some(n) => split.test.take(n),
        None => split.test,
    };
    let (mut test, _) = transform::fit_to_shape(&test, input)?;
    if !how.is_empty() {
        notes.push(format!("{kind} {how}"));
    }
    let mut fill = vec![];
    let mut normalization = None;
    if kind == DatasetKind::Cifar10 {
        let norm = Normalization::new(&cifar::MEAN, &cifar::STD);
        norm.apply(&mut train)?;
        norm.apply(&mut test)?;
        fill = augment::black_after_normalize(&norm.mean, &norm.std);
        normalization = Some(norm);
        notes.push("normalised per channel with CIFAR-10's mean and standard deviation".into());
    }
    notes.insert(
        0,
        format!(
            "{kind}: {} train / {} test examples from {}",
            train.len(),
            test.len(),
            dir.display()
        ),
    );
    Ok(LoadedData {
        dataset: DataChoice::Known(kind),
        dir,
        train: TrainSet::Images { data: train, fill },
        test,
        notes: notes.join("\n  "),
        normalization,
        class_names: kind.class_names(),
    })
}

impl LoadedData {
    /// The test set, or an error where there is none: nothing can be measured or shown on
    /// it, which is not 0% accuracy.
    pub fn test_set(&self) -> Result<&Dataset, Error> {
        if self.test.is_empty() {
            return Err(Error::Usage(format!(
                "no test set: {} holds no test images (--test-limit 0, or too few images to \
                 hold any out)",
                self.dataset
            )));
        }
        Ok(&self.test)
    }
}

/// Imagenette at the network's resolution: training images decoded once and cropped anew each
/// epoch (random-resized crop and flip), validation resized and centre-cropped; both
/// normalised with ImageNet's statistics.
fn load_imagenette(
    dir: &Path,
    input: [usize; 3],
    limit: Option<usize>,
    test_limit: Option<usize>,
) -> Result<LoadedData, Error> {
    let resolution = input[1];
    if input != [3, resolution, resolution] {
        return Err(Error::Usage(format!(
            "Imagenette gives square colour images; this network takes {input:?}"
        )));
    }
    let keep = folder::eval_short_side(resolution);
    let train = imagenette::open(dir, "train", keep)?;
    let mut test = imagenette::open(dir, "val", keep)?.eval_dataset(resolution);
    if let Some(n) = test_limit {
        test = test.take(n);
    }
    let normalization = Normalization::imagenet(3).expect("3 channels");
    normalization.apply(&mut test)?;
    if limit.is_some() {
        return Err(Error::Usage(
            "--train-limit applies to in-memory data sets, not to Imagenette".into(),
        ));
    }
    let notes = format!(
        "imagenette: {} train / {} val images from {} at {resolution}x{resolution}; random-resized crops and flips for training, centre crops for evaluation, ImageNet normalisation",
        train.len(),
        test.len(),
        dir.display()
    );
    Ok(LoadedData {
        dataset: DataChoice::Known(DatasetKind::Imagenette),
        dir: dir.to_path_buf(),
        train: TrainSet::Folder(train),
        test,
        notes,
        normalization: Some(normalization),
        class_names: DatasetKind::Imagenette.class_names(),
    })
}

/// A user's image folder (`--dataset folder:PATH`) at the network's input `[C, r, r]`, C 1
/// (grey) or 3 (RGB): as Imagenette, training images decoded once and cropped anew each epoch,
/// test images resized and centre-cropped, both normalised with ImageNet's statistics (for grey,
/// the luma-weighted ones).
fn load_folder(
    root: &Path,
    input: [usize; 3],
    limit: Option<usize>,
    test_limit: Option<usize>,
) -> Result<LoadedData, Error> {
    if limit.is_some() {
        return Err(Error::Usage(
            "--train-limit applies to in-memory data sets, not to an image folder".into(),
        ));
    }
    let opened = folder::open_dataset(root, input)?;
    let resolution = input[1];
    let mut test = opened.test.eval_dataset(resolution);
    if let Some(n) = test_limit {
        test = test.take(n);
    }
    opened.normalization.apply(&mut test)?;
    let train = opened.train;
    let split = match &opened.layout {
        FolderLayout::Splits { train, test } => {
            format!("{} and {}", train.display(), test.display())
        }
        FolderLayout::HeldOut { root, every } => format!(
            "{} (every {every}th image of each class held out for testing)",
            root.display()
        ),
    };
    let colour = if input[0] == 1 { "grey" } else { "RGB" };
    let classes = train.classes();
    let shown = if classes.len() <= 20 {
        classes.join(", ")
    } else {
        format!(
            "{}, ... {}",
            classes[..20].join(", "),
            classes[classes.len() - 1]
        )
    };
    let class_names = classes.to_vec();
    let notes = format!(
        "image folder: {} train / {} test images from {split} at {resolution}x{resolution} \
         {colour}\n  {} classes: {shown}\n  random-resized crops and flips for training, centre \
         crops for evaluation, normalised with mean {:?} std {:?}",
        train.len(),
        test.len(),
        classes.len(),
        opened.normalization.mean,
        opened.normalization.std
    );
    Ok(LoadedData {
        dataset: DataChoice::Folder(root.to_path_buf()),
        dir: root.to_path_buf(),
        train: TrainSet::Folder(train),
        test,
        notes,
        normalization: Some(opened.normalization),
        class_names,
    })
}
