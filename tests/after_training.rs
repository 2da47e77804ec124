//! After training: predictions, export (run by IREE's own `iree-run-module`, without netspec),
//! and resuming a stopped run bit for bit.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use ndarray::{Array1, Array4, Axis};
use netspec::core::checkpoint::NamedTensor;
use netspec::core::compare::{largest_magnitude, max_abs_diff, max_nan, within};
use netspec::core::data::batch::BatchSource;
use netspec::core::data::{DataError, Dataset, Normalization};
use netspec::core::forward::{self, Weights};
use netspec::core::reference::{self, Tensor};
use netspec::iree::{
    export, Compiler, Device, Error, ExportOptions, OptimizerKind, Predictor, Target, TrainConfig,
    Trainer,
};
use netspec::prelude::*;

netspec! {
    /// Everything a stopped run must restore: BatchNorm's running statistics, a dropout mask
    /// per step, Adam's moments and step count, a warmup-then-cosine schedule.
    pub SmallNet: [1, 8, 8] => {
        conv1: conv2d(4, k = 3, p = 1), bn1: batch_norm, relu, max_pool(2),
        flatten, drop: dropout(0.25),
        fc: dense(3),
    }
}

/// 40 images whose class shows in where they are bright.
fn data() -> Dataset {
    let n = 40;
    let labels = Array1::from_shape_fn(n, |i| (i % 3) as i32);
    let images = Array4::from_shape_fn((n, 1, 8, 8), |(i, _, y, x)| {
        let class = i % 3;
        let on = (x * 3 / 8) == class;
        let noise = ((i * 31 + y * 7 + x * 13) % 17) as f32 / 17.0 - 0.5;
        if on {
            1.0 + 0.3 * noise
        } else {
            0.3 * noise
        }
    });
    Dataset::from_arrays(images.view(), labels.view(), 3).unwrap()
}

fn config() -> TrainConfig {
    TrainConfig {
        lr: 0.01,
        batch_size: 8,
        epochs: 3,
        optimizer: OptimizerKind::Adam,
        weight_decay: 0.01,
        cosine: true,
        warmup_epochs: 1,
        label_smoothing: 0.1,
        seed: 7,
        progress: false,
        ..TrainConfig::default()
    }
}

fn compiler() -> Compiler {
    Compiler::new().expect("IREE compiler (run scripts/setup.sh)")
}

