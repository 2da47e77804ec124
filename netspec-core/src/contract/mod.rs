//! VJP contracts: a closed-form backward is checked against central finite differences of the
//! forward, both evaluated in f64 by the reference evaluator.
//!
//! For a layer y = f(x, θ) and a random cotangent r, the scalar s = Σ f(x, θ)·r has gradient
//! VJP(r) with respect to x and θ. Each checked coordinate compares that gradient with
//! (s(v + h) - s(v - h)) / 2h. Inputs are drawn away from 0 (|v| in [0.1, 2]), so kinks such as
//! relu's sit further than h from every sample.
//!
//! Every case is built under every target's lowering (`Lowering::ALL`), whatever the host: a
//! formulation chosen for one target (im2col weight gradients on AVX-512, per-offset ones on
//! AVX2, CUDA's barriers) is under the same contract everywhere.

pub mod geometries;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::compare::{max_nan, within};
use crate::ir::{DType, Function, Graph, Lowering, TensorType, Value};
use crate::layers::{Layer, Mode};
use crate::loss::Loss;
use crate::network::Network;
use crate::noise;
use crate::reference::{self, Tensor};

/// A scalar function and its claimed gradient with respect to some of its arguments, as each
/// target formulates them.
pub struct Case {
    /// One per entry of `Lowering::ALL`, in its order.
    pub formulations: Vec<Formulation>,
    pub wrt: Vec<usize>,
    pub inputs: Vec<Tensor>,
}

/// A case's functions built under one target's lowering.
pub struct Formulation {
    /// The lowering's name in `Lowering::ALL`.
    pub lowering: &'static str,
    /// Arguments -> one f32 scalar.
    pub value: Function,
    /// Same arguments -> the gradient of each argument in `wrt`, in order.
    pub gradient: Function,
}

impl Case {
    /// Builds `value` and `gradient` (a function of the lowering and whether it is the gradient)
    /// under every lowering; the inputs are drawn from the first's arguments.
    fn build(build: impl Fn(Lowering, bool) -> Function, wrt: Vec<usize>, seed: u64) -> Case {
        let formulations: Vec<Formulation> = Lowering::ALL
            .iter()
            .map(|&(name, lowering)| Formulation {
                lowering: name,
                value: build(lowering, false),
                gradient: build(lowering, true),
            })
            .collect();
        let first = &formulations[0].value;
        for f in &formulations[1..] {
            assert_eq!(
                f.value.args, first.args,
                "the {} formulation takes other arguments",
                f.lowering
            );
        }
        let inputs = random_inputs(first, seed);
        Case {
            formulations,
            wrt,
            inputs,
        }
    }

    /// The value function's name of argument `arg`.
    pub fn arg_name(&self, arg: usize) -> &str {
        &self.formulations[0].value.args[arg].0
    }
}

/// How far the closed form is from finite differences for one argument under one lowering.
#[derive(Clone, Debug)]
pub struct Discrepancy {
    pub lowering: &'static str,
    pub name: String,
    pub checked: usize,
    /// max |analytic - numeric| / max(1, |numeric|); NaN if any coordinate's is.
    pub max_error: f64,
}

/// Random values in ±[0.1, 2].
fn away_from_zero(rng: &mut ChaCha8Rng, n: usize) -> Vec<f64> {
    (0..n)
        .map(|_| rng.gen_range(0.1..2.0) * if rng.gen::<bool>() { 1.0 } else { -1.0 })
        .collect()
}

fn random_tensor(rng: &mut ChaCha8Rng, ty: &TensorType) -> Tensor {
    Tensor::F(
        ndarray::ArrayD::from_shape_vec(ty.shape.clone(), away_from_zero(rng, ty.elements()))
            .expect("shape"),
    )
}

/// s = Σ y·r, with r the last argument.
fn dot_with_cotangent(g: &mut Graph, y: Value) -> (Value, Value) {
    let r = g.arg("cotangent", g.ty(y).clone());
    let yr = g.mul(y, r);
    (g.sum_all(yr), r)
}

