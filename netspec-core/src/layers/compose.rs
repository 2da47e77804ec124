//! Helpers for blocks built from other layers: each sublayer gets its own run of the block's
//! parameters, and its parameter names sit under a prefix.

use super::Layer;
use crate::ir::Value;
use crate::params::ParamSpec;

/// Hands out consecutive runs of a block's parameter values, one run per sublayer.
pub struct ParamCursor<'a> {
    values: &'a [Value],
    at: usize,
}

impl<'a> ParamCursor<'a> {
    pub fn new(values: &'a [Value]) -> Self {
        ParamCursor { values, at: 0 }
    }

    pub fn take<L: Layer>(&mut self, layer: &L) -> &'a [Value] {
        let n = layer.params().len();
        let run = &self.values[self.at..self.at + n];
        self.at += n;
        run
    }
}

/// A sublayer's parameters under `prefix.`.
pub fn prefixed<L: Layer>(prefix: &str, layer: &L) -> Vec<ParamSpec> {
    layer
        .params()
        .into_iter()
        .map(|p| p.prefixed(prefix))
        .collect()
}

/// Prefixes a sublayer's error with the block and the part it is about.
pub fn in_block(block: &str, part: &str, e: super::SpecError) -> super::SpecError {
    super::SpecError {
        at: e.at,
        message: format!("{block}: its {part}: {}", e.message),
    }
}
