//! Reference convolution, padding and slicing: direct loops, written for clarity.

use ndarray::{ArrayD, IxDyn};

use super::Precision;
use crate::ir::ConvDims;

/// A general 2-D convolution with StableHLO's semantics for layouts, strides, padding (which
/// may crop), lhs and rhs dilation, feature and batch groups. Computes canonically as [N, C, H, W] x
/// [O, I, KH, KW] -> [N, O, OH, OW] and lays the result out as `d.out` says. In f32, each
/// product and partial sum is rounded to f32.
pub fn convolution(
    lhs: &ArrayD<f64>,
    rhs: &ArrayD<f64>,
    d: &ConvDims,
    out_shape: &[usize],
    precision: Precision,
) -> ArrayD<f64> {
    match precision {
        Precision::F64 => convolution_rounding(lhs, rhs, d, out_shape, |x| x),
        Precision::F32 => convolution_rounding(lhs, rhs, d, out_shape, |x| x as f32 as f64),
    }
}

fn convolution_rounding(
    lhs: &ArrayD<f64>,
    rhs: &ArrayD<f64>,
    d: &ConvDims,
    out_shape: &[usize],
    round: impl Fn(f64) -> f64,
) -> ArrayD<f64> {
    let x = lhs
        .clone()
        .permuted_axes(IxDyn(&d.lhs))
        .as_standard_layout()
        .into_owned();
    let k = rhs
        .clone()
        .permuted_axes(IxDyn(&d.rhs))
        .as_standard_layout()
        .into_owned();
    let (n, c, h, w) = (x.shape()[0], x.shape()[1], x.shape()[2], x.shape()[3]);
    let (o, i, kh, kw) = (k.shape()[0], k.shape()[1], k.shape()[2], k.shape()[3]);
    let (oh, ow) = (d.out_size(0, h, kh) as usize, d.out_size(1, w, kw) as usize);
    let groups = d.feature_groups;
    let (o_per_group, xs, ks) = (o / groups, x.as_slice().unwrap(), k.as_slice().unwrap());
    // Batch groups: output feature `of` reads the examples of its group, `nb` of them.
    let nb = n / d.batch_groups;
    let o_per_batch_group = o / d.batch_groups;
    // Position `p` of the dilated, padded input maps back to input index (p - low) / dilation.
    let source = |p: i64, dim: usize, size: usize| -> Option<usize> {
        let q = p - d.padding[dim].0;
        let dil = d.lhs_dilation[dim] as i64;
        (q >= 0 && q % dil == 0 && ((q / dil) as usize) < size).then(|| (q / dil) as usize)
    };
    let mut canon = vec![0.0; nb * o * oh * ow];
    for b in 0..nb {
        for of in 0..o {
            let g = of / o_per_group;
            let example = of / o_per_batch_group * nb + b;
            for y in 0..oh {
                for xo in 0..ow {
                    let mut acc = 0.0;
                    for u in 0..kh {
                        let Some(sy) =
                            source((y * d.strides[0] + u * d.rhs_dilation[0]) as i64, 0, h)
                        else {
                            continue;
                        };
                        for v in 0..kw {
                            let Some(sx) =
                                source((xo * d.strides[1] + v * d.rhs_dilation[1]) as i64, 1, w)
                            else {
                                continue;
                            };
                            for ic in 0..i {
                                let ch = g * i + ic;
                                acc = round(
                                    acc + round(
                                        xs[((example * c + ch) * h + sy) * w + sx]
                                            * ks[((of * i + ic) * kh + u) * kw + v],
                                    ),
                                );
                            }
                        }
                    }
                    canon[((b * o + of) * oh + y) * ow + xo] = acc;
                }
            }
        }
    }
    let canon = ArrayD::from_shape_vec(IxDyn(&[nb, o, oh, ow]), canon).unwrap();
    // Result axis j holds canonical axis `role`, where d.out[role] == j.
    let mut perm = [0; 4];
    for (role, pos) in d.out.iter().enumerate() {
        perm[*pos] = role;
    }
    let out = canon
        .permuted_axes(IxDyn(&perm))
        .as_standard_layout()
        .into_owned();
    assert_eq!(out.shape(), out_shape);
    out
}

