//! VJP contracts of MobileNetV2's and EfficientNet's blocks: `conv_bn`, `inverted_residual`,
//! squeeze-excitation, `mbconv` and `mbconv_stage`, with and without their skips; and their
//! parameter names, which are torchvision's.

use netspec_core::contract::{assert_holds, layer_case};
use netspec_core::layers::mobile::{
    conv_bn, inverted_residual, mbconv, mbconv_stage, squeeze_excitation,
};
use netspec_core::layers::{ArgValue, Args, Layer, LayerConfig, Node, Skip};

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

fn names<L: Layer>(layer: &L) -> Vec<String> {
    layer.params().into_iter().map(|p| p.name).collect()
}

/// Whether a block adds its input to its output (a residual whose skip is the identity).
fn adds_input(node: &Node) -> bool {
    matches!(
        node,
        Node::Residual {
            skip: Skip::Identity,
            ..
        }
    )
}

/// Whether a block has a parameter of this name (an expansion shows as a fourth part).
fn has(node: &Node, name: &str) -> bool {
    node.params().iter().any(|p| p.name == name)
}

/// The last layer of a sequence (a `conv_bn`'s activation, or its BatchNorm).
fn last_layer(node: &Node) -> &LayerConfig {
    match node {
        Node::Seq(parts) => last_layer(&parts.last().unwrap().node),
        Node::Layer { layer, .. } => layer,
        _ => panic!("not a sequence of layers"),
    }
}

fn parts(node: &Node) -> &[netspec_core::layers::Part] {
    match node {
        Node::Seq(parts) => parts,
        _ => panic!("not a sequence"),
    }
}

#[test]
fn conv_bn_vjp_with_each_activation() {
    for name in ["relu6", "silu", "none"] {
        let a = Args {
            named: vec![
                ("k".into(), ArgValue::Int(3)),
                ("s".into(), ArgValue::Int(2)),
                ("act".into(), ArgValue::Ident(name.into())),
            ],
            ..args(&[3], &[])
        };
        let layer = conv_bn(&a, &[2, 5, 5]).unwrap();
        let last = last_layer(&layer);
        let expected = match name {
            "relu6" => matches!(last, LayerConfig::Relu6(_)),
            "silu" => matches!(last, LayerConfig::Silu(_)),
            _ => matches!(last, LayerConfig::BatchNorm(_)),
        };
        assert!(expected, "act = {name}: ends with {last:?}");
        assert_eq!(layer.output_shape(&[2, 5, 5]), vec![3, 3, 3]);
        assert_holds(&layer_case(&layer, &[2, 5, 5], 2, 1), 32, TOL);
    }
}

#[test]
fn conv_bn_names_are_torchvisions() {
    let layer = conv_bn(&args(&[4], &[]), &[3, 6, 6]).unwrap();
    assert!(
        matches!(last_layer(&layer), LayerConfig::Relu(_)),
        "torchvision's default is ReLU"
    );
    assert_eq!(
        names(&layer),
        [
            "0.weight",
            "1.weight",
            "1.bias",
            "1.running_mean",
            "1.running_var",
            "1.num_batches_tracked"
        ]
    );
    let bad = Args {
        named: vec![("act".into(), ArgValue::Ident("tanh".into()))],
        ..args(&[4], &[])
    };
    assert!(conv_bn(&bad, &[3, 6, 6]).is_err());
}

#[test]
fn inverted_residual_without_expansion_with_skip() {
    let block = inverted_residual(&args(&[3], &[("t", 1)]), &[3, 5, 5]).unwrap();
    assert!(!has(&block, "conv.3.weight") && adds_input(&block));
    assert_holds(&layer_case(&block, &[3, 5, 5], 2, 1), 32, TOL);
}

#[test]
fn inverted_residual_without_expansion_strided() {
    let block = inverted_residual(&args(&[4], &[("t", 1), ("s", 2)]), &[3, 5, 5]).unwrap();
    assert!(!has(&block, "conv.3.weight") && !adds_input(&block));
    assert_eq!(block.output_shape(&[3, 5, 5]), vec![4, 3, 3]);
    assert_holds(&layer_case(&block, &[3, 5, 5], 2, 2), 32, TOL);
}

#[test]
fn inverted_residual_with_expansion_and_skip() {
    let block = inverted_residual(&args(&[2], &[("t", 6)]), &[2, 4, 4]).unwrap();
    assert!(has(&block, "conv.3.weight") && adds_input(&block));
    assert_holds(&layer_case(&block, &[2, 4, 4], 2, 3), 32, TOL);
}

