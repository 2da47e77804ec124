//! A study file: runs in TOML, so a user's own study needs no Rust beyond declaring the
//! networks it names. Each `[[run]]` names its network and data set and starts from a named
//! recipe (`recipe = "full"`, see [`super::recipe::NAMED`]; plain SGD when absent), drops
//! ingredients from it (`without = ["augment"]`) and sets any recipe field itself:
//!
//! ```toml
//! [[run]]
//! name = "mlp-adam-3e-4"
//! group = "my-lr-sweep"          # optional: the run's own name
//! network = "MnistMlp"
//! dataset = "fashion-mnist"      # mnist | fashion-mnist | cifar10 | imagenette
//! recipe = "adam"
//! lr = 3e-4
//! epochs = 12
//!
//! [[run]]
//! name = "mlp-full-no-aug"
//! group = "my-lr-sweep"
//! network = "MnistMlp"
//! dataset = "fashion-mnist"
//! recipe = "full"
//! without = ["augment"]
//! ```

use std::path::Path;

use netspec_core::data::DatasetKind;
use netspec_iree::Error;
use serde::Deserialize;

use super::recipe::{self, Ingredient, Recipe};
use super::Run;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StudyFile {
    #[serde(default)]
    run: Vec<FileRun>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRun {
    name: String,
    group: Option<String>,
    network: String,
    dataset: String,
    /// Trained on instead where `dataset` is absent.
    fallback: Option<String>,
    recipe: Option<String>,
    #[serde(default)]
    without: Vec<String>,
    optimizer: Option<String>,
    lr: Option<f64>,
    momentum: Option<f64>,
    weight_decay: Option<f64>,
    cosine: Option<bool>,
    warmup_epochs: Option<usize>,
    augment: Option<bool>,
    label_smoothing: Option<f64>,
    batch_size: Option<usize>,
    epochs: Option<usize>,
}

/// The runs of the study file at `path`. Networks are checked when the runs join a study.
pub fn read(path: &Path) -> Result<Vec<Run>, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|e| Error::Usage(format!("{}: {e}", path.display())))
}

/// The runs of a study file's text.
pub fn parse(text: &str) -> Result<Vec<Run>, String> {
    let file: StudyFile = toml::from_str(text).map_err(|e| e.to_string())?;
    if file.run.is_empty() {
        return Err("no [[run]] in the file; each run is a [[run]] table".into());
    }
    file.run.into_iter().map(FileRun::into_run).collect()
}

impl FileRun {
    fn into_run(self) -> Result<Run, String> {
        let at = |e: Error| format!("run {}: {e}", self.name);
        let data = |s: &str| {
            s.parse::<DatasetKind>()
                .map_err(|e| format!("run {}: {e}", self.name))
        };
        let mut r = match &self.recipe {
            Some(name) => recipe::named(name).map_err(at)?,
            None => Recipe::sgd(0.1, 12),
        };
        for ingredient in &self.without {
            r = r.without(ingredient.parse::<Ingredient>().map_err(at)?);
        }
        set(&mut r.optimizer, self.optimizer.clone());
        set(&mut r.lr, self.lr);
        set(&mut r.momentum, self.momentum);
        set(&mut r.weight_decay, self.weight_decay);
        set(&mut r.cosine, self.cosine);
        set(&mut r.warmup_epochs, self.warmup_epochs);
        set(&mut r.augment, self.augment);
        set(&mut r.label_smoothing, self.label_smoothing);
        set(&mut r.batch_size, self.batch_size);
        set(&mut r.epochs, self.epochs);
        r.config().map_err(at)?;
        Ok(Run {
            group: self.group.clone().unwrap_or_else(|| self.name.clone()),
            network: self.network.clone(),
            recipe: r,
            dataset: data(&self.dataset)?,
            fallback: self.fallback.as_deref().map(data).transpose()?,
            name: self.name,
        })
    }
}

fn set<T>(field: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *field = v;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_run_composes_a_named_recipe_its_removals_and_its_fields() {
        let runs = parse(
            r#"
            [[run]]
            name = "mine"
            network = "MnistMlp"
            dataset = "fashion-mnist"
            recipe = "full"
            without = ["augment", "warmup"]
            lr = 3e-4
            epochs = 4
            "#,
        )
        .unwrap();
        assert_eq!(runs.len(), 1);
        let r = &runs[0];
        assert_eq!((r.name.as_str(), r.group.as_str()), ("mine", "mine"));
        assert_eq!(r.dataset, DatasetKind::FashionMnist);
        assert_eq!(
            r.recipe,
            Recipe {
                lr: 3e-4,
                epochs: 4,
                augment: false,
                warmup_epochs: 0,
                ..Recipe::full(1e-3, 15, 128)
            }
        );
    }

    #[test]
    fn a_bad_file_says_what_and_where() {
        let e = parse("[[run]]\nname = \"a\"\nnetwork = \"X\"\ndataset = \"mnist\"\nlr = \"fast\"")
            .unwrap_err();
        assert!(e.contains("lr"), "{e}");
        let e = parse("[[run]]\nname = \"a\"\nnetwork = \"X\"\ndataset = \"mnist\"\nspeed = 1")
            .unwrap_err();
        assert!(e.contains("speed"), "{e}");
        let e = parse(
            "[[run]]\nname = \"a\"\nnetwork = \"X\"\ndataset = \"mnist\"\nwithout = [\"dropout\"]",
        )
        .unwrap_err();
        assert!(e.contains("run a: unknown ingredient \"dropout\""), "{e}");
        let e = parse("[[run]]\nname = \"a\"\nnetwork = \"X\"\ndataset = \"svhn\"").unwrap_err();
        assert!(e.contains("run a"), "{e}");
        let e =
            parse("[[run]]\nname = \"a\"\nnetwork = \"X\"\ndataset = \"mnist\"\nmomentum = 1.5")
                .unwrap_err();
        assert!(e.contains("momentum"), "{e}");
        assert!(parse("").unwrap_err().contains("no [[run]]"));
    }
}
