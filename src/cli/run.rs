//! A training run from the command line: compile, train epoch by epoch with evaluation, the
//! report, metrics and checkpoints.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use netspec_core::checkpoint;
use netspec_core::data::batch::{Augmented, BatchSource};
use netspec_core::data::folder::RandomResizedCrops;
use netspec_core::data::Dataset;
use netspec_core::Network;
use netspec_iree::{check_data_fits, export, Compiler, Error, TrainConfig, Trainer};

use super::data::{load_data, LoadedData, TrainSet, DATASET_KEY};
use super::Options;
use crate::report::{self, EpochRecord};

/// A finished run's figures.
#[derive(Clone, Debug)]
pub struct RunReport {
    pub final_test_accuracy: f64,
    pub final_train_loss: f64,
    pub compile_seconds: f64,
}

/// The checkpoint metadata key of the per-epoch records a training checkpoint keeps, so a
/// resumed run's report and metrics continue.
const RECORDS_KEY: &str = "epoch_records";

/// Set by Ctrl-C; training stops between two steps and writes a resumable checkpoint. A second
/// Ctrl-C ends the process at once.
fn interrupt_flag() -> Arc<AtomicBool> {
    static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        let seen = flag.clone();
        // Another handler (the embedding program's) keeps precedence: then Ctrl-C is its own.
        let _ = ctrlc::try_set_handler(move || {
            if seen.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
            eprintln!("\ninterrupted: stopping after this step to write a resumable checkpoint (Ctrl-C again to quit now)");
        });
        flag
    })
    .clone()
}

/// Where a run's training checkpoint goes: beside `--save` (`x.safetensors` ->
/// `x.resume.safetensors`), else `<network>.resume.safetensors` in the working directory.
fn resume_path(o: &Options, network: &str) -> PathBuf {
    match &o.save {
        Some(p) => p.with_extension("resume.safetensors"),
        None => PathBuf::from(format!("{}.resume.safetensors", network.to_lowercase())),
    }
}

