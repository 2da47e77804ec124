//! Training augmentation (random crop + flip) and shape transforms (resize, grey -> RGB).

use netspec_core::data::augment::{black_after_normalize, Augment, Choice};
use netspec_core::data::transform::{fit_to_shape, replicate_channels, resize};
use netspec_core::data::{DataError, Dataset};

/// `n` images of `shape` with all values distinct: value j of image i is `i * 1000 + j`.
fn batch(n: usize, shape: [usize; 3]) -> Vec<f32> {
    let len: usize = shape.iter().product();
    (0..n)
        .flat_map(|i| (0..len).map(move |j| (i * 1000 + j) as f32))
        .collect()
}

/// Left-right mirror of one CHW image.
fn mirrored(image: &[f32], [c, h, w]: [usize; 3]) -> Vec<f32> {
    let mut out = vec![0.0; c * h * w];
    for ch in 0..c {
        for y in 0..h {
            for x in 0..w {
                out[(ch * h + y) * w + x] = image[(ch * h + y) * w + (w - 1 - x)];
            }
        }
    }
    out
}

/// `image` moved so that output (y, x) shows input (y + dy, x + dx), `fill[c]` where that is
/// outside the image.
fn translated(
    image: &[f32],
    [c, h, w]: [usize; 3],
    dy: isize,
    dx: isize,
    fill: &[f32],
) -> Vec<f32> {
    let mut out = vec![0.0; c * h * w];
    for ch in 0..c {
        for y in 0..h {
            for x in 0..w {
                let (sy, sx) = (y as isize + dy, x as isize + dx);
                out[(ch * h + y) * w + x] =
                    if sy >= 0 && sy < h as isize && sx >= 0 && sx < w as isize {
                        image[(ch * h + sy as usize) * w + sx as usize]
                    } else {
                        fill[ch]
                    };
            }
        }
    }
    out
}

#[test]
fn none_leaves_the_batch_unchanged() {
    let shape = [3, 4, 5];
    let original = batch(4, shape);
    let mut images = original.clone();
    assert!(Augment::NONE.is_none());
    assert!(!Augment::CIFAR.is_none());
    assert_eq!(
        Augment::CIFAR,
        Augment {
            crop_padding: 4,
            horizontal_flip: true
        }
    );
    Augment::NONE.apply(&mut images, shape, 1, 2, 3);
    assert_eq!(images, original);
}

#[test]
fn flip_only_mirrors_exactly_the_chosen_images() {
    let shape = [3, 4, 5];
    let len = 60;
    let flip = Augment {
        crop_padding: 0,
        horizontal_flip: true,
    };
    let original = batch(8, shape);
    let mut images = original.clone();
    flip.apply(&mut images, shape, 0, 0, 0);
    // Seed 0, epoch 0, step 0 flips images 0, 1 and 7 of 8.
    let flipped: Vec<bool> = (0..8).map(|i| flip.choice(0, 0, 0, i).flip).collect();
    assert_eq!(
        flipped,
        vec![true, true, false, false, false, false, false, true]
    );
    for i in 0..8 {
        let (before, after) = (&original[i * len..][..len], &images[i * len..][..len]);
        if flipped[i] {
            assert_eq!(after, mirrored(before, shape).as_slice(), "image {i}");
            assert_ne!(after, before, "image {i}");
        } else {
            assert_eq!(after, before, "image {i}");
        }
    }
    // A specific value: image 0, channel 1, row 2, column 0 now holds column 4.
    assert_eq!(images[(4 + 2) * 5], original[(4 + 2) * 5 + 4]);
    for i in 0..8 {
        let c = flip.choice(0, 0, 0, i);
        assert_eq!((c.top, c.left), (0, 0));
    }
}

