//! A training recipe as the book's experiments vary it: the optimizer and its learning rate, and
//! the ingredients of the modern recipe (cosine decay, warmup, weight decay, label smoothing,
//! augmentation) each on or off. The book's configurations are built here once; the full recipe
//! without one ingredient is [`Recipe::without`], not a copy.

use netspec_core::data::augment::Augment;
use netspec_core::optim::UnknownOptimizer;
use netspec_iree::{Error, OptimizerKind, TrainConfig};
use serde::{Deserialize, Serialize};

/// How a run trains. Its fields are the examples' flags of the same names (`lr`,
/// `weight_decay`, `warmup_epochs`, ...), and a study file's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recipe {
    /// `sgd` or `adam` (Adam with decoupled weight decay, as AdamW).
    pub optimizer: String,
    pub lr: f64,
    pub momentum: f64,
    pub weight_decay: f64,
    pub cosine: bool,
    pub warmup_epochs: usize,
    /// Random crop (padding 4) and horizontal flip of training images.
    pub augment: bool,
    pub label_smoothing: f64,
    pub batch_size: usize,
    pub epochs: usize,
}

/// One ingredient of the full recipe, as leave-one-out studies remove it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ingredient {
    Adam,
    Cosine,
    Warmup,
    WeightDecay,
    LabelSmoothing,
    Augment,
}

impl Ingredient {
    pub const ALL: [Ingredient; 6] = [
        Ingredient::Adam,
        Ingredient::Cosine,
        Ingredient::Warmup,
        Ingredient::WeightDecay,
        Ingredient::LabelSmoothing,
        Ingredient::Augment,
    ];

    /// Its name in a study file's `without = [...]`.
    pub fn name(self) -> &'static str {
        match self {
            Ingredient::Adam => "adam",
            Ingredient::Cosine => "cosine",
            Ingredient::Warmup => "warmup",
            Ingredient::WeightDecay => "weight-decay",
            Ingredient::LabelSmoothing => "label-smoothing",
            Ingredient::Augment => "augment",
        }
    }
}

impl std::str::FromStr for Ingredient {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Ingredient::ALL
            .into_iter()
            .find(|i| i.name() == s)
            .ok_or_else(|| {
                let names: Vec<_> = Ingredient::ALL.iter().map(|i| i.name()).collect();
                Error::Usage(format!(
                    "unknown ingredient {s:?}; the ingredients are {}",
                    names.join(", ")
                ))
            })
    }
}

impl Recipe {
    /// Plain SGD at `lr`, batch 128, nothing else.
    pub fn sgd(lr: f64, epochs: usize) -> Recipe {
        Recipe {
            optimizer: "sgd".into(),
            lr,
            momentum: 0.0,
            weight_decay: 0.0,
            cosine: false,
            warmup_epochs: 0,
            augment: false,
            label_smoothing: 0.0,
            batch_size: 128,
            epochs,
        }
    }

    /// The S4TF book's baseline: SGD at 0.1, batch 128, constant rate, no regularisation.
    pub fn s4tf_baseline(epochs: usize) -> Recipe {
        Recipe::sgd(0.1, epochs)
    }

    /// Adam at 1e-3 alone: no schedule, no regularisation, no augmentation.
    pub fn adam(epochs: usize) -> Recipe {
        Recipe {
            optimizer: "adam".into(),
            lr: 1e-3,
            ..Recipe::sgd(1e-3, epochs)
        }
    }

    /// SGD with momentum 0.9 at 0.01 and nothing else: the book's bare ResNet-34 baseline.
    pub fn bare(epochs: usize) -> Recipe {
        Recipe {
            momentum: 0.9,
            ..Recipe::sgd(0.01, epochs)
        }
    }

    /// The book's full recipe for small models: Adam at `lr`, weight decay 1e-4, one warmup
    /// epoch then cosine decay, augmentation, label smoothing 0.1.
    pub fn full(lr: f64, epochs: usize, batch_size: usize) -> Recipe {
        Recipe {
            lr,
            batch_size,
            weight_decay: 1e-4,
            label_smoothing: 0.1,
            augment: true,
            ..Recipe::adam(epochs).with_cosine(1)
        }
    }

    /// Cosine decay after `warmup_epochs` of linear warmup.
    pub fn with_cosine(self, warmup_epochs: usize) -> Recipe {
        Recipe {
            cosine: true,
            warmup_epochs,
            ..self
        }
    }

    /// Random crop and flip of training images.
    pub fn with_augment(self) -> Recipe {
        Recipe {
            augment: true,
            ..self
        }
    }

