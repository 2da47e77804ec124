//! Whole-network contracts: on small instances of the book's architectures, the generated
//! backward (every layer's VJP composed in reverse order) agrees with finite differences of the
//! generated forward; and the parameter lists match torchvision's.

use netspec::core::contract::{assert_holds, network_case};
use netspec::core::Network;
use netspec::models::{ResNet34, ResNet34At32};
mod common;

use common::TinyResNet;

#[test]
fn tiny_resnet_backward_matches_finite_differences() {
    assert_holds(&network_case::<TinyResNet>(2, 1), 12, 1e-5);
}

#[test]
fn resnet34_parameters_are_torchvisions() {
    // torchvision.models.resnet34(num_classes=10): 21,797,672 - 513,000 + 5,130.
    assert_eq!(ResNet34::parameter_count(), 21_289_802);
    assert_eq!(ResNet34At32::parameter_count(), 21_289_802);
    let params = ResNet34::params();
    let find = |n: &str| {
        params
            .iter()
            .find(|p| p.name == n)
            .unwrap_or_else(|| panic!("no {n}"))
    };
    assert_eq!(find("conv1.weight").shape, vec![64, 3, 7, 7]);
    assert_eq!(
        find("layer2.0.downsample.0.weight").shape,
        vec![128, 64, 1, 1]
    );
    assert_eq!(find("layer3.5.bn2.running_var").shape, vec![256]);
    assert_eq!(find("layer4.2.conv2.weight").shape, vec![512, 512, 3, 3]);
    assert_eq!(find("fc.weight").shape, vec![10, 512]);
    assert!(params
        .iter()
        .all(|p| !p.name.starts_with("layer1.0.downsample")));
    // torchvision's state_dict has 218 entries for resnet34 (parameters and buffers).
    assert_eq!(params.len(), 218);
}

#[test]
fn tiny_mobilenet_backward_matches_finite_differences() {
    assert_holds(&network_case::<common::TinyMobileNet>(2, 1), 12, 1e-5);
}

#[test]
fn tiny_efficientnet_backward_matches_finite_differences() {
    assert_holds(&network_case::<common::TinyEfficientNet>(2, 1), 12, 1e-5);
}

/// The shape of parameter `name` in `params`.
fn shape_of(params: &[netspec::core::params::ParamSpec], name: &str) -> Vec<usize> {
    params
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
        .shape
        .clone()
}

#[test]
fn mobilenet_v2_parameters_are_torchvisions() {
    use netspec::models::{MobileNetV2, MobileNetV2At32};
    // torchvision.models.mobilenet_v2(num_classes=10): 3,504,872 - 1,281,000 + 12,810.
    assert_eq!(MobileNetV2::parameter_count(), 2_236_682);
    assert_eq!(MobileNetV2At32::parameter_count(), 2_236_682);
    let params = MobileNetV2::params();
    assert_eq!(params[0].name, "features.0.0.weight");
    assert_eq!(shape_of(&params, "features.0.0.weight"), [32, 3, 3, 3]);
    assert_eq!(shape_of(&params, "features.0.1.running_mean"), [32]);
    // expand_ratio 1: no expansion, so the indices shift.
    assert_eq!(
        shape_of(&params, "features.1.conv.0.0.weight"),
        [32, 1, 3, 3]
    );
    assert_eq!(
        shape_of(&params, "features.1.conv.1.weight"),
        [16, 32, 1, 1]
    );
    assert_eq!(shape_of(&params, "features.1.conv.2.bias"), [16]);
    assert_eq!(
        shape_of(&params, "features.2.conv.0.0.weight"),
        [96, 16, 1, 1]
    );
    assert_eq!(
        shape_of(&params, "features.2.conv.1.0.weight"),
        [96, 1, 3, 3]
    );
    assert_eq!(
        shape_of(&params, "features.14.conv.1.0.weight"),
        [576, 1, 3, 3]
    );
    assert_eq!(
        shape_of(&params, "features.17.conv.2.weight"),
        [320, 960, 1, 1]
    );
    assert_eq!(
        shape_of(&params, "features.17.conv.3.num_batches_tracked"),
        Vec::<usize>::new()
    );
    assert_eq!(shape_of(&params, "features.18.0.weight"), [1280, 320, 1, 1]);
    assert_eq!(shape_of(&params, "features.18.1.running_var"), [1280]);
    assert_eq!(shape_of(&params, "classifier.1.weight"), [10, 1280]);
    assert_eq!(shape_of(&params, "classifier.1.bias"), [10]);
    assert!(!params.iter().any(|p| p.name.starts_with("features.19")));
    // 52 convolutions (1 + 2 + 16·3 + 1), 52 BatchNorms of 5 entries, the classifier's 2.
    assert_eq!(params.len(), 52 + 52 * 5 + 2);
    assert_eq!(MobileNetV2::output_shape(), vec![10]);
}

