//! VJP contracts of convolution, pooling and BatchNorm (chapters 4 and 5).

use netspec_core::compare::max_abs_diff;
use netspec_core::contract::{assert_holds, layer_case};
use netspec_core::ir::{Graph, Lowering, TensorType};
use netspec_core::layers::{ArgValue, Args, BatchNorm, Conv2d, GlobalAvgPool, Layer, Mode, Pool2d};
use netspec_core::reference::{self, Tensor};

const TOL: f64 = 1e-6;

fn args(positional: &[i64], named: &[(&str, ArgValue)]) -> Args {
    Args {
        positional: positional.iter().map(|i| ArgValue::Int(*i)).collect(),
        named: named
            .iter()
            .map(|(n, v)| (n.to_string(), v.clone()))
            .collect(),
    }
}

fn int(i: i64) -> ArgValue {
    ArgValue::Int(i)
}

/// (input [C, H, W], out channels, k, s, p): odd and even kernels, strides that leave rows
/// unused, and padding that is asymmetric (`same` with an even kernel).
fn conv_cases() -> Vec<([usize; 3], i64, i64, i64, ArgValue)> {
    vec![
        ([1, 5, 5], 2, 3, 1, int(0)),
        ([2, 6, 5], 3, 3, 1, int(1)),
        ([3, 7, 7], 2, 3, 2, int(1)),
        ([2, 8, 6], 2, 2, 2, int(0)),
        ([2, 7, 6], 3, 3, 2, int(0)),
        ([1, 6, 6], 2, 4, 1, ArgValue::Ident("same".into())),
        ([2, 9, 9], 2, 5, 3, int(2)),
        ([3, 4, 4], 4, 1, 1, int(0)),
        // 8 input channels and more: the direct convolution rather than im2col.
        ([8, 6, 5], 3, 3, 2, int(1)),
        ([9, 4, 4], 2, 1, 1, int(0)),
        // Under AVX2, netspec's kernels: the convolution and its input gradient (8 channels
        // and more, a multiple of 16 outputs, rows 8 wide and wider), the weight gradient
        // (2048 positions at batch 2).
        ([8, 32, 32], 16, 3, 1, int(1)),
    ]
}

#[test]
fn conv2d_vjp_input_weight_bias() {
    for (i, (input, out, k, s, p)) in conv_cases().into_iter().enumerate() {
        let layer = Conv2d::from_args(
            &args(&[out], &[("k", int(k)), ("s", int(s)), ("p", p)]),
            &input,
        )
        .unwrap();
        assert_holds(&layer_case(&layer, &input, 2, i as u64), 48, TOL);
    }
}

#[test]
fn conv2d_vjp_without_bias() {
    let layer = Conv2d::from_args(
        &args(
            &[3],
            &[
                ("k", int(3)),
                ("s", int(2)),
                ("bias", ArgValue::Bool(false)),
            ],
        ),
        &[2, 7, 7],
    )
    .unwrap();
    let case = layer_case(&layer, &[2, 7, 7], 3, 9);
    assert_eq!(case.wrt.len(), 2);
    assert_holds(&case, 48, TOL);
}

#[test]
fn grouped_and_depthwise_conv2d_vjp() {
    for (i, (input, out, groups, s)) in [
        ([4, 6, 6], 6, 2, 1),
        ([3, 7, 7], 3, 3, 2),
        ([4, 5, 5], 8, 4, 1),
        // Depthwise with a stride whose last padded row no window reaches.
        ([2, 8, 8], 2, 2, 2),
    ]
    .into_iter()
    .enumerate()
    {
        let a = args(
            &[out],
            &[
                ("k", int(3)),
                ("s", int(s)),
                ("p", int(1)),
                ("groups", int(groups)),
            ],
        );
        let layer = Conv2d::from_args(&a, &input).unwrap();
        assert_holds(&layer_case(&layer, &input, 2, 20 + i as u64), 48, TOL);
    }
}

