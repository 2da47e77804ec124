//! Running a study: each run an ordinary command-line run with its outputs in its own
//! directory (`ROOT/NAME/model.safetensors`, its metrics, plot and training checkpoint beside
//! it), one after another. A run's directory records what it was asked to be (`run.json`)
//! and, once it has ended, how (`result.json`): a study started again skips the runs that
//! ended, resumes the one that was stopped from its training checkpoint, and refuses a
//! directory that holds a run planned otherwise (another scale, other flags) rather than mix
//! the two.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use netspec_core::atomic;
use netspec_iree::Error;
use serde::{Deserialize, Serialize};

use super::scale::Scale;
use super::table::Table;
use super::{NetworkEntry, Recipe, Run, Study};
use crate::cli::{self, Defaults, Flags, Options};

/// What a study run is given beside its runs.
#[derive(Clone, Debug, PartialEq)]
pub struct StudyOptions {
    /// Where each run's directory goes (`runs/ablation`).
    pub root: PathBuf,
    pub scale: Scale,
    /// Example flags applied to every run (`--dataset fashion-mnist`, `--quiet`); each
    /// overrides the run's recipe.
    pub flags: Vec<String>,
}

/// A run's final checkpoint in its directory; its metrics, plot and training checkpoint are
/// named after it.
pub const SAVE: &str = "model.safetensors";
/// What the run was asked to be.
pub const PLAN: &str = "run.json";
/// How it ended.
pub const RESULT: &str = "result.json";

/// What a run is, as its directory records it: the same plan continues, another is refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub run: String,
    pub group: String,
    pub network: String,
    /// As scaled.
    pub recipe: Recipe,
    pub dataset: String,
    pub fallback: Option<String>,
    pub scale: Scale,
    pub flags: Vec<String>,
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// `finished` or `diverged`.
    pub status: String,
    /// The error of a run that diverged.
    pub message: Option<String>,
    /// The data set trained on, where known.
    pub dataset: Option<String>,
    pub parameters: usize,
}

/// Runs `runs` of `study` one after another (skipping those that ended before, resuming a
/// stopped one), then gathers, prints and writes the table and the plot. A run stopped by a
/// signal stops the study with [`Error::Interrupted`]; a run whose loss diverged is recorded as
/// such and the study goes on.
pub fn run(study: &Study, runs: &[Run], o: &StudyOptions) -> Result<Table, Error> {
    check_flags(&o.flags)?;
    let mut planned = vec![];
    for r in runs {
        let (plan, entry) = plan(study, r, o)?;
        check_dir(&o.root.join(&r.name), &plan)?;
        planned.push((r, plan, entry));
    }
    let n = planned.len();
    for (i, (r, plan, entry)) in planned.iter().enumerate() {
        let dir = o.root.join(&r.name);
        let head = format!("[{}/{n}] {}", i + 1, r.name);
        if read_json::<Outcome>(&dir.join(RESULT)).is_some() {
            say(&format!("{head}: ended before, kept ({})", dir.display()));
            continue;
        }
        write_json(&dir.join(PLAN), plan)?;
        let resume = dir.join(SAVE).with_extension("resume.safetensors");
        let resuming = resume.exists();
        let options = options(r, plan, o, &dir, resuming.then_some(resume.as_path()))?;
        if let Some(outcome) = ended_unrecorded(&dir, &options, entry) {
            say(&format!(
                "{head}: ended before, recorded now ({})",
                dir.display()
            ));
            write_json(&dir.join(RESULT), &outcome)?;
            continue;
        }
        let data = match options.fallback {
            Some(f) => format!("{} (else {f})", options.dataset),
            None => options.dataset.to_string(),
        };
        say(&format!(
            "\n{head}: {} · {} · {} epochs · {data}{}",
            plan.network,
            plan.recipe.summary(),
            options.config.epochs,
            if resuming { " (resuming)" } else { "" }
        ));
        let outcome = match (entry.train)(&options) {
            Ok(report) => Outcome {
                status: "finished".into(),
                message: None,
                dataset: Some(report.dataset),
                parameters: entry.parameters,
            },
            Err(e @ Error::NonFiniteLoss { .. }) => {
                say(&format!("{}: {e}; the study goes on", r.name));
                Outcome {
                    status: "diverged".into(),
                    message: Some(e.to_string()),
                    dataset: None,
                    parameters: entry.parameters,
                }
            }
            Err(e @ Error::Interrupted { .. }) => {
                say(&format!(
                    "\nthe study stopped in {}; the same command continues it (runs that \
                     ended are kept)",
                    r.name
                ));
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        write_json(&dir.join(RESULT), &outcome)?;
    }
    let runs: Vec<Run> = planned.iter().map(|(r, ..)| (*r).clone()).collect();
    let table = Table::gather(&o.root, &runs, &o.scale, &o.flags)?;
    say(&format!("\n{}", table.text()));
    let written = table.write(&o.root)?;
    say(&format!(
        "table and plot: {}",
        written
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" and ")
    ));
    Ok(table)
}

/// The run as this study asks for it: its network at the scale's resolution, its recipe
/// within the scale's epochs.
fn plan<'a>(
    study: &'a Study,
    r: &Run,
    o: &StudyOptions,
) -> Result<(Plan, &'a NetworkEntry), Error> {
    let mut entry = study.entry(&r.network)?;
    if let Some(res) = o.scale.resolution {
        let input = (entry.input)();
        if input.get(1) != Some(&res) {
            if let Ok(other) = study.entry(&format!("{}At{res}", r.network)) {
                entry = other;
            }
        }
    }
    let mut recipe = r.recipe.clone();
    if let Some(cap) = o.scale.epochs {
        recipe.epochs = recipe.epochs.min(cap);
    }
    let plan = Plan {
        run: r.name.clone(),
        group: r.group.clone(),
        network: entry.name.to_string(),
        recipe,
        dataset: r.dataset.to_string(),
        fallback: r.fallback.map(|f| f.to_string()),
        scale: o.scale.clone(),
        // How a run reports itself is not what it is.
        flags: o
            .flags
            .iter()
            .filter(|f| *f != "--quiet")
            .cloned()
            .collect(),
    };
    Ok((plan, entry))
}

