//! Training with parameters and optimizer state resident on the device: per step only the batch
//! and two scalars (learning rate, step count) go in, and only the loss comes out.

use std::path::Path;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Instant;

use eerie::runtime::Value;
use indicatif::{ProgressBar, ProgressStyle};
use netspec_core::checkpoint::{self, NamedTensor};
use netspec_core::data::batch::{self, BatchSource};
use netspec_core::data::{DataError, Dataset};
use netspec_core::ir::Lowering;
use netspec_core::noise;
use netspec_core::params::ParamSpec;
use netspec_core::step::{self, StepConfig};
use netspec_core::Network;
use serde::{Deserialize, Serialize};

mod config;
mod parallel;
mod resume;

pub use config::{LossKind, OptimizerKind, TrainConfig};
pub use resume::TrainingState;

use crate::compile::{Compiler, Target};
use crate::distributed::{self, Collective};
use crate::error::Error;
use crate::predict::Predictor;
use crate::session::{read_f32, read_scalar, Device, Session};

#[derive(Clone, Debug, PartialEq)]
pub struct EpochStats {
    pub epoch: usize,
    /// Steps of this epoch, including those before a resume.
    pub steps: usize,
    /// The mean of `losses`.
    pub train_loss: f64,
    /// Each step's loss, in order.
    pub losses: Vec<f32>,
    /// Steps run by this call: fewer than `steps` in an epoch that was resumed.
    pub ran: usize,
    /// Time spent in this call.
    pub seconds: f64,
}

/// Where a run stands: the epoch last trained in (from 1; 0 before any), the loss of each of
/// its steps so far, and how many steps an epoch has. An epoch with fewer losses than steps
/// per epoch was stopped inside.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EpochProgress {
    pub epoch: usize,
    pub losses: Vec<f32>,
    /// Steps per epoch of the data trained on (0 before any epoch, and in training
    /// checkpoints written before it was recorded).
    #[serde(default)]
    pub steps_per_epoch: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EvalStats {
    pub loss: f64,
    pub accuracy: f64,
    pub examples: usize,
}

/// Whether data of `image_shape` (and `classes`, when given) fits `network`, which takes
/// images of `input` and has `outputs` classes.
pub fn check_data_fits(
    network: &str,
    input: &[usize],
    outputs: usize,
    image_shape: [usize; 3],
    classes: Option<usize>,
) -> Result<(), Error> {
    if input != image_shape {
        return Err(Error::ShapeMismatch {
            what: format!("image shape of the data set for {network}"),
            expected: input.to_vec(),
            got: image_shape.to_vec(),
        });
    }
    match classes {
        Some(c) if c != outputs => Err(Error::ShapeMismatch {
            what: format!("classes of the data set for {network}"),
            expected: vec![outputs],
            got: vec![c],
        }),
        _ => Ok(()),
    }
}

/// Labels of `classes` classes count from 0.
fn check_labels(labels: &[i32], classes: usize) -> Result<(), Error> {
    match labels
        .iter()
        .enumerate()
        .find(|(_, &l)| !(0..classes as i64).contains(&i64::from(l)))
    {
        Some((i, l)) => Err(Error::Data(DataError::InvalidArgument(format!(
            "label {l} of example {i} of the batch is outside the network's {classes} classes \
             0..{classes}"
        )))),
        None => Ok(()),
    }
}

fn mean(losses: &[f32]) -> f64 {
    losses.iter().map(|&l| f64::from(l)).sum::<f64>() / losses.len().max(1) as f64
}

pub struct Trainer {
    session: Session,
    params: Vec<Value>,
    opt_state: Vec<Value>,
    steps_done: usize,
    /// The epoch in progress and its losses so far.
    progress: EpochProgress,
    /// Set (by a Ctrl-C handler, say) to stop training between two steps.
    interrupt: Option<Arc<AtomicBool>>,
    /// The ranks this replica trains with (`grad_step`, sum, `apply_step`); `None` for one
    /// process (`train_step`).
    ranks: Option<Rc<dyn Collective>>,
    /// A data-parallel run's agreed stop: some rank was asked to stop, and every rank learnt
    /// it in the same step's sum.
    stop_agreed: bool,
    pub config: TrainConfig,
}