#[test]
fn efficientnet_b0_parameters_are_torchvisions() {
    use netspec::models::{EfficientNetB0, EfficientNetB0At32};
    // torchvision.models.efficientnet_b0(num_classes=10): 5,288,548 - 1,281,000 + 12,810.
    assert_eq!(EfficientNetB0::parameter_count(), 4_020_358);
    assert_eq!(EfficientNetB0At32::parameter_count(), 4_020_358);
    let params = EfficientNetB0::params();
    assert_eq!(params[0].name, "features.0.0.weight");
    assert_eq!(shape_of(&params, "features.0.0.weight"), [32, 3, 3, 3]);
    // expand_ratio 1 (features.1): the depthwise block is block.0.
    assert_eq!(
        shape_of(&params, "features.1.0.block.0.0.weight"),
        [32, 1, 3, 3]
    );
    assert_eq!(
        shape_of(&params, "features.1.0.block.1.fc1.weight"),
        [8, 32, 1, 1]
    );
    assert_eq!(shape_of(&params, "features.1.0.block.1.fc2.bias"), [32]);
    assert_eq!(
        shape_of(&params, "features.1.0.block.2.0.weight"),
        [16, 32, 1, 1]
    );
    assert_eq!(
        shape_of(&params, "features.2.0.block.0.0.weight"),
        [96, 16, 1, 1]
    );
    assert_eq!(
        shape_of(&params, "features.2.0.block.2.fc1.weight"),
        [4, 96, 1, 1]
    );
    // The second block of a stage squeezes to a quarter of its own input, the stage's output.
    assert_eq!(
        shape_of(&params, "features.2.1.block.2.fc1.weight"),
        [6, 144, 1, 1]
    );
    assert_eq!(
        shape_of(&params, "features.3.0.block.1.0.weight"),
        [144, 1, 5, 5]
    );
    assert_eq!(
        shape_of(&params, "features.6.3.block.3.0.weight"),
        [192, 1152, 1, 1]
    );
    assert_eq!(
        shape_of(&params, "features.6.3.block.3.1.running_var"),
        [192]
    );
    assert_eq!(
        shape_of(&params, "features.7.0.block.1.0.weight"),
        [1152, 1, 3, 3]
    );
    assert_eq!(
        shape_of(&params, "features.7.0.block.2.fc2.weight"),
        [1152, 48, 1, 1]
    );
    assert_eq!(shape_of(&params, "features.8.0.weight"), [1280, 320, 1, 1]);
    assert_eq!(
        shape_of(&params, "features.8.1.num_batches_tracked"),
        Vec::<usize>::new()
    );
    assert_eq!(shape_of(&params, "classifier.1.weight"), [10, 1280]);
    assert!(!params.iter().any(|p| p.name.starts_with("features.2.2")));
    assert!(!params.iter().any(|p| p.name.starts_with("features.9")));
    // 16 MBConvs: one without expansion (2 convolutions, 2 BatchNorms, SE's 4), fifteen with
    // (3, 3, 4); the stem and head (1 convolution and 1 BatchNorm each); the classifier's 2.
    assert_eq!(
        params.len(),
        (2 + 2 * 5 + 4) + 15 * (3 + 3 * 5 + 4) + 2 * 6 + 2
    );
    assert_eq!(params.len(), 360);
}

#[test]
fn tiny_convnext_backward_matches_finite_differences() {
    assert_holds(&network_case::<common::TinyConvNeXt>(2, 1), 12, 1e-5);
}

