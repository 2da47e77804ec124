//! Imagenette folders of real JPEG files, written here with an encoder: layout walking, class
//! indices, decoding (RGB, greyscale, CMYK), the evaluation view's resize and centre crop, the
//! seeded random-resized-crop and flip, and the errors for missing or broken data.

use std::fs;
use std::path::Path;

use jpeg_encoder::{ColorType, Encoder, SamplingFactor};
use netspec_core::data::folder::{self, ImageFolder};
use netspec_core::data::imagenette;
use netspec_core::data::{self, DatasetKind};

mod common;
use common::TempDir;

/// Writes a `w x h` JPEG at quality 100 without chroma subsampling. `pixels` is interleaved:
/// 1 byte per pixel for Luma, 3 for Rgb, 4 for Cmyk.
fn write_jpeg(path: &Path, w: usize, h: usize, pixels: &[u8], color: ColorType) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut encoder = Encoder::new_file(path, 100).unwrap();
    encoder.set_sampling_factor(SamplingFactor::R_4_4_4);
    encoder.encode(pixels, w as u16, h as u16, color).unwrap();
}

fn solid_rgb(path: &Path, w: usize, h: usize, rgb: [u8; 3]) {
    let pixels: Vec<u8> = (0..w * h).flat_map(|_| rgb).collect();
    write_jpeg(path, w, h, &pixels, ColorType::Rgb);
}

/// A greyscale JPEG with value `f(x, y)`.
fn grey(path: &Path, w: usize, h: usize, f: impl Fn(usize, usize) -> u8) {
    let pixels: Vec<u8> = (0..h)
        .flat_map(|y| (0..w).map(move |x| (y, x)))
        .map(|(y, x)| f(x, y))
        .collect();
    write_jpeg(path, w, h, &pixels, ColorType::Luma);
}

const RED: [u8; 3] = [255, 0, 0];
const BLUE: [u8; 3] = [0, 0, 255];

/// The small tree: class folders created out of sorted order, class `n01000000` (label 0)
/// red, `n02000000` (label 1) blue; 3 training and 2 validation images per class, 40x30 and
/// 30x50 (width x height). Stray files and hidden folders are there to be ignored.
fn small_tree(root: &Path) {
    for (class, colour) in [("n02000000", BLUE), ("n01000000", RED)] {
        let train = root.join("train").join(class);
        solid_rgb(&train.join("a.JPEG"), 40, 30, colour);
        solid_rgb(&train.join("b.jpg"), 30, 50, colour);
        solid_rgb(&train.join("c.jpeg"), 40, 30, colour);
        fs::write(train.join("notes.txt"), "not an image").unwrap();
        let val = root.join("val").join(class);
        solid_rgb(&val.join("a.JPEG"), 30, 50, colour);
        solid_rgb(&val.join("b.JPEG"), 40, 30, colour);
    }
    fs::create_dir_all(root.join("train").join(".cache")).unwrap();
    fs::write(root.join("train").join("README"), "stray file").unwrap();
}

/// Pixel `(c, y, x)` of a `[3, n, n]` image.
fn at(image: &[f32], n: usize, c: usize, y: usize, x: usize) -> f32 {
    image[(c * n + y) * n + x]
}

#[test]
fn classes_are_sorted_folder_names_and_counts_match() {
    let dir = TempDir::new("classes");
    small_tree(&dir.0);
    let train = ImageFolder::open(&dir.0, "train", 64).unwrap();
    assert_eq!(train.classes(), ["n01000000", "n02000000"]);
    assert_eq!(train.len(), 6);
    assert_eq!(train.labels(), [0, 0, 0, 1, 1, 1]);
    assert_eq!(train.dir(), dir.0.join("train"));
    // Images of a class in sorted file name order: a.JPEG (40x30), b.jpg (30x50), c.jpeg.
    assert_eq!(train.image_size(0), Some((30, 40)));
    assert_eq!(train.image_size(1), Some((50, 30)));
    assert_eq!(train.image_size(2), Some((30, 40)));
    assert_eq!(train.image_size(6), None);
    let val = ImageFolder::open(&dir.0, "val", 64).unwrap();
    assert_eq!(val.len(), 4);
    assert_eq!(val.labels(), [0, 0, 1, 1]);
}

