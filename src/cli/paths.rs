//! What a run writes checked against what it reads, before anything runs: no output may be an
//! input, lie inside an input directory, be another output, or name a directory; every output
//! must be writable. Paths are compared by their canonical form, so `./a`, `a` and a link to
//! `a` are one file.

use std::path::{Component, Path, PathBuf};

use netspec_iree::Error;

/// A path a command names, with the flag (or description) that names it.
#[derive(Clone, Debug)]
pub struct Named {
    pub what: String,
    pub path: PathBuf,
}

impl Named {
    pub fn new(what: impl Into<String>, path: impl Into<PathBuf>) -> Self {
        Named {
            what: what.into(),
            path: path.into(),
        }
    }
}

/// Refuses `outputs` that clash with `inputs` or with each other, or that cannot be written.
/// An input that is a directory (a data set) clashes with every output inside it. `allowed`
/// pairs (output, input) by their `what` may be the same file: a run's training checkpoint
/// moving forward over the one it resumed from.
pub fn check(outputs: &[Named], inputs: &[Named], allowed: &[(&str, &str)]) -> Result<(), Error> {
    for (i, out) in outputs.iter().enumerate() {
        check_names_a_file(out)?;
        for input in inputs {
            if !allowed.contains(&(out.what.as_str(), input.what.as_str())) {
                clash(out, input)?;
            }
        }
        let out_real = canonical(&out.path);
        if let Some(other) = outputs[..i].iter().find(|o| canonical(&o.path) == out_real) {
            return Err(Error::Usage(format!(
                "{} {} is also {} {}: one would overwrite the other; choose another {}",
                out.what,
                out.path.display(),
                other.what,
                other.path.display(),
                out.what
            )));
        }
        check_writable(out)?;
    }
    Ok(())
}

/// Refuses an output that is the input, or lies inside it where the input is a directory
/// (or is a directory holding the input).
pub fn clash(out: &Named, input: &Named) -> Result<(), Error> {
    let (out_real, in_real) = (canonical(&out.path), canonical(&input.path));
    let problem = if out_real == in_real {
        "is also"
    } else if input.path.is_dir() && out_real.starts_with(&in_real) {
        "lies inside"
    } else if in_real.starts_with(&out_real) {
        "holds"
    } else {
        return Ok(());
    };
    Err(Error::Usage(format!(
        "{} {} {problem} {} {}: the run would overwrite what it reads; choose another {}",
        out.what,
        out.path.display(),
        input.what,
        input.path.display(),
        out.what
    )))
}

/// An output must name a file: not an existing directory, not a path ending in `/`.
fn check_names_a_file(out: &Named) -> Result<(), Error> {
    let text = out.path.as_os_str().to_string_lossy();
    if out.path.is_dir() || text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
        return Err(Error::Usage(format!(
            "{} {} names a directory; name a file in it, such as {}",
            out.what,
            out.path.display(),
            out.path.join("model.safetensors").display()
        )));
    }
    Ok(())
}

/// Fails early, with the path, where an output could not be written at the end: creates its
/// directory and a probe file there (removed at once).
fn check_writable(out: &Named) -> Result<(), Error> {
    let dir = match out.path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let cannot = |e: std::io::Error| {
        Error::Usage(format!(
            "cannot write {} {} ({e}); choose another path before training starts",
            out.what,
            out.path.display()
        ))
    };
    std::fs::create_dir_all(&dir).map_err(cannot)?;
    let probe = dir.join(format!(".netspec-write-probe-{}", std::process::id()));
    std::fs::File::create(&probe).map_err(cannot)?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// The path with links resolved and `.`/`..` folded, also for a path that does not exist yet
/// (its nearest existing ancestor resolved, the rest appended).
pub fn canonical(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut missing = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in missing.iter().rev() {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::CurDir => {}
                    other => out.push(other),
                }
            }
            return out;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                missing.push(last);
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_name_one_file_compare_equal() {
        let dir = std::env::temp_dir().join(format!("netspec-paths-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        assert_eq!(
            canonical(&dir.join("sub/../x.safetensors")),
            canonical(&dir.join("x.safetensors"))
        );
        assert_eq!(
            canonical(&dir.join("new/./y")),
            canonical(&dir.join("new/y"))
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
