//! VJP contracts of relu6, sigmoid, silu, exact gelu and layer_norm, their values at
//! hand-computed points, relu6's kink convention, and layer_norm's shape checks.

use netspec_core::contract::{assert_holds, layer_case, Case};
use netspec_core::ir::{Graph, Lowering, TensorType, Value};
use netspec_core::layers::{
    ArgRef, ArgValue, Args, Gelu, Layer, LayerConfig, LayerNorm, Mode, Relu6, Sigmoid, Silu,
};
use netspec_core::reference::{self, Tensor};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const TOL: f64 = 1e-6;

/// Random small per-example shapes of rank 1 to 3, reproducible.
fn shapes(seed: u64, count: usize) -> Vec<(usize, Vec<usize>)> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..count)
        .map(|_| {
            let rank = rng.gen_range(1..4);
            let shape = (0..rank).map(|_| rng.gen_range(1..6)).collect();
            (rng.gen_range(1..4), shape)
        })
        .collect()
}

fn args(positional: &[i64], named: &[(&str, ArgValue)]) -> Args {
    Args {
        positional: positional.iter().map(|i| ArgValue::Int(*i)).collect(),
        named: named
            .iter()
            .map(|(n, v)| (n.to_string(), v.clone()))
            .collect(),
    }
}

fn cf() -> (&'static str, ArgValue) {
    ("channels_first", ArgValue::Bool(true))
}

/// Runs `layer` forward and backward on one batch under every lowering, which must agree
/// exactly: (y, dx, grads..).
fn forward_backward<L: Layer>(
    layer: &L,
    x: &[f64],
    x_shape: &[usize],
    dy: &[f64],
    p: &[Tensor],
) -> Vec<Vec<f64>> {
    let mut runs = Lowering::ALL
        .iter()
        .map(|&(_, lowering)| forward_backward_under(lowering, layer, x, x_shape, dy, p));
    let first = runs.next().unwrap();
    for (run, (name, _)) in runs.zip(&Lowering::ALL[1..]) {
        assert_eq!(run, first, "{name}");
    }
    first
}

fn forward_backward_under<L: Layer>(
    lowering: Lowering,
    layer: &L,
    x: &[f64],
    x_shape: &[usize],
    dy: &[f64],
    p: &[Tensor],
) -> Vec<Vec<f64>> {
    let mut g = Graph::new("f", lowering);
    let xv = g.arg("x", TensorType::f32(x_shape));
    let pv: Vec<Value> = layer.params().iter().map(|s| s.arg(&mut g)).collect();
    let fwd = layer.forward(&mut g, xv, &pv, Mode::Train);
    let dyv = g.arg("dy", g.ty(fwd.y).clone());
    let b = layer.vjp(&mut g, &fwd.saved, &pv, dyv, true);
    let mut outs = vec![fwd.y, b.dx.unwrap()];
    outs.extend(b.grads);
    let f = g.finish(outs);
    let tensor = |shape: &[usize], d: &[f64]| {
        Tensor::F(ndarray::ArrayD::from_shape_vec(shape.to_vec(), d.to_vec()).unwrap())
    };
    let mut inputs = vec![tensor(x_shape, x)];
    inputs.extend(p.iter().cloned());
    let y_shape = f.result_types()[0].shape.clone();
    inputs.push(tensor(&y_shape, dy));
    reference::run(&f, &inputs)
        .iter()
        .map(|t| t.float().iter().copied().collect())
        .collect()
}

fn close(a: &[f64], b: &[f64], tol: f64) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= tol)
}

/// The case with x scaled by `k`, to reach past the ±[0.1, 2] the harness draws.
fn widened(mut case: Case, k: f64) -> Case {
    if let Tensor::F(a) = &mut case.inputs[0] {
        a.mapv_inplace(|v| v * k);
    }
    case
}

// ---- relu6 ----------------------------------------------------------------------------------

