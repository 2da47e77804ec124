//! `--scale`: a study shortened for a CPU. Every option is printed in the table's heading, so a
//! shortened study is never mistaken for the full one.

use netspec_iree::Error;
use serde::{Deserialize, Serialize};

/// How a study is shortened; the default is the full study.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    /// Each run trains at most this many epochs (its schedule fitted to them).
    pub epochs: Option<usize>,
    /// Each run trains on the first N training examples.
    pub train: Option<usize>,
    /// Each run is evaluated on the first N test examples.
    pub test: Option<usize>,
    /// Networks declared at several resolutions run at this one (ResNet-34: 32 or 224).
    pub resolution: Option<usize>,
}

impl Scale {
    /// Parses `epochs=3,train=10000,test=2000,resolution=32` (any of them, in any order;
    /// given several times, the options add up).
    pub fn add(&mut self, text: &str) -> Result<(), Error> {
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let bad = || {
                Error::Usage(format!(
                    "--scale {part}: expected KEY=N with KEY one of epochs, train, test, \
                     resolution (e.g. --scale epochs=3,train=10000)"
                ))
            };
            let (key, value) = part.split_once('=').ok_or_else(bad)?;
            let n: usize = value.trim().parse().map_err(|_| bad())?;
            if n == 0 {
                return Err(Error::Usage(format!(
                    "--scale {part}: N must be at least 1"
                )));
            }
            match key.trim() {
                "epochs" => self.epochs = Some(n),
                "train" => self.train = Some(n),
                "test" => self.test = Some(n),
                "resolution" => self.resolution = Some(n),
                _ => return Err(bad()),
            }
        }
        Ok(())
    }

    pub fn is_full(&self) -> bool {
        *self == Scale::default()
    }

    /// For the table's heading: `full` or `epochs <= 3, first 10000 training examples, ...`.
    pub fn describe(&self) -> String {
        if self.is_full() {
            return "full (the book's epochs, every example)".into();
        }
        let mut parts = vec![];
        if let Some(n) = self.epochs {
            parts.push(format!("at most {n} epochs per run"));
        }
        if let Some(n) = self.train {
            parts.push(format!("the first {n} training examples"));
        }
        if let Some(n) = self.test {
            parts.push(format!("the first {n} test examples"));
        }
        if let Some(n) = self.resolution {
            parts.push(format!("{n}x{n} where a network has that resolution"));
        }
        format!("shortened: {}", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_options_parse_and_describe_themselves() {
        let mut s = Scale::default();
        assert!(s.is_full());
        s.add("epochs=3, train=10000").unwrap();
        s.add("resolution=32").unwrap();
        assert_eq!(
            s,
            Scale {
                epochs: Some(3),
                train: Some(10000),
                test: None,
                resolution: Some(32)
            }
        );
        assert_eq!(
            s.describe(),
            "shortened: at most 3 epochs per run, the first 10000 training examples, 32x32 \
             where a network has that resolution"
        );
        for bad in ["epochs", "epochs=x", "speed=2", "train=0"] {
            let e = Scale::default().add(bad).unwrap_err().to_string();
            assert!(e.contains(bad), "{e}");
        }
    }
}