#[test]
fn cached_images_are_shrunk_to_keep_short_side() {
    let dir = TempDir::new("shrink");
    small_tree(&dir.0);
    let train = ImageFolder::open(&dir.0, "train", 20).unwrap();
    assert_eq!(train.keep_short_side(), 20);
    // Shorter side 20, longer floor(20 * long / short): 40x30 -> 26x20, 30x50 -> 20x33.
    assert_eq!(train.image_size(0), Some((20, 26)));
    assert_eq!(train.image_size(1), Some((33, 20)));
    // Shrinking keeps the colour.
    let ds = train.eval_dataset(8);
    for (i, image) in ds.images.chunks_exact(3 * 64).enumerate() {
        let want = if ds.labels[i] == 0 {
            [1.0, 0.0, 0.0]
        } else {
            [0.0, 0.0, 1.0]
        };
        for (j, v) in image.iter().enumerate() {
            assert!((v - want[j / 64]).abs() < 0.05, "image {i} value {j}: {v}");
        }
    }
}

#[test]
fn eval_dataset_keeps_solid_colours() {
    let dir = TempDir::new("eval");
    small_tree(&dir.0);
    let val = ImageFolder::open(&dir.0, "val", 64).unwrap();
    let ds = val.eval_dataset(16);
    assert_eq!(ds.image_shape, [3, 16, 16]);
    assert_eq!(ds.len(), 4);
    assert_eq!(ds.classes, 2);
    assert_eq!(ds.images.len(), 4 * 3 * 16 * 16);
    assert_eq!(ds.labels, [0, 0, 1, 1]);
    for i in 0..4 {
        let want = if i < 2 {
            [1.0, 0.0, 0.0]
        } else {
            [0.0, 0.0, 1.0]
        };
        let image = ds.image(i);
        for (c, want) in want.into_iter().enumerate() {
            for y in 0..16 {
                for x in 0..16 {
                    let v = at(image, 16, c, y, x);
                    assert!((v - want).abs() < 0.05, "image {i} ({c},{y},{x}) = {v}");
                }
            }
        }
    }
    assert!(val.eval_dataset(0).images.is_empty());
}

/// A folder with one class of gradient images (greyscale, 4 grey levels per pixel).
fn gradient_tree(root: &Path) {
    let class = root.join("train").join("a");
    // 63 wide, 32 high, brighter to the right.
    grey(&class.join("0.JPEG"), 63, 32, |x, _| (4 * x) as u8);
    // 32 wide, 63 high, brighter downwards.
    grey(&class.join("1.JPEG"), 32, 63, |_, y| (4 * y) as u8);
    // 126 wide, 64 high, 2 levels per pixel to the right.
    grey(&class.join("2.JPEG"), 126, 64, |x, _| (2 * x) as u8);
}

/// Mean of `f(value * 255, y, x)` over channel 0 of an `n x n` image.
fn mean_over(image: &[f32], n: usize, f: impl Fn(f32, usize, usize) -> f32) -> f32 {
    let mut sum = 0.0;
    for y in 0..n {
        for x in 0..n {
            sum += f(at(image, n, 0, y, x) * 255.0, y, x);
        }
    }
    sum / (n * n) as f32
}