#[test]
fn relu6_vjp() {
    for (i, (batch, shape)) in shapes(1, 6).into_iter().enumerate() {
        let layer = Relu6::from_args(&Args::default(), &shape).unwrap();
        assert_holds(&layer_case(&layer, &shape, batch, i as u64), 64, TOL);
        // x in ±[0.4, 8]: both kinks, 0 and 6, inside the sampled range.
        assert_holds(
            &widened(layer_case(&layer, &shape, batch, 100 + i as u64), 4.0),
            64,
            TOL,
        );
    }
}

#[test]
fn relu6_gradient_at_both_kinks_is_zero() {
    let x = [-1.0, 0.0, 3.0, 6.0, 7.0];
    let out = forward_backward(&Relu6, &x, &[1, 5], &[5.0; 5], &[]);
    assert_eq!(out[0], vec![0.0, 0.0, 3.0, 6.0, 6.0]);
    assert_eq!(out[1], vec![0.0, 0.0, 5.0, 0.0, 0.0]);
}

// ---- sigmoid, silu, gelu --------------------------------------------------------------------

#[test]
fn sigmoid_vjp() {
    for (i, (batch, shape)) in shapes(2, 6).into_iter().enumerate() {
        let layer = Sigmoid::from_args(&Args::default(), &shape).unwrap();
        assert_holds(&layer_case(&layer, &shape, batch, i as u64), 64, TOL);
        assert_holds(
            &widened(layer_case(&layer, &shape, batch, 100 + i as u64), 3.0),
            64,
            TOL,
        );
    }
}

#[test]
fn silu_vjp() {
    for (i, (batch, shape)) in shapes(3, 6).into_iter().enumerate() {
        let layer = Silu::from_args(&Args::default(), &shape).unwrap();
        assert_holds(&layer_case(&layer, &shape, batch, i as u64), 64, TOL);
        assert_holds(
            &widened(layer_case(&layer, &shape, batch, 100 + i as u64), 3.0),
            64,
            TOL,
        );
    }
}

#[test]
fn gelu_vjp() {
    for (i, (batch, shape)) in shapes(4, 6).into_iter().enumerate() {
        let layer = Gelu::from_args(&Args::default(), &shape).unwrap();
        assert_holds(&layer_case(&layer, &shape, batch, i as u64), 64, TOL);
        assert_holds(
            &widened(layer_case(&layer, &shape, batch, 100 + i as u64), 3.0),
            64,
            TOL,
        );
    }
}

#[test]
fn activation_values_at_known_points() {
    let x = [-2.0, -1.0, 0.0, 1.0, 2.0];
    let dy = [1.0; 5];
    // sigmoid
    let out = forward_backward(&Sigmoid, &x, &[5], &dy, &[]);
    let s = [
        0.11920292202211755,
        0.2689414213699951,
        0.5,
        0.7310585786300049,
        0.8807970779778823,
    ];
    assert!(close(&out[0], &s, 1e-15), "sigmoid: {:?}", out[0]);
    let ds: Vec<f64> = s.iter().map(|s| s * (1.0 - s)).collect();
    assert!(close(&out[1], &ds, 1e-15), "sigmoid': {:?}", out[1]);
    assert!((out[1][2] - 0.25).abs() < 1e-15);
    // silu
    let out = forward_backward(&Silu, &x, &[5], &dy, &[]);
    let y = [
        -0.2384058440442351,
        -0.2689414213699951,
        0.0,
        0.7310585786300049,
        1.7615941559557646,
    ];
    assert!(close(&out[0], &y, 1e-15), "silu: {:?}", out[0]);
    // silu'(0) = 1/2, silu'(1) = s(1)(1 + 1 - s(1)) = 0.9276705118714869
    assert!((out[1][2] - 0.5).abs() < 1e-15);
    assert!(
        (out[1][3] - 0.9276705118714869).abs() < 1e-15,
        "silu'(1) = {}",
        out[1][3]
    );
    // gelu, exact: x Φ(x)
    let out = forward_backward(&Gelu, &x, &[5], &dy, &[]);
    let y = [
        -0.04550026389635842,
        -0.15865525393145707,
        0.0,
        0.8413447460685429,
        1.9544997361036416,
    ];
    assert!(close(&out[0], &y, 1e-15), "gelu: {:?}", out[0]);
    // gelu'(0) = 1/2; gelu'(1) = Φ(1) + φ(1) = 0.8413447460685429 + 0.24197072451914337
    assert!((out[1][2] - 0.5).abs() < 1e-15);
    assert!(
        (out[1][3] - 1.0833154705876864).abs() < 1e-14,
        "gelu'(1) = {}",
        out[1][3]
    );
    assert!((out[1][1] - (0.15865525393145707 - 0.24197072451914337)).abs() < 1e-14);
    // relu6
    let out = forward_backward(&Relu6, &[-3.0, 2.5, 7.0], &[3], &[1.0; 3], &[]);
    assert_eq!(out[0], vec![0.0, 2.5, 6.0]);
}

