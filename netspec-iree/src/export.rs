//! Export: a trained network as files that run without netspec.
//!
//! `export` writes into one directory
//! - `model.mlir`: the forward module in evaluation mode as StableHLO, weights embedded as
//!   constants, one function `predict(x: [batch, ..input]) -> logits [batch, classes]`;
//! - `model.vmfb`: that module compiled by IREE for the named target, which IREE's runtime
//!   alone runs (`iree-run-module --module=model.vmfb --function=predict --input=@x.npy`);
//! - `weights.safetensors`: every parameter and buffer, in PyTorch's names and layout;
//! - `manifest.json`: what a caller must know: input shape and dtype, the pixel scale and the
//!   normalisation the network was trained with, the classes, the target (with the concrete
//!   CPU behind `host`), the files, and the command that runs it.
//!
//! The directory is written whole beside its destination and swapped into place
//! ([`netspec_core::atomic::PendingDir`]): a reader sees the earlier export or the new one,
//! never a mix. A directory that holds anything but an earlier export is not replaced.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use netspec_core::atomic;
use netspec_core::checkpoint::{self, NamedTensor};
use netspec_core::data::Normalization;
use netspec_core::emit;
use netspec_core::forward::{self, Weights};
use netspec_core::Network;

use crate::compile::{Compiler, Target};
use crate::error::Error;

/// What an export is compiled for and what its manifest records.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    pub target: Target,
    /// Inputs per call of the exported function.
    pub batch: usize,
    /// How inputs were normalised in training (`(x - mean) / std` per channel), if they were:
    /// a caller must do the same before `predict`.
    pub normalization: Option<Normalization>,
    /// The name of each class, by index (empty: unnamed).
    pub class_names: Vec<String>,
}

/// The files an export wrote and how long its compile took.
#[derive(Clone, Debug)]
pub struct Exported {
    pub mlir: PathBuf,
    pub vmfb: PathBuf,
    pub weights: PathBuf,
    pub manifest: PathBuf,
    pub compile_seconds: f64,
}

/// Checkpoint metadata keys for what an export records of the training data (JSON values).
pub const NORMALIZATION_KEY: &str = "normalization";
pub const CLASS_NAMES_KEY: &str = "class_names";

/// The metadata a checkpoint keeps of its training data: `(key, JSON)` pairs for
/// [`netspec_core::checkpoint::save`]; [`ExportOptions::with_checkpoint_metadata`] reads them.
pub fn data_metadata(
    normalization: Option<&Normalization>,
    class_names: &[String],
) -> Vec<(String, String)> {
    let mut meta = vec![(
        CLASS_NAMES_KEY.to_string(),
        serde_json::json!(class_names).to_string(),
    )];
    if let Some(n) = normalization {
        meta.push((
            NORMALIZATION_KEY.to_string(),
            serde_json::json!({"mean": n.mean, "std": n.std}).to_string(),
        ));
    }
    meta
}

impl ExportOptions {
    /// Takes the normalisation and class names a checkpoint's metadata records (see
    /// [`data_metadata`]); what it does not record stays as it is.
    pub fn with_checkpoint_metadata(mut self, meta: &HashMap<String, String>) -> Self {
        let floats = |v: &serde_json::Value| -> Option<Vec<f32>> {
            v.as_array()?
                .iter()
                .map(|x| x.as_f64().map(|x| x as f32))
                .collect()
        };
        if let Some(v) = meta
            .get(NORMALIZATION_KEY)
            .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
        {
            if let (Some(mean), Some(std)) = (floats(&v["mean"]), floats(&v["std"])) {
                self.normalization = Some(Normalization { mean, std });
            }
        }
        if let Some(names) = meta
            .get(CLASS_NAMES_KEY)
            .and_then(|t| serde_json::from_str::<Vec<String>>(t).ok())
        {
            if !names.is_empty() {
                self.class_names = names;
            }
        }
        self
    }
}

pub const MLIR_FILE: &str = "model.mlir";
pub const VMFB_FILE: &str = "model.vmfb";
pub const WEIGHTS_FILE: &str = "weights.safetensors";
pub const MANIFEST_FILE: &str = "manifest.json";

/// The files an export directory holds.
pub const FILES: [&str; 7] = [
    MLIR_FILE,
    VMFB_FILE,
    WEIGHTS_FILE,
    MANIFEST_FILE,
    netspec_core::ir::kernel_call::DIRECT_CONV_OBJECT,
    netspec_core::ir::kernel_call::MATMUL_OBJECT,
    netspec_core::ir::kernel_call::ATTENTION_OBJECT,
];

