//! One train step of a full network on IREE against the reference evaluator, with a yardstick
//! that knows float32.
//!
//! A fixed tolerance cannot judge real networks: ReLU, ReLU6 and max-pooling make a step
//! non-smooth at float32's scale (a ReLU input within rounding of 0 goes either way, and every
//! gradient below it moves with it), and deep stacks of BatchNorm over small spatial extents
//! amplify rounding. So the comparison is made smooth and its allowance float32's own:
//!
//! 1. The reference takes IREE's kink decisions. The compiled step reports the outcome of every
//!    comparison it makes (`Function::reporting_decisions`: ReLU masks, max-pool choices), and
//!    the reference evaluates the same step with those outcomes
//!    (`reference::Evaluation::decisions`). Both then take the same branches; what remains is
//!    smooth, and a few decisions overruled say how many kinks the two evaluators saw apart.
//! 2. The allowance is float32's own: the reference evaluates the step in f64 and, with the same
//!    decisions, in f32 (`reference::Precision::F32`). Per tensor, IREE may differ from the f64
//!    step by [`MULTIPLE`] times as much as the f32 step does, and by at least [`MULTIPLE`]
//!    f32 roundings of the tensor's largest entry.
//!
//! Compared per tensor: every parameter's and buffer's update (new minus old: a parameter one
//! step barely moves would hide a wrong update inside its unchanged digits), every optimizer
//! state, and the loss. SGD with momentum: the first step's momentum buffer is the gradient
//! itself (plus weight decay), and the update follows it linearly (Adam's first step divides it
//! by its own magnitude and would hide its size).

use std::collections::HashMap;
use std::fmt;

use ndarray::{ArrayD, IxDyn};
use netspec_core::checkpoint::NamedTensor;
use netspec_core::compare::{largest_magnitude, max_abs_diff, max_nan, within};
use netspec_core::ir::{Lowering, Module, Value};
use netspec_core::loss::Loss;
use netspec_core::noise;
use netspec_core::optim::Optimizer;
use netspec_core::reference::{self, Evaluation, Precision, Tensor};
use netspec_core::step::{self, StepConfig, StepModule};
use netspec_core::Network;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::session::read_f32;
use crate::{Compiler, Device, Error, Executable};

/// How far IREE may be from the f64 step, in units of how far the f32 step is.
pub const MULTIPLE: f64 = 8.0;

/// One f32 rounding, relative: the least allowance of a tensor per unit of its largest entry.
pub const ROUNDING: f64 = f32::EPSILON as f64 / 2.0;

/// The step compared: SGD with momentum and weight decay on random images in [0, 1) and random
/// labels of 10 classes, cross-entropy with label smoothing; dropout and stochastic-depth masks
/// drawn from `seed`.
#[derive(Clone, Debug)]
pub struct OneStep {
    pub batch: usize,
    pub lr: f64,
    pub momentum: f64,
    pub weight_decay: f64,
    pub label_smoothing: f64,
    /// Stochastic-depth rate of the last block (networks without it ignore it).
    pub drop_path: f64,
    pub seed: u64,
}

impl OneStep {
    /// The step of `N` at `batch`, formulated under `lowering`.
    pub fn module<N: Network>(&self, lowering: Lowering) -> StepModule {
        step::build::<N>(StepConfig {
            batch: self.batch,
            loss: Loss::CrossEntropy {
                label_smoothing: self.label_smoothing,
            },
            optimizer: Optimizer::Sgd {
                momentum: self.momentum,
                weight_decay: self.weight_decay,
            },
            lowering,
        })
    }
}

/// One tensor's comparison.
#[derive(Clone, Debug)]
pub struct TensorAgreement {
    /// A parameter's or buffer's name (its update), an optimizer state's, or `loss`.
    pub name: String,
    /// max |IREE - reference in f64| over the tensor's update.
    pub error: f64,
    /// max |reference in f32 - reference in f64|: what float32 itself does to this step.
    pub float32: f64,
    /// max |reference in f64|.
    pub scale: f64,
}

impl TensorAgreement {
    /// What IREE may differ by: [`MULTIPLE`] times float32's own difference, or times one
    /// rounding of the largest entry where that is more.
    pub fn allowance(&self) -> f64 {
        MULTIPLE * max_nan([self.float32, ROUNDING * self.scale])
    }

    /// Within the allowance (a NaN anywhere is not).
    pub fn holds(&self) -> bool {
        within(self.error, self.allowance())
    }

