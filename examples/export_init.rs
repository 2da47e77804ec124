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
//! `export_init list` prints the model names.

use std::path::PathBuf;
use std::process::exit;

use ndarray::{ArrayD, IxDyn};
use netspec::core::checkpoint;
use netspec::core::Network;
use netspec::iree::{Compiler, Device, Predictor};
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

fn usage() -> ! {
    eprintln!(
        "usage: export_init MODEL OUT.safetensors [--seed N]\n       \
         export_init logits MODEL CKPT.safetensors INPUT.bin OUTPUT.bin\n       \
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
