//! Each layer's forward and VJP, compiled by IREE under every target's lowering for this host,
//! agree with the reference evaluator; and max-pool's ties go to the lowest index on IREE as
//! well. The windowed layers' geometries are swept in `tests/iree_geometries.rs`.

mod common;

use common::layer_check::{compare_outputs, run_both, vjp_module, LayerChecks};
use netspec::core::ir::Lowering;
use netspec::core::layers::convnext::ChannelLinear;
use netspec::core::layers::{
    ArgValue, Args, BatchNorm, Conv2d, Dense, Dropout, GlobalAvgPool, Pool2d, Relu, SelfAttention,
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
    let mut checks = LayerChecks::new("layers");
    checks.add(
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
        checks.add(
            &format!("dense {i}->{o} over 520 rows"),
            &dense,
            &[520, i],
            1.0,
        );
    }
    // netspec's matmul kernel (`Op::KernelMatmul`) for the product, dx and the weight
    // gradient, each reading an operand transposed; panels of 32 and a last 16, rows in tiles
    // with a shorter last one, sums over more than 256 rows (the kernel's block of b), more
    // than 256 rows (two chunks of them); ragged panels of 20 columns (dx) and of 10 read
    // transposed (the product: 40 rows of it in whole blocks on AVX2, 32 and 8 gathered on
    // AVX-512).
    for (i, o, rows) in [(20, 48, 7), (48, 16, 300), (272, 32, 13), (40, 10, 9)] {
        let dense = Dense {
            in_features: i,
            out_features: o,
            bias: true,
        };
        checks.add(
            &format!("dense {i}->{o} over {rows} rows"),
            &dense,
            &[rows, i],
            1.0,
        );
    }
    // ConvNeXt's linear layer at every pixel: with the layout assignment a matmul over the
    // positions (netspec's kernel where its columns are a multiple of 16: the product, dx, the
    // weight gradient), as built a contraction over the channel axis.
    for (c, o) in [(8, 32), (32, 16)] {
        let linear = ChannelLinear {
            in_channels: c,
            out_channels: o,
        };
        checks.add(
            &format!("channel_linear {c}->{o}"),
            &linear,
            &[2, c, 3, 5],
            1.0,
        );
    }
    // Multi-head self-attention with heads 16 or more wide: netspec's attention kernel
    // (`Op::KernelAttention` and its gradient) on AVX2 and AVX-512, tokens a whole vector, a
    // part of one, and one; ViT-Tiny@32's geometry (65 tokens, 3 heads of 64); 2 heads of 3
    // as the graph's ops everywhere.
    for (tokens, width, heads) in [(5, 32, 2), (16, 16, 1), (1, 32, 2), (65, 192, 3), (5, 6, 2)] {
        checks.add(
            &format!("self_attention {tokens}x{width} {heads} heads"),
            &SelfAttention::new(width, heads).unwrap(),
            &[2, tokens, width],
            1.0,
        );
    }
    checks.add("relu", &Relu, &[3, 4, 5], 1.0);
    checks.add("dropout", &Dropout { p: 0.5 }, &[3, 4, 5], 1.0);
    for (k, s, p) in [(3, 1, 1), (3, 2, 1), (2, 2, 0), (3, 2, 0), (5, 3, 2)] {
        let conv =
            Conv2d::from_args(&args(&[4], &[("k", k), ("s", s), ("p", p)]), &[3, 9, 8]).unwrap();
        checks.add(&format!("conv2d k{k} s{s} p{p}"), &conv, &[2, 3, 9, 8], 1.0);
    }
    // 8 input channels: the direct convolution (fewer go through im2col).
    for (k, s, p) in [(3, 1, 1), (3, 2, 1)] {
        let conv =
            Conv2d::from_args(&args(&[4], &[("k", k), ("s", s), ("p", p)]), &[8, 7, 6]).unwrap();
        checks.add(
            &format!("conv2d 8 channels k{k} s{s} p{p}"),
            &conv,
            &[2, 8, 7, 6],
            1.0,
        );
    }
    // 16 channels in at stride 1: the direct convolution kernels (`Op::DirectConv`), forward
    // and for dx, in AVX2's blocks of 3 to 6 outputs along a row and AVX-512's of 7 to 12,
    // rows narrower than 4 in blocks of images at one position (1 to 9 of them), over tiles of
    // 16 output channels (AVX2), and of 32 with a last 16 (AVX-512).
    for (o, k, p, [n, h, w]) in [
        (16, 3, 1, [2, 4, 17]),
        (16, 3, 0, [2, 5, 21]),
        (16, 2, 1, [2, 3, 16]),
        (16, 5, 2, [2, 3, 18]),
        (16, 3, 1, [2, 3, 8]),
        (16, 3, 1, [2, 4, 7]),
        (16, 3, 1, [2, 4, 4]),
        (48, 3, 1, [2, 3, 25]),
        (32, 3, 1, [2, 2, 12]),
        (48, 3, 1, [26, 2, 2]),
        (16, 3, 1, [3, 3, 3]),
        (32, 2, 0, [5, 2, 3]),
    ] {
        let conv = Conv2d::from_args(&args(&[o], &[("k", k), ("p", p)]), &[16, h, w]).unwrap();
        checks.add(
            &format!("conv2d 16->{o} k{k} p{p} {n}x{h}x{w}"),
            &conv,
            &[n, 16, h, w],
            1.0,
        );
    }
    // Stride-1 weight gradients: the weight gradient kernels (`Op::DirectConvWeightGrad`), by
    // runs of positions from 2048 of them and by tiles below, their tiles of (tap, channel)
    // pairs (6 on AVX2, 12 on AVX-512) whole, cut short, and across taps, and of output
    // channels whole and a last 16; with and without padding, rows narrow and wide. (The
    // convolution cases above run it by tiles as well.)
    for (c, o, k, p, [n, h, w]) in [
        (16, 16, 3, 1, [2, 32, 32]),
        (5, 48, 3, 1, [2, 30, 36]),
        (8, 32, 2, 0, [2, 33, 33]),
        (16, 32, 5, 2, [1, 46, 46]),
        (16, 16, 3, 1, [11, 14, 14]),
        (24, 48, 3, 1, [32, 2, 2]),
    ] {
        let conv = Conv2d::from_args(&args(&[o], &[("k", k), ("p", p)]), &[c, h, w]).unwrap();
        checks.add(
            &format!("conv2d {c}->{o} k{k} p{p} {n}x{h}x{w}"),
            &conv,
            &[n, c, h, w],
            1.0,
        );
    }
    // 4 channels: the lowering's StableHLO form of the weight gradient; 16 and 32: netspec's
    // kernel where the lowering has it, at a ConvNeXt block's 7x7 and a strided 5x5.
    for (c, k, s, p, [h, w]) in [
        (4, 3, 2, 1, [9, 8]),
        (32, 5, 2, 2, [9, 8]),
        (16, 7, 1, 3, [8, 8]),
    ] {
        let depthwise = Conv2d::from_args(
            &args(
                &[c as i64],
                &[("k", k), ("s", s), ("p", p), ("groups", c as i64)],
            ),
            &[c, h, w],
        )
        .unwrap();
        checks.add(
            &format!("depthwise conv2d {c} k{k} s{s} p{p} {h}x{w}"),
            &depthwise,
            &[3, c, h, w],
            1.0,
        );
    }
    let grouped = Conv2d::from_args(
        &args(&[6], &[("k", 3), ("p", 1), ("groups", 2)]),
        &[4, 6, 6],
    )
    .unwrap();
    checks.add("grouped conv2d", &grouped, &[2, 4, 6, 6], 1.0);
    for (k, s, p) in [(2, 2, 0), (2, 2, 1), (3, 3, 1), (3, 2, 1), (3, 1, 1)] {
        let max = Pool2d::max_from_args(&args(&[k], &[("s", s), ("p", p)]), &[2, 7, 6]).unwrap();
        checks.add(
            &format!("max_pool k{k} s{s} p{p}"),
            &max,
            &[2, 2, 7, 6],
            1.0,
        );
        let avg = Pool2d::avg_from_args(&args(&[k], &[("s", s), ("p", p)]), &[2, 7, 6]).unwrap();
        checks.add(
            &format!("avg_pool k{k} s{s} p{p}"),
            &avg,
            &[2, 2, 7, 6],
            1.0,
        );
    }
    checks.add(
        "global_avg_pool",
        &GlobalAvgPool::from_args(&Args::default(), &[3, 4, 5]).unwrap(),
        &[2, 3, 4, 5],
        1.0,
    );
    checks.add(
        "batch_norm 2d",
        &BatchNorm::from_args(&Args::default(), &[3, 4, 4]).unwrap(),
        &[4, 3, 4, 4],
        1.0,
    );
    checks.add(
        "batch_norm 1d",
        &BatchNorm::from_args(&Args::default(), &[6]).unwrap(),
        &[5, 6],
        1.0,
    );
    checks.run();
}