#[test]
fn max_pool_vjp() {
    for (i, (k, s, p)) in [
        (2, 2, 0),
        (2, 2, 1),
        (3, 3, 1),
        (3, 2, 1),
        (3, 1, 1),
        (2, 1, 0),
    ]
    .into_iter()
    .enumerate()
    {
        let layer = Pool2d::max_from_args(&args(&[k], &[("s", int(s)), ("p", int(p))]), &[2, 7, 6])
            .unwrap();
        assert_holds(&layer_case(&layer, &[2, 7, 6], 2, i as u64), 64, TOL);
    }
}

#[test]
fn avg_pool_vjp() {
    for (i, (k, s, p)) in [(2, 2, 0), (3, 3, 1), (3, 2, 1), (3, 1, 1)]
        .into_iter()
        .enumerate()
    {
        let layer = Pool2d::avg_from_args(&args(&[k], &[("s", int(s)), ("p", int(p))]), &[2, 7, 6])
            .unwrap();
        assert_holds(&layer_case(&layer, &[2, 7, 6], 2, i as u64), 64, TOL);
    }
}

#[test]
fn global_avg_pool_vjp() {
    let layer = GlobalAvgPool::from_args(&Args::default(), &[3, 4, 5]).unwrap();
    assert_holds(&layer_case(&layer, &[3, 4, 5], 2, 0), 64, TOL);
}

#[test]
fn batch_norm_train_vjp_input_weight_bias() {
    for (i, shape) in [vec![3, 4, 4], vec![2, 3, 5], vec![5]]
        .into_iter()
        .enumerate()
    {
        let layer = BatchNorm::from_args(&Args::default(), &shape).unwrap();
        assert_holds(&layer_case(&layer, &shape, 4, i as u64), 64, 1e-5);
    }
}

/// The gradient of max-pool with tied maxima goes to the lowest index of each window, as in
/// PyTorch and JAX, in both formulations. Tiled (k = s = 2): a 2x2 window of equal values sends
/// it to index 0; a window [1, 3, 3, 1] to index 1. Sliced (k = 2, s = 1, overlapping windows
/// of equal values): each window sends it to its own first element.
#[test]
fn max_pool_ties_go_to_the_lowest_index() {
    // (stride, input [C, H, W], x, dy, expected y, expected dx)
    type Case = (usize, [usize; 3], Vec<f32>, Vec<f32>, Vec<f64>, Vec<f64>);
    let cases: [Case; 2] = [
        (
            2,
            [1, 2, 4],
            vec![5.0, 5.0, 1.0, 3.0, 5.0, 5.0, 3.0, 1.0],
            vec![10.0, 20.0],
            vec![5.0, 3.0],
            vec![10.0, 0.0, 0.0, 20.0, 0.0, 0.0, 0.0, 0.0],
        ),
        (
            1,
            [1, 2, 3],
            vec![5.0; 6],
            vec![10.0, 20.0],
            vec![5.0, 5.0],
            vec![10.0, 20.0, 0.0, 0.0, 0.0, 0.0],
        ),
    ];
    for ((s, [c, h, w], x_data, dy_data, y_want, dx_want), (name, lowering)) in cases
        .iter()
        .flat_map(|case| Lowering::ALL.iter().map(move |l| (case.clone(), *l)))
    {
        let layer =
            Pool2d::max_from_args(&args(&[2], &[("s", int(s as i64))]), &[c, h, w]).unwrap();
        let mut g = Graph::new("f", lowering);
        let x = g.arg("x", TensorType::f32(&[1, c, h, w]));
        let y_shape = [1, c, (h - 2) / s + 1, (w - 2) / s + 1];
        let dy = g.arg("dy", TensorType::f32(&y_shape));
        let fwd = layer.forward(&mut g, x, &[], Mode::Train);
        let dx = layer.vjp(&mut g, &fwd.saved, &[], dy, true).dx.unwrap();
        let f = g.finish(vec![fwd.y, dx]);
        let input = Tensor::f32_data(&[1, c, h, w], &x_data);
        let out = reference::run(&f, &[input, Tensor::f32_data(&y_shape, &dy_data)]);
        let y: Vec<f64> = out[0].float().iter().copied().collect();
        let dx: Vec<f64> = out[1].float().iter().copied().collect();
        assert_eq!((y, dx), (y_want, dx_want), "{name}: stride {s}");
    }
}