pub fn pad(
    x: &ArrayD<f64>,
    fill: f64,
    low: &[i64],
    high: &[i64],
    interior: &[usize],
    out_shape: &[usize],
) -> ArrayD<f64> {
    let _ = high;
    let mut out = ArrayD::from_elem(IxDyn(out_shape), fill);
    for (ix, v) in x.indexed_iter() {
        let target: Option<Vec<usize>> = (0..x.ndim())
            .map(|dim| {
                let p = low[dim] + (ix[dim] * (interior[dim] + 1)) as i64;
                (p >= 0 && (p as usize) < out_shape[dim]).then_some(p as usize)
            })
            .collect();
        if let Some(t) = target {
            out[IxDyn(&t)] = *v;
        }
    }
    out
}

pub fn slice(
    x: &ArrayD<f64>,
    start: &[usize],
    strides: &[usize],
    out_shape: &[usize],
) -> ArrayD<f64> {
    ArrayD::from_shape_fn(IxDyn(out_shape), |ix| {
        let src: Vec<usize> = (0..out_shape.len())
            .map(|d| start[d] + ix[d] * strides[d])
            .collect();
        x[IxDyn(&src)]
    })
}

#[cfg(test)]
mod tests {
    use crate::ir::{ConvDims, Graph, Lowering, TensorType, Value};
    use crate::reference::{self, Tensor};

    /// A convolution in batch groups is each group's convolution of its examples with its
    /// kernels, side by side along the output features: StableHLO's `batch_group_count`, as
    /// the reference evaluates it and as the text says it.
    #[test]
    fn batch_groups_convolve_each_group_of_examples_with_its_kernels() {
        let (groups, n, c, o, k) = (2, 6, 3, 4, 2);
        let mut g = Graph::new("f", Lowering::AVX512);
        let x = g.arg("x", TensorType::f32(&[n, c, 5, 5]));
        let w = g.arg("w", TensorType::f32(&[o, c, k, k]));
        let d = ConvDims {
            rhs_dilation: [2, 1],
            batch_groups: groups,
            ..ConvDims::nchw([1, 2], [(1, 0), (0, 1)])
        };
        let y = g.convolution_in_layout(x, w, d.clone());
        let per_group: Vec<Value> = (0..groups)
            .map(|i| {
                let (nb, ob) = (n / groups, o / groups);
                let xi = g.slice(x, &[i * nb, 0, 0, 0], &[(i + 1) * nb, c, 5, 5], &[1; 4]);
                let wi = g.slice(w, &[i * ob, 0, 0, 0], &[(i + 1) * ob, c, k, k], &[1; 4]);
                let plain = ConvDims {
                    batch_groups: 1,
                    ..d.clone()
                };
                g.convolution_in_layout(xi, wi, plain)
            })
            .collect();
        let want = g.concatenate(&per_group, 1);
        let f = g.finish(vec![y, want]);
        let xs: Vec<f32> = (0..n * c * 25)
            .map(|i| ((i * 37) % 19) as f32 * 0.1 - 0.9)
            .collect();
        let ws: Vec<f32> = (0..o * c * k * k)
            .map(|i| ((i * 13) % 7) as f32 * 0.3 - 1.0)
            .collect();
        let out = reference::run(
            &f,
            &[
                Tensor::f32_data(&[n, c, 5, 5], &xs),
                Tensor::f32_data(&[o, c, k, k], &ws),
            ],
        );
        let (y, want) = (out[0].float(), out[1].float());
        assert_eq!(y.shape(), &[n / groups, o, 4, 3]);
        assert_eq!(y.shape(), want.shape());
        let worst = crate::compare::max_abs_diff(y.iter().copied(), want.iter().copied());
        assert!(worst < 1e-12, "differs by {worst}");
        let text = crate::emit::module_text(&crate::ir::Module {
            name: "m".into(),
            functions: vec![f],
        });
        assert!(text.contains("batch_group_count = 2 : i64"), "{text}");
    }
}
