//! Train steps compile for targets this machine may not be, here, without running them:
//! - every network of the ladder for an NVIDIA GPU (`sm_80`): the train step and the evaluation
//!   step (one module), at the batch sizes the GPU check runs (`scripts/gpu_check.sh`);
//! - for an AVX2 CPU (`znver3`), the data-tiled steps that once failed to compile. A host with
//!   AVX-512 compiles its own modules without data tiling (`Lowering::AVX512`), so only this
//!   test sees the AVX2 pipeline there.

use std::time::Instant;

use netspec::core::step::{self, StepConfig};
use netspec::core::Network;
use netspec::iree::{Compiler, OptimizerKind, Target, TrainConfig};
use netspec::models::*;

/// Compiles `N`'s step module with `optimizer` at `batch` for `target`; returns seconds and
/// vmfb bytes.
fn compile<N: Network>(
    compiler: &Compiler,
    target: &Target,
    optimizer: OptimizerKind,
    batch: usize,
) -> (f64, usize) {
    let train = TrainConfig {
        optimizer,
        ..TrainConfig::default()
    };
    let config = StepConfig {
        batch,
        ..train.step_config(target)
    };
    let step = step::build::<N>(config);
    let start = Instant::now();
    let compiled = compiler
        .compile(
            &step.module.name,
            &step.text(),
            target,
            &step.module.lowering(),
        )
        .unwrap_or_else(|e| panic!("{} for {}: {e}", N::NAME, target.name()));
    assert!(
        compiled.vmfb.len() > 1000,
        "{}: a {}-byte module",
        N::NAME,
        compiled.vmfb.len()
    );
    let seconds = start.elapsed().as_secs_f64();
    let mb = compiled.vmfb.len() as f64 / 1e6;
    println!(
        "{:<20} {optimizer:?} batch {batch:>3}  {}  {seconds:6.1} s  {mb:6.2} MB",
        N::NAME,
        target.name()
    );
    (seconds, compiled.vmfb.len())
}

fn compiler() -> Compiler {
    Compiler::new().expect("IREE compiler (run scripts/setup.sh)")
}

macro_rules! ladder {
    ($compiler:expr, $target:expr, $($net:ty : $batch:expr),* $(,)?) => {{
        vec![$( (<$net>::NAME, $batch,
                 compile::<$net>($compiler, $target, OptimizerKind::Sgd, $batch)) ),*]
    }};
}

/// `sm_80`, or the targets `NETSPEC_CUDA_ARCHS` lists (`sm_89`, the newest IREE 3.13 accepts,
/// was measured so).
#[test]
fn the_ladder_compiles_for_sm_80() {
    let archs = std::env::var("NETSPEC_CUDA_ARCHS").unwrap_or_else(|_| "sm_80".into());
    let compiler = compiler();
    for arch in archs.split(',') {
        let target = Target::Cuda {
            arch: arch.trim().into(),
        };
        let rows = ladder!(&compiler, &target,
            MnistLinear: 128, MnistMlp: 128, MnistCnn: 128, CifarBn: 128,
            ResNet34At32: 32, MobileNetV2At32: 32, EfficientNetB0At32: 32, ConvNeXtTinyAt32: 32,
            ViTTinyAt32: 32,
        );
        assert_eq!(rows.len(), 9);
    }
}

fn znver3() -> Target {
    Target::Cpu {
        cpu: "znver3".into(),
    }
}

/// Squeeze-excitation's pooled [32, 672] fused with the pack of the excitation matmul's operand
/// asked for 16 KiB vectors ("large vector sizes") while AVX2 data-tiled every matmul; its
/// matmuls are netspec's kernel's now, and the step still compiles for AVX2.
#[test]
fn efficientnet_b0_sgd_step_compiles_for_avx2() {
    compile::<EfficientNetB0At32>(&compiler(), &znver3(), OptimizerKind::Sgd, 32);
}

/// AdamW's update fused with the 768x3072 weight gradient's data-tiled matmul needed about
/// 400 KiB of stack; by netspec's kernel (its update a dispatch of IREE's), the step still
/// compiles for AVX2.
#[test]
fn convnext_tiny_adamw_step_compiles_for_avx2() {
    compile::<ConvNeXtTinyAt32>(&compiler(), &znver3(), OptimizerKind::Adam, 32);
}
