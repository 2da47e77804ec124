//! Interoperability helper for scripts/torchvision_interop.py.
//!
//! `export_init MODEL OUT.safetensors [--seed N]` writes MODEL's freshly initialised parameters
//! and buffers (PyTorch names and layouts) without compiling anything.
//!
//! `export_init logits MODEL CKPT.safetensors INPUT.bin OUTPUT.bin` loads CKPT into MODEL,
//! compiles one function `logits(params.., x) -> y` (the forward pass in evaluation mode) with
//! IREE, runs it on INPUT.bin (f32 little-endian NCHW; the batch is the file size over one
//! example's size) and writes the logits as f32 little-endian to OUTPUT.bin.
//!
//! `export_init list` prints the model names.

use std::path::Path;
use std::process::exit;

use netspec::core::checkpoint;
use netspec::core::ir::{Graph, Module, TensorType};
use netspec::core::layers::Mode;
use netspec::core::Network;
use netspec::iree::{read_f32, Compiler, Device, Executable};
use netspec::models::*;

/// Calls `$f::<N>(args..)` for the network named `$name`.
macro_rules! dispatch {
    ($name:expr, $f:ident ( $($arg:expr),* )) => {
        match $name {
            "MnistLinear" => $f::<MnistLinear>($($arg),*),
            "MnistMlp" => $f::<MnistMlp>($($arg),*),
            "MnistCnn" => $f::<MnistCnn>($($arg),*),
            "CifarBn" => $f::<CifarBn>($($arg),*),
            "ResNet34" => $f::<ResNet34>($($arg),*),
            "ResNet34At32" => $f::<ResNet34At32>($($arg),*),
            "MobileNetV2" => $f::<MobileNetV2>($($arg),*),
            "MobileNetV2At32" => $f::<MobileNetV2At32>($($arg),*),
            "EfficientNetB0" => $f::<EfficientNetB0>($($arg),*),
            "EfficientNetB0At32" => $f::<EfficientNetB0At32>($($arg),*),
            "ConvNeXtTiny" => $f::<ConvNeXtTiny>($($arg),*),
            "ConvNeXtTinyAt32" => $f::<ConvNeXtTinyAt32>($($arg),*),
            "ViTTiny" => $f::<ViTTiny>($($arg),*),
            "ViTTinyAt32" => $f::<ViTTinyAt32>($($arg),*),
            other => Err(format!("unknown model {other}; `export_init list` names them")),
        }
    };
}

const MODELS: &[&str] = &[
    "MnistLinear",
    "MnistMlp",
    "MnistCnn",
    "CifarBn",
    "ResNet34",
    "ResNet34At32",
    "MobileNetV2",
    "MobileNetV2At32",
    "EfficientNetB0",
    "EfficientNetB0At32",
    "ConvNeXtTiny",
    "ConvNeXtTinyAt32",
    "ViTTiny",
    "ViTTinyAt32",
];

fn export<N: Network>(out: &Path, seed: u64) -> Result<(), String> {
    let tensors = N::init_params(seed);
    checkpoint::save(out, &tensors, &[("network".into(), N::NAME.into())])
        .map_err(|e| e.to_string())?;
    eprintln!(
        "{}: {} tensors, {} trainable scalars -> {}",
        N::NAME,
        tensors.len(),
        N::parameter_count(),
        out.display()
    );
    Ok(())
}

fn logits<N: Network>(ckpt: &Path, input: &Path, output: &Path) -> Result<(), String> {
    let params = N::params();
    let expected: Vec<(String, Vec<usize>)> = params
        .iter()
        .map(|p| (p.name.clone(), p.shape.clone()))
        .collect();
    let loaded = checkpoint::load(ckpt).map_err(|e| e.to_string())?;
    let tensors =
        checkpoint::match_specs(ckpt, N::NAME, loaded, &expected).map_err(|e| e.to_string())?;

    let per_example: usize = N::input_shape().iter().product();
    let bytes = std::fs::read(input).map_err(|e| format!("reading {}: {e}", input.display()))?;
    if bytes.is_empty() || bytes.len() % (4 * per_example) != 0 {
        return Err(format!(
            "{} has {} bytes, not a positive multiple of 4 x {per_example} (one {:?} example)",
            input.display(),
            bytes.len(),
            N::input_shape()
        ));
    }
    let batch = bytes.len() / (4 * per_example);
    let x: Vec<f32> = bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    let mut x_shape = vec![batch];
    x_shape.extend(N::input_shape());

    let mut g = Graph::new("logits");
    let p: Vec<_> = params
        .iter()
        .map(|s| g.arg(&s.name, TensorType::f32(&s.shape)))
        .collect();
    let xv = g.arg("x", TensorType::f32(&x_shape));
    let fwd = N::forward(&mut g, xv, &p, Mode::Eval);
    let module = Module {
        name: "interop_logits".into(),
        functions: vec![g.finish(vec![fwd.y])],
    };

    let compiler = Compiler::new().map_err(|e| e.to_string())?;
    let t0 = std::time::Instant::now();
    let exe =
        Executable::load(&compiler, &module, &Device::LocalTask).map_err(|e| e.to_string())?;
    eprintln!(
        "{}: compiled in {:.1}s (cache: {}, wall {:.1}s)",
        N::NAME,
        exe.compile.seconds,
        exe.compile.from_cache,
        t0.elapsed().as_secs_f64()
    );
    let mut inputs = Vec::with_capacity(tensors.len() + 1);
    for t in &tensors {
        inputs.push(
            exe.upload_f32(&t.shape, &t.data)
                .map_err(|e| e.to_string())?,
        );
    }
    inputs.push(exe.upload_f32(&x_shape, &x).map_err(|e| e.to_string())?);
    let t1 = std::time::Instant::now();
    let out = exe.call("logits", inputs).map_err(|e| e.to_string())?;
    let y = read_f32(&out[0]).map_err(|e| e.to_string())?;
    eprintln!(
        "{}: batch {batch}, {} outputs in {:.2}s",
        N::NAME,
        y.len(),
        t1.elapsed().as_secs_f64()
    );
    let y_bytes: Vec<u8> = y.iter().flat_map(|v| v.to_le_bytes()).collect();
    std::fs::write(output, y_bytes).map_err(|e| format!("writing {}: {e}", output.display()))?;
    Ok(())
}

fn usage() -> ! {
    eprintln!(
        "usage: export_init MODEL OUT.safetensors [--seed N]\n       \
         export_init logits MODEL CKPT.safetensors INPUT.bin OUTPUT.bin\n       \
         export_init list"
    );
    exit(2);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["list"] => {
            for m in MODELS {
                println!("{m}");
            }
            Ok(())
        }
        ["logits", model, ckpt, input, output] => dispatch!(
            *model,
            logits(Path::new(ckpt), Path::new(input), Path::new(output))
        ),
        [model, out] => dispatch!(*model, export(Path::new(out), 0)),
        [model, out, "--seed", seed] => match seed.parse() {
            Ok(seed) => dispatch!(*model, export(Path::new(out), seed)),
            Err(_) => usage(),
        },
        _ => usage(),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        exit(1);
    }
}
