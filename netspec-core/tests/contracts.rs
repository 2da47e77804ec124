//! The VJP contracts of the foundation layers and losses: each closed-form backward agrees with
//! central finite differences of its forward, in f64, over random shapes and points.

use netspec_core::contract::{assert_holds, check, layer_case, loss_case};
use netspec_core::ir::{Graph, Lowering, TensorType, Value};
use netspec_core::layers::{
    Backward, Dense, Dropout, Flatten, Forward, Identity, Layer, Mode, Relu,
};
use netspec_core::loss::Loss;
use netspec_core::params::ParamSpec;
use netspec_core::reference::{self, Tensor};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const TOL: f64 = 1e-6;

/// Random small shapes, several per test, reproducible.
fn shapes(seed: u64, count: usize) -> Vec<(usize, usize, usize)> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..count)
        .map(|_| {
            (
                rng.gen_range(1..5),
                rng.gen_range(1..9),
                rng.gen_range(1..9),
            )
        })
        .collect()
}

#[test]
fn dense_vjp_input_weight_bias() {
    for (i, (batch, fin, fout)) in shapes(1, 6).into_iter().enumerate() {
        let layer = Dense {
            in_features: fin,
            out_features: fout,
            bias: true,
        };
        assert_holds(&layer_case(&layer, &[fin], batch, i as u64), 64, TOL);
    }
}

#[test]
fn dense_vjp_without_bias() {
    for (i, (batch, fin, fout)) in shapes(2, 4).into_iter().enumerate() {
        let layer = Dense {
            in_features: fin,
            out_features: fout,
            bias: false,
        };
        let case = layer_case(&layer, &[fin], batch, i as u64);
        assert_eq!(case.wrt.len(), 2, "x and weight");
        assert_holds(&case, 64, TOL);
    }
}

#[test]
fn relu_vjp() {
    for (i, (batch, a, b)) in shapes(3, 4).into_iter().enumerate() {
        assert_holds(&layer_case(&Relu, &[a, b], batch, i as u64), 64, TOL);
    }
}

#[test]
fn relu_gradient_at_zero_is_zero() {
    for (name, lowering) in Lowering::ALL {
        let mut g = Graph::new("f", lowering);
        let x = g.arg("x", TensorType::f32(&[1, 3]));
        let dy = g.arg("dy", TensorType::f32(&[1, 3]));
        let fwd = Relu.forward(&mut g, x, &[], Mode::Train);
        let b = Relu.vjp(&mut g, &fwd.saved, &[], dy, true);
        let f = g.finish(vec![b.dx.unwrap()]);
        let out = reference::run(
            &f,
            &[
                Tensor::f32_data(&[1, 3], &[-1.0, 0.0, 2.0]),
                Tensor::f32_data(&[1, 3], &[5.0, 5.0, 5.0]),
            ],
        );
        assert_eq!(
            out[0].float().iter().copied().collect::<Vec<_>>(),
            vec![0.0, 0.0, 5.0],
            "{name}"
        );
    }
}

#[test]
fn identity_and_flatten_vjp() {
    assert_holds(&layer_case(&Identity, &[3, 2], 2, 0), 64, TOL);
    assert_holds(
        &layer_case(&Flatten { features: 24 }, &[2, 3, 4], 3, 1),
        64,
        TOL,
    );
}

#[test]
fn softmax_cross_entropy_gradient() {
    for (i, (batch, _, classes)) in shapes(4, 5).into_iter().enumerate() {
        let classes = classes + 1;
        assert_holds(
            &loss_case(Loss::cross_entropy(), batch, classes, i as u64),
            64,
            TOL,
        );
    }
}

#[test]
fn softmax_cross_entropy_with_label_smoothing_gradient() {
    for (i, (batch, _, classes)) in shapes(5, 4).into_iter().enumerate() {
        let loss = Loss::CrossEntropy {
            label_smoothing: 0.1,
        };
        assert_holds(&loss_case(loss, batch, classes + 1, i as u64), 64, TOL);
    }
}

#[test]
fn mean_squared_error_gradient_is_two_over_n_times_residual() {
    for (i, (batch, _, k)) in shapes(6, 4).into_iter().enumerate() {
        let case = loss_case(Loss::MeanSquaredError, batch, k, i as u64);
        assert_holds(&case, 64, TOL);
        // And literally 2/n (y - t).
        for f in &case.formulations {
            let grad = reference::run(&f.gradient, &case.inputs)[0].float().clone();
            let (y, t) = (case.inputs[0].float(), case.inputs[1].float());
            let n = (batch * k) as f64;
            for ((g, y), t) in grad.iter().zip(y.iter()).zip(t.iter()) {
                assert!((g - 2.0 / n * (y - t)).abs() < 1e-12, "{}", f.lowering);
            }
        }
    }
}

