//! VJP contracts of ConvNeXt's and the Vision Transformer's layers (per-position linear, layer
//! scale, CNBlock and its stage, stem, downsampling and head; multi-head self-attention, the
//! encoder layer, patch embedding, class token, position embedding, the encoder and its head),
//! their forwards against direct computations, their parameter names, and the shape errors a
//! person gets.

use netspec_core::compare::{max_abs_diff, max_nan};
use netspec_core::contract::{assert_holds, layer_case};
use netspec_core::ir::{Graph, Lowering, TensorType, Value};
use netspec_core::layers::convnext::{
    convnext_block_node, convnext_downsample, convnext_head, convnext_stage, convnext_stem,
};
use netspec_core::layers::vit::{encoder_layer, vit_encoder};
use netspec_core::layers::{
    ArgRef, ArgValue, Args, Backward, ChannelLinear, ClassToken, DepthwiseConv, Forward, Layer,
    LayerConfig, LayerScale, Mode, Node, PatchEmbed, SelfAttention, SpecError, VitHead,
};
use netspec_core::params::{Init, ParamSpec};
use netspec_core::reference::{self, Tensor};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const TOL: f64 = 1e-5;

fn args(positional: &[i64], named: &[(&str, i64)]) -> Args {
    Args {
        positional: positional.iter().map(|i| ArgValue::Int(*i)).collect(),
        named: named
            .iter()
            .map(|(n, v)| (n.to_string(), ArgValue::Int(*v)))
            .collect(),
    }
}

fn names(specs: &[ParamSpec]) -> Vec<String> {
    specs.iter().map(|p| p.name.clone()).collect()
}

/// Two layers one after the other, as one layer: for contracts of a chain.
struct Then<A, B>(A, B);

impl<A: Layer, B: Layer> Layer for Then<A, B> {
    type Saved = (A::Saved, B::Saved);

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        self.1.output_shape(&self.0.output_shape(input))
    }

    fn params(&self) -> Vec<ParamSpec> {
        let mut p = self.0.params();
        p.extend(self.1.params());
        p
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<Self::Saved> {
        let n = self.0.params().len();
        let a = self.0.forward(g, x, &p[..n], mode);
        let b = self.1.forward(g, a.y, &p[n..], mode);
        Forward::new(b.y, (a.saved, b.saved))
    }

    fn vjp(
        &self,
        g: &mut Graph,
        s: &Self::Saved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let n = self.0.params().len();
        let b = self.1.vjp(g, &s.1, &p[n..], dy, true);
        let a = self.0.vjp(g, &s.0, &p[..n], b.dx.unwrap(), need_dx);
        let mut grads = a.grads;
        grads.extend(b.grads);
        Backward { dx: a.dx, grads }
    }
}

/// Random values in [-1, 1] of a shape.
fn random(rng: &mut ChaCha8Rng, shape: &[usize]) -> Tensor {
    let n: usize = shape.iter().product();
    let data: Vec<f64> = (0..n).map(|_| rng.gen_range(-1.0..1.0)).collect();
    Tensor::F(ndarray::ArrayD::from_shape_vec(shape.to_vec(), data).unwrap())
}

/// The layer's forward on the reference evaluator: (x, params, y).
fn forward<L: Layer>(
    layer: &L,
    input: &[usize],
    batch: usize,
    seed: u64,
) -> (Tensor, Vec<Tensor>, Tensor) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut shape = vec![batch];
    shape.extend_from_slice(input);
    let specs = layer.params();
    let build = |lowering: Lowering| {
        let mut g = Graph::new("f", lowering);
        let xv = g.arg("x", TensorType::f32(&shape));
        let pv: Vec<Value> = specs.iter().map(|s| s.arg(&mut g)).collect();
        let y = layer.forward(&mut g, xv, &pv, Mode::Train).y;
        g.finish(vec![y])
    };
    let x = random(&mut rng, &shape);
    // Drawn in the parameters' own layout (returned so), passed in their device layout.
    let p: Vec<Tensor> = specs.iter().map(|s| random(&mut rng, &s.shape)).collect();
    let mut inputs = vec![x.clone()];
    inputs.extend(specs.iter().zip(&p).map(|(s, t)| {
        let data = s.to_device_order(t.float().as_slice().unwrap());
        Tensor::F(ndarray::ArrayD::from_shape_vec(s.device_shape(), data).unwrap())
    }));
    // Every lowering's formulation, which must agree.
    let mut ys = Lowering::ALL
        .iter()
        .map(|&(name, lowering)| (name, reference::run(&build(lowering), &inputs).remove(0)));
    let (_, y) = ys.next().unwrap();
    for (name, other) in ys {
        let d = max_diff(y.float(), other.float());
        assert!(d < 1e-12, "{name}: differs by {d:e}");
    }
    (x, p, y)
}

