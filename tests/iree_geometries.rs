//! The windowed-layer sweep (`netspec::core::contract::geometries`) on IREE: every convolution
//! formulation and both poolings at the sweep's edge windows (`IREE_WINDOWS`: 1x1 products,
//! kernels past a 1x1 and 2x2 input, the ladder's stride-2 step to 1x1, IREE's width-1
//! workaround, width rounding, strides that leave rows unread, asymmetric padding), forward and
//! VJP, compiled by IREE under every target's lowering for this host's CPU, agree with the
//! reference evaluator. The whole sweep is under finite differences
//! (`netspec-core/tests/contracts_geometries.rs`); IREE compiles about a second per layer
//! function, so it takes the edge classes.

mod common;

use common::layer_check::LayerChecks;
use netspec::core::contract::geometries::{windowed_geometries, Windowed, IREE_WINDOWS};

#[test]
fn every_windowed_geometry_agrees_on_iree_under_every_lowering() {
    let start = std::time::Instant::now();
    let mut checks = LayerChecks::new("geometries");
    let on_iree = windowed_geometries()
        .into_iter()
        .filter(|g| IREE_WINDOWS.contains(&g.window.as_str()));
    for g in on_iree {
        let mut x_shape = vec![2];
        x_shape.extend(g.input);
        match &g.layer {
            Windowed::Conv(l) => checks.add(&g.name, l, &x_shape, 1.0),
            Windowed::Pool(l) => checks.add(&g.name, l, &x_shape, 1.0),
        }
    }
    let (n, compiles) = (checks.len(), checks.compiles());
    checks.run();
    println!(
        "{n} geometries on IREE, {compiles} functions compiled, in {:.0} s",
        start.elapsed().as_secs_f64()
    );
}
