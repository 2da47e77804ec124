//! The train steps that once tripped data tiling compile for an AVX2 CPU (`znver3`), whatever
//! CPU runs the tests: the machines of this project differ, and a host with AVX-512 compiles
//! its own modules without data tiling (`Lowering::AVX512`), so only this test sees the AVX2
//! pipeline there.

use std::time::Instant;

use netspec::core::step;
use netspec::core::Network;
use netspec::iree::{Compiler, OptimizerKind, Target, TrainConfig};
use netspec::models::{ConvNeXtTinyAt32, EfficientNetB0At32};

fn compiles_for_znver3<N: Network>(optimizer: OptimizerKind, batch: usize) {
    let target = Target::Cpu {
        cpu: "znver3".into(),
    };
    assert!(
        target.lowering().data_tiling,
        "the AVX2 lowering data-tiles"
    );
    let train = TrainConfig {
        optimizer,
        ..TrainConfig::default()
    };
    let config = step::StepConfig {
        batch,
        ..train.step_config(&target)
    };
    let step = step::build::<N>(config);
    let compiler = Compiler::new().expect("IREE compiler (run scripts/setup.sh)");
    let start = Instant::now();
    let compiled = compiler
        .compile(&step.module.name, &step.text(), &target)
        .unwrap_or_else(|e| panic!("{} for znver3: {e}", N::NAME));
    assert!(
        compiled.vmfb.len() > 1000,
        "a {}-byte module",
        compiled.vmfb.len()
    );
    println!(
        "{} ({optimizer:?}, batch {batch}) for znver3: {:.1} s",
        N::NAME,
        start.elapsed().as_secs_f64()
    );
}

/// Squeeze-excitation's pooled [32, 672] fused with the pack of the excitation matmul's operand
/// asked for 16 KiB vectors ("large vector sizes"); `Graph::pooled_sum` keeps it apart.
#[test]
fn efficientnet_b0_sgd_step_compiles_data_tiled() {
    compiles_for_znver3::<EfficientNetB0At32>(OptimizerKind::Sgd, 32);
}

/// AdamW's update fused with the 768x3072 weight gradient's matmul needs about 400 KiB of
/// stack, within the limit `Target::tuned_flags` sets.
#[test]
fn convnext_tiny_adamw_step_compiles_data_tiled() {
    compiles_for_znver3::<ConvNeXtTinyAt32>(OptimizerKind::Adam, 32);
}