fn max_diff(a: &ndarray::ArrayD<f64>, b: &ndarray::ArrayD<f64>) -> f64 {
    assert_eq!(a.shape(), b.shape());
    max_abs_diff(a.iter().copied(), b.iter().copied())
}

fn spec_error(name: &str, a: &Args, input: &[usize]) -> SpecError {
    match LayerConfig::build(name, a, input) {
        Err(e) => e,
        Ok(l) => panic!("{name} built for {input:?}: {l:?}"),
    }
}

// ---- ConvNeXt -------------------------------------------------------------------------------

#[test]
fn pointwise_linear_vjp() {
    for (i, (cin, cout, h, w, batch)) in [(3, 5, 4, 2, 2), (4, 16, 1, 1, 3), (6, 2, 3, 3, 1)]
        .into_iter()
        .enumerate()
    {
        let layer = ChannelLinear {
            in_channels: cin,
            out_channels: cout,
        };
        assert_holds(&layer_case(&layer, &[cin, h, w], batch, i as u64), 48, TOL);
    }
}

#[test]
fn pointwise_linear_is_nn_linear_at_every_pixel() {
    let layer = ChannelLinear {
        in_channels: 3,
        out_channels: 4,
    };
    let (x, p, y) = forward(&layer, &[3, 2, 5], 2, 1);
    let (x, w, b, y) = (x.float(), p[0].float(), p[1].float(), y.float());
    let mut want = ndarray::ArrayD::<f64>::zeros(vec![2, 4, 2, 5]);
    for ((bi, o, r, c), v) in want
        .view_mut()
        .into_dimensionality::<ndarray::Ix4>()
        .unwrap()
        .indexed_iter_mut()
    {
        *v = b[[o]] + (0..3).map(|i| w[[o, i]] * x[[bi, i, r, c]]).sum::<f64>();
    }
    assert!(max_diff(y, &want) < 1e-12);
}

#[test]
fn depthwise_conv_vjp() {
    // 7x7 with padding 3 on 5x5, 2x2 and 1x1 (ConvNeXt's), 3x3 with and without padding.
    for (i, (c, k, p, h, w)) in [
        (3, 7, 3, 5, 5),
        (2, 7, 3, 2, 2),
        (4, 7, 3, 1, 1),
        (3, 3, 1, 4, 3),
        (2, 3, 0, 5, 4),
    ]
    .into_iter()
    .enumerate()
    {
        let layer = DepthwiseConv {
            channels: c,
            k,
            p,
            input: [h, w],
        };
        assert_holds(&layer_case(&layer, &[c, h, w], 2, i as u64), 48, TOL);
    }
}

#[test]
fn depthwise_conv_is_conv2d_with_a_group_per_channel() {
    let layer = DepthwiseConv {
        channels: 3,
        k: 3,
        p: 1,
        input: [4, 5],
    };
    let (x, p, y) = forward(&layer, &[3, 4, 5], 2, 8);
    let (x, w, b, y) = (x.float(), p[0].float(), p[1].float(), y.float());
    assert_eq!(y.shape(), &[2, 3, 4, 5]);
    for ((bi, c, r, col), v) in y
        .view()
        .into_dimensionality::<ndarray::Ix4>()
        .unwrap()
        .indexed_iter()
    {
        let mut want = b[[c]];
        for u in 0..3 {
            for s in 0..3 {
                let (rr, cc) = (r as i64 + u as i64 - 1, col as i64 + s as i64 - 1);
                if (0..4).contains(&rr) && (0..5).contains(&cc) {
                    want += w[[c, 0, u, s]] * x[[bi, c, rr as usize, cc as usize]];
                }
            }
        }
        assert!((v - want).abs() < 1e-12);
    }
}

#[test]
fn layer_scale_vjp() {
    let layer = LayerScale {
        channels: 3,
        init: 1e-6,
    };
    assert_holds(&layer_case(&layer, &[3, 2, 4], 2, 1), 48, TOL);
    let p = layer.params();
    assert_eq!(p[0].name, "layer_scale");
    assert_eq!(p[0].shape, vec![3, 1, 1]);
    assert_eq!(p[0].init, Init::Constant { value: 1e-6 });
}

