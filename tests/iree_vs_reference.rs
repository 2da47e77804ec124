//! Two IREE train steps of each example network agree with the reference evaluator
//! (`netspec_iree::agreement` says how, and with which tolerances), on IREE's CPU driver.

use netspec::core::ir::Lowering;
use netspec::core::Network;
use netspec::iree::{agreement, Compiler, Device, LossKind, OptimizerKind};
use netspec::models::{CifarBn, MnistCnn, MnistLinear, MnistMlp};

mod common;
use common::TinyResNet;

/// Two steps of `N` agree under every target's lowering, each compiled for this host's CPU.
fn agree<N: Network>(
    optimizer: OptimizerKind,
    loss: LossKind,
    lr: f64,
    momentum: f64,
    weight_decay: f64,
) {
    let compiler = Compiler::new().expect("IREE compiler (run scripts/setup.sh)");
    let failures: Vec<String> = Lowering::ALL
        .iter()
        .filter_map(|&(name, lowering)| {
            agreement::agree::<N>(
                &compiler,
                &Device::LocalTask,
                lowering,
                optimizer,
                loss,
                lr,
                momentum,
                weight_decay,
            )
            .err()
            .map(|e| format!("  {name}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}:\n{}", N::NAME, failures.join("\n"));
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

#[test]
fn tiny_convnext_adamw_label_smoothing() {
    agree::<common::Warm<common::TinyConvNeXt>>(
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
    agree::<common::Warm<common::TinyViT>>(
        OptimizerKind::Sgd,
        LossKind::CrossEntropy,
        0.05,
        0.9,
        1e-4,
    );
}

#[test]
fn tiny_mobilenet_sgd_momentum_label_smoothing() {
    agree::<common::WarmBiases<common::TinyMobileNet>>(
        OptimizerKind::Sgd,
        LossKind::CrossEntropy,
        0.05,
        0.9,
        5e-4,
    );
}

#[test]
fn tiny_efficientnet_sgd_momentum_label_smoothing() {
    agree::<common::WarmBiases<common::TinyEfficientNet>>(
        OptimizerKind::Sgd,
        LossKind::CrossEntropy,
        0.05,
        0.9,
        5e-4,
    );
}
