//! Memory stays bounded on IREE's multi-threaded local-task driver. Its allocation pool grows
//! with some train steps (see `Trainer::contain_pool_growth`); the trainer then opens the device
//! anew, which must bound the process's resident memory and change no number.

use netspec::iree::{memory, Compiler, Device, OptimizerKind, TrainConfig, Trainer};
use netspec::netspec;

netspec! {
    /// ConvNeXt-T's widths with one block per stage, at 32x32: the smallest ConvNeXt found
    /// whose AdamW step makes local-task's pool grow (about 30 MB per step here).
    pub WideConvNeXt: [3, 32, 32] => {
        features: [
            convnext_stem(96),
            convnext_stage(1), convnext_downsample(192),
            convnext_stage(1), convnext_downsample(384),
            convnext_stage(1), convnext_downsample(768),
            convnext_stage(1); 1
        ],
        avgpool: global_avg_pool,
        classifier: convnext_head(10),
    }
}

const STEPS: usize = 30;
const LIMIT_MIB: u64 = 192;

/// Losses, resident memory after each step (MiB), final parameters, device reopens.
fn run(limit_mib: u64) -> (Vec<f32>, Vec<f64>, Vec<Vec<f32>>, usize) {
    let compiler = Compiler::new().unwrap();
    let config = TrainConfig {
        batch_size: 32,
        lr: 1e-3,
        optimizer: OptimizerKind::Adam,
        weight_decay: 0.05,
        memory_growth_limit: limit_mib << 20,
        progress: false,
        ..TrainConfig::default()
    };
    let mut trainer =
        Trainer::new::<WideConvNeXt>(&compiler, config, None, &Device::LocalTask).unwrap();
    let images: Vec<f32> = (0..32 * 3 * 32 * 32)
        .map(|i| ((i * 7919) % 1000) as f32 / 500.0 - 1.0)
        .collect();
    let labels: Vec<i32> = (0..32).map(|i| i % 10).collect();
    let (mut losses, mut resident) = (vec![], vec![]);
    for _ in 0..STEPS {
        losses.push(trainer.step(&images, &labels, 1e-3, 1).unwrap());
        resident.push(memory::mib(memory::resident_bytes().unwrap()));
    }
    let params = trainer
        .params()
        .unwrap()
        .into_iter()
        .map(|t| t.data)
        .collect();
    (losses, resident, params, trainer.device_reopens)
}

#[test]
fn local_task_memory_stays_bounded_and_reopening_changes_no_number() {
    let (free_losses, free_resident, free_params, free_reopens) = run(u64::MAX >> 20);
    let (losses, resident, params, reopens) = run(LIMIT_MIB);

    // Without the bound the pool grows past it: the case this test is about.
    assert_eq!(free_reopens, 0);
    let free_growth = free_resident.iter().cloned().fold(0.0, f64::max) - free_resident[0];
    assert!(
        free_growth > LIMIT_MIB as f64,
        "local-task grew only {free_growth:.0} MiB in {STEPS} steps; the pool no longer grows"
    );
    // With it the device is opened anew and memory stays within the limit plus one step's
    // worth of allocations.
    assert!(reopens >= 1, "grew {free_growth:.0} MiB but never reopened");
    let growth = resident.iter().cloned().fold(0.0, f64::max) - resident[0];
    assert!(
        growth <= (LIMIT_MIB + 128) as f64,
        "grew {growth:.0} MiB with a limit of {LIMIT_MIB} MiB ({reopens} reopens)"
    );
    println!(
        "local-task, {STEPS} steps: {free_growth:.0} MiB growth unbounded; {growth:.0} MiB with a {LIMIT_MIB} MiB limit ({reopens} reopens)"
    );
    // Moving the state through the host is exact.
    assert_eq!(losses, free_losses);
    assert_eq!(params, free_params);
}
