//! CIFAR-10 binary version: parsing records, loading the six files, errors, normalisation.

use std::path::{Path, PathBuf};

use netspec_core::data::{self, cifar, DataError, DatasetKind};

/// A fresh, empty directory under the system temp dir, unique per test.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("netspec-cifar-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Pixel `i` (0..1024) of plane `c` of record number `k`: distinct per channel so the plane
/// order shows. Red = (k + i) % 256, green = 255 - red, blue = 10 * k.
fn pixel(k: usize, c: usize, i: usize) -> u8 {
    let red = ((k + i) % 256) as u8;
    match c {
        0 => red,
        1 => 255 - red,
        _ => (10 * k) as u8,
    }
}

/// One 3073-byte record: the label, then the red, green and blue planes.
fn record(k: usize, label: u8) -> Vec<u8> {
    let mut out = vec![label];
    for c in 0..3 {
        out.extend((0..1024).map(|i| pixel(k, c, i)));
    }
    assert_eq!(out.len(), cifar::RECORD_BYTES);
    out
}

/// Records `first..first + n`, record k with label k % 10.
fn records(first: usize, n: usize) -> Vec<u8> {
    (first..first + n)
        .flat_map(|k| record(k, (k % 10) as u8))
        .collect()
}

/// Five training files of 3 records each (records 0..15) and a test file of 2 (records 20, 21).
fn write_all(dir: &Path) {
    for (b, name) in cifar::TRAIN_FILES.iter().enumerate() {
        std::fs::write(dir.join(name), records(3 * b, 3)).unwrap();
    }
    std::fs::write(dir.join("test_batch.bin"), records(20, 2)).unwrap();
}

fn expected_image(k: usize) -> Vec<f32> {
    (0..3)
        .flat_map(|c| (0..1024).map(move |i| f32::from(pixel(k, c, i)) / 255.0))
        .collect()
}

#[test]
fn parse_reads_labels_and_planes_in_rgb_order() {
    let mut bytes = record(0, 3);
    bytes.extend(record(5, 9));
    let ds = cifar::parse(&bytes, Path::new("x.bin")).unwrap();
    assert_eq!(ds.len(), 2);
    assert_eq!(ds.image_shape, [3, 32, 32]);
    assert_eq!(ds.classes, 10);
    assert_eq!(ds.labels, vec![3, 9]);
    // Record 5: red plane starts 5, 6, ...; green 250, 249, ...; blue all 50.
    let img = ds.image(1);
    assert_eq!(img[0], 5.0 / 255.0);
    assert_eq!(img[1], 6.0 / 255.0);
    assert_eq!(img[33], 38.0 / 255.0); // row 1, column 1 of red: i = 33
    assert_eq!(img[1024], 250.0 / 255.0);
    assert_eq!(img[2048], 50.0 / 255.0);
    assert_eq!(img[3071], 50.0 / 255.0);
    // Red pixel i = 250 of record 5 is 255 -> exactly 1.0; i = 251 wraps to 0.
    assert_eq!(img[250], 1.0);
    assert_eq!(img[251], 0.0);
    assert_eq!(img, expected_image(5).as_slice());
    assert_eq!(ds.image(0), expected_image(0).as_slice());
}

#[test]
fn load_concatenates_the_five_training_files_in_order() {
    let dir = temp_dir("load");
    write_all(&dir);
    let split = cifar::load(&dir).unwrap();
    assert_eq!(split.train.len(), 15);
    assert_eq!(split.test.len(), 2);
    assert_eq!(
        split.train.labels,
        vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4]
    );
    assert_eq!(split.test.labels, vec![0, 1]);
    assert_eq!(split.train.image_shape, [3, 32, 32]);
    assert_eq!(split.test.image_shape, [3, 32, 32]);
    // Example 7 is the second record of data_batch_3.bin.
    assert_eq!(split.train.image(7), expected_image(7).as_slice());
    assert_eq!(split.train.image(14), expected_image(14).as_slice());
    assert_eq!(split.test.image(1), expected_image(21).as_slice());
    assert_eq!(split.train.image(7)[2048], 70.0 / 255.0);

    // The same through data::load, and from the directory the archive was extracted in.
    let via_kind = data::load(DatasetKind::Cifar10, &dir).unwrap();
    assert_eq!(via_kind.train.images, split.train.images);
    assert_eq!(via_kind.test.labels, split.test.labels);
    let parent = temp_dir("load-parent");
    let nested = parent.join("cifar-10-batches-bin");
    std::fs::create_dir_all(&nested).unwrap();
    write_all(&nested);
    let from_parent = cifar::load(&parent).unwrap();
    assert_eq!(from_parent.train.images, split.train.images);
}

