//! Bad input, one table: every public entry point fed what users get wrong, each answered by an
//! error that says what was wrong and what to do, never by a panic. `cargo test --test
//! bad_input -- --nocapture` prints the table (the README lists it).

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ndarray::Array4;
use netspec::cli::{self, Defaults};
use netspec::core::checkpoint::{self, NamedTensor};
use netspec::core::data::{cifar, digits, idx, Dataset};
use netspec::iree::{Compiler, Device, Predictor, Target, TrainConfig, Trainer};
use netspec::models::{MnistCnn, MnistLinear};
use netspec::prelude::Network;

#[path = "bad_input/trust.rs"]
mod trust;
use trust::trust_cases;

/// One row: what the user gives, the pieces the message must contain and those it must not.
struct Case {
    input: &'static str,
    expect: &'static [&'static str],
    reject: &'static [&'static str],
    /// The error's message, or `None` where the input was accepted.
    run: Box<dyn Fn() -> Option<String>>,
}

fn case(
    input: &'static str,
    expect: &'static [&'static str],
    run: impl Fn() -> Option<String> + 'static,
) -> Case {
    Case {
        input,
        expect,
        reject: &[],
        run: Box::new(run),
    }
}

impl Case {
    fn without(mut self, reject: &'static [&'static str]) -> Case {
        self.reject = reject;
        self
    }
}

