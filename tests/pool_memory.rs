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

netspec! {
    /// A network whose pool stays flat: what grows beside it below is the caller's memory.
    pub Flat: [1, 8, 8] => {
        flatten,
        fc: dense(10),
    }
}

const STEPS: usize = 30;
const LIMIT_MIB: u64 = 192;

/// Both tests read the process's resident memory, so they take turns.
static RESIDENT_MEMORY: std::sync::Mutex<()> = std::sync::Mutex::new(());

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
    let _turn = RESIDENT_MEMORY.lock().unwrap_or_else(|e| e.into_inner());
    let (free_losses, free_resident, free_params, free_reopens) = run(u64::MAX >> 20);
    let (losses, resident, params, reopens) = run(LIMIT_MIB);

    // Without the bound the pool grows past it: the case this test is about.
    assert_eq!(free_reopens, 0);
    let free_growth = free_resident.iter().cloned().fold(0.0, f64::max) - free_resident[0];
    assert!(
        free_growth > LIMIT_MIB as f64,
        "local-task grew only {free_growth:.0} MiB in {STEPS} steps; the pool no longer grows"
    );
    // With it the device is opened anew whenever a step ends over the limit, so after every
    // step memory is within it of the first step's (16 MiB: the trainer reads it a moment
    // before this test does).
    assert!(reopens >= 1, "grew {free_growth:.0} MiB but never reopened");
    let growth = resident.iter().cloned().fold(0.0, f64::max) - resident[0];
    assert!(
        growth <= (LIMIT_MIB + 16) as f64,
        "grew {growth:.0} MiB with a limit of {LIMIT_MIB} MiB ({reopens} reopens)"
    );
    println!(
        "local-task, {STEPS} steps: {free_growth:.0} MiB growth unbounded; {growth:.0} MiB with a {LIMIT_MIB} MiB limit ({reopens} reopens)"
    );
    // Moving the state through the host is exact.
    assert_eq!(losses, free_losses);
    assert_eq!(params, free_params);
}

/// Memory the caller holds is not the pool's: the one reopen it causes gives nothing back, so
/// the bound moves up to it instead of the device being reopened after every step.
#[test]
fn growth_outside_the_pool_costs_one_reopen() {
    let _turn = RESIDENT_MEMORY.lock().unwrap_or_else(|e| e.into_inner());
    let compiler = Compiler::new().unwrap();
    let config = TrainConfig {
        batch_size: 4,
        memory_growth_limit: 32 << 20,
        progress: false,
        ..TrainConfig::default()
    };
    let mut trainer = Trainer::new::<Flat>(&compiler, config, None, &Device::LocalTask).unwrap();
    let (images, labels) = (vec![0.5f32; 4 * 64], vec![1i32; 4]);
    let step = |trainer: &mut Trainer| {
        trainer.step(&images, &labels, 1e-3, 1).unwrap();
        // Past the trainer's interval between memory readings, so every step reads it.
        std::thread::sleep(std::time::Duration::from_millis(60));
    };
    step(&mut trainer);
    let held = std::hint::black_box(vec![1u8; 128 << 20]);
    for _ in 0..6 {
        step(&mut trainer);
    }
    assert_eq!(trainer.device_reopens, 1);
    drop(held);
}
