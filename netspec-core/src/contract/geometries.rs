//! The geometries of the windowed layers the ladder uses, as one sweep: every square input from
//! 1x1 to 5x5 under every kernel from 1 to 5, stride 1 to 3 and padding 0 to 2 (and `same`) that
//! the shape rule accepts, kernels of 7 with padding 3 on the 1x1 and 2x2 inputs (most taps read
//! only padding), for each formulation a convolution or pooling can take:
//!
//! | name | layer | what it reaches |
//! |---|---|---|
//! | `im2col` | conv2d 3 -> 4 | the batched im2col matmul below `im2col_below_channels` |
//! | `direct` | conv2d 8 -> 4 | IREE's convolution, its width padded to `conv_width_multiple` |
//! | `matmul_out` | conv2d 8 -> 64 | `conv_matmul` by `min_out_channels` |
//! | `matmul_taps` | conv2d ⌈512/k²⌉ -> 4 | `conv_matmul` by `min_taps` |
//! | `grouped` | conv2d 4 -> 6, 2 groups | the grouped convolution |
//! | `depthwise` | conv2d 4 -> 4, 4 groups | the depthwise sums over kernel offsets; the weight gradient in the lowering's StableHLO form (`depthwise_weight_grad`) |
//! | `depthwise_16` | conv2d 16 -> 16, 16 groups | the weight gradient by netspec's kernel where the lowering has it (`DirectConvRule::depthwise_weight_grad`, a multiple of 16 channels) |
//! | `depthwise_x2` | conv2d 3 -> 6, 3 groups | depthwise with a channel multiplier |
//! | `max_pool`, `avg_pool` | 2 channels | the tiled (k = s) and sliced forms |
//!
//! A 1x1 kernel on a 1x1 input is the matrix product; the weight gradients are the per-offset
//! and im2col forms by lowering (`Lowering::weight_grad_matmul`), and the input gradient is the
//! flipped, dilated convolution of each. Dead-tap cutting (`ConvDims::live_taps`) acts wherever
//! the kernel reaches past the input.

use crate::layers::{ArgValue, Args, Conv2d, Pool2d};

/// One of the sweep's layers.
#[derive(Clone, Debug)]
pub enum Windowed {
    Conv(Conv2d),
    Pool(Pool2d),
}

/// A layer of the sweep on its per-example input.
#[derive(Clone, Debug)]
pub struct Geometry {
    /// `<variant> <window>`.
    pub name: String,
    /// `<h>x<w> k<k> s<s> p<p>`.
    pub window: String,
    pub layer: Windowed,
    /// [C, H, W].
    pub input: [usize; 3],
}