fn bits(tensors: &[NamedTensor]) -> Vec<(String, Vec<u32>)> {
    tensors
        .iter()
        .map(|t| (t.name.clone(), t.data.iter().map(|x| x.to_bits()).collect()))
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("netspec-after-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Losses of every epoch, final parameters and optimizer state of 3 epochs in one go.
fn straight_run(compiler: &Compiler, data: &Dataset) -> (Vec<Vec<f32>>, Trainer) {
    let mut t = Trainer::new::<SmallNet>(compiler, config(), None, &Device::LocalTask).unwrap();
    let losses = (1..=3)
        .map(|e| t.train_epoch(data, e).unwrap().losses)
        .collect();
    (losses, t)
}

/// Continues a resumed trainer to the end of epoch 3, from the epoch its progress names.
fn finish(t: &mut Trainer, data: &Dataset) -> Vec<Vec<f32>> {
    let per_epoch = data.len() / t.config.batch_size;
    let progress = t.epoch_progress();
    let first = if progress.losses.len() == per_epoch {
        progress.epoch + 1
    } else {
        progress.epoch
    };
    (first..=3)
        .map(|e| t.train_epoch(data, e).unwrap().losses)
        .collect()
}

#[test]
fn a_run_stopped_and_resumed_matches_one_run_bit_for_bit() {
    let compiler = compiler();
    let data = data();
    let (losses, straight) = straight_run(&compiler, &data);
    assert_eq!(losses.iter().map(Vec::len).sum::<usize>(), 15);

    // Stopped after 7 of 15 steps, inside epoch 2 (5 steps per epoch).
    let dir = scratch("resume");
    let path = dir.join("run.safetensors");
    let mut first = Trainer::new::<SmallNet>(
        &compiler,
        TrainConfig {
            max_steps: Some(7),
            ..config()
        },
        None,
        &Device::LocalTask,
    )
    .unwrap();
    first.train_epoch(&data, 1).unwrap();
    let stopped = first.train_epoch(&data, 2).unwrap();
    assert_eq!(stopped.losses.len(), 2);
    first
        .save_training(&path, &[("note".into(), "kept".into())])
        .unwrap();
    drop(first);

    let (mut resumed, state) =
        Trainer::resume::<SmallNet>(&compiler, &path, &Device::LocalTask).unwrap();
    assert_eq!(state.steps_done, 7);
    assert_eq!(state.metadata["note"], "kept");
    resumed.config.max_steps = None;
    let rest = finish(&mut resumed, &data);
    assert_eq!(resumed.steps_done(), 15);
    // Epoch 2 as resumed holds its two steps from before the stop.
    assert_eq!(
        rest.iter()
            .flatten()
            .map(|l| l.to_bits())
            .collect::<Vec<_>>(),
        losses[1..]
            .iter()
            .flatten()
            .map(|l| l.to_bits())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        bits(&resumed.params().unwrap()),
        bits(&straight.params().unwrap())
    );
    assert_eq!(
        bits(&resumed.optimizer_state().unwrap()),
        bits(&straight.optimizer_state().unwrap())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The examples as they are, raising the interrupt flag (as the Ctrl-C handler does) when the
/// batch of epoch `epoch`, step `step` is assembled.
struct InterruptAt<'a> {
    data: &'a Dataset,
    epoch: usize,
    step: usize,
    flag: Arc<AtomicBool>,
}

impl BatchSource for InterruptAt<'_> {
    fn len(&self) -> usize {
        self.data.len()
    }
    fn image_shape(&self) -> [usize; 3] {
        self.data.image_shape
    }
    fn fill(
        &self,
        indices: &[usize],
        epoch: usize,
        step: usize,
        images: &mut Vec<f32>,
        labels: &mut Vec<i32>,
    ) -> Result<(), DataError> {
        if (epoch, step) == (self.epoch, self.step) {
            self.flag.store(true, Ordering::SeqCst);
        }
        self.data.fill(indices, epoch, step, images, labels)
    }
}

#[test]
fn an_interrupted_run_saves_where_it_stood_and_resumes_exactly() {
    let compiler = compiler();
    let data = data();
    let (losses, straight) = straight_run(&compiler, &data);

    let dir = scratch("interrupt");
    let path = dir.join("interrupted.safetensors");
    let flag = Arc::new(AtomicBool::new(false));
    let mut t = Trainer::new::<SmallNet>(&compiler, config(), None, &Device::LocalTask).unwrap();
    t.stop_when(flag.clone());
    let source = InterruptAt {
        data: &data,
        epoch: 2,
        step: 3,
        flag,
    };
    t.train_epoch(&source, 1).unwrap();
    // The batch producer runs up to two steps ahead, so the stop comes after step 1, 2 or 3
    // of epoch 2: wherever it is, the saved state must continue the run exactly.
    let stop = t.train_epoch(&source, 2).unwrap_err();
    let Error::Interrupted { epoch: 2, step } = stop else {
        panic!("expected an interrupt in epoch 2, got {stop}");
    };
    assert!((6..=8).contains(&step), "stopped after step {step}");
    t.save_training(&path, &[]).unwrap();
    drop(t);

    let (mut resumed, _) =
        Trainer::resume::<SmallNet>(&compiler, &path, &Device::LocalTask).unwrap();
    let rest = finish(&mut resumed, &data);
    assert_eq!(rest.len(), 2);
    assert_eq!(
        rest[0].iter().map(|l| l.to_bits()).collect::<Vec<_>>(),
        losses[1].iter().map(|l| l.to_bits()).collect::<Vec<_>>()
    );
    assert_eq!(
        bits(&resumed.params().unwrap()),
        bits(&straight.params().unwrap())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_plain_checkpoint_cannot_be_resumed_but_a_training_one_loads_as_weights() {
    let compiler = compiler();
    let dir = scratch("plain");
    let t = Trainer::new::<SmallNet>(&compiler, config(), None, &Device::LocalTask).unwrap();
    let plain = dir.join("plain.safetensors");
    t.save(&plain).unwrap();
    let err = Trainer::resume::<SmallNet>(&compiler, &plain, &Device::LocalTask)
        .err()
        .expect("a plain checkpoint has no training state");
    assert!(err.to_string().contains("no training state"), "{err}");
    let training = dir.join("training.safetensors");
    t.save_training(&training, &[]).unwrap();
    let p = Predictor::from_checkpoint::<SmallNet>(&compiler, &training, 4, &Device::LocalTask)
        .expect("a training checkpoint loads as weights");
    assert_eq!(p.classes(), 3);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The first `n` images of `data` as `[n, 1, 8, 8]`.
fn images(data: &Dataset, n: usize) -> Array4<f32> {
    Array4::from_shape_vec((n, 1, 8, 8), data.images[..n * 64].to_vec()).unwrap()
}

#[test]
fn predictions_pad_the_last_batch_and_agree_with_the_reference_and_evaluate() {
    let compiler = compiler();
    let data = data();
    let mut t = Trainer::new::<SmallNet>(&compiler, config(), None, &Device::LocalTask).unwrap();
    t.train_epoch(&data, 1).unwrap();
    let params = t.params().unwrap();

    // 10 inputs through a module of batch 4: two full calls and one padded with 2 rows.
    let p = t.predictor::<SmallNet>(&compiler, 4).unwrap();
    let x = images(&data, 10);
    let predicted = p.predict(x.view()).unwrap();
    assert_eq!(predicted.logits.dim(), (10, 3));

    // The reference evaluator on the same forward function, batch by batch of 10, formulated
    // as the predictor's was.
    let module = forward::build::<SmallNet>(
        10,
        Weights::Arguments,
        Device::LocalTask.default_target().lowering(),
    );
    let mut inputs: Vec<Tensor> = module
        .params
        .iter()
        .zip(&params)
        .map(|(s, t)| Tensor::param(s, &t.data))
        .collect();
    inputs.push(Tensor::f32_data(&[10, 1, 8, 8], x.as_slice().unwrap()));
    let expected = reference::run(&module.module.functions[0], &inputs);
    let expected = expected[0].float();
    let worst = max_abs_diff(
        predicted.logits.iter().map(|a| f64::from(*a)),
        expected.iter().copied(),
    );
    assert!(
        within(worst, 1e-4),
        "IREE vs reference logits differ by {worst}"
    );

    // Probabilities are a softmax; the top class is the argmax.
    let probs = predicted.probabilities();
    for row in probs.rows() {
        assert!((row.sum() - 1.0).abs() < 1e-6);
    }
    let top = predicted.top_k(2);
    let classes = predicted.classes();
    for (i, row) in top.iter().enumerate() {
        assert_eq!(row.len(), 2);
        assert!(row[0].1 >= row[1].1);
        assert_eq!(row[0].0, classes[i]);
        let argmax = (0..3)
            .max_by(|&a, &b| {
                expected[[i, a]]
                    .total_cmp(&expected[[i, b]])
                    .then(b.cmp(&a))
            })
            .unwrap();
        assert_eq!(classes[i], argmax, "input {i}");
    }

    // The same accuracy as evaluate() over all 40 examples.
    let all = p.predict(images(&data, 40).view()).unwrap();
    let correct = all
        .classes()
        .iter()
        .zip(&data.labels)
        .filter(|(c, l)| **c as i32 == **l)
        .count();
    let eval = t.evaluate(&data).unwrap();
    assert_eq!(correct as f64 / 40.0, eval.accuracy);

    // No inputs, no rows; a wrong shape names both.
    assert_eq!(
        p.predict(images(&data, 0).view()).unwrap().logits.dim(),
        (0, 3)
    );
    let wrong = Array4::<f32>::zeros((2, 1, 7, 8));
    match p.predict(wrong.view()) {
        Err(Error::ShapeMismatch { expected, got, .. }) => {
            assert_eq!(expected, vec![2, 1, 8, 8]);
            assert_eq!(got, vec![2, 1, 7, 8]);
        }
        other => panic!(
            "expected a shape mismatch, got {:?}",
            other.map(|p| p.logits)
        ),
    }
}

/// `iree-run-module` of the `iree-base-runtime` wheel that scripts/setup.sh installs.
fn iree_run_module() -> PathBuf {
    if let Some(p) = std::env::var_os("IREE_RUN_MODULE") {
        return p.into();
    }
    let python = std::env::var("EERIE_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = std::process::Command::new(python)
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_path('scripts'))",
        ])
        .output()
        .expect("python3");
    let scripts = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let candidate = scripts.join("iree-run-module");
    assert!(
        candidate.exists(),
        "iree-run-module not found at {} (scripts/setup.sh installs iree-base-runtime==3.13.0)",
        candidate.display()
    );
    candidate
}

/// A float32 array as NumPy's .npy (version 1.0).
fn write_npy(path: &Path, shape: &[usize], data: &[f32]) {
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    let mut header = format!(
        "{{'descr': '<f4', 'fortran_order': False, 'shape': ({},), }}",
        dims.join(", ")
    );
    while (10 + header.len() + 1) % 64 != 0 {
        header.push(' ');
    }
    header.push('\n');
    let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
    bytes.extend((header.len() as u16).to_le_bytes());
    bytes.extend(header.as_bytes());
    bytes.extend(data.iter().flat_map(|x| x.to_le_bytes()));
    std::fs::write(path, bytes).unwrap();
}

/// The shape and values of a little-endian float32 .npy file.
fn read_npy(path: &Path) -> (Vec<usize>, Vec<f32>) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..6], b"\x93NUMPY");
    let (len, start) = match bytes[6] {
        1 => (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10),
        _ => (
            u32::from_le_bytes(bytes[8..12].try_into().unwrap()) as usize,
            12,
        ),
    };
    let header = std::str::from_utf8(&bytes[start..start + len]).unwrap();
    assert!(header.contains("'<f4'"), "{header}");
    let shape_text = header.split("'shape': (").nth(1).unwrap();
    let shape_text = &shape_text[..shape_text.find(')').unwrap()];
    let shape = shape_text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    let data = bytes[start + len..]
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
        .collect();
    (shape, data)
}