#[test]
fn activations_take_no_arguments() {
    for name in ["relu6", "sigmoid", "silu", "gelu"] {
        let e = LayerConfig::build(name, &args(&[3], &[]), &[4]).unwrap_err();
        assert_eq!(e.message, format!("`{name}` takes no positional arguments"));
    }
}

// ---- layer_norm -----------------------------------------------------------------------------

#[test]
fn layer_norm_vjp_input_weight_bias() {
    // Feature vectors, token sequences and higher ranks: the last dim is normalised.
    for (i, shape) in [
        vec![5],
        vec![4, 6],
        vec![3, 1],
        vec![7, 3],
        vec![2, 3, 4],
        vec![2],
    ]
    .into_iter()
    .enumerate()
    {
        let layer = LayerNorm::from_args(&Args::default(), &shape).unwrap();
        assert_eq!(layer.features, *shape.last().unwrap());
        let case = layer_case(&layer, &shape, 3, i as u64);
        assert_eq!(case.wrt.len(), 3);
        assert_holds(&case, 64, 1e-5);
    }
}

#[test]
fn layer_norm_channels_first_vjp() {
    for (i, shape) in [vec![3, 4, 4], vec![5, 2, 3], vec![2, 1, 1]]
        .into_iter()
        .enumerate()
    {
        let layer = LayerNorm::from_args(&args(&[], &[cf()]), &shape).unwrap();
        assert_eq!(layer.features, shape[0]);
        assert_holds(&layer_case(&layer, &shape, 2, 10 + i as u64), 64, 1e-5);
    }
}

#[test]
fn layer_norm_values() {
    // One row [1, 2, 3, 4]: μ = 2.5, biased var = 1.25; γ = [1, 2, 1, 1], β = [0, 0, 0, 1].
    let layer = LayerNorm::from_args(&args(&[4], &[]), &[4]).unwrap();
    let gamma = Tensor::f32_data(&[4], &[1.0, 2.0, 1.0, 1.0]);
    let beta = Tensor::f32_data(&[4], &[0.0, 0.0, 0.0, 1.0]);
    let out = forward_backward(
        &layer,
        &[1.0, 2.0, 3.0, 4.0],
        &[1, 4],
        &[1.0, 0.0, 0.0, 0.0],
        &[gamma, beta],
    );
    let sigma = (1.25f64 + 1e-5).sqrt();
    let xhat: Vec<f64> = [-1.5, -0.5, 0.5, 1.5].iter().map(|v| v / sigma).collect();
    let y = [xhat[0], 2.0 * xhat[1], xhat[2], xhat[3] + 1.0];
    assert!(close(&out[0], &y, 1e-12), "{:?}", out[0]);
    // dγ = dy·x̂, dβ = dy.
    assert!(close(&out[2], &[xhat[0], 0.0, 0.0, 0.0], 1e-12));
    assert_eq!(out[3], vec![1.0, 0.0, 0.0, 0.0]);
    // dx sums to zero over the row (the mean is subtracted).
    assert!(out[1].iter().sum::<f64>().abs() < 1e-12);

    // Channels-first: each pixel's channels [1, 3] (pixel 0) and [2, 6] (pixel 1).
    let layer = LayerNorm::from_args(&args(&[], &[cf()]), &[2, 1, 2]).unwrap();
    let ones = Tensor::f32_data(&[2], &[1.0, 1.0]);
    let zeros = Tensor::f32_data(&[2], &[0.0, 0.0]);
    let out = forward_backward(
        &layer,
        &[1.0, 2.0, 3.0, 6.0],
        &[1, 2, 1, 2],
        &[0.0; 4],
        &[ones, zeros],
    );
    let a = 1.0 / (1.0f64 + 1e-5).sqrt();
    let b = 2.0 / (4.0f64 + 1e-5).sqrt();
    assert!(close(&out[0], &[-a, -b, a, b], 1e-12), "{:?}", out[0]);
}