#[test]
fn crop_matches_a_hand_computed_case() {
    // Padding 1 around [[1,2,3],[4,5,6],[7,8,9]] with fill -1; seed 2 picks top 0, left 2:
    // the crop covers padded rows 0..3 and columns 2..5, i.e. the image moves down 1 and left 1.
    let crop = Augment {
        crop_padding: 1,
        horizontal_flip: false,
    };
    assert_eq!(
        crop.choice(2, 0, 0, 0),
        Choice {
            top: 0,
            left: 2,
            flip: false
        }
    );
    let mut image = vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0];
    crop.apply_with_fill(&mut image, [1, 3, 3], &[-1.0], 2, 0, 0)
        .unwrap();
    assert_eq!(
        image,
        vec![-1.0, -1.0, -1.0, 2.0, 3.0, -1.0, 5.0, 6.0, -1.0]
    );

    // With `apply` the border is 0.
    let mut image = vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0];
    crop.apply(&mut image, [1, 3, 3], 2, 0, 0);
    assert_eq!(image, vec![0.0, 0.0, 0.0, 2.0, 3.0, 0.0, 5.0, 6.0, 0.0]);

    // Crop then flip: padding 2 around [[1,2,3],[4,5,6]]; image 2 of the batch of seed 5,
    // epoch 1, step 2 gets top 3, left 4, flip. The crop (padded rows 3..5, columns 4..7) is
    // [[6,f,f],[f,f,f]]; mirrored, [[f,f,6],[f,f,f]].
    let both = Augment {
        crop_padding: 2,
        horizontal_flip: true,
    };
    assert_eq!(
        both.choice(5, 1, 2, 2),
        Choice {
            top: 3,
            left: 4,
            flip: true
        }
    );
    let mut images = [[0.0f32; 6], [0.0; 6], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]].concat();
    both.apply_with_fill(&mut images, [1, 2, 3], &[-1.0], 5, 1, 2)
        .unwrap();
    assert_eq!(&images[12..], &[-1.0, -1.0, 6.0, -1.0, -1.0, -1.0]);
}

#[test]
fn every_crop_is_a_translation_with_fill_at_the_border() {
    let shape = [2, 5, 6];
    let len = 60;
    let fill = [-1.5f32, -2.5];
    let p = 2usize;
    let crop = Augment {
        crop_padding: p,
        horizontal_flip: false,
    };
    let n = 40;
    let original = batch(n, shape);
    let mut images = original.clone();
    crop.apply_with_fill(&mut images, shape, &fill, 9, 3, 11)
        .unwrap();
    let mut shifts = std::collections::HashSet::new();
    for i in 0..n {
        let (before, after) = (&original[i * len..][..len], &images[i * len..][..len]);
        let matches: Vec<(isize, isize)> = (-2..=2)
            .flat_map(|dy| (-2..=2).map(move |dx| (dy, dx)))
            .filter(|&(dy, dx)| translated(before, shape, dy, dx, &fill) == after)
            .collect();
        assert_eq!(matches.len(), 1, "image {i}: {matches:?}");
        // And it is the translation the documented choice describes.
        let c = crop.choice(9, 3, 11, i);
        assert_eq!(
            matches[0],
            (c.top as isize - p as isize, c.left as isize - p as isize),
            "image {i}"
        );
        shifts.insert(matches[0]);
    }
    assert!(shifts.len() > 5, "only {shifts:?}");
}

#[test]
fn cifar_offsets_cover_the_range_and_flip_about_half() {
    let n = 4000;
    let mut tops = [0usize; 9];
    let mut lefts = [0usize; 9];
    let mut flips = 0;
    for i in 0..n {
        let c = Augment::CIFAR.choice(42, 0, 0, i);
        tops[c.top] += 1;
        lefts[c.left] += 1;
        flips += usize::from(c.flip);
    }
    // Uniform over 0..=8: about 444 each.
    for k in 0..9 {
        assert!((350..=540).contains(&tops[k]), "top {k}: {tops:?}");
        assert!((350..=540).contains(&lefts[k]), "left {k}: {lefts:?}");
    }
    assert!((1850..=2150).contains(&flips), "{flips} flips of {n}");
}