#[test]
fn cross_entropy_value_matches_a_hand_computation() {
    // logits [1, 2, 3], label 2: loss = log(e^1 + e^2 + e^3) - 3.
    let case = loss_case(Loss::cross_entropy(), 1, 3, 0);
    let inputs = vec![
        Tensor::f32_data(&[1, 3], &[1.0, 2.0, 3.0]),
        Tensor::i32_data(&[1], &[2]),
    ];
    let expected = (1f64.exp() + 2f64.exp() + 3f64.exp()).ln() - 3.0;
    for f in &case.formulations {
        let loss = reference::run(&f.value, &inputs)[0].scalar();
        assert!(
            (loss - expected).abs() < 1e-12,
            "{}: {loss} vs {expected}",
            f.lowering
        );
    }
}

/// A dense layer whose weight gradient is off by 1%: the harness must catch it.
struct SkewedDense(Dense);

impl Layer for SkewedDense {
    type Saved = Value;
    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        self.0.output_shape(input)
    }
    fn params(&self) -> Vec<ParamSpec> {
        self.0.params()
    }
    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<Value> {
        self.0.forward(g, x, p, mode)
    }
    fn vjp(&self, g: &mut Graph, x: &Value, p: &[Value], dy: Value, need_dx: bool) -> Backward {
        let mut b = self.0.vjp(g, x, p, dy, need_dx);
        b.grads[0] = g.scale(b.grads[0], 1.01);
        b
    }
}

#[test]
fn the_contract_check_catches_a_wrong_vjp() {
    let layer = SkewedDense(Dense {
        in_features: 4,
        out_features: 3,
        bias: true,
    });
    let report = check(&layer_case(&layer, &[4], 2, 0), 64, 0);
    assert_eq!(
        report.len(),
        3 * Lowering::ALL.len(),
        "x, weight, bias per lowering"
    );
    for d in &report {
        match d.name.as_str() {
            "weight" => assert!(d.max_error > 1e-3, "a 1% error in dW went unnoticed: {d:?}"),
            _ => assert!(d.max_error < TOL, "{d:?}"),
        }
    }
}

#[test]
fn dropout_vjp_with_its_mask() {
    for (i, (batch, f, _)) in shapes(9, 4).into_iter().enumerate() {
        let layer = Dropout { p: 0.3 };
        let case = layer_case(&layer, &[f], batch, i as u64);
        for f in &case.formulations {
            assert_eq!(f.value.noise.len(), 1, "one mask in training");
        }
        assert_holds(&case, 64, TOL);
    }
}

/// Training multiplies by the mask (0 or 1/(1-p)); evaluation is the identity and draws none.
#[test]
fn dropout_applies_its_mask_in_training_only() {
    let layer = Dropout { p: 0.5 };
    for (name, lowering) in Lowering::ALL {
        let run = |mode: Mode, mask: Option<&[f32]>| {
            let mut g = Graph::new("f", lowering);
            let x = g.arg("x", TensorType::f32(&[1, 4]));
            let y = layer.forward(&mut g, x, &[], mode).y;
            let f = g.finish(vec![y]);
            let mut inputs = vec![Tensor::f32_data(&[1, 4], &[1.0, -2.0, 3.0, 4.0])];
            assert_eq!(f.noise.len(), mask.is_some() as usize);
            inputs.extend(mask.map(|m| Tensor::f32_data(&[1, 4], m)));
            reference::run(&f, &inputs)[0]
                .float()
                .iter()
                .copied()
                .collect::<Vec<f64>>()
        };
        assert_eq!(
            run(Mode::Train, Some(&[0.0, 2.0, 2.0, 0.0])),
            vec![0.0, -4.0, 6.0, 0.0],
            "{name}"
        );
        assert_eq!(run(Mode::Eval, None), vec![1.0, -2.0, 3.0, 4.0], "{name}");
        let none = Dropout { p: 0.0 };
        let mut g = Graph::new("f", lowering);
        let x = g.arg("x", TensorType::f32(&[1, 4]));
        none.forward(&mut g, x, &[], Mode::Train);
        assert!(
            g.finish(vec![x]).noise.is_empty(),
            "{name}: p = 0 draws no mask"
        );
    }
}