#[test]
fn convnext_block_vjp() {
    // 5x5, and the 2x2 and 1x1 that ConvNeXt-T's last stages see at 32x32.
    for (i, input) in [[4, 5, 5], [3, 2, 2], [2, 1, 1]].iter().enumerate() {
        let block = convnext_block_node(input).unwrap();
        assert_holds(&layer_case(&block, input, 2, i as u64), 24, TOL);
    }
}

#[test]
fn convnext_block_names_are_torchvisions() {
    let block = convnext_block_node(&[96, 56, 56]).unwrap();
    let p = block.params();
    assert_eq!(
        names(&p),
        [
            "block.0.weight",
            "block.0.bias",
            "block.2.weight",
            "block.2.bias",
            "block.3.weight",
            "block.3.bias",
            "block.5.weight",
            "block.5.bias",
            "layer_scale",
        ]
    );
    let shapes: Vec<Vec<usize>> = p.iter().map(|s| s.shape.clone()).collect();
    assert_eq!(
        shapes,
        [
            vec![96, 1, 7, 7],
            vec![96],
            vec![96],
            vec![96],
            vec![384, 96],
            vec![384],
            vec![96, 384],
            vec![96],
            vec![96, 1, 1],
        ]
    );
    assert!(format!("{block:?}")
        .contains("LayerNorm { features: 96, eps: 1e-6, channels_first: true }"));
    assert_eq!(p[0].init, Init::Normal { std: 0.02 });
    assert_eq!(p[1].init, Init::Zeros);
    assert_eq!(p[2].init, Init::Ones);
}

#[test]
fn convnext_stage_stem_downsample_and_head_vjp() {
    let stage = convnext_stage(&args(&[2], &[]), &[3, 4, 4]).unwrap();
    assert_eq!(stage.params().len(), 18);
    assert_eq!(stage.params()[9].name, "1.block.0.weight");
    assert_eq!(stage.params()[17].name, "1.layer_scale");
    assert_holds(&layer_case(&stage, &[3, 4, 4], 2, 1), 16, TOL);

    let stem = convnext_stem(&args(&[4], &[("k", 2)]), &[3, 6, 6]).unwrap();
    assert_eq!(stem.output_shape(&[3, 6, 6]), vec![4, 3, 3]);
    assert_eq!(
        names(&stem.params()),
        ["0.weight", "0.bias", "1.weight", "1.bias"]
    );
    assert_holds(&layer_case(&stem, &[3, 6, 6], 2, 2), 32, TOL);

    let down = convnext_downsample(&args(&[5], &[]), &[3, 4, 4]).unwrap();
    assert_eq!(down.output_shape(&[3, 4, 4]), vec![5, 2, 2]);
    assert_eq!(down.params()[2].shape, vec![5, 3, 2, 2]);
    assert_holds(&layer_case(&down, &[3, 4, 4], 2, 3), 32, TOL);

    let head = convnext_head(&args(&[10], &[]), &[6, 1, 1]).unwrap();
    assert_eq!(
        names(&head.params()),
        ["0.weight", "0.bias", "2.weight", "2.bias"]
    );
    assert_holds(&layer_case(&head, &[6, 1, 1], 3, 4), 32, TOL);
}

/// The block's output in `mode` on the reference evaluator, with a stochastic-depth mask when
/// training.
fn convnext_block_output(
    block: &Node,
    mode: Mode,
    inputs: &[Tensor],
    mask: &[f32],
) -> ndarray::ArrayD<f64> {
    let run = |lowering: Lowering| {
        let mut g = Graph::new("f", lowering);
        let x = g.arg("x", TensorType::f32(inputs[0].shape()));
        let p: Vec<Value> = block.params().iter().map(|s| s.arg(&mut g)).collect();
        let y = block.forward(&mut g, x, &p, mode).y;
        let f = g.finish(vec![y]);
        let mut inputs = inputs.to_vec();
        if mode == Mode::Train {
            assert_eq!(f.noise.len(), 1, "one stochastic-depth mask per block");
            inputs.push(Tensor::f32_data(&f.noise[0].shape, mask));
        } else {
            assert!(f.noise.is_empty(), "evaluation draws no mask");
        }
        reference::run(&f, &inputs).remove(0).float().clone()
    };
    let y = run(Lowering::ALL[0].1);
    for (name, lowering) in &Lowering::ALL[1..] {
        let d = max_diff(&y, &run(*lowering));
        assert!(d < 1e-12, "{name}: differs by {d:e}");
    }
    y
}

