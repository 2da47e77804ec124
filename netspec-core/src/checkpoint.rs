//! Safetensors checkpoints in PyTorch layout: f32, little-endian, names like `fc1.weight`.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use safetensors::tensor::TensorView;
use safetensors::{Dtype, SafeTensorError, SafeTensors};

pub use crate::params::NamedTensor;
use crate::params::ParamSpec;

/// What went wrong with a checkpoint: which file, what was wrong, what to do.
#[derive(Debug)]
pub enum CheckpointError {
    /// Reading, writing or renaming a file failed.
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    /// The file is not a readable safetensors file (truncated, corrupt, or something else).
    Malformed { path: PathBuf, problem: String },
    /// A tensor in the file is not f32.
    Dtype {
        path: PathBuf,
        tensor: String,
        dtype: String,
    },
    /// `save` was given tensors that cannot be written.
    InvalidTensor { path: PathBuf, problem: String },
    /// A tensor holds NaN or an infinity: the parameters of a run that diverged.
    NonFinite {
        path: PathBuf,
        tensor: String,
        index: usize,
        value: f32,
    },
    /// The checkpoint's tensors do not match the network's parameters.
    Mismatch {
        path: PathBuf,
        network: String,
        missing: Vec<(String, Vec<usize>)>,
        unexpected: Vec<String>,
        /// (name, checkpoint shape, network shape)
        shapes: Vec<(String, Vec<usize>, Vec<usize>)>,
    },
}

impl fmt::Display for CheckpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckpointError::Io {
                path,
                action,
                source,
            } => {
                let advice = if source.kind() == std::io::ErrorKind::StorageFull {
                    "free some space or choose another disk"
                } else {
                    "check the path and its permissions"
                };
                write!(
                    f,
                    "cannot {action} checkpoint {}: {source}; {advice}",
                    path.display()
                )
            }
            CheckpointError::Malformed { path, problem } => write!(
                f,
                "checkpoint {} is unreadable: {problem}; the file is damaged or not a \
                 safetensors checkpoint, save it again",
                path.display()
            ),
            CheckpointError::Dtype {
                path,
                tensor,
                dtype,
            } => write!(
                f,
                "checkpoint {}: tensor {tensor} has dtype {dtype}, but netspec only loads F32; \
                 convert the checkpoint to float32 (e.g. in PyTorch: tensor.float())",
                path.display()
            ),
            CheckpointError::InvalidTensor { path, problem } => {
                write!(f, "cannot save checkpoint {}: {problem}", path.display())
            }
            CheckpointError::NonFinite {
                path,
                tensor,
                index,
                value,
            } => write!(
                f,
                "checkpoint {}: tensor {tensor} holds {value} at index {index} (its first \
                 non-finite value); the run that saved it diverged, so use an earlier \
                 checkpoint or train again with a smaller learning rate",
                path.display()
            ),
            CheckpointError::Mismatch {
                path,
                network,
                missing,
                unexpected,
                shapes,
            } => {
                let mut problems = Vec::new();
                if !missing.is_empty() {
                    let names: Vec<String> =
                        missing.iter().map(|(n, s)| format!("{n} {s:?}")).collect();
                    problems.push(format!("missing {}", names.join(", ")));
                }
                if !unexpected.is_empty() {
                    problems.push(format!("unexpected {}", unexpected.join(", ")));
                }
                if !shapes.is_empty() {
                    let diffs: Vec<String> = shapes
                        .iter()
                        .map(|(n, c, w)| format!("{n}: checkpoint {c:?} vs network {w:?}"))
                        .collect();
                    problems.push(format!("shape mismatch {}", diffs.join(", ")));
                }
                write!(
                    f,
                    "checkpoint {} does not fit network {network}: {}; this checkpoint was \
                     probably saved from another network",
                    path.display(),
                    problems.join("; ")
                )
            }
        }
    }
}

impl std::error::Error for CheckpointError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CheckpointError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Prefix of the optimizer-state tensors in a training checkpoint (`optimizer:fc.weight.m`); no
/// parameter name holds ':'.
pub const OPTIMIZER_PREFIX: &str = "optimizer:";

/// The parameters and buffers of a checkpoint: a training checkpoint's optimizer state left out,
/// so it loads wherever a plain checkpoint does.
pub fn parameters_only(tensors: Vec<NamedTensor>) -> Vec<NamedTensor> {
    tensors
        .into_iter()
        .filter(|t| !t.name.starts_with(OPTIMIZER_PREFIX))
        .collect()
}