impl Trainer {
    /// Compiles (or loads from cache) the train step of `N` and places its parameters on the
    /// device: from `init` when given (checked against the network), else freshly initialised.
    /// Where this thread has a [`distributed::world`] of several ranks (an `mpirun` launch with
    /// the `mpi` feature), the trainer is one replica of a data-parallel run over them, and
    /// `config.batch_size` is each rank's share of the global batch (as in PyTorch DDP).
    pub fn new<N: Network>(
        compiler: &Compiler,
        config: TrainConfig,
        init: Option<Vec<NamedTensor>>,
        device: &Device,
    ) -> Result<Self, Error> {
        Self::with_ranks::<N>(compiler, config, init, device, distributed::world())
    }

    /// [`Trainer::new`] with the ranks given: `Some` compiles the data-parallel step
    /// (`grad_step`, `apply_step`) and sums between them with `ranks`, even a single one.
    pub fn with_ranks<N: Network>(
        compiler: &Compiler,
        config: TrainConfig,
        init: Option<Vec<NamedTensor>>,
        device: &Device,
        ranks: Option<Rc<dyn Collective>>,
    ) -> Result<Self, Error> {
        let target = device.default_target();
        Self::build::<N>(compiler, config, init, device, &target, None, ranks)
    }

    /// [`Trainer::new`] formulated and compiled for `target` rather than the device's own: a
    /// CPU this host can run (`cpu:znver3` on any AVX2 host, say), how the benchmark times one
    /// CPU class's code on a machine of a larger one.
    pub fn for_target<N: Network>(
        compiler: &Compiler,
        config: TrainConfig,
        init: Option<Vec<NamedTensor>>,
        device: &Device,
        target: &Target,
    ) -> Result<Self, Error> {
        Self::build::<N>(compiler, config, init, device, target, None, None)
    }

    /// [`Trainer::new`] with the train step formulated under `lowering` rather than the
    /// device's own, still compiled for the device: how the tests check another target's
    /// formulation on this machine.
    pub fn with_lowering<N: Network>(
        compiler: &Compiler,
        config: TrainConfig,
        init: Option<Vec<NamedTensor>>,
        device: &Device,
        lowering: Lowering,
    ) -> Result<Self, Error> {
        let target = device.default_target();
        Self::build::<N>(
            compiler,
            config,
            init,
            device,
            &target,
            Some(lowering),
            None,
        )
    }

