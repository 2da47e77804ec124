//! Memory stays flat on IREE's multi-threaded local-task driver. IREE 3.13 serves results and
//! transients from a TLSF pool of 64 MiB slabs that it never shrinks; a train step split into
//! many queue submissions with a host wait between each (what `stablehlo.optimization_barrier`
//! becomes) outgrew it by a slab or more per step. The emitter's barriers split dispatch regions
//! only (`iree_tensor_ext.compute_barrier.start`, README, Decisions), and the pool stays flat.

use netspec::iree::{memory, Compiler, Device, OptimizerKind, TrainConfig, Trainer};
use netspec::netspec;

netspec! {
    /// ConvNeXt-T's widths with one block per stage, at 32x32: the smallest ConvNeXt found
    /// whose AdamW step grew local-task's pool with host waits between submissions (by 1052 MiB
    /// in 30 steps here, 2-core Xeon with AVX-512).
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
/// Growth from the second step's resident memory to the most after any later step. With host
/// waits between submissions the pool added 64 MiB slabs (1052 MiB in these 30 steps; flat now).
const LIMIT_MIB: f64 = 48.0;

#[test]
fn local_task_memory_stays_flat_over_adamw_steps() {
    let compiler = Compiler::new().unwrap();
    let config = TrainConfig {
        batch_size: 32,
        lr: 1e-3,
        optimizer: OptimizerKind::Adam,
        weight_decay: 0.05,
        progress: false,
        ..TrainConfig::default()
    };
    let mut trainer =
        Trainer::new::<WideConvNeXt>(&compiler, config, None, &Device::LocalTask).unwrap();
    let images: Vec<f32> = (0..32 * 3 * 32 * 32)
        .map(|i| ((i * 7919) % 1000) as f32 / 500.0 - 1.0)
        .collect();
    let labels: Vec<i32> = (0..32).map(|i| i % 10).collect();
    let mut resident = vec![];
    for _ in 0..STEPS {
        let loss = trainer.step(&images, &labels, 1e-3, 1).unwrap();
        assert!(loss.is_finite());
        resident.push(memory::mib(memory::resident_bytes().unwrap()));
    }
    // From the second step: the first allocates the pool's working set.
    let growth = resident[2..].iter().cloned().fold(f64::MIN, f64::max) - resident[1];
    println!("local-task, {STEPS} AdamW steps: resident memory grew {growth:.0} MiB after step 2");
    assert!(
        growth <= LIMIT_MIB,
        "resident memory grew {growth:.0} MiB in {STEPS} steps (limit {LIMIT_MIB} MiB): {resident:?}"
    );
}
