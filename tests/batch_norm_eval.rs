//! Evaluation uses BatchNorm's running statistics, not the batch's; training updates them as
//! PyTorch does (momentum 0.1, unbiased variance, a step counter).

use netspec::core::data::Dataset;
use netspec::iree::{Compiler, Device, TrainConfig, Trainer};
use netspec::netspec;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

netspec! {
    /// BatchNorm first, so the batch statistics are those of the input itself.
    BnFirst: [2, 3, 3] => {
        bn: batch_norm,
        flatten,
        fc: dense(10),
    }
}

const BATCH: usize = 16;

fn data(n: usize, seed: u64, offset: f32) -> Dataset {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    Dataset {
        images: (0..n * 18)
            .map(|_| offset + rng.gen_range(-1.0..1.0) * 3.0)
            .collect(),
        labels: (0..n).map(|_| rng.gen_range(0..10)).collect(),
        image_shape: [2, 3, 3],
        classes: 10,
    }
}

#[test]
fn running_statistics_follow_pytorch_and_are_used_at_evaluation() {
    let compiler = Compiler::new().expect("IREE compiler (run scripts/setup.sh)");
    let config = TrainConfig {
        batch_size: BATCH,
        shuffle: false,
        progress: false,
        lr: 0.01,
        ..TrainConfig::default()
    };
    let mut trainer = Trainer::new::<BnFirst>(&compiler, config, None, &Device::LocalTask).unwrap();

    // One step on a known batch: running stats move 10% toward its mean and unbiased variance.
    let batch = data(BATCH, 1, 5.0);
    trainer.step(&batch.images, &batch.labels, 0.01, 1).unwrap();
    let params = trainer.params().unwrap();
    let get = |n: &str| params.iter().find(|t| t.name == n).unwrap().data.clone();
    for c in 0..2 {
        let xs: Vec<f64> = (0..BATCH)
            .flat_map(|b| (0..9).map(move |i| b * 18 + c * 9 + i))
            .map(|k| batch.images[k] as f64)
            .collect();
        let n = xs.len() as f64;
        let mean = xs.iter().sum::<f64>() / n;
        let unbiased = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
        assert!((get("bn.running_mean")[c] as f64 - 0.1 * mean).abs() < 1e-4);
        assert!((get("bn.running_var")[c] as f64 - (0.9 + 0.1 * unbiased)).abs() < 1e-3);
    }
    assert_eq!(get("bn.num_batches_tracked"), vec![1.0]);

    // Evaluation on other data: IREE's eval loss equals a host computation of the network with
    // the running statistics, and not the one with the test batch's own statistics.
    let test = data(BATCH, 2, 5.0);
    let eval = trainer.evaluate(&test).unwrap().loss;
    let (rm, rv) = (get("bn.running_mean"), get("bn.running_var"));
    let running: Vec<(f64, f64)> = (0..2).map(|c| (rm[c] as f64, rv[c] as f64)).collect();
    let batch_stats: Vec<(f64, f64)> = (0..2)
        .map(|c| {
            let xs: Vec<f64> = (0..BATCH)
                .flat_map(|b| (0..9).map(move |i| b * 18 + c * 9 + i))
                .map(|k| test.images[k] as f64)
                .collect();
            let n = xs.len() as f64;
            let mean = xs.iter().sum::<f64>() / n;
            (mean, xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n)
        })
        .collect();
    let host_loss = |stats: &[(f64, f64)]| {
        let (gamma, beta, w, bias) = (
            get("bn.weight"),
            get("bn.bias"),
            get("fc.weight"),
            get("fc.bias"),
        );
        let mut total = 0.0;
        for b in 0..BATCH {
            let h: Vec<f64> = (0..18)
                .map(|k| {
                    let c = k / 9;
                    let x = test.images[b * 18 + k] as f64;
                    gamma[c] as f64 * (x - stats[c].0) / (stats[c].1 + 1e-5).sqrt() + beta[c] as f64
                })
                .collect();
            let logits: Vec<f64> = (0..10)
                .map(|o| bias[o] as f64 + (0..18).map(|k| w[o * 18 + k] as f64 * h[k]).sum::<f64>())
                .collect();
            let m = logits.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            let lse = m + logits.iter().map(|z| (z - m).exp()).sum::<f64>().ln();
            total += lse - logits[test.labels[b] as usize];
        }
        total / BATCH as f64
    };
    let (with_running, with_batch) = (host_loss(&running), host_loss(&batch_stats));
    assert!(
        (eval - with_running).abs() < 1e-4 * with_running.abs().max(1.0),
        "eval loss {eval} vs {with_running} computed with running statistics"
    );
    assert!(
        (eval - with_batch).abs() > 0.1 * with_batch,
        "eval loss {eval} is that of batch statistics ({with_batch})"
    );
}
