//! Interoperability helper for scripts/torchvision_interop.py.
//!
//! `export_init MODEL OUT.safetensors [--seed N]` writes MODEL's freshly initialised parameters
//! and buffers (PyTorch names and layouts) without compiling anything.
//!
//! `export_init logits MODEL CKPT.safetensors INPUT.bin OUTPUT.bin` loads CKPT into MODEL, runs
//! its predictions (the forward pass in evaluation mode, compiled by IREE) on INPUT.bin (f32
//! little-endian NCHW; the batch is the file size over one example's size) and writes the
//! logits as f32 little-endian to OUTPUT.bin.
//!
//! `export_init steps MODEL CKPT.safetensors IMAGES.bin LABELS.bin sgd|adamw LR WEIGHT_DECAY
//! OUT.safetensors [--steps N]` loads CKPT into MODEL and runs N train steps (default 1) on IREE:
//! LABELS.bin (i32 little-endian) holds N batches of labels, IMAGES.bin (f32 little-endian NCHW)
//! their images. Cross-entropy, no dropout or stochastic depth (every mask keeps everything),
//! SGD with momentum 0.9 or AdamW (0.9, 0.999, eps 1e-8). Writes the parameters and buffers
//! after the last step to OUT.safetensors and each step's loss to stdout: for
//! scripts/torchvision_step_parity.py.
//!
//! `export_init list` prints the model names.

use std::path::PathBuf;
use std::process::exit;

use ndarray::{ArrayD, IxDyn};
use netspec::core::checkpoint::{self, NamedTensor};
use netspec::core::loss::Loss;
use netspec::core::optim::Optimizer;
use netspec::core::step::{self, StepConfig};
use netspec::core::Network;
use netspec::iree::{read_f32, read_scalar, Compiler, Device, Executable, Predictor};
use netspec::models::{with_model, ModelTask, MODEL_NAMES};

struct Init {
    out: PathBuf,
    seed: u64,
}

impl ModelTask for Init {
    type Output = Result<(), String>;
    fn run<N: Network>(self) -> Self::Output {
        let tensors = N::init_params(self.seed);
        checkpoint::save(&self.out, &tensors, &[("network".into(), N::NAME.into())])
            .map_err(|e| e.to_string())?;
        eprintln!(
            "{}: {} tensors, {} trainable scalars -> {}",
            N::NAME,
            tensors.len(),
            N::parameter_count(),
            self.out.display()
        );
        Ok(())
    }
}

struct Logits {
    ckpt: PathBuf,
    input: PathBuf,
    output: PathBuf,
}

impl ModelTask for Logits {
    type Output = Result<(), String>;
    fn run<N: Network>(self) -> Self::Output {
        let per_example: usize = N::input_shape().iter().product();
        let bytes = std::fs::read(&self.input)
            .map_err(|e| format!("reading {}: {e}", self.input.display()))?;
        if bytes.is_empty() || bytes.len() % (4 * per_example) != 0 {
            return Err(format!(
                "{} has {} bytes, not a positive multiple of 4 x {per_example} (one {:?} example)",
                self.input.display(),
                bytes.len(),
                N::input_shape()
            ));
        }
        let batch = bytes.len() / (4 * per_example);
        let x: Vec<f32> = bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let mut shape = vec![batch];
        shape.extend(N::input_shape());
        let x = ArrayD::from_shape_vec(IxDyn(&shape), x).expect("the size was checked");

        let compiler = Compiler::new().map_err(|e| e.to_string())?;
        let p = Predictor::from_checkpoint::<N>(&compiler, &self.ckpt, batch, &Device::LocalTask)
            .map_err(|e| e.to_string())?;
        eprintln!("{}: compiled in {:.1}s", N::NAME, p.compile_seconds());
        let y = p.predict(x.view()).map_err(|e| e.to_string())?.logits;
        let y_bytes: Vec<u8> = y.iter().flat_map(|v| v.to_le_bytes()).collect();
        std::fs::write(&self.output, y_bytes)
            .map_err(|e| format!("writing {}: {e}", self.output.display()))?;
        Ok(())
    }
}

/// Reads a little-endian file of 4-byte values.
fn read_le<T>(path: &PathBuf, from: fn([u8; 4]) -> T) -> Result<Vec<T>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    if bytes.len() % 4 != 0 {
        return Err(format!(
            "{} is not a whole number of 4-byte values",
            path.display()
        ));
    }
    Ok(bytes
        .chunks_exact(4)
        .map(|b| from([b[0], b[1], b[2], b[3]]))
        .collect())
}

struct Steps {
    ckpt: PathBuf,
    images: PathBuf,
    labels: PathBuf,
    optimizer: Optimizer,
    lr: f32,
    steps: usize,
    out: PathBuf,
}