#[test]
fn augmentation_is_deterministic_per_seed_epoch_and_step() {
    let shape = [3, 8, 8];
    let original = batch(16, shape);
    let run = |seed, epoch, step| {
        let mut images = original.clone();
        Augment::CIFAR.apply(&mut images, shape, seed, epoch, step);
        images
    };
    let a = run(7, 1, 5);
    assert_eq!(a, run(7, 1, 5));
    assert_ne!(a, original);
    assert_ne!(a, run(7, 1, 6));
    assert_ne!(a, run(7, 2, 5));
    assert_ne!(a, run(8, 1, 5));
    // An image's augmentation does not depend on the rest of its batch.
    let mut first_two = original[..2 * 192].to_vec();
    Augment::CIFAR.apply(&mut first_two, shape, 7, 1, 5);
    assert_eq!(first_two, a[..2 * 192]);
}

#[test]
fn fill_is_checked_and_black_after_normalize_is_minus_mean_over_std() {
    let shape = [3, 4, 4];
    let original = batch(2, shape);
    let mut images = original.clone();
    let err = Augment::CIFAR
        .apply_with_fill(&mut images, shape, &[0.0, 0.0], 1, 0, 0)
        .unwrap_err();
    assert!(matches!(err, DataError::InvalidArgument(_)), "{err:?}");
    assert!(err.to_string().contains("2 fill values"), "{err}");
    assert_eq!(images, original);
    let msg = Augment::CIFAR
        .apply_with_fill(&mut images[..40], shape, &[0.0], 1, 0, 0)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("40 values"), "{msg}");
    assert_eq!(images, original);

    // `apply` leaves a trailing partial image alone.
    let mut ragged = batch(3, shape);
    ragged.truncate(2 * 48 + 10);
    let tail = ragged[96..].to_vec();
    Augment::CIFAR.apply(&mut ragged, shape, 1, 0, 0);
    assert_eq!(&ragged[96..], tail.as_slice());

    let black = black_after_normalize(&[0.5, 0.25, 0.0], &[0.25, 0.5, 2.0]);
    assert_eq!(black, vec![-2.0, -0.5, 0.0]);
}

fn dataset(images: Vec<f32>, shape: [usize; 3]) -> Dataset {
    let n = images.len() / shape.iter().product::<usize>();
    Dataset {
        images,
        labels: (0..n as i32).collect(),
        image_shape: shape,
        classes: 10,
    }
}

fn assert_close(got: &[f32], want: &[f32]) {
    assert_eq!(got.len(), want.len());
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() < 1e-6, "value {i}: {g} vs {w}\n{got:?}");
    }
}

#[test]
fn resize_keeps_constant_images_constant() {
    let ds = dataset(vec![0.3; 2 * 2 * 5 * 7], [2, 5, 7]);
    let out = resize(&ds, 9, 3);
    assert_eq!(out.image_shape, [2, 9, 3]);
    assert_eq!(out.labels, vec![0, 1]);
    assert_close(&out.images, &[0.3; 2 * 2 * 9 * 3]);
    // Same size: an exact copy.
    assert_eq!(resize(&ds, 5, 7).images, ds.images);
}

