//! A training run from the command line, in stages: what the run is (a new one, or the one a
//! training checkpoint records: `record`), its data, its outputs checked against its inputs
//! (`outputs`), the trainer, the epoch loop (`epochs`), then its results written by how it
//! ended: the checkpoint, the metrics, the plot, or what a stopped or failed run keeps
//! (`outputs` again).

mod epochs;
mod outputs;
mod record;

use std::time::Instant;

use netspec_core::checkpoint;
use netspec_core::data::batch::{Augmented, BatchSource};
use netspec_core::data::folder::RandomResizedCrops;
use netspec_core::data::Dataset;
use netspec_core::Network;
use netspec_iree::{check_data_fits, export, Compiler, Error, Trainer};

pub use epochs::EpochLine;
pub use record::recorded_resolution;

use super::data::{load_data, LoadedData, TrainSet, DATASET_KEY};
use super::{signals, Options};
use epochs::Epochs;
use outputs::{Finish, Outputs};
use record::{Resumed, RunRecord, RECORDS_KEY, RUN_KEY};

/// A finished run's figures.
#[derive(Clone, Debug)]
pub struct RunReport {
    /// `None` where there is no test set.
    pub final_test_accuracy: Option<f64>,
    pub final_train_loss: f64,
    pub compile_seconds: f64,
    /// The data set trained on (the fallback, where the one asked for was absent), as
    /// `--dataset` names it.
    pub dataset: String,
}

pub fn run<N: Network>(given: &Options) -> Result<RunReport, Error> {
    let t0 = Instant::now();
    let input: [usize; 3] = N::input_shape()
        .try_into()
        .map_err(|_| Error::Usage(format!("{} does not take images [C, H, W]", N::NAME)))?;
    let (mut o, resumed) = record::resolve(given)?;
    o.config.check()?;
    o.device.check_available()?;
    // A data-parallel run: rank 0 alone shows progress and writes (`Outputs::writes`).
    let ranks = netspec_iree::distributed::world().map_or(1, |w| w.ranks());
    o.config.progress &= netspec_iree::distributed::is_leader();
    let data = load_data(&o, input)?;
    let steps_per_epoch = check_fits::<N>(&data.train, &data.test, o.config.batch_size * ranks)?;
    if let Some(r) = &resumed {
        r.check_continues(&o, steps_per_epoch)?;
    }
    let recorded = resumed
        .as_ref()
        .and_then(|r| r.training_checkpoint.as_deref());
    let outputs = Outputs::plan(&o, N::NAME, recorded);
    outputs.check(&o, &data.dir)?;
    say!("{}: {} parameters", N::NAME, N::parameter_count());
    if ranks > 1 {
        say!(
            "  data-parallel on {ranks} ranks: batch {} per rank, {} in all",
            o.config.batch_size,
            o.config.batch_size * ranks
        );
    }
    say!("  {} ({:.1} s)", data.notes, t0.elapsed().as_secs_f64());
    if data.test.is_empty() {
        say!("  no test set: test loss and accuracy are not measured");
    }

    let metadata = checkpoint_metadata(&data);
    let record = RunRecord::new(
        &o,
        &data.dataset,
        &data.dir,
        outputs.metrics.as_deref(),
        &outputs.training_checkpoint,
    );
    let training_metadata = |lines: &[EpochLine]| {
        let mut m = metadata.clone();
        m.push((
            RUN_KEY.into(),
            serde_json::to_string(&record).expect("serialises"),
        ));
        m.push((
            RECORDS_KEY.into(),
            serde_json::to_string(lines).expect("serialises"),
        ));
        m
    };
    // Before anything compiles: LLVM installs its own SIGINT/SIGTERM/SIGHUP handlers when it
    // first runs, and it hands a signal on to a handler that was there before it, while
    // ctrlc does not install over one.
    let stop = signals::stop_flag();
    let compiler = Compiler::new()?;
    let (mut trainer, lines, first_epoch) = start::<N>(&compiler, &o, resumed, steps_per_epoch)?;
    trainer.stop_when(stop);
    let compile = trainer.session().exe.compile.clone();
    say!(
        "train step compiled for batch {} in {:.2} s{}",
        o.config.batch_size,
        compile.seconds,
        if compile.from_cache {
            " (from cache)"
        } else {
            ""
        }
    );

    let source = batch_source(&data, &o, input[1]);
    let mut epochs = Epochs {
        config: &o.config,
        metrics: outputs.start_metrics(&lines)?,
        lines,
        training_checkpoint: (o.save.is_some() && outputs.writes)
            .then_some(outputs.training_checkpoint.as_path()),
        metadata: &training_metadata,
        steps_run: 0,
    };
    let ending = epochs.run(&mut trainer, source.as_ref(), &data.test, first_epoch);
    let report = RunReport {
        final_test_accuracy: epochs.lines.last().and_then(|l| l.test_accuracy),
        final_train_loss: epochs.lines.last().map_or(f64::NAN, |l| l.train_loss),
        compile_seconds: compile.seconds,
        dataset: data.dataset.to_string(),
    };
    outputs.finish(Finish {
        ending,
        trainer: &trainer,
        network: N::NAME,
        lines: &epochs.lines,
        metrics: epochs.metrics.take(),
        metadata: &metadata,
        training_metadata: &training_metadata,
        steps_run: epochs.steps_run,
    })?;
    if let Some(peak) = netspec_iree::memory::peak_resident_bytes().map(netspec_iree::memory::mib) {
        say!(
            "peak memory {peak:.0} MiB, {:.0} s in all",
            t0.elapsed().as_secs_f64()
        );
    }
    Ok(report)
}

