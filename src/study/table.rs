//! A study's results: one row per run (final and best test accuracy, final train loss,
//! epochs, seconds, parameters, and the data set it trained on), printed as text and written
//! as Markdown beside one plot of every run's test accuracy per epoch.

use std::path::{Path, PathBuf};

use netspec_iree::Error;

use super::runner::{read_json, Outcome, Plan, PLAN, RESULT, SAVE};
use super::scale::Scale;
use super::Run;
use crate::cli::EpochLine;
use crate::report::{self, EpochRecord};

/// One run's figures, from its directory.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub name: String,
    pub network: String,
    pub recipe: String,
    /// The data set it trained on; `None` where unknown (a run that diverged, or has not run).
    pub dataset: Option<String>,
    pub parameters: Option<usize>,
    /// `finished`, `diverged` or `not run`.
    pub status: String,
    /// Its epochs, as its metrics file holds them.
    pub epochs: Vec<EpochLine>,
}

impl Row {
    pub fn final_accuracy(&self) -> Option<f64> {
        self.epochs.last().and_then(|l| l.test_accuracy)
    }

    pub fn best_accuracy(&self) -> Option<f64> {
        self.epochs
            .iter()
            .filter_map(|l| l.test_accuracy)
            .fold(None, |best, a| Some(best.map_or(a, |b: f64| b.max(a))))
    }

    pub fn final_train_loss(&self) -> Option<f64> {
        self.epochs.last().map(|l| l.train_loss)
    }

    /// Training time over all its epochs (the sum of each epoch's, across resumes).
    pub fn seconds(&self) -> f64 {
        self.epochs.iter().map(|l| l.seconds).sum()
    }
}

/// A study's table.
#[derive(Clone, Debug)]
pub struct Table {
    /// The group when every run is of one, else `study`; the files are named after it.
    pub title: String,
    pub heading: String,
    pub rows: Vec<Row>,
}

impl Table {
    /// The table of `runs` as their directories under `root` hold them.
    pub fn gather(
        root: &Path,
        runs: &[Run],
        scale: &Scale,
        flags: &[String],
    ) -> Result<Table, Error> {
        let first = runs.first().map(|r| r.group.clone()).unwrap_or_default();
        let title = if runs.iter().all(|r| r.group == first) && !first.is_empty() {
            first
        } else {
            "study".to_string()
        };
        let flags = if flags.is_empty() {
            "none".to_string()
        } else {
            flags.join(" ")
        };
        let heading = format!(
            "{title}: {} runs · scale: {} · flags: {flags}",
            runs.len(),
            scale.describe()
        );
        let rows = runs
            .iter()
            .map(|r| row(root, r))
            .collect::<Result<_, _>>()?;
        Ok(Table {
            title,
            heading,
            rows,
        })
    }

    fn cells(&self) -> (Vec<&'static str>, Vec<Vec<String>>) {
        let header = vec![
            "run",
            "network",
            "recipe",
            "data",
            "params",
            "epochs",
            "final acc",
            "best acc",
            "final loss",
            "train s",
        ];
        let pct = |a: Option<f64>| a.map_or("-".into(), |a| format!("{:.2}%", 100.0 * a));
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let (final_acc, best, loss) = if r.status == "finished" {
                    (
                        pct(r.final_accuracy()),
                        pct(r.best_accuracy()),
                        r.final_train_loss()
                            .map_or("-".into(), |l| format!("{l:.4}")),
                    )
                } else {
                    (r.status.clone(), "-".into(), "-".into())
                };
                vec![
                    r.name.clone(),
                    r.network.clone(),
                    r.recipe.clone(),
                    r.dataset.clone().unwrap_or("-".into()),
                    r.parameters.map_or("-".into(), |p| p.to_string()),
                    r.epochs.len().to_string(),
                    final_acc,
                    best,
                    loss,
                    format!("{:.0}", r.seconds()),
                ]
            })
            .collect();
        (header, rows)
    }

    /// Aligned columns under the heading.
    pub fn text(&self) -> String {
        let (header, rows) = self.cells();
        let mut widths: Vec<usize> = header.iter().map(|h| h.len()).collect();
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: Vec<String>| {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c:<w$}"))
                .collect::<Vec<_>>()
                .join("  ")
                .trim_end()
                .to_string()
        };
        let mut out = vec![
            self.heading.clone(),
            line(header.iter().map(|h| h.to_string()).collect()),
        ];
        out.extend(rows.into_iter().map(line));
        out.join("\n") + "\n"
    }

    /// A Markdown table under the heading.
    pub fn markdown(&self) -> String {
        let (header, rows) = self.cells();
        let mut out = format!("{}\n\n| {} |\n", self.heading, header.join(" | "));
        out += &format!("|{}\n", "---|".repeat(header.len()));
        for row in rows {
            out += &format!("| {} |\n", row.join(" | "));
        }
        out
    }

    /// Writes `ROOT/TITLE.md` and the plot `ROOT/TITLE.png`; returns their paths.
    pub fn write(&self, root: &Path) -> Result<Vec<PathBuf>, Error> {
        let md = root.join(format!("{}.md", self.title));
        let png = root.join(format!("{}.png", self.title));
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        netspec_core::atomic::write(&md, self.markdown().as_bytes()).map_err(io(&md))?;
        let series: Vec<(String, Vec<EpochRecord>)> = self
            .rows
            .iter()
            .map(|r| {
                (
                    r.name.clone(),
                    r.epochs.iter().map(EpochLine::record).collect(),
                )
            })
            .collect();
        report::write_overlay(&png, &self.heading, &series).map_err(io(&png))?;
        Ok(vec![md, png])
    }
}

fn row(root: &Path, r: &Run) -> Result<Row, Error> {
    let dir = root.join(&r.name);
    let plan = read_json::<Plan>(&dir.join(PLAN));
    let outcome = read_json::<Outcome>(&dir.join(RESULT));
    let metrics = dir.join(SAVE).with_extension("metrics.jsonl");
    let epochs = match std::fs::read_to_string(&metrics) {
        Ok(text) => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                serde_json::from_str::<EpochLine>(l).map_err(|e| {
                    Error::Usage(format!(
                        "{} holds a line that is no epoch's ({e}); move it away and run {} again",
                        metrics.display(),
                        r.name
                    ))
                })
            })
            .collect::<Result<_, _>>()?,
        Err(_) => vec![],
    };
    Ok(Row {
        name: r.name.clone(),
        network: plan
            .as_ref()
            .map_or(r.network.clone(), |p| p.network.clone()),
        recipe: plan
            .as_ref()
            .map_or(r.recipe.summary(), |p| p.recipe.summary()),
        dataset: outcome.as_ref().and_then(|o| o.dataset.clone()),
        parameters: outcome.as_ref().map(|o| o.parameters),
        status: outcome.map_or("not run".into(), |o| o.status),
        epochs,
    })
}
