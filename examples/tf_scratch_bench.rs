// Temporary (tf session): times one layer's forward+VJP on IREE.
use netspec::core::ir::{Graph, Module, TensorType, Value};
use netspec::core::layers::*;
use netspec::iree::{Compiler, Device, Executable};
use std::time::Instant;

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
        name: "bench".into(),
        functions: vec![g.finish(outs)],
    }
}

fn fwd_module<L: Layer>(layer: &L, x_shape: &[usize]) -> Module {
    let mut g = Graph::new("vjp");
    let x = g.arg("x", TensorType::f32(x_shape));
    let p: Vec<Value> = layer
        .params()
        .iter()
        .map(|s| g.arg(&s.name, TensorType::f32(&s.shape)))
        .collect();
    let fwd = layer.forward(&mut g, x, &p, Mode::Train);
    Module {
        name: "bench".into(),
        functions: vec![g.finish(vec![fwd.y])],
    }
}

fn time(name: &str, m: Module) {
    let compiler = Compiler::new().unwrap().with_cache_dir(None);
    let t = Instant::now();
    let exe = Executable::load(&compiler, &m, &Device::LocalTask).unwrap();
    let ct = t.elapsed().as_secs_f64();
    let f = &m.functions[0];
    let mk = || -> Vec<_> {
        f.args
            .iter()
            .map(|(_, t)| {
                exe.upload_f32(&t.shape, &vec![0.5f32; t.elements()])
                    .unwrap()
            })
            .collect()
    };
    exe.call("vjp", mk()).unwrap();
    let n = 5;
    let t = Instant::now();
    for _ in 0..n {
        let o = exe.call("vjp", mk()).unwrap();
        let _ = netspec::iree::read_f32(&o[0]);
    }
    println!(
        "{name:50} compile {ct:6.2} s   run {:8.2} ms",
        t.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
}

fn main() {
    let b: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(32);
    let which = std::env::args().nth(2).unwrap_or_default();
    for (c, hw) in [(96usize, 8usize), (384, 2)] {
        let input = [c, hw, hw];
        let x = [b, c, hw, hw];
        let block = ConvNeXtBlock::new(&input).unwrap();
        if which.is_empty() || which == "block" {
            time(&format!("block C{c} {hw}x{hw}"), vjp_module(&block, &x));
            time(&format!("block fwd C{c} {hw}x{hw}"), fwd_module(&block, &x));
        }
        if which.is_empty() || which == "dw" {
            time(
                &format!("dwconv C{c} {hw}x{hw}"),
                vjp_module(&block.dwconv, &x),
            );
            time(
                &format!("dwconv fwd C{c} {hw}x{hw}"),
                fwd_module(&block.dwconv, &x),
            );
        }
        if which.is_empty() || which == "pw" {
            time(
                &format!("pw1 C{c} {hw}x{hw}"),
                vjp_module(&block.pwconv1, &x),
            );
            time(&format!("ln C{c} {hw}x{hw}"), vjp_module(&block.norm, &x));
        }
    }
}