#[test]
fn inverted_residual_with_expansion_no_skip() {
    // Same stride, different width: no skip.
    let block = inverted_residual(&args(&[3], &[("t", 6)]), &[2, 4, 4]).unwrap();
    assert!(has(&block, "conv.3.weight") && !adds_input(&block));
    assert_holds(&layer_case(&block, &[2, 4, 4], 2, 4), 32, TOL);
    // Stride 2.
    let block = inverted_residual(&args(&[2], &[("t", 6), ("s", 2)]), &[2, 5, 5]).unwrap();
    assert!(has(&block, "conv.3.weight") && !adds_input(&block));
    assert_holds(&layer_case(&block, &[2, 5, 5], 2, 5), 32, TOL);
}

#[test]
fn inverted_residual_names_are_torchvisions() {
    // torchvision: InvertedResidual(16, 24, stride=2, expand_ratio=6).
    let block = inverted_residual(&args(&[24], &[("t", 6), ("s", 2)]), &[16, 8, 8]).unwrap();
    let p = block.params();
    let shape = |n: &str| p.iter().find(|s| s.name == n).unwrap().shape.clone();
    assert_eq!(shape("conv.0.0.weight"), [96, 16, 1, 1]);
    assert_eq!(shape("conv.0.1.running_var"), [96]);
    assert_eq!(shape("conv.1.0.weight"), [96, 1, 3, 3]);
    assert_eq!(shape("conv.1.1.weight"), [96]);
    assert_eq!(shape("conv.2.weight"), [24, 96, 1, 1]);
    assert_eq!(shape("conv.3.num_batches_tracked"), Vec::<usize>::new());
    assert_eq!(p.len(), 3 + 3 * 5);
    // expand_ratio=1: conv.0 is the depthwise ConvBNReLU, conv.1 the projection, conv.2 its BN.
    let block = inverted_residual(&args(&[16], &[("t", 1)]), &[32, 8, 8]).unwrap();
    assert_eq!(
        names(&block),
        [
            "conv.0.0.weight",
            "conv.0.1.weight",
            "conv.0.1.bias",
            "conv.0.1.running_mean",
            "conv.0.1.running_var",
            "conv.0.1.num_batches_tracked",
            "conv.1.weight",
            "conv.2.weight",
            "conv.2.bias",
            "conv.2.running_mean",
            "conv.2.running_var",
            "conv.2.num_batches_tracked",
        ]
    );
}

#[test]
fn squeeze_excitation_vjp() {
    let se = squeeze_excitation(&[6, 3, 3], 2);
    assert_holds(&layer_case(&se, &[6, 3, 3], 3, 1), 48, TOL);
    let se = squeeze_excitation(&[3, 2, 4], 1);
    assert_holds(&layer_case(&se, &[3, 2, 4], 2, 2), 48, TOL);
}

#[test]
fn mbconv_t1_k3_with_skip() {
    let block = mbconv(&args(&[4], &[("t", 1)]), &[4, 4, 4]).unwrap();
    assert!(!has(&block, "block.3.0.weight") && adds_input(&block));
    assert!(block
        .params()
        .iter()
        .any(|p| p.name == "block.1.fc1.weight" && p.shape == [1, 4, 1, 1]));
    assert_holds(&layer_case(&block, &[4, 4, 4], 2, 1), 32, TOL);
}

#[test]
fn mbconv_t1_k5_strided() {
    let block = mbconv(&args(&[3], &[("t", 1), ("k", 5), ("s", 2)]), &[4, 5, 5]).unwrap();
    assert!(!has(&block, "block.3.0.weight") && !adds_input(&block));
    assert_eq!(block.output_shape(&[4, 5, 5]), vec![3, 3, 3]);
    assert_holds(&layer_case(&block, &[4, 5, 5], 2, 2), 32, TOL);
}

#[test]
fn mbconv_t6_k3_with_skip() {
    let block = mbconv(&args(&[2], &[("t", 6)]), &[2, 4, 4]).unwrap();
    assert!(has(&block, "block.3.0.weight") && adds_input(&block));
    assert_holds(&layer_case(&block, &[2, 4, 4], 2, 3), 32, TOL);
}

#[test]
fn mbconv_t6_k5_with_skip_and_strided() {
    let block = mbconv(&args(&[2], &[("t", 6), ("k", 5)]), &[2, 4, 4]).unwrap();
    assert!(has(&block, "block.3.0.weight") && adds_input(&block));
    assert_holds(&layer_case(&block, &[2, 4, 4], 2, 4), 32, TOL);
    let block = mbconv(&args(&[3], &[("t", 6), ("k", 5), ("s", 2)]), &[2, 5, 5]).unwrap();
    assert!(has(&block, "block.3.0.weight") && !adds_input(&block));
    assert_holds(&layer_case(&block, &[2, 5, 5], 2, 5), 32, TOL);
}