#[test]
fn eval_view_is_resize_then_centre_crop() {
    let dir = TempDir::new("crop");
    gradient_tree(&dir.0);
    let folder = ImageFolder::open(&dir.0, "train", 256).unwrap();
    assert_eq!(folder::eval_short_side(28), 32);
    assert_eq!(folder::eval_short_side(64), 73);
    assert_eq!(folder::eval_short_side(224), 256);
    let ds = folder.eval_dataset(28);
    // Image 0 is already 32 high: no resize, crop offsets top (32-28)/2 = 2 and left
    // round(35/2) = 18 (ties to even). Column x shows source column x + 18: 4 (x + 18).
    let offset = mean_over(ds.image(0), 28, |v, _, x| v / 4.0 - x as f32);
    assert!((offset - 18.0).abs() < 0.2, "left offset {offset}");
    // Image 1, transposed: top round(35/2) = 18.
    let offset = mean_over(ds.image(1), 28, |v, y, _| v / 4.0 - y as f32);
    assert!((offset - 18.0).abs() < 0.2, "top offset {offset}");
    // Greyscale JPEGs give three equal channels.
    let image = ds.image(0);
    let plane = 28 * 28;
    assert_eq!(image[..plane], image[plane..2 * plane]);
    assert_eq!(image[..plane], image[2 * plane..]);
    // Image 2 (126x64) is halved to 63x32 and cropped at left 18: output column x is centred
    // on source column 2 (x + 18) + 0.5, where the value is 2 (2x + 36.5) = 4x + 73.
    let worst = mean_over(ds.image(2), 28, |v, _, x| (v - (4 * x) as f32 - 73.0).abs());
    assert!(worst < 1.5, "mean error {worst}");
}

#[test]
fn train_samples_are_seeded_by_seed_epoch_and_index() {
    let dir = TempDir::new("train");
    gradient_tree(&dir.0);
    let folder = ImageFolder::open(&dir.0, "train", 64).unwrap();
    let n = 16;
    let sample = |index, seed, epoch| {
        let mut out = vec![0.0f32; 3 * n * n];
        folder
            .train_sample(index, n, seed, epoch, &mut out)
            .unwrap();
        out
    };
    for index in 0..3 {
        assert_eq!(sample(index, 7, 1), sample(index, 7, 1));
        assert!(sample(index, 7, 1)
            .iter()
            .all(|v| (-0.01..=1.01).contains(v)));
    }
    // Another epoch or seed gives another crop (for some of 3 images x 3 draws at least).
    let base: Vec<_> = (0..3).map(|i| sample(i, 7, 1)).collect();
    let differ = |f: &dyn Fn(usize) -> Vec<f32>| (0..3).filter(|&i| f(i) != base[i]).count();
    assert!(differ(&|i| sample(i, 7, 2)) >= 2);
    assert!(differ(&|i| sample(i, 8, 1)) >= 2);
    assert_eq!(
        folder.train_choice(1, 7, 1),
        folder.train_choice(1, 7, 1),
        "choices are deterministic"
    );
    // A batch is the samples one after another.
    let mut batch = vec![0.0f32; 2 * 3 * n * n];
    folder.train_batch(&[2, 0], n, 7, 1, &mut batch).unwrap();
    assert_eq!(batch[..3 * n * n], sample(2, 7, 1)[..]);
    assert_eq!(batch[3 * n * n..], sample(0, 7, 1)[..]);
}

#[test]
fn random_resized_crops_follow_torchvision_ranges() {
    let dir = TempDir::new("rrc");
    gradient_tree(&dir.0);
    let folder = ImageFolder::open(&dir.0, "train", 64).unwrap();
    // Image 2's shorter side is already 64, so it is cached as it is.
    assert_eq!(folder.image_size(2), Some((64, 126)));
    let (h, w) = (64, 126);
    let mut flips = 0;
    let draws = 2000;
    let mut areas = (f64::MAX, 0.0f64);
    for epoch in 0..draws {
        let c = folder.train_choice(2, 3, epoch).unwrap();
        assert!(c.height >= 1 && c.width >= 1);
        assert!(c.top + c.height <= h && c.left + c.width <= w, "{c:?}");
        let area = (c.height * c.width) as f64 / (h * w) as f64;
        let ratio = c.width as f64 / c.height as f64;
        // Rounding the sides to pixels moves area and ratio a little past the drawn values.
        assert!((0.07..=1.0).contains(&area), "{c:?}");
        assert!((0.7..=1.45).contains(&ratio), "{c:?}");
        areas = (areas.0.min(area), areas.1.max(area));
        flips += usize::from(c.flip);
    }
    // Flip with p = 1/2: 1000 expected, standard deviation ~22.
    assert!((900..=1100).contains(&flips), "{flips} flips in {draws}");
    assert!(areas.0 < 0.12 && areas.1 > 0.5, "area range {areas:?}");
}