/// A 1x1 kernel on a 1x1 image is emitted as a matrix product (squeeze-excitation's layers):
/// the same contract, and the same values as the convolution it replaces.
#[test]
fn pointwise_conv2d_on_one_pixel_vjp_and_value() {
    let layer = Conv2d::from_args(&args(&[5], &[("k", int(1))]), &[3, 1, 1]).unwrap();
    assert_holds(&layer_case(&layer, &[3, 1, 1], 4, 10), 48, TOL);
    // The same output as the 1x1 convolution on a 1x2 image at its first pixel's column.
    let wide = Conv2d::from_args(&args(&[5], &[("k", int(1))]), &[3, 1, 2]).unwrap();
    let value = |layer: &Conv2d, input: &[usize], lowering: Lowering| {
        use netspec_core::ir::{Graph, TensorType};
        use netspec_core::layers::Mode;
        let mut g = Graph::new("f", lowering);
        let x = g.arg("x", TensorType::f32(&[[1].as_slice(), input].concat()));
        let p: Vec<_> = layer.params().iter().map(|s| s.arg(&mut g)).collect();
        let y = layer.forward(&mut g, x, &p, Mode::Train).y;
        g.finish(vec![y])
    };
    use netspec_core::reference::{self, Tensor};
    let w: Vec<f32> = (0..15).map(|i| i as f32 * 0.1 - 0.7).collect();
    let b: Vec<f32> = (0..5).map(|i| i as f32 * 0.3).collect();
    let x1 = [0.5f32, -1.0, 2.0];
    let x2 = [0.5f32, 9.0, -1.0, 9.0, 2.0, 9.0];
    // The product takes the kernel as OIHW, the convolution as HWIO: each in its device layout.
    let run = |f, layer: &Conv2d, x: Tensor| {
        reference::run(
            &f,
            &[
                x,
                Tensor::param(&layer.params()[0], &w),
                Tensor::f32_data(&[5], &b),
            ],
        )
        .remove(0)
        .float()
        .clone()
    };
    for (name, lowering) in Lowering::ALL {
        let one = run(
            value(&layer, &[3, 1, 1], lowering),
            &layer,
            Tensor::f32_data(&[1, 3, 1, 1], &x1),
        );
        let two = run(
            value(&wide, &[3, 1, 2], lowering),
            &wide,
            Tensor::f32_data(&[1, 3, 1, 2], &x2),
        );
        for o in 0..5 {
            assert!(
                (one[[0, o, 0, 0]] - two[[0, o, 0, 0]]).abs() < 1e-12,
                "{name}"
            );
        }
    }
}