/// The command-line options of the run: its recipe as the defaults, the study's flags over
/// them, its outputs in `dir`; `--resume` where it was stopped.
fn options(
    r: &Run,
    plan: &Plan,
    o: &StudyOptions,
    dir: &Path,
    resume: Option<&Path>,
) -> Result<Options, Error> {
    let defaults = Defaults {
        config: plan.recipe.config()?,
        dataset: r.dataset,
        fallback: r.fallback,
        augment: plan.recipe.augmentation(),
        save: Some(dir.join(SAVE)),
        train_limit: o.scale.train,
        ..Defaults::default()
    };
    let mut args = o.flags.clone();
    if let Some(n) = o.scale.test {
        if !args.iter().any(|a| a.starts_with("--test-limit")) {
            args.extend(["--test-limit".to_string(), n.to_string()]);
        }
    }
    if let Some(path) = resume {
        args.extend(["--resume".to_string(), path.display().to_string()]);
    }
    cli::parse(args, defaults)
}

/// A run that ended but was stopped before the study recorded it (its metrics, written only
/// when a run ends, hold every epoch): its outcome, from its training checkpoint.
fn ended_unrecorded(dir: &Path, options: &Options, entry: &NetworkEntry) -> Option<Outcome> {
    let save = dir.join(SAVE);
    let metrics = std::fs::read_to_string(save.with_extension("metrics.jsonl")).ok()?;
    if !save.exists() || metrics.lines().count() != options.config.epochs {
        return None;
    }
    let state = netspec_iree::Trainer::training_state(options.resume.as_deref()?).ok()?;
    Some(Outcome {
        status: "finished".into(),
        message: None,
        dataset: state.metadata.get(cli::DATASET_KEY).cloned(),
        parameters: entry.parameters,
    })
}

/// The study's flags parse, and leave the outputs to the study.
fn check_flags(flags: &[String]) -> Result<(), Error> {
    let f = Flags::try_parse_args(flags.iter().cloned())
        .map_err(|e| Error::Usage(e.render().to_string().trim_end().to_string()))?;
    let owned = [
        ("--save", f.save.is_some()),
        ("--metrics", f.metrics.is_some()),
        ("--resume", f.resume.is_some()),
        ("--init", f.init.is_some()),
    ];
    if let Some((flag, _)) = owned.iter().find(|(_, given)| *given) {
        return Err(Error::Usage(format!(
            "{flag} does not apply to a study: each run writes and resumes in its own directory \
             under the study's root (--dir DIR to put them elsewhere)"
        )));
    }
    if f.resolution.is_some() {
        return Err(Error::Usage(
            "--resolution does not apply to a study; pass --scale resolution=N".into(),
        ));
    }
    Ok(())
}

/// Refuses a run directory that holds something other than this plan's run.
fn check_dir(dir: &Path, plan: &Plan) -> Result<(), Error> {
    let recorded = dir.join(PLAN);
    if recorded.exists() {
        let Some(before) = read_json::<Plan>(&recorded) else {
            return Err(Error::Usage(format!(
                "{} cannot be read as a study run's plan; move {} away to run {} afresh",
                recorded.display(),
                dir.display(),
                plan.run
            )));
        };
        if &before != plan {
            return Err(Error::Usage(format!(
                "{} holds run {} as it was planned otherwise ({}); pass --dir DIR to keep this \
                 study's runs elsewhere, or move {} away",
                dir.display(),
                plan.run,
                differences(&before, plan),
                dir.display()
            )));
        }
        return Ok(());
    }
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if occupied {
        return Err(Error::Usage(format!(
            "{} holds files that no study run wrote (no {PLAN}); move them away or pass --dir \
             DIR",
            dir.display()
        )));
    }
    Ok(())
}

/// The fields in which two plans differ, `recipe.epochs 12 -> 2`, one level into each field.
fn differences(before: &Plan, now: &Plan) -> String {
    let flat = |p: &Plan| -> Vec<(String, serde_json::Value)> {
        let value = serde_json::to_value(p).expect("serialises");
        let mut out = vec![];
        for (k, v) in value.as_object().expect("a map") {
            match v.as_object() {
                Some(fields) => {
                    out.extend(fields.iter().map(|(f, v)| (format!("{k}.{f}"), v.clone())))
                }
                None => out.push((k.clone(), v.clone())),
            }
        }
        out
    };
    let now = flat(now);
    flat(before)
        .into_iter()
        .zip(now)
        .filter(|((_, a), (_, b))| a != b)
        .map(|((k, a), (_, b))| format!("{k} {a} -> {b}"))
        .collect::<Vec<_>>()
        .join("; ")
}

pub(crate) fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Option<T> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), Error> {
    let text = serde_json::to_string_pretty(value).expect("serialises") + "\n";
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    atomic::write(path, text.as_bytes()).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// A line on stdout that a closed terminal cannot turn into a panic.
pub(crate) fn say(line: &str) {
    let _ = writeln!(std::io::stdout(), "{line}");
}
