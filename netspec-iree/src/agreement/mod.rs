//! One IREE train step agrees with the reference evaluator running the same module from the
//! same starting point: the loss and every updated parameter and optimizer state, within f32
//! tolerance. Two steps are compared, the second from the device's state after the first, so
//! optimizer state carried on the device (momentum, Adam's moments) is covered too. Networks
//! with dropout or stochastic depth get the masks the trainer drew for each step. The tests run
//! it on the CPU; `examples/gpu_check.rs` runs it on a GPU.
//!
//! Its tolerances are fixed, which holds small networks only: full networks are compared by
//! [`one_step`], whose reference takes IREE's kink decisions and whose allowance is float32's.

pub mod one_step;

use ndarray::{ArrayD, IxDyn};
use netspec_core::checkpoint::NamedTensor;
use netspec_core::compare::{largest_magnitude, max_nan};
use netspec_core::ir::Lowering;
use netspec_core::params::ParamSpec;
use netspec_core::reference::{self, Tensor};
use netspec_core::step::StepModule;
use netspec_core::Network;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::{Compiler, Device, LossKind, OptimizerKind, TrainConfig, Trainer};

/// Examples per compared step.
pub const BATCH: usize = 8;

/// Fails with `message` unless `ok` (a comparison with NaN is not ok).
macro_rules! ensure {
    ($ok:expr, $($message:tt)+) => {
        let ok: bool = $ok;
        if !ok {
            return Err(format!($($message)+));
        }
    };
}

fn tensors(ts: &[NamedTensor]) -> Vec<Tensor> {
    ts.iter()
        .map(|t| Tensor::f32_data(&t.shape, &t.data))
        .collect()
}

/// Host tensors, in their specs' layout, as the module takes them (the device layout).
fn device_tensors(specs: &[ParamSpec], ts: &[NamedTensor]) -> Vec<Tensor> {
    specs
        .iter()
        .zip(ts)
        .map(|(s, t)| Tensor::param(s, &t.data))
        .collect()
}

/// The module's results for `specs` (device layout) in the specs' own layout.
fn host_tensors(specs: &[ParamSpec], ts: Vec<Tensor>) -> Vec<Tensor> {
    specs
        .iter()
        .zip(ts)
        .map(|(s, t)| {
            let data = s.from_device_order(t.float().as_slice().expect("row-major result"));
            Tensor::F(ArrayD::from_shape_vec(IxDyn(&s.shape), data).expect("shape"))
        })
        .collect()
}

/// Runs the module's train_step on the reference evaluator: (params, state, loss).
#[allow(clippy::too_many_arguments)]
fn reference_step(
    step: &StepModule,
    params: &[NamedTensor],
    state: &[NamedTensor],
    lr: f64,
    t: usize,
    x: &Tensor,
    target: &Tensor,
    masks: &[NamedTensor],
) -> (Vec<Tensor>, Vec<Tensor>, f64) {
    let mut inputs = device_tensors(&step.params, params);
    inputs.extend(device_tensors(&step.opt_state, state));
    inputs.extend([
        Tensor::f32_data(&[], &[lr as f32]),
        Tensor::f32_data(&[], &[t as f32]),
        x.clone(),
        target.clone(),
    ]);
    inputs.extend(tensors(masks));
    let mut out = reference::run(step.module.function("train_step").unwrap(), &inputs);
    let loss = out.pop().unwrap().scalar();
    let state = out.split_off(params.len());
    (
        host_tensors(&step.params, out),
        host_tensors(&step.opt_state, state),
        loss,
    )
}