#[test]
fn tiny_vit_backward_matches_finite_differences() {
    assert_holds(&network_case::<common::TinyViT>(2, 1), 12, 1e-5);
}

/// User-declared blocks get their backward from the combinators: the example's pre-activation
/// ResNet, small, and a network with every combinator.
#[test]
fn tiny_preact_resnet_backward_matches_finite_differences() {
    assert_holds(&network_case::<common::TinyPreAct>(2, 1), 12, 1e-5);
}

#[test]
fn composed_blocks_backward_matches_finite_differences() {
    assert_holds(&network_case::<common::TinyComposed>(2, 1), 12, 1e-5);
}

#[test]
fn user_blocks_name_parameters_as_pytorch_modules() {
    let names = |params: Vec<netspec::core::params::ParamSpec>| -> Vec<String> {
        params
            .into_iter()
            .filter(|p| p.trainable)
            .map(|p| p.name)
            .collect()
    };
    assert_eq!(
        names(common::TinyPreAct::params()),
        [
            "conv1.weight",
            "layer1.0.bn1.weight",
            "layer1.0.bn1.bias",
            "layer1.0.conv1.weight",
            "layer1.0.bn2.weight",
            "layer1.0.bn2.bias",
            "layer1.0.conv2.weight",
            "layer1.1.bn1.weight",
            "layer1.1.bn1.bias",
            "layer1.1.conv1.weight",
            "layer1.1.bn2.weight",
            "layer1.1.bn2.bias",
            "layer1.1.conv2.weight",
            "layer1.1.shortcut.0.weight",
            "bn.weight",
            "bn.bias",
            "linear.weight",
            "linear.bias",
        ]
    );
    assert_eq!(
        names(common::TinyComposed::params()),
        [
            "stem.weight",
            "stem.bias",
            "mix.a.weight",
            "mix.a.bias",
            "mix.b.weight",
            "mix.b.bias",
            "mix.se.fc1.weight",
            "mix.se.fc1.bias",
            "mix.se.fc2.weight",
            "mix.se.fc2.bias",
            "sum.0.x.weight",
            "sum.0.x.bias",
            "sum.0.y.weight",
            "sum.0.y.bias",
            "sum.1.x.weight",
            "sum.1.x.bias",
            "sum.1.y.weight",
            "sum.1.y.bias",
            "fc.weight",
            "fc.bias",
        ]
    );
    // The strided block's skip projects 4 -> 6 channels; SE squeezes 8 -> 2 -> 8.
    let shape = |n: &str| {
        common::TinyComposed::params()
            .into_iter()
            .chain(common::TinyPreAct::params())
            .find(|p| p.name == n)
            .unwrap()
            .shape
    };
    assert_eq!(shape("layer1.1.shortcut.0.weight"), [6, 4, 1, 1]);
    assert_eq!(shape("mix.se.fc1.weight"), [2, 8, 1, 1]);
    assert_eq!(shape("mix.se.fc2.weight"), [8, 2, 1, 1]);
}

