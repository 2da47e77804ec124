//! Each layer's forward and VJP, compiled by IREE, agree with the reference evaluator; and
//! max-pool's ties go to the lowest index on IREE as well.

use netspec::core::ir::{Graph, Module, TensorType, Value};
use netspec::core::layers::{
    ArgValue, Args, BatchNorm, Conv2d, Dense, GlobalAvgPool, Layer, Mode, Pool2d, Relu,
};
use netspec::core::reference::{self, Tensor};
use netspec::iree::{read_f32, Compiler, Device, Executable};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A module with one function: (x, params.., dy) -> (y, dx, grads..).
fn vjp_module<L: Layer>(layer: &L, x_shape: &[usize]) -> Module {
    let mut g = Graph::new("vjp");
    let x = g.arg("x", TensorType::f32(x_shape));
    let p: Vec<Value> = layer
        .params()
        .iter()
        .map(|s| g.arg(&s.name, TensorType::f32(&s.shape)))
        .collect();
    let fwd = layer.forward(&mut g, x, &p, Mode::Train);
    let dy = g.arg("dy", g.ty(fwd.y).clone());
    let b = layer.vjp(&mut g, &fwd.saved, &p, dy, true);
    let mut outs = vec![fwd.y, b.dx.unwrap()];
    outs.extend(b.grads);
    Module {
        name: "layer".into(),
        functions: vec![g.finish(outs)],
    }
}

fn run_both(module: &Module, inputs: &[(Vec<usize>, Vec<f32>)]) -> (Vec<Vec<f32>>, Vec<Vec<f64>>) {
    let compiler = Compiler::new().expect("IREE compiler (run scripts/setup.sh)");
    let exe = Executable::load(&compiler, module, &Device::LocalTask).unwrap();
    let values = inputs
        .iter()
        .map(|(s, d)| exe.upload_f32(s, d).unwrap())
        .collect();
    let iree: Vec<Vec<f32>> = exe
        .call("vjp", values)
        .unwrap()
        .iter()
        .map(|v| read_f32(v).unwrap())
        .collect();
    let tensors: Vec<Tensor> = inputs.iter().map(|(s, d)| Tensor::f32_data(s, d)).collect();
    let reference = reference::run(&module.functions[0], &tensors)
        .iter()
        .map(|t| t.float().iter().copied().collect())
        .collect();
    (iree, reference)
}

fn agrees<L: Layer>(name: &str, layer: &L, x_shape: &[usize]) {
    let module = vjp_module(layer, x_shape);
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let inputs: Vec<(Vec<usize>, Vec<f32>)> = module.functions[0]
        .args
        .iter()
        .map(|(_, t)| {
            (
                t.shape.clone(),
                (0..t.elements())
                    .map(|_| rng.gen_range(-1.0..1.0))
                    .collect(),
            )
        })
        .collect();
    let (iree, reference) = run_both(&module, &inputs);
    for (k, (a, b)) in iree.iter().zip(&reference).enumerate() {
        let scale = b.iter().fold(1e-6f64, |m, x| m.max(x.abs()));
        let worst = a
            .iter()
            .zip(b)
            .map(|(x, y)| (*x as f64 - y).abs() / scale)
            .fold(0.0, f64::max);
        assert!(worst < 1e-4, "{name}: output {k} differs between IREE and the reference by {worst:.2e} of its largest entry");
    }
}

fn args(positional: &[i64], named: &[(&str, i64)]) -> Args {
    Args {
        positional: positional.iter().map(|i| ArgValue::Int(*i)).collect(),
        named: named
            .iter()
            .map(|(n, v)| (n.to_string(), ArgValue::Int(*v)))
            .collect(),
    }
}

#[test]
fn every_layer_family_agrees_on_iree() {
    agrees(
        "dense",
        &Dense {
            in_features: 7,
            out_features: 5,
            bias: true,
        },
        &[3, 7],
    );
    agrees("relu", &Relu, &[3, 4, 5]);
    for (k, s, p) in [(3, 1, 1), (3, 2, 1), (2, 2, 0), (3, 2, 0), (5, 3, 2)] {
        let conv =
            Conv2d::from_args(&args(&[4], &[("k", k), ("s", s), ("p", p)]), &[3, 9, 8]).unwrap();
        agrees(&format!("conv2d k{k} s{s} p{p}"), &conv, &[2, 3, 9, 8]);
    }
    let depthwise = Conv2d::from_args(
        &args(&[4], &[("k", 3), ("s", 2), ("p", 1), ("groups", 4)]),
        &[4, 9, 8],
    )
    .unwrap();
    agrees("depthwise conv2d", &depthwise, &[2, 4, 9, 8]);
    let grouped = Conv2d::from_args(
        &args(&[6], &[("k", 3), ("p", 1), ("groups", 2)]),
        &[4, 6, 6],
    )
    .unwrap();
    agrees("grouped conv2d", &grouped, &[2, 4, 6, 6]);
    for (k, s, p) in [(2, 2, 0), (3, 2, 1), (3, 1, 1)] {
        let max = Pool2d::max_from_args(&args(&[k], &[("s", s), ("p", p)]), &[2, 7, 6]).unwrap();
        agrees(&format!("max_pool k{k} s{s} p{p}"), &max, &[2, 2, 7, 6]);
        let avg = Pool2d::avg_from_args(&args(&[k], &[("s", s), ("p", p)]), &[2, 7, 6]).unwrap();
        agrees(&format!("avg_pool k{k} s{s} p{p}"), &avg, &[2, 2, 7, 6]);
    }
    agrees(
        "global_avg_pool",
        &GlobalAvgPool::from_args(&Args::default(), &[3, 4, 5]).unwrap(),
        &[2, 3, 4, 5],
    );
    agrees(
        "batch_norm 2d",
        &BatchNorm::from_args(&Args::default(), &[3, 4, 4]).unwrap(),
        &[4, 3, 4, 4],
    );
    agrees(
        "batch_norm 1d",
        &BatchNorm::from_args(&Args::default(), &[6]).unwrap(),
        &[5, 6],
    );
}

/// IREE's select_and_scatter would send a tie to the last maximum; netspec's formulation sends
/// it to the first, as PyTorch and JAX do.
#[test]
fn max_pool_ties_go_to_the_lowest_index_on_iree() {
    let layer = Pool2d::max_from_args(&args(&[2], &[]), &[1, 2, 4]).unwrap();
    let module = vjp_module(&layer, &[1, 1, 2, 4]);
    // Window 1: [[5, 5], [5, 5]] -> index 0; window 2: [[1, 3], [3, 1]] -> index 1.
    let x = (
        vec![1, 1, 2, 4],
        vec![5.0, 5.0, 1.0, 3.0, 5.0, 5.0, 3.0, 1.0],
    );
    let dy = (vec![1, 1, 1, 2], vec![10.0, 20.0]);
    let (iree, reference) = run_both(&module, &[x, dy]);
    assert_eq!(iree[1], vec![10.0, 0.0, 0.0, 20.0, 0.0, 0.0, 0.0, 0.0]);
    assert_eq!(reference[1], vec![10.0, 0.0, 0.0, 20.0, 0.0, 0.0, 0.0, 0.0]);
}