fn err<T, E: std::fmt::Display>(r: Result<T, E>) -> Option<String> {
    r.err().map(|e| e.to_string())
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("netspec-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn compiler() -> &'static Compiler {
    static COMPILER: OnceLock<Compiler> = OnceLock::new();
    COMPILER.get_or_init(|| Compiler::new().expect("IREE compiler (run scripts/setup.sh)"))
}

fn config(batch_size: usize) -> TrainConfig {
    TrainConfig {
        batch_size,
        progress: false,
        ..TrainConfig::default()
    }
}

/// The error of building MnistLinear's trainer with `config`, if any.
fn new_linear(config: TrainConfig) -> Option<String> {
    err(Trainer::new::<MnistLinear>(
        compiler(),
        config,
        None,
        &Device::LocalSync,
    ))
}

fn linear_trainer() -> Trainer {
    Trainer::new::<MnistLinear>(compiler(), config(4), None, &Device::LocalSync).unwrap()
}

/// `n` MNIST-shaped examples of pixel value 0.5, labels counting up.
fn mnist_like(n: usize) -> Dataset {
    Dataset::new(
        vec![0.5; n * 784],
        (0..n as i32).map(|i| i % 10).collect(),
        [1, 28, 28],
        10,
    )
    .unwrap()
}

fn save(name: &str, tensors: &[NamedTensor]) -> PathBuf {
    let path = scratch(name);
    checkpoint::save(&path, tensors, &[]).unwrap();
    path
}

fn cases() -> Vec<Case> {
    let mut cases = vec![
        case(
            "IDX file with a wrong magic number",
            &["bad magic number", "fuzz.idx"],
            || {
                err(idx::decode(
                    &[0x12, 0x34, 8, 1, 0, 0, 0, 0],
                    Path::new("fuzz.idx"),
                ))
            },
        ),
        case(
            "IDX images and labels of different counts",
            &[
                "holds 3 images but",
                "holds 2 labels",
                "do not belong together",
            ],
            || {
                let images = scratch("images.idx");
                let labels = scratch("labels.idx");
                std::fs::write(&images, idx::encode(&[3, 2, 2], &[0; 12])).unwrap();
                std::fs::write(&labels, idx::encode(&[2], &[0, 1])).unwrap();
                err(idx::load_pair(&images, &labels))
            },
        ),
        case("CIFAR-10 file cut mid-record", &["cut.bin", "3073"], || {
            err(cifar::parse(&[0u8; 3073 + 100], Path::new("cut.bin")))
        }),
        case(
            "digits JSON with a pixel outside [0, 1]",
            &["index 3", "not a number in [0, 1]"],
            || {
                let mut v = vec!["0"; 784];
                v[3] = "7";
                let json = format!("{{\"data\":[{}]}}", v.join(","));
                err(digits::parse_class(json.as_bytes(), Path::new("0.json")))
            },
        ),
        case(
            "a label outside the class range",
            &["label 12 of example 1", "outside the 10 classes"],
            || err(Dataset::new(vec![0.0; 2 * 4], vec![3, 12], [1, 2, 2], 10)),
        ),
        case(
            "a NaN pixel",
            &["pixel 2 of example 1 is NaN", "finite"],
            || {
                let mut images = vec![0.0; 2 * 4];
                images[4 + 2] = f32::NAN;
                err(Dataset::new(images, vec![0, 1], [1, 2, 2], 10))
            },
        ),
        case(
            "arrays with more images than labels",
            &["3 images [3, 1, 2, 2] but 2 labels"],
            || {
                let images = ndarray::Array4::<f32>::zeros((3, 1, 2, 2));
                let labels = ndarray::Array1::<i32>::zeros(2);
                err(Dataset::from_arrays(images.view(), labels.view(), 10))
            },
        ),
        case(
            "an image size that does not fit the network",
            &[
                "image shape",
                "MnistLinear",
                "expected [1, 28, 28], got [3, 32, 32]",
            ],
            || {
                let cifar_like = Dataset::new(vec![0.0; 4 * 3072], vec![0; 4], [3, 32, 32], 10);
                err(linear_trainer().evaluate(&cifar_like.unwrap()))
            },
        ),
        case(
            "a class count that does not fit the network",
            &["classes", "expected [10], got [100]"],
            || {
                let many = Dataset::new(vec![0.0; 4 * 784], vec![0; 4], [1, 28, 28], 100);
                err(linear_trainer().evaluate(&many.unwrap()))
            },
        ),
        case(
            "a train step given a batch of the wrong size",
            &[
                "pixels in a train step's batch [4, 1, 28, 28]",
                "expected [3136], got [784]",
            ],
            || err(linear_trainer().step(&[0.0; 784], &[0; 4], 0.1, 1)),
        ),
        case(
            "a train step given a label outside the classes",
            &["label -1 of example 2", "10 classes"],
            || err(linear_trainer().step(&[0.0; 4 * 784], &[0, 1, -1, 3], 0.1, 1)),
        ),
        case(
            "a train step given a NaN pixel",
            &["example 1 of the batch", "pixel 5 = NaN"],
            || {
                let mut images = vec![0.0; 4 * 784];
                images[784 + 5] = f32::NAN;
                err(linear_trainer().step(&images, &[0; 4], 0.1, 1))
            },
        ),
        case(
            "a checkpoint of another network",
            &[
                "does not fit network MnistLinear",
                "missing 1.weight [10, 784]",
                "unexpected conv1.bias",
            ],
            || {
                let path = save("cnn.safetensors", &MnistCnn::init_params(0));
                err(linear_trainer().load(&path))
            },
        ),
        case(
            "a checkpoint of the right network with one tensor's shape changed",
            &["shape mismatch 1.weight: checkpoint [10, 783] vs network [10, 784]"],
            || {
                let mut params = MnistLinear::init_params(0);
                let w = params.iter_mut().find(|t| t.name == "1.weight").unwrap();
                w.shape = vec![10, 783];
                w.data.truncate(7830);
                err(linear_trainer().load(&save("bent.safetensors", &params)))
            },
        ),
        case(
            "a checkpoint of the right shapes stored as f16",
            &["dtype F16", "convert the checkpoint to float32"],
            || {
                let path = scratch("half.safetensors");
                let bytes = vec![0u8; 2 * 10];
                let view =
                    safetensors::tensor::TensorView::new(safetensors::Dtype::F16, vec![10], &bytes)
                        .unwrap();
                safetensors::serialize_to_file([("fc.bias", view)], &None, &path).unwrap();
                err(checkpoint::load(&path))
            },
        ),
        case(
            "a checkpoint cut short",
            &["cut.safetensors", "truncated"],
            || {
                let path = save("cut.safetensors", &MnistLinear::init_params(0));
                let bytes = std::fs::read(&path).unwrap();
                std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
                err(checkpoint::load(&path))
            },
        ),
        case(
            "an unknown device",
            &[
                "invalid value 'tpu' for '--device <NAME>'",
                "local-task, local-sync, cuda",
            ],
            || {
                err(cli::parse(
                    ["--device", "tpu"].map(String::from),
                    Defaults::default(),
                ))
            },
        ),
        case(
            "a batch size of 0",
            &["batch size must be at least 1"],
            || new_linear(config(0)),
        ),
        case(
            "a batch size larger than the data set",
            &["3 training examples do not fill one batch of 4"],
            || err(linear_trainer().train_epoch(&mnist_like(3), 1)),
        ),
        case(
            "a negative learning rate",
            &["learning rate must be a finite number >= 0, got -0.1"],
            || {
                new_linear(TrainConfig {
                    lr: -0.1,
                    ..config(4)
                })
            },
        ),
        case(
            "a NaN learning rate",
            &["learning rate must be a finite number >= 0, got NaN"],
            || {
                new_linear(TrainConfig {
                    lr: f64::NAN,
                    ..config(4)
                })
            },
        ),
        case(
            "--resume with a plain checkpoint",
            &["plain.safetensors", "no training state", "--init"],
            || {
                let path = save("plain.safetensors", &MnistLinear::init_params(0));
                err(Trainer::resume::<MnistLinear>(
                    compiler(),
                    &path,
                    &Device::LocalTask,
                ))
            },
        ),
        case(
            "--resume with another network's training checkpoint",
            &["of MnistLinear, not of MnistCnn"],
            || {
                let path = scratch("linear.resume.safetensors");
                linear_trainer().save_training(&path, &[]).unwrap();
                err(Trainer::resume::<MnistCnn>(
                    compiler(),
                    &path,
                    &Device::LocalTask,
                ))
            },
        ),
        case(
            "predictions of images of the wrong size",
            &[
                "inputs to MnistLinear's predictions",
                "expected [2, 1, 28, 28], got [2, 1, 32, 32]",
            ],
            || {
                let p = Predictor::new::<MnistLinear>(
                    compiler(),
                    MnistLinear::init_params(0),
                    4,
                    &Device::LocalTask,
                )
                .unwrap();
                err(p
                    .predict(Array4::<f32>::zeros((2, 1, 32, 32)).view())
                    .map(|p| p.logits))
            },
        ),
        case(
            "an image folder without class folders",
            &["empty-folder"],
            || {
                let dir = scratch("empty-folder");
                std::fs::create_dir_all(&dir).unwrap();
                err(cli::parse(
                    ["--dataset".to_string(), format!("folder:{}", dir.display())],
                    Defaults::default(),
                )
                .and_then(|o| cli::load_data(&o, [1, 28, 28]).map(|d| d.notes)))
            },
        ),
        case(
            "an export target that does not exist",
            &["unknown target `tpu:v5`", "cpu:x86-64-v3"],
            || err(Target::parse("tpu:v5")),
        ),
        case(
            "no IREE compiler library (a Python without iree-base-compiler)",
            &[
                "IREE compiler library could not be loaded",
                "pip install iree-base-compiler==3.13.0",
            ],
            missing_compiler_message,
        ),
    ];
    cases.extend(trust_cases());
    cases
}

/// The compiler library is loaded once per process, so this case runs in a child process (this
/// test binary, running only `compiler_missing_child`) whose `EERIE_PYTHON` has no compiler.
fn missing_compiler_message() -> Option<String> {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "compiler_missing_child",
            "--include-ignored",
            "--nocapture",
        ])
        .env("EERIE_PYTHON", "/nonexistent/python3")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    stdout
        .lines()
        .skip_while(|l| *l != "MESSAGE-BEGIN")
        .skip(1)
        .take_while(|l| *l != "MESSAGE-END")
        .map(|l| format!("{l}\n"))
        .reduce(|a, b| a + &b)
}

#[test]
#[ignore = "run by bad_input_is_answered_by_clear_errors in a child process"]
fn compiler_missing_child() {
    if let Err(e) = Compiler::new() {
        println!("MESSAGE-BEGIN\n{e}\nMESSAGE-END");
    }
}

#[test]
fn bad_input_is_answered_by_clear_errors() {
    let mut failures = Vec::new();
    println!("| input | what the user sees |\n|---|---|");
    for c in cases() {
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| (c.run)()));
        match outcome {
            Err(_) => failures.push(format!("{}: panicked", c.input)),
            Ok(None) => failures.push(format!("{}: was accepted", c.input)),
            Ok(Some(message)) => {
                println!("| {} | {} |", c.input, message.trim().replace('\n', " "));
                let absent: Vec<_> = c.expect.iter().filter(|e| !message.contains(*e)).collect();
                if !absent.is_empty() {
                    failures.push(format!("{}: {message:?} lacks {absent:?}", c.input));
                }
                let present: Vec<_> = c.reject.iter().filter(|r| message.contains(*r)).collect();
                if !present.is_empty() {
                    failures.push(format!("{}: {message:?} says {present:?}", c.input));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
