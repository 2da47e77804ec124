//! The ablation runner's command line (`examples/ablation.rs`):
//!
//! ```text
//! ablation [--file STUDY.toml]... list
//! ablation [--file STUDY.toml]... run NAME|GROUP... [--scale KEY=N,...] [--dir DIR] [FLAGS...]
//! ```
//!
//! `run` takes run and group names up to its first flag; the flags after them are the study's
//! own (`--scale`, `--dir`, `--file`) and any example flag, which applies to every run.

use std::path::PathBuf;

use netspec_iree::Error;

use super::{default_root, Scale, Study, StudyOptions};

pub const USAGE: &str = "\
usage: ablation [--file STUDY.toml]... list
       ablation [--file STUDY.toml]... run NAME|GROUP... [--scale KEY=N,...] [--dir DIR] [FLAGS...]

  list             the runs, by group
  run NAME|GROUP   runs them one after another, each in DIR/NAME (resumable), then prints the
                   table and writes DIR/GROUP.md and DIR/GROUP.png; run again, it continues
                   where it stopped without rerunning the runs that ended
  --file FILE      adds the runs of a study file (TOML, see netspec::study::file)
  --scale OPTS     shortens the study, printed in the table's heading: epochs=N (at most N
                   epochs per run), train=N (the first N training examples), test=N (the first
                   N test examples), resolution=N (networks declared at N, as ResNet-34 at 32)
  --dir DIR        where the runs go [default: runs/ablation]
  FLAGS            any example flag (--dataset fashion-mnist, --quiet, --lr 0.05, ...), applied
                   to every run over its recipe";

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    List,
    Run {
        names: Vec<String>,
        options: StudyOptions,
    },
    Help,
}

/// Parses `args` (without the program's name); study files it names are loaded into `study`.
pub fn parse(args: &[String], study: &mut Study) -> Result<Command, Error> {
    let mut scale = Scale::default();
    let mut root = None;
    let mut flags = vec![];
    let mut positional = vec![];
    let mut in_flags = false;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let (key, inline) = match arg.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || -> Result<String, Error> {
            if let Some(v) = &inline {
                return Ok(v.clone());
            }
            i += 1;
            args.get(i)
                .cloned()
                .ok_or_else(|| Error::Usage(format!("{key} needs a value\n\n{USAGE}")))
        };
        match key {
            "-h" | "--help" => return Ok(Command::Help),
            "--scale" => scale.add(&value()?)?,
            "--dir" => root = Some(PathBuf::from(value()?)),
            "--file" => {
                let path = PathBuf::from(value()?);
                study.load(&path)?;
            }
            _ if arg.starts_with('-') || in_flags => {
                in_flags = true;
                flags.push(arg.clone());
            }
            _ => positional.push(arg.clone()),
        }
        i += 1;
    }
    let (command, names) = positional
        .split_first()
        .ok_or_else(|| Error::Usage(USAGE.into()))?;
    match command.as_str() {
        "list" if names.is_empty() && flags.is_empty() => Ok(Command::List),
        "list" => Err(Error::Usage(format!(
            "list takes no names or flags\n\n{USAGE}"
        ))),
        "run" if names.is_empty() => Err(Error::Usage(format!(
            "run needs run or group names; the groups are {}\n\n{USAGE}",
            study.groups().join(", ")
        ))),
        "run" => Ok(Command::Run {
            names: names.to_vec(),
            options: StudyOptions {
                root: root.unwrap_or_else(default_root),
                scale,
                flags,
            },
        }),
        other => Err(Error::Usage(format!(
            "unknown command {other}; it is list or run\n\n{USAGE}"
        ))),
    }
}

/// Runs the process's command line on `study`: prints errors and exits non-zero on failure
/// (2 for a bad command line, 130 when a signal stopped the study).
pub fn main(mut study: Study) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = parse(&args, &mut study).and_then(|command| match command {
        Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
        Command::List => {
            print!("{}", study.listing());
            Ok(())
        }
        Command::Run { names, options } => {
            let runs = study.select(&names)?;
            super::run(&study, &runs, &options).map(|_| ())
        }
    });
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(match e {
            Error::Usage(_) => 2,
            Error::Interrupted { .. } => 130,
            _ => 1,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn names_come_before_flags_and_the_study_takes_its_own() {
        let mut study = Study::book();
        let c = parse(
            &args(
                "run mlp linear-sgd --scale epochs=2 --dataset fashion-mnist --dir /tmp/s --quiet",
            ),
            &mut study,
        )
        .unwrap();
        assert_eq!(
            c,
            Command::Run {
                names: args("mlp linear-sgd"),
                options: StudyOptions {
                    root: PathBuf::from("/tmp/s"),
                    scale: Scale {
                        epochs: Some(2),
                        ..Scale::default()
                    },
                    flags: args("--dataset fashion-mnist --quiet"),
                },
            }
        );
        assert_eq!(parse(&args("list"), &mut study).unwrap(), Command::List);
        let e = parse(&args("run"), &mut study).unwrap_err().to_string();
        assert!(
            e.contains("the groups are linear, shallow, width-mlp"),
            "{e}"
        );
        let e = parse(&args("go mlp"), &mut study).unwrap_err().to_string();
        assert!(e.contains("unknown command go"), "{e}");
    }
}
