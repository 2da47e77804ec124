//! Two IREE train steps of each example network agree with the reference evaluator
//! (`netspec_iree::agreement` says how, and with which tolerances), on IREE's CPU driver.

use netspec::core::params::ParamSpec;
use netspec::core::Network;
use netspec::iree::{agreement, Compiler, Device, LossKind, OptimizerKind};
use netspec::models::{CifarBn, MnistCnn, MnistLinear, MnistMlp};

mod common;
use common::TinyResNet;

fn agree<N: Network>(
    optimizer: OptimizerKind,
    loss: LossKind,
    lr: f64,
    momentum: f64,
    weight_decay: f64,
) {
    let compiler = Compiler::new().expect("IREE compiler (run scripts/setup.sh)");
    if let Err(e) = agreement::agree::<N>(
        &compiler,
        &Device::LocalTask,
        optimizer,
        loss,
        lr,
        momentum,
        weight_decay,
    ) {
        panic!("{}: {e}", N::NAME);
    }
}

#[test]
fn mnist_linear_sgd_cross_entropy() {
    agree::<MnistLinear>(OptimizerKind::Sgd, LossKind::CrossEntropy, 0.1, 0.0, 0.0);
}

#[test]
fn mnist_mlp_sgd_momentum_weight_decay() {
    agree::<MnistMlp>(OptimizerKind::Sgd, LossKind::CrossEntropy, 0.1, 0.9, 5e-4);
}

#[test]
fn mnist_mlp_adamw() {
    agree::<MnistMlp>(OptimizerKind::Adam, LossKind::CrossEntropy, 1e-3, 0.0, 0.01);
}

#[test]
fn mnist_mlp_mean_squared_error() {
    agree::<MnistMlp>(
        OptimizerKind::Sgd,
        LossKind::MeanSquaredError,
        0.1,
        0.0,
        0.0,
    );
}

#[test]
fn mnist_cnn_sgd_momentum() {
    agree::<MnistCnn>(OptimizerKind::Sgd, LossKind::CrossEntropy, 0.05, 0.9, 5e-4);
}

#[test]
fn cifar_bn_adamw_label_smoothing() {
    agree::<CifarBn>(OptimizerKind::Adam, LossKind::CrossEntropy, 1e-3, 0.0, 0.05);
}

#[test]
fn tiny_resnet_sgd_momentum() {
    agree::<TinyResNet>(OptimizerKind::Sgd, LossKind::CrossEntropy, 0.05, 0.9, 1e-4);
}

/// A network started away from torchvision's near-silent initialisers, so that every
/// parameter has a gradient of ordinary size at the first step: ConvNeXt's layer scale (1e-6)
/// leaves its blocks' gradients near 1e-12, under Adam's eps, and the ViT's zero head gives
/// nothing but the head a gradient at all. Layer scales and heads start in U(±0.5) instead.
#[derive(Clone, Copy, Debug, Default)]
struct Warm<N>(std::marker::PhantomData<N>);

impl<N: Network> Network for Warm<N> {
    type Saved = N::Saved;
    const NAME: &'static str = N::NAME;

    fn input_shape() -> Vec<usize> {
        N::input_shape()
    }

    fn output_shape() -> Vec<usize> {
        N::output_shape()
    }

    fn params() -> Vec<ParamSpec> {
        N::params()
            .into_iter()
            .map(|mut p| {
                if p.name.ends_with("layer_scale") || p.name.starts_with("heads.head.") {
                    p.init = netspec::core::params::Init::Uniform { bound: 0.5 };
                }
                p
            })
            .collect()
    }

    fn forward(
        g: &mut netspec::core::ir::Graph,
        x: netspec::core::ir::Value,
        p: &[netspec::core::ir::Value],
        mode: netspec::core::layers::Mode,
    ) -> netspec::core::layers::Forward<Self::Saved> {
        N::forward(g, x, p, mode)
    }