pub fn run<N: Network>(o: &Options) -> Result<RunReport, Error> {
    let t0 = Instant::now();
    let input: [usize; 3] = N::input_shape()
        .try_into()
        .map_err(|_| Error::Usage(format!("{} does not take images [C, H, W]", N::NAME)))?;
    // A resumed run continues with the configuration it was started with.
    let resumed_state = match &o.resume {
        Some(p) => Some(Trainer::training_state(p)?),
        None => None,
    };
    let config = match &resumed_state {
        Some(s) => TrainConfig {
            progress: o.config.progress,
            ..s.config.clone()
        },
        None => o.config.clone(),
    };
    config.check()?;
    o.device.check_available()?;
    let LoadedData {
        train,
        test,
        notes,
        normalization,
        class_names,
    } = load_data(o, input)?;
    check_fits::<N>(&train, &test, config.batch_size)?;
    println!("{}: {} parameters", N::NAME, N::parameter_count());
    println!("  {notes} ({:.1} s)", t0.elapsed().as_secs_f64());
    let seed = config.seed;
    let source: Box<dyn BatchSource + '_> = match &train {
        TrainSet::Images { data, fill } => Box::new(Augmented {
            data,
            augment: o.augment,
            fill: fill.clone(),
            seed,
        }),
        TrainSet::Folder(folder) => Box::new(RandomResizedCrops {
            folder,
            resolution: input[1],
            seed,
        }),
    };
    let data_name = o.dataset.to_string();
    let mut metadata = vec![(DATASET_KEY.to_string(), data_name.clone())];
    metadata.extend(export::data_metadata(normalization.as_ref(), &class_names));

    // Metrics go where --metrics says, else beside the checkpoint, with a PNG plot there too.
    // Every output path is checked before anything is compiled or trained.
    let metrics_path = o
        .metrics
        .clone()
        .or_else(|| o.save.as_ref().map(|p| p.with_extension("metrics.jsonl")));
    let plot_path = o.save.as_ref().map(|p| p.with_extension("png"));
    let resume_to = resume_path(o, N::NAME);
    for p in o
        .save
        .iter()
        .chain(&metrics_path)
        .chain(&plot_path)
        .chain([&resume_to])
    {
        check_writable(p)?;
    }

    let compiler = Compiler::new()?;
    let (mut trainer, mut records) = match &o.resume {
        Some(p) => {
            let (mut trainer, state) = Trainer::resume::<N>(&compiler, p, &o.device)?;
            trainer.config.progress = config.progress;
            if state.metadata.get(DATASET_KEY) != Some(&data_name) {
                return Err(Error::Usage(format!(
                    "{} was trained on {}, but this command line names {data_name}; pass the \
                     same --dataset (and --data) to resume",
                    p.display(),
                    state
                        .metadata
                        .get(DATASET_KEY)
                        .map_or("an unnamed data set", |s| s.as_str())
                )));
            }
            let records: Vec<EpochRecord> = state
                .metadata
                .get(RECORDS_KEY)
                .and_then(|r| serde_json::from_str(r).ok())
                .unwrap_or_default();
            println!(
                "resuming {} after step {} (epoch {}), with its configuration",
                p.display(),
                state.steps_done,
                state.progress.epoch
            );
            (trainer, records)
        }
        None => {
            let init = match &o.init {
                Some(p) => Some(checkpoint::load(p)?),
                None => None,
            };
            let trainer = Trainer::new::<N>(&compiler, config.clone(), init, &o.device)?;
            (trainer, vec![])
        }
    };
    let interrupt = interrupt_flag();
    interrupt.store(false, Ordering::SeqCst);
    trainer.stop_when(interrupt);
    let compile = trainer.session().exe.compile.clone();
    println!(
        "train step compiled for batch {} in {:.2} s{}",
        config.batch_size,
        compile.seconds,
        if compile.from_cache {
            " (from cache)"
        } else {
            ""
        }
    );

    let mut metrics = match &metrics_path {
        Some(p) => Some(
            std::fs::OpenOptions::new()
                .create(true)
                .write(true)
                .append(o.resume.is_some())
                .truncate(o.resume.is_none())
                .open(p)
                .map_err(|e| Error::Io {
                    path: p.clone(),
                    source: e,
                })?,
        ),
        None => None,
    };
    let mut report = RunReport {
        final_test_accuracy: records.last().map_or(0.0, |r| r.test_accuracy),
        final_train_loss: records.last().map_or(f64::NAN, |r| r.train_loss),
        compile_seconds: compile.seconds,
    };
    let steps_per_epoch = match &train {
        TrainSet::Images { data, .. } => data.len(),
        TrainSet::Folder(f) => f.len(),
    } / config.batch_size;
    let progress = trainer.epoch_progress();
    let first_epoch = if progress.epoch == 0 {
        1
    } else if progress.losses.len() >= steps_per_epoch {
        progress.epoch + 1
    } else {
        progress.epoch
    };
    let with_records = |records: &[EpochRecord]| {
        let mut m = metadata.clone();
        m.push((
            RECORDS_KEY.to_string(),
            serde_json::to_string(records).expect("records serialise"),
        ));
        m
    };
    for epoch in first_epoch..=config.epochs {
        if config.max_steps.is_some_and(|m| trainer.steps_done() >= m) {
            break;
        }
        let stats = match trainer.train_epoch(source.as_ref(), epoch) {
            Ok(stats) => stats,
            Err(e @ Error::NonFiniteLoss { .. }) => {
                // The trainer kept the last finite parameters: keep them on disk too.
                if let Some(p) = &o.save {
                    // Its own failure is reported inside; the loss is the error to return.
                    let _ = save_or_fall_back(&trainer, p, &metadata);
                }
                return Err(e);
            }
            Err(e @ Error::Interrupted { .. }) => {
                trainer.save_training(&resume_to, &with_records(&records))?;
                eprintln!(
                    "a resumable checkpoint is in {0}: continue with --resume {0}",
                    resume_to.display()
                );
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        let eval = trainer.evaluate(&test)?;
        println!(
            "epoch {epoch:>3}/{}  train_loss {:.4}  test_loss {:.4}  test_accuracy {:.2}%  {:.1} s  ({} steps, {:.0} ms/step)",
            config.epochs,
            stats.train_loss,
            eval.loss,
            100.0 * eval.accuracy,
            stats.seconds,
            stats.steps,
            1e3 * stats.seconds / stats.ran.max(1) as f64
        );
        records.push(EpochRecord {
            epoch,
            train_loss: stats.train_loss,
            test_loss: eval.loss,
            test_accuracy: eval.accuracy,
        });
        if let Some(p) = &plot_path {
            report::write(p, Some(N::NAME), &records).map_err(|e| Error::Io {
                path: p.clone(),
                source: e,
            })?;
        }
        if let (Some(f), Some(p)) = (&mut metrics, &metrics_path) {
            let line = serde_json::json!({
                "epoch": epoch,
                "steps": trainer.steps_done(),
                "train_loss": stats.train_loss,
                "test_loss": eval.loss,
                "test_accuracy": eval.accuracy,
                "seconds": stats.seconds,
            });
            writeln!(f, "{line}").map_err(|e| Error::Io {
                path: p.clone(),
                source: e,
            })?;
        }
        if o.save.is_some() {
            trainer.save_training(&resume_to, &with_records(&records))?;
        }
        report.final_test_accuracy = eval.accuracy;
        report.final_train_loss = stats.train_loss;
    }
    if let Some(p) = &o.save {
        save_or_fall_back(&trainer, p, &metadata)?;
        if let (Some(m), Some(plot)) = (&metrics_path, &plot_path) {
            println!(
                "training report: {} and {}; resumable: {}",
                plot.display(),
                m.display(),
                resume_to.display()
            );
        }
    }
    if let Some(peak) = netspec_iree::memory::peak_resident_bytes().map(netspec_iree::memory::mib) {
        println!(
            "peak memory {peak:.0} MiB, {:.0} s in all",
            t0.elapsed().as_secs_f64()
        );
    }
    Ok(report)
}

/// Refuses, before anything is compiled, data that training `N` would trip over later.
fn check_fits<N: Network>(train: &TrainSet, test: &Dataset, batch: usize) -> Result<(), Error> {
    let (len, shape, classes) = match train {
        TrainSet::Images { data, .. } => (data.len(), data.image_shape, data.classes),
        TrainSet::Folder(f) => (f.len(), test.image_shape, f.classes().len()),
    };
    let outputs: usize = N::output_shape().iter().product();
    check_data_fits(N::NAME, &N::input_shape(), outputs, shape, Some(classes))?;
    if len < batch {
        return Err(Error::Usage(format!(
            "{len} training examples do not fill one batch of {batch}; pass a smaller \
             --batch-size"
        )));
    }
    Ok(())
}

/// Fails early, with the path, where an output file could not be written at the end: creates
/// its directory and a probe file beside it (removed at once).
fn check_writable(path: &Path) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let cannot = |e: std::io::Error| {
        Error::Usage(format!(
            "cannot write {} ({e}); choose another path before training starts",
            path.display()
        ))
    };
    std::fs::create_dir_all(&dir).map_err(cannot)?;
    let probe = dir.join(format!(".netspec-write-probe-{}", std::process::id()));
    std::fs::File::create(&probe).map_err(cannot)?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// Saves the trained parameters to `path`; if that fails (a full disk, say), to a file in the
/// temporary directory, and says where. The checkpoint at `path` before the run stays intact
/// either way (checkpoints are written to a temporary file and renamed).
fn save_or_fall_back(
    trainer: &Trainer,
    path: &Path,
    metadata: &[(String, String)],
) -> Result<(), Error> {
    match trainer.save_with_metadata(path, metadata) {
        Ok(()) => {
            println!("saved {}", path.display());
            Ok(())
        }
        Err(e) => {
            let name = path
                .file_name()
                .map_or("netspec".into(), |n| n.to_string_lossy());
            let fallback = std::env::temp_dir().join(format!("{}-{name}", std::process::id()));
            match trainer.save_with_metadata(&fallback, metadata) {
                Ok(()) => {
                    eprintln!(
                        "error: {e}; the trained parameters were saved to {} instead",
                        fallback.display()
                    );
                    Err(e)
                }
                Err(e2) => {
                    eprintln!(
                        "error: {e}; saving to {} failed too: {e2}",
                        fallback.display()
                    );
                    Err(e)
                }
            }
        }
    }
}