/// The trainer, the epochs so far and the epoch to train next: a resumed run's, or a new one
/// from `--init` or freshly initialised.
fn start<N: Network>(
    compiler: &Compiler,
    o: &Options,
    resumed: Option<Resumed>,
    steps_per_epoch: usize,
) -> Result<(Trainer, Vec<EpochLine>, usize), Error> {
    let Some(r) = resumed else {
        let init = match &o.init {
            Some(p) => Some(checkpoint::load(p)?),
            None => None,
        };
        let trainer = Trainer::new::<N>(compiler, o.config.clone(), init, &o.device)?;
        return Ok((trainer, vec![], 1));
    };
    let (mut trainer, state) = Trainer::resume::<N>(compiler, &r.path, &o.device)?;
    // Longer (--epochs, --steps) and quieter (--quiet) are a resumed run's own to choose.
    trainer.config.epochs = o.config.epochs;
    trainer.config.max_steps = o.config.max_steps;
    trainer.config.progress = o.config.progress;
    let first = record::first_epoch(&state, steps_per_epoch);
    say!(
        "resuming {} after step {} (epoch {}), as it was started",
        r.path.display(),
        state.steps_done,
        state.progress.epoch
    );
    if let Some(before) = state.resharded_from {
        say!(
            "  it was trained on {before} rank(s); on {} rank(s) its global batch {} is kept: \
             batch {} per rank",
            state.ranks,
            state.config.batch_size * state.ranks,
            state.config.batch_size
        );
    }
    Ok((trainer, r.lines, first))
}

/// What every checkpoint of the run keeps of its data: the data set's name (which
/// `examples/predict.rs` loads by default), its normalisation and class names.
fn checkpoint_metadata(data: &LoadedData) -> Vec<(String, String)> {
    let mut m = vec![(DATASET_KEY.to_string(), data.dataset.to_string())];
    m.extend(export::data_metadata(
        data.normalization.as_ref(),
        &data.class_names,
    ));
    m
}

/// Training batches: in-memory images augmented as asked, or an image folder cropped anew
/// each epoch at `resolution`.
fn batch_source<'a>(
    data: &'a LoadedData,
    o: &Options,
    resolution: usize,
) -> Box<dyn BatchSource + 'a> {
    let seed = o.config.seed;
    match &data.train {
        TrainSet::Images { data, fill } => Box::new(Augmented {
            data,
            augment: o.augment,
            fill: fill.clone(),
            seed,
        }),
        TrainSet::Folder(folder) => Box::new(RandomResizedCrops {
            folder,
            resolution,
            seed,
        }),
    }
}

/// Refuses, before anything is compiled, data that training `N` would trip over later;
/// returns the steps per epoch.
fn check_fits<N: Network>(train: &TrainSet, test: &Dataset, batch: usize) -> Result<usize, Error> {
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
    Ok(len / batch)
}
