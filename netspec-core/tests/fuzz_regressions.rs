//! Every input a fuzz run found that broke a reader (`fuzz/regressions/<target>/`) is read
//! again here: each must be refused with an error naming the file, not a panic or an abort.

use std::path::{Path, PathBuf};

use netspec_core::checkpoint;
use netspec_core::data::{cifar, digits, idx, image};

/// The reader each fuzz target drives, as the target calls it; the error's message.
fn read(target: &str, bytes: &[u8], path: &Path) -> Result<(), String> {
    let text = |e: &dyn std::fmt::Display| e.to_string();
    match target {
        "idx" | "idx_gzip" => idx::decode(bytes, path).map(drop).map_err(|e| text(&e)),
        "cifar" => cifar::parse(bytes, path).map(drop).map_err(|e| text(&e)),
        "jpeg" | "png" => image::decode(bytes, path, 73)
            .map(drop)
            .map_err(|e| text(&e)),
        "checkpoint" => checkpoint::parse(bytes, path)
            .map(drop)
            .map_err(|e| text(&e)),
        "digits_json" => digits::parse_class(bytes, path)
            .map(drop)
            .map_err(|e| text(&e)),
        other => panic!("no reader for fuzz target {other}"),
    }
}

#[test]
fn inputs_found_by_fuzzing_are_refused_cleanly() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions");
    let mut seen = 0;
    for target in std::fs::read_dir(&root).expect("fuzz/regressions") {
        let target = target.unwrap().path();
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        for input in std::fs::read_dir(&target).unwrap() {
            let path = input.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            match read(&name, &bytes, &path) {
                Ok(()) => panic!("{} was accepted", path.display()),
                Err(message) => assert!(
                    message.contains(&path.display().to_string()),
                    "{}: {message}",
                    path.display()
                ),
            }
            seen += 1;
        }
    }
    assert!(seen > 0, "no regression inputs under {}", root.display());
}
