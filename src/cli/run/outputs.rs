//! What a run writes, and where: the final checkpoint (`--save`), the training checkpoint, the
//! metrics and the plot, checked against the inputs before anything runs; written at the end
//! by how the run ended. Only a finished run that trained replaces `--save`, its metrics and its
//! plot; every other ending leaves them as they were and puts its own result in a directory of
//! its own under the temporary directory, and so does any write whose destination fails (a full
//! disk). The training checkpoint goes to its place first, to that directory if it cannot.

use std::path::{Path, PathBuf};

use netspec_core::atomic::{self, PendingFile};
use netspec_iree::{Error, Trainer};

use super::epochs::{metrics_text, Ending, EpochLine, TrainingMetadata};
use crate::cli::paths::{self, Named};
use crate::cli::Options;
use crate::report;

/// Where a run writes.
pub struct Outputs {
    pub save: Option<PathBuf>,
    pub training_checkpoint: PathBuf,
    pub metrics: Option<PathBuf>,
    pub plot: Option<PathBuf>,
    /// Where results go that may not replace what is at their destination, or whose
    /// destination fails: `<temp>/netspec-<network>-<pid>`.
    pub fallback: PathBuf,
    /// Whether this process writes them: one process, or rank 0 of a data-parallel run.
    pub writes: bool,
}

impl Outputs {
    /// Metrics where `--metrics` says, else beside the checkpoint, with a PNG plot there too;
    /// the training checkpoint beside `--save` (`x.safetensors` -> `x.resume.safetensors`),
    /// else `<network>.resume.safetensors` here, unless a resumed run recorded its own.
    pub fn plan(o: &Options, network: &str, recorded: Option<&Path>) -> Self {
        let training_checkpoint = match (recorded, &o.save) {
            (Some(p), _) => p.to_path_buf(),
            (None, Some(p)) => p.with_extension("resume.safetensors"),
            (None, None) => PathBuf::from(format!("{}.resume.safetensors", network.to_lowercase())),
        };
        Outputs {
            metrics: o
                .metrics
                .clone()
                .or_else(|| o.save.as_ref().map(|p| p.with_extension("metrics.jsonl"))),
            plot: o.save.as_ref().map(|p| p.with_extension("png")),
            save: o.save.clone(),
            training_checkpoint,
            fallback: std::env::temp_dir().join(format!(
                "netspec-{}-{}",
                network.to_lowercase(),
                std::process::id()
            )),
            writes: netspec_iree::distributed::is_leader(),
        }
    }

    /// Refuses, before anything runs, outputs that clash with the inputs (`--init`,
    /// `--resume`, the data) or each other, name a directory or cannot be written.
    pub fn check(&self, o: &Options, data: &Path) -> Result<(), Error> {
        if !self.writes {
            return Ok(());
        }
        let mut outputs = vec![];
        if let Some(p) = &self.save {
            outputs.push(Named::new("--save", p));
        }
        outputs.push(Named::new(
            "the training checkpoint",
            &self.training_checkpoint,
        ));
        if let Some(p) = &self.metrics {
            let what = if o.metrics.is_some() {
                "--metrics"
            } else {
                "the metrics"
            };
            outputs.push(Named::new(what, p));
        }
        if let Some(p) = &self.plot {
            outputs.push(Named::new("the plot", p));
        }
        let mut inputs = vec![Named::new("the data", data)];
        if let Some(p) = &o.init {
            inputs.push(Named::new("--init", p));
        }
        if let Some(p) = &o.resume {
            inputs.push(Named::new("--resume", p));
        }
        // A resumed run's training checkpoint moves forward over the one it resumed from.
        paths::check(
            &outputs,
            &inputs,
            &[("the training checkpoint", "--resume")],
        )
    }

    /// The metrics file in the making beside its destination, holding a resumed run's epochs
    /// so far; it replaces the destination only when the run's result does.
    pub fn start_metrics(&self, lines: &[EpochLine]) -> Result<Option<PendingFile>, Error> {
        let Some(path) = self.metrics.as_ref().filter(|_| self.writes) else {
            return Ok(None);
        };
        let io = |source| Error::Io {
            path: path.clone(),
            source,
        };
        let mut pending = PendingFile::new(path).map_err(io)?;
        std::io::Write::write_all(pending.file(), metrics_text(lines).as_bytes()).map_err(io)?;
        Ok(Some(pending))
    }

