//! Predictions: a trained network in evaluation mode on any number of inputs.
//!
//! The forward module is compiled for a fixed batch (cached like every module); `predict` runs
//! the inputs through it a batch at a time and pads the last, partial batch with zeros whose
//! rows are dropped from the result.

use std::path::Path;

use eerie::runtime::Value;
use ndarray::{Array2, ArrayView, ArrayView2, Axis, Dimension};
use netspec_core::checkpoint::{self, NamedTensor};
use netspec_core::forward::{self, ForwardModule, Weights};
use netspec_core::Network;

use crate::compile::Compiler;
use crate::error::Error;
use crate::session::{read_f32, Device, Executable};

/// A network's forward pass in evaluation mode, compiled and holding its weights on a device.
pub struct Predictor {
    // Field order is drop order: the values before the executable's runtime.
    params: Vec<Value>,
    module: ForwardModule,
    exe: Executable,
}

impl Predictor {
    /// Compiles (or loads from cache) `N`'s forward module for `batch` inputs per call and
    /// places `params` (all parameters and buffers, checked against `N` by name and shape) on
    /// `device`.
    pub fn new<N: Network>(
        compiler: &Compiler,
        params: Vec<NamedTensor>,
        batch: usize,
        device: &Device,
    ) -> Result<Self, Error> {
        Self::with_source::<N>(
            compiler,
            params,
            Path::new("(given parameters)"),
            batch,
            device,
        )
    }

    /// A predictor with the weights of a checkpoint `Trainer::save` (or PyTorch) wrote.
    pub fn from_checkpoint<N: Network>(
        compiler: &Compiler,
        path: &Path,
        batch: usize,
        device: &Device,
    ) -> Result<Self, Error> {
        let tensors = checkpoint::load(path)?;
        Self::with_source::<N>(compiler, tensors, path, batch, device)
    }

    fn with_source<N: Network>(
        compiler: &Compiler,
        params: Vec<NamedTensor>,
        source: &Path,
        batch: usize,
        device: &Device,
    ) -> Result<Self, Error> {
        if batch == 0 {
            return Err(Error::Usage(
                "the prediction batch must be at least 1".into(),
            ));
        }
        let params = checkpoint::match_specs(
            source,
            N::NAME,
            checkpoint::parameters_only(params),
            &N::params(),
        )?;
        let module = forward::build::<N>(
            batch,
            Weights::Arguments,
            device.default_target().lowering(),
        );
        let exe = Executable::load(compiler, &module.module, device)?;
        let params = module
            .params
            .iter()
            .zip(&params)
            .map(|(s, t)| exe.upload_param(s, &t.data))
            .collect::<Result<_, _>>()?;
        Ok(Predictor {
            params,
            module,
            exe,
        })
    }

    /// Inputs per call of the compiled module.
    pub fn batch(&self) -> usize {
        self.module.batch()
    }

    /// The shape of one input, e.g. `[1, 28, 28]`.
    pub fn input_shape(&self) -> &[usize] {
        &self.module.input.shape[1..]
    }

    pub fn classes(&self) -> usize {
        self.module.classes()
    }

    /// How long the forward module took to compile, or to load from the cache.
    pub fn compile_seconds(&self) -> f64 {
        self.exe.compile.seconds
    }

    /// The logits of every input: `x` is `[n, ..input_shape]` (any `n`, including 0), the
    /// result `[n, classes]`. A shape that is not the network's is
    /// [`Error::ShapeMismatch`] naming both.
    pub fn predict<D: Dimension>(&self, x: ArrayView<f32, D>) -> Result<Predictions, Error> {
        let per_example = self.input_shape();
        if x.ndim() != per_example.len() + 1 || &x.shape()[1..] != per_example {
            let mut expected = vec![x.shape().first().copied().unwrap_or(0)];
            expected.extend_from_slice(per_example);
            return Err(Error::ShapeMismatch {
                what: format!("inputs to {}'s predictions", self.module.network),
                expected,
                got: x.shape().to_vec(),
            });
        }
        let n = x.shape()[0];
        let batch = self.batch();
        let pixels: usize = per_example.iter().product();
        let classes = self.classes();
        let mut logits = Vec::with_capacity(n * classes);
        let x = x.into_dyn();
        let mut chunk = Vec::with_capacity(batch * pixels);
        for start in (0..n).step_by(batch) {
            let rows = batch.min(n - start);
            chunk.clear();
            for i in start..start + rows {
                chunk.extend(x.index_axis(Axis(0), i).iter().copied());
            }
            if let Some(j) = chunk.iter().position(|v| !v.is_finite()) {
                return Err(Error::Data(netspec_core::data::DataError::InvalidArgument(
                    format!(
                        "input {} has value {} at position {}; inputs must be finite",
                        start + j / pixels,
                        chunk[j],
                        j % pixels
                    ),
                )));
            }
            chunk.resize(batch * pixels, 0.0);
            let inputs: Vec<Value> = self
                .params
                .iter()
                .cloned()
                .chain([self.exe.upload_f32(&self.module.input.shape, &chunk)?])
                .collect();
            let out = self.exe.call(forward::FUNCTION, inputs)?;
            let y = read_f32(&out[0])?;
            logits.extend_from_slice(&y[..rows * classes]);
        }
        Ok(Predictions {
            logits: Array2::from_shape_vec((n, classes), logits)
                .expect("one row of logits per input"),
        })
    }
}

/// The network's outputs for a set of inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Predictions {
    /// `[n, classes]`.
    pub logits: Array2<f32>,
}

impl Predictions {
    /// Softmax of each row of logits (computed from the row's maximum, so large logits do not
    /// overflow).
    pub fn probabilities(&self) -> Array2<f32> {
        softmax(self.logits.view())
    }

    /// The most likely class of each input (the lowest index on ties).
    pub fn classes(&self) -> Vec<usize> {
        self.top_k(1).into_iter().map(|row| row[0].0).collect()
    }

    /// The `k` most likely classes of each input with their probabilities, most likely first
    /// (ties by lower index); `k` is capped at the number of classes.
    pub fn top_k(&self, k: usize) -> Vec<Vec<(usize, f32)>> {
        let p = self.probabilities();
        p.rows()
            .into_iter()
            .map(|row| {
                let mut order: Vec<usize> = (0..row.len()).collect();
                order.sort_by(|&a, &b| row[b].total_cmp(&row[a]).then(a.cmp(&b)));
                order.truncate(k.min(row.len()));
                order.into_iter().map(|c| (c, row[c])).collect()
            })
            .collect()
    }
}

/// Row-wise softmax.
pub fn softmax(logits: ArrayView2<f32>) -> Array2<f32> {
    let mut p = logits.to_owned();
    for mut row in p.rows_mut() {
        let max = row.fold(f32::NEG_INFINITY, |m, &v| m.max(v));
        row.mapv_inplace(|v| (v - max).exp());
        let sum = row.sum();
        row.mapv_inplace(|v| v / sum);
    }
    p
}
