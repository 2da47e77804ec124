//! Writes small valid files of every format into `corpus/<target>/` (the directory given as the
//! first argument, default `corpus`), for the fuzz targets to start from.

use std::fs;
use std::io::Write;
use std::path::Path;

use netspec_core::checkpoint::{self, NamedTensor};
use netspec_core::data::idx;

#[path = "../../netspec-iree/src/cache_entry.rs"]
#[allow(dead_code)]
mod cache_entry;

fn main() -> std::io::Result<()> {
    let root = std::env::args().nth(1).unwrap_or_else(|| "corpus".into());
    let root = Path::new(&root);
    let put = |target: &str, name: &str, bytes: &[u8]| -> std::io::Result<()> {
        let dir = root.join(target);
        fs::create_dir_all(&dir)?;
        fs::write(dir.join(name), bytes)
    };

    let images = idx::encode(
        &[3, 4, 5],
        &(0..60).map(|i| (i * 17) as u8).collect::<Vec<_>>(),
    );
    let labels = idx::encode(&[3], &[0, 7, 9]);
    put("idx", "images", &images)?;
    put("idx", "labels", &labels)?;
    put("idx_gzip", "images.gz", &gzip(&images))?;
    put("idx_gzip", "labels.gz", &gzip(&labels))?;

    let mut cifar = Vec::new();
    for label in [3u8, 8] {
        cifar.push(label);
        cifar.extend((0..3 * 32 * 32).map(|i| (i % 251) as u8 ^ label));
    }
    put("cifar", "two_records.bin", &cifar)?;

    let (w, h) = (16u16, 12u16);
    let rgb: Vec<u8> = (0..usize::from(w) * usize::from(h) * 3)
        .map(|i| (i * 7 % 256) as u8)
        .collect();
    for (name, color, bytes) in [
        ("rgb.jpg", jpeg_encoder::ColorType::Rgb, &rgb[..]),
        (
            "grey.jpg",
            jpeg_encoder::ColorType::Luma,
            &rgb[..rgb.len() / 3],
        ),
    ] {
        let mut out = Vec::new();
        jpeg_encoder::Encoder::new(&mut out, 90)
            .encode(bytes, w, h, color)
            .expect("encodes");
        put("jpeg", name, &out)?;
    }

    let (w, h) = (u32::from(w), u32::from(h));
    let plane = (w * h) as usize;
    for (name, color, depth, samples) in [
        ("rgb.png", png::ColorType::Rgb, png::BitDepth::Eight, 3),
        ("rgba.png", png::ColorType::Rgba, png::BitDepth::Eight, 4),
        (
            "grey16.png",
            png::ColorType::Grayscale,
            png::BitDepth::Sixteen,
            2,
        ),
        (
            "grey_alpha.png",
            png::ColorType::GrayscaleAlpha,
            png::BitDepth::Eight,
            2,
        ),
    ] {
        let data: Vec<u8> = (0..plane * samples).map(|i| (i * 13 % 256) as u8).collect();
        put("png", name, &png_file(w, h, color, depth, None, &data))?;
    }
    let palette: Vec<u8> = (0..4 * 3).map(|i| (i * 60) as u8).collect();
    let indices: Vec<u8> = (0..plane).map(|i| (i % 4) as u8).collect();
    put(
        "png",
        "palette.png",
        &png_file(
            w,
            h,
            png::ColorType::Indexed,
            png::BitDepth::Eight,
            Some(palette),
            &indices,
        ),
    )?;

    let tmp = std::env::temp_dir().join(format!("netspec-seed-{}.safetensors", std::process::id()));
    let tensors = [
        NamedTensor {
            name: "fc.weight".into(),
            shape: vec![3, 4],
            data: (0..12).map(|i| i as f32 / 10.0).collect(),
        },
        NamedTensor {
            name: "fc.bias".into(),
            shape: vec![3],
            data: vec![0.5, -1.0, 2.0],
        },
    ];
    checkpoint::save(&tmp, &tensors, &[("network".into(), "Fuzz".into())])
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    put("checkpoint", "fits.safetensors", &fs::read(&tmp)?)?;
    checkpoint::save(&tmp, &tensors[..1], &[]).map_err(|e| std::io::Error::other(e.to_string()))?;
    put("checkpoint", "missing_bias.safetensors", &fs::read(&tmp)?)?;
    fs::remove_file(&tmp)?;

    let values: Vec<String> = (0..784)
        .map(|i| match i % 3 {
            0 => "0".to_string(),
            1 => format!("{}", (i % 100) as f64 / 100.0),
            _ => "1".to_string(),
        })
        .collect();
    put(
        "digits_json",
        "one_digit.json",
        format!("{{\"data\":[{}]}}", values.join(",")).as_bytes(),
    )?;

    let vmfb: Vec<u8> = (0..200).map(|i| (i * 31 % 256) as u8).collect();
    put("cache_entry", "entry.vmfb", &cache_entry::seal(&vmfb))?;
    println!("seeds written under {}", root.display());
    Ok(())
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("in memory");
    encoder.finish().expect("in memory")
}

fn png_file(
    w: u32,
    h: u32,
    color: png::ColorType,
    depth: png::BitDepth,
    palette: Option<Vec<u8>>,
    data: &[u8],
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(color);
    encoder.set_depth(depth);
    if let Some(palette) = palette {
        encoder.set_palette(palette);
    }
    let mut writer = encoder.write_header().expect("in memory");
    writer.write_image_data(data).expect("sizes match");
    drop(writer);
    out
}