    /// Writes what the run has by how it ended (see the module's note) and says where each
    /// thing went; returns the ending's error, if any.
    pub fn finish(&self, end: Finish<'_>) -> Result<(), Error> {
        let Finish {
            ending,
            trainer,
            network,
            lines,
            metrics,
            metadata,
            training_metadata,
            steps_run,
        } = end;
        if !self.writes {
            return match ending {
                Ending::Finished => Ok(()),
                Ending::Diverged(e) | Ending::Stopped(e) | Ending::Failed(e) => Err(e),
            };
        }
        let w = Writer {
            outputs: self,
            trainer,
            metadata,
            training_metadata,
            lines,
        };
        match ending {
            Ending::Finished if steps_run > 0 => w.result(network, metrics),
            Ending::Finished => {
                say!("no step was trained (--epochs or --steps leave none)");
                w.set_aside("untrained parameters", network);
                Ok(())
            }
            Ending::Diverged(e) => {
                w.set_aside("last finite parameters", network);
                Err(e)
            }
            Ending::Stopped(e) => {
                if let Some(at) = w.training_checkpoint() {
                    note!(
                        "a resumable checkpoint is in {0}: continue with --resume {0}",
                        at.display()
                    );
                }
                Err(e)
            }
            Ending::Failed(e) => {
                if let Some(at) = w.training_checkpoint() {
                    note!("continue the run with --resume {}", at.display());
                }
                w.set_aside("parameters", network);
                Err(e)
            }
        }
    }
}

/// What [`Outputs::finish`] is given.
pub struct Finish<'a> {
    pub ending: Ending,
    pub trainer: &'a Trainer,
    pub network: &'a str,
    pub lines: &'a [EpochLine],
    pub metrics: Option<PendingFile>,
    /// The final checkpoint's metadata.
    pub metadata: &'a [(String, String)],
    /// The training checkpoint's, given the epochs so far.
    pub training_metadata: TrainingMetadata<'a>,
    pub steps_run: usize,
}

struct Writer<'a> {
    outputs: &'a Outputs,
    trainer: &'a Trainer,
    metadata: &'a [(String, String)],
    training_metadata: TrainingMetadata<'a>,
    lines: &'a [EpochLine],
}

impl Writer<'_> {
    /// A finished run's result: the checkpoint replaces `--save`, and the metrics and plot go
    /// beside it; where the checkpoint's destination fails, all three go to the fallback.
    fn result(&self, network: &str, metrics: Option<PendingFile>) -> Result<(), Error> {
        let o = self.outputs;
        let Some(save) = &o.save else {
            if let (Some(path), Some(pending)) = (&o.metrics, metrics) {
                self.commit_metrics(path, pending)?;
                say!("metrics: {}", path.display());
            }
            return Ok(());
        };
        let params = self.trainer.params()?;
        let write = |p: &Path| Ok(netspec_core::checkpoint::save(p, &params, self.metadata)?);
        let (at, failed) = self.deliver("the trained parameters", save, &write)?;
        let moved = failed.is_some();
        if !moved {
            say!("saved {}", at.display());
        }
        let mut written = vec![];
        if let Some(path) = &o.metrics {
            let result = match (moved, metrics) {
                (false, Some(pending)) => self.commit_metrics(path, pending).map(|()| path.clone()),
                _ => self.write_metrics(&o.fallback.join(file_name(path))),
            };
            written.push(result?);
        }
        if let Some(path) = &o.plot {
            let dest = if moved {
                o.fallback.join(file_name(path))
            } else {
                path.clone()
            };
            written.push(self.write_plot(&dest, network)?);
        }
        let report = written
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" and ");
        if !report.is_empty() {
            say!("training report: {report}");
        }
        if o.training_checkpoint.exists() {
            say!("resumable: {}", o.training_checkpoint.display());
        }
        failed.map_or(Ok(()), Err)
    }

    /// Puts `what` (the trainer's parameters) and the epochs so far in the fallback, leaving
    /// `--save`, its metrics and its plot as they were; only where `--save` asked for a
    /// checkpoint.
    fn set_aside(&self, what: &str, network: &str) {
        let o = self.outputs;
        let Some(save) = &o.save else {
            return;
        };
        let dest = o.fallback.join(file_name(save));
        let saved = self
            .trainer
            .params()
            .and_then(|p| Ok(netspec_core::checkpoint::save(&dest, &p, self.metadata)?));
        let kept = if save.exists() {
            format!("{} was left as it was", save.display())
        } else {
            format!("nothing was written to {}", save.display())
        };
        match saved {
            Ok(()) => note!("{kept}; this run's {what} are in {}", dest.display()),
            Err(e) => note!("{kept}; this run's {what} could not be kept: {e}"),
        }
        if !self.lines.is_empty() {
            if let Some(path) = &o.metrics {
                let _ = self.write_metrics(&o.fallback.join(file_name(path)));
            }
            if let Some(path) = &o.plot {
                let _ = self.write_plot(&o.fallback.join(file_name(path)), network);
            }
            note!("its metrics so far are in {} too", o.fallback.display());
        }
    }

    /// The training checkpoint at its place, else in the fallback; where it went, if anywhere.
    fn training_checkpoint(&self) -> Option<PathBuf> {
        let write = |p: &Path| {
            self.trainer
                .save_training(p, &(self.training_metadata)(self.lines))
        };
        self.deliver(
            "the training checkpoint",
            &self.outputs.training_checkpoint,
            &write,
        )
        .ok()
        .map(|(at, _)| at)
    }

    fn deliver(
        &self,
        what: &str,
        dest: &Path,
        write: &dyn Fn(&Path) -> Result<(), Error>,
    ) -> Result<(PathBuf, Option<Error>), Error> {
        deliver(what, dest, &self.outputs.fallback, write)
    }

    fn commit_metrics(&self, path: &Path, pending: PendingFile) -> Result<(), Error> {
        pending.commit().map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    fn write_metrics(&self, path: &Path) -> Result<PathBuf, Error> {
        atomic::write(path, metrics_text(self.lines).as_bytes()).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(path.to_path_buf())
    }

    fn write_plot(&self, path: &Path, network: &str) -> Result<PathBuf, Error> {
        let records: Vec<_> = self.lines.iter().map(EpochLine::record).collect();
        let steps: Vec<_> = self.lines.iter().map(EpochLine::steps).collect();
        report::write_with_steps(path, Some(network), &records, &steps).map_err(|source| {
            Error::Io {
                path: path.to_path_buf(),
                source,
            }
        })?;
        Ok(path.to_path_buf())
    }
}

