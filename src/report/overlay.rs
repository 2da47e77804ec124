//! A study's plot: every run's test accuracy per epoch on one chart, one colour per run, with
//! a legend of the runs' names beside it.

use std::io;
use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{epoch_label, png_of, runs, Area, DrawResult, EpochRecord, FONT, GRID, TEXT};

/// The image's size in pixels.
pub const OVERLAY_WIDTH: u32 = 1000;
pub const OVERLAY_HEIGHT: u32 = 560;
/// The legend's column at the right.
const LEGEND: u32 = 230;

/// matplotlib's ten colours; an eleventh run takes the first again (the legend keeps the order).
const PALETTE: [RGBColor; 10] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(188, 189, 34),
    RGBColor(23, 190, 207),
];

/// Draws the runs' test accuracy (%) per epoch as a PNG under `title`; `series` pairs each
/// run's name with its epochs. Non-finite values are left out.
pub fn render_overlay(title: &str, series: &[(String, Vec<EpochRecord>)]) -> io::Result<Vec<u8>> {
    png_of((OVERLAY_WIDTH, OVERLAY_HEIGHT), |root| {
        draw(root, title, series)
    })
}

/// Writes [`render_overlay`]'s PNG to `path`, atomically.
pub fn write_overlay(
    path: &Path,
    title: &str,
    series: &[(String, Vec<EpochRecord>)],
) -> io::Result<()> {
    netspec_core::atomic::write(path, &render_overlay(title, series)?)
}

fn draw(root: &Area<'_>, title: &str, series: &[(String, Vec<EpochRecord>)]) -> DrawResult<()> {
    root.fill(&WHITE)?;
    let (header, body) = root.split_vertically(48);
    header.draw(&Text::new(
        title.to_string(),
        ((OVERLAY_WIDTH / 2) as i32, 14),
        (FONT, 15)
            .into_font()
            .color(&TEXT)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    let (chart_area, legend) = body.split_horizontally(OVERLAY_WIDTH - LEGEND);
    let last = series
        .iter()
        .flat_map(|(_, r)| r.iter().map(|e| e.epoch))
        .max()
        .unwrap_or(1);
    let x = if last <= 1 {
        0.0..2.0
    } else {
        1.0..last as f64
    };
    let mut chart = ChartBuilder::on(&chart_area)
        .caption(
            "Test accuracy per epoch",
            (FONT, 18).into_font().color(&TEXT),
        )
        .margin_left(8)
        .margin_right(16)
        .margin_bottom(8)
        .x_label_area_size(44)
        .y_label_area_size(60)
        .build_cartesian_2d(x.clone(), accuracy_range(series))?;
    chart
        .configure_mesh()
        .x_labels(((x.end - x.start) as usize + 1).min(12))
        .x_label_formatter(&epoch_label)
        .y_labels(10)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .x_desc("epoch")
        .y_desc("test accuracy (%)")
        .axis_desc_style((FONT, 15).into_font().color(&TEXT))
        .label_style((FONT, 13).into_font().color(&TEXT))
        .axis_style(TEXT)
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .draw()?;
    for (i, (_, records)) in series.iter().enumerate() {
        let colour = PALETTE[i % PALETTE.len()];
        for run in runs(records, |r| 100.0 * r.test_accuracy) {
            chart.draw_series(LineSeries::new(run.iter().copied(), colour.stroke_width(2)))?;
            chart.draw_series(run.iter().map(|&p| Circle::new(p, 3, colour.filled())))?;
        }
    }
    let style = (FONT, 14)
        .into_font()
        .color(&TEXT)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (i, (name, _)) in series.iter().enumerate() {
        let colour = PALETTE[i % PALETTE.len()];
        let y = 40 + 22 * i as i32;
        legend.draw(&PathElement::new([(8, y), (36, y)], colour.stroke_width(2)))?;
        legend.draw(&Circle::new((22, y), 3, colour.filled()))?;
        legend.draw(&Text::new(name.clone(), (44, y), style.clone()))?;
    }
    Ok(())
}

/// From a little below the lowest accuracy to a little above the highest, in steps of 5%, so
/// runs a point apart can be told apart; 0 to 100 when nothing was measured.
fn accuracy_range(series: &[(String, Vec<EpochRecord>)]) -> std::ops::Range<f64> {
    let (lo, hi) = series
        .iter()
        .flat_map(|(_, r)| r.iter().map(|e| 100.0 * e.test_accuracy))
        .filter(|a| a.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), a| {
            (lo.min(a), hi.max(a))
        });
    if !lo.is_finite() {
        return 0.0..100.0;
    }
    let lo = (5.0 * ((lo - 2.0) / 5.0).floor()).max(0.0);
    let hi = (5.0 * ((hi + 2.0) / 5.0).ceil()).min(100.0);
    lo..hi.max(lo + 5.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(accuracies: &[f64]) -> Vec<(String, Vec<EpochRecord>)> {
        let records = accuracies
            .iter()
            .enumerate()
            .map(|(i, &a)| EpochRecord {
                epoch: i + 1,
                train_loss: 0.5,
                test_loss: 0.5,
                test_accuracy: a,
            })
            .collect();
        vec![("run".into(), records)]
    }

    #[test]
    fn the_accuracy_axis_spans_the_runs_in_steps_of_five() {
        assert_eq!(accuracy_range(&at(&[0.8051, 0.8449])), 75.0..90.0);
        assert_eq!(accuracy_range(&at(&[0.1, 0.995])), 5.0..100.0);
        assert_eq!(accuracy_range(&at(&[f64::NAN])), 0.0..100.0);
    }
}