#[test]
fn mbconv_stage_vjp() {
    let stage = mbconv_stage(
        &args(&[3], &[("t", 2), ("k", 3), ("s", 2), ("n", 3)]),
        &[2, 5, 5],
    )
    .unwrap();
    let blocks = parts(&stage);
    assert_eq!(blocks.len(), 3);
    assert!(
        !adds_input(&blocks[0].node) && adds_input(&blocks[1].node) && adds_input(&blocks[2].node)
    );
    assert_eq!(stage.output_shape(&[2, 5, 5]), vec![3, 3, 3]);
    assert_holds(&layer_case(&stage, &[2, 5, 5], 2, 6), 24, TOL);
}

#[test]
fn mbconv_names_are_torchvisions() {
    // torchvision: MBConv(MBConvConfig(6, 5, 2, 24, 40, 1)), the first block of features.3.
    let block = mbconv(&args(&[40], &[("t", 6), ("k", 5), ("s", 2)]), &[24, 16, 16]).unwrap();
    let p = block.params();
    let shape = |n: &str| p.iter().find(|s| s.name == n).unwrap().shape.clone();
    assert_eq!(shape("block.0.0.weight"), [144, 24, 1, 1]);
    assert_eq!(shape("block.0.1.running_mean"), [144]);
    assert_eq!(shape("block.1.0.weight"), [144, 1, 5, 5]);
    assert_eq!(shape("block.2.fc1.weight"), [6, 144, 1, 1]);
    assert_eq!(shape("block.2.fc1.bias"), [6]);
    assert_eq!(shape("block.2.fc2.weight"), [144, 6, 1, 1]);
    assert_eq!(shape("block.2.fc2.bias"), [144]);
    assert_eq!(shape("block.3.0.weight"), [40, 144, 1, 1]);
    assert_eq!(shape("block.3.1.bias"), [40]);
    assert_eq!(p.len(), 3 + 3 * 5 + 4);
    // expand_ratio=1 (features.1.0): the depthwise block is block.0.
    let block = mbconv(&args(&[16], &[("t", 1)]), &[32, 8, 8]).unwrap();
    let p = block.params();
    let shape = |n: &str| p.iter().find(|s| s.name == n).unwrap().shape.clone();
    assert_eq!(shape("block.0.0.weight"), [32, 1, 3, 3]);
    assert_eq!(shape("block.1.fc1.weight"), [8, 32, 1, 1]);
    assert_eq!(shape("block.1.fc2.weight"), [32, 8, 1, 1]);
    assert_eq!(shape("block.2.0.weight"), [16, 32, 1, 1]);
    assert_eq!(p.len(), 2 + 2 * 5 + 4);
    // A stage's blocks sit under their index.
    let stage = mbconv_stage(&args(&[24], &[("t", 6), ("s", 2), ("n", 2)]), &[16, 8, 8]).unwrap();
    let n = names(&stage);
    assert_eq!(n[0], "0.block.0.0.weight");
    assert!(n.contains(&"1.block.2.fc1.bias".to_string()));
    assert_eq!(
        stage
            .params()
            .iter()
            .find(|p| p.name == "1.block.0.0.weight")
            .unwrap()
            .shape,
        [144, 24, 1, 1]
    );
}

#[test]
fn torchvision_initialisers() {
    use netspec_core::params::Init;
    let block = mbconv(&args(&[8], &[("t", 6)]), &[8, 4, 4]).unwrap();
    let p = block.params();
    let init = |n: &str| p.iter().find(|s| s.name == n).unwrap().init.clone();
    // Kaiming normal, fan_out = out_channels · kh · kw (the depthwise kernel: 48 · 9).
    assert_eq!(
        init("block.1.0.weight"),
        Init::Normal {
            std: (2.0f64 / (48.0 * 9.0)).sqrt()
        }
    );
    assert_eq!(init("block.2.fc1.bias"), Init::Zeros);
    assert_eq!(init("block.1.1.weight"), Init::Ones);
}

#[test]
fn blocks_reject_bad_arguments() {
    assert!(inverted_residual(&args(&[8], &[]), &[8, 4, 4]).is_err());
    assert!(inverted_residual(&args(&[8], &[("t", 6), ("s", 3)]), &[8, 4, 4]).is_err());
    assert!(mbconv(&args(&[8], &[("t", 6)]), &[8]).is_err());
    let stage = LayerConfig::build(
        "mbconv_stage",
        &args(&[8], &[("t", 6), ("k", 5), ("n", 2)]),
        &[4, 4, 4],
    )
    .unwrap()
    .unwrap();
    // Written out as Rust by the macro: netspec-macros/src/rebuild.rs, `a_block_is_its_nodes`.
    assert_eq!(stage.type_name(), "Node");
}
