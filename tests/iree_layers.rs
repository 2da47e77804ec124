//! Each layer's forward and VJP, compiled by IREE, agree with the reference evaluator; and
//! max-pool's ties go to the lowest index on IREE as well.

mod common;

use common::layer_check::{agrees, run_both, vjp_module};
use netspec::core::layers::{
    ArgValue, Args, BatchNorm, Conv2d, Dense, Dropout, GlobalAvgPool, Pool2d, Relu,
};

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
        1.0,
    );
    // Over 520 rows the weight gradient may copy an operand transposed (`Graph::matmul_tn`):
    // the output, then the input, has the larger free dim.
    for (i, o) in [(3, 5), (5, 3)] {
        let dense = Dense {
            in_features: i,
            out_features: o,
            bias: true,
        };
        agrees(
            &format!("dense {i}->{o} over 520 rows"),
            &dense,
            &[520, i],
            1.0,
        );
    }
    agrees("relu", &Relu, &[3, 4, 5], 1.0);
    agrees("dropout", &Dropout { p: 0.5 }, &[3, 4, 5], 1.0);
    for (k, s, p) in [(3, 1, 1), (3, 2, 1), (2, 2, 0), (3, 2, 0), (5, 3, 2)] {
        let conv =
            Conv2d::from_args(&args(&[4], &[("k", k), ("s", s), ("p", p)]), &[3, 9, 8]).unwrap();
        agrees(&format!("conv2d k{k} s{s} p{p}"), &conv, &[2, 3, 9, 8], 1.0);
    }
    // 8 input channels: the direct convolution (fewer go through im2col).
    for (k, s, p) in [(3, 1, 1), (3, 2, 1)] {
        let conv =
            Conv2d::from_args(&args(&[4], &[("k", k), ("s", s), ("p", p)]), &[8, 7, 6]).unwrap();
        agrees(
            &format!("conv2d 8 channels k{k} s{s} p{p}"),
            &conv,
            &[2, 8, 7, 6],
            1.0,
        );
    }
    let depthwise = Conv2d::from_args(
        &args(&[4], &[("k", 3), ("s", 2), ("p", 1), ("groups", 4)]),
        &[4, 9, 8],
    )
    .unwrap();
    agrees("depthwise conv2d", &depthwise, &[2, 4, 9, 8], 1.0);
    let grouped = Conv2d::from_args(
        &args(&[6], &[("k", 3), ("p", 1), ("groups", 2)]),
        &[4, 6, 6],
    )
    .unwrap();
    agrees("grouped conv2d", &grouped, &[2, 4, 6, 6], 1.0);
    for (k, s, p) in [(2, 2, 0), (2, 2, 1), (3, 3, 1), (3, 2, 1), (3, 1, 1)] {
        let max = Pool2d::max_from_args(&args(&[k], &[("s", s), ("p", p)]), &[2, 7, 6]).unwrap();
        agrees(
            &format!("max_pool k{k} s{s} p{p}"),
            &max,
            &[2, 2, 7, 6],
            1.0,
        );
        let avg = Pool2d::avg_from_args(&args(&[k], &[("s", s), ("p", p)]), &[2, 7, 6]).unwrap();
        agrees(
            &format!("avg_pool k{k} s{s} p{p}"),
            &avg,
            &[2, 2, 7, 6],
            1.0,
        );
    }
    agrees(
        "global_avg_pool",
        &GlobalAvgPool::from_args(&Args::default(), &[3, 4, 5]).unwrap(),
        &[2, 3, 4, 5],
        1.0,
    );
    agrees(
        "batch_norm 2d",
        &BatchNorm::from_args(&Args::default(), &[3, 4, 4]).unwrap(),
        &[4, 3, 4, 4],
        1.0,
    );
    agrees(
        "batch_norm 1d",
        &BatchNorm::from_args(&Args::default(), &[6]).unwrap(),
        &[5, 6],
        1.0,
    );
}

/// IREE's select_and_scatter would send a tie to the last maximum; netspec's formulations (tiled
/// for k = s, sliced for overlapping windows) send it to the first, as PyTorch and JAX do.
#[test]
fn max_pool_ties_go_to_the_lowest_index_on_iree() {
    // Tiled: window 1 [[5, 5], [5, 5]] -> index 0; window 2 [[1, 3], [3, 1]] -> index 1.
    let tiled = Pool2d::max_from_args(&args(&[2], &[]), &[1, 2, 4]).unwrap();
    let x = (
        vec![1, 1, 2, 4],
        vec![5.0, 5.0, 1.0, 3.0, 5.0, 5.0, 3.0, 1.0],
    );
    let dy = (vec![1, 1, 1, 2], vec![10.0, 20.0]);
    let (iree, reference) = run_both(&vjp_module(&tiled, &[1, 1, 2, 4]), &[x, dy]);
    let want = [10.0, 0.0, 0.0, 20.0, 0.0, 0.0, 0.0, 0.0];
    assert_eq!(iree[1], want.map(|v| v as f32));
    assert_eq!(reference[1], want);
    // Sliced: two overlapping 2x2 windows of equal values, each to its own first element.
    let sliced = Pool2d::max_from_args(&args(&[2], &[("s", 1)]), &[1, 2, 3]).unwrap();
    let x = (vec![1, 1, 2, 3], vec![5.0; 6]);
    let dy = (vec![1, 1, 1, 2], vec![10.0, 20.0]);
    let (iree, reference) = run_both(&vjp_module(&sliced, &[1, 1, 2, 3]), &[x, dy]);
    let want = [10.0, 20.0, 0.0, 0.0, 0.0, 0.0];
    assert_eq!(iree[1], want.map(|v| v as f32));
    assert_eq!(reference[1], want);
}