/// The contract case of one layer at a per-example `input` shape and a batch size.
pub fn layer_case<L: Layer>(layer: &L, input: &[usize], batch: usize, seed: u64) -> Case {
    let mut shape = vec![batch];
    shape.extend_from_slice(input);
    let params = layer.params();
    let build = |lowering: Lowering, with_grad: bool| {
        let mut g = Graph::new(if with_grad { "gradient" } else { "value" }, lowering);
        let x = g.arg("x", TensorType::f32(&shape));
        let p: Vec<Value> = params.iter().map(|s| s.arg(&mut g)).collect();
        let fwd = layer.forward(&mut g, x, &p, Mode::Train);
        let (s, r) = dot_with_cotangent(&mut g, fwd.y);
        if with_grad {
            let b = layer.vjp(&mut g, &fwd.saved, &p, r, true);
            let mut outs = vec![b.dx.expect("dx")];
            outs.extend(b.grads);
            g.finish(outs)
        } else {
            g.finish(vec![s])
        }
    };
    let mut wrt = vec![0];
    wrt.extend(
        params
            .iter()
            .enumerate()
            .filter(|(_, s)| s.trainable)
            .map(|(i, _)| i + 1),
    );
    Case::build(build, wrt, seed)
}

/// The contract case of a whole network: its backward against its forward.
pub fn network_case<N: Network>(batch: usize, seed: u64) -> Case {
    let mut shape = vec![batch];
    shape.extend(N::input_shape());
    let params = N::params();
    let build = |lowering: Lowering, with_grad: bool| {
        let mut g = Graph::new(if with_grad { "gradient" } else { "value" }, lowering);
        let x = g.arg("x", TensorType::f32(&shape));
        let p: Vec<Value> = params.iter().map(|s| s.arg(&mut g)).collect();
        let fwd = N::forward(&mut g, x, &p, Mode::Train);
        let (s, r) = dot_with_cotangent(&mut g, fwd.y);
        if with_grad {
            let grads = N::backward(&mut g, &fwd.saved, &p, r);
            g.finish(grads)
        } else {
            g.finish(vec![s])
        }
    };
    let wrt = params
        .iter()
        .enumerate()
        .filter(|(_, s)| s.trainable)
        .map(|(i, _)| i + 1)
        .collect();
    Case::build(build, wrt, seed)
}

/// The contract case of a loss: its gradient with respect to the network output `y` [B, K].
pub fn loss_case(loss: Loss, batch: usize, classes: usize, seed: u64) -> Case {
    let target_ty = loss.target_type(batch, &[classes]);
    let build = |lowering: Lowering, with_grad: bool| {
        let mut g = Graph::new(if with_grad { "gradient" } else { "value" }, lowering);
        let y = g.arg("y", TensorType::f32(&[batch, classes]));
        let t = g.arg("target", target_ty.clone());
        let (l, dy) = loss.value_and_grad(&mut g, y, t);
        g.finish(vec![if with_grad { dy } else { l }])
    };
    let mut case = Case::build(build, vec![0], seed);
    if target_ty.dtype == DType::I32 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
        let labels: Vec<i32> = (0..batch)
            .map(|_| rng.gen_range(0..classes as i32))
            .collect();
        case.inputs[1] = Tensor::i32_data(&[batch], &labels);
    }
    case
}

/// Random values for every argument; masks (dropout, stochastic depth) drop half their
/// entries, so both of their values are exercised.
fn random_inputs(f: &Function, seed: u64) -> Vec<Tensor> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut inputs: Vec<Tensor> = f
        .args
        .iter()
        .map(|(_, ty)| random_tensor(&mut rng, ty))
        .collect();
    for n in &f.noise {
        let mask = noise::draw(n.shape.iter().product(), 0.5, &mut rng);
        inputs[n.arg] = Tensor::f32_data(&n.shape, &mask);
    }
    inputs
}