#[test]
fn convnext_block_is_a_residual_whose_branch_stochastic_depth_drops_per_example() {
    let block = convnext_block_node(&[3, 4, 4]).unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let xt = random(&mut rng, &[2, 3, 4, 4]);
    let mut inputs = vec![xt.clone()];
    inputs.extend(
        block
            .params()
            .iter()
            .map(|s| random(&mut rng, &s.device_shape())),
    );
    let x = xt.float();
    // Evaluation keeps every branch; example 0's is dropped, example 1's kept and scaled by 2.
    let kept = convnext_block_output(&block, Mode::Eval, &inputs, &[]);
    let dropped = convnext_block_output(&block, Mode::Train, &inputs, &[0.0, 2.0]);
    let x0 = x.index_axis(ndarray::Axis(0), 0);
    assert_eq!(dropped.index_axis(ndarray::Axis(0), 0), x0);
    let branch = &kept - x;
    let scaled = &dropped - x;
    let b1 = branch.index_axis(ndarray::Axis(0), 1);
    assert!(b1.iter().any(|v| v.abs() > 1e-3), "the branch is not zero");
    let worst = max_nan(
        scaled
            .index_axis(ndarray::Axis(0), 1)
            .iter()
            .zip(b1.iter())
            .map(|(s, b)| (s - 2.0 * b).abs()),
    );
    assert!(
        worst < 1e-12,
        "kept branch differs from twice the branch by {worst}"
    );
    // With γ = 0 the block is the identity.
    let ls = block
        .params()
        .iter()
        .position(|s| s.name == "layer_scale")
        .unwrap();
    inputs[1 + ls] = Tensor::F(ndarray::ArrayD::zeros(inputs[1 + ls].shape().to_vec()));
    assert_eq!(&convnext_block_output(&block, Mode::Eval, &inputs, &[]), x);
}

#[test]
fn convnext_shape_errors() {
    let e = spec_error("convnext_head", &args(&[10], &[]), &[768, 7, 7]);
    assert!(
        e.message.contains("put `global_avg_pool` before it"),
        "{}",
        e.message
    );
    let e = spec_error("convnext_stage", &args(&[3], &[]), &[96]);
    assert!(e.message.contains("needs an image input"), "{}", e.message);
    let e = spec_error("convnext_stem", &args(&[96], &[]), &[3, 2, 2]);
    assert!(
        e.message.contains("convnext_stem(96, k = 4)"),
        "{}",
        e.message
    );
}

// ---- Vision Transformer ---------------------------------------------------------------------

#[test]
fn self_attention_vjp() {
    // 5 tokens of width 6, with 2 heads of 3 and with 3 heads of 2; and 1 head.
    for (i, heads) in [2, 3, 1].into_iter().enumerate() {
        let attn = SelfAttention::new(6, heads).unwrap();
        assert_holds(&layer_case(&attn, &[5, 6], 2, i as u64), 48, TOL);
    }
    // Heads 16 wide: AVX2 and AVX-512 compute them by netspec's attention kernel
    // (`Op::KernelAttention`, its gradient from qkv and dO alone).
    for (i, (width, heads)) in [(32, 2), (16, 1)].into_iter().enumerate() {
        let attn = SelfAttention::new(width, heads).unwrap();
        assert_holds(&layer_case(&attn, &[5, width], 2, 10 + i as u64), 48, TOL);
    }
}

