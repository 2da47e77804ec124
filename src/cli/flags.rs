//! The examples' flags, parsed by clap and merged onto an example's [`Defaults`].

use std::path::{Path, PathBuf};

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, FromArgMatches, Parser, ValueEnum};
use netspec_core::data::augment::Augment;
use netspec_iree::{Device, Error, LossKind, OptimizerKind};

use super::{DataChoice, Defaults, Options};

/// `--loss`'s values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LossArg {
    /// Softmax cross-entropy.
    #[value(alias = "cross-entropy")]
    Ce,
    /// Mean squared error against one-hot labels.
    Mse,
}

/// `--device`'s values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DeviceArg {
    LocalTask,
    LocalSync,
    Cuda,
}

impl From<LossArg> for LossKind {
    fn from(l: LossArg) -> Self {
        match l {
            LossArg::Ce => LossKind::CrossEntropy,
            LossArg::Mse => LossKind::MeanSquaredError,
        }
    }
}

impl From<DeviceArg> for Device {
    fn from(d: DeviceArg) -> Self {
        match d {
            DeviceArg::LocalTask => Device::LocalTask,
            DeviceArg::LocalSync => Device::LocalSync,
            DeviceArg::Cuda => Device::Cuda,
        }
    }
}

/// The flags every example takes. Each is optional: what is not given comes from the
/// example's [`Defaults`] (see [`Flags::merge`]). A flag given twice takes its last value.
#[derive(Clone, Debug, Default, Parser)]
#[command(
    about = "Trains a netspec network: every example takes these flags",
    args_override_self = true,
    max_term_width = 100
)]
pub struct Flags {
    /// the data set's directory, or a folder holding it (as data/, which scripts/setup.sh fills)
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// mnist | fashion-mnist | cifar10 | imagenette | folder:PATH (class folders of images)
    #[arg(long, value_name = "NAME", value_parser = parse_dataset)]
    pub dataset: Option<DataChoice>,
    /// passes over the training set
    #[arg(long, value_name = "N")]
    pub epochs: Option<usize>,
    /// examples per step (the module is compiled for it)
    #[arg(long, value_name = "N")]
    pub batch_size: Option<usize>,
    /// base learning rate
    #[arg(long, value_name = "X")]
    pub lr: Option<f64>,
    /// sgd | adam (adam's weight decay is decoupled, as AdamW)
    #[arg(long, value_name = "NAME", hide_possible_values = true, value_parser = optimizer_parser())]
    pub optimizer: Option<OptimizerKind>,
    /// SGD momentum
    #[arg(long, value_name = "X")]
    pub momentum: Option<f64>,
    /// weight decay (L2 for SGD, decoupled for Adam)
    #[arg(long, value_name = "X")]
    pub weight_decay: Option<f64>,
    /// cosine decay of the learning rate to 0
    #[arg(long)]
    pub cosine: bool,
    /// linear warmup before that
    #[arg(long, value_name = "N")]
    pub warmup_epochs: Option<usize>,
    /// label smoothing of the cross-entropy
    #[arg(long, value_name = "X")]
    pub label_smoothing: Option<f64>,
    /// stochastic-depth rate of the last block (ConvNeXt, EfficientNet)
    #[arg(long, value_name = "X")]
    pub drop_path: Option<f64>,
    /// ce | mse (mse against one-hot labels)
    #[arg(long, value_name = "NAME", hide_possible_values = true)]
    pub loss: Option<LossArg>,
    /// random crop (padding 4) and horizontal flip of training images
    #[arg(long, overrides_with = "no_augment")]
    pub augment: bool,
    /// no random crop and flip
    #[arg(long, overrides_with = "augment")]
    pub no_augment: bool,
    /// initialisation and shuffling
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// stop after N train steps
    #[arg(long, value_name = "N")]
    pub steps: Option<usize>,
    /// train on the first N examples only
    #[arg(long, value_name = "N")]
    pub train_limit: Option<usize>,
    /// evaluate on the first N test examples only
    #[arg(long, value_name = "N")]
    pub test_limit: Option<usize>,
    /// keep the training examples in order
    #[arg(long)]
    pub no_shuffle: bool,
    /// start from a safetensors checkpoint
    #[arg(long, value_name = "FILE")]
    pub init: Option<PathBuf>,
    /// write a safetensors checkpoint at the end
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    /// one JSON object per epoch
    #[arg(long, value_name = "FILE")]
    pub metrics: Option<PathBuf>,
    /// continue a stopped run from a training checkpoint (written at each epoch's end beside
    /// --save and on Ctrl-C)
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
    /// local-task | local-sync | cuda
    #[arg(long, value_name = "NAME", hide_possible_values = true)]
    pub device: Option<DeviceArg>,
    /// no progress bar
    #[arg(long)]
    pub quiet: bool,
    /// image size, for networks declared at several (resnet34: 32 | 224)
    #[arg(long, value_name = "N")]
    pub resolution: Option<usize>,
}

/// `--optimizer`'s values: each optimizer's name and aliases.
fn optimizer_parser() -> impl TypedValueParser<Value = OptimizerKind> {
    let names = OptimizerKind::ALL
        .iter()
        .map(|k| PossibleValue::new(k.name()).aliases(k.aliases()));
    PossibleValuesParser::new(names).try_map(|s| s.parse::<OptimizerKind>())
}

fn parse_dataset(s: &str) -> Result<DataChoice, String> {
    s.parse()
        .map_err(|e: netspec_core::data::DataError| e.to_string())
}

impl Flags {
    /// Parses `args` (without the program's name).
    pub fn try_parse_args(args: impl IntoIterator<Item = String>) -> Result<Flags, clap::Error> {
        Flags::try_parse_from(std::iter::once(program_name()).chain(args))
    }