#[test]
fn train_sample_crops_and_flips_where_the_choice_says() {
    let dir = TempDir::new("flip");
    gradient_tree(&dir.0);
    let folder = ImageFolder::open(&dir.0, "train", 64).unwrap();
    let n = 16;
    let mut seen = [false; 2];
    for epoch in 0..40 {
        let c = folder.train_choice(0, 11, epoch).unwrap();
        let mut out = vec![0.0f32; 3 * n * n];
        folder.train_sample(0, n, 11, epoch, &mut out).unwrap();
        seen[usize::from(c.flip)] = true;
        // Image 0's value is 4 * source column; output column x (before flipping) is
        // centred on source column left + (x + 0.5) * width / n - 0.5. The filter is
        // symmetric, so away from the crop's edges the value is exactly that, up to JPEG.
        let scale = c.width as f64 / n as f64;
        let support = scale.max(1.0);
        for x in 0..n {
            let centre = c.left as f64 + (x as f64 + 0.5) * scale;
            if centre - support < c.left as f64 || centre + support > (c.left + c.width) as f64 {
                continue;
            }
            let want = 4.0 * (centre - 0.5);
            let col = if c.flip { n - 1 - x } else { x };
            for y in 0..n {
                let got = at(&out, n, 0, y, col) as f64 * 255.0;
                assert!(
                    (got - want).abs() < 2.5,
                    "epoch {epoch} {c:?} x {x}: {got} vs {want}"
                );
            }
        }
    }
    assert_eq!(
        seen,
        [true, true],
        "both flipped and unflipped samples drawn"
    );
}

#[test]
fn train_sample_rejects_bad_arguments() {
    let dir = TempDir::new("args");
    small_tree(&dir.0);
    let folder = ImageFolder::open(&dir.0, "train", 32).unwrap();
    let mut out = vec![0.0f32; 3 * 8 * 8];
    let before = out.clone();
    let msg = folder
        .train_sample(6, 8, 0, 0, &mut out)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("index 6") && msg.contains("6 images"), "{msg}");
    let msg = folder
        .train_sample(0, 9, 0, 0, &mut out)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("192 output values"), "{msg}");
    assert!(folder.train_sample(0, 0, 0, 0, &mut []).is_err());
    assert!(folder.train_batch(&[0, 1], 8, 0, 0, &mut out).is_err());
    assert_eq!(out, before);
    assert!(folder.train_choice(6, 0, 0).is_none());
    let msg = ImageFolder::open(&dir.0, "train", 0)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("keep_short_side"), "{msg}");
}

#[test]
fn missing_folders_name_the_expected_layout() {
    let dir = TempDir::new("missing");
    let msg = imagenette::load(&dir.0.join("nope"), 32)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("does not exist"), "{msg}");
    assert!(msg.contains("train/") && msg.contains("val/"), "{msg}");
    assert!(
        msg.contains("imagenette2-160.tgz") && msg.contains("--data"),
        "{msg}"
    );
    // Only val/ missing: the message names val/ alone as not found.
    small_tree(&dir.0);
    fs::remove_dir_all(dir.0.join("val")).unwrap();
    let err = imagenette::load(&dir.0, 32).unwrap_err();
    match &err {
        data::DataError::NotFound { looked_for, .. } => {
            assert_eq!(looked_for.len(), 1);
            assert!(looked_for[0].starts_with("val/"), "{looked_for:?}");
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
    let msg = ImageFolder::open(&dir.0, "val", 32)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("val/ (one folder per class"), "{msg}");
    // A split with no class folders.
    fs::create_dir_all(dir.0.join("val")).unwrap();
    let msg = ImageFolder::open(&dir.0, "val", 32)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("class folders"), "{msg}");
}