    /// The same recipe without `ingredient`. Without Adam it is SGD with momentum 0.9 at 0.01:
    /// at Adam's 1e-3 SGD would lose by undershooting alone (the book's choice, for a fair
    /// comparison).
    pub fn without(self, ingredient: Ingredient) -> Recipe {
        match ingredient {
            Ingredient::Adam => Recipe {
                optimizer: "sgd".into(),
                lr: 0.01,
                momentum: 0.9,
                ..self
            },
            Ingredient::Cosine => Recipe {
                cosine: false,
                ..self
            },
            Ingredient::Warmup => Recipe {
                warmup_epochs: 0,
                ..self
            },
            Ingredient::WeightDecay => Recipe {
                weight_decay: 0.0,
                ..self
            },
            Ingredient::LabelSmoothing => Recipe {
                label_smoothing: 0.0,
                ..self
            },
            Ingredient::Augment => Recipe {
                augment: false,
                ..self
            },
        }
    }

    /// The optimizer named by [`Recipe::optimizer`].
    pub fn optimizer_kind(&self) -> Result<OptimizerKind, Error> {
        self.optimizer
            .parse()
            .map_err(|e: UnknownOptimizer| Error::Usage(e.to_string()))
    }

    /// The training configuration it sets (the rest as [`TrainConfig::default`]), checked.
    pub fn config(&self) -> Result<TrainConfig, Error> {
        let config = TrainConfig {
            optimizer: self.optimizer_kind()?,
            lr: self.lr,
            momentum: self.momentum,
            weight_decay: self.weight_decay,
            cosine: self.cosine,
            warmup_epochs: self.warmup_epochs,
            label_smoothing: self.label_smoothing,
            batch_size: self.batch_size,
            epochs: self.epochs,
            ..TrainConfig::default()
        };
        config.check()?;
        Ok(config)
    }

    /// Its augmentation as the data pipeline takes it.
    pub fn augmentation(&self) -> Augment {
        if self.augment {
            Augment::CIFAR
        } else {
            Augment::NONE
        }
    }

    /// One line for a table: `adam 0.001 +cos(w1) +wd 0.0001 +ls 0.1 +aug`, `sgd 0.1`.
    pub fn summary(&self) -> String {
        let mut s = format!("{} {}", self.optimizer, self.lr);
        if self.momentum > 0.0 {
            s += &format!(" m{}", self.momentum);
        }
        if self.cosine {
            s += &format!(" +cos(w{})", self.warmup_epochs);
        } else if self.warmup_epochs > 0 {
            s += &format!(" +warmup {}", self.warmup_epochs);
        }
        if self.weight_decay > 0.0 {
            s += &format!(" +wd {}", self.weight_decay);
        }
        if self.label_smoothing > 0.0 {
            s += &format!(" +ls {}", self.label_smoothing);
        }
        if self.augment {
            s += " +aug";
        }
        s
    }
}

/// A recipe a study file may start from by name (`recipe = "full"`), at the book's epochs and
/// batch size; the file's own fields then replace any of its values.
pub fn named(name: &str) -> Result<Recipe, Error> {
    Ok(match name {
        "s4tf-baseline" => Recipe::s4tf_baseline(12),
        "adam" => Recipe::adam(15),
        "adam-cosine" => Recipe::adam(15).with_cosine(1),
        "adam-cosine-augment" => Recipe::adam(30).with_cosine(2).with_augment(),
        "full" => Recipe::full(1e-3, 15, 128),
        "bare" => Recipe::bare(15),
        _ => {
            return Err(Error::Usage(format!(
                "unknown recipe {name:?}; the named recipes are {}",
                NAMED.join(", ")
            )))
        }
    })
}

/// The names [`named`] knows.
pub const NAMED: &[&str] = &[
    "s4tf-baseline",
    "adam",
    "adam-cosine",
    "adam-cosine-augment",
    "full",
    "bare",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaving_one_ingredient_out_changes_that_ingredient_alone() {
        let full = Recipe::full(1e-3, 80, 32).with_cosine(3);
        let no_adam = full.clone().without(Ingredient::Adam);
        assert_eq!(
            (no_adam.optimizer.as_str(), no_adam.lr, no_adam.momentum),
            ("sgd", 0.01, 0.9)
        );
        assert_eq!(
            Recipe {
                optimizer: "adam".into(),
                lr: 1e-3,
                momentum: 0.0,
                ..no_adam
            },
            full
        );
        let no_aug = full.clone().without(Ingredient::Augment);
        assert!(!no_aug.augment);
        assert_eq!(
            Recipe {
                augment: true,
                ..no_aug
            },
            full
        );
        assert_eq!(full.clone().without(Ingredient::Warmup).warmup_epochs, 0);
        assert_eq!(
            full.summary(),
            "adam 0.001 +cos(w3) +wd 0.0001 +ls 0.1 +aug"
        );
        assert_eq!(Recipe::s4tf_baseline(12).summary(), "sgd 0.1");
    }

    #[test]
    fn unknown_names_list_the_known_ones() {
        let e = "dropout".parse::<Ingredient>().unwrap_err().to_string();
        assert!(e.contains("weight-decay, label-smoothing, augment"), "{e}");
        let e = named("fancy").unwrap_err().to_string();
        assert!(e.contains("s4tf-baseline, adam"), "{e}");
    }
}