    /// The error in units of the allowance (1 is the limit).
    pub fn ratio(&self) -> f64 {
        self.error / self.allowance()
    }
}

/// A step's comparison, tensor by tensor.
#[derive(Clone, Debug)]
pub struct StepAgreement {
    pub network: &'static str,
    pub tensors: Vec<TensorAgreement>,
    /// Elements of every comparison the step makes (its kink decisions).
    pub decisions: usize,
    /// Of those, the ones where IREE decided otherwise than the reference in f64 would have.
    pub overruled: usize,
}

impl StepAgreement {
    pub fn failures(&self) -> Vec<&TensorAgreement> {
        self.tensors.iter().filter(|t| !t.holds()).collect()
    }

    /// The largest error in units of its allowance (NaN if any is).
    pub fn worst_ratio(&self) -> f64 {
        max_nan(self.tensors.iter().map(TensorAgreement::ratio))
    }

    /// The largest error relative to its tensor's largest entry: what a fixed tolerance sees.
    pub fn worst_relative(&self) -> f64 {
        max_nan(
            self.tensors
                .iter()
                .map(|t| t.error / t.scale.max(f64::MIN_POSITIVE)),
        )
    }
}

impl StepAgreement {
    /// The tensor whose error is the largest part of its allowance.
    pub fn worst(&self) -> Option<&TensorAgreement> {
        self.tensors
            .iter()
            .max_by(|a, b| a.ratio().total_cmp(&b.ratio()))
    }

    /// The median over tensors of the allowance relative to the tensor's largest entry: how
    /// tight the yardstick is on a typical tensor.
    pub fn median_allowance(&self) -> f64 {
        let mut a: Vec<f64> = self
            .tensors
            .iter()
            .filter(|t| t.scale > 0.0)
            .map(|t| t.allowance() / t.scale)
            .collect();
        a.sort_by(f64::total_cmp);
        a.get(a.len() / 2).copied().unwrap_or(f64::NAN)
    }
}

impl fmt::Display for StepAgreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} tensors, worst {:.2} of the allowance ({}), worst relative error {:.2e}, \
             median allowance {:.1e} of a tensor's largest entry; {} of {} kink decisions \
             overruled",
            self.network,
            self.tensors.len(),
            self.worst_ratio(),
            self.worst().map_or("-", |t| t.name.as_str()),
            self.worst_relative(),
            self.median_allowance(),
            self.overruled,
            self.decisions
        )?;
        for t in self.failures() {
            writeln!(
                f,
                "  {}: IREE differs by {:.3e}, float32 by {:.3e} (allowed {:.3e}, largest entry {:.3e})",
                t.name,
                t.error,
                t.float32,
                t.allowance(),
                t.scale
            )?;
        }
        Ok(())
    }
}

/// The step's inputs in the module's argument order (parameters in their device layout).
fn inputs(step: &StepModule, params: &[NamedTensor], setup: &OneStep) -> Vec<Tensor> {
    let mut rng = ChaCha8Rng::seed_from_u64(setup.seed);
    let mut inputs: Vec<Tensor> = step
        .params
        .iter()
        .zip(params)
        .map(|(s, t)| Tensor::param(s, &t.data))
        .collect();
    inputs.extend(
        step.opt_state
            .iter()
            .map(|s| Tensor::f32_data(&s.device_shape(), &vec![0.0; s.elements()])),
    );
    inputs.push(Tensor::f32_data(&[], &[setup.lr as f32]));
    inputs.push(Tensor::f32_data(&[], &[1.0]));
    let images: Vec<f32> = (0..step.input.elements())
        .map(|_| rng.gen_range(0.0..1.0))
        .collect();
    inputs.push(Tensor::f32_data(&step.input.shape, &images));
    let labels: Vec<i32> = (0..setup.batch)
        .map(|_| rng.gen_range(0..step.classes as i32))
        .collect();
    inputs.push(Tensor::i32_data(&[setup.batch], &labels));
    let (noise_inputs, depth_blocks) = step.noise();
    let masks = noise::draw_step(noise_inputs, setup.drop_path, depth_blocks, setup.seed, 0);
    inputs.extend(
        noise_inputs
            .iter()
            .zip(masks)
            .map(|(n, m)| Tensor::f32_data(&n.shape, &m)),
    );
    inputs
}

