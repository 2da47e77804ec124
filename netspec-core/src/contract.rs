//! VJP contracts: a closed-form backward is checked against central finite differences of the
//! forward, both evaluated in f64 by the reference evaluator.
//!
//! For a layer y = f(x, θ) and a random cotangent r, the scalar s = Σ f(x, θ)·r has gradient
//! VJP(r) with respect to x and θ. Each checked coordinate compares that gradient with
//! (s(v + h) - s(v - h)) / 2h. Inputs are drawn away from 0 (|v| in [0.1, 2]), so kinks such as
//! relu's sit further than h from every sample.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::ir::{DType, Function, Graph, Lowering, TensorType, Value};
use crate::layers::{Layer, Mode};
use crate::loss::Loss;
use crate::network::Network;
use crate::noise;
use crate::reference::{self, Tensor};

/// A scalar function and its claimed gradient with respect to some of its arguments.
pub struct Case {
    /// Arguments -> one f32 scalar.
    pub value: Function,
    /// Same arguments -> the gradient of each argument in `wrt`, in order.
    pub gradient: Function,
    pub wrt: Vec<usize>,
    pub inputs: Vec<Tensor>,
}

/// How far the closed form is from finite differences for one argument.
#[derive(Clone, Debug)]
pub struct Discrepancy {
    pub name: String,
    pub checked: usize,
    /// max |analytic - numeric| / max(1, |numeric|)
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
    let build = |with_grad: bool| {
        let mut g = Graph::new(
            if with_grad { "gradient" } else { "value" },
            Lowering::for_host(),
        );
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
    let (value, gradient) = (build(false), build(true));
    let mut wrt = vec![0];
    wrt.extend(
        params
            .iter()
            .enumerate()
            .filter(|(_, s)| s.trainable)
            .map(|(i, _)| i + 1),
    );
    let inputs = random_inputs(&value, seed);
    Case {
        value,
        gradient,
        wrt,
        inputs,
    }
}

/// The contract case of a whole network: its backward against its forward.
pub fn network_case<N: Network>(batch: usize, seed: u64) -> Case {
    let mut shape = vec![batch];
    shape.extend(N::input_shape());
    let params = N::params();
    let build = |with_grad: bool| {
        let mut g = Graph::new(
            if with_grad { "gradient" } else { "value" },
            Lowering::for_host(),
        );
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
    let (value, gradient) = (build(false), build(true));
    let wrt = params
        .iter()
        .enumerate()
        .filter(|(_, s)| s.trainable)
        .map(|(i, _)| i + 1)
        .collect();
    let inputs = random_inputs(&value, seed);
    Case {
        value,
        gradient,
        wrt,
        inputs,
    }
}

/// The contract case of a loss: its gradient with respect to the network output `y` [B, K].
pub fn loss_case(loss: Loss, batch: usize, classes: usize, seed: u64) -> Case {
    let target_ty = loss.target_type(batch, &[classes]);
    let build = |with_grad: bool| {
        let mut g = Graph::new(
            if with_grad { "gradient" } else { "value" },
            Lowering::for_host(),
        );
        let y = g.arg("y", TensorType::f32(&[batch, classes]));
        let t = g.arg("target", target_ty.clone());
        let (l, dy) = loss.value_and_grad(&mut g, y, t);
        g.finish(vec![if with_grad { dy } else { l }])
    };
    let (value, gradient) = (build(false), build(true));
    let mut inputs = random_inputs(&value, seed);
    if target_ty.dtype == DType::I32 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
        let labels: Vec<i32> = (0..batch)
            .map(|_| rng.gen_range(0..classes as i32))
            .collect();
        inputs[1] = Tensor::i32_data(&[batch], &labels);
    }
    Case {
        value,
        gradient,
        wrt: vec![0],
        inputs,
    }
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
/// of each argument in `wrt` (all of them when the argument is smaller).
pub fn check(case: &Case, samples: usize, seed: u64) -> Vec<Discrepancy> {
    let h = 1e-5;
    let analytic = reference::run(&case.gradient, &case.inputs);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut report = vec![];
    for (k, &arg) in case.wrt.iter().enumerate() {
        let grad = analytic[k].float();
        assert_eq!(
            grad.shape(),
            case.inputs[arg].shape(),
            "gradient of {} has the wrong shape",
            case.value.args[arg].0
        );
        let n = grad.len();
        let coords: Vec<usize> = if n <= samples {
            (0..n).collect()
        } else {
            (0..samples).map(|_| rng.gen_range(0..n)).collect()
        };
        let mut max_error: f64 = 0.0;
        for &c in &coords {
            let eval_at = |delta: f64| {
                let mut inputs = case.inputs.clone();
                if let Tensor::F(a) = &mut inputs[arg] {
                    a.as_slice_mut().expect("standard layout")[c] += delta;
                }
                reference::run(&case.value, &inputs)[0].scalar()
            };
            let numeric = (eval_at(h) - eval_at(-h)) / (2.0 * h);
            let a = grad.as_slice().expect("standard layout")[c];
            max_error = max_error.max((a - numeric).abs() / numeric.abs().max(1.0));
        }
        report.push(Discrepancy {
            name: case.value.args[arg].0.clone(),
            checked: coords.len(),
            max_error,
        });
    }
    report
}

/// Panics with a readable table unless every argument's gradient is within `tolerance`.
pub fn assert_holds(case: &Case, samples: usize, tolerance: f64) {
    let report = check(case, samples, 7);
    let bad: Vec<String> = report
        .iter()
        // Within tolerance means <= it; a NaN error is not within.
        .filter(|d| {
            !matches!(
                d.max_error.partial_cmp(&tolerance),
                Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)
            )
        })
        .map(|d| {
            format!(
                "  d/d{}: error {:.3e} over {} coordinates",
                d.name, d.max_error, d.checked
            )
        })
        .collect();
    assert!(
        bad.is_empty(),
        "VJP disagrees with finite differences (tolerance {tolerance:e}):\n{}",
        bad.join("\n")
    );
    for d in &report {
        assert!(d.checked > 0, "no coordinate of {} was checked", d.name);
    }
}
