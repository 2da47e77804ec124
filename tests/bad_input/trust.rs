//! The rows of what a careful user or a hostile file did to a run (issue "Trust"): files that
//! claim more than they hold or hold what no run can use, training states that were edited,
//! outputs that name inputs, a resume that contradicts its run, a test set that is empty.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use netspec::cli::{self, Defaults};
use netspec::core::checkpoint::{self, NamedTensor};
use netspec::core::data::idx;
use netspec::iree::{export, Device, ExportOptions, Target, Trainer};
use netspec::models::MnistLinear;
use netspec::prelude::Network;

use super::{case, compiler, err, linear_trainer, mnist_like, scratch, Case};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// Bytes that do not compress: a xorshift stream.
fn noise(n: usize) -> Vec<u8> {
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

fn options(args: &[&str]) -> Result<cli::Options, netspec::iree::Error> {
    cli::parse(args.iter().map(|s| s.to_string()), Defaults::default())
}

/// The error of a MnistLinear run of `args` on a few Fashion-MNIST examples.
fn run_linear(args: &[&str]) -> Option<String> {
    let mut all = vec![
        "--train-limit",
        "64",
        "--test-limit",
        "32",
        "--batch-size",
        "32",
    ];
    all.extend_from_slice(args);
    all.push("--quiet");
    err(options(&all).and_then(|o| cli::run::<MnistLinear>(&o)))
}

/// One finished run of MnistLinear with `--save`: its training checkpoint, which records the
/// run.
fn finished_run() -> &'static Path {
    static RUN: OnceLock<PathBuf> = OnceLock::new();
    RUN.get_or_init(|| {
        let save = scratch("run/linear.safetensors");
        let save_text = save.display().to_string();
        let failed = run_linear(&["--epochs", "1", "--save", &save_text]);
        assert_eq!(failed, None, "the run every resume row continues");
        save.with_extension("resume.safetensors")
    })
}

/// A training checkpoint of MnistLinear at batch 4 after `epochs` epochs of 8 examples (2 steps
/// each), its training state edited by `edit`.
fn edited_state(name: &str, epochs: usize, edit: impl Fn(&mut serde_json::Value)) -> PathBuf {
    let path = scratch(name);
    let mut t = linear_trainer();
    for epoch in 1..=epochs {
        t.train_epoch(&mnist_like(8), epoch).unwrap();
    }
    t.save_training(&path, &[]).unwrap();
    let (tensors, mut meta) = checkpoint::load_with_metadata(&path).unwrap();
    let key = "netspec_training_state";
    let mut state: serde_json::Value = serde_json::from_str(&meta[key]).unwrap();
    edit(&mut state);
    meta.insert(key.into(), state.to_string());
    let meta: Vec<(String, String)> = meta.into_iter().collect();
    checkpoint::save(&path, &tensors, &meta).unwrap();
    path
}

/// `tensors` as a safetensors file, written without netspec's checks.
fn raw_checkpoint(name: &str, tensors: &[NamedTensor]) -> PathBuf {
    let path = scratch(name);
    let bytes: Vec<Vec<u8>> = tensors
        .iter()
        .map(|t| t.data.iter().flat_map(|x| x.to_le_bytes()).collect())
        .collect();
    let views = tensors.iter().zip(&bytes).map(|(t, b)| {
        let view =
            safetensors::tensor::TensorView::new(safetensors::Dtype::F32, t.shape.clone(), b);
        (t.name.as_str(), view.unwrap())
    });
    safetensors::serialize_to_file(views, &None, &path).unwrap();
    path
}

/// A grey 28x28 PNG.
fn png(path: &Path, value: u8) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let file = std::fs::File::create(path).unwrap();
    let mut encoder = png::Encoder::new(file, 28, 28);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&[value; 28 * 28]).unwrap();
}

fn metrics_of(result: Option<String>, metrics: &Path) -> Option<String> {
    match result {
        Some(error) => Some(format!("the run failed: {error}")),
        None => std::fs::read_to_string(metrics).ok(),
    }
}

