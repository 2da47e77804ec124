//! Decoding one image file, JPEG or PNG (told apart by their magic bytes, not the file name),
//! to 8-bit RGB planes.
//!
//! Greyscale becomes three equal channels, CMYK JPEGs are converted to RGB, palette PNGs are
//! expanded, 16-bit PNG samples are reduced to their high byte and alpha is dropped (PIL's
//! `convert("RGB")`, which torchvision's `ImageFolder` applies). An image of more than
//! [`MAX_PIXELS`] pixels is refused before its pixels are decoded: a header is cheap to forge
//! and a few bytes can claim gigabytes.

use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

use super::DataError;

/// The largest image decoded, in pixels (2^26: 8192 x 8192, more than any camera's).
pub const MAX_PIXELS: usize = 1 << 26;

/// An image as RGB planes of `height x width` bytes each (CHW).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RgbImage {
    pub pixels: Vec<u8>,
    pub height: usize,
    pub width: usize,
}

/// Whether a file name ends in an extension [`decode`] reads: `.jpeg`, `.jpg` or `.png`
/// (any case).
pub fn is_image_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.ends_with(".jpeg") || name.ends_with(".jpg") || name.ends_with(".png")
}

/// Decodes the bytes of a JPEG or PNG file; `origin` names it in errors. A JPEG whose shorter
/// side is above `min_short_side` may come back shrunk by the decoder (by 1/2, 1/4 or 1/8,
/// never below `min_short_side`), which makes large photographs much faster to read.
pub fn decode(bytes: &[u8], origin: &Path, min_short_side: usize) -> Result<RgbImage, DataError> {
    const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(PNG_MAGIC) {
        decode_png(bytes, origin)
    } else if bytes.starts_with(&[0xff, 0xd8]) {
        decode_jpeg(bytes, origin, min_short_side)
    } else {
        Err(malformed(
            origin,
            "cannot decode it as an image: its first bytes are neither a JPEG's nor a PNG's \
             magic number"
                .to_string(),
        ))
    }
}

fn decode_jpeg(bytes: &[u8], origin: &Path, keep: usize) -> Result<RgbImage, DataError> {
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    // The decoder has a few panicking paths on odd headers; a bad file must not take the
    // program down, so a panic becomes an error naming the file.
    let decoded = panic::catch_unwind(AssertUnwindSafe(|| {
        decoder.read_info()?;
        if let Some(info) = decoder.info() {
            let (w, h) = (usize::from(info.width), usize::from(info.height));
            if w * h > MAX_PIXELS {
                return Ok(Err((w, h)));
            }
            if w.min(h) > keep {
                // Ask for `keep` on the shorter side only; the longer side never decides.
                let want = keep as u16; // keep < shorter side <= u16::MAX
                let (rw, rh) = if w <= h {
                    (want, u16::MAX)
                } else {
                    (u16::MAX, want)
                };
                decoder.scale(rw, rh)?;
            }
        }
        let pixels = decoder.decode()?;
        Ok::<_, jpeg_decoder::Error>(Ok((pixels, decoder.info())))
    }));
    let (pixels, info) = match decoded {
        Ok(Ok(Ok((pixels, Some(info))))) => (pixels, info),
        Ok(Ok(Err((w, h)))) => return Err(too_large(origin, "JPEG", w, h)),
        Ok(Ok(Ok((_, None)))) => {
            return Err(malformed(
                origin,
                "the JPEG has no frame header".to_string(),
            ))
        }
        Ok(Err(e)) => {
            return Err(malformed(
                origin,
                format!("cannot decode it as a JPEG ({e}); the file is probably incomplete"),
            ))
        }
        Err(_) => {
            return Err(malformed(
                origin,
                "the JPEG decoder failed on it (a damaged file?)".to_string(),
            ))
        }
    };
    let (width, height) = (usize::from(info.width), usize::from(info.height));
    let per_pixel = match info.pixel_format {
        jpeg_decoder::PixelFormat::L8 => 1,
        jpeg_decoder::PixelFormat::RGB24 => 3,
        jpeg_decoder::PixelFormat::CMYK32 => 4,
        jpeg_decoder::PixelFormat::L16 => {
            return Err(malformed(
                origin,
                "16-bit greyscale JPEGs are not supported; convert it to 8-bit RGB".to_string(),
            ))
        }
    };
    planar_rgb(
        origin,
        "JPEG",
        &pixels,
        width,
        height,
        per_pixel,
        |px| match px {
            [l] => [*l, *l, *l],
            [r, g, b] => [*r, *g, *b],
            // The decoder hands out plain (not Adobe-inverted) CMYK: R = (1 - C)(1 - K).
            [c, m, y, k] => {
                let k = 255 - u32::from(*k);
                let ink = |v: u8| (((255 - u32::from(v)) * k + 127) / 255) as u8;
                [ink(*c), ink(*m), ink(*y)]
            }
            _ => unreachable!("1, 3 or 4 bytes per pixel"),
        },
    )
}

