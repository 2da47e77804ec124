//! Studies: named runs (a network, a recipe and a data set under a name), run one after another
//! as ordinary resumable runs in `runs/ablation/NAME/`, then gathered into one table and one plot
//! of test accuracy per epoch. [`Study::book`] holds the book's experiments
//! (`examples/ablation.rs` runs them); a study file adds a user's own runs (see [`file`]), and
//! [`Study::network`] a user's own networks.
//!
//! ```text
//! cargo run --release --example ablation -- list
//! cargo run --release --example ablation -- run mlp --scale epochs=3 --dataset fashion-mnist
//! ```

mod book;
pub mod command;
pub mod file;
pub mod recipe;
mod runner;
pub mod scale;
mod table;

use std::path::PathBuf;

use netspec_core::data::DatasetKind;
use netspec_core::Network;
use netspec_iree::Error;

use crate::cli::{Options, RunReport};
use crate::models::{self, ModelTask};
pub use recipe::{Ingredient, Recipe};
pub use runner::{run, StudyOptions};
pub use scale::Scale;
pub use table::{Row, Table};

/// One run of a study.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Its name, and its directory's under the study's root.
    pub name: String,
    /// The study it belongs to (`linear`, `width-mlp`, `r34-leave-one-out`, ...).
    pub group: String,
    /// A network the study knows by name (`Network::NAME`).
    pub network: String,
    pub recipe: Recipe,
    pub dataset: DatasetKind,
    /// Trained on instead, brought to the network's input, where `dataset` is absent.
    pub fallback: Option<DatasetKind>,
}

/// A network a study can train, by name.
#[derive(Clone, Copy)]
pub struct NetworkEntry {
    pub name: &'static str,
    pub parameters: usize,
    pub input: fn() -> Vec<usize>,
    /// The ordinary command-line run of this network.
    pub train: fn(&Options) -> Result<RunReport, Error>,
}

impl NetworkEntry {
    pub fn of<N: Network>() -> NetworkEntry {
        NetworkEntry {
            name: N::NAME,
            parameters: N::parameter_count(),
            input: N::input_shape,
            train: crate::cli::run::<N>,
        }
    }
}

struct Entry;

impl ModelTask for Entry {
    type Output = NetworkEntry;
    fn run<N: Network>(self) -> NetworkEntry {
        NetworkEntry::of::<N>()
    }
}

/// A registry of runs and the networks they name.
#[derive(Clone)]
pub struct Study {
    runs: Vec<Run>,
    networks: Vec<NetworkEntry>,
}

impl Study {
    /// No runs; every network of [`crate::models`].
    pub fn new() -> Study {
        let networks = models::MODEL_NAMES
            .iter()
            .map(|name| models::with_model(name, Entry).expect("a model of the list"))
            .collect();
        Study {
            runs: vec![],
            networks,
        }
    }

    /// The book's experiments (see the table in `docs/studies.md`).
    pub fn book() -> Study {
        let mut study = Study::new();
        for run in book::runs() {
            study.add(run).expect("the book's registry is consistent");
        }
        study
    }

    /// Makes `N` known by its name, for runs (and study files) that name it.
    pub fn network<N: Network>(&mut self) -> &mut Self {
        self.networks.retain(|n| n.name != N::NAME);
        self.networks.push(NetworkEntry::of::<N>());
        self
    }

    /// Adds a run; its name must be new and its network known.
    pub fn add(&mut self, run: Run) -> Result<(), Error> {
        if self.runs.iter().any(|r| r.name == run.name) {
            return Err(Error::Usage(format!(
                "a run named {} is already in the study; give the new one another name",
                run.name
            )));
        }
        if self.groups().contains(&run.name.as_str()) {
            return Err(Error::Usage(format!(
                "{} names a group of runs; give the run another name",
                run.name
            )));
        }
        self.entry(&run.network)?;
        check_name(&run.name)?;
        self.runs.push(run);
        Ok(())
    }

    /// Adds the runs of a study file (see [`file`]); returns how many.
    pub fn load(&mut self, path: &std::path::Path) -> Result<usize, Error> {
        let runs = file::read(path)?;
        let n = runs.len();
        for run in runs {
            self.add(run)
                .map_err(|e| Error::Usage(format!("{}: {e}", path.display())))?;
        }
        Ok(n)
    }

    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// The groups, in the order their first run was added.
    pub fn groups(&self) -> Vec<&str> {
        let mut groups: Vec<&str> = vec![];
        for r in &self.runs {
            if !groups.contains(&r.group.as_str()) {
                groups.push(&r.group);
            }
        }
        groups
    }

    /// The runs `names` name, each a run or a group, in the order given (a run named twice
    /// runs once).
    pub fn select(&self, names: &[String]) -> Result<Vec<Run>, Error> {
        let mut out: Vec<Run> = vec![];
        for name in names {
            let found: Vec<&Run> = match self.runs.iter().find(|r| &r.name == name) {
                Some(run) => vec![run],
                None => self.runs.iter().filter(|r| &r.group == name).collect(),
            };
            if found.is_empty() {
                return Err(Error::Usage(format!(
                    "no run or group named {name}; the groups are {} (`list` shows every run)",
                    self.groups().join(", ")
                )));
            }
            for run in found {
                if !out.iter().any(|r| r.name == run.name) {
                    out.push(run.clone());
                }
            }
        }
        Ok(out)
    }

    /// The network named `name`.
    pub fn entry(&self, name: &str) -> Result<&NetworkEntry, Error> {
        self.networks
            .iter()
            .find(|n| n.name == name)
            .ok_or_else(|| {
                let names: Vec<_> = self.networks.iter().map(|n| n.name).collect();
                Error::Usage(format!(
                "unknown network {name}; the study knows {} (declare your own with netspec! and \
                 add it with Study::network)",
                names.join(", ")
            ))
            })
    }

    /// The registry as `list` prints it: each group with its runs.
    pub fn listing(&self) -> String {
        let mut out = String::new();
        for group in self.groups() {
            out += &format!("{group}\n");
            for r in self.runs.iter().filter(|r| r.group == group) {
                out += &format!(
                    "  {:<24} {:<14} {:<44} {} epochs, {}\n",
                    r.name,
                    r.network,
                    r.recipe.summary(),
                    r.recipe.epochs,
                    r.dataset
                );
            }
        }
        out
    }
}

impl Default for Study {
    fn default() -> Self {
        Study::new()
    }
}

/// A run's name is a directory's: letters, digits, `-`, `_` and `.`, not starting with `.`.
fn check_name(name: &str) -> Result<(), Error> {
    let ok = !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    if ok {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "run name {name:?}: use letters, digits, '-', '_' and '.' (it names a directory)"
        )))
    }
}

/// Where studies keep their runs unless told otherwise: `runs/ablation`.
pub fn default_root() -> PathBuf {
    PathBuf::from("runs/ablation")
}
