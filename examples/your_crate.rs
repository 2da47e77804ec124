//! The README's "Use netspec in your crate", whole: declare a network, train it on your own
//! arrays, save it, predict, export. `tests/readme.rs` checks that every Rust block of that
//! README section is a part of this file, so the README's code compiles with every build.
//!
//! `cargo run --release --example your_crate` (about a minute; writes under runs/).

// README: begin
use std::path::Path;

use netspec::core::data::Dataset;
use netspec::iree::{export, Compiler, Device, Error, ExportOptions, Target};
use netspec::ndarray::{s, Array1, Array4};
use netspec::prelude::*;

netspec! {
    /// A small CNN for 16x16 grey images of 4 classes.
    pub TinyCnn: [1, 16, 16] => {
        conv1: conv2d(8, k = 3, p = 1), relu, max_pool(2),
        conv2: conv2d(16, k = 3, p = 1), relu, max_pool(2),
        flatten,
        fc: dense(4),
    }
}
// README: end

// README: begin
/// Stand-in data: `n` images whose class is the bright quadrant.
fn your_data(n: usize) -> (Array4<f32>, Array1<i32>) {
    let labels = Array1::from_shape_fn(n, |i| (i % 4) as i32);
    let images = Array4::from_shape_fn((n, 1, 16, 16), |(i, _, y, x)| {
        let quadrant = (y / 8) * 2 + x / 8;
        let noise = ((i * 7 + y * 13 + x * 29) % 11) as f32 / 11.0;
        if quadrant == i % 4 {
            1.0 + 0.5 * noise
        } else {
            0.5 * noise
        }
    });
    (images, labels)
}
// README: end

// README: begin
fn main() -> Result<(), Error> {
    // Images [n, c, h, w] and labels [n], checked: shapes, label range, finite pixels.
    let (images, labels) = your_data(512);
    let train = Dataset::from_arrays(images.view(), labels.view(), 4)?;

    let compiler = Compiler::new()?;
    let config = TrainConfig {
        lr: 0.05,
        batch_size: 32,
        epochs: 3,
        progress: false,
        ..TrainConfig::default()
    };
    let mut trainer = Trainer::new::<TinyCnn>(&compiler, config, None, &Device::LocalTask)?;
    for epoch in 1..=3 {
        let stats = trainer.train_epoch(&train, epoch)?;
        println!("epoch {epoch}: train loss {:.4}", stats.train_loss);
    }
    trainer.save(Path::new("runs/tiny_cnn.safetensors"))?;

    // Predictions in evaluation mode, for any number of inputs.
    let predictor = trainer.predictor::<TinyCnn>(&compiler, 64)?;
    let predictions = predictor.predict(images.slice(s![..3, .., .., ..]))?;
    for (i, top) in predictions.top_k(2).iter().enumerate() {
        println!("image {i}: label {}, top classes {top:?}", labels[i]);
    }

    // A directory that IREE's runtime runs without netspec.
    let options = ExportOptions {
        target: Target::HostCpu,
        batch: 1,
        normalization: None,
        class_names: vec![],
    };
    let out = export::<TinyCnn>(
        &compiler,
        trainer.params()?,
        Path::new("runs/tiny_cnn"),
        &options,
    )?;
    println!("exported {}", out.vmfb.display());
    Ok(())
}
// README: end