    /// The trainer of `N` compiled for `target`, formulated under `lowering` where given, else
    /// under the target's own.
    fn build<N: Network>(
        compiler: &Compiler,
        config: TrainConfig,
        init: Option<Vec<NamedTensor>>,
        device: &Device,
        target: &Target,
        lowering: Option<Lowering>,
        ranks: Option<Rc<dyn Collective>>,
    ) -> Result<Self, Error> {
        config.check()?;
        let step_config = StepConfig {
            lowering: lowering.unwrap_or_else(|| target.lowering()),
            ..config.step_config(target)
        };
        let step = match ranks {
            Some(_) => step::build_data_parallel::<N>(step_config),
            None => step::build::<N>(step_config),
        };
        let session = Session::for_target(compiler, step, device, target)?;
        let params = init.unwrap_or_else(|| N::init_params(config.seed));
        let mut t = Trainer {
            session,
            params: vec![],
            opt_state: vec![],
            steps_done: 0,
            progress: EpochProgress::default(),
            interrupt: None,
            ranks,
            stop_agreed: false,
            config,
        };
        t.set_params(params)?;
        t.opt_state = t
            .session
            .step
            .opt_state
            .iter()
            .map(|s| {
                t.session
                    .exe
                    .upload_f32(&s.device_shape(), &vec![0.0; s.elements()])
            })
            .collect::<Result<_, _>>()?;
        Ok(t)
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn steps_done(&self) -> usize {
        self.steps_done
    }

    /// The epoch last trained in and its losses so far.
    pub fn epoch_progress(&self) -> &EpochProgress {
        &self.progress
    }

    /// Training stops between two steps once `flag` is set: `train_epoch` then returns
    /// [`Error::Interrupted`] and a [`Trainer::save_training`] continues the run exactly.
    pub fn stop_when(&mut self, flag: Arc<AtomicBool>) {
        self.interrupt = Some(flag);
    }

    /// A predictor with the current weights, on this trainer's device, for `batch` inputs per
    /// call. `N` must be the network this trainer trains.
    pub fn predictor<N: Network>(
        &self,
        compiler: &Compiler,
        batch: usize,
    ) -> Result<Predictor, Error> {
        if N::NAME != self.session.step.network {
            return Err(Error::Usage(format!(
                "this trainer trains {}, not {}",
                self.session.step.network,
                N::NAME
            )));
        }
        Predictor::new::<N>(compiler, self.params()?, batch, self.session.exe.device())
    }

    /// Replaces the parameters, after checking names and shapes against the network.
    pub fn set_params(&mut self, tensors: Vec<NamedTensor>) -> Result<(), Error> {
        let tensors = checkpoint::match_specs(
            Path::new("(given parameters)"),
            self.session.step.network,
            checkpoint::parameters_only(tensors),
            &self.session.step.params,
        )?;
        self.params = self.upload(&self.session.step.params, &tensors)?;
        Ok(())
    }

    /// Host tensors matched against `specs` onto the device, in the specs' device layout.
    fn upload(&self, specs: &[ParamSpec], tensors: &[NamedTensor]) -> Result<Vec<Value>, Error> {
        specs
            .iter()
            .zip(tensors)
            .map(|(s, t)| self.session.exe.upload_param(s, &t.data))
            .collect()
    }

    /// Device values of `specs` read back into host tensors in the specs' own layout.
    fn download(specs: &[ParamSpec], values: &[Value]) -> Result<Vec<NamedTensor>, Error> {
        specs
            .iter()
            .zip(values)
            .map(|(s, v)| {
                Ok(NamedTensor {
                    name: s.name.clone(),
                    shape: s.shape.clone(),
                    data: s.from_device_order(&read_f32(v)?),
                })
            })
            .collect()
    }

    /// Reads every parameter and buffer back from the device.
    pub fn params(&self) -> Result<Vec<NamedTensor>, Error> {
        Self::download(&self.session.step.params, &self.params)
    }

    /// Reads the optimizer state (momentum buffers, Adam moments) back from the device.
    pub fn optimizer_state(&self) -> Result<Vec<NamedTensor>, Error> {
        Self::download(&self.session.step.opt_state, &self.opt_state)
    }

    pub fn save(&self, path: &Path) -> Result<(), Error> {
        self.save_with_metadata(path, &[])
    }

    /// [`Trainer::save`] with more string metadata (e.g. `export::data_metadata`).
    pub fn save_with_metadata(&self, path: &Path, extra: &[(String, String)]) -> Result<(), Error> {
        let mut meta = vec![
            ("network".to_string(), self.session.step.network.to_string()),
            ("format".to_string(), "pt".to_string()),
        ];
        meta.extend_from_slice(extra);
        Ok(checkpoint::save(path, &self.params()?, &meta)?)
    }

    /// Loads a checkpoint, refusing one saved from another network.
    pub fn load(&mut self, path: &Path) -> Result<(), Error> {
        let loaded = checkpoint::load(path)?;
        let tensors = checkpoint::match_specs(
            path,
            self.session.step.network,
            checkpoint::parameters_only(loaded),
            &self.session.step.params,
        )?;
        self.set_params(tensors)
    }

    /// A batch of the compiled size, labels within the network's classes.
    fn check_batch(&self, images: &[f32], labels: &[i32]) -> Result<(), Error> {
        let step = &self.session.step;
        let batch = self.config.batch_size;
        let pixels: usize = step.input.shape.iter().product();
        if images.len() != pixels {
            return Err(Error::ShapeMismatch {
                what: format!("pixels in a train step's batch {:?}", step.input.shape),
                expected: vec![pixels],
                got: vec![images.len()],
            });
        }
        if labels.len() != batch {
            return Err(Error::ShapeMismatch {
                what: "labels in a train step's batch".into(),
                expected: vec![batch],
                got: vec![labels.len()],
            });
        }
        check_labels(labels, step.classes)
    }

    /// Whether `image_shape` and `classes` are the network's.
    fn check_fits(&self, image_shape: [usize; 3], classes: Option<usize>) -> Result<(), Error> {
        let step = &self.session.step;
        check_data_fits(
            step.network,
            &step.input.shape[1..],
            step.classes,
            image_shape,
            classes,
        )
    }

    /// A batch on the device with the step's noise masks, in the step functions' argument
    /// order after the parameters (and the optimizer's inputs): images, targets, masks.
    fn upload_batch(
        &self,
        images: &[f32],
        labels: &[i32],
        masks: Vec<NamedTensor>,
    ) -> Result<Vec<Value>, Error> {
        let exe = &self.session.exe;
        let mut batch = vec![
            exe.upload_f32(&self.session.step.input.shape, images)?,
            self.upload_target(labels)?,
        ];
        for m in masks {
            batch.push(exe.upload_f32(&m.shape, &m.data)?);
        }
        Ok(batch)
    }

    fn upload_target(&self, labels: &[i32]) -> Result<Value, Error> {
        let target = &self.session.step.target;
        match self.config.loss {
            LossKind::CrossEntropy => self.session.exe.upload_i32(&target.shape, labels),
            LossKind::MeanSquaredError => {
                let classes = target.shape[1];
                let mut onehot = vec![0.0f32; labels.len() * classes];
                for (i, l) in labels.iter().enumerate() {
                    onehot[i * classes + *l as usize] = 1.0;
                }
                self.session.exe.upload_f32(&target.shape, &onehot)
            }
        }
    }

    /// The dropout and stochastic-depth masks of train step `step` (counted from 0), in the
    /// train step's argument order: drawn from the run's seed, the same on every call.
    pub fn masks(&self, step: usize) -> Vec<NamedTensor> {
        let (inputs, depth_blocks) = self.session.step.noise();
        let draws = noise::draw_step(
            inputs,
            self.config.drop_path,
            depth_blocks,
            self.config.seed,
            step,
        );
        inputs
            .iter()
            .zip(draws)
            .map(|(n, data)| NamedTensor {
                name: n.name.clone(),
                shape: n.shape.clone(),
                data,
            })
            .collect()
    }

    /// One train step on a batch already gathered on the host. Returns the batch's loss.
    pub fn step(
        &mut self,
        images: &[f32],
        labels: &[i32],
        lr: f64,
        epoch: usize,
    ) -> Result<f32, Error> {
        self.check_batch(images, labels)?;
        if self.ranks.is_some() {
            return self.step_data_parallel(images, labels, lr, epoch);
        }
        let s = &self.session;
        let lr = s.exe.upload_f32(&[], &[lr as f32])?;
        let step = s.exe.upload_f32(&[], &[(self.steps_done + 1) as f32])?;
        let batch = self.upload_batch(images, labels, self.masks(self.steps_done))?;
        let inputs: Vec<Value> = self
            .params
            .iter()
            .chain(&self.opt_state)
            .cloned()
            .chain([lr, step])
            .chain(batch)
            .collect();
        let mut outs = s.exe.call("train_step", inputs)?;
        let loss = read_scalar(&outs.pop().expect("train_step returns the loss last"))?;
        if !loss.is_finite() {
            // The new parameters are dropped here; the last finite ones stay.
            return Err(self.non_finite(images, labels, epoch, loss));
        }
        self.opt_state = outs.split_off(self.params.len());
        self.params = outs;
        self.steps_done += 1;
        Ok(loss)
    }

    /// Why the loss of the next step became `loss`: a non-finite pixel of the batch, looked
    /// for only now (checking every batch would cost the fast steps), or the training itself.
    fn non_finite(&self, images: &[f32], labels: &[i32], epoch: usize, loss: f32) -> Error {
        if let Some(j) = images.iter().position(|x| !x.is_finite()) {
            let per_example = images.len() / labels.len();
            return Error::Data(DataError::InvalidArgument(format!(
                "example {} of the batch of step {} has pixel {} = {}; every pixel must be \
                 a finite number (the loss became {loss})",
                j / per_example,
                self.steps_done + 1,
                j % per_example,
                images[j]
            )));
        }
        Error::NonFiniteLoss {
            epoch,
            step: self.steps_done + 1,
            loss,
        }
    }

    /// Whether training stops before the next step: asked for here (one process), or agreed
    /// by all ranks in the last step's sum (data-parallel, so every rank stops after the same
    /// step).
    fn stop_now(&self) -> bool {
        if self.ranks.is_some() {
            return self.stop_agreed;
        }
        self.stop_asked()
    }

    fn stop_asked(&self) -> bool {
        self.interrupt
            .as_ref()
            .is_some_and(|f| f.load(Ordering::SeqCst))
    }

    /// One pass over `data` (the last partial batch is dropped, as PyTorch's drop_last); an
    /// epoch stopped inside (by `max_steps` or an interrupt, then saved and resumed) continues
    /// where it stopped.
    pub fn train_epoch(
        &mut self,
        data: &dyn BatchSource,
        epoch: usize,
    ) -> Result<EpochStats, Error> {
        let start = Instant::now();
        self.check_fits(data.image_shape(), None)?;
        let bs = self.config.batch_size;
        let (rank, ranks) = self.rank_and_ranks();
        let steps_per_epoch = data.len() / (bs * ranks);
        if steps_per_epoch == 0 {
            return Err(Error::Usage(format!(
                "{} training examples do not fill one batch of {bs}{}",
                data.len(),
                if ranks > 1 {
                    format!(" on each of {ranks} ranks")
                } else {
                    String::new()
                }
            )));
        }
        let schedule = self.config.schedule(steps_per_epoch);
        let order = batch::epoch_order(data.len(), self.config.seed, epoch, self.config.shuffle);
        if self.progress.epoch != epoch {
            self.progress = EpochProgress {
                epoch,
                losses: vec![],
                steps_per_epoch,
            };
        }
        self.progress.steps_per_epoch = steps_per_epoch;
        let first = self.progress.losses.len().min(steps_per_epoch);
        let remaining = self
            .config
            .max_steps
            .map(|m| m.saturating_sub(self.steps_done))
            .unwrap_or(usize::MAX);
        let steps = steps_per_epoch.min(first.saturating_add(remaining));
        let bar = self.progress_bar(steps as u64, epoch);
        bar.set_position(first as u64);
        // Batches are assembled (gathered, augmented, decoded) on a host thread while the
        // device runs the previous step; the channel holds two, so the host stays at most two
        // steps ahead.
        std::thread::scope(|scope| -> Result<(), Error> {
            let (tx, rx) = mpsc::sync_channel::<Result<(Vec<f32>, Vec<i32>), Error>>(2);
            let order = &order;
            scope.spawn(move || {
                for i in first..steps {
                    let (mut images, mut labels) = (Vec::new(), Vec::new());
                    let indices: Vec<usize> = distributed::shard(i, bs, rank, ranks)
                        .map(|p| order[p])
                        .collect();
                    // Augmentation draws from (epoch, step, rank): each rank its own.
                    let filled =
                        data.fill(&indices, epoch, i * ranks + rank, &mut images, &mut labels);
                    // A closed channel means the training loop stopped early: stop too.
                    if tx
                        .send(filled.map(|()| (images, labels)).map_err(Error::Data))
                        .is_err()
                    {
                        return;
                    }
                }
            });
            for i in first..steps {
                if self.stop_now() {
                    return Err(Error::Interrupted {
                        epoch,
                        step: self.steps_done,
                    });
                }
                let (images, labels) = rx
                    .recv()
                    .map_err(|_| Error::Usage("the batch producer stopped".into()))??;
                let lr = schedule.lr(self.steps_done);
                let loss = self.step(&images, &labels, lr, epoch)?;
                self.progress.losses.push(loss);
                bar.inc(1);
                if i % 20 == 0 {
                    bar.set_message(format!("loss {:.4}", mean(&self.progress.losses)));
                }
            }
            Ok(())
        })?;
        bar.finish_and_clear();
        self.check_replicas(epoch)?;
        Ok(EpochStats {
            epoch,
            steps: self.progress.losses.len(),
            train_loss: mean(&self.progress.losses),
            losses: self.progress.losses.clone(),
            ran: self.progress.losses.len() - first,
            seconds: start.elapsed().as_secs_f64(),
        })
    }

    /// Loss and accuracy over all of `data`; the last batch is padded and its padding weighted 0.
    /// An empty data set is an error: it measures nothing, which is not 0% accuracy.
    pub fn evaluate(&self, data: &Dataset) -> Result<EvalStats, Error> {
        self.check_fits(data.image_shape, Some(data.classes))?;
        data.check()?;
        if data.is_empty() {
            return Err(Error::Usage(
                "no test set: the data set to evaluate on holds no examples".into(),
            ));
        }
        let s = &self.session;
        let bs = self.config.batch_size;
        let order: Vec<usize> = (0..data.len()).collect();
        let (mut images, mut labels) = (Vec::new(), Vec::new());
        let (mut loss, mut correct) = (0.0f64, 0.0f64);
        // Ranks take every ranks-th batch; their sums add up below.
        let (rank, ranks) = self.rank_and_ranks();
        for chunk in order.chunks(bs).skip(rank).step_by(ranks) {
            let mut idx = chunk.to_vec();
            idx.resize(bs, chunk[0]);
            batch::gather(data, &idx, &mut images, &mut labels);
            let mut weight = vec![1.0f32; chunk.len()];
            weight.resize(bs, 0.0);
            let inputs: Vec<Value> = self
                .params
                .iter()
                .cloned()
                .chain([
                    s.exe.upload_f32(&s.step.input.shape, &images)?,
                    self.upload_target(&labels)?,
                    s.exe.upload_f32(&[bs], &weight)?,
                ])
                .collect();
            let outs = s.exe.call("eval_step", inputs)?;
            loss += read_scalar(&outs[0])? as f64;
            correct += read_scalar(&outs[1])? as f64;
        }
        if let Some(r) = &self.ranks {
            let mut sums = [loss, correct];
            r.sum_f64(&mut sums)?;
            [loss, correct] = sums;
        }
        let n = data.len() as f64;
        Ok(EvalStats {
            loss: loss / n,
            accuracy: correct / n,
            examples: data.len(),
        })
    }

    fn progress_bar(&self, len: u64, epoch: usize) -> ProgressBar {
        if !self.config.progress {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new(len);
        bar.set_style(
            ProgressStyle::with_template(
                "epoch {prefix} [{bar:30}] {pos}/{len} steps {msg} ({elapsed}, eta {eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar.set_prefix(epoch.to_string());
        bar
    }
}
