//! One IREE train step of each example network agrees with the reference evaluator running the
//! same module from the same starting point: the loss and every updated parameter, within f32
//! tolerance. Two steps are compared, the second from the device's state after the first, so
//! optimizer state carried on the device (momentum, Adam's moments) is covered too. Networks
//! with dropout or stochastic depth get the masks the trainer drew for each step.

use netspec::core::checkpoint::NamedTensor;
use netspec::core::params::ParamSpec;
use netspec::core::reference::{self, Tensor};
use netspec::core::step::StepModule;
use netspec::core::Network;
use netspec::iree::{Compiler, Device, LossKind, OptimizerKind, TrainConfig, Trainer};
use netspec::models::{CifarBn, MnistCnn, MnistLinear, MnistMlp};

mod common;
use common::TinyResNet;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const BATCH: usize = 8;

fn tensors(ts: &[NamedTensor]) -> Vec<Tensor> {
    ts.iter()
        .map(|t| Tensor::f32_data(&t.shape, &t.data))
        .collect()
}

/// Runs the module's train_step on the reference evaluator: (params, state, loss).
#[allow(clippy::too_many_arguments)]
fn reference_step(
    step: &StepModule,
    params: &[NamedTensor],
    state: &[NamedTensor],
    lr: f64,
    t: usize,
    x: &Tensor,
    target: &Tensor,
    masks: &[NamedTensor],
) -> (Vec<Tensor>, Vec<Tensor>, f64) {
    let mut inputs = tensors(params);
    inputs.extend(tensors(state));
    inputs.extend([
        Tensor::f32_data(&[], &[lr as f32]),
        Tensor::f32_data(&[], &[t as f32]),
        x.clone(),
        target.clone(),
    ]);
    inputs.extend(tensors(masks));
    let mut out = reference::run(step.module.function("train_step").unwrap(), &inputs);
    let loss = out.pop().unwrap().scalar();
    let state = out.split_off(params.len());
    (out, state, loss)
}