    /// Parses `args` (without the program's name) as an example with `defaults` takes them:
    /// `--help` shows each flag's default as that example sets it.
    pub fn try_parse_with(
        args: impl IntoIterator<Item = String>,
        defaults: &Defaults,
    ) -> Result<Flags, clap::Error> {
        let mut command = Flags::command();
        for (id, default) in shown_defaults(defaults) {
            command = command.mut_arg(id, |arg| {
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                arg.help(format!("{help} [default: {default}]"))
            });
        }
        let matches = command.try_get_matches_from(std::iter::once(program_name()).chain(args))?;
        Flags::from_arg_matches(&matches)
    }

    /// The options: each flag given replaces what `defaults` says. Naming the data
    /// (`--data`, `--dataset`) drops the default's fallback data set.
    pub fn merge(self, defaults: Defaults) -> Result<Options, Error> {
        let mut config = defaults.config;
        let c = &mut config;
        set(&mut c.epochs, self.epochs);
        set(&mut c.batch_size, self.batch_size);
        set(&mut c.lr, self.lr);
        set(&mut c.optimizer, self.optimizer);
        set(&mut c.momentum, self.momentum);
        set(&mut c.weight_decay, self.weight_decay);
        set(&mut c.warmup_epochs, self.warmup_epochs);
        set(&mut c.label_smoothing, self.label_smoothing);
        set(&mut c.drop_path, self.drop_path);
        set(&mut c.loss, self.loss.map(Into::into));
        set(&mut c.seed, self.seed);
        if self.steps.is_some() {
            c.max_steps = self.steps;
        }
        c.cosine |= self.cosine;
        c.shuffle &= !self.no_shuffle;
        c.progress &= !self.quiet;
        let device = self.device.map_or(defaults.device.clone(), Into::into);
        let augment = if self.augment {
            Augment::CIFAR
        } else if self.no_augment {
            Augment::NONE
        } else {
            defaults.augment
        };
        if let (Some(DataChoice::Folder(path)), Some(data)) = (&self.dataset, &self.data) {
            return Err(Error::Usage(format!(
                "--data {} does not apply to --dataset folder:{}: the path after `folder:` is \
                 the data set's root; pass one of them",
                data.display(),
                path.display()
            )));
        }
        if let (Some(init), Some(resume)) = (&self.init, &self.resume) {
            return Err(Error::Usage(format!(
                "--init {} and --resume {} both say where a run starts; pass --resume alone to \
                 continue a run, --init alone to start a new one from saved weights",
                init.display(),
                resume.display()
            )));
        }
        let named = self.data.is_some() || self.dataset.is_some();
        Ok(Options {
            config,
            dataset: self
                .dataset
                .clone()
                .unwrap_or(DataChoice::Known(defaults.dataset)),
            data: self.data.clone(),
            init: self.init.clone(),
            save: self.save.clone().or(defaults.save),
            metrics: self.metrics.clone(),
            resume: self.resume.clone(),
            device,
            train_limit: self.train_limit.or(defaults.train_limit),
            test_limit: self.test_limit,
            fallback: if named { None } else { defaults.fallback },
            augment,
            command: self,
        })
    }
}

/// The default each flag has in an example with `defaults`, as `--help` shows it: (the flag's
/// id, its default).
fn shown_defaults(d: &Defaults) -> Vec<(&'static str, String)> {
    let c = &d.config;
    let on_off = |on: bool| if on { "on" } else { "off" }.to_string();
    let dataset = match d.fallback {
        Some(f) => format!("{}, else {f} when it is absent", d.dataset),
        None => d.dataset.to_string(),
    };
    vec![
        (
            "data",
            format!(
                "data/{} in the workspace",
                netspec_core::data::dir_name(d.dataset)
            ),
        ),
        ("dataset", dataset),
        ("epochs", c.epochs.to_string()),
        ("batch_size", c.batch_size.to_string()),
        ("lr", c.lr.to_string()),
        ("optimizer", c.optimizer.name().into()),
        ("momentum", c.momentum.to_string()),
        ("weight_decay", c.weight_decay.to_string()),
        ("cosine", on_off(c.cosine)),
        ("warmup_epochs", c.warmup_epochs.to_string()),
        ("label_smoothing", c.label_smoothing.to_string()),
        ("drop_path", c.drop_path.to_string()),
        (
            "loss",
            match c.loss {
                LossKind::CrossEntropy => "ce",
                LossKind::MeanSquaredError => "mse",
            }
            .into(),
        ),
        ("augment", on_off(d.augment != Augment::NONE)),
        ("seed", c.seed.to_string()),
        (
            "steps",
            c.max_steps
                .map_or("every step of every epoch".into(), |s| s.to_string()),
        ),
        (
            "train_limit",
            d.train_limit.map_or("all".into(), |n| n.to_string()),
        ),
        ("test_limit", "all".into()),
        ("no_shuffle", format!("shuffled: {}", on_off(c.shuffle))),
        (
            "save",
            d.save
                .as_ref()
                .map_or("no checkpoint".into(), |p| p.display().to_string()),
        ),
        ("metrics", "beside --save, as NAME.metrics.jsonl".into()),
        ("device", d.device.name().into()),
    ]
}

fn set<T>(field: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *field = v;
    }
}

/// The running program's file name, for clap's usage line.
fn program_name() -> String {
    std::env::args()
        .next()
        .as_deref()
        .map(Path::new)
        .and_then(Path::file_stem)
        .map_or("netspec".into(), |n| n.to_string_lossy().into_owned())
}