/// Optimizer state: each tensor within 1e-3 of its largest entry.
fn compare_state(what: &str, iree: &[NamedTensor], reference: &[Tensor]) -> Result<(), String> {
    for (t, r) in iree.iter().zip(reference) {
        let r = r.float().as_slice().unwrap();
        let scale = max_nan([1e-12, largest_magnitude(r.iter().copied())]);
        let worst = max_nan(
            t.data
                .iter()
                .zip(r)
                .map(|(a, b)| (*a as f64 - b).abs() / scale),
        );
        ensure!(
            worst < 1e-3,
            "{what} {}: IREE and reference differ by {worst:.2e} of the largest entry",
            t.name
        );
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn compare(
    what: &str,
    specs: &[ParamSpec],
    iree_loss: f32,
    iree: &[NamedTensor],
    ref_loss: f64,
    reference: &[Tensor],
    before: &[NamedTensor],
    ref_state: &[Tensor],
    adam: bool,
) -> Result<(), String> {
    ensure!(
        (iree_loss as f64 - ref_loss).abs() <= 1e-4 * ref_loss.abs().max(1.0),
        "{what} loss: IREE {iree_loss} vs reference {ref_loss}"
    );
    let mut trainable = 0;
    for (i, (NamedTensor { name, data, .. }, r)) in iree.iter().zip(reference).enumerate() {
        let r = r.float().as_slice().unwrap();
        // Adam divides the first moment by the root of the second, so a coordinate whose
        // gradient is near the f32 rounding floor of its tensor moves by ±lr in a direction that
        // is noise in either evaluator. Coordinates with |m| below 1e-3 of the tensor's largest
        // (exact zeros, such as those of dead ReLU units, excepted) are counted, bounded (one in
        // a small tensor, 5% of a large one), and not compared; the moment itself is compared
        // below.
        let first_moment = (adam && specs[i].trainable).then(|| {
            ref_state[2 * trainable]
                .float()
                .as_slice()
                .unwrap()
                .to_vec()
        });
        trainable += specs[i].trainable as usize;
        let floor = first_moment
            .as_ref()
            .map(|m| 1e-3 * largest_magnitude(m.iter().copied()))
            .unwrap_or(0.0);
        let (mut skipped, mut worst) = (0usize, 0.0f64);
        for (k, (a, b)) in data.iter().zip(r).enumerate() {
            if first_moment
                .as_ref()
                .is_some_and(|m| m[k] != 0.0 && m[k].abs() < floor)
            {
                skipped += 1;
                continue;
            }
            worst = max_nan([worst, (*a as f64 - b).abs() / b.abs().max(1e-2)]);
        }
        ensure!(
            worst < 1e-3,
            "{what} {name}: IREE and reference differ by {worst:.2e} (relative)"
        );
        ensure!(
            skipped * 20 <= data.len().max(20),
            "{what} {name}: {skipped} of {} coordinates with vanishing gradient",
            data.len()
        );
        let moved = before[i]
            .data
            .iter()
            .zip(r)
            .any(|(a, b)| (*a as f64 - b).abs() > 1e-7);
        ensure!(moved, "{what}: {name} was not updated");
    }
    Ok(())
}

/// The configuration [`agree`] trains with: batch [`BATCH`], label smoothing 0.1 with
/// cross-entropy, stochastic depth 0.5 (for networks that have it).
pub fn config(
    optimizer: OptimizerKind,
    loss: LossKind,
    lr: f64,
    momentum: f64,
    weight_decay: f64,
) -> TrainConfig {
    TrainConfig {
        lr,
        batch_size: BATCH,
        optimizer,
        loss,
        momentum,
        weight_decay,
        label_smoothing: if loss == LossKind::CrossEntropy {
            0.1
        } else {
            0.0
        },
        // Networks with stochastic depth drop branches; those without are unaffected.
        drop_path: 0.5,
        progress: false,
        ..TrainConfig::default()
    }
}

/// Runs two train steps of `N`, formulated under `lowering` (compiled for `device`'s default
/// target, whichever lowering it is), on `device` and on the reference evaluator and compares
/// them; the error says which value differs and by how much. Label smoothing 0.1 with
/// cross-entropy, stochastic depth 0.5, parameters initialised from seed 3, uniform images.
#[allow(clippy::too_many_arguments)]
pub fn agree<N: Network>(
    compiler: &Compiler,
    device: &Device,
    lowering: Lowering,
    optimizer: OptimizerKind,
    loss: LossKind,
    lr: f64,
    momentum: f64,
    weight_decay: f64,
) -> Result<(), String> {
    let config = config(optimizer, loss, lr, momentum, weight_decay);
    let init = N::init_params(3);
    let mut trainer = Trainer::with_lowering::<N>(
        compiler,
        config.clone(),
        Some(init.clone()),
        device,
        lowering,
    )
    .map_err(|e| e.to_string())?;
    let step = trainer.session().step.clone();

    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let in_len: usize = N::input_shape().iter().product();
    let images: Vec<f32> = (0..BATCH * in_len)
        .map(|_| rng.gen_range(0.0..1.0))
        .collect();
    let labels: Vec<i32> = (0..BATCH).map(|_| rng.gen_range(0..10)).collect();
    let x = Tensor::f32_data(&step.input.shape, &images);
    let target = match loss {
        LossKind::CrossEntropy => Tensor::i32_data(&[BATCH], &labels),
        LossKind::MeanSquaredError => {
            let mut onehot = vec![0.0; BATCH * 10];
            labels
                .iter()
                .enumerate()
                .for_each(|(i, l)| onehot[i * 10 + *l as usize] = 1.0);
            Tensor::f32_data(&[BATCH, 10], &onehot)
        }
    };

    if !step.noise().0.is_empty() {
        let (m0, m1) = (trainer.masks(0), trainer.masks(1));
        ensure!(m0 != m1, "each step draws its own masks");
        ensure!(
            m0.iter().any(|m| m.data.contains(&0.0)),
            "the first step's masks drop something"
        );
    }
    let adam = optimizer == OptimizerKind::Adam;
    let mut params = init;
    let mut state = trainer.optimizer_state().map_err(|e| e.to_string())?;
    for t in 1..=2 {
        let masks = trainer.masks(t - 1);
        let iree_loss = trainer
            .step(&images, &labels, lr, 1)
            .map_err(|e| e.to_string())?;
        let (ref_params, ref_state, ref_loss) =
            reference_step(&step, &params, &state, lr, t, &x, &target, &masks);
        let iree_params = trainer.params().map_err(|e| e.to_string())?;
        compare(
            &format!("step {t}"),
            &step.params,
            iree_loss,
            &iree_params,
            ref_loss,
            &ref_params,
            &params,
            &ref_state,
            adam,
        )?;
        params = iree_params;
        state = trainer.optimizer_state().map_err(|e| e.to_string())?;
        compare_state(&format!("step {t}"), &state, &ref_state)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, data: &[f32]) -> NamedTensor {
        NamedTensor {
            name: name.into(),
            shape: vec![data.len()],
            data: data.to_vec(),
        }
    }

    fn spec(name: &str, n: usize) -> ParamSpec {
        ParamSpec::new(name, &[n], netspec_core::params::Init::Zeros)
    }

    /// A NaN in IREE's update, in its optimizer state or in the reference fails the comparison,
    /// wherever it sits (a fold with `f64::max` would have dropped it).
    #[test]
    fn a_planted_nan_fails_the_agreement() {
        let specs = [spec("w", 3)];
        let before = [named("w", &[1.0, 1.0, 1.0])];
        let after = [0.5f32, -0.25, 2.0];
        let reference = vec![Tensor::f32_data(&[3], &after)];
        let state = vec![Tensor::f32_data(&[3], &[0.1, 0.2, 0.3])];
        let compare_with = |iree: &[f32], reference: &[Tensor], adam: bool| {
            compare(
                "step 1",
                &specs,
                1.0,
                &[named("w", iree)],
                1.0,
                reference,
                &before,
                &state,
                adam,
            )
        };
        for adam in [false, true] {
            assert_eq!(compare_with(&after, &reference, adam), Ok(()));
            for at in 0..3 {
                let mut bad = after;
                bad[at] = f32::NAN;
                let e = compare_with(&bad, &reference, adam).expect_err("a NaN update passed");
                assert!(e.contains("NaN"), "{e}");
                let mut bad = reference[0].float().clone();
                bad[at] = f64::NAN;
                compare_with(&after, &[Tensor::F(bad)], adam).expect_err("a NaN reference passed");
            }
        }
        let e = compare(
            "step 1",
            &specs,
            f32::NAN,
            &[named("w", &after)],
            1.0,
            &reference,
            &before,
            &state,
            false,
        )
        .expect_err("a NaN loss passed");
        assert!(e.contains("loss"), "{e}");
        let good = [named("m", &[0.1, 0.2, 0.3])];
        assert_eq!(compare_state("step 1", &good, &state), Ok(()));
        for at in 0..3 {
            let mut bad = good[0].clone();
            bad.data[at] = f32::NAN;
            compare_state("step 1", &[bad], &state).expect_err("a NaN moment passed");
        }
    }
}
