//! The windowed layers' VJPs against finite differences in f64 on every geometry of the sweep
//! (`contract::geometries`: inputs 1x1 to 5x5, kernels 1 to 5 and 7, strides 1 to 3, paddings 0
//! to 2 and `same`, every formulation), each under every lowering. Each gradient is checked
//! along a random direction of all its coordinates, so one wrong kernel tap or border pixel
//! shows.

use netspec_core::contract::geometries::{windowed_geometries, Windowed};
use netspec_core::contract::{check_directional, layer_case, verdict, Case};
use netspec_core::ir::{Graph, Lowering, Value};
use netspec_core::layers::{ArgValue, Args, Backward, Conv2d, Forward, Layer, Mode};
use netspec_core::params::ParamSpec;
use netspec_core::reference::Tensor;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

const TOL: f64 = 1e-6;

/// The case's input x replaced by evenly spaced values in ±2, shuffled: no two elements of a
/// max-pool window within 2h of each other, so no step of the differences flips a maximum.
fn distinct_inputs(mut case: Case, seed: u64) -> Case {
    if let Tensor::F(x) = &mut case.inputs[0] {
        let n = x.len();
        let mut values: Vec<f64> = (0..n)
            .map(|j| -2.0 + 4.0 * (j as f64 + 0.5) / n as f64)
            .collect();
        values.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
        x.iter_mut().zip(values).for_each(|(v, d)| *v = d);
    }
    case
}

fn case_of(layer: &Windowed, input: &[usize], seed: u64) -> Case {
    match layer {
        Windowed::Conv(l) => layer_case(l, input, 2, seed),
        Windowed::Pool(l) => distinct_inputs(layer_case(l, input, 2, seed), seed),
    }
}

#[test]
fn every_windowed_geometry_holds_its_contract_under_every_lowering() {
    let all = windowed_geometries();
    let start = std::time::Instant::now();
    let failures: Vec<String> = all
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            let case = case_of(&g.layer, &g.input, i as u64);
            verdict(&check_directional(&case, i as u64), TOL)
                .err()
                .map(|e| format!("{}: {e}", g.name))
        })
        .collect();
    println!(
        "{} geometries x {} lowerings in {:.1} s",
        all.len(),
        Lowering::ALL.len(),
        start.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A convolution whose weight gradient drops kernel tap (0, 0): right only where that tap reads
/// nothing but padding.
struct CutCorner(Conv2d);

impl Layer for CutCorner {
    type Saved = <Conv2d as Layer>::Saved;
    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        self.0.output_shape(input)
    }
    fn params(&self) -> Vec<ParamSpec> {
        self.0.params()
    }
    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<Self::Saved> {
        self.0.forward(g, x, p, mode)
    }
    fn vjp(
        &self,
        g: &mut Graph,
        saved: &Self::Saved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let mut b = self.0.vjp(g, saved, p, dy, need_dx);
        // The kernel is held HWIO ([kh, kw, in, out]): tap (0, 0) is its first in·out entries.
        let shape = g.shape(b.grads[0]).to_vec();
        let corner = shape[2] * shape[3];
        let mask: Vec<f32> = (0..shape.iter().product::<usize>())
            .map(|i| if i < corner { 0.0 } else { 1.0 })
            .collect();
        let mask = g.tensor_f32(&shape, &mask);
        b.grads[0] = g.mul(b.grads[0], mask);
        b
    }
}

fn conv(input: [usize; 3], k: i64, s: i64, p: i64) -> Conv2d {
    let named = [("k", k), ("s", s), ("p", p)]
        .map(|(n, v)| (n.to_string(), ArgValue::Int(v)))
        .to_vec();
    let args = Args {
        positional: vec![ArgValue::Int(4)],
        named,
    };
    Conv2d::from_args(&args, &input).unwrap()
}

/// The sweep's check sees one wrong kernel tap among many, under every lowering, and only where
/// that tap reads the input: on a 1x1 image a 3x3 kernel with padding 1 reads with its centre
/// alone, so dropping a corner's gradient is right there.
#[test]
fn the_sweep_catches_one_wrong_kernel_tap() {
    let seen = |input: [usize; 3], k, s, p| {
        let case = layer_case(&CutCorner(conv(input, k, s, p)), &input, 2, 3);
        let report = check_directional(&case, 3);
        let weight: Vec<f64> = report
            .iter()
            .filter(|d| d.name == "weight")
            .map(|d| d.max_error)
            .collect();
        assert_eq!(weight.len(), Lowering::ALL.len());
        (verdict(&report, TOL).is_err(), weight)
    };
    for (input, k, s, p) in [
        ([3, 3, 3], 3, 1, 1),
        ([8, 5, 5], 5, 2, 2),
        ([8, 2, 2], 3, 1, 1),
    ] {
        let (failed, errors) = seen(input, k, s, p);
        assert!(
            failed,
            "{input:?} k{k} s{s} p{p}: a cut tap passed: {errors:?}"
        );
    }
    let (failed, errors) = seen([3, 1, 1], 3, 1, 1);
    assert!(!failed, "1x1 k3 p1: {errors:?}");
}