    fn backward(
        g: &mut netspec::core::ir::Graph,
        saved: &Self::Saved,
        p: &[netspec::core::ir::Value],
        dy: netspec::core::ir::Value,
    ) -> Vec<netspec::core::ir::Value> {
        N::backward(g, saved, p, dy)
    }
}

#[test]
fn tiny_convnext_adamw_label_smoothing() {
    agree::<Warm<common::TinyConvNeXt>>(
        OptimizerKind::Adam,
        LossKind::CrossEntropy,
        1e-3,
        0.0,
        0.05,
    );
}

/// User-declared blocks: every combinator, BatchNorm inside a block, stochastic depth.
#[test]
fn composed_blocks_sgd_momentum() {
    agree::<common::TinyComposed>(OptimizerKind::Sgd, LossKind::CrossEntropy, 0.05, 0.9, 1e-4);
}

#[test]
fn tiny_preact_resnet_adamw() {
    agree::<common::TinyPreAct>(OptimizerKind::Adam, LossKind::CrossEntropy, 1e-3, 0.0, 0.01);
}

/// SGD rather than Adam: the key bias's gradient is exactly 0 (adding one vector to every key
/// shifts each row of scores by a constant, which softmax ignores), so Adam would turn its
/// rounding noise into steps of ±lr that no two evaluators share.
#[test]
fn tiny_vit_sgd_momentum_label_smoothing() {
    agree::<Warm<common::TinyViT>>(OptimizerKind::Sgd, LossKind::CrossEntropy, 0.05, 0.9, 1e-4);
}

/// A network whose zero-initialised trainable parameters (BatchNorm and squeeze-excitation
/// biases) start at small random values instead. In MobileNetV2 and EfficientNet the bias of
/// each block's projection BatchNorm has a true gradient of 0 in training: everything that reads
/// it goes, through the skips' sums, into a 1x1 convolution and then a BatchNorm with batch
/// statistics, which removes any per-channel shift. Such a bias moves only by weight decay, which
/// needs it non-zero; with SGD its rounding-level gradient then moves it by nothing measurable.
/// (Under Adam that rounding noise would be normalised to steps of ±lr in either evaluator, so
/// these networks are compared under SGD.)
struct WarmBiases<N>(std::marker::PhantomData<N>);

impl<N: Network> Network for WarmBiases<N> {
    type Saved = N::Saved;
    const NAME: &'static str = N::NAME;

    fn input_shape() -> Vec<usize> {
        N::input_shape()
    }

    fn output_shape() -> Vec<usize> {
        N::output_shape()
    }

    fn params() -> Vec<ParamSpec> {
        N::params()
            .into_iter()
            .map(|mut p| {
                if p.trainable && p.init == netspec::core::params::Init::Zeros {
                    p.init = netspec::core::params::Init::Uniform { bound: 0.1 };
                }
                p
            })
            .collect()
    }

    fn forward(
        g: &mut netspec::core::ir::Graph,
        x: netspec::core::ir::Value,
        p: &[netspec::core::ir::Value],
        mode: netspec::core::layers::Mode,
    ) -> netspec::core::layers::Forward<Self::Saved> {
        N::forward(g, x, p, mode)
    }

    fn backward(
        g: &mut netspec::core::ir::Graph,
        saved: &Self::Saved,
        p: &[netspec::core::ir::Value],
        dy: netspec::core::ir::Value,
    ) -> Vec<netspec::core::ir::Value> {
        N::backward(g, saved, p, dy)
    }
}

#[test]
fn tiny_mobilenet_sgd_momentum_label_smoothing() {
    agree::<WarmBiases<common::TinyMobileNet>>(
        OptimizerKind::Sgd,
        LossKind::CrossEntropy,
        0.05,
        0.9,
        5e-4,
    );
}

#[test]
fn tiny_efficientnet_sgd_momentum_label_smoothing() {
    agree::<WarmBiases<common::TinyEfficientNet>>(
        OptimizerKind::Sgd,
        LossKind::CrossEntropy,
        0.05,
        0.9,
        5e-4,
    );
}