#[test]
fn convnext_tiny_parameters_are_torchvisions() {
    use netspec::models::{ConvNeXtTiny, ConvNeXtTinyAt32};
    // torchvision.models.convnext_tiny(num_classes=10): 28,589,128 - (768·1000 + 1000)
    // + (768·10 + 10). From the shapes: stem 4,896; CNBlocks (8C² + 58C each) 237,888 +
    // 918,144 + 10,817,280 + 14,289,408; downsampling 74,112 + 295,680 + 1,181,184; head 9,226.
    assert_eq!(
        28_589_128 - (768 * 1000 + 1000) + (768 * 10 + 10),
        27_827_818
    );
    assert_eq!(ConvNeXtTiny::parameter_count(), 27_827_818);
    assert_eq!(ConvNeXtTinyAt32::parameter_count(), 27_827_818);
    let params = ConvNeXtTiny::params();
    let shape_of = |n: &str| {
        params
            .iter()
            .find(|p| p.name == n)
            .unwrap_or_else(|| panic!("no {n}"))
            .shape
            .clone()
    };
    assert_eq!(shape_of("features.0.0.weight"), [96, 3, 4, 4]);
    assert_eq!(shape_of("features.0.0.bias"), [96]);
    assert_eq!(shape_of("features.0.1.weight"), [96]);
    assert_eq!(shape_of("features.1.0.layer_scale"), [96, 1, 1]);
    assert_eq!(shape_of("features.1.0.block.0.weight"), [96, 1, 7, 7]);
    assert_eq!(shape_of("features.1.0.block.0.bias"), [96]);
    assert_eq!(shape_of("features.1.2.block.2.bias"), [96]);
    assert_eq!(shape_of("features.1.2.block.3.weight"), [384, 96]);
    assert_eq!(shape_of("features.1.2.block.5.weight"), [96, 384]);
    assert_eq!(shape_of("features.2.0.weight"), [96]);
    assert_eq!(shape_of("features.2.1.weight"), [192, 96, 2, 2]);
    assert_eq!(shape_of("features.2.1.bias"), [192]);
    assert_eq!(shape_of("features.3.2.block.5.bias"), [192]);
    assert_eq!(shape_of("features.4.1.weight"), [384, 192, 2, 2]);
    assert_eq!(shape_of("features.5.8.layer_scale"), [384, 1, 1]);
    assert_eq!(shape_of("features.6.1.weight"), [768, 384, 2, 2]);
    assert_eq!(shape_of("features.7.2.block.3.weight"), [3072, 768]);
    assert_eq!(shape_of("features.7.2.block.5.bias"), [768]);
    assert_eq!(shape_of("classifier.0.weight"), [768]);
    assert_eq!(shape_of("classifier.2.weight"), [10, 768]);
    assert_eq!(shape_of("classifier.2.bias"), [10]);
    assert!(!params.iter().any(|p| p.name.starts_with("features.1.3")));
    assert!(!params.iter().any(|p| p.name.starts_with("features.8")));
    // torchvision's state_dict: stem 4, 18 CNBlocks of 9, 3 downsamplings of 4, classifier 4.
    assert_eq!(params.len(), 4 + 18 * 9 + 3 * 4 + 4);
    assert!(params.iter().all(|p| p.trainable));
}

#[test]
fn vit_tiny_parameters_are_torchvisions() {
    use netspec::models::{ViTTiny, ViTTinyAt32};
    // torchvision VisionTransformer(224, 16, 12 layers, 3 heads, 192, 768, num_classes=10),
    // from the shapes: conv_proj 192·3·16·16 + 192 = 147,648; class_token 192; pos_embedding
    // 197·192 = 37,824; per encoder layer 2·384 (ln_1, ln_2) + 576·192 + 576 + 192·192 + 192
    // + 768·192 + 768 + 192·768 + 192 = 444,864, twelve of them 5,338,368; encoder.ln 384;
    // heads.head 1,930. (With 1000 classes: 5,717,416.)
    let layer = 2 * 384 + 576 * 192 + 576 + 192 * 192 + 192 + 768 * 192 + 768 + 192 * 768 + 192;
    assert_eq!(layer, 444_864);
    let total = 147_648 + 192 + 37_824 + 12 * layer + 384 + 1_930;
    assert_eq!(total, 5_526_346);
    assert_eq!(ViTTiny::parameter_count(), 5_526_346);
    // At 32x32 with patches of 4: conv_proj [192, 3, 4, 4] and pos_embedding [1, 65, 192].
    assert_eq!(
        ViTTinyAt32::parameter_count(),
        5_526_346 - 192 * 3 * 16 * 16 + 192 * 3 * 4 * 4 - 197 * 192 + 65 * 192
    );
    assert_eq!(ViTTinyAt32::parameter_count(), 5_362_762);
    let params = ViTTiny::params();
    let shape_of = |n: &str| {
        params
            .iter()
            .find(|p| p.name == n)
            .unwrap_or_else(|| panic!("no {n}"))
            .shape
            .clone()
    };
    assert_eq!(shape_of("conv_proj.weight"), [192, 3, 16, 16]);
    assert_eq!(shape_of("conv_proj.bias"), [192]);
    assert_eq!(shape_of("class_token"), [1, 1, 192]);
    assert_eq!(shape_of("encoder.pos_embedding"), [1, 197, 192]);
    let l = "encoder.layers.encoder_layer_0";
    assert_eq!(shape_of(&format!("{l}.ln_1.weight")), [192]);
    assert_eq!(
        shape_of(&format!("{l}.self_attention.in_proj_weight")),
        [576, 192]
    );
    assert_eq!(shape_of(&format!("{l}.self_attention.in_proj_bias")), [576]);
    assert_eq!(
        shape_of(&format!("{l}.self_attention.out_proj.weight")),
        [192, 192]
    );
    assert_eq!(
        shape_of(&format!("{l}.self_attention.out_proj.bias")),
        [192]
    );
    assert_eq!(shape_of(&format!("{l}.ln_2.bias")), [192]);
    assert_eq!(shape_of(&format!("{l}.mlp.0.weight")), [768, 192]);
    assert_eq!(shape_of(&format!("{l}.mlp.0.bias")), [768]);
    assert_eq!(shape_of(&format!("{l}.mlp.3.weight")), [192, 768]);
    assert_eq!(shape_of(&format!("{l}.mlp.3.bias")), [192]);
    assert_eq!(
        shape_of("encoder.layers.encoder_layer_11.mlp.3.bias"),
        [192]
    );
    assert_eq!(shape_of("encoder.ln.weight"), [192]);
    assert_eq!(shape_of("heads.head.weight"), [10, 192]);
    assert_eq!(shape_of("heads.head.bias"), [10]);
    assert!(!params
        .iter()
        .any(|p| p.name.starts_with("encoder.layers.encoder_layer_12")));
    // torchvision's state_dict: conv_proj 2, class_token, pos_embedding, 12 layers of 12,
    // encoder.ln 2, heads.head 2.
    assert_eq!(params.len(), 2 + 1 + 1 + 12 * 12 + 2 + 2);
    assert_eq!(
        ViTTinyAt32::params()
            .iter()
            .find(|p| p.name == "encoder.pos_embedding")
            .unwrap()
            .shape,
        [1, 65, 192]
    );
}