/// A convolution variant: (name, input channels for kernel size k, output channels, groups).
type Variant = (&'static str, fn(usize) -> usize, fn(usize) -> usize, usize);

const CONVOLUTIONS: [Variant; 8] = [
    ("im2col", |_| 3, |_| 4, 1),
    ("direct", |_| 8, |_| 4, 1),
    ("matmul_out", |_| 8, |_| 64, 1),
    ("matmul_taps", |k| 512usize.div_ceil(k * k), |_| 4, 1),
    ("grouped", |_| 4, |_| 6, 2),
    ("depthwise", |_| 4, |_| 4, 4),
    ("depthwise_16", |_| 16, |_| 16, 16),
    ("depthwise_x2", |_| 3, |_| 6, 3),
];

/// (kernel, stride, padding) candidates for an input of side `n`, before the shape rule.
fn windows(n: usize) -> Vec<(usize, usize, ArgValue)> {
    let mut out = vec![];
    for k in 1..=5 {
        for s in 1..=3 {
            for p in 0..=2 {
                out.push((k, s, ArgValue::Int(p)));
            }
        }
    }
    for k in [2, 4] {
        out.push((k, 1, ArgValue::Ident("same".into())));
    }
    if n <= 2 {
        for s in 1..=3 {
            out.push((7, s, ArgValue::Int(3)));
        }
    }
    out
}

fn window_args(positional: Option<i64>, k: usize, s: usize, p: &ArgValue, groups: usize) -> Args {
    let mut named = vec![
        ("k".to_string(), ArgValue::Int(k as i64)),
        ("s".to_string(), ArgValue::Int(s as i64)),
        ("p".to_string(), p.clone()),
    ];
    if groups > 1 {
        named.push(("groups".to_string(), ArgValue::Int(groups as i64)));
    }
    Args {
        positional: positional.map(ArgValue::Int).into_iter().collect(),
        named,
    }
}

fn padding_name(p: &ArgValue) -> String {
    match p {
        ArgValue::Int(i) => i.to_string(),
        ArgValue::Ident(s) => s.clone(),
        other => format!("{other:?}"),
    }
}

/// The windows whose geometries are also compiled by IREE (`tests/iree_geometries.rs`), every
/// variant at each: IREE compiles about a second per layer function, too long for the whole
/// sweep, so these are the edge classes the formulations treat apart.
pub const IREE_WINDOWS: [&str; 10] = [
    // A 1x1 kernel on a 1x1 image: the matrix product.
    "1x1 k1 s1 p0",
    // The ladder's last stage at 32x32: a 3x3 kernel on 1x1, its centre tap alone live.
    "1x1 k3 s1 p1",
    // The ladder's stride-2 convolution to 1x1; IREE's width-1 workaround cuts the padding.
    "2x2 k3 s2 p1",
    // Most taps read padding only.
    "2x2 k7 s1 p3",
    // The width-1 workaround that slices the input.
    "4x4 k3 s3 p0",
    // EfficientNet-B0@32's strided 5x5 at 4x4; tiled pooling at 4x4.
    "4x4 k5 s2 p2",
    "4x4 k2 s2 p0",
    // An output 7 wide: the direct convolution's width rounded up to a multiple of 4.
    "5x5 k3 s1 p2",
    // An even kernel whose stride 3 leaves rows unread; asymmetric `same` padding.
    "5x5 k4 s3 p1",
    "5x5 k4 s1 psame",
];

/// Every geometry of the sweep that the layers' shape rules accept, in a fixed order.
pub fn windowed_geometries() -> Vec<Geometry> {
    let mut out = vec![];
    for n in 1..=5 {
        for (k, s, p) in windows(n) {
            let at = format!("{n}x{n} k{k} s{s} p{}", padding_name(&p));
            for (variant, cin, cout, groups) in CONVOLUTIONS {
                let input = [cin(k), n, n];
                let args = window_args(Some(cout(k) as i64), k, s, &p, groups);
                if let Ok(conv) = Conv2d::from_args(&args, &input) {
                    out.push(Geometry {
                        name: format!("{variant} {at}"),
                        window: at.clone(),
                        layer: Windowed::Conv(conv),
                        input,
                    });
                }
            }
            let input = [2, n, n];
            let args = window_args(None, k, s, &p, 1);
            let args = Args {
                positional: vec![ArgValue::Int(k as i64)],
                named: args.named.into_iter().filter(|(n, _)| n != "k").collect(),
            };
            if let Ok(pool) = Pool2d::max_from_args(&args, &input) {
                out.push(Geometry {
                    name: format!("max_pool {at}"),
                    window: at.clone(),
                    layer: Windowed::Pool(pool),
                    input,
                });
            }
            if let Ok(pool) = Pool2d::avg_from_args(&args, &input) {
                out.push(Geometry {
                    name: format!("avg_pool {at}"),
                    window: at.clone(),
                    layer: Windowed::Pool(pool),
                    input,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sweep holds what the ladder's networks have at 32x32: a strided convolution whose
    /// output is 1x1, kernels past a 1x1 and 2x2 input, each formulation and both poolings, and
    /// only what the shape rule accepts.
    #[test]
    fn the_sweep_reaches_the_ladders_geometries() {
        let all = windowed_geometries();
        let has = |name: &str| all.iter().any(|g| g.name == name);
        for name in [
            "im2col 2x2 k3 s2 p1",
            "matmul_out 2x2 k3 s2 p1",
            "matmul_taps 1x1 k3 s1 p1",
            "depthwise 2x2 k5 s2 p2",
            "depthwise_16 5x5 k3 s2 p1",
            "direct 1x1 k7 s1 p3",
            "matmul_taps 1x1 k1 s1 p0",
            "max_pool 2x2 k3 s2 p1",
            "avg_pool 4x4 k2 s2 p0",
            "grouped 5x5 k4 s1 psame",
        ] {
            assert!(has(name), "{name}");
        }
        // The shape rule decides: 1x1 with k2 and no padding, or pooling padded past k/2, are out.
        assert!(!has("im2col 1x1 k2 s1 p0"));
        assert!(!has("max_pool 3x3 k2 s1 p2"));
        for w in IREE_WINDOWS {
            assert!(all.iter().any(|g| g.window == w), "{w}");
        }
        for g in &all {
            if let Windowed::Conv(c) = &g.layer {
                let [oh, ow] = c.window.output(c.input);
                assert!(oh >= 1 && ow >= 1, "{}", g.name);
            }
        }
    }
}
