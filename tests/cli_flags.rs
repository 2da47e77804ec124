//! The examples' command line, parsed by clap: flags onto an example's defaults, the values of
//! the value enums, usage errors naming the flag, and `--dataset folder:PATH`.

use std::path::PathBuf;

use netspec::cli::{self, DataChoice, Defaults};
use netspec::core::data::augment::Augment;
use netspec::core::data::DatasetKind;
use netspec::iree::{Device, Error, LossKind, OptimizerKind, TrainConfig};

fn parse(args: &[&str]) -> Result<cli::Options, Error> {
    cli::parse(args.iter().map(|s| s.to_string()), Defaults::default())
}

fn usage(args: &[&str]) -> String {
    match parse(args) {
        Err(Error::Usage(m)) => m,
        Err(other) => panic!("{args:?}: expected a usage error, got {other}"),
        Ok(o) => panic!("{args:?}: parsed to {o:?}"),
    }
}

#[test]
fn a_representative_command_line_sets_the_train_config() {
    let o = parse(&[
        "--epochs",
        "3",
        "--batch-size",
        "64",
        "--lr",
        "0.002",
        "--optimizer",
        "adamw",
        "--momentum",
        "0.8",
        "--weight-decay",
        "0.05",
        "--cosine",
        "--warmup-epochs",
        "2",
        "--label-smoothing",
        "0.1",
        "--drop-path",
        "0.2",
        "--loss",
        "cross-entropy",
        "--seed",
        "7",
        "--steps",
        "100",
        "--train-limit",
        "500",
        "--test-limit",
        "50",
        "--no-shuffle",
        "--quiet",
        "--augment",
        "--device",
        "local-sync",
        "--save",
        "out/x.safetensors",
        "--resume",
        "out/x.train.safetensors",
        "--dataset",
        "cifar10",
        "--resolution",
        "32",
    ])
    .unwrap();
    let c = &o.config;
    assert_eq!(c.epochs, 3);
    assert_eq!(c.batch_size, 64);
    assert_eq!(c.lr, 0.002);
    assert_eq!(c.optimizer, OptimizerKind::Adam);
    assert_eq!(c.momentum, 0.8);
    assert_eq!(c.weight_decay, 0.05);
    assert!(c.cosine);
    assert_eq!(c.warmup_epochs, 2);
    assert_eq!(c.label_smoothing, 0.1);
    assert_eq!(c.drop_path, 0.2);
    assert_eq!(c.loss, LossKind::CrossEntropy);
    assert_eq!(c.seed, 7);
    assert_eq!(c.max_steps, Some(100));
    assert!(!c.shuffle);
    assert!(!c.progress);
    assert_eq!(o.train_limit, Some(500));
    assert_eq!(o.test_limit, Some(50));
    assert_eq!(o.augment, Augment::CIFAR);
    assert_eq!(o.device, Device::LocalSync);
    assert_eq!(o.save, Some(PathBuf::from("out/x.safetensors")));
    assert_eq!(o.resume, Some(PathBuf::from("out/x.train.safetensors")));
    assert_eq!(o.dataset, DataChoice::Known(DatasetKind::Cifar10));
    assert_eq!(o.fallback, None);
}

#[test]
fn what_is_not_given_comes_from_the_defaults_and_the_last_value_wins() {
    let defaults = Defaults {
        config: TrainConfig {
            lr: 0.5,
            epochs: 9,
            ..TrainConfig::default()
        },
        dataset: DatasetKind::Cifar10,
        fallback: Some(DatasetKind::FashionMnist),
        augment: Augment::CIFAR,
        save: Some(PathBuf::from("d.safetensors")),
        train_limit: Some(10),
        device: Device::LocalSync,
    };
    let args = [
        "--epochs",
        "2",
        "--epochs",
        "4",
        "--loss",
        "mse",
        "--no-augment",
    ];
    let o = cli::parse(args.map(String::from), defaults.clone()).unwrap();
    assert_eq!(o.config.epochs, 4);
    assert_eq!(o.config.lr, 0.5);
    assert_eq!(o.config.loss, LossKind::MeanSquaredError);
    assert_eq!(o.config.optimizer, TrainConfig::default().optimizer);
    assert_eq!(o.augment, Augment::NONE);
    assert_eq!(o.dataset, DataChoice::Known(DatasetKind::Cifar10));
    assert_eq!(o.fallback, Some(DatasetKind::FashionMnist));
    assert_eq!(o.save, Some(PathBuf::from("d.safetensors")));
    assert_eq!(o.train_limit, Some(10));
    assert_eq!(o.device, Device::LocalSync);
    assert_eq!(o.resume, None);
    assert!(o.config.shuffle && o.config.progress && !o.config.cosine);
    // --no-augment then --augment: the last one counts.
    let o = cli::parse(["--no-augment", "--augment"].map(String::from), defaults).unwrap();
    assert_eq!(o.augment, Augment::CIFAR);
}

