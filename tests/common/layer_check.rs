//! Runs one layer's forward and VJP on IREE and on the reference evaluator, and compares.

use netspec::core::ir::{Graph, Lowering, Module, TensorType, Value};
use netspec::core::layers::{Layer, Mode};
use netspec::core::noise;
use netspec::core::reference::{self, Tensor};
use netspec::iree::{read_f32, Compiler, Device, Executable};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A module with one function: (x, params.., dy) -> (y, dx, grads..).
pub fn vjp_module<L: Layer>(layer: &L, x_shape: &[usize]) -> Module {
    let mut g = Graph::new("vjp", Lowering::for_host());
    let x = g.arg("x", TensorType::f32(x_shape));
    let p: Vec<Value> = layer.params().iter().map(|s| s.arg(&mut g)).collect();
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

pub fn run_both(
    module: &Module,
    inputs: &[(Vec<usize>, Vec<f32>)],
) -> (Vec<Vec<f32>>, Vec<Vec<f64>>) {
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

/// Random inputs in ±1, with x (the first argument) scaled by `x_scale`; masks drop half.
pub fn agrees<L: Layer>(name: &str, layer: &L, x_shape: &[usize], x_scale: f32) {
    let module = vjp_module(layer, x_shape);
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let f = &module.functions[0];
    let mut inputs: Vec<(Vec<usize>, Vec<f32>)> = f
        .args
        .iter()
        .enumerate()
        .map(|(i, (_, t))| {
            let k = if i == 0 { x_scale } else { 1.0 };
            (
                t.shape.clone(),
                (0..t.elements())
                    .map(|_| k * rng.gen_range(-1.0f32..1.0))
                    .collect(),
            )
        })
        .collect();
    for n in &f.noise {
        inputs[n.arg].1 = noise::draw(inputs[n.arg].1.len(), 0.5, &mut rng);
    }
    let (iree, reference) = run_both(&module, &inputs);
    assert_eq!(iree.len(), reference.len());
    for (k, (a, b)) in iree.iter().zip(&reference).enumerate() {
        assert_eq!(a.len(), b.len(), "{name}: output {k} sizes");
        let scale = b.iter().fold(1e-6f64, |m, x| m.max(x.abs()));
        let worst = a
            .iter()
            .zip(b)
            .map(|(x, y)| (*x as f64 - y).abs() / scale)
            .fold(0.0, f64::max);
        assert!(worst < 1e-4, "{name}: output {k} differs between IREE and the reference by {worst:.2e} of its largest entry");
    }
}