#[test]
fn self_attention_is_scaled_dot_product_attention_per_head() {
    let (b, t, d, h) = (2, 5, 6, 3);
    let dh = d / h;
    let attn = SelfAttention::new(d, h).unwrap();
    let (x, p, y) = forward(&attn, &[t, d], b, 9);
    let (x, w_in, b_in, w_out, b_out) = (
        x.float(),
        p[0].float(),
        p[1].float(),
        p[2].float(),
        p[3].float(),
    );
    let mut want = ndarray::ArrayD::<f64>::zeros(vec![b, t, d]);
    for bi in 0..b {
        // q, k, v: [t, d] each, rows of x times W_in's three blocks.
        let proj = |part: usize, ti: usize, j: usize| {
            let o = part * d + j;
            b_in[[o]] + (0..d).map(|c| w_in[[o, c]] * x[[bi, ti, c]]).sum::<f64>()
        };
        let mut joined = vec![vec![0.0; d]; t];
        for hi in 0..h {
            let cols = hi * dh..(hi + 1) * dh;
            for (i, row) in joined.iter_mut().enumerate() {
                let scores: Vec<f64> = (0..t)
                    .map(|j| {
                        cols.clone()
                            .map(|e| proj(0, i, e) * proj(1, j, e))
                            .sum::<f64>()
                            / (dh as f64).sqrt()
                    })
                    .collect();
                let z: f64 = scores.iter().map(|s| s.exp()).sum();
                for e in cols.clone() {
                    row[e] = (0..t)
                        .map(|j| scores[j].exp() / z * proj(2, j, e))
                        .sum::<f64>();
                }
            }
        }
        for (i, row) in joined.iter().enumerate() {
            for o in 0..d {
                want[[bi, i, o]] = b_out[[o]] + (0..d).map(|c| w_out[[o, c]] * row[c]).sum::<f64>();
            }
        }
    }
    assert!(max_diff(y.float(), &want) < 1e-12);
}

#[test]
fn self_attention_names_shapes_and_init() {
    let attn = SelfAttention::new(192, 3).unwrap();
    let p = attn.params();
    assert_eq!(
        names(&p),
        [
            "in_proj_weight",
            "in_proj_bias",
            "out_proj.weight",
            "out_proj.bias"
        ]
    );
    assert_eq!(p[0].shape, vec![576, 192]);
    // Xavier-uniform over [3D, D]: √(6 / (D + 3D)).
    assert_eq!(
        p[0].init,
        Init::Uniform {
            bound: (6.0f64 / 768.0).sqrt()
        }
    );
    assert_eq!(p[3].init, Init::Zeros);
}

#[test]
fn encoder_layer_vjp() {
    for (i, heads) in [2, 3].into_iter().enumerate() {
        let layer = encoder_layer(5, 6, heads, 12).unwrap();
        assert_holds(&layer_case(&layer, &[5, 6], 2, i as u64), 24, TOL);
    }
    let names = names(&encoder_layer(5, 6, 2, 12).unwrap().params());
    assert_eq!(
        names,
        [
            "ln_1.weight",
            "ln_1.bias",
            "self_attention.in_proj_weight",
            "self_attention.in_proj_bias",
            "self_attention.out_proj.weight",
            "self_attention.out_proj.bias",
            "ln_2.weight",
            "ln_2.bias",
            "mlp.0.weight",
            "mlp.0.bias",
            "mlp.3.weight",
            "mlp.3.bias",
        ]
    );
}

#[test]
fn patch_embedding_class_token_and_position_embedding_vjp() {
    let patch = PatchEmbed::from_args(&args(&[6], &[("patch", 4)]), &[3, 8, 12]).unwrap();
    assert_eq!(patch.output_shape(&[3, 8, 12]), vec![6, 6]);
    assert_holds(&layer_case(&patch, &[3, 8, 12], 2, 1), 32, TOL);

    let token = ClassToken::from_args(&Args::default(), &[6, 6]).unwrap();
    assert_eq!(token.output_shape(&[6, 6]), vec![7, 6]);
    assert_holds(&layer_case(&token, &[6, 6], 3, 2), 32, TOL);

    let encoder = vit_encoder(
        &args(&[], &[("layers", 1), ("heads", 2), ("mlp", 8)]),
        &[7, 6],
    )
    .unwrap();
    // patch embedding, class token, position embedding (and one encoder layer) as one chain.
    let embed = Then(Then(patch, token), encoder);
    assert_holds(&layer_case(&embed, &[3, 8, 12], 2, 3), 24, TOL);
}

#[test]
fn patches_are_read_row_major_after_the_class_token() {
    let patch = PatchEmbed::from_args(&args(&[2], &[("patch", 2)]), &[1, 4, 6]).unwrap();
    let chain = Then(
        patch,
        ClassToken::from_args(&Args::default(), &[6, 2]).unwrap(),
    );
    let (x, p, y) = forward(&chain, &[1, 4, 6], 1, 4);
    let (x, w, b, tok, y) = (
        x.float(),
        p[0].float(),
        p[1].float(),
        p[2].float(),
        y.float(),
    );
    assert_eq!(y.shape(), &[1, 7, 2]);
    for o in 0..2 {
        assert_eq!(y[[0, 0, o]], tok[[0, 0, o]]);
        for (n, (gr, gc)) in [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]
            .into_iter()
            .enumerate()
        {
            let mut v = b[[o]];
            for u in 0..2 {
                for s in 0..2 {
                    v += w[[o, 0, u, s]] * x[[0, 0, 2 * gr + u, 2 * gc + s]];
                }
            }
            assert!((y[[0, n + 1, o]] - v).abs() < 1e-12);
        }
    }
}