/// Writes `tensors` as F32 with optional string `metadata` (e.g. the network name).
///
/// Every value must be finite ([`CheckpointError::NonFinite`] otherwise): a checkpoint is
/// never replaced by the parameters of a run that diverged. The file is written atomically
/// ([`crate::atomic`]), so a crash never leaves a half-written checkpoint. Missing parent
/// directories are created.
pub fn save(
    path: &Path,
    tensors: &[NamedTensor],
    metadata: &[(String, String)],
) -> Result<(), CheckpointError> {
    let invalid = |problem: String| CheckpointError::InvalidTensor {
        path: path.into(),
        problem,
    };
    let mut seen = HashSet::new();
    for t in tensors {
        if !seen.insert(t.name.as_str()) {
            return Err(invalid(format!("tensor name {} appears twice", t.name)));
        }
        let elements = t
            .shape
            .iter()
            .try_fold(1usize, |acc, &d| acc.checked_mul(d));
        if elements != Some(t.data.len()) {
            return Err(invalid(format!(
                "tensor {} has shape {:?} but {} values",
                t.name,
                t.shape,
                t.data.len()
            )));
        }
    }
    check_finite(path, tensors)?;
    let bytes: Vec<Vec<u8>> = tensors
        .iter()
        .map(|t| t.data.iter().flat_map(|x| x.to_le_bytes()).collect())
        .collect();
    let mut views = Vec::with_capacity(tensors.len());
    for (t, b) in tensors.iter().zip(&bytes) {
        let view = TensorView::new(Dtype::F32, t.shape.clone(), b)
            .map_err(|e| invalid(format!("tensor {}: {}", t.name, describe(&e))))?;
        views.push((t.name.as_str(), view));
    }
    let info = (!metadata.is_empty()).then(|| metadata.iter().cloned().collect::<HashMap<_, _>>());
    let buffer = safetensors::serialize(views, &info)
        .map_err(|e| invalid(format!("serialisation failed: {}", describe(&e))))?;

    crate::atomic::write(path, &buffer).map_err(|source| CheckpointError::Io {
        path: path.into(),
        action: "write",
        source,
    })
}

/// The first NaN or infinity among `tensors`, in their order, as an error naming it.
fn check_finite(path: &Path, tensors: &[NamedTensor]) -> Result<(), CheckpointError> {
    for t in tensors {
        if let Some(index) = t.data.iter().position(|x| !x.is_finite()) {
            return Err(CheckpointError::NonFinite {
                path: path.into(),
                tensor: t.name.clone(),
                index,
                value: t.data[index],
            });
        }
    }
    Ok(())
}

/// Reads every tensor as f32, sorted by name. Any other dtype, a tensor name given twice and a
/// non-finite value are errors naming the tensor.
pub fn load(path: &Path) -> Result<Vec<NamedTensor>, CheckpointError> {
    parse(&read_file(path)?, path)
}

/// [`load`] on a checkpoint's bytes; `path` names it in errors.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Vec<NamedTensor>, CheckpointError> {
    check_unique_names(bytes, path)?;
    let st = SafeTensors::deserialize(bytes).map_err(|e| malformed(path, bytes, &e))?;
    let mut tensors = Vec::with_capacity(st.len());
    for (name, view) in st.iter() {
        if view.dtype() != Dtype::F32 {
            return Err(CheckpointError::Dtype {
                path: path.into(),
                tensor: name.to_string(),
                dtype: format!("{:?}", view.dtype()),
            });
        }
        let data = view
            .data()
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        tensors.push(NamedTensor {
            name: name.to_string(),
            shape: view.shape().to_vec(),
            data,
        });
    }
    tensors.sort_by(|a, b| a.name.cmp(&b.name));
    check_finite(path, &tensors)?;
    Ok(tensors)
}

/// [`load`] and [`load_metadata`] with one read of the file.
pub fn load_with_metadata(
    path: &Path,
) -> Result<(Vec<NamedTensor>, HashMap<String, String>), CheckpointError> {
    let bytes = read_file(path)?;
    Ok((parse(&bytes, path)?, parse_metadata(&bytes, path)?))
}

/// The string metadata stored with a checkpoint (empty if none).
pub fn load_metadata(path: &Path) -> Result<HashMap<String, String>, CheckpointError> {
    parse_metadata(&read_file(path)?, path)
}

/// [`load_metadata`] on a checkpoint's bytes; `path` names it in errors.
pub fn parse_metadata(
    bytes: &[u8],
    path: &Path,
) -> Result<HashMap<String, String>, CheckpointError> {
    let (_, meta) = SafeTensors::read_metadata(bytes).map_err(|e| malformed(path, bytes, &e))?;
    Ok(meta.metadata().clone().unwrap_or_default())
}

