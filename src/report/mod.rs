//! A training report as a PNG: loss (train and test per epoch, and the training loss of each
//! step where it was recorded) on the left, test accuracy on the right, drawn with plotters into
//! an RGB buffer and encoded with png. Text is set in DejaVu Sans, embedded in the binary
//! (`src/fonts/`), so no system font library is needed, by `text` (plotters' own spaces letters
//! unevenly).

mod overlay;
mod text;

use std::io;
use std::path::Path;
use std::sync::OnceLock;

use ab_glyph::FontRef;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{register_font, FontStyle};

pub use overlay::{render_overlay, write_overlay};

/// One epoch's figures.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EpochRecord {
    pub epoch: usize,
    pub train_loss: f64,
    pub test_loss: f64,
    pub test_accuracy: f64,
}

/// One epoch's training loss at each of its steps, in order (`EpochStats::losses`).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StepLosses {
    pub epoch: usize,
    pub losses: Vec<f32>,
}

/// The image's size in pixels.
pub const WIDTH: u32 = 800;
pub const HEIGHT: u32 = 500;
/// The rows above the panels: the title and the legend.
pub const HEADER: u32 = 64;

/// The series colours (matplotlib's first three).
pub const TRAIN_LOSS: RGBColor = RGBColor(31, 119, 180);
pub const TEST_LOSS: RGBColor = RGBColor(255, 127, 14);
pub const TEST_ACCURACY: RGBColor = RGBColor(44, 160, 44);

/// The training loss of each step: the train loss's colour, lighter.
pub const STEP_LOSS: RGBColor = RGBColor(158, 196, 224);

const TEXT: RGBColor = RGBColor(40, 40, 40);
const GRID: RGBColor = RGBColor(225, 225, 225);
const FONT: &str = "sans-serif";

/// DejaVu Sans (Bitstream Vera licence, `src/fonts/LICENSE-DejaVu.txt`).
static DEJAVU_SANS: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

fn register_embedded_font() -> io::Result<()> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok =
        *REGISTERED.get_or_init(|| register_font(FONT, FontStyle::Normal, DEJAVU_SANS).is_ok());
    if ok {
        Ok(())
    } else {
        Err(io::Error::other("the embedded font could not be read"))
    }
}

fn plot_error(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(format!("drawing the training report: {e}"))
}

/// Draws the report as a PNG: the title (naming the network when given), a legend, then
/// train and test loss against epoch on the left and test accuracy (%) on the right.
/// Non-finite values are left out; one epoch is one point per series.
pub fn render(network: Option<&str>, records: &[EpochRecord]) -> io::Result<Vec<u8>> {
    render_with_steps(network, records, &[])
}

/// [`render`], with the training loss of each step in `steps` drawn as a curve under the
/// per-epoch points: step i of n in epoch e at x = e - 1 + (i + 1) / n, n the most steps any
/// epoch recorded (an epoch stopped early covers part of its span).
pub fn render_with_steps(
    network: Option<&str>,
    records: &[EpochRecord],
    steps: &[StepLosses],
) -> io::Result<Vec<u8>> {
    png_of((WIDTH, HEIGHT), |root| draw(root, network, records, steps))
}