/// IREE's select_and_scatter would send a tie to the last maximum; netspec's formulations (tiled
/// for k = s, sliced for overlapping windows) send it to the first, as PyTorch and JAX do.
#[test]
fn max_pool_ties_go_to_the_lowest_index_on_iree() {
    for (name, lowering) in Lowering::ALL {
        // Tiled: window 1 [[5, 5], [5, 5]] -> index 0; window 2 [[1, 3], [3, 1]] -> index 1.
        let tiled = Pool2d::max_from_args(&args(&[2], &[]), &[1, 2, 4]).unwrap();
        let x = (
            vec![1, 1, 2, 4],
            vec![5.0, 5.0, 1.0, 3.0, 5.0, 5.0, 3.0, 1.0],
        );
        let dy = (vec![1, 1, 1, 2], vec![10.0, 20.0]);
        let (iree, reference) = run_both(&vjp_module(&tiled, &[1, 1, 2, 4], lowering), &[x, dy]);
        let want = [10.0, 0.0, 0.0, 20.0, 0.0, 0.0, 0.0, 0.0];
        assert_eq!(iree[1], want.map(|v| v as f32), "{name}");
        assert_eq!(reference[1], want, "{name}");
        // Sliced: two overlapping 2x2 windows of equal values, each to its own first element.
        let sliced = Pool2d::max_from_args(&args(&[2], &[("s", 1)]), &[1, 2, 3]).unwrap();
        let x = (vec![1, 1, 2, 3], vec![5.0; 6]);
        let dy = (vec![1, 1, 1, 2], vec![10.0, 20.0]);
        let (iree, reference) = run_both(&vjp_module(&sliced, &[1, 1, 2, 3], lowering), &[x, dy]);
        let want = [10.0, 20.0, 0.0, 0.0, 0.0, 0.0];
        assert_eq!(iree[1], want.map(|v| v as f32), "{name}");
        assert_eq!(reference[1], want, "{name}");
    }
}