/// Runs one step of `N` (formulated under `lowering`) on `device` and compares it with the
/// reference evaluator, from `params` (all parameters and buffers, in `N::params()` order).
pub fn one_step<N: Network>(
    compiler: &Compiler,
    device: &Device,
    lowering: Lowering,
    params: &[NamedTensor],
    setup: &OneStep,
) -> Result<StepAgreement, Error> {
    let step = setup.module::<N>(lowering);
    compare_steps(compiler, device, &step, &step, params, setup)
}

/// Runs `compiled` on `device` and `reference` on the reference evaluator, from the same
/// inputs, and compares them. The two are the same step but for a test that plants a fault in
/// the compiled one; their comparisons must sit at the same nodes.
pub fn compare_steps(
    compiler: &Compiler,
    device: &Device,
    compiled: &StepModule,
    reference: &StepModule,
    params: &[NamedTensor],
    setup: &OneStep,
) -> Result<StepAgreement, Error> {
    let train = |s: &StepModule| {
        s.module
            .function("train_step")
            .expect("a step module has train_step")
            .clone()
    };
    let (reporting, compares) = train(compiled).reporting_decisions();
    let reference_fn = train(reference);
    for c in &compares {
        let same = reference_fn.nodes.get(c.index()).is_some_and(|n| {
            matches!(n.op, netspec_core::ir::Op::Compare(_))
                && n.ty == reporting.nodes[c.index()].ty
        });
        if !same {
            return Err(Error::Usage(format!(
                "the compiled and the reference step differ at comparison {}",
                c.index()
            )));
        }
    }
    let module = Module {
        name: format!("{}_decisions", compiled.module.name),
        functions: vec![reporting],
    };
    let exe = Executable::load(compiler, &module, device)?;
    let inputs = inputs(compiled, params, setup);
    let values = inputs
        .iter()
        .map(|t| match t {
            Tensor::I(a) => {
                let data: Vec<i32> = a.iter().map(|&v| v as i32).collect();
                exe.upload_i32(a.shape(), &data)
            }
            other => {
                let data: Vec<f32> = other.float().iter().map(|&v| v as f32).collect();
                exe.upload_f32(other.shape(), &data)
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let out = exe.call("train_step", values)?;
    let out: Vec<Vec<f32>> = out.iter().map(read_f32).collect::<Result<_, _>>()?;
    let results = reference_fn.results.len();
    let decisions: HashMap<Value, ArrayD<bool>> = compares
        .iter()
        .zip(&out[results..])
        .map(|(&c, d)| {
            let shape = IxDyn(&reference_fn.nodes[c.index()].ty.shape);
            let decided = d.iter().map(|&v| v != 0.0).collect();
            (c, ArrayD::from_shape_vec(shape, decided).expect("shape"))
        })
        .collect();
    let decided_elements = decisions.values().map(|d| d.len()).sum();
    let mut how = Evaluation {
        precision: Precision::F64,
        decisions,
    };
    let f64_run = reference::run_with(&reference_fn, &inputs, &how);
    how.precision = Precision::F32;
    let f32_run = reference::run_with(&reference_fn, &inputs, &how);

    let names = compiled
        .params
        .iter()
        .chain(&compiled.opt_state)
        .map(|s| s.name.clone())
        .chain(["loss".to_string()]);
    let tensors = names
        .enumerate()
        .map(|(j, name)| {
            // Parameters, buffers and state are updates of their inputs; the loss is itself.
            let before: Vec<f64> = match inputs.get(j).filter(|_| j + 1 < results) {
                Some(t) => t.float().iter().copied().collect(),
                None => vec![0.0],
            };
            let update = |after: Vec<f64>| -> Vec<f64> {
                after.iter().zip(&before).map(|(a, b)| a - b).collect()
            };
            let iree = update(out[j].iter().map(|&v| f64::from(v)).collect());
            let exact = update(f64_run.results[j].float().iter().copied().collect());
            let rounded = update(f32_run.results[j].float().iter().copied().collect());
            TensorAgreement {
                name,
                error: max_abs_diff(iree.iter().copied(), exact.iter().copied()),
                float32: max_abs_diff(rounded.iter().copied(), exact.iter().copied()),
                scale: largest_magnitude(exact.iter().copied()),
            }
        })
        .collect();
    Ok(StepAgreement {
        network: compiled.network,
        tensors,
        decisions: decided_elements,
        overruled: f64_run.overruled,
    })
}
