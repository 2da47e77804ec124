//! Every geometry of the windowed-layer sweep (`netspec::core::contract::geometries`: inputs
//! 1x1 to 5x5, kernels 1 to 5 and 7, strides 1 to 3, paddings 0 to 2 and `same`, every
//! convolution formulation and both poolings), forward and VJP, compiled by IREE under every
//! target's lowering for this host's CPU, agree with the reference evaluator. One module per
//! lowering holds them all: compiles dominate the time.

mod common;

use common::layer_check::LayerChecks;
use netspec::core::contract::geometries::{windowed_geometries, Windowed};

#[test]
fn every_windowed_geometry_agrees_on_iree_under_every_lowering() {
    let start = std::time::Instant::now();
    let mut checks = LayerChecks::new("geometries");
    for g in windowed_geometries() {
        let mut x_shape = vec![2];
        x_shape.extend(g.input);
        match &g.layer {
            Windowed::Conv(l) => checks.add(&g.name, l, &x_shape, 1.0),
            Windowed::Pool(l) => checks.add(&g.name, l, &x_shape, 1.0),
        }
    }
    let n = checks.len();
    checks.run();
    println!(
        "{n} geometries on IREE under every lowering in {:.0} s",
        start.elapsed().as_secs_f64()
    );
}
