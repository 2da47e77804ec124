//! A run under faults: a full disk, SIGKILL in the middle of a checkpoint's or an export's
//! write, SIGTERM and SIGHUP during training, a resume given nothing but `--resume`, and runs
//! whose result is worse than what their `--save` holds. Each fault happens in a child process
//! (this test binary running one ignored `child_*` test) so that killing it kills nothing else.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use netspec::cli::{self, Defaults};
use netspec::core::checkpoint::{self, NamedTensor};
use netspec::iree::{export, Compiler, ExportOptions, Target, Trainer};
use netspec::models::{MnistCnn, MnistLinear, MnistMlp};
use netspec::prelude::Network;
use rand::{Rng, SeedableRng};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("netspec-faults-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// This test binary running the ignored test `name` alone, with `env` set.
fn child(name: &str, env: &[(&str, &Path)]) -> Command {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args([
        "--exact",
        name,
        "--include-ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    for (k, v) in env {
        c.env(k, v);
    }
    c
}

fn env_path(key: &str) -> PathBuf {
    PathBuf::from(std::env::var_os(key).expect("set by the parent test"))
}

fn run(args: &[String]) -> Result<cli::RunReport, netspec::iree::Error> {
    cli::parse(args.iter().cloned(), Defaults::default()).and_then(|o| cli::run::<MnistMlp>(&o))
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Temporary files of `name` left in `dir` (`.NAME.XXXXXX.tmp-PID`).
fn temporaries(dir: &Path, name: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{name}.")) && n.contains(".tmp-"))
        .collect()
}

/// Each tensor's name and bits, by name (a checkpoint loads sorted by name).
fn bits(tensors: &[NamedTensor]) -> Vec<(String, Vec<u32>)> {
    let mut named: Vec<_> = tensors
        .iter()
        .map(|t| (t.name.clone(), t.data.iter().map(|x| x.to_bits()).collect()))
        .collect();
    named.sort();
    named
}

// ---- SIGKILL while a checkpoint is written ----

fn two_checkpoints() -> [Vec<NamedTensor>; 2] {
    [MnistCnn::init_params(1), MnistCnn::init_params(2)]
}

#[test]
#[ignore = "run by sigkill_during_checkpoint_writes_leaves_a_whole_one in a child process"]
fn child_writes_checkpoints() {
    let path = env_path("NETSPEC_FAULT_PATH");
    let both = two_checkpoints();
    for i in 0.. {
        checkpoint::save(&path, &both[i % 2], &[]).unwrap();
    }
}

#[test]
fn sigkill_during_checkpoint_writes_leaves_a_whole_one() {
    let dir = scratch("kill-checkpoint");
    let path = dir.join("cnn.safetensors");
    let both = two_checkpoints().map(|t| bits(&t));
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let mut killed_mid_write = 0;
    for round in 0..12 {
        let mut c = child("child_writes_checkpoints", &[("NETSPEC_FAULT_PATH", &path)])
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        while !path.exists() {
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(rng.gen_range(20..120)));
        c.kill().unwrap();
        c.wait().unwrap();
        let loaded = bits(&checkpoint::load(&path).unwrap());
        assert!(
            loaded == both[0] || loaded == both[1],
            "round {round}: a mixed checkpoint"
        );
        let left = temporaries(&dir, "cnn.safetensors");
        assert!(
            left.len() <= 1,
            "round {round}: stale temporary files pile up: {left:?}"
        );
        killed_mid_write += left.len();
    }
    assert!(
        killed_mid_write > 0,
        "no kill landed inside a write: the test proved nothing"
    );
    checkpoint::save(&path, &MnistCnn::init_params(3), &[]).unwrap();
    assert_eq!(temporaries(&dir, "cnn.safetensors"), Vec::<String>::new());
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- SIGKILL while an export is written ----

fn export_variant(i: usize) -> (Vec<NamedTensor>, ExportOptions) {
    let names = (0..10).map(|c| format!("{}{c}", ["a", "b"][i])).collect();
    let options = ExportOptions {
        target: Target::HostCpu,
        batch: 1,
        normalization: None,
        class_names: names,
    };
    (MnistLinear::init_params(i as u64), options)
}

#[test]
#[ignore = "run by sigkill_during_exports_leaves_a_whole_one in a child process"]
fn child_exports() {
    let dir = env_path("NETSPEC_FAULT_PATH");
    let compiler = Compiler::new().unwrap();
    for i in 0.. {
        let (params, options) = export_variant(i % 2);
        export::<MnistLinear>(&compiler, params, &dir, &options).unwrap();
    }
}

/// The files of an export directory, by name; the weights as their tensors and metadata (the
/// safetensors header's key order is not fixed).
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            let content = if name.ends_with(".safetensors") {
                let (tensors, meta) = checkpoint::load_with_metadata(&e.path()).unwrap();
                let mut meta: Vec<_> = meta.into_iter().collect();
                meta.sort();
                format!("{:?}", (bits(&tensors), meta)).into_bytes()
            } else {
                std::fs::read(e.path()).unwrap()
            };
            (name, content)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn sigkill_during_exports_leaves_a_whole_one() {
    let root = scratch("kill-export");
    let compiler = Compiler::new().unwrap();
    let reference: Vec<_> = (0..2)
        .map(|i| {
            let (params, options) = export_variant(i);
            let dir = root.join(format!("reference-{i}"));
            export::<MnistLinear>(&compiler, params, &dir, &options).unwrap();
            snapshot(&dir)
        })
        .collect();
    let dir = root.join("export");
    let (params, options) = export_variant(0);
    export::<MnistLinear>(&compiler, params, &dir, &options).unwrap();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
    for round in 0..6 {
        let mut c = child("child_exports", &[("NETSPEC_FAULT_PATH", &dir)])
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.gen_range(300..1500)));
        c.kill().unwrap();
        c.wait().unwrap();
        let now = snapshot(&dir);
        assert!(
            now == reference[0] || now == reference[1],
            "round {round}: the export directory mixes two exports or misses files: {:?}",
            now.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
    }
    let (params, options) = export_variant(1);
    export::<MnistLinear>(&compiler, params, &dir, &options).unwrap();
    assert_eq!(
        temporaries(&root, "export"),
        Vec::<String>::new(),
        "stale exports removed"
    );
    let _ = std::fs::remove_dir_all(&root);
}

// ---- a full disk ----

/// MnistLinear (a 31 KB checkpoint) saving into a 16 KiB tmpfs.
#[test]
#[ignore = "run by a_full_disk_sends_the_results_to_the_temporary_directory in a child process"]
fn child_trains_onto_a_full_disk() {
    let save = env_path("NETSPEC_FAULT_PATH").join("lin.safetensors");
    let list = [
        "--train-limit",
        "128",
        "--test-limit",
        "64",
        "--batch-size",
        "32",
        "--epochs",
        "2",
        "--quiet",
        "--save",
    ];
    let mut a = args(&list);
    a.push(save.display().to_string());
    let result = cli::parse(a, Defaults::default()).and_then(|o| cli::run::<MnistLinear>(&o));
    println!(
        "RESULT {}",
        result.err().map_or("ok".into(), |e| e.to_string())
    );
}

#[test]
fn a_full_disk_sends_the_results_to_the_temporary_directory() {
    let full = scratch("full-disk");
    // A private mount namespace: the tmpfs is gone with the child.
    let exe = std::env::current_exe().unwrap();
    let script = format!(
        "mount -t tmpfs -o size=16k tmpfs {0} && exec {1} --exact child_trains_onto_a_full_disk \
         --include-ignored --nocapture",
        full.display(),
        exe.display()
    );
    let tries: [&[&str]; 2] = [&["--mount"], &["--map-root-user", "--mount"]];
    let out = tries.iter().find_map(|flags| {
        let out = Command::new("unshare")
            .args(*flags)
            .args(["sh", "-c", &script])
            .env("NETSPEC_FAULT_PATH", &full)
            .output()
            .ok()?;
        String::from_utf8_lossy(&out.stdout)
            .contains("RESULT")
            .then_some(out)
    });
    let Some(out) = out else {
        eprintln!("skipped: no tmpfs can be mounted here (unshare --mount needs root or user namespaces); the fallback is also held by the cli's unit test of a failing destination");
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let all = format!("{stdout}\n{stderr}");
    assert!(all.contains("No space left on device"), "{all}");
    // The child's fallback directory: netspec-mnistlinear-<its pid>.
    let fallback = all
        .split_whitespace()
        .find(|w| w.contains("netspec-mnistlinear-") && w.ends_with("lin.resume.safetensors"))
        .map(PathBuf::from)
        .unwrap_or_else(|| panic!("no fallback training checkpoint named in:\n{all}"));
    let dir = fallback.parent().unwrap();
    let state = Trainer::training_state(&fallback).unwrap();
    assert!(state.steps_done > 0, "the saved state is trained");
    let params = checkpoint::load(&dir.join("lin.safetensors")).unwrap();
    assert_ne!(
        bits(&params),
        bits(&MnistLinear::init_params(0)),
        "trained parameters saved"
    );
    assert!(
        all.contains(&dir.join("lin.safetensors").display().to_string()),
        "{all}"
    );
    assert!(
        dir.join("lin.metrics.jsonl").exists(),
        "the metrics went with them"
    );
    let _ = std::fs::remove_dir_all(dir);
}

// ---- SIGTERM and SIGHUP, and a resume given only --resume ----

fn mlp_run(save: &Path) -> Vec<String> {
    let mut a = args(&[
        "--train-limit",
        "1920",
        "--test-limit",
        "256",
        "--batch-size",
        "64",
        "--epochs",
        "6",
        "--quiet",
        "--save",
    ]);
    a.push(save.display().to_string());
    a
}

#[test]
#[ignore = "run by sigterm_stops_after_a_step_and_resume_alone_continues_bit_for_bit"]
fn child_trains() {
    let result = run(&mlp_run(&env_path("NETSPEC_FAULT_PATH")));
    println!(
        "RESULT {}",
        result.err().map_or("ok".into(), |e| e.to_string())
    );
}

/// Starts the child run with the stop signals at their defaults, or `ignored` ignored as a
/// launcher may leave it (`nohup`: SIGHUP), sends `signals` once its first epoch is done, and
/// returns its output.
fn signalled_run(save: &Path, signals: &[&str], ignored: Option<libc::c_int>) -> String {
    use std::os::unix::process::CommandExt;
    let mut c = child("child_trains", &[("NETSPEC_FAULT_PATH", save)]);
    // SAFETY: between fork and exec only async-signal-safe calls (signal) are made.
    unsafe {
        c.pre_exec(move || {
            for s in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                libc::signal(s, libc::SIG_DFL);
            }
            if let Some(s) = ignored {
                libc::signal(s, libc::SIG_IGN);
            }
            Ok(())
        });
    }
    let mut c = c
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = String::new();
    let mut lines = BufReader::new(c.stdout.take().unwrap()).lines();
    for line in lines.by_ref() {
        let line = line.unwrap();
        out += &line;
        out += "\n";
        if line.starts_with("epoch   1/") {
            for signal in signals {
                let sent = Command::new("kill")
                    .args(["-s", signal, &c.id().to_string()])
                    .status()
                    .unwrap();
                assert!(sent.success());
            }
            break;
        }
    }
    for line in lines {
        out += &line.unwrap();
        out += "\n";
    }
    let status = c.wait_with_output().unwrap();
    out + &String::from_utf8_lossy(&status.stderr)
}

#[test]
fn sigterm_stops_after_a_step_and_resume_alone_continues_bit_for_bit() {
    let dir = scratch("sigterm");
    let stopped = dir.join("stopped.safetensors");
    let out = signalled_run(&stopped, &["TERM"], None);
    assert!(out.contains("RESULT training was interrupted"), "{out}");
    let resume = stopped.with_extension("resume.safetensors");
    assert!(
        out.contains(&format!("continue with --resume {}", resume.display())),
        "{out}"
    );
    let state = Trainer::training_state(&resume).unwrap();
    assert!(
        state.steps_done >= 30 && state.steps_done < 180,
        "stopped mid-run: {}",
        state.steps_done
    );
    assert!(
        !stopped.exists(),
        "a stopped run writes no final checkpoint"
    );

    // Continued from another directory, with nothing but --resume.
    let elsewhere = scratch("sigterm-elsewhere");
    let here = std::env::current_dir().unwrap();
    std::env::set_current_dir(&elsewhere).unwrap();
    let resumed = run(&args(&[
        "--resume",
        &resume.display().to_string(),
        "--quiet",
    ]));
    std::env::set_current_dir(here).unwrap();
    resumed.unwrap();

    let straight = dir.join("straight.safetensors");
    run(&mlp_run(&straight)).unwrap();
    assert_eq!(
        bits(&checkpoint::load(&stopped).unwrap()),
        bits(&checkpoint::load(&straight).unwrap()),
        "the stopped and resumed run differs from the uninterrupted one"
    );
    let epochs = |p: &Path| -> Vec<serde_json::Value> {
        std::fs::read_to_string(p.with_extension("metrics.jsonl"))
            .unwrap()
            .lines()
            .map(|l| {
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["seconds"] = 0.into();
                v
            })
            .collect()
    };
    assert_eq!(
        epochs(&stopped),
        epochs(&straight),
        "the metrics of both runs"
    );
    assert!(stopped.with_extension("png").exists());
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&elsewhere);
}

#[test]
fn sighup_stops_with_a_resumable_checkpoint() {
    let dir = scratch("sighup");
    let save = dir.join("hup.safetensors");
    let out = signalled_run(&save, &["HUP"], None);
    assert!(out.contains("RESULT training was interrupted"), "{out}");
    let state = Trainer::training_state(&save.with_extension("resume.safetensors")).unwrap();
    assert!(state.steps_done >= 30, "{}", state.steps_done);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Started under `nohup`, a run keeps SIGHUP ignored and still stops on SIGTERM with its
/// checkpoint: one stop requested (a SIGHUP taken as the first would make SIGTERM the second,
/// which quits at once without one).
#[test]
fn under_nohup_sighup_stays_ignored_and_sigterm_still_stops() {
    let dir = scratch("nohup");
    let save = dir.join("nohup.safetensors");
    let out = signalled_run(&save, &["HUP", "TERM"], Some(libc::SIGHUP));
    assert!(out.contains("RESULT training was interrupted"), "{out}");
    assert_eq!(out.matches("stop requested").count(), 1, "{out}");
    let state = Trainer::training_state(&save.with_extension("resume.safetensors")).unwrap();
    assert!(state.steps_done >= 30, "{}", state.steps_done);
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- a worse result never replaces a better one ----

#[test]
fn untrained_and_diverged_runs_leave_a_good_checkpoint_and_its_report() {
    let dir = scratch("worse");
    let good = dir.join("good.safetensors");
    // The MLP diverges at --lr 1e30 (its layers multiply the huge weights); batch 64 as the
    // signal tests', so its train step is compiled once.
    let mlp = |extra: &[&str]| {
        let mut a = args(&[
            "--train-limit",
            "256",
            "--test-limit",
            "64",
            "--batch-size",
            "64",
            "--quiet",
            "--save",
        ]);
        a.push(good.display().to_string());
        a.extend(args(extra));
        run(&a)
    };
    mlp(&["--epochs", "1"]).unwrap();
    let files = [
        "good.safetensors",
        "good.metrics.jsonl",
        "good.png",
        "good.resume.safetensors",
    ];
    let before: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    let unchanged = |what: &str| {
        for (f, b) in files.iter().zip(&before) {
            assert_eq!(
                &std::fs::read(dir.join(f)).unwrap(),
                b,
                "{what}: {f} changed"
            );
        }
    };

    mlp(&["--epochs", "0"]).unwrap();
    unchanged("--epochs 0");

    let err = mlp(&["--lr", "1e30", "--steps", "20"]).unwrap_err();
    assert!(err.to_string().contains("loss became"), "{err}");
    unchanged("--lr 1e30");
    let fallback = std::env::temp_dir().join(format!("netspec-mnistmlp-{}", std::process::id()));
    let kept = checkpoint::load(&fallback.join("good.safetensors")).unwrap();
    assert!(kept.iter().all(|t| t.data.iter().all(|x| x.is_finite())));
    assert_eq!(
        temporaries(&dir, "good.metrics.jsonl"),
        Vec::<String>::new()
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&fallback);
}

#[test]
fn clashing_paths_are_refused_before_the_inputs_are_touched() {
    let dir = scratch("clash");
    let x = dir.join("x.safetensors");
    checkpoint::save(&x, &MnistLinear::init_params(0), &[]).unwrap();
    let before = std::fs::read(&x).unwrap();
    for flags in [["--init", "--metrics"], ["--init", "--save"]] {
        let a = args(&[
            flags[0],
            &x.display().to_string(),
            flags[1],
            &x.display().to_string(),
            "--quiet",
        ]);
        let e = cli::parse(a, Defaults::default())
            .and_then(|o| cli::run::<MnistLinear>(&o))
            .unwrap_err();
        assert!(
            e.to_string().contains(&format!("is also {}", flags[0])),
            "{e}"
        );
        assert_eq!(
            std::fs::read(&x).unwrap(),
            before,
            "{flags:?} touched the input"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
