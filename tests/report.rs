//! The training report is a PNG of the promised size with the plotted series in it, for one
//! epoch or several, and with non-finite losses left out rather than panicking.
//!
//! The PNGs stay in `target/tmp/` (`report-*.png`) to be looked at.

use std::path::PathBuf;

use netspec::report::{
    self, EpochRecord, StepLosses, HEADER, HEIGHT, STEP_LOSS, TEST_ACCURACY, TEST_LOSS, TRAIN_LOSS,
    WIDTH,
};

fn records(epochs: usize) -> Vec<EpochRecord> {
    (1..=epochs)
        .map(|e| EpochRecord {
            epoch: e,
            train_loss: 1.0 / e as f64,
            test_loss: 1.2 / e as f64,
            test_accuracy: 0.5 + 0.1 * e as f64,
        })
        .collect()
}

/// Writes the report to `target/tmp/<name>`, decodes it, and returns its size and its RGB rows.
fn written(name: &str, network: Option<&str>, records: &[EpochRecord]) -> (u32, u32, Vec<u8>) {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    report::write(&path, network, records).unwrap();
    let mut decoder =
        png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// How many pixels of `rgb` there are below the header (the title and the legend), that is in
/// the panels.
fn in_panels(image: &[u8], width: u32, rgb: (u8, u8, u8)) -> usize {
    image[(HEADER * width * 3) as usize..]
        .chunks(3)
        .filter(|p| (p[0], p[1], p[2]) == rgb)
        .count()
}

fn rgb(c: plotters::style::RGBColor) -> (u8, u8, u8) {
    (c.0, c.1, c.2)
}

#[test]
fn three_epochs_draw_every_series_in_the_panels() {
    let (w, h, image) = written("report-3-epochs.png", Some("Mlp"), &records(3));
    assert_eq!((w, h), (WIDTH, HEIGHT));
    assert_eq!(image.len(), (w * h * 3) as usize);
    // Not blank: a white background with dark text and axes.
    let dark = image
        .chunks(3)
        .filter(|p| p.iter().all(|&c| c < 100))
        .count();
    assert!(dark > 2000, "only {dark} dark pixels: no text or axes?");
    for (name, colour) in [
        ("train loss", TRAIN_LOSS),
        ("test loss", TEST_LOSS),
        ("test accuracy", TEST_ACCURACY),
    ] {
        let n = in_panels(&image, w, rgb(colour));
        // Two segments 2 px wide, each a couple of hundred pixels long, and three dots.
        assert!(
            n > 300,
            "{name}: only {n} pixels of its colour in the panels"
        );
    }
}

#[test]
fn one_epoch_is_a_point_per_series() {
    let (w, h, image) = written("report-1-epoch.png", None, &records(1));
    assert_eq!((w, h), (WIDTH, HEIGHT));
    for colour in [TRAIN_LOSS, TEST_LOSS, TEST_ACCURACY] {
        assert!(in_panels(&image, w, rgb(colour)) > 10);
    }
}

#[test]
fn non_finite_losses_are_left_out() {
    let mut r = records(4);
    r[1].train_loss = f64::NAN;
    r[2].test_loss = f64::INFINITY;
    r[3].train_loss = f64::NAN;
    r[3].test_loss = f64::NAN;
    let (w, h, image) = written("report-non-finite.png", Some("Mlp"), &r);
    assert_eq!((w, h), (WIDTH, HEIGHT));
    assert!(in_panels(&image, w, rgb(TEST_LOSS)) > 100);
    // Every loss non-finite, and no records at all, still make a picture.
    let nan = vec![EpochRecord {
        epoch: 1,
        train_loss: f64::NAN,
        test_loss: f64::NAN,
        test_accuracy: f64::NAN,
    }];
    assert_eq!(written("report-all-nan.png", None, &nan).0, WIDTH);
    assert_eq!(written("report-empty.png", None, &[]).0, WIDTH);
}

/// The columns of the image's panels that hold a pixel of `rgb`.
fn columns_with(image: &[u8], width: u32, rgb: (u8, u8, u8)) -> Vec<u32> {
    let mut columns: Vec<u32> = image[(HEADER * width * 3) as usize..]
        .chunks(3)
        .enumerate()
        .filter(|(_, p)| (p[0], p[1], p[2]) == rgb)
        .map(|(i, _)| i as u32 % width)
        .collect();
    columns.sort_unstable();
    columns.dedup();
    columns
}

fn step_losses(epochs: usize, steps: usize) -> Vec<StepLosses> {
    (1..=epochs)
        .map(|e| StepLosses {
            epoch: e,
            losses: (0..steps)
                .map(|i| {
                    2.0 / (1.0 + (e - 1) as f32 + i as f32 / steps as f32) + 0.05 * (i % 3) as f32
                })
                .collect(),
        })
        .collect()
}

/// Written like `written`, with per-step losses.
fn written_with_steps(name: &str, records: &[EpochRecord], steps: &[StepLosses]) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    report::write_with_steps(&path, Some("Mlp"), records, steps).unwrap();
    let mut decoder =
        png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (WIDTH, HEIGHT));
    buf.truncate(info.buffer_size());
    buf
}

/// One epoch of recorded steps is a curve across the loss panel, not a dot: its pixels cover
/// most of the panel's width (the left half of the image), and without the steps there are none.
#[test]
fn one_epoch_plots_its_per_step_loss() {
    let image = written_with_steps("report-1-epoch-steps.png", &records(1), &step_losses(1, 60));
    let columns = columns_with(&image, WIDTH, rgb(STEP_LOSS));
    let (first, last) = (columns[0], *columns.last().unwrap());
    assert!(
        last < WIDTH / 2,
        "the curve stays in the loss panel: {first}..{last}"
    );
    assert!(
        last - first > WIDTH / 4,
        "the per-step curve spans only columns {first}..{last}"
    );
    // A thin line is anti-aliased: not every column holds its exact colour, but many do.
    assert!(
        columns.len() as u32 > (last - first) / 3,
        "only {} columns of {first}..{last} show the curve",
        columns.len()
    );
    // The epoch's figures are still drawn, as points.
    assert!(in_panels(&image, WIDTH, rgb(TRAIN_LOSS)) > 10);
    assert!(in_panels(&image, WIDTH, rgb(TEST_ACCURACY)) > 10);

    let (_, _, without) = written("report-1-epoch-no-steps.png", None, &records(1));
    assert_eq!(in_panels(&without, WIDTH, rgb(STEP_LOSS)), 0);
}

/// Several epochs: the per-step curve runs under the per-epoch lines, from the start of the
/// first epoch to the end of the last; a non-finite step loss breaks it without failing.
#[test]
fn several_epochs_plot_every_step() {
    let mut steps = step_losses(3, 40);
    steps[1].losses[7] = f32::NAN;
    let image = written_with_steps("report-3-epochs-steps.png", &records(3), &steps);
    let columns = columns_with(&image, WIDTH, rgb(STEP_LOSS));
    let (first, last) = (columns[0], *columns.last().unwrap());
    assert!(
        last < WIDTH / 2 && last - first > WIDTH / 4,
        "{first}..{last}"
    );
    for colour in [TRAIN_LOSS, TEST_LOSS, TEST_ACCURACY] {
        assert!(in_panels(&image, WIDTH, rgb(colour)) > 300);
    }
}