#[test]
fn an_empty_class_folder_is_an_error_naming_it() {
    let dir = TempDir::new("empty");
    small_tree(&dir.0);
    let empty = dir.0.join("train").join("n03000000");
    fs::create_dir_all(&empty).unwrap();
    fs::write(empty.join("readme.txt"), "no images").unwrap();
    let msg = ImageFolder::open(&dir.0, "train", 32)
        .unwrap_err()
        .to_string();
    assert!(msg.contains(&empty.display().to_string()), "{msg}");
    assert!(msg.contains("empty class folder"), "{msg}");
}

#[test]
fn a_corrupt_jpeg_is_an_error_naming_the_file() {
    let dir = TempDir::new("corrupt");
    small_tree(&dir.0);
    let bad = dir.0.join("val").join("n02000000").join("broken.JPEG");
    // Deterministic junk bytes (a simple LCG), no JPEG markers at the start.
    let mut state = 12345u32;
    let junk: Vec<u8> = (0..500)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (state >> 16) as u8
        })
        .collect();
    fs::write(&bad, &junk).unwrap();
    let msg = ImageFolder::open(&dir.0, "val", 32)
        .unwrap_err()
        .to_string();
    assert!(msg.contains(&bad.display().to_string()), "{msg}");
    assert!(msg.contains("cannot decode"), "{msg}");
    // A JPEG cut short also fails with the file's name rather than a panic.
    let good = fs::read(dir.0.join("val").join("n01000000").join("a.JPEG")).unwrap();
    fs::write(&bad, &good[..good.len() / 3]).unwrap();
    let msg = ImageFolder::open(&dir.0, "val", 32)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("broken.JPEG"), "{msg}");
}

#[test]
fn cmyk_jpegs_are_converted_to_rgb() {
    let dir = TempDir::new("cmyk");
    let path = dir.0.join("train").join("a").join("cyan.JPEG");
    // Full cyan ink, no black: RGB (0, 1, 1). Then 50% black on no ink: grey 0.5.
    let cyan: Vec<u8> = (0..16 * 16).flat_map(|_| [255u8, 0, 0, 0]).collect();
    write_jpeg(&path, 16, 16, &cyan, ColorType::Cmyk);
    let half_black: Vec<u8> = (0..16 * 16).flat_map(|_| [0u8, 0, 0, 128]).collect();
    write_jpeg(
        &path.with_file_name("grey.JPEG"),
        16,
        16,
        &half_black,
        ColorType::Cmyk,
    );
    let ds = ImageFolder::open(&dir.0, "train", 16)
        .unwrap()
        .eval_dataset(8);
    for (i, want) in [[0.0, 1.0, 1.0], [0.5, 0.5, 0.5]].into_iter().enumerate() {
        for (j, v) in ds.image(i).iter().enumerate() {
            assert!((v - want[j / 64]).abs() < 0.05, "image {i} value {j}: {v}");
        }
    }
}

#[test]
fn load_gives_centre_cropped_splits_and_is_wired_to_the_kind() {
    let dir = TempDir::new("load");
    small_tree(&dir.0);
    let split = imagenette::load(&dir.0, 12).unwrap();
    assert_eq!(split.train.image_shape, [3, 12, 12]);
    assert_eq!(split.train.len(), 6);
    assert_eq!(split.test.len(), 4);
    assert_eq!(split.train.labels, [0, 0, 0, 1, 1, 1]);
    assert!((split.train.image(0)[0] - 1.0).abs() < 0.05);
    assert!(split.test.image(3)[2 * 144].abs() > 0.95);

    let via_kind = data::load(DatasetKind::Imagenette, &dir.0).unwrap();
    let r = imagenette::DEFAULT_RESOLUTION;
    assert_eq!(r, 64);
    assert_eq!(via_kind.train.image_shape, [3, r, r]);
    assert_eq!(via_kind.test.classes, 2);

    assert_eq!(
        "imagenette".parse::<DatasetKind>().unwrap(),
        DatasetKind::Imagenette
    );
    assert_eq!(DatasetKind::Imagenette.to_string(), "imagenette");
    assert_eq!(
        data::default_dir(DatasetKind::Imagenette, Path::new("/r")),
        Path::new("/r/data/imagenette2-160")
    );
    let msg = "imagenet".parse::<DatasetKind>().unwrap_err().to_string();
    assert!(msg.contains("`imagenette`"), "{msg}");

    // val/ with other classes than train/ is refused.
    fs::rename(
        dir.0.join("val").join("n02000000"),
        dir.0.join("val").join("n09000000"),
    )
    .unwrap();
    let msg = imagenette::load(&dir.0, 12).unwrap_err().to_string();
    assert!(msg.contains("n09000000") && msg.contains("differ"), "{msg}");
    assert!(imagenette::load(&dir.0, 0).is_err());
}