/// Depthwise convolutions are emitted as sums over kernel offsets, not as convolutions: their
/// outputs are the direct sum Σ x_padded[b, c, s·y + u, s·x + v] · W[c·m + j, 0, u, v].
#[test]
fn depthwise_conv2d_values_are_the_direct_sum() {
    use netspec_core::ir::{Graph, TensorType};
    use netspec_core::layers::Mode;
    use netspec_core::reference::{self, Tensor};
    // (input [C, H, W], out channels, k, stride, padding)
    for (input, out, k, s, p) in [
        ([3usize, 7usize, 6usize], 3usize, 3usize, 2usize, 1usize),
        ([2, 5, 5], 4, 3, 1, 1),
        ([2, 9, 9], 2, 7, 1, 3),
    ] {
        let named = [
            ("k", int(k as i64)),
            ("s", int(s as i64)),
            ("p", int(p as i64)),
            ("groups", int(input[0] as i64)),
        ];
        let layer = Conv2d::from_args(&args(&[out as i64], &named), &input).unwrap();
        for (name, lowering) in Lowering::ALL {
            let mut g = Graph::new("f", lowering);
            let x = g.arg("x", TensorType::f32(&[2, input[0], input[1], input[2]]));
            let specs = layer.params();
            let params: Vec<_> = specs.iter().map(|spec| spec.arg(&mut g)).collect();
            let y = layer.forward(&mut g, x, &params, Mode::Train).y;
            let f = g.finish(vec![y]);

            let [c, h, w] = input;
            let xs: Vec<f32> = (0..2 * c * h * w)
                .map(|i| ((i * 7919) % 23) as f32 * 0.1 - 1.1)
                .collect();
            let ws: Vec<f32> = (0..out * k * k)
                .map(|i| ((i * 31) % 11) as f32 * 0.2 - 1.0)
                .collect();
            let bs: Vec<f32> = (0..out).map(|i| i as f32 * 0.5).collect();
            let got = reference::run(
                &f,
                &[
                    Tensor::f32_data(&[2, c, h, w], &xs),
                    // OIHW data, held as the module holds it.
                    Tensor::f32_data(&specs[0].device_shape(), &specs[0].to_device_order(&ws)),
                    Tensor::f32_data(&[out], &bs),
                ],
            )
            .remove(0)
            .float()
            .clone();
            let (oh, ow) = ((h + 2 * p - k) / s + 1, (w + 2 * p - k) / s + 1);
            assert_eq!(got.shape(), &[2, out, oh, ow]);
            let m = out / c;
            for b in 0..2 {
                for o in 0..out {
                    for yy in 0..oh {
                        for xx in 0..ow {
                            let mut want = bs[o] as f64;
                            for u in 0..k {
                                for v in 0..k {
                                    let (i, j) = (
                                        (s * yy + u) as i64 - p as i64,
                                        (s * xx + v) as i64 - p as i64,
                                    );
                                    if i < 0 || j < 0 || i >= h as i64 || j >= w as i64 {
                                        continue;
                                    }
                                    let xv =
                                        xs[((b * c + o / m) * h + i as usize) * w + j as usize];
                                    want += xv as f64 * ws[(o * k + u) * k + v] as f64;
                                }
                            }
                            let have = got[[b, o, yy, xx]];
                            assert!(
                                (have - want).abs() < 1e-9,
                                "{name}: {input:?} k{k} s{s}: {have} vs {want}"
                            );
                        }
                    }
                }
            }
        }
    }
}

/// Convolutions whose output is over 4 wide and not a multiple of 4 are computed wider and cut
/// back (IREE's CPU code for such widths is several times slower): the values are those of
/// the convolution exactly as specified, for strides 1 and 2 and for the input gradient's
/// dilated form.
#[test]
fn convolution_widths_rounded_up_compute_the_same_values() {
    use netspec_core::ir::{ConvDims, Graph, TensorType};
    use netspec_core::reference::{self, Tensor};
    for ((w, stride, dilation), (name, lowering)) in [(6, 1, 1), (14, 1, 1), (13, 2, 1), (7, 1, 2)]
        .into_iter()
        .flat_map(|c| Lowering::ALL.map(|l| (c, l)))
    {
        let mut d = ConvDims::nchw([stride, stride], [(1, 1), (1, 1)]);
        d.lhs_dilation = [dilation, dilation];
        let build = |exact: bool| {
            let mut g = Graph::new("f", lowering);
            let x = g.arg("x", TensorType::f32(&[2, 3, 5, w]));
            let k = g.arg("k", TensorType::f32(&[4, 3, 3, 3]));
            let y = if exact {
                g.convolution_in_layout(x, k, d.clone())
            } else {
                g.convolution(x, k, d.clone())
            };
            g.finish(vec![y])
        };
        let xs: Vec<f32> = (0..2 * 3 * 5 * w)
            .map(|i| ((i * 37) % 19) as f32 * 0.1 - 0.9)
            .collect();
        let ks: Vec<f32> = (0..4 * 27)
            .map(|i| ((i * 13) % 7) as f32 * 0.3 - 1.0)
            .collect();
        let inputs = [
            Tensor::f32_data(&[2, 3, 5, w], &xs),
            Tensor::f32_data(&[4, 3, 3, 3], &ks),
        ];
        let exact = reference::run(&build(true), &inputs)
            .remove(0)
            .float()
            .clone();
        let rounded = reference::run(&build(false), &inputs)
            .remove(0)
            .float()
            .clone();
        assert_eq!(exact.shape(), rounded.shape(), "width {w}");
        let worst = max_abs_diff(exact.iter().copied(), rounded.iter().copied());
        assert!(
            worst < 1e-12,
            "{name}: width {w} stride {stride}: differs by {worst}"
        );
    }
}
