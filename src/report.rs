//! A training report as a PNG: loss per epoch (train and test) on the left, test accuracy on
//! the right. Written with flate2 and a hand-made PNG encoder, so no plotting stack is needed.

use std::io::Write;
use std::path::Path;

/// One epoch's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct EpochRecord {
    pub epoch: usize,
    pub train_loss: f64,
    pub test_loss: f64,
    pub test_accuracy: f64,
}

const W: usize = 800;
const H: usize = 360;
type Rgb = [u8; 3];
const WHITE: Rgb = [255, 255, 255];
const GREY: Rgb = [210, 210, 210];
const BLACK: Rgb = [40, 40, 40];
const BLUE: Rgb = [31, 119, 180];
const ORANGE: Rgb = [255, 127, 14];
const GREEN: Rgb = [44, 160, 44];

struct Canvas {
    px: Vec<Rgb>,
}

impl Canvas {
    fn set(&mut self, x: i64, y: i64, c: Rgb) {
        if (0..W as i64).contains(&x) && (0..H as i64).contains(&y) {
            self.px[y as usize * W + x as usize] = c;
        }
    }

    fn line(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), c: Rgb) {
        let n = ((x1 - x0).abs().max((y1 - y0).abs()) as usize).max(1);
        for i in 0..=n {
            let t = i as f64 / n as f64;
            let (x, y) = (
                (x0 + t * (x1 - x0)).round() as i64,
                (y0 + t * (y1 - y0)).round() as i64,
            );
            for (dx, dy) in [(0, 0), (1, 0), (0, 1)] {
                self.set(x + dx, y + dy, c);
            }
        }
    }

    /// Text in a 3x5 pixel font, scaled by 2: digits, '.', '%' and a few letters.
    fn text(&mut self, x: i64, y: i64, s: &str, c: Rgb) {
        for (i, ch) in s.chars().enumerate() {
            let rows = glyph(ch);
            for (r, bits) in rows.iter().enumerate() {
                for col in 0..3 {
                    if bits & (4 >> col) != 0 {
                        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                            self.set(x + i as i64 * 8 + col * 2 + dx, y + r as i64 * 2 + dy, c);
                        }
                    }
                }
            }
        }
    }
}

fn glyph(c: char) -> [u8; 5] {
    match c {
        '0' => [7, 5, 5, 5, 7],
        '1' => [2, 6, 2, 2, 7],
        '2' => [7, 1, 7, 4, 7],
        '3' => [7, 1, 7, 1, 7],
        '4' => [5, 5, 7, 1, 1],
        '5' => [7, 4, 7, 1, 7],
        '6' => [7, 4, 7, 5, 7],
        '7' => [7, 1, 1, 1, 1],
        '8' => [7, 5, 7, 5, 7],
        '9' => [7, 5, 7, 1, 7],
        '.' => [0, 0, 0, 0, 2],
        '%' => [5, 1, 2, 4, 5],
        'a' => [0, 7, 1, 7, 7],
        'c' => [0, 7, 4, 4, 7],
        'e' => [7, 5, 7, 4, 7],
        'h' => [4, 4, 7, 5, 5],
        'i' => [2, 0, 2, 2, 2],
        'n' => [0, 6, 5, 5, 5],
        'l' => [4, 4, 4, 4, 6],
        'o' => [0, 7, 5, 5, 7],
        'p' => [7, 5, 7, 4, 4],
        'r' => [0, 7, 4, 4, 4],
        's' => [7, 4, 7, 1, 7],
        't' => [2, 7, 2, 2, 3],
        'u' => [0, 5, 5, 5, 7],
        'y' => [5, 5, 7, 1, 7],
        _ => [0; 5],
    }
}