/// The masks a train step takes follow the network: one per residual block carrying stochastic
/// depth (numbered by the block's depth, residual or not) and one per dropout layer; evaluation
/// takes none, and the per-block rates grow as torchvision's.
#[test]
fn train_steps_take_dropout_and_stochastic_depth_masks_in_network_order() {
    use netspec::core::noise::{DepthRule, NoiseKind};
    use netspec::core::step::{self, StepConfig};
    for (name, lowering) in netspec::core::ir::Lowering::ALL {
        let config = StepConfig {
            batch: 4,
            loss: netspec::core::loss::Loss::CrossEntropy {
                label_smoothing: 0.0,
            },
            optimizer: netspec::core::optim::Optimizer::Sgd {
                momentum: 0.0,
                weight_decay: 0.0,
            },
            lowering,
        };

        // TinyEfficientNet: MBConvs 0 (skip), 1 (strided, no skip), 2 (skip), then dropout(0.2).
        let m = step::build::<common::TinyEfficientNet>(config);
        let (noise, depth_blocks) = m.noise();
        assert_eq!(depth_blocks, 3, "{name}");
        let kinds: Vec<NoiseKind> = noise.iter().map(|n| n.kind).collect();
        let path = |block| NoiseKind::DropPath {
            block,
            rule: DepthRule::OverBlocks,
        };
        assert_eq!(
            kinds,
            vec![path(0), path(2), NoiseKind::Dropout { rate: 0.2 }],
            "{name}"
        );
        assert_eq!(noise[0].shape, vec![4]);
        assert_eq!(noise[2].shape, vec![4, 16]);
        assert!((noise[1].rate(0.3, depth_blocks) - 0.2).abs() < 1e-12);
        assert!(m.module.function("eval_step").unwrap().noise.is_empty());

        // TinyConvNeXt: three CNBlocks; the last gets the full rate.
        let m = step::build::<common::TinyConvNeXt>(config);
        let (noise, depth_blocks) = m.noise();
        assert_eq!((noise.len(), depth_blocks), (3, 3), "{name}");
        assert_eq!(noise[2].rate(0.1, depth_blocks), 0.1);
        assert_eq!(noise[0].rate(0.1, depth_blocks), 0.0);
    }
}