/// Compares the closed-form gradient with central differences on up to `samples` coordinates
/// of each argument in `wrt` (all of them when the argument is smaller), under every lowering.
pub fn check(case: &Case, samples: usize, seed: u64) -> Vec<Discrepancy> {
    case.formulations
        .iter()
        .flat_map(|f| check_formulation(case, f, samples, seed))
        .collect()
}

/// The `k`-th gradient a formulation computed, for argument `arg`; its shape must be the
/// argument's.
fn gradient_of<'a>(
    case: &Case,
    f: &Formulation,
    analytic: &'a [Tensor],
    k: usize,
    arg: usize,
) -> &'a ndarray::ArrayD<f64> {
    let grad = analytic[k].float();
    assert_eq!(
        grad.shape(),
        case.inputs[arg].shape(),
        "{}: gradient of {} has the wrong shape",
        f.lowering,
        case.arg_name(arg)
    );
    grad
}

fn check_formulation(case: &Case, f: &Formulation, samples: usize, seed: u64) -> Vec<Discrepancy> {
    let h = 1e-5;
    let analytic = reference::run(&f.gradient, &case.inputs);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut report = vec![];
    for (k, &arg) in case.wrt.iter().enumerate() {
        let grad = gradient_of(case, f, &analytic, k, arg);
        let n = grad.len();
        let coords: Vec<usize> = if n <= samples {
            (0..n).collect()
        } else {
            (0..samples).map(|_| rng.gen_range(0..n)).collect()
        };
        let max_error = max_nan(coords.iter().map(|&c| {
            let eval_at = |delta: f64| {
                let mut inputs = case.inputs.clone();
                if let Tensor::F(a) = &mut inputs[arg] {
                    a.as_slice_mut().expect("standard layout")[c] += delta;
                }
                reference::run(&f.value, &inputs)[0].scalar()
            };
            let numeric = (eval_at(h) - eval_at(-h)) / (2.0 * h);
            let a = grad.as_slice().expect("standard layout")[c];
            (a - numeric).abs() / numeric.abs().max(1.0)
        }));
        report.push(Discrepancy {
            lowering: f.lowering,
            name: case.arg_name(arg).to_string(),
            checked: coords.len(),
            max_error,
        });
    }
    report
}

/// Compares the closed-form gradient of each argument in `wrt` with central differences along
/// one random direction d of that argument (entries ±1), under every lowering: Σ grad·d against
/// (s(v + h·d) - s(v - h·d)) / 2h, relative to Σ |grad·d|. Every coordinate takes part, so a
/// wrong entry anywhere shows (a kernel tap, a border pixel), at the cost of two evaluations.
pub fn check_directional(case: &Case, seed: u64) -> Vec<Discrepancy> {
    let h = 1e-5;
    let mut report = vec![];
    for f in &case.formulations {
        let analytic = reference::run(&f.gradient, &case.inputs);
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        for (k, &arg) in case.wrt.iter().enumerate() {
            let grad = gradient_of(case, f, &analytic, k, arg);
            let direction: Vec<f64> = (0..grad.len())
                .map(|_| if rng.gen::<bool>() { 1.0 } else { -1.0 })
                .collect();
            let eval_at = |step: f64| {
                let mut inputs = case.inputs.clone();
                if let Tensor::F(a) = &mut inputs[arg] {
                    let a = a.as_slice_mut().expect("standard layout");
                    a.iter_mut()
                        .zip(&direction)
                        .for_each(|(v, d)| *v += step * d);
                }
                reference::run(&f.value, &inputs)[0].scalar()
            };
            let numeric = (eval_at(h) - eval_at(-h)) / (2.0 * h);
            let terms = grad.iter().zip(&direction).map(|(g, d)| g * d);
            let analytic: f64 = terms.clone().sum();
            let scale: f64 = terms.map(f64::abs).sum();
            report.push(Discrepancy {
                lowering: f.lowering,
                name: case.arg_name(arg).to_string(),
                checked: grad.len(),
                max_error: (analytic - numeric).abs() / scale.max(1.0),
            });
        }
    }
    report
}