pub fn trust_cases() -> Vec<Case> {
    vec![
        case(
            "a gzip IDX file whose header claims 2^31 x 65536 x 65536 bytes (3 MiB of zeros inside)",
            &["announce 9223372036854775808 data bytes", "unpacks to at most"],
            || {
                let mut raw = idx::encode(&[1 << 31, 65536, 65536], &[]);
                raw.extend(vec![0u8; 3 << 20]);
                err(idx::decode(&gzip(&raw), Path::new("huge.idx.gz")))
            },
        ),
        case(
            "a gzip IDX file of 2.1 MB whose header claims 2049 x 1024 x 1024 bytes",
            &["announce 2148532224 data bytes", "more than the 2147483648 netspec loads"],
            || {
                let mut raw = idx::encode(&[2049, 1024, 1024], &[]);
                raw.extend(noise(2_100_000));
                err(idx::decode(&gzip(&raw), Path::new("large.idx.gz")))
            },
        ),
        case(
            "a checkpoint with a NaN weight (to --init, predict, export)",
            &["nan.safetensors", "tensor 1.weight holds NaN at index 17", "diverged"],
            || {
                let mut params = MnistLinear::init_params(0);
                params.iter_mut().find(|t| t.name == "1.weight").unwrap().data[17] = f32::NAN;
                err(checkpoint::load(&raw_checkpoint("nan.safetensors", &params)))
            },
        ),
        case(
            "saving parameters that hold an infinity",
            &["tensor 1.bias holds inf at index 3"],
            || {
                let mut params = MnistLinear::init_params(0);
                params.iter_mut().find(|t| t.name == "1.bias").unwrap().data[3] = f32::INFINITY;
                err(checkpoint::save(&scratch("inf.safetensors"), &params, &[]))
            },
        ),
        case(
            "a checkpoint with a tensor name twice",
            &["twice.safetensors", "tensor name fc.bias appears twice"],
            || {
                let entry = |from: usize| {
                    format!(r#"{{"dtype":"F32","shape":[1],"data_offsets":[{from},{}]}}"#, from + 4)
                };
                let header = format!(r#"{{"fc.bias":{},"fc.bias":{}}}"#, entry(0), entry(4));
                let mut bytes = (header.len() as u64).to_le_bytes().to_vec();
                bytes.extend(header.as_bytes());
                bytes.extend([0u8; 8]);
                let path = scratch("twice.safetensors");
                std::fs::write(&path, bytes).unwrap();
                err(checkpoint::load(&path))
            },
        ),
        case(
            "a training checkpoint whose steps_done was edited to 2^64-1",
            &["does not hold together", "18446744073709551615 steps are done", "make 2"],
            || {
                let path = edited_state("steps.resume.safetensors", 1, |s| {
                    s["steps_done"] = u64::MAX.into()
                });
                err(Trainer::training_state(&path))
            },
        ),
        case(
            "a training checkpoint whose progress.epoch was edited to 99",
            &["does not hold together", "2 steps are done", "make 198"],
            || {
                let path = edited_state("epoch.resume.safetensors", 1, |s| {
                    s["progress"]["epoch"] = 99.into()
                });
                err(Trainer::training_state(&path))
            },
        ),
        case(
            "a training checkpoint whose batch size was edited (4 -> 2)",
            &["trained at 2 steps per epoch", "batch size 2 make 4"],
            || {
                let path = edited_state("batch.resume.safetensors", 1, |s| {
                    s["config"]["batch_size"] = 2.into()
                });
                err(Trainer::training_state(&path).and_then(|s| s.check_fits(&path, 8 / 2, 12)))
            },
        ),
        case(
            "a training checkpoint at epoch 3 resumed with --epochs 2",
            &["is at epoch 3, past the run's last epoch 2", "--epochs 3"],
            || {
                let path = edited_state("late.resume.safetensors", 3, |_| {});
                err(Trainer::training_state(&path).and_then(|s| s.check_fits(&path, 2, 2)))
            },
        ),
        case(
            "--init X --metrics X",
            &["--metrics", "is also --init", "x.safetensors"],
            || {
                let x = scratch("x.safetensors");
                checkpoint::save(&x, &MnistLinear::init_params(0), &[]).unwrap();
                let x = x.display().to_string();
                run_linear(&["--init", &x, "--metrics", &x])
            },
        ),
        case(
            "--resume X --metrics X",
            &["--metrics", "is also --resume", "y.resume.safetensors"],
            || {
                let y = scratch("y.resume.safetensors");
                let meta = [("dataset".to_string(), "fashion-mnist".to_string())];
                Trainer::new::<MnistLinear>(compiler(), super::config(32), None, &Device::LocalSync)
                    .unwrap()
                    .save_training(&y, &meta)
                    .unwrap();
                let y = y.display().to_string();
                run_linear(&["--resume", &y, "--metrics", &y])
            },
        ),
        case(
            "--save naming an existing directory",
            &["--save", "names a directory", "model.safetensors"],
            || {
                let dir = scratch("a-directory");
                std::fs::create_dir_all(&dir).unwrap();
                run_linear(&["--save", &dir.display().to_string()])
            },
        ),
        case(
            "--save ending in /",
            &["--save", "names a directory"],
            || run_linear(&["--save", &format!("{}/", scratch("not-yet").display())]),
        ),
        case(
            "--resume with a flag that contradicts the run (--lr 0.5)",
            &["--lr 0.5 was given where the run was started with 0.1", "drop that flag"],
            || run_linear(&["--resume", &finished_run().display().to_string(), "--lr", "0.5"]),
        ),
        case(
            "--resume of a run that is complete",
            &["is complete (epoch 1 of 1, 2 steps each)", "pass --epochs N, more than 1"],
            || run_linear(&["--resume", &finished_run().display().to_string()]),
        ),
        case(
            "--test-limit 0 (the metrics line)",
            &[r#""test_loss":null,"test_accuracy":null"#],
            || {
                let m = scratch("no-test.metrics.jsonl");
                let ran = run_linear(&["--test-limit", "0", "--epochs", "1", "--metrics", &m.display().to_string()]);
                metrics_of(ran, &m)
            },
        )
        .without(&[r#""test_accuracy":0"#]),
        case(
            "predict --test-limit 0",
            &["no test set", "--test-limit 0"],
            || {
                err(options(&["--test-limit", "0"])
                    .and_then(|o| cli::load_data(&o, [1, 28, 28]))
                    .and_then(|d| d.test_set().map(|t| t.len())))
            },
        ),
        case(
            "an image folder with one image per class (the metrics line)",
            &[r#""test_loss":null,"test_accuracy":null"#],
            || {
                let root = scratch("one-per-class");
                for c in 0..10 {
                    png(&root.join(format!("class{c}/only.png")), 25 * c as u8);
                }
                let m = scratch("one-per-class.metrics.jsonl");
                let dataset = format!("folder:{}", root.display());
                let ran = err(options(&[
                    "--dataset", &dataset, "--batch-size", "5", "--epochs", "1", "--quiet",
                    "--metrics", &m.display().to_string(),
                ])
                .and_then(|o| cli::run::<MnistLinear>(&o)));
                metrics_of(ran, &m)
            },
        )
        .without(&[r#""test_accuracy":0"#]),
        case(
            "a broken image in a user's image folder",
            &["broken.png", "replace or remove the image"],
            || {
                let root = scratch("broken-folder");
                for c in 0..10 {
                    png(&root.join(format!("class{c}/a.png")), 100);
                }
                std::fs::write(root.join("class3/broken.png"), b"\x89PNG\r\n\x1a\nnot really").unwrap();
                let dataset = format!("folder:{}", root.display());
                err(options(&["--dataset", &dataset]).and_then(|o| cli::load_data(&o, [1, 28, 28])))
            },
        )
        .without(&["MNIST", "setup.sh"]),
        case(
            "an export into a directory that holds other files",
            &["notes.txt", "export to another directory"],
            || {
                let dir = scratch("my-folder");
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join("notes.txt"), b"mine").unwrap();
                let options = ExportOptions {
                    target: Target::HostCpu,
                    batch: 1,
                    normalization: None,
                    class_names: vec![],
                };
                err(export::<MnistLinear>(compiler(), MnistLinear::init_params(0), &dir, &options))
            },
        ),
    ]
}
