//! A user's image folder (torchvision's ImageFolder layout) of tiny PNGs written here: both
//! layouts of `folder::open_dataset`, class names and labels, which files the every-10th
//! hold-out sends to the test split, grey (PIL's `convert("L")`) values and normalisation, and
//! the errors for an empty class folder, mismatched class sets, a missing test split and a
//! network shape an image folder cannot give.

use std::fs;
use std::path::Path;

use netspec_core::data::batch::BatchSource;
use netspec_core::data::folder::{self, FolderLayout, RandomResizedCrops};
use netspec_core::data::{DataError, Normalization};

mod common;
use common::TempDir;

/// Writes a solid `w x h` 8-bit RGB PNG.
fn png(path: &Path, w: u32, h: u32, rgb: [u8; 3]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let file = fs::File::create(path).unwrap();
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let data: Vec<u8> = (0..w * h).flat_map(|_| rgb).collect();
    encoder
        .write_header()
        .unwrap()
        .write_image_data(&data)
        .unwrap();
}

/// `n` images `00.png`, `01.png`, ... in `dir`, 6x4 pixels of `rgb`.
fn class(dir: &Path, n: usize, rgb: [u8; 3]) {
    for i in 0..n {
        png(&dir.join(format!("{i:02}.png")), 6, 4, rgb);
    }
}

fn err(r: Result<folder::FolderData, DataError>) -> String {
    r.map(|_| ()).unwrap_err().to_string()
}

#[test]
fn a_root_of_class_folders_holds_out_every_tenth_image() {
    let dir = TempDir::new("held-out");
    let root = &dir.0;
    // Created out of order; "dog" has too few images for a held-out one.
    class(&root.join("dog"), 3, [0, 0, 255]);
    class(&root.join("cat"), 20, [255, 0, 0]);
    fs::write(root.join("cat").join("notes.txt"), "not an image").unwrap();
    let data = folder::open_dataset(root, [3, 8, 8]).unwrap();
    assert_eq!(
        data.layout,
        FolderLayout::HeldOut {
            root: root.clone(),
            every: 10
        }
    );
    assert_eq!(data.train.classes(), ["cat", "dog"]);
    assert_eq!(data.test.classes(), ["cat", "dog"]);
    // Images 9 and 19 of cat (sorted file order) are the test split.
    assert_eq!(
        data.test.files(),
        [root.join("cat/09.png"), root.join("cat/19.png")]
    );
    assert_eq!(data.test.labels(), [0, 0]);
    assert_eq!(data.train.len(), 18 + 3);
    let mut labels = vec![0; 18];
    labels.extend([1, 1, 1]);
    assert_eq!(data.train.labels(), labels);
    assert_eq!(data.train.files()[8], root.join("cat/08.png"));
    assert_eq!(data.train.files()[9], root.join("cat/10.png"));
    assert_eq!(data.train.files()[18], root.join("dog/00.png"));
    // The same split every time.
    let again = folder::open_dataset(root, [3, 8, 8]).unwrap();
    assert_eq!(again.test.files(), data.test.files());
    // Colour views: [3, 8, 8], red stays red, ImageNet's statistics.
    let test = data.test.eval_dataset(8);
    assert_eq!(test.image_shape, [3, 8, 8]);
    assert_eq!(test.classes, 2);
    assert!(test.image(0)[..64].iter().all(|v| (v - 1.0).abs() < 1e-5));
    assert!(test.image(0)[64..].iter().all(|v| v.abs() < 1e-5));
    assert_eq!(
        data.normalization,
        Normalization::new(&[0.485, 0.456, 0.406], &[0.229, 0.224, 0.225])
    );
}

#[test]
fn train_and_val_or_test_folders_are_the_splits() {
    let dir = TempDir::new("splits");
    let root = &dir.0;
    class(&root.join("train/b"), 2, [0, 255, 0]);
    class(&root.join("train/a"), 3, [255, 0, 0]);
    class(&root.join("test/a"), 1, [255, 0, 0]);
    class(&root.join("test/b"), 2, [0, 255, 0]);
    let data = folder::open_dataset(root, [3, 4, 4]).unwrap();
    assert_eq!(
        data.layout,
        FolderLayout::Splits {
            train: root.join("train"),
            test: root.join("test")
        }
    );
    assert_eq!(data.train.classes(), ["a", "b"]);
    assert_eq!(data.train.labels(), [0, 0, 0, 1, 1]);
    assert_eq!(data.test.labels(), [0, 1, 1]);
    // val/ wins over test/ when both are there.
    class(&root.join("val/a"), 4, [255, 0, 0]);
    class(&root.join("val/b"), 1, [0, 255, 0]);
    let data = folder::open_dataset(root, [3, 4, 4]).unwrap();
    assert_eq!(data.test.dir(), root.join("val"));
    assert_eq!(data.test.labels(), [0, 0, 0, 0, 1]);
}