/// A NaN in IREE's output or in the reference fails the comparison, wherever it is: a fold with
/// `f64::max` would have dropped it.
#[test]
fn a_planted_nan_fails_the_layer_check() {
    let reference = vec![vec![1.0, -2.0, 0.5], vec![3.0]];
    let iree: Vec<Vec<f32>> = reference
        .iter()
        .map(|o| o.iter().map(|&v| v as f32).collect())
        .collect();
    assert_eq!(compare_outputs(&iree, &reference), Ok(()));
    for (output, at) in [(0, 0), (0, 2), (1, 0)] {
        let mut bad = iree.clone();
        bad[output][at] = f32::NAN;
        let e = compare_outputs(&bad, &reference).expect_err("a NaN from IREE passed");
        assert!(
            e.contains(&format!("output {output}")) && e.contains("NaN"),
            "{e}"
        );
        let mut bad = reference.clone();
        bad[output][at] = f64::NAN;
        compare_outputs(&iree, &bad).expect_err("a NaN in the reference passed");
    }
    // Off by more than the tolerance fails too; within it passes.
    let mut off = iree.clone();
    off[0][1] = -2.001;
    assert!(compare_outputs(&off, &reference).is_err());
    off[0][1] = -2.0001;
    assert!(compare_outputs(&off, &reference).is_ok());
}