#[test]
fn an_export_runs_on_iree_alone_and_gives_netspecs_logits() {
    let compiler = compiler();
    let data = data();
    let mut t = Trainer::new::<SmallNet>(&compiler, config(), None, &Device::LocalTask).unwrap();
    t.train_epoch(&data, 1).unwrap();
    let dir = scratch("export");
    let options = ExportOptions {
        target: Target::HostCpu,
        batch: 4,
        normalization: Some(Normalization {
            mean: vec![0.5],
            std: vec![0.25],
        }),
        class_names: vec!["left".into(), "middle".into(), "right".into()],
    };
    let exported = export::<SmallNet>(&compiler, t.params().unwrap(), &dir, &options).unwrap();

    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&exported.manifest).unwrap()).unwrap();
    assert_eq!(manifest["network"], "SmallNet");
    assert_eq!(manifest["input"]["shape"], serde_json::json!([4, 1, 8, 8]));
    assert_eq!(manifest["output"]["shape"], serde_json::json!([4, 3]));
    assert_eq!(manifest["normalization"]["std"], serde_json::json!([0.25]));
    assert_eq!(manifest["class_names"][2], "right");
    assert_eq!(manifest["target"], "host");
    // What a caller needs beyond shapes: the pixel scale, the concrete CPU behind "host", and
    // the command that runs it (run below, as the manifest says, from the export directory).
    assert_eq!(
        manifest["input"]["pixel_range"],
        serde_json::json!([0.0, 1.0])
    );
    let cpu = manifest["target_cpu"].as_str().unwrap();
    assert!(!cpu.is_empty() && cpu != "host", "target_cpu {cpu}");
    let command = manifest["run"]["command"].as_str().unwrap();
    assert_eq!(
        command,
        "iree-run-module --module=model.vmfb --device=local-task --function=predict --input=@x.npy"
    );
    // The weights file is a plain checkpoint of every parameter and buffer.
    let weights = netspec::core::checkpoint::load(&exported.weights).unwrap();
    assert_eq!(weights.len(), SmallNet::params().len());

    let x = images(&data, 4);
    let input = dir.join("x.npy");
    let output = dir.join("y.npy");
    write_npy(&input, &[4, 1, 8, 8], x.as_slice().unwrap());
    let run = std::process::Command::new(iree_run_module())
        .args(command.split_whitespace().skip(1))
        .arg(format!("--output=@{}", output.display()))
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "iree-run-module failed:\n{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let (shape, iree) = read_npy(&output);
    assert_eq!(shape, vec![4, 3]);

    let ours = t
        .predictor::<SmallNet>(&compiler, 4)
        .unwrap()
        .predict(x.view())
        .unwrap();
    let worst = max_abs_diff(
        ours.logits.iter().map(|a| f64::from(*a)),
        iree.iter().map(|b| f64::from(*b)),
    );
    let scale = max_nan([
        1.0,
        largest_magnitude(ours.logits.iter().map(|v| f64::from(*v))),
    ]);
    println!("exported vmfb vs netspec's predictions: largest logit difference {worst:e} (largest |logit| {scale})");
    assert!(
        within(worst, 1e-5 * scale),
        "exported logits differ by {worst}"
    );
    assert_eq!(ours.logits.len_of(Axis(0)), 4);
    let _ = std::fs::remove_dir_all(&dir);
}