#[test]
fn vit_encoder_and_head_vjp_and_names() {
    let a = args(&[], &[("layers", 2), ("heads", 3), ("mlp", 12)]);
    let encoder = vit_encoder(&a, &[5, 6]).unwrap();
    assert_holds(&layer_case(&encoder, &[5, 6], 2, 1), 12, TOL);
    let p = encoder.params();
    assert_eq!(p[0].name, "pos_embedding");
    assert_eq!(p[0].shape, vec![1, 5, 6]);
    assert_eq!(p[1].name, "layers.encoder_layer_0.ln_1.weight");
    assert_eq!(p[13].name, "layers.encoder_layer_1.ln_1.weight");
    assert_eq!(p[p.len() - 1].name, "ln.bias");
    assert_eq!(p.len(), 1 + 2 * 12 + 2);

    let head = VitHead::from_args(&args(&[10], &[]), &[5, 6]).unwrap();
    assert_eq!(names(&head.params()), ["head.weight", "head.bias"]);
    assert!(head.params().iter().all(|p| p.init == Init::Zeros));
    assert_holds(&layer_case(&head, &[5, 6], 3, 2), 32, TOL);
}

#[test]
fn class_token_is_named_by_its_label() {
    let token = ClassToken::from_args(&Args::default(), &[4, 6]).unwrap();
    let p: Vec<ParamSpec> = token
        .params()
        .into_iter()
        .map(|p| p.prefixed("class_token"))
        .collect();
    assert_eq!(names(&p), ["class_token"]);
    assert_eq!(p[0].shape, vec![1, 1, 6]);
}

#[test]
fn heads_must_divide_the_width() {
    let a = args(&[], &[("layers", 12), ("heads", 5), ("mlp", 768)]);
    let e = spec_error("vit_encoder", &a, &[197, 192]);
    assert_eq!(e.at, Some(ArgRef::Named("heads".into())));
    assert_eq!(
        e.message,
        "vit_encoder(layers = 12, heads = 5, mlp = 768): 5 attention heads split the width 192 into equal parts, but 5 does not divide 192 (head counts that do: 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 192)"
    );
}

#[test]
fn patch_size_must_divide_the_image() {
    let e = spec_error("patch_embed", &args(&[192], &[("patch", 16)]), &[3, 40, 40]);
    assert_eq!(e.at, Some(ArgRef::Named("patch".into())));
    assert_eq!(
        e.message,
        "patch_embed(192, patch = 16) cuts the image into 16x16 patches, but 16 does not divide the 40x40 image of this layer's input [3, 40, 40] (patch sizes that divide 40: 1, 2, 4, 5, 8, 10, 20, 40)"
    );
    let e = spec_error("patch_embed", &args(&[192], &[]), &[3, 32, 32]);
    assert!(e.message.contains("needs a patch size"), "{}", e.message);
    let e = spec_error(
        "vit_encoder",
        &args(&[], &[("layers", 2), ("heads", 2), ("mlp", 8)]),
        &[3, 32, 32],
    );
    assert!(
        e.message.contains("needs a token sequence [tokens, width]"),
        "{}",
        e.message
    );
    let e = spec_error("class_token", &Args::default(), &[3, 32, 32]);
    assert!(
        e.message.contains("put `patch_embed` before it"),
        "{}",
        e.message
    );
}

#[test]
fn the_key_bias_has_no_gradient() {
    // Adding b to every key adds q·b to a whole row of scores, which softmax ignores.
    let attn = SelfAttention::new(6, 2).unwrap();
    let case = layer_case(&attn, &[5, 6], 2, 3);
    for f in &case.formulations {
        let grads = reference::run(&f.gradient, &case.inputs);
        let db_in = grads[2].float().as_slice().unwrap().to_vec();
        let name = f.lowering;
        assert!(
            db_in[6..12].iter().all(|g| g.abs() < 1e-12),
            "{name}: {db_in:?}"
        );
        assert!(db_in[..6]
            .iter()
            .chain(&db_in[12..])
            .all(|g| g.abs() > 1e-6));
    }
}