#[test]
fn class_list_is_imagenettes_sorted_wnids() {
    let mut sorted = imagenette::CLASSES;
    sorted.sort();
    assert_eq!(sorted, imagenette::CLASSES);
    assert_eq!(folder::MEAN, [0.485, 0.456, 0.406]);
    assert_eq!(folder::STD, [0.229, 0.224, 0.225]);
}

#[test]
fn large_jpegs_are_shrunk_while_decoding() {
    let dir = TempDir::new("large");
    // 200x160 with value = column: the decoder's 1/4 scaling gives exactly 50x40, the
    // shorter side asked for, so no further resize; column X averages columns 4X .. 4X + 3.
    grey(&dir.0.join("train/a/0.JPEG"), 200, 160, |x, _| x as u8);
    let folder = ImageFolder::open(&dir.0, "train", 40).unwrap();
    assert_eq!(folder.image_size(0), Some((40, 50)));
    let ds = folder.eval_dataset(35);
    // eval_short_side(35) = 40: a plain crop at top 0, left round(15 / 2) = 8 (ties to even).
    let worst = mean_over(ds.image(0), 35, |v, _, x| {
        (v - (4.0 * (x + 8) as f32 + 1.5)).abs()
    });
    assert!(worst < 1.5, "mean error {worst}");
    // A shorter side between the decoder's steps: 1/2 scale (100x80), then resized to 60.
    let folder = ImageFolder::open(&dir.0, "train", 60).unwrap();
    assert_eq!(folder.image_size(0), Some((60, 75)));
}

#[test]
fn shrinking_is_antialiased() {
    let dir = TempDir::new("alias");
    // One-pixel stripes, 48 high: the evaluation view at 14 resizes 48 -> 16, a factor of 3.
    // Plain bilinear would pick single columns (0 or 255); PIL's widened triangle averages
    // five of them, giving 4/9 or 5/9 of white.
    grey(&dir.0.join("train/a/0.JPEG"), 96, 48, |x, _| {
        if x % 2 == 0 {
            0
        } else {
            255
        }
    });
    let ds = ImageFolder::open(&dir.0, "train", 48)
        .unwrap()
        .eval_dataset(14);
    for v in ds.image(0) {
        assert!((100.0..=155.0).contains(&(v * 255.0)), "{}", v * 255.0);
    }
}

#[test]
fn random_crops_read_only_pixels_inside_the_crop() {
    let dir = TempDir::new("clip");
    // Black left half, white right half.
    grey(&dir.0.join("train/a/0.JPEG"), 64, 64, |x, _| {
        if x < 32 {
            0
        } else {
            255
        }
    });
    let folder = ImageFolder::open(&dir.0, "train", 64).unwrap();
    let n = 8;
    let mut near_edge = 0;
    for epoch in 0..3000 {
        let c = folder.train_choice(0, 5, epoch).unwrap();
        if c.left + c.width > 32 {
            continue;
        }
        // The crop is all black. A filter reaching past its right edge would read white.
        let support = (c.width as f64 / n as f64).max(1.0);
        if (c.left + c.width) as f64 + support > 32.0 {
            near_edge += 1;
        }
        let mut out = vec![0.0f32; 3 * n * n];
        folder.train_sample(0, n, 5, epoch, &mut out).unwrap();
        let max = netspec_core::compare::max_nan(out.iter().map(|&v| f64::from(v)));
        assert!(max < 0.03, "epoch {epoch} {c:?}: max {max}");
    }
    assert!(
        near_edge > 10,
        "only {near_edge} crops end near the white half"
    );
}