/// Writes `N` with `params` (all parameters and buffers, checked against `N`) as the directory
/// `dir`, which must not exist, be empty, or hold an earlier export (which is replaced whole).
pub fn export<N: Network>(
    compiler: &Compiler,
    params: Vec<NamedTensor>,
    dir: &Path,
    options: &ExportOptions,
) -> Result<Exported, Error> {
    if options.batch == 0 {
        return Err(Error::Usage("the export batch must be at least 1".into()));
    }
    let classes: usize = N::output_shape().iter().product();
    if !options.class_names.is_empty() && options.class_names.len() != classes {
        return Err(Error::ShapeMismatch {
            what: format!("class names for {}", N::NAME),
            expected: vec![classes],
            got: vec![options.class_names.len()],
        });
    }
    let params = checkpoint::match_specs(
        Path::new("(exported parameters)"),
        N::NAME,
        params,
        &N::params(),
    )?;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    check_replaceable(dir)?;
    let target_cpu = match &options.target {
        Target::HostCpu => Some(compiler.host_cpu()?),
        Target::Cpu { cpu } => Some(cpu.clone()),
        Target::Cuda { .. } => None,
    };
    let pending = atomic::PendingDir::new(dir).map_err(io(dir))?;
    let staged = pending.path().to_path_buf();

    let module = forward::build::<N>(
        options.batch,
        Weights::Embedded(&params),
        options.target.lowering(),
    );
    let text = emit::module_text(&module.module);
    std::fs::write(staged.join(MLIR_FILE), &text).map_err(io(&staged.join(MLIR_FILE)))?;
    // netspec's own kernels the module links (`ir/kernel_call.rs`), for recompiling its StableHLO;
    // the vmfb holds them already.
    let objects = crate::compile::kernel_objects_in(&text, &options.target);
    for (name, bytes) in &objects {
        std::fs::write(staged.join(name), bytes).map_err(io(&staged.join(name)))?;
    }
    let start = Instant::now();
    let vmfb_bytes = compiler.compile_uncached(
        &module.module.name,
        &text,
        &options.target,
        &module.module.lowering(),
    )?;
    let compile_seconds = start.elapsed().as_secs_f64();
    std::fs::write(staged.join(VMFB_FILE), &vmfb_bytes).map_err(io(&staged.join(VMFB_FILE)))?;
    checkpoint::save(
        &staged.join(WEIGHTS_FILE),
        &params,
        &[
            ("network".to_string(), N::NAME.to_string()),
            ("format".to_string(), "pt".to_string()),
        ],
    )?;
    let input_shape = &module.input.shape;
    let device = match options.target {
        Target::Cuda { .. } => "cuda",
        _ => "local-task",
    };
    let preprocess = match &options.normalization {
        Some(_) => {
            "pixel values scaled to [0, 1] (8-bit values divided by 255), then normalized \
                    per channel as `normalization` says"
        }
        None => "pixel values scaled to [0, 1] (8-bit values divided by 255); no normalization",
    };
    let manifest = serde_json::json!({
        "format": "netspec-export",
        "version": 1,
        "network": N::NAME,
        "parameters": N::parameter_count(),
        "function": forward::FUNCTION,
        "module": module.module.name,
        "input": {
            "shape": module.input.shape,
            "dtype": "float32",
            "layout": if module.input.shape.len() == 4 { "NCHW" } else { "row-major" },
            "pixel_range": [0.0, 1.0],
            "preprocess": preprocess,
        },
        "output": {
            "shape": module.output.shape,
            "dtype": "float32",
            "meaning": "logits (apply softmax for probabilities)",
        },
        "normalization": options.normalization.as_ref().map(|n| serde_json::json!({
            "mean": n.mean,
            "std": n.std,
            "applies": "(x - mean[c]) / std[c] per channel c, to pixels scaled to [0, 1]",
        })),
        "classes": classes,
        "class_names": options.class_names,
        "target": options.target.name(),
        "target_cpu": target_cpu,
        "iree_compiler": compiler.revision(),
        "run": {
            "command": format!(
                "iree-run-module --module={VMFB_FILE} --device={device} --function={} \
                 --input=@x.npy",
                forward::FUNCTION
            ),
            "x.npy": format!(
                "float32 array of shape {input_shape:?}, prepared as input.preprocess says"
            ),
            "tool": "iree-run-module of IREE's runtime tools (pip install iree-base-runtime)",
        },
        "files": {
            "stablehlo": MLIR_FILE,
            "vmfb": VMFB_FILE,
            "weights": WEIGHTS_FILE,
            "objects": objects.iter().map(|(name, _)| *name).collect::<Vec<_>>(),
        },
        "recompile": objects.first().map(|_| format!(
            "iree-compile {MLIR_FILE} --iree-hal-executable-object-search-path=. (with the \
             target flags): the module links netspec's kernels in `files.objects`"
        )),
    });
    let pretty = serde_json::to_string_pretty(&manifest).expect("a JSON value serialises");
    let manifest_path = staged.join(MANIFEST_FILE);
    std::fs::write(&manifest_path, pretty + "\n").map_err(io(&manifest_path))?;
    pending.commit().map_err(io(dir))?;
    Ok(Exported {
        mlir: dir.join(MLIR_FILE),
        vmfb: dir.join(VMFB_FILE),
        weights: dir.join(WEIGHTS_FILE),
        manifest: dir.join(MANIFEST_FILE),
        compile_seconds,
    })
}

/// Refuses to replace a directory that holds anything but an earlier export: replacing it
/// would delete what a user keeps there.
fn check_replaceable(dir: &Path) -> Result<(), Error> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
            return Err(Error::Usage(format!(
                "{} is a file, not an export directory; choose another path",
                dir.display()
            )))
        }
        Err(source) => {
            return Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            })
        }
    };
    let mut foreign: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !FILES.contains(&name.as_str()))
        .collect();
    foreign.sort();
    let is_export = std::fs::read_to_string(dir.join(MANIFEST_FILE))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .is_some_and(|m| m["format"] == "netspec-export");
    let empty = foreign.is_empty() && !FILES.iter().any(|f| dir.join(f).exists());
    if empty || (is_export && foreign.is_empty()) {
        return Ok(());
    }
    let why = if is_export {
        format!("besides an earlier export it holds {}", foreign.join(", "))
    } else {
        format!(
            "it is not an earlier export (no netspec {MANIFEST_FILE}) and holds {}",
            if foreign.is_empty() {
                "export-named files".to_string()
            } else {
                foreign.join(", ")
            }
        )
    };
    Err(Error::Usage(format!(
        "{} cannot be replaced by an export: {why}; an export replaces its directory whole, so \
         move those files out or export to another directory",
        dir.display()
    )))
}