/// Optimizer state: each tensor within 1e-3 of its largest entry.
fn compare_state(what: &str, iree: &[NamedTensor], reference: &[Tensor]) {
    for (t, r) in iree.iter().zip(reference) {
        let r = r.float().as_slice().unwrap();
        let scale = r.iter().fold(1e-12f64, |a, b| a.max(b.abs()));
        let worst = t
            .data
            .iter()
            .zip(r)
            .map(|(a, b)| (*a as f64 - b).abs() / scale)
            .fold(0.0, f64::max);
        assert!(
            worst < 1e-3,
            "{what} {}: IREE and reference differ by {worst:.2e} of the largest entry",
            t.name
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn compare(
    what: &str,
    specs: &[ParamSpec],
    iree_loss: f32,
    iree: &[NamedTensor],
    ref_loss: f64,
    reference: &[Tensor],
    before: &[NamedTensor],
    ref_state: &[Tensor],
    adam: bool,
) {
    assert!(
        (iree_loss as f64 - ref_loss).abs() <= 1e-4 * ref_loss.abs().max(1.0),
        "{what} loss: IREE {iree_loss} vs reference {ref_loss}"
    );
    let mut trainable = 0;
    for (i, (NamedTensor { name, data, .. }, r)) in iree.iter().zip(reference).enumerate() {
        let r = r.float().as_slice().unwrap();
        // Adam divides the first moment by the root of the second, so a coordinate whose
        // gradient is near the f32 rounding floor of its tensor moves by ±lr in a direction that
        // is noise in either evaluator. Coordinates with |m| below 1e-3 of the tensor's largest
        // (exact zeros, such as those of dead ReLU units, excepted) are counted, bounded (one in
        // a small tensor, 5% of a large one), and not compared; the moment itself is compared
        // below.
        let first_moment = (adam && specs[i].trainable).then(|| {
            ref_state[2 * trainable]
                .float()
                .as_slice()
                .unwrap()
                .to_vec()
        });
        trainable += specs[i].trainable as usize;
        let floor = first_moment
            .as_ref()
            .map(|m| 1e-3 * m.iter().fold(0.0f64, |a, b| a.max(b.abs())))
            .unwrap_or(0.0);
        let (mut skipped, mut worst) = (0usize, 0.0f64);
        for (k, (a, b)) in data.iter().zip(r).enumerate() {
            if first_moment
                .as_ref()
                .is_some_and(|m| m[k] != 0.0 && m[k].abs() < floor)
            {
                skipped += 1;
                continue;
            }
            worst = worst.max((*a as f64 - b).abs() / b.abs().max(1e-2));
        }
        assert!(
            worst < 1e-3,
            "{what} {name}: IREE and reference differ by {worst:.2e} (relative)"
        );
        assert!(
            skipped * 20 <= data.len().max(20),
            "{what} {name}: {skipped} of {} coordinates with vanishing gradient",
            data.len()
        );
        let moved = before[i]
            .data
            .iter()
            .zip(r)
            .any(|(a, b)| (*a as f64 - b).abs() > 1e-7);
        assert!(moved, "{what}: {name} was not updated");
    }
}

fn agree<N: Network>(
    optimizer: OptimizerKind,
    loss: LossKind,
    lr: f64,
    momentum: f64,
    weight_decay: f64,
) {
    let config = TrainConfig {
        lr,
        batch_size: BATCH,
        optimizer,
        loss,
        momentum,
        weight_decay,
        label_smoothing: if loss == LossKind::CrossEntropy {
            0.1
        } else {
            0.0
        },
        // Networks with stochastic depth drop branches; those without are unaffected.
        drop_path: 0.5,
        progress: false,
        ..TrainConfig::default()
    };
    let compiler = Compiler::new().expect("IREE compiler (run scripts/setup.sh)");
    let init = N::init_params(3);
    let mut trainer = Trainer::new::<N>(
        &compiler,
        config.clone(),
        Some(init.clone()),
        &Device::LocalTask,
    )
    .unwrap();
    let step = trainer.session().step.clone();

    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let in_len: usize = N::input_shape().iter().product();
    let images: Vec<f32> = (0..BATCH * in_len)
        .map(|_| rng.gen_range(0.0..1.0))
        .collect();
    let labels: Vec<i32> = (0..BATCH).map(|_| rng.gen_range(0..10)).collect();
    let x = Tensor::f32_data(&step.input.shape, &images);
    let target = match loss {
        LossKind::CrossEntropy => Tensor::i32_data(&[BATCH], &labels),
        LossKind::MeanSquaredError => {
            let mut onehot = vec![0.0; BATCH * 10];
            labels
                .iter()
                .enumerate()
                .for_each(|(i, l)| onehot[i * 10 + *l as usize] = 1.0);
            Tensor::f32_data(&[BATCH, 10], &onehot)
        }
    };

    if !step.noise().0.is_empty() {
        let (m0, m1) = (trainer.masks(0), trainer.masks(1));
        assert_ne!(m0, m1, "each step draws its own masks");
        assert!(
            m0.iter().any(|m| m.data.contains(&0.0)),
            "the first step's masks drop something"
        );
    }
    let adam = optimizer == OptimizerKind::Adam;
    let mut params = init;
    let mut state = trainer.optimizer_state().unwrap();
    for t in 1..=2 {
        let masks = trainer.masks(t - 1);
        let iree_loss = trainer.step(&images, &labels, lr, 1).unwrap();
        let (ref_params, ref_state, ref_loss) =
            reference_step(&step, &params, &state, lr, t, &x, &target, &masks);
        let iree_params = trainer.params().unwrap();
        compare(
            &format!("step {t}"),
            &step.params,
            iree_loss,
            &iree_params,
            ref_loss,
            &ref_params,
            &params,
            &ref_state,
            adam,
        );
        params = iree_params;
        state = trainer.optimizer_state().unwrap();
        compare_state(&format!("step {t}"), &state, &ref_state);
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