/// Reorders `loaded` to match `expected`'s names and shapes exactly. On any disagreement returns
/// one [`CheckpointError::Mismatch`] listing every missing, unexpected and misshapen tensor.
pub fn match_specs(
    path: &Path,
    network: &str,
    loaded: Vec<NamedTensor>,
    expected: &[ParamSpec],
) -> Result<Vec<NamedTensor>, CheckpointError> {
    let wanted: HashSet<&str> = expected.iter().map(|p| p.name.as_str()).collect();
    let mut unexpected: Vec<String> = loaded
        .iter()
        .filter(|t| !wanted.contains(t.name.as_str()))
        .map(|t| t.name.clone())
        .collect();
    unexpected.sort();
    let mut by_name: HashMap<String, NamedTensor> =
        loaded.into_iter().map(|t| (t.name.clone(), t)).collect();
    let mut missing = Vec::new();
    let mut shapes = Vec::new();
    let mut ordered = Vec::with_capacity(expected.len());
    for ParamSpec { name, shape, .. } in expected {
        match by_name.remove(name) {
            None => missing.push((name.clone(), shape.clone())),
            Some(t) if &t.shape != shape => shapes.push((name.clone(), t.shape, shape.clone())),
            Some(t) => ordered.push(t),
        }
    }
    if missing.is_empty() && unexpected.is_empty() && shapes.is_empty() {
        Ok(ordered)
    } else {
        Err(CheckpointError::Mismatch {
            path: path.into(),
            network: network.to_string(),
            missing,
            unexpected,
            shapes,
        })
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, CheckpointError> {
    std::fs::read(path).map_err(|source| CheckpointError::Io {
        path: path.into(),
        action: "read",
        source,
    })
}

/// Refuses a header that names a tensor twice. The safetensors crate reads the header into a
/// map where the last entry of a name silently wins, so the raw JSON is read here first.
fn check_unique_names(bytes: &[u8], path: &Path) -> Result<(), CheckpointError> {
    let Some(header) = header_bytes(bytes) else {
        // Unreadable: SafeTensors::deserialize says why.
        return Ok(());
    };
    match serde_json::from_slice::<HeaderKeys>(header) {
        Ok(HeaderKeys {
            repeated: Some(name),
        }) => Err(CheckpointError::Malformed {
            path: path.into(),
            problem: format!(
                "tensor name {name} appears twice in its header; one name cannot stand for two \
                 tensors"
            ),
        }),
        _ => Ok(()),
    }
}

/// The JSON header of a safetensors file: 8 bytes of length, then that many bytes.
fn header_bytes(bytes: &[u8]) -> Option<&[u8]> {
    let n = usize::try_from(u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?)).ok()?;
    bytes.get(8..8usize.checked_add(n)?)
}

/// The keys of a JSON object: the first one that appears twice (the values are skipped).
struct HeaderKeys {
    repeated: Option<String>,
}

impl<'de> serde::Deserialize<'de> for HeaderKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = HeaderKeys;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<HeaderKeys, A::Error> {
                let mut seen = HashSet::new();
                let mut repeated = None;
                while let Some(key) = map.next_key::<String>()? {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    if !seen.insert(key.clone()) && repeated.is_none() {
                        repeated = Some(key);
                    }
                }
                Ok(HeaderKeys { repeated })
            }
        }
        d.deserialize_map(Keys)
    }
}

/// Turns a safetensors parse error into a message; for size problems, says how many bytes
/// the header describes versus how many the file has.
fn malformed(path: &Path, bytes: &[u8], e: &SafeTensorError) -> CheckpointError {
    let problem = match (e, expected_file_len(bytes)) {
        (
            SafeTensorError::MetadataIncompleteBuffer | SafeTensorError::InvalidHeaderLength,
            Some(expected),
        ) => format!(
            "its header describes {expected} bytes but the file has {} (truncated?)",
            bytes.len()
        ),
        _ => describe(e),
    };
    CheckpointError::Malformed {
        path: path.into(),
        problem,
    }
}

/// Total file length the header describes: 8 + header + the largest data offset.
fn expected_file_len(bytes: &[u8]) -> Option<usize> {
    let header_bytes = header_bytes(bytes)?;
    let n = header_bytes.len();
    let header: serde_json::Value = serde_json::from_slice(header_bytes).ok()?;
    let data_end = header
        .as_object()?
        .values()
        .filter_map(|info| info.get("data_offsets")?.get(1)?.as_u64())
        .max()
        .unwrap_or(0);
    8usize
        .checked_add(n)?
        .checked_add(usize::try_from(data_end).ok()?)
}

fn describe(e: &SafeTensorError) -> String {
    match e {
        SafeTensorError::HeaderTooSmall => "file is shorter than the 8-byte header length".into(),
        SafeTensorError::InvalidHeaderLength => {
            "the header length points past the end of the file (truncated?)".into()
        }
        SafeTensorError::HeaderTooLarge => "the header length is implausibly large".into(),
        SafeTensorError::InvalidHeader | SafeTensorError::InvalidHeaderStart => {
            "the header is not UTF-8 JSON".into()
        }
        SafeTensorError::InvalidHeaderDeserialization => {
            "the header is not valid safetensors JSON".into()
        }
        SafeTensorError::MetadataIncompleteBuffer => {
            "the file size does not match the tensors its header describes (truncated?)".into()
        }
        SafeTensorError::InvalidOffset(name) => format!("tensor {name} has invalid data offsets"),
        SafeTensorError::TensorInvalidInfo => {
            "a tensor's byte size does not match its shape and dtype".into()
        }
        SafeTensorError::ValidationOverflow => "a tensor's shape overflows".into(),
        other => format!("{other:?}"),
    }
}