#[test]
fn unknown_flags_and_bad_values_are_usage_errors_naming_the_flag() {
    let m = usage(&["--epoch", "3"]);
    assert!(m.contains("unexpected argument '--epoch'"), "{m}");
    let m = usage(&["--lr", "fast"]);
    assert!(m.contains("invalid value 'fast' for '--lr <X>'"), "{m}");
    let m = usage(&["--optimizer", "rmsprop"]);
    assert!(
        m.contains("'--optimizer <NAME>'") && m.contains("sgd, adam"),
        "{m}"
    );
    let m = usage(&["--device", "tpu"]);
    assert!(
        m.contains("'--device <NAME>'") && m.contains("local-task, local-sync, cuda"),
        "{m}"
    );
    let m = usage(&["--dataset", "imagenet"]);
    assert!(
        m.contains("'--dataset <NAME>'") && m.contains("`imagenette`"),
        "{m}"
    );
    let m = usage(&["--epochs"]);
    assert!(m.contains("'--epochs <N>'"), "{m}");
    // --help lists every flag, one line each.
    let m = usage(&["--help"]);
    for flag in [
        "--batch-size <N>",
        "--no-augment",
        "--resume <FILE>",
        "--device <NAME>",
    ] {
        assert!(m.contains(flag), "{flag} missing from\n{m}");
    }
}

#[test]
fn folder_paths_parse_to_the_folder_choice() {
    let o = parse(&["--dataset", "folder:/some/path", "--loss", "ce"]).unwrap();
    assert_eq!(o.dataset, DataChoice::Folder(PathBuf::from("/some/path")));
    assert_eq!(o.dataset.to_string(), "folder:/some/path");
    assert_eq!(o.config.loss, LossKind::CrossEntropy);
    let m = usage(&["--dataset", "folder:"]);
    assert!(m.contains("needs a path"), "{m}");
    let m = usage(&["--dataset", "folder:/a", "--data", "/b"]);
    assert!(m.contains("--data /b") && m.contains("folder:/a"), "{m}");
}

#[test]
fn help_shows_each_flags_default_as_the_example_sets_it() {
    // Whitespace folded: clap wraps long lines.
    let fold = |m: String| m.split_whitespace().collect::<Vec<_>>().join(" ");
    let m = fold(usage(&["--help"]));
    for shown in [
        "passes over the training set [default: 12]",
        "examples per step (the module is compiled for it) [default: 128]",
        "base learning rate [default: 0.1]",
        "[default: fashion-mnist]",
        "[default: local-task]",
        "[default: data/fashion-mnist in the workspace]",
    ] {
        assert!(m.contains(shown), "{shown} missing from\n{m}");
    }
    let defaults = Defaults {
        config: TrainConfig {
            lr: 0.05,
            epochs: 5,
            ..TrainConfig::default()
        },
        dataset: DatasetKind::Cifar10,
        fallback: Some(DatasetKind::FashionMnist),
        augment: Augment::CIFAR,
        ..Defaults::default()
    };
    let m = match cli::parse(["--help".to_string()], defaults) {
        Err(Error::Usage(m)) => fold(m),
        other => panic!("{other:?}"),
    };
    for shown in [
        "[default: 5]",
        "[default: 0.05]",
        "[default: cifar-10, else fashion-mnist when it is absent]",
        "random crop (padding 4) and horizontal flip of training images [default: on]",
    ] {
        assert!(m.contains(shown), "{shown} missing from\n{m}");
    }
}

/// `--data data`: the folder scripts/setup.sh fills, which holds one folder per data set.
#[test]
fn data_names_the_data_set_or_the_folder_that_holds_it() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let own = root.join("fashion-mnist");
    for given in [&root, &own] {
        let o = parse(&[
            "--data",
            &given.display().to_string(),
            "--train-limit",
            "10",
            "--test-limit",
            "10",
        ])
        .unwrap();
        let data = cli::load_data(&o, [1, 28, 28]).unwrap();
        assert_eq!(data.dir, own, "--data {}", given.display());
        assert_eq!(data.test.len(), 10);
    }
}
