//! Every network of the ladder compiles for an NVIDIA GPU, here, without one: the train step and
//! the evaluation step (one module) for `sm_80`, at the batch sizes the GPU check runs
//! (`scripts/gpu_check.sh`). Running them needs a GPU; compiling them must not rot meanwhile.

use std::time::Instant;

use netspec::core::step::{self, StepConfig};
use netspec::core::Network;
use netspec::iree::{Compiler, Target, TrainConfig};
use netspec::models::*;

/// Compiles `N`'s step module for `arch`; returns seconds and vmfb bytes.
fn compile<N: Network>(compiler: &Compiler, batch: usize, arch: &str) -> (f64, usize) {
    let config = StepConfig {
        batch,
        ..TrainConfig::default().step_config(&Target::Cuda { arch: arch.into() })
    };
    let step = step::build::<N>(config);
    let start = Instant::now();
    let compiled = compiler
        .compile(
            &step.module.name,
            &step.text(),
            &Target::Cuda {
                arch: arch.to_string(),
            },
        )
        .unwrap_or_else(|e| panic!("{} for {arch}: {e}", N::NAME));
    assert!(
        compiled.vmfb.len() > 1000,
        "{}: a {}-byte module",
        N::NAME,
        compiled.vmfb.len()
    );
    let seconds = start.elapsed().as_secs_f64();
    let mb = compiled.vmfb.len() as f64 / 1e6;
    println!(
        "{:<20} batch {batch:>3}  {arch}  {seconds:6.1} s  {mb:6.2} MB",
        N::NAME
    );
    (seconds, compiled.vmfb.len())
}

macro_rules! ladder {
    ($compiler:expr, $arch:expr, $($net:ty : $batch:expr),* $(,)?) => {{
        vec![$( (<$net>::NAME, $batch, compile::<$net>($compiler, $batch, $arch)) ),*]
    }};
}

/// `sm_80`, or the targets `NETSPEC_CUDA_ARCHS` lists (`sm_89`, the newest IREE 3.13 accepts,
/// was measured so).
#[test]
fn the_ladder_compiles_for_sm_80() {
    let archs = std::env::var("NETSPEC_CUDA_ARCHS").unwrap_or_else(|_| "sm_80".into());
    let compiler = Compiler::new().expect("IREE compiler (run scripts/setup.sh)");
    for arch in archs.split(',') {
        compile_ladder(&compiler, arch.trim());
    }
}

fn compile_ladder(compiler: &Compiler, arch: &str) {
    let rows = ladder!(compiler, arch,
        MnistLinear: 128, MnistMlp: 128, MnistCnn: 128, CifarBn: 128,
        ResNet34At32: 32, MobileNetV2At32: 32, EfficientNetB0At32: 32, ConvNeXtTinyAt32: 32,
        ViTTinyAt32: 32,
    );
    assert_eq!(rows.len(), 9);
}
