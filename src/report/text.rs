//! Text set glyph by glyph at the pen position the font gives. plotters 0.3.7 draws ab_glyph
//! text with each glyph's outline at the pen position itself, dropping the glyph's left side
//! bearing, and with the pen rounded down per glyph, so the space after a letter with a wide
//! bearing grows and letters look unevenly spaced ("ep och", "accur acy"). [`Canvas`] is the
//! bitmap backend with its text drawn here instead; everything else is the bitmap backend's.

use ab_glyph::{point, Font, FontRef, ScaleFont};
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

/// The bitmap backend, with text set by [`draw_text`].
pub struct Canvas<'a> {
    pub bitmap: BitMapBackend<'a>,
    pub font: FontRef<'static>,
}

type Result<E> = std::result::Result<(), DrawingErrorKind<E>>;
type BitmapError = <BitMapBackend<'static> as DrawingBackend>::ErrorType;

/// Calls `plot(x, y, coverage)` for each pixel of `text` set in `font` at `size` pixels, from
/// a pen starting at x = 0. Vertically as plotters sets text: the baseline at y = size / 2.
pub fn draw_text<E>(
    font: &FontRef<'static>,
    size: f64,
    text: &str,
    mut plot: impl FnMut(i32, i32, f32) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let font = font.as_scaled(size as f32);
    let mut pen = 0f32;
    let mut previous = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = previous {
            pen += font.kern(p, id);
        }
        previous = Some(id);
        let mut glyph = font.scaled_glyph(c);
        glyph.position = point(pen, 0.0);
        if let Some(outline) = font.outline_glyph(glyph) {
            let bounds = outline.px_bounds();
            let (x0, y0) = (
                bounds.min.x as i32,
                (size as f32 / 2.0 + bounds.min.y) as i32,
            );
            let mut pixels = vec![];
            outline.draw(|x, y, coverage| pixels.push((x0 + x as i32, y0 + y as i32, coverage)));
            for (x, y, coverage) in pixels {
                plot(x, y, coverage)?;
            }
        }
        pen += font.h_advance(id);
    }
    Ok(())
}

impl DrawingBackend for Canvas<'_> {
    type ErrorType = BitmapError;

    fn get_size(&self) -> (u32, u32) {
        self.bitmap.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<BitmapError> {
        self.bitmap.ensure_prepared()
    }

    fn present(&mut self) -> Result<BitmapError> {
        self.bitmap.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<BitmapError> {
        self.bitmap.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<BitmapError> {
        self.bitmap.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<BitmapError> {
        self.bitmap.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<BitmapError> {
        self.bitmap.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<BitmapError> {
        self.bitmap.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<BitmapError> {
        self.bitmap.fill_polygon(vert, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<BitmapError> {
        self.bitmap.blit_bitmap(pos, size, src)
    }

    /// As plotters' own `draw_text` (the same layout box, anchor and rotation), with the
    /// glyphs placed by [`draw_text`].
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<BitmapError> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let ((min_x, min_y), (max_x, max_y)) = style
            .layout_box(text)
            .map_err(|e| DrawingErrorKind::FontError(Box::new(e)))?;
        let (width, height) = (max_x - min_x, max_y - min_y);
        let dx = match style.anchor().h_pos {
            HPos::Left => 0,
            HPos::Right => -width,
            HPos::Center => -width / 2,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => -height / 2,
            VPos::Bottom => -height,
        };
        let transform = style.transform();
        let (w, h) = self.get_size();
        let font = self.font.clone();
        draw_text(&font, style.size(), text, |x, y, coverage| {
            let (x, y) = transform.transform(x + dx - min_x, y + dy - min_y);
            let (x, y) = (pos.0 + x, pos.1 + y);
            if x >= 0 && x < w as i32 && y >= 0 && y < h as i32 {
                let c = BackendColor {
                    alpha: color.alpha * f64::from(coverage),
                    rgb: color.rgb,
                };
                self.bitmap.draw_pixel((x, y), c)
            } else {
                Ok(())
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use ab_glyph::{Font, ScaleFont};

    use super::*;

    /// The columns of `text` set at `size` that hold ink, as runs [first, last].
    fn ink_runs(font: &FontRef<'static>, size: f64, text: &str) -> Vec<(i32, i32)> {
        let mut columns = std::collections::BTreeSet::new();
        draw_text::<()>(font, size, text, |x, _, coverage| {
            if coverage > 0.5 {
                columns.insert(x);
            }
            Ok(())
        })
        .unwrap();
        let mut runs: Vec<(i32, i32)> = vec![];
        for x in columns {
            match runs.last_mut() {
                Some(r) if r.1 + 1 == x => r.1 = x,
                _ => runs.push((x, x)),
            }
        }
        runs
    }

    /// Each letter's ink starts where its left side bearing puts it after the pen: the gaps
    /// between the letters of "epoch" are the font's (within a pixel of rounding).
    #[test]
    fn letters_sit_at_their_bearings() {
        let font = FontRef::try_from_slice(super::super::DEJAVU_SANS).unwrap();
        let size = 60.0;
        let scaled = font.as_scaled(size as f32);
        let text = "epoch";
        let runs = ink_runs(&font, size, text);
        assert_eq!(
            runs.len(),
            text.len(),
            "one run of ink per letter: {runs:?}"
        );
        let mut pen = 0f32;
        let mut previous = None;
        for (c, run) in text.chars().zip(&runs) {
            let id = scaled.glyph_id(c);
            if let Some(p) = previous {
                pen += scaled.kern(p, id);
            }
            previous = Some(id);
            let mut glyph = scaled.scaled_glyph(c);
            glyph.position = point(pen, 0.0);
            let bounds = scaled.outline_glyph(glyph).unwrap().px_bounds();
            let expected = (pen + scaled.h_side_bearing(id)).round() as i32;
            assert!(
                (run.0 - expected).abs() <= 1,
                "{c}: ink from x = {}, its bearing puts it at {expected} (bounds {bounds:?})",
                run.0
            );
            pen += scaled.h_advance(id);
        }
    }
}