/// A panel at x offset `left`, plotting `series` (colour, values per epoch) on [lo, hi].
fn panel(
    c: &mut Canvas,
    left: f64,
    title: &str,
    series: &[(Rgb, &str, Vec<f64>)],
    lo: f64,
    hi: f64,
    label: impl Fn(f64) -> String,
) {
    let (top, bottom, width) = (40.0, H as f64 - 40.0, W as f64 / 2.0 - 90.0);
    let x0 = left + 60.0;
    c.text(x0 as i64, 12, title, BLACK);
    // A legend when there are several series: each one's name in its colour.
    let mut x = x0 as i64 + 8 * (title.len() as i64 + 2);
    for (colour, name, _) in series.iter().filter(|_| series.len() > 1) {
        c.text(x, 12, name, *colour);
        x += 8 * (name.len() as i64 + 2);
    }
    for k in 0..=4 {
        let y = bottom - (bottom - top) * k as f64 / 4.0;
        c.line((x0, y), (x0 + width, y), GREY);
        c.text(
            left as i64 + 4,
            y as i64 - 5,
            &label(lo + (hi - lo) * k as f64 / 4.0),
            BLACK,
        );
    }
    c.line((x0, top), (x0, bottom), BLACK);
    c.line((x0, bottom), (x0 + width, bottom), BLACK);
    let n = series.iter().map(|(_, _, v)| v.len()).max().unwrap_or(0);
    let x_of = |i: usize| {
        x0 + if n > 1 {
            width * i as f64 / (n - 1) as f64
        } else {
            width / 2.0
        }
    };
    c.text(x0 as i64, bottom as i64 + 10, "1", BLACK);
    c.text(
        (x0 + width) as i64 - 16,
        bottom as i64 + 10,
        &n.to_string(),
        BLACK,
    );
    for (colour, _, values) in series {
        let y_of =
            |v: f64| bottom - (bottom - top) * ((v - lo) / (hi - lo).max(1e-12)).clamp(0.0, 1.0);
        for (i, v) in values.iter().enumerate() {
            let p = (x_of(i), y_of(*v));
            if i > 0 {
                c.line((x_of(i - 1), y_of(values[i - 1])), p, *colour);
            }
            for d in -2..=2 {
                c.set(p.0 as i64 + d, p.1 as i64, *colour);
                c.set(p.0 as i64, p.1 as i64 + d, *colour);
            }
        }
    }
}

/// Draws the report: left, train loss (blue) and test loss (orange); right, test accuracy.
pub fn render(records: &[EpochRecord]) -> Vec<u8> {
    let mut c = Canvas {
        px: vec![WHITE; W * H],
    };
    let losses: Vec<f64> = records
        .iter()
        .flat_map(|r| [r.train_loss, r.test_loss])
        .filter(|v| v.is_finite())
        .collect();
    let hi = losses.iter().cloned().fold(0.0, f64::max).max(1e-3) * 1.05;
    let train: Vec<f64> = records.iter().map(|r| r.train_loss).collect();
    let test: Vec<f64> = records.iter().map(|r| r.test_loss).collect();
    panel(
        &mut c,
        0.0,
        "loss",
        &[(BLUE, "train", train), (ORANGE, "test", test)],
        0.0,
        hi,
        |v| format!("{v:.2}"),
    );
    let acc: Vec<f64> = records.iter().map(|r| 100.0 * r.test_accuracy).collect();
    panel(
        &mut c,
        W as f64 / 2.0,
        "accuracy %",
        &[(GREEN, "test", acc)],
        0.0,
        100.0,
        |v| format!("{v:.0}"),
    );
    png(&c.px)
}

pub fn write(path: &Path, records: &[EpochRecord]) -> std::io::Result<()> {
    std::fs::write(path, render(records))
}

/// An 8-bit RGB PNG: signature, IHDR, one zlib IDAT, IEND.
fn png(px: &[Rgb]) -> Vec<u8> {
    let mut raw = Vec::with_capacity(H * (1 + 3 * W));
    for row in px.chunks(W) {
        raw.push(0); // filter: none
        row.iter().for_each(|p| raw.extend_from_slice(p));
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&raw).expect("writing to memory");
    let idat = z.finish().expect("writing to memory");
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&(W as u32).to_be_bytes());
    ihdr.extend_from_slice(&(H as u32).to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(b"IHDR", &ihdr), (b"IDAT", &idat), (b"IEND", &Vec::new())] {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = crc32fast::Hasher::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.finalize().to_be_bytes());
    }
    out
}