/// Writes with `write` to `dest`, else into `fallback` (saying so); where it went, with the
/// destination's error where it failed.
fn deliver(
    what: &str,
    dest: &Path,
    fallback: &Path,
    write: &dyn Fn(&Path) -> Result<(), Error>,
) -> Result<(PathBuf, Option<Error>), Error> {
    let e = match write(dest) {
        Ok(()) => return Ok((dest.to_path_buf(), None)),
        Err(e) => e,
    };
    let instead = fallback.join(file_name(dest));
    match write(&instead) {
        Ok(()) => {
            note!(
                "{what}: {} could not be written ({e}); saved to {} instead",
                dest.display(),
                instead.display()
            );
            Ok((instead, Some(e)))
        }
        Err(e2) => {
            note!(
                "{what}: {} could not be written ({e}), nor {}: {e2}",
                dest.display(),
                instead.display()
            );
            Err(e)
        }
    }
}

fn file_name(p: &Path) -> PathBuf {
    PathBuf::from(p.file_name().unwrap_or(p.as_os_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A destination whose writes fail as a full disk's do: the content lands in the
    /// fallback, and the path returned says so.
    #[test]
    fn a_failing_destination_sends_the_write_to_the_fallback() {
        let root = std::env::temp_dir().join(format!("netspec-deliver-{}", std::process::id()));
        let (dest, fallback) = (root.join("full/cnn.safetensors"), root.join("fallback"));
        let write = |p: &Path| {
            if p.starts_with(root.join("full")) {
                return Err(Error::Io {
                    path: p.to_path_buf(),
                    source: std::io::Error::from(std::io::ErrorKind::StorageFull),
                });
            }
            atomic::write(p, b"weights").map_err(|source| Error::Io {
                path: p.to_path_buf(),
                source,
            })
        };
        let (at, failed) = deliver("the parameters", &dest, &fallback, &write).unwrap();
        assert_eq!(at, fallback.join("cnn.safetensors"));
        assert!(failed.unwrap().to_string().contains("full/cnn.safetensors"));
        assert_eq!(std::fs::read(&at).unwrap(), b"weights");
        assert!(!dest.exists());
        // Both failing: the destination's error comes back.
        let nowhere = |p: &Path| {
            Err(Error::Io {
                path: p.to_path_buf(),
                source: std::io::Error::from(std::io::ErrorKind::StorageFull),
            })
        };
        let err = deliver("the parameters", &dest, &fallback, &nowhere).unwrap_err();
        assert!(err.to_string().contains("full/cnn.safetensors"), "{err}");
        let _ = std::fs::remove_dir_all(&root);
    }
}
