//! Safetensors checkpoints: round trips, matching against a network, and damaged files.

use std::path::PathBuf;

use netspec_core::checkpoint::{self, CheckpointError, NamedTensor};
use netspec_core::params::{Init, ParamSpec};

fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("netspec-ckpt-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn tensor(name: &str, shape: &[usize], first: f32) -> NamedTensor {
    let n = shape.iter().product::<usize>();
    NamedTensor {
        name: name.to_string(),
        shape: shape.to_vec(),
        data: (0..n).map(|i| first + i as f32 * 0.5).collect(),
    }
}

fn mlp() -> Vec<NamedTensor> {
    vec![
        tensor("fc1.weight", &[3, 4], -1.0),
        tensor("fc1.bias", &[3], 7.25),
        tensor("fc2.weight", &[2, 3], 1e-3),
        tensor("fc2.bias", &[2], f32::MIN_POSITIVE),
    ]
}

fn specs(tensors: &[NamedTensor]) -> Vec<ParamSpec> {
    tensors
        .iter()
        .map(|t| ParamSpec::new(&t.name, &t.shape, Init::Zeros))
        .collect()
}

#[test]
fn round_trip_with_metadata() {
    let path = temp_dir("roundtrip").join("nested/model.safetensors");
    let meta = vec![("network".to_string(), "MnistMlp".to_string())];
    checkpoint::save(&path, &mlp(), &meta).unwrap();
    let mut expected = mlp();
    expected.sort_by(|a, b| a.name.cmp(&b.name));
    assert_eq!(checkpoint::load(&path).unwrap(), expected);
    assert_eq!(
        checkpoint::load_metadata(&path).unwrap()["network"],
        "MnistMlp"
    );
    // No temp file is left next to the checkpoint.
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
    assert_eq!(names.len(), 1);
    // Overwriting works and replaces the contents.
    checkpoint::save(&path, &mlp()[..1], &[]).unwrap();
    assert_eq!(checkpoint::load(&path).unwrap(), vec![mlp()[0].clone()]);
    assert!(checkpoint::load_metadata(&path).unwrap().is_empty());
}

#[test]
fn match_specs_reorders_to_the_network() {
    let path = temp_dir("reorder").join("m.safetensors");
    checkpoint::save(&path, &mlp(), &[]).unwrap();
    let loaded = checkpoint::load(&path).unwrap();
    assert_ne!(loaded, mlp(), "load sorts by name, so the order differs");
    let matched = checkpoint::match_specs(&path, "MnistMlp", loaded, &specs(&mlp())).unwrap();
    assert_eq!(matched, mlp());
}

#[test]
fn match_specs_lists_every_problem_at_once() {
    let mut loaded = mlp();
    loaded.remove(2); // fc2.weight missing
    loaded[0].shape = vec![4, 3]; // fc1.weight transposed
    loaded.push(tensor("fc3.bias", &[1], 0.0));
    let err = checkpoint::match_specs(
        std::path::Path::new("model.safetensors"),
        "MnistMlp",
        loaded,
        &specs(&mlp()),
    )
    .unwrap_err();
    match &err {
        CheckpointError::Mismatch {
            missing,
            unexpected,
            shapes,
            ..
        } => {
            assert_eq!(missing, &vec![("fc2.weight".to_string(), vec![2, 3])]);
            assert_eq!(unexpected, &vec!["fc3.bias".to_string()]);
            assert_eq!(
                shapes,
                &vec![("fc1.weight".to_string(), vec![4, 3], vec![3, 4])]
            );
        }
        other => panic!("expected Mismatch, got {other:?}"),
    }
    assert_eq!(
        err.to_string(),
        "checkpoint model.safetensors does not fit network MnistMlp: missing fc2.weight [2, 3]; \
         unexpected fc3.bias; shape mismatch fc1.weight: checkpoint [4, 3] vs network [3, 4]; \
         this checkpoint was probably saved from another network"
    );
}

#[test]
fn truncated_checkpoint_is_a_clear_error() {
    let path = temp_dir("truncated").join("m.safetensors");
    checkpoint::save(&path, &mlp(), &[]).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() - 10]).unwrap();
    let err = checkpoint::load(&path).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, CheckpointError::Malformed { .. }), "{err:?}");
    assert!(msg.contains("m.safetensors"), "{msg}");
    let expected = format!(
        "describes {} bytes but the file has {}",
        bytes.len(),
        bytes.len() - 10
    );
    assert!(msg.contains(&expected), "{msg}");

    // Cut inside the header, and a tiny file.
    std::fs::write(&path, &bytes[..20]).unwrap();
    let msg = checkpoint::load(&path).unwrap_err().to_string();
    assert!(msg.contains("past the end of the file"), "{msg}");
    std::fs::write(&path, b"abc").unwrap();
    let msg = checkpoint::load(&path).unwrap_err().to_string();
    assert!(msg.contains("shorter than the 8-byte header"), "{msg}");

    let msg = checkpoint::load(&path.with_file_name("absent"))
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("cannot read checkpoint") && msg.contains("absent"),
        "{msg}"
    );
}

#[test]
fn non_f32_dtype_names_the_tensor() {
    use safetensors::tensor::TensorView;
    let path = temp_dir("dtype").join("half.safetensors");
    let f32_bytes = [0u8; 8];
    let f16_bytes = [0u8; 4];
    let views = vec![
        (
            "a.weight",
            TensorView::new(safetensors::Dtype::F32, vec![2], &f32_bytes).unwrap(),
        ),
        (
            "b.weight",
            TensorView::new(safetensors::Dtype::F16, vec![2], &f16_bytes).unwrap(),
        ),
    ];
    safetensors::serialize_to_file(views, &None, &path).unwrap();
    let err = checkpoint::load(&path).unwrap_err();
    assert!(
        matches!(&err, CheckpointError::Dtype { tensor, dtype, .. } if tensor == "b.weight" && dtype == "F16"),
        "{err:?}"
    );
    assert!(err.to_string().contains("only loads F32"));
}

#[test]
fn save_rejects_inconsistent_tensors() {
    let path = temp_dir("invalid").join("m.safetensors");
    let mut bad = tensor("w", &[2, 2], 0.0);
    bad.data.pop();
    let msg = checkpoint::save(&path, &[bad], &[])
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("tensor w has shape [2, 2] but 3 values"),
        "{msg}"
    );
    let dup = vec![tensor("w", &[1], 0.0), tensor("w", &[1], 1.0)];
    let msg = checkpoint::save(&path, &dup, &[]).unwrap_err().to_string();
    assert!(msg.contains("w appears twice"), "{msg}");
    assert!(!path.exists());
}
