//! `data::image::decode`: PNGs of every colour type and JPEGs to the same RGB planes, whatever
//! the file is called; forged sizes refused before decoding.

use std::path::Path;

use netspec_core::data::image::{self, MAX_PIXELS};

fn png_file(w: u32, h: u32, color: png::ColorType, depth: png::BitDepth, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(color);
    encoder.set_depth(depth);
    if color == png::ColorType::Indexed {
        encoder.set_palette(vec![10, 20, 30, 200, 100, 0]);
    }
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(data).unwrap();
    drop(writer);
    out
}

fn decode(bytes: &[u8]) -> image::RgbImage {
    image::decode(bytes, Path::new("x.png"), 1).unwrap()
}

#[test]
fn png_colour_types_become_rgb_planes() {
    // 2x1 images: pixel 0 then pixel 1, planes R, G, B.
    let rgba = png_file(
        2,
        1,
        png::ColorType::Rgba,
        png::BitDepth::Eight,
        &[1, 2, 3, 255, 4, 5, 6, 0],
    );
    assert_eq!(
        decode(&rgba).pixels,
        [1, 4, 2, 5, 3, 6],
        "alpha is dropped, not composited"
    );
    let grey16 = png_file(
        2,
        1,
        png::ColorType::Grayscale,
        png::BitDepth::Sixteen,
        &[0x12, 0x34, 0xab, 0xcd],
    );
    assert_eq!(
        decode(&grey16).pixels,
        [0x12, 0xab, 0x12, 0xab, 0x12, 0xab],
        "16-bit keeps the high byte"
    );
    let palette = png_file(2, 1, png::ColorType::Indexed, png::BitDepth::Eight, &[1, 0]);
    assert_eq!(decode(&palette).pixels, [200, 10, 100, 20, 0, 30]);
    let grey_alpha = png_file(
        2,
        1,
        png::ColorType::GrayscaleAlpha,
        png::BitDepth::Eight,
        &[7, 0, 9, 255],
    );
    let out = decode(&grey_alpha);
    assert_eq!(
        (out.height, out.width, out.pixels),
        (1, 2, vec![7, 9, 7, 9, 7, 9])
    );
}

#[test]
fn the_format_is_told_by_its_bytes_not_its_name() {
    let mut jpeg = Vec::new();
    jpeg_encoder::Encoder::new(&mut jpeg, 100)
        .encode(&[128; 8 * 8 * 3], 8, 8, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    let out = image::decode(&jpeg, Path::new("photo.png"), 8).unwrap();
    assert_eq!((out.height, out.width), (8, 8));
    assert!(
        out.pixels.iter().all(|&p| p.abs_diff(128) <= 1),
        "{:?}",
        out.pixels
    );
}

#[test]
fn a_forged_size_is_refused_before_decoding() {
    // A valid PNG signature and IHDR claiming 16384 x 16384 pixels, and no pixel data.
    let side = 16384u32;
    assert!((side as usize).pow(2) > MAX_PIXELS);
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(b"IHDR");
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(&13u32.to_be_bytes());
    bytes.extend_from_slice(&ihdr);
    bytes.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    let msg = image::decode(&bytes, Path::new("forged.png"), 1)
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("forged.png") && msg.contains("16384x16384"),
        "{msg}"
    );
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