#[test]
fn grey_networks_get_pil_luma_and_luma_weighted_statistics() {
    assert_eq!(folder::luma(200, 100, 50), 124);
    assert_eq!(folder::luma(255, 0, 0), 76);
    assert_eq!(folder::luma(0, 255, 0), 150);
    assert_eq!(folder::luma(0, 0, 255), 29);
    assert_eq!(folder::luma(255, 255, 255), 255);

    let dir = TempDir::new("grey");
    let root = &dir.0;
    png(&root.join("train/x/0.png"), 5, 5, [200, 100, 50]);
    png(&root.join("val/x/0.png"), 7, 5, [0, 255, 0]);
    let data = folder::open_dataset(root, [1, 4, 4]).unwrap();
    assert_eq!(data.train.channels(), 1);
    let train = data.train.eval_dataset(4);
    assert_eq!(train.image_shape, [1, 4, 4]);
    assert_eq!(train.images.len(), 16);
    for v in &train.images {
        assert!((v * 255.0 - 124.0).abs() < 1e-3, "{}", v * 255.0);
    }
    let test = data.test.eval_dataset(4);
    assert!(test.images.iter().all(|v| (v * 255.0 - 150.0).abs() < 1e-3));
    // 0.299 * 0.485 + 0.587 * 0.456 + 0.114 * 0.406, and the same weights on the stds.
    let Normalization { mean, std } = &data.normalization;
    assert_eq!(mean.len(), 1);
    assert!((mean[0] - 0.458_971).abs() < 1e-6, "{mean:?}");
    assert!((std[0] - 0.225_609).abs() < 1e-6, "{std:?}");
    // Training samples are grey too, normalised with those statistics.
    let crops = RandomResizedCrops {
        folder: &data.train,
        resolution: 4,
        seed: 3,
    };
    assert_eq!(crops.image_shape(), [1, 4, 4]);
    let (mut images, mut labels) = (vec![], vec![]);
    crops.fill(&[0], 1, 0, &mut images, &mut labels).unwrap();
    assert_eq!(images.len(), 16);
    assert_eq!(labels, [0]);
    let want = (124.0 / 255.0 - mean[0]) / std[0];
    for v in &images {
        assert!((v - want).abs() < 1e-4, "{v} vs {want}");
    }
}

#[test]
fn an_empty_class_folder_is_refused_naming_it() {
    let dir = TempDir::new("empty");
    let root = &dir.0;
    class(&root.join("a"), 2, [1, 2, 3]);
    fs::create_dir_all(root.join("b")).unwrap();
    fs::write(root.join("b/readme.txt"), "no images").unwrap();
    let msg = err(folder::open_dataset(root, [3, 8, 8]));
    assert!(msg.contains(&root.join("b").display().to_string()), "{msg}");
    assert!(msg.contains("empty class folder"), "{msg}");
}

#[test]
fn splits_with_different_classes_are_refused_listing_the_difference() {
    let dir = TempDir::new("mismatch");
    let root = &dir.0;
    for c in ["a", "b", "d"] {
        class(&root.join("train").join(c), 1, [9, 9, 9]);
    }
    for c in ["a", "c"] {
        class(&root.join("val").join(c), 1, [9, 9, 9]);
    }
    let msg = err(folder::open_dataset(root, [3, 8, 8]));
    let train = root.join("train").display().to_string();
    let val = root.join("val").display().to_string();
    assert!(msg.contains(&format!("only in {train}: b, d")), "{msg}");
    assert!(msg.contains(&format!("only in {val}: c")), "{msg}");
}

#[test]
fn a_missing_test_split_and_unusable_shapes_are_refused() {
    let dir = TempDir::new("no-test");
    let root = &dir.0;
    class(&root.join("train/a"), 1, [9, 9, 9]);
    let msg = err(folder::open_dataset(root, [3, 8, 8]));
    assert!(
        msg.contains("neither val/ nor test/") && msg.contains(&root.display().to_string()),
        "{msg}"
    );
    for shape in [[3, 8, 9], [2, 8, 8], [4, 8, 8]] {
        let msg = err(folder::open_dataset(root, shape));
        assert!(msg.contains(&format!("{shape:?}")), "{msg}");
    }
    // val/ without train/ is not taken for a class.
    let dir = TempDir::new("val-only");
    class(&dir.0.join("val/a"), 1, [9, 9, 9]);
    let msg = err(folder::open_dataset(&dir.0, [1, 8, 8]));
    assert!(msg.contains("val/ but no train/"), "{msg}");
}