/// The contract's verdict on a report: every discrepancy within `tolerance` (a NaN error is not
/// within) and every argument checked somewhere; the error is a readable table.
pub fn verdict(report: &[Discrepancy], tolerance: f64) -> Result<(), String> {
    let bad: Vec<String> = report
        .iter()
        .filter(|d| !within(d.max_error, tolerance) || d.checked == 0)
        .map(|d| {
            format!(
                "  {}: d/d{}: error {:.3e} over {} coordinates",
                d.lowering, d.name, d.max_error, d.checked
            )
        })
        .collect();
    if bad.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "VJP disagrees with finite differences (tolerance {tolerance:e}):\n{}",
            bad.join("\n")
        ))
    }
}

/// Panics with a readable table unless every argument's gradient is within `tolerance` under
/// every lowering (a NaN error is not within).
pub fn assert_holds(case: &Case, samples: usize, tolerance: f64) {
    if let Err(e) = verdict(&check(case, samples, 7), tolerance) {
        panic!("{e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::CmpDir;

    /// s = Σ x²/2, whose gradient is x; the claimed gradient is x with NaN at coordinate 2.
    fn case_with_nan_at_2() -> Case {
        let build = |lowering: Lowering, with_grad: bool| {
            let mut g = Graph::new("f", lowering);
            let ty = TensorType::f32(&[5]);
            let x = g.arg("x", ty.clone());
            if !with_grad {
                let xx = g.mul(x, x);
                let s = g.sum_all(xx);
                let half = g.scale(s, 0.5);
                return g.finish(vec![half]);
            }
            let i = g.iota(0, ty);
            let two = g.full_like(2.0, i);
            let at = g.compare(CmpDir::Eq, i, two);
            let (nan, zero) = (g.full_like(f64::NAN, x), g.full_like(0.0, x));
            let planted = g.select(at, nan, zero);
            let grad = g.add(x, planted);
            g.finish(vec![grad])
        };
        Case::build(build, vec![0], 1)
    }

    /// s = Σ x²/2 whose claimed gradient is x, but 1% off under `wrong`'s formulation only.
    fn case_wrong_under(wrong: Lowering) -> Case {
        let build = |lowering: Lowering, with_grad: bool| {
            let mut g = Graph::new("f", lowering);
            let x = g.arg("x", TensorType::f32(&[5]));
            if !with_grad {
                let xx = g.mul(x, x);
                let s = g.sum_all(xx);
                let half = g.scale(s, 0.5);
                return g.finish(vec![half]);
            }
            let grad = if lowering == wrong {
                g.scale(x, 1.01)
            } else {
                x
            };
            g.finish(vec![grad])
        };
        Case::build(build, vec![0], 1)
    }

    /// Each target's formulation is checked on any host: an error in one of them, whichever,
    /// fails under that lowering and no other.
    #[test]
    fn a_formulation_wrong_under_one_lowering_fails_there_whatever_the_host() {
        for (name, wrong) in Lowering::ALL {
            let report = check(&case_wrong_under(wrong), 5, 7);
            let failed: Vec<&str> = report
                .iter()
                .filter(|d| !within(d.max_error, 1e-6))
                .map(|d| d.lowering)
                .collect();
            assert_eq!(failed, [name]);
        }
    }

    #[test]
    fn a_planted_nan_fails_the_contract() {
        let case = case_with_nan_at_2();
        let report = check(&case, 5, 7);
        assert_eq!(report.len(), Lowering::ALL.len());
        assert!(report
            .iter()
            .all(|d| d.max_error.is_nan() && d.checked == 5));
        let failed = std::panic::catch_unwind(|| assert_holds(&case, 5, 1e-6));
        let message = *failed
            .expect_err("a NaN gradient holds")
            .downcast::<String>()
            .unwrap();
        assert!(message.contains("d/dx: error NaN"), "{message}");
    }
}
