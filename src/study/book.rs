//! The book's experiments (`MainAblation.lean` in brettkoonce/lean4-mlir): each run a network,
//! a recipe and a data set under the book's name, in the group of the chapter that reports it.

use netspec_core::data::DatasetKind;

use super::recipe::{Ingredient, Recipe};
use super::Run;

const MNIST: DatasetKind = DatasetKind::Mnist;
const CIFAR: DatasetKind = DatasetKind::Cifar10;
const IMAGENETTE: DatasetKind = DatasetKind::Imagenette;

/// Every run of the book's registry, in its order.
pub fn runs() -> Vec<Run> {
    let mut r = Vec::new();
    let mut add = |group: &str, name: &str, network: &str, recipe: Recipe, data: DatasetKind| {
        r.push(Run {
            name: name.into(),
            group: group.into(),
            network: network.into(),
            recipe,
            dataset: data,
            // Where the book's data set is absent (MNIST's IDX files, CIFAR-10, Imagenette
            // cannot all be fetched everywhere), Fashion-MNIST brought to the network's input;
            // the table names the data set each run trained on.
            fallback: Some(DatasetKind::FashionMnist),
        });
    };
    let baseline = Recipe::s4tf_baseline;
    let adam = Recipe::adam;
    // SGD at the first book's rate.
    let sgd_002 = |epochs| Recipe::sgd(0.002, epochs);

    // Chapter 0: one matmul.
    add("linear", "linear-sgd", "MnistLinear", baseline(12), MNIST);
    add("linear", "linear-adam", "MnistLinear", adam(12), MNIST);
    // Chapter 0.5: one hidden layer.
    add(
        "shallow",
        "shallow-sgd",
        "MnistShallow",
        baseline(15),
        MNIST,
    );
    add("shallow", "shallow-adam", "MnistShallow", adam(15), MNIST);
    // Width sweeps.
    for w in [32, 64, 128, 256, 512] {
        let (name, network) = (format!("width-h{w}"), format!("MnistH{w}"));
        add("width-mlp", &name, &network, sgd_002(15), MNIST);
    }
    for f in [8, 16, 32, 64] {
        let (name, network) = (format!("width-cnn-f{f}"), format!("MnistCnnF{f}"));
        add("width-cnn", &name, &network, sgd_002(15), MNIST);
    }
    for f in [8, 16, 32, 64] {
        let (name, network) = (format!("width-cifar-f{f}"), format!("CifarBnF{f}"));
        add("width-cifar", &name, &network, sgd_002(30), CIFAR);
    }
    // Chapter 1: the MLP.
    add("mlp", "mlp-sgd", "MnistMlp", baseline(12), MNIST);
    add(
        "mlp",
        "mlp-sgd-low",
        "MnistMlp",
        Recipe::sgd(0.01, 15),
        MNIST,
    );
    add("mlp", "mlp-adam", "MnistMlp", adam(12), MNIST);
    add(
        "mlp",
        "mlp-full",
        "MnistMlp",
        Recipe::full(1e-3, 12, 128),
        MNIST,
    );
    // Chapter 2: the MNIST CNN without and with BatchNorm.
    add(
        "cnn-bn",
        "cnn-nobn-sgd",
        "MnistCnnNoBn",
        baseline(12),
        MNIST,
    );
    add("cnn-bn", "cnn-nobn-adam", "MnistCnnNoBn", adam(15), MNIST);
    add("cnn-bn", "cnn-bn-sgd", "MnistCnnBn", baseline(15), MNIST);
    add("cnn-bn", "cnn-bn-adam", "MnistCnnBn", adam(15), MNIST);
    let full_15 = Recipe::full(1e-3, 15, 128);
    add("cnn-bn", "cnn-bn-full", "MnistCnnBn", full_15, MNIST);
    // Chapter 2, ResNet's head (global average pool, one dense layer).
    add(
        "cnn-lite",
        "cnn-lite-nobn-sgd",
        "MnistCnnLite",
        baseline(15),
        MNIST,
    );
    add(
        "cnn-lite",
        "cnn-lite-bn-sgd",
        "MnistCnnLiteBn",
        baseline(15),
        MNIST,
    );
    add(
        "cnn-lite",
        "cnn-lite-nobn-sgd002",
        "MnistCnnLite",
        sgd_002(15),
        MNIST,
    );
    add(
        "cnn-lite",
        "cnn-lite-bn-sgd002",
        "MnistCnnLiteBn",
        sgd_002(15),
        MNIST,
    );
    // Chapter 3: CIFAR without BatchNorm, then with it and the recipe built up.
    add(
        "cifar-bn",
        "cifar-nobn-sgd",
        "CifarCnnNoBn",
        baseline(30),
        CIFAR,
    );
    add(
        "cifar-bn",
        "cifar-nobn-sgd002",
        "CifarCnnNoBn",
        sgd_002(30),
        CIFAR,
    );
    add(
        "cifar-bn",
        "cifar-nobn-adam",
        "CifarCnnNoBn",
        adam(30),
        CIFAR,
    );
    add(
        "cifar-bn",
        "cifar-bn-sgd",
        "CifarCnnBn",
        baseline(30),
        CIFAR,
    );
    add(
        "cifar-bn",
        "cifar-bn-sgd002",
        "CifarCnnBn",
        sgd_002(30),
        CIFAR,
    );
    add("cifar-bn", "cifar-bn-adam", "CifarCnnBn", adam(30), CIFAR);
    let cosine = adam(30).with_cosine(1);
    add("cifar-bn", "cifar-bn-cosine", "CifarCnnBn", cosine, CIFAR);
    let augmented = adam(30).with_cosine(2).with_augment();
    add("cifar-bn", "cifar-bn-aug", "CifarCnnBn", augmented, CIFAR);
    let full_30 = Recipe::full(1e-3, 30, 128);
    add("cifar-bn", "cifar-bn-full", "CifarCnnBn", full_30, CIFAR);
    // Chapter 3, ResNet's head: with a pooled head, one learns and one does not.
    add(
        "cifar-lite",
        "cifar-lite-nobn-sgd002",
        "CifarLiteNoBn",
        sgd_002(30),
        CIFAR,
    );
    add(
        "cifar-lite",
        "cifar-lite-bn-sgd002",
        "CifarLiteBn",
        sgd_002(30),
        CIFAR,
    );
    // Chapter 6: ResNet-34's leave-one-out study, and the bare baseline beside it.
    let r34 = Recipe::full(1e-3, 80, 32).with_cosine(3);
    let loo = "r34-leave-one-out";
    add(loo, "r34-full", "ResNet34", r34.clone(), IMAGENETTE);
    let left_out = [
        ("r34-no-adam", Ingredient::Adam),
        ("r34-no-cosine", Ingredient::Cosine),
        ("r34-no-warmup", Ingredient::Warmup),
        ("r34-no-wd", Ingredient::WeightDecay),
        ("r34-no-smooth", Ingredient::LabelSmoothing),
        ("r34-no-aug", Ingredient::Augment),
    ];
    for (name, ingredient) in left_out {
        add(
            loo,
            name,
            "ResNet34",
            r34.clone().without(ingredient),
            IMAGENETTE,
        );
    }
    let bare = Recipe {
        batch_size: 32,
        ..Recipe::bare(80)
    };
    add(loo, "r34-bare", "ResNet34", bare, IMAGENETTE);
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::Study;

    #[test]
    fn the_registry_holds_the_books_runs_by_chapter() {
        let study = Study::book();
        assert_eq!(study.runs().len(), 49);
        assert_eq!(
            study.groups(),
            [
                "linear",
                "shallow",
                "width-mlp",
                "width-cnn",
                "width-cifar",
                "mlp",
                "cnn-bn",
                "cnn-lite",
                "cifar-bn",
                "cifar-lite",
                "r34-leave-one-out"
            ]
        );
        let mlp = study.select(&["mlp".into()]).unwrap();
        let names: Vec<_> = mlp.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["mlp-sgd", "mlp-sgd-low", "mlp-adam", "mlp-full"]);
        assert_eq!(mlp[0].recipe.summary(), "sgd 0.1");
        assert_eq!(mlp[0].recipe.epochs, 12);
        assert_eq!(
            mlp[3].recipe.summary(),
            "adam 0.001 +cos(w1) +wd 0.0001 +ls 0.1 +aug"
        );
        let e = study.select(&["mpl".into()]).unwrap_err().to_string();
        assert!(e.contains("no run or group named mpl"), "{e}");
    }

    /// Each leave-one-out run differs from the full recipe in its own ingredient alone.
    #[test]
    fn each_leave_one_out_run_removes_one_ingredient() {
        let study = Study::book();
        let runs = study.select(&["r34-leave-one-out".into()]).unwrap();
        let fields = |r: &Run| serde_json::to_value(&r.recipe).unwrap();
        let full = fields(&runs[0]);
        assert_eq!(runs[0].name, "r34-full");
        let changed = |r: &Run| -> Vec<String> {
            let f = fields(r);
            let mut keys: Vec<String> = full
                .as_object()
                .unwrap()
                .iter()
                .filter(|(k, v)| f[k.as_str()] != **v)
                .map(|(k, _)| k.clone())
                .collect();
            keys.sort();
            keys
        };
        let expected: [(&str, &[&str]); 7] = [
            ("r34-no-adam", &["lr", "momentum", "optimizer"]),
            ("r34-no-cosine", &["cosine"]),
            ("r34-no-warmup", &["warmup_epochs"]),
            ("r34-no-wd", &["weight_decay"]),
            ("r34-no-smooth", &["label_smoothing"]),
            ("r34-no-aug", &["augment"]),
            (
                "r34-bare",
                &[
                    "augment",
                    "cosine",
                    "label_smoothing",
                    "lr",
                    "momentum",
                    "optimizer",
                    "warmup_epochs",
                    "weight_decay",
                ],
            ),
        ];
        for (run, (name, keys)) in runs[1..].iter().zip(expected) {
            assert_eq!(run.name, name);
            assert_eq!(changed(run), keys, "{name}");
        }
    }
}