impl ModelTask for Steps {
    type Output = Result<(), String>;
    fn run<N: Network>(self) -> Self::Output {
        let images = read_le(&self.images, f32::from_le_bytes)?;
        let labels = read_le(&self.labels, i32::from_le_bytes)?;
        let per_example: usize = N::input_shape().iter().product();
        if self.steps == 0 || labels.is_empty() || labels.len() % self.steps != 0 {
            return Err(format!(
                "{} labels do not split into {} steps",
                labels.len(),
                self.steps
            ));
        }
        let batch = labels.len() / self.steps;
        if images.len() != labels.len() * per_example {
            return Err(format!(
                "{} holds {} values, not {} examples of {:?}",
                self.images.display(),
                images.len(),
                labels.len(),
                N::input_shape()
            ));
        }
        let step = step::build::<N>(StepConfig {
            batch,
            loss: Loss::CrossEntropy {
                label_smoothing: 0.0,
            },
            optimizer: self.optimizer,
            lowering: Device::LocalTask.default_target().lowering(),
        });
        let compiler = Compiler::new().map_err(|e| e.to_string())?;
        let exe = Executable::load(&compiler, &step.module, &Device::LocalTask)
            .map_err(|e| e.to_string())?;
        eprintln!("{}: compiled in {:.1}s", N::NAME, exe.compile.seconds);
        let loaded = checkpoint::load(&self.ckpt).map_err(|e| e.to_string())?;
        let params = checkpoint::match_specs(
            &self.ckpt,
            N::NAME,
            checkpoint::parameters_only(loaded),
            &step.params,
        )
        .map_err(|e| e.to_string())?;
        let e = |e: netspec::iree::Error| e.to_string();
        let mut values = step
            .params
            .iter()
            .zip(&params)
            .map(|(s, t)| exe.upload_param(s, &t.data))
            .collect::<Result<Vec<_>, _>>()
            .map_err(e)?;
        for s in &step.opt_state {
            values.push(
                exe.upload_f32(&s.device_shape(), &vec![0.0; s.elements()])
                    .map_err(e)?,
            );
        }
        let (noise, _) = step.noise();
        for t in 0..self.steps {
            let x = &images[t * batch * per_example..(t + 1) * batch * per_example];
            let y = &labels[t * batch..(t + 1) * batch];
            let mut inputs = values.clone();
            inputs.push(exe.upload_f32(&[], &[self.lr]).map_err(e)?);
            inputs.push(exe.upload_f32(&[], &[(t + 1) as f32]).map_err(e)?);
            inputs.push(exe.upload_f32(&step.input.shape, x).map_err(e)?);
            inputs.push(exe.upload_i32(&[batch], y).map_err(e)?);
            for n in noise {
                let keep = vec![1.0; n.shape.iter().product()];
                inputs.push(exe.upload_f32(&n.shape, &keep).map_err(e)?);
            }
            let mut outs = exe.call("train_step", inputs).map_err(e)?;
            let loss = read_scalar(&outs.pop().expect("the loss comes last")).map_err(e)?;
            println!("step {} loss {loss}", t + 1);
            values = outs;
        }
        let after = step
            .params
            .iter()
            .zip(&values)
            .map(|(s, v)| {
                Ok(NamedTensor {
                    name: s.name.clone(),
                    shape: s.shape.clone(),
                    data: s.from_device_order(&read_f32(v)?),
                })
            })
            .collect::<Result<Vec<_>, netspec::iree::Error>>()
            .map_err(e)?;
        checkpoint::save(&self.out, &after, &[("network".into(), N::NAME.into())])
            .map_err(|e| e.to_string())
    }
}

fn usage() -> ! {
    eprintln!(
        "usage: export_init MODEL OUT.safetensors [--seed N]\n       \
         export_init logits MODEL CKPT.safetensors INPUT.bin OUTPUT.bin\n       \
         export_init steps MODEL CKPT.safetensors IMAGES.bin LABELS.bin sgd|adamw LR \
         WEIGHT_DECAY OUT.safetensors [--steps N]\n       \
         export_init list"
    );
    exit(2);
}

fn run<T: ModelTask<Output = Result<(), String>>>(model: &str, task: T) -> Result<(), String> {
    with_model(model, task).map_err(|e| e.to_string())?
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["list"] => {
            for m in MODEL_NAMES {
                println!("{m}");
            }
            Ok(())
        }
        ["logits", model, ckpt, input, output] => run(
            model,
            Logits {
                ckpt: ckpt.into(),
                input: input.into(),
                output: output.into(),
            },
        ),
        ["steps", model, ckpt, images, labels, optimizer, lr, decay, out, rest @ ..] => {
            let steps = match rest {
                [] => Some(1),
                ["--steps", n] => n.parse().ok(),
                _ => None,
            };
            let (Some(steps), Ok(lr), Ok(weight_decay)) = (steps, lr.parse(), decay.parse()) else {
                usage()
            };
            let optimizer = match *optimizer {
                "sgd" => Optimizer::Sgd {
                    momentum: 0.9,
                    weight_decay,
                },
                "adamw" => Optimizer::Adam {
                    beta1: 0.9,
                    beta2: 0.999,
                    eps: 1e-8,
                    weight_decay,
                },
                _ => usage(),
            };
            run(
                model,
                Steps {
                    ckpt: ckpt.into(),
                    images: images.into(),
                    labels: labels.into(),
                    optimizer,
                    lr,
                    steps,
                    out: out.into(),
                },
            )
        }
        [model, out] => run(
            model,
            Init {
                out: out.into(),
                seed: 0,
            },
        ),
        [model, out, "--seed", seed] => match seed.parse() {
            Ok(seed) => run(
                model,
                Init {
                    out: out.into(),
                    seed,
                },
            ),
            Err(_) => usage(),
        },
        _ => usage(),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        exit(1);
    }
}