/// A PNG of `size` pixels drawn by `draw` on white, its text set by `text` in the embedded font.
fn png_of(size: (u32, u32), draw: impl FnOnce(&Area<'_>) -> DrawResult<()>) -> io::Result<Vec<u8>> {
    register_embedded_font()?;
    let font = FontRef::try_from_slice(DEJAVU_SANS)
        .map_err(|_| io::Error::other("the embedded font could not be read"))?;
    let (width, height) = size;
    let mut rgb = vec![255u8; (width * height * 3) as usize];
    {
        let canvas = text::Canvas {
            bitmap: BitMapBackend::with_buffer(&mut rgb, size),
            font,
        };
        let root = canvas.into_drawing_area();
        draw(&root).map_err(plot_error)?;
        root.present().map_err(plot_error)?;
    }
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(png)
}

/// Writes the report for `network` (its name in the title, when given) to `path`, atomically.
pub fn write(path: &Path, network: Option<&str>, records: &[EpochRecord]) -> io::Result<()> {
    write_with_steps(path, network, records, &[])
}

/// Writes [`render_with_steps`] to `path`, atomically.
pub fn write_with_steps(
    path: &Path,
    network: Option<&str>,
    records: &[EpochRecord],
    steps: &[StepLosses],
) -> io::Result<()> {
    netspec_core::atomic::write(path, &render_with_steps(network, records, steps)?)
}

type DrawResult<T> = Result<T, Box<dyn std::error::Error>>;

type Area<'a> = DrawingArea<text::Canvas<'a>, Shift>;

fn draw(
    root: &Area<'_>,
    network: Option<&str>,
    records: &[EpochRecord],
    steps: &[StepLosses],
) -> DrawResult<()> {
    root.fill(&WHITE)?;
    let (header, body) = root.split_vertically(HEADER);
    let title = match network {
        Some(name) => format!("Training report: {name}"),
        None => "Training report".to_string(),
    };
    let centre = (WIDTH / 2) as i32;
    header.draw(&Text::new(
        title,
        (centre, 8),
        (FONT, 22)
            .into_font()
            .color(&TEXT)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    let per_step = step_runs(steps);
    legend(&header, centre, 44, !per_step.is_empty())?;

    let (left, right) = body.split_horizontally(WIDTH / 2);
    let train = runs(records, |r| r.train_loss);
    let test = runs(records, |r| r.test_loss);
    let accuracy = runs(records, |r| 100.0 * r.test_accuracy);

    let losses = train.iter().chain(&test).chain(&per_step).flatten();
    let (lo, hi) = loss_range(losses.map(|p| p.1));
    // Enough decimals for ticks about an eighth of the range apart.
    let decimals = (-((hi - lo) / 8.0).log10().floor()).clamp(0.0, 12.0) as usize;
    let epochs = epoch_range(records, steps);
    panel(
        &left,
        "Loss",
        "loss",
        epochs.clone(),
        lo..hi,
        &|v| format!("{v:.decimals$}"),
        &[(STEP_LOSS, &per_step)],
        &[(TRAIN_LOSS, &train), (TEST_LOSS, &test)],
    )?;
    panel(
        &right,
        "Test accuracy",
        "accuracy (%)",
        epochs,
        0.0..100.0,
        &|v| format!("{v:.0}"),
        &[],
        &[(TEST_ACCURACY, &accuracy)],
    )?;
    Ok(())
}

/// The legend, one row centred at (`centre`, `y`) in the header, so it never covers a line;
/// the per-step curve has an entry where it is drawn.
fn legend(area: &Area<'_>, centre: i32, y: i32, per_step: bool) -> DrawResult<()> {
    let mut entries = vec![
        (TRAIN_LOSS, "train loss", true),
        (TEST_LOSS, "test loss", true),
        (TEST_ACCURACY, "test accuracy", true),
    ];
    if per_step {
        entries.insert(1, (STEP_LOSS, "train loss per step", false));
    }
    let style = (FONT, 15)
        .into_font()
        .color(&TEXT)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let (swatch, gap) = (28, 26);
    let widths: Vec<i32> = entries
        .iter()
        .map(|(_, label, _)| {
            area.estimate_text_size(label, &style)
                .map(|(w, _)| w as i32)
        })
        .collect::<Result<_, _>>()?;
    let total: i32 =
        widths.iter().map(|w| swatch + 6 + w).sum::<i32>() + gap * (entries.len() as i32 - 1);
    let mut x = centre - total / 2;
    for ((colour, label, dot), w) in entries.iter().zip(widths) {
        area.draw(&PathElement::new(
            [(x, y), (x + swatch, y)],
            colour.stroke_width(2),
        ))?;
        if *dot {
            area.draw(&Circle::new((x + swatch / 2, y), 3, colour.filled()))?;
        }
        area.draw(&Text::new(*label, (x + swatch + 6, y), style.clone()))?;
        x += swatch + 6 + w + gap;
    }
    Ok(())
}

/// One panel: its caption, axes with ticks and titles, each series of `thin` as a thin line,
/// then each of `series` as a line with a dot per epoch.
#[allow(clippy::too_many_arguments)]
fn panel(
    area: &Area<'_>,
    caption: &str,
    y_title: &str,
    x: std::ops::Range<f64>,
    y: std::ops::Range<f64>,
    y_label: &dyn Fn(&f64) -> String,
    thin: &[(RGBColor, &Runs)],
    series: &[(RGBColor, &Runs)],
) -> DrawResult<()> {
    let x_labels = ((x.end - x.start).round() as usize + 1).clamp(2, 10);
    let mut chart = ChartBuilder::on(area)
        .caption(caption, (FONT, 18).into_font().color(&TEXT))
        .margin_left(8)
        .margin_right(20)
        .margin_bottom(8)
        .x_label_area_size(44)
        .y_label_area_size(60)
        .build_cartesian_2d(x, y)?;
    chart
        .configure_mesh()
        .x_labels(x_labels)
        .x_label_formatter(&epoch_label)
        .y_labels(8)
        .y_label_formatter(y_label)
        .x_desc("epoch")
        .y_desc(y_title)
        .axis_desc_style((FONT, 15).into_font().color(&TEXT))
        .label_style((FONT, 13).into_font().color(&TEXT))
        .axis_style(TEXT)
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .draw()?;
    for (colour, runs) in thin {
        for run in runs.iter() {
            chart.draw_series(LineSeries::new(run.iter().copied(), colour.stroke_width(1)))?;
        }
    }
    for (colour, runs) in series {
        for run in runs.iter() {
            chart.draw_series(LineSeries::new(run.iter().copied(), colour.stroke_width(2)))?;
            chart.draw_series(run.iter().map(|&p| Circle::new(p, 3, colour.filled())))?;
        }
    }
    Ok(())
}

/// An epoch tick: whole epochs as integers, fractions (a run of one or two epochs) with one
/// decimal.
fn epoch_label(v: &f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// (epoch, value) points, in runs of consecutive finite values.
type Runs = Vec<Vec<(f64, f64)>>;

/// Points as runs of consecutive finite values: a non-finite value ends a run, so the line
/// breaks there instead of bridging the gap.
fn finite_runs(points: impl IntoIterator<Item = (f64, f64)>) -> Runs {
    let mut runs = vec![vec![]];
    for (x, v) in points {
        if v.is_finite() {
            runs.last_mut().expect("never empty").push((x, v));
        } else if !runs.last().expect("never empty").is_empty() {
            runs.push(vec![]);
        }
    }
    runs.retain(|run| !run.is_empty());
    runs
}

/// A per-epoch series, at x = its epoch.
fn runs(records: &[EpochRecord], value: impl Fn(&EpochRecord) -> f64) -> Runs {
    finite_runs(records.iter().map(|r| (r.epoch as f64, value(r))))
}

/// The per-step training loss, step i of n in epoch e at x = e - 1 + (i + 1) / n, n the most
/// steps of any epoch.
fn step_runs(steps: &[StepLosses]) -> Runs {
    let n = steps.iter().map(|s| s.losses.len()).max().unwrap_or(0) as f64;
    let mut ordered: Vec<&StepLosses> = steps.iter().collect();
    ordered.sort_by_key(|s| s.epoch);
    finite_runs(ordered.into_iter().flat_map(|s| {
        s.losses
            .iter()
            .enumerate()
            .map(move |(i, &l)| (s.epoch as f64 - 1.0 + (i + 1) as f64 / n, f64::from(l)))
    }))
}

/// The epochs on the x axis: first to last; from the start of the first epoch (its epoch - 1)
/// where per-step losses are drawn; widened by one either side for a single epoch alone.
fn epoch_range(records: &[EpochRecord], steps: &[StepLosses]) -> std::ops::Range<f64> {
    let ends = records
        .iter()
        .map(|r| r.epoch)
        .chain(steps.iter().map(|s| s.epoch));
    let starts = steps
        .iter()
        .filter(|s| !s.losses.is_empty())
        .map(|s| s.epoch - 1);
    let first = ends.clone().chain(starts).min().unwrap_or(1) as f64;
    let last = ends.max().unwrap_or(1) as f64;
    if first == last {
        first - 1.0..last + 1.0
    } else {
        first..last
    }
}

/// From zero (or the least loss, if negative) to a little above the greatest.
fn loss_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((0.0f64, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if hi.is_finite() && hi > lo {
        (lo, hi + 0.08 * (hi - lo))
    } else {
        (lo, lo + 1.0)
    }
}