#[test]
fn resize_matches_pytorch_bilinear_without_align_corners() {
    // F.interpolate(torch.arange(4.).view(1,1,2,2), size=(4,4), mode="bilinear",
    // align_corners=False): source coordinates (dst + 0.5) / 2 - 0.5 clamped at 0 are
    // 0, 0.25, 0.75, 1.25 (-> 1 at the edge) on both axes, so value = 2 * sy + sx.
    let ds = dataset(vec![0.0, 1.0, 2.0, 3.0], [1, 2, 2]);
    let out = resize(&ds, 4, 4);
    assert_eq!(out.image_shape, [1, 4, 4]);
    #[rustfmt::skip]
    let want = [
        0.0, 0.25, 0.75, 1.0,
        0.5, 0.75, 1.25, 1.5,
        1.5, 1.75, 2.25, 2.5,
        2.0, 2.25, 2.75, 3.0,
    ];
    assert_close(&out.images, &want);

    // 4x4 -> 2x2: source coordinates 0.5 and 2.5, the mean of each 2x2 block.
    let ds = dataset((0..16).map(|v| v as f32).collect(), [1, 4, 4]);
    assert_close(&resize(&ds, 2, 2).images, &[2.5, 4.5, 10.5, 12.5]);

    // Non-integer ratios along one axis: 3 -> 2 reads 0.25 and 1.75; 2 -> 3 reads 0
    // (clamped from -1/6), 0.5 and 1 (7/6 at the edge).
    let ds = dataset(vec![0.0, 1.0, 2.0], [1, 1, 3]);
    assert_close(&resize(&ds, 1, 2).images, &[0.25, 1.75]);
    let ds = dataset(vec![0.0, 1.0], [1, 1, 2]);
    assert_close(&resize(&ds, 1, 3).images, &[0.0, 0.5, 1.0]);
}

#[test]
fn replicate_channels_copies_the_grey_plane() {
    let ds = dataset(vec![0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], [1, 2, 2]);
    let rgb = replicate_channels(&ds, 3).unwrap();
    assert_eq!(rgb.image_shape, [3, 2, 2]);
    assert_eq!(rgb.len(), 2);
    assert_eq!(
        rgb.image(1),
        &[0.5, 0.6, 0.7, 0.8, 0.5, 0.6, 0.7, 0.8, 0.5, 0.6, 0.7, 0.8]
    );
    assert_eq!(rgb.image(0)[..4], rgb.image(0)[8..]);
    assert_eq!(rgb.image(0)[..4], [0.1, 0.2, 0.3, 0.4]);
    assert_eq!(replicate_channels(&rgb, 3).unwrap().images, rgb.images);
    let err = replicate_channels(&rgb, 1).unwrap_err();
    assert!(matches!(err, DataError::InvalidArgument(_)), "{err:?}");
    assert!(err.to_string().contains("3-channel"), "{err}");
    assert!(replicate_channels(&ds, 0).is_err());
}

#[test]
fn fit_to_shape_resizes_and_replicates_with_a_description() {
    let ds = dataset(
        (0..2 * 784).map(|v| (v % 256) as f32 / 255.0).collect(),
        [1, 28, 28],
    );
    let (out, what) = fit_to_shape(&ds, [3, 32, 32]).unwrap();
    assert_eq!(out.image_shape, [3, 32, 32]);
    assert_eq!(out.len(), 2);
    assert_eq!(out.images.len(), 2 * 3 * 1024);
    assert_eq!(out.labels, ds.labels);
    assert_eq!(
        what,
        "resized 28x28 -> 32x32 (bilinear), grey replicated to 3 channels"
    );
    let resized = resize(&ds, 32, 32);
    for i in 0..2 {
        for c in 0..3 {
            assert_eq!(&out.image(i)[c * 1024..][..1024], resized.image(i));
        }
    }

    let (same, what) = fit_to_shape(&out, [3, 32, 32]).unwrap();
    assert_eq!(what, "");
    assert_eq!(same.images, out.images);
    let (grey, what) = fit_to_shape(&ds, [3, 28, 28]).unwrap();
    assert_eq!(what, "grey replicated to 3 channels");
    assert_eq!(grey.image(0)[784..][..784], ds.image(0)[..]);
    let (_, what) = fit_to_shape(&out, [3, 24, 24]).unwrap();
    assert_eq!(what, "resized 32x32 -> 24x24 (bilinear)");

    let err = fit_to_shape(&out, [1, 32, 32]).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("3-channel") && msg.contains("expects 1 channel"),
        "{msg}"
    );
    assert!(fit_to_shape(&ds, [3, 0, 32]).is_err());
}
