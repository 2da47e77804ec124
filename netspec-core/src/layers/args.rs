//! A layer call's arguments as written in a `netspec!` block, independent of any parser:
//! `dense(512, bias = false)` has one positional and one named argument.

use super::{ArgRef, SpecError};

#[derive(Clone, Debug, PartialEq)]
pub enum ArgValue {
    Int(i64),
    Float(f64),
    Bool(bool),
    Ident(String),
}

impl ArgValue {
    fn describe(&self) -> String {
        match self {
            ArgValue::Int(i) => format!("the integer {i}"),
            ArgValue::Float(x) => format!("the number {x}"),
            ArgValue::Bool(b) => format!("`{b}`"),
            ArgValue::Ident(s) => format!("`{s}`"),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Args {
    pub positional: Vec<ArgValue>,
    pub named: Vec<(String, ArgValue)>,
}

impl Args {
    /// Rejects arguments the layer does not take, naming those it does.
    pub fn expect(
        &self,
        layer: &str,
        positional: &[&str],
        named: &[&str],
    ) -> Result<(), SpecError> {
        if self.positional.len() > positional.len() {
            let takes = if positional.is_empty() {
                "no positional arguments".to_string()
            } else {
                format!(
                    "{} positional argument(s): {}",
                    positional.len(),
                    positional.join(", ")
                )
            };
            return Err(SpecError {
                at: Some(ArgRef::Positional(positional.len())),
                message: format!("`{layer}` takes {takes}"),
            });
        }
        for (i, (name, _)) in self.named.iter().enumerate() {
            let known = named.contains(&name.as_str()) || positional.contains(&name.as_str());
            if !known {
                let mut all: Vec<&str> = positional.to_vec();
                all.extend(named);
                let list = if all.is_empty() {
                    "none".to_string()
                } else {
                    all.join(", ")
                };
                return Err(SpecError {
                    at: Some(ArgRef::Named(name.clone())),
                    message: format!("`{layer}` has no argument `{name}` (its arguments: {list})"),
                });
            }
            if let Some(p) = positional.iter().position(|p| p == name) {
                if let Some(v) = self.positional.get(p) {
                    return Err(SpecError {
                        at: Some(ArgRef::Named(name.clone())),
                        message: format!(
                            "`{name}` is given both by position ({}) and by name",
                            v.describe()
                        ),
                    });
                }
            }
            if self.named[..i].iter().any(|(n, _)| n == name) {
                return Err(SpecError {
                    at: Some(ArgRef::Named(name.clone())),
                    message: format!("`{name}` is given twice"),
                });
            }
        }
        Ok(())
    }

    /// The argument given at position `pos` or by `name`, with where it was given.
    pub fn find(&self, pos: Option<usize>, name: &str) -> Option<(ArgRef, &ArgValue)> {
        if let Some(v) = pos.and_then(|p| self.positional.get(p)) {
            return Some((ArgRef::Positional(pos.unwrap()), v));
        }
        self.named
            .iter()
            .find(|(n, _)| n == name)
            .map(|(n, v)| (ArgRef::Named(n.clone()), v))
    }

    /// A positive integer such as a feature count or kernel size.
    pub fn positive(&self, pos: Option<usize>, name: &str) -> Result<Option<usize>, SpecError> {
        match self.find(pos, name) {
            None => Ok(None),
            Some((_, ArgValue::Int(i))) if *i > 0 => Ok(Some(*i as usize)),
            Some((at, v)) => Err(SpecError {
                at: Some(at),
                message: format!(
                    "`{name}` must be a positive integer, found {}",
                    v.describe()
                ),
            }),
        }
    }

    /// A required positive integer.
    pub fn required_positive(
        &self,
        layer: &str,
        pos: usize,
        name: &str,
    ) -> Result<usize, SpecError> {
        self.positive(Some(pos), name)?.ok_or_else(|| {
            SpecError::layer(format!("`{layer}` needs `{name}`, e.g. `{layer}(64)`"))
        })
    }

    pub fn bool(&self, name: &str, default: bool) -> Result<bool, SpecError> {
        match self.find(None, name) {
            None => Ok(default),
            Some((_, ArgValue::Bool(b))) => Ok(*b),
            Some((at, v)) => Err(SpecError {
                at: Some(at),
                message: format!("`{name}` must be `true` or `false`, found {}", v.describe()),
            }),
        }
    }

    /// A positive number such as an epsilon or a momentum in (0, 1].
    pub fn float(&self, name: &str, default: f64) -> Result<f64, SpecError> {
        match self.find(None, name) {
            None => Ok(default),
            Some((_, ArgValue::Float(x))) if *x > 0.0 => Ok(*x),
            Some((_, ArgValue::Int(i))) if *i > 0 => Ok(*i as f64),
            Some((at, v)) => Err(SpecError {
                at: Some(at),
                message: format!("`{name}` must be a positive number, found {}", v.describe()),
            }),
        }
    }

    /// A padding: a non-negative integer, or `same` (output size = input size at stride 1:
    /// the extra pixel of an even kernel goes to the bottom and right, as in PyTorch), or
    /// `valid` (no padding). Returns (low, high) for kernel size `k`.
    pub fn padding(
        &self,
        name: &str,
        k: usize,
        stride: usize,
    ) -> Result<(usize, usize), SpecError> {
        match self.find(None, name) {
            None => Ok((0, 0)),
            Some((_, ArgValue::Int(i))) if *i >= 0 => Ok((*i as usize, *i as usize)),
            Some((_, ArgValue::Ident(s))) if s == "valid" => Ok((0, 0)),
            Some((at, ArgValue::Ident(s))) if s == "same" => {
                if stride != 1 {
                    return Err(SpecError { at: Some(at), message: format!("`{name} = same` keeps the size only at stride 1, but this layer has stride {stride}: give the padding as a number") });
                }
                Ok(((k - 1) / 2, k - 1 - (k - 1) / 2))
            }
            Some((at, v)) => Err(SpecError {
                at: Some(at),
                message: format!(
                    "`{name}` must be a non-negative integer, `same` or `valid`, found {}",
                    v.describe()
                ),
            }),
        }
    }
}