fn decode_png(bytes: &[u8], origin: &Path) -> Result<RgbImage, DataError> {
    let fail = |e: png::DecodingError| {
        malformed(
            origin,
            format!("cannot decode it as a PNG ({e}); the file is probably incomplete"),
        )
    };
    let mut decoder = png::Decoder::new_with_limits(
        std::io::Cursor::new(bytes),
        png::Limits {
            bytes: 4 * MAX_PIXELS,
        },
    );
    // Palette expanded, 16-bit samples cut to 8: every image comes out as 8-bit samples.
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let header = decoder.read_header_info().map_err(fail)?;
    let (width, height) = (header.width as usize, header.height as usize);
    if width * height > MAX_PIXELS {
        return Err(too_large(origin, "PNG", width, height));
    }
    let mut reader = decoder.read_info().map_err(fail)?;
    // The png crate (0.18.1) panics expanding a palette whose length is not a multiple of 3,
    // which the PNG specification forbids anyway (found by fuzzing: fuzz/regressions/png).
    if let Some(palette) = &reader.info().palette {
        if palette.len() % 3 != 0 || palette.len() > 3 * 256 {
            return Err(malformed(
                origin,
                format!(
                    "its palette (PLTE) is {} bytes, not 3 per entry for at most 256 entries",
                    palette.len()
                ),
            ));
        }
    }
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| too_large(origin, "PNG", width, height))?;
    let mut buffer = vec![0u8; size];
    let frame = reader.next_frame(&mut buffer).map_err(fail)?;
    let per_pixel = frame.color_type.samples();
    let pixels = &buffer[..frame.buffer_size()];
    // Rows may be padded to whole bytes only for < 8-bit samples, which the transformations
    // above have already widened; each row is `width * per_pixel` bytes.
    planar_rgb(
        origin,
        "PNG",
        pixels,
        width,
        height,
        per_pixel,
        |px| match px {
            [l] | [l, _] => [*l, *l, *l],
            [r, g, b] | [r, g, b, _] => [*r, *g, *b],
            _ => unreachable!("1 to 4 samples per pixel"),
        },
    )
}

/// Interleaved pixels of `per_pixel` bytes to RGB planes, checking the decoder's byte count.
fn planar_rgb(
    origin: &Path,
    format: &str,
    pixels: &[u8],
    width: usize,
    height: usize,
    per_pixel: usize,
    rgb_of: impl Fn(&[u8]) -> [u8; 3],
) -> Result<RgbImage, DataError> {
    if width == 0 || height == 0 {
        return Err(malformed(
            origin,
            format!("the {format} is {width}x{height} pixels"),
        ));
    }
    let plane = width * height;
    if pixels.len() != plane * per_pixel {
        return Err(malformed(
            origin,
            format!(
                "decoded {} bytes for a {width}x{height} {format} with {per_pixel} byte(s) per \
                 pixel",
                pixels.len()
            ),
        ));
    }
    let mut out = vec![0u8; 3 * plane];
    for (i, px) in pixels.chunks_exact(per_pixel).enumerate() {
        let [r, g, b] = rgb_of(px);
        out[i] = r;
        out[plane + i] = g;
        out[2 * plane + i] = b;
    }
    Ok(RgbImage {
        pixels: out,
        height,
        width,
    })
}

fn too_large(origin: &Path, format: &str, width: usize, height: usize) -> DataError {
    DataError::Malformed {
        path: origin.to_path_buf(),
        problem: format!(
            "the {format} claims {width}x{height} pixels, more than the {MAX_PIXELS} netspec \
             decodes; resize it first"
        ),
    }
}

/// An image that cannot be used: a user's own file as often as not, so no data set's hint.
fn malformed(origin: &Path, problem: String) -> DataError {
    DataError::Malformed {
        path: origin.to_path_buf(),
        problem: format!("{problem}; replace or remove the image"),
    }
}