#[test]
fn layer_norm_checks_its_size_and_shape() {
    // The stated size must match the normalised dimension.
    assert!(LayerNorm::from_args(&args(&[96], &[]), &[197, 96]).is_ok());
    let e = LayerNorm::from_args(&args(&[192], &[]), &[197, 96]).unwrap_err();
    assert_eq!(
        e.message,
        "layer_norm(192) normalises 192 features, but this layer receives [197, 96]"
    );
    assert_eq!(e.at, Some(ArgRef::Positional(0)));
    let e = LayerNorm::from_args(&args(&[], &[("features", ArgValue::Int(8))]), &[4]).unwrap_err();
    assert_eq!(e.at, Some(ArgRef::Named("features".into())));
    let e = LayerNorm::from_args(&args(&[192], &[cf()]), &[96, 14, 14]).unwrap_err();
    assert_eq!(
        e.message,
        "layer_norm(192) normalises 192 channels, but this layer receives [96, 14, 14]"
    );
    assert!(LayerNorm::from_args(&args(&[96], &[cf()]), &[96, 14, 14]).is_ok());

    // channels_first needs [C, H, W].
    let e = LayerNorm::from_args(&args(&[], &[cf()]), &[96]).unwrap_err();
    assert_eq!(e.at, Some(ArgRef::Named("channels_first".into())));
    assert_eq!(
        e.message,
        "layer_norm(channels_first = true) normalises the channels of [channels, height, width] images, but this layer receives [96]: without `channels_first` it normalises the last dimension"
    );
    assert!(LayerNorm::from_args(&args(&[], &[cf()]), &[197, 96]).is_err());

    // Argument types.
    let e = LayerNorm::from_args(&args(&[], &[("eps", ArgValue::Int(-1))]), &[4]).unwrap_err();
    assert_eq!(e.at, Some(ArgRef::Named("eps".into())));
    let e = LayerNorm::from_args(
        &args(&[], &[("channels_first", ArgValue::Int(1))]),
        &[3, 4, 4],
    )
    .unwrap_err();
    assert_eq!(e.at, Some(ArgRef::Named("channels_first".into())));
    let e =
        LayerNorm::from_args(&args(&[], &[("momentum", ArgValue::Float(0.1))]), &[4]).unwrap_err();
    assert_eq!(e.at, Some(ArgRef::Named("momentum".into())));
}

#[test]
fn layer_norm_params() {
    let c = LayerConfig::build(
        "layer_norm",
        &args(&[], &[("eps", ArgValue::Float(1e-6))]),
        &[197, 96],
    )
    .unwrap()
    .unwrap();
    assert_eq!(c.output_shape(&[197, 96]), vec![197, 96]);
    let p = c.params();
    assert_eq!(
        p.iter()
            .map(|s| (s.name.as_str(), s.shape.clone(), s.trainable))
            .collect::<Vec<_>>(),
        vec![("weight", vec![96], true), ("bias", vec![96], true)]
    );
    assert_eq!(c.type_name(), "LayerNorm");
    // Written out as Rust by the macro: netspec-macros/src/rebuild.rs, `a_layer_is_its_struct_literal`.
    for name in ["relu6", "sigmoid", "silu", "gelu"] {
        let c = LayerConfig::build(name, &Args::default(), &[3, 4])
            .unwrap()
            .unwrap();
        assert!(c.params().is_empty());
    }
}
