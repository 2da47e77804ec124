//! A short training run on real data: the loss falls and test accuracy is far above chance.

use netspec::core::data::{self, DatasetKind};
use netspec::iree::{Compiler, Device, Error, OptimizerKind, TrainConfig, Trainer};
use netspec::models::MnistMlp;
use std::path::Path;

fn data_dir(kind: DatasetKind) -> std::path::PathBuf {
    data::default_dir(kind, Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// `steps` steps of `config` (SGD at batch 64 unless it says otherwise) on the MLP, on
/// local-task: test loss before, after, and test accuracy after.
fn short_run(kind: DatasetKind, steps: usize, config: TrainConfig) -> (f64, f64, f64) {
    let split = data::load(kind, &data_dir(kind)).expect("data set (run scripts/setup.sh)");
    let config = TrainConfig {
        epochs: 1,
        max_steps: Some(steps),
        progress: false,
        ..config
    };
    let compiler = Compiler::new().expect("IREE compiler (run scripts/setup.sh)");
    let mut trainer =
        Trainer::new::<MnistMlp>(&compiler, config, None, &Device::LocalTask).unwrap();
    let before = trainer.evaluate(&split.test).unwrap();
    let stats = trainer.train_epoch(&split.train, 1).unwrap();
    assert_eq!(stats.steps, steps);
    let after = trainer.evaluate(&split.test).unwrap();
    (before.loss, after.loss, after.accuracy)
}

fn sgd_at_batch_64() -> TrainConfig {
    TrainConfig {
        batch_size: 64,
        ..TrainConfig::default()
    }
}

#[test]
fn mlp_learns_fashion_mnist() {
    let (before, after, accuracy) = short_run(DatasetKind::FashionMnist, 120, sgd_at_batch_64());
    assert!(after < 0.6 * before, "test loss {before:.3} -> {after:.3}");
    assert!(
        accuracy > 0.70,
        "test accuracy {accuracy:.3} after 120 steps (chance is 0.1)"
    );
}

/// AdamW's update fused into the weight gradients' dispatches, at the examples' batch, on the
/// multi-threaded driver: the form whose stack needs broke data tiling (`DISPATCH_STACK_BYTES`).
#[test]
fn mlp_learns_with_adamw_at_batch_128_on_local_task() {
    let adamw = TrainConfig {
        optimizer: OptimizerKind::Adam,
        lr: 1e-3,
        batch_size: 128,
        ..TrainConfig::default()
    };
    let (before, after, accuracy) = short_run(DatasetKind::FashionMnist, 60, adamw);
    assert!(after < 0.6 * before, "test loss {before:.3} -> {after:.3}");
    assert!(
        accuracy > 0.70,
        "test accuracy {accuracy:.3} after 60 steps"
    );
}

#[test]
fn mlp_learns_mnist_digits() {
    let (before, after, accuracy) = short_run(DatasetKind::Mnist, 120, sgd_at_batch_64());
    assert!(after < 0.6 * before, "test loss {before:.3} -> {after:.3}");
    assert!(
        accuracy > 0.80,
        "test accuracy {accuracy:.3} after 120 steps (chance is 0.1)"
    );
}

#[test]
fn nan_loss_is_an_error_that_keeps_the_last_good_parameters() {
    let split = data::load(
        DatasetKind::FashionMnist,
        &data_dir(DatasetKind::FashionMnist),
    )
    .unwrap();
    let config = TrainConfig {
        batch_size: 32,
        progress: false,
        ..TrainConfig::default()
    };
    let compiler = Compiler::new().unwrap();
    let mut trainer =
        Trainer::new::<MnistMlp>(&compiler, config, None, &Device::LocalTask).unwrap();
    let (mut images, mut labels) = (vec![], vec![]);
    data::batch::gather(
        &split.train,
        &(0..32).collect::<Vec<_>>(),
        &mut images,
        &mut labels,
    );
    trainer.step(&images, &labels, 0.1, 1).unwrap();
    let good = trainer.params().unwrap();
    // A NaN pixel is named as bad data; finite pixels so large that the logits overflow make
    // a non-finite loss. Neither step changes the parameters.
    let mut nan = images.clone();
    nan[5] = f32::NAN;
    match trainer.step(&nan, &labels, 0.1, 1) {
        Err(Error::Data(e)) if e.to_string().contains("pixel 5 = NaN") => {}
        other => panic!("expected the NaN pixel to be named, got {other:?}"),
    }
    images[..784].fill(f32::MAX);
    match trainer.step(&images, &labels, 0.1, 1) {
        Err(Error::NonFiniteLoss { step: 2, .. }) => {}
        other => panic!("expected a NonFiniteLoss error at step 2, got {other:?}"),
    }
    assert_eq!(
        trainer.params().unwrap(),
        good,
        "parameters changed by a non-finite step"
    );
    assert_eq!(trainer.steps_done(), 1);
}

#[test]
fn checkpoint_round_trip_and_refusal_of_another_network() {
    use netspec::models::MnistLinear;
    let dir = std::env::temp_dir().join(format!("netspec-ckpt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("mlp.safetensors");
    let compiler = Compiler::new().unwrap();
    let config = TrainConfig {
        batch_size: 16,
        progress: false,
        ..TrainConfig::default()
    };
    let a = Trainer::new::<MnistMlp>(&compiler, config.clone(), None, &Device::LocalTask).unwrap();
    a.save(&path).unwrap();
    let mut b = Trainer::new::<MnistMlp>(
        &compiler,
        TrainConfig {
            seed: 99,
            ..config.clone()
        },
        None,
        &Device::LocalTask,
    )
    .unwrap();
    assert_ne!(a.params().unwrap(), b.params().unwrap());
    b.load(&path).unwrap();
    assert_eq!(a.params().unwrap(), b.params().unwrap());
    // PyTorch layout: dense weights are [out, in].
    let saved = netspec::core::checkpoint::load(&path).unwrap();
    let w = saved.iter().find(|t| t.name == "1.weight").unwrap();
    assert_eq!(w.shape, vec![512, 784]);

    let mut other =
        Trainer::new::<MnistLinear>(&compiler, config, None, &Device::LocalTask).unwrap();
    let before = other.params().unwrap();
    let err = other.load(&path).unwrap_err().to_string();
    assert!(err.contains("does not fit network MnistLinear"), "{err}");
    assert!(
        err.contains("unexpected 3.bias, 3.weight, 5.bias, 5.weight"),
        "{err}"
    );
    assert!(
        err.contains("1.weight: checkpoint [512, 784] vs network [10, 784]"),
        "{err}"
    );
    assert_eq!(
        other.params().unwrap(),
        before,
        "a refused checkpoint changed the parameters"
    );
    std::fs::remove_dir_all(&dir).ok();
}