#[test]
fn truncated_file_reports_its_size_and_the_record_size() {
    let bytes = records(0, 2);
    let cut = &bytes[..2 * 3073 - 5];
    let err = cifar::parse(cut, Path::new("data_batch_1.bin")).unwrap_err();
    assert!(matches!(err, DataError::Malformed { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("data_batch_1.bin"), "{msg}");
    assert!(msg.contains("6141 bytes"), "{msg}");
    assert!(msg.contains("3073-byte records"), "{msg}");
    assert!(msg.contains("1 records and 3068 bytes left over"), "{msg}");
    assert!(msg.contains("truncated"), "{msg}");

    // Through load: the error names the file on disk.
    let dir = temp_dir("truncated");
    write_all(&dir);
    std::fs::write(dir.join("data_batch_4.bin"), cut).unwrap();
    let msg = cifar::load(&dir).unwrap_err().to_string();
    assert!(
        msg.contains("data_batch_4.bin") && msg.contains("6141 bytes"),
        "{msg}"
    );

    let msg = cifar::parse(&[], Path::new("e.bin"))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("e.bin") && msg.contains("empty"), "{msg}");
}

#[test]
fn out_of_range_label_names_the_record() {
    let mut bytes = records(0, 3);
    bytes[2 * 3073] = 10;
    let err = cifar::parse(&bytes, Path::new("test_batch.bin")).unwrap_err();
    assert!(matches!(err, DataError::Malformed { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains("record 2 (byte offset 6146) has label 10"),
        "{msg}"
    );
    assert!(msg.contains("expected 0..=9"), "{msg}");
}

#[test]
fn missing_files_are_listed_together_with_a_download_hint() {
    let dir = temp_dir("missing");
    write_all(&dir);
    std::fs::remove_file(dir.join("test_batch.bin")).unwrap();
    let err = cifar::load(&dir).unwrap_err();
    match &err {
        DataError::NotFound {
            kind, looked_for, ..
        } => {
            assert_eq!(*kind, DatasetKind::Cifar10);
            assert_eq!(looked_for, &vec!["test_batch.bin".to_string()]);
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
    let msg = err.to_string();
    assert!(msg.contains("test_batch.bin"), "{msg}");
    assert!(!msg.contains("data_batch_1.bin"), "{msg}");
    assert!(msg.contains("CIFAR-10 binary version"), "{msg}");
    assert!(msg.contains("cifar-10-binary.tar.gz"), "{msg}");
    assert!(msg.contains("--data"), "{msg}");

    std::fs::remove_file(dir.join("data_batch_2.bin")).unwrap();
    std::fs::remove_file(dir.join("data_batch_5.bin")).unwrap();
    let msg = data::load(DatasetKind::Cifar10, &dir)
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("data_batch_2.bin, data_batch_5.bin, test_batch.bin"),
        "{msg}"
    );

    let msg = cifar::load(&dir.join("nope")).unwrap_err().to_string();
    assert!(
        msg.contains("does not exist")
            && msg.contains("data_batch_1.bin, data_batch_2.bin, data_batch_3.bin")
            && msg.contains("test_batch.bin"),
        "{msg}"
    );
}

#[test]
fn normalize_with_the_published_mean_and_std() {
    // A record whose pixel 0 is 128 red, 0 green, 255 blue.
    let mut bytes = record(0, 1);
    bytes[1] = 128;
    bytes[1 + 1024] = 0;
    bytes[1 + 2048] = 255;
    let mut ds = cifar::parse(&bytes, Path::new("n.bin")).unwrap();
    ds.normalize(&cifar::MEAN, &cifar::STD).unwrap();
    let img = ds.image(0);
    // (128/255 - 0.4914) / 0.2470, (0 - 0.4822) / 0.2435, (1 - 0.4465) / 0.2616.
    let expected = [0.042_756_2_f32, -1.980_287, 2.115_826];
    for (c, want) in expected.into_iter().enumerate() {
        let got = img[c * 1024];
        assert!((got - want).abs() < 1e-5, "channel {c}: {got} vs {want}");
    }
    assert_eq!(cifar::MEAN, [0.4914, 0.4822, 0.4465]);
    assert_eq!(cifar::STD, [0.2470, 0.2435, 0.2616]);
}

#[test]
fn kind_parses_displays_and_has_a_default_dir() {
    for name in ["cifar10", "CIFAR-10", "cifar-10"] {
        assert_eq!(name.parse::<DatasetKind>().unwrap(), DatasetKind::Cifar10);
    }
    assert_eq!(DatasetKind::Cifar10.to_string(), "cifar-10");
    assert!("cifar100".parse::<DatasetKind>().is_err());
    assert_eq!(
        data::default_dir(DatasetKind::Cifar10, Path::new("/r")),
        Path::new("/r/data/cifar-10-batches-bin")
    );
}
