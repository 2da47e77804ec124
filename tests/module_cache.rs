//! The module cache heals itself: an entry that is missing, cut short, damaged, not an entry
//! at all, or intact but unloadable is removed and compiled again; concurrent compiles of one
//! module leave one valid entry.

use netspec::core::step;
use netspec::iree::{Compiler, Device, Executable, Target, TrainConfig};
use netspec::models::MnistLinear;

fn module() -> netspec::core::ir::Module {
    step::build::<MnistLinear>(TrainConfig::default().step_config(&Target::HostCpu)).module
}

/// The tests of this file run one at a time: they create and drop IREE compiler sessions, and
/// overlapping that with other compiles in one process crashed IREE's compiler library.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn compiler(dir: &std::path::Path) -> Compiler {
    Compiler::new()
        .unwrap()
        .with_cache_dir(Some(dir.to_path_buf()))
}

fn fresh_dir(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("netspec-cache-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Loads the module: whether it came from the cache.
fn load(dir: &std::path::Path) -> bool {
    let exe = Executable::load(&compiler(dir), &module(), &Device::LocalSync).unwrap();
    exe.compile.from_cache
}

fn entry(dir: &std::path::Path) -> std::path::PathBuf {
    let m = module();
    let text = netspec::core::emit::module_text(&m);
    compiler(dir)
        .cache_path(&m.name, &text, &Target::HostCpu, &m.lowering())
        .unwrap()
}

#[test]
fn damaged_entries_are_removed_and_compiled_again() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = fresh_dir("damaged");
    assert!(!load(&dir), "an empty cache compiles");
    assert!(load(&dir), "the second load reads the cache");
    let path = entry(&dir);
    let good = std::fs::read(&path).unwrap();

    let truncated = good[..1024].to_vec();
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x40;
    let raw_vmfb = good[48..].to_vec(); // an entry of an older netspec: no header
    let cases: [(&str, Vec<u8>); 4] = [
        ("cut short", truncated),
        ("one byte changed", flipped),
        ("no header", raw_vmfb),
        ("empty", vec![]),
    ];
    for (what, bytes) in cases {
        std::fs::write(&path, &bytes).unwrap();
        assert!(!load(&dir), "{what}: recompiled, not loaded");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            good,
            "{what}: the entry is whole again"
        );
        assert!(load(&dir), "{what}: the healed entry is used");
    }
    std::fs::remove_file(&path).unwrap();
    assert!(!load(&dir), "missing: compiled");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_intact_entry_the_runtime_cannot_load_is_compiled_again() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = fresh_dir("unloadable");
    assert!(!load(&dir));
    let path = entry(&dir);
    let good = std::fs::read(&path).unwrap();
    // A well-formed entry around the first kilobyte of the vmfb: the checksum holds, the
    // runtime refuses it ("FlatBuffer length prefix out of bounds").
    let vmfb = &good[48..48 + 1024];
    let mut entry = b"NSVMFB1\n".to_vec();
    entry.extend_from_slice(&(vmfb.len() as u64).to_le_bytes());
    entry.extend_from_slice(&sha256(vmfb));
    entry.extend_from_slice(vmfb);
    std::fs::write(&path, &entry).unwrap();
    assert!(
        !load(&dir),
        "recompiled after the runtime refused the entry"
    );
    assert_eq!(std::fs::read(&path).unwrap(), good);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn concurrent_compiles_leave_one_valid_entry() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = fresh_dir("concurrent");
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let m = module();
                let text = netspec::core::emit::module_text(&m);
                compiler(&dir)
                    .compile(&m.name, &text, &Target::HostCpu, &m.lowering())
                    .unwrap()
                    .vmfb
            })
        })
        .collect();
    let vmfbs: Vec<Vec<u8>> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(vmfbs[0], vmfbs[1]);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(
        files,
        vec![dir.join("REVISION"), entry(&dir)],
        "one entry and the revision file, no temporary files left"
    );
    assert!(load(&dir));
    let _ = std::fs::remove_dir_all(&dir);
}

fn sha256(bytes: &[u8]) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).to_vec()
}

/// A machine without the compiler library runs what another compiled into a directory it was
/// given, and says which module is missing rather than compiling.
#[test]
fn a_cache_only_compiler_runs_what_was_compiled_elsewhere() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = fresh_dir("cache-only");
    assert!(
        Compiler::cache_only(dir.clone()).is_err(),
        "an empty directory holds nothing to run"
    );
    assert!(!load(&dir), "compiled here, with the library");
    let offline = Compiler::cache_only(dir.clone()).unwrap();
    let exe = Executable::load(&offline, &module(), &Device::LocalSync).unwrap();
    assert!(exe.compile.from_cache);
    let other = step::build::<netspec::models::MnistMlp>(
        TrainConfig::default().step_config(&Target::HostCpu),
    );
    let message = Executable::load(&offline, &other.module, &Device::LocalSync)
        .err()
        .expect("a module never compiled cannot be run")
        .to_string();
    assert!(
        message.contains("mnist_mlp") && message.contains("not among the compiled modules"),
        "{message}"
    );
}

/// A cache that cannot be used (its directory is a file) is said once, with why, and nothing
/// is claimed removed; the run compiles. Checked in a child process, whose stderr is read.
#[test]
fn an_unusable_cache_is_said_once_and_nothing_is_claimed_removed() {
    let dir = fresh_dir("not-a-dir");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cache");
    std::fs::write(&file, b"a file, not a directory").unwrap();
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_compiles_twice",
            "--include-ignored",
            "--nocapture",
        ])
        .env("NETSPEC_FAULT_CACHE", file.join("netspec"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr.matches("module cache").count(), 1, "{stderr}");
    assert!(
        stderr.contains("Not a directory") && stderr.contains("NETSPEC_CACHE_DIR"),
        "{stderr}"
    );
    assert!(!stderr.contains("removed"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
#[ignore = "run by an_unusable_cache_is_said_once_and_nothing_is_claimed_removed"]
fn child_compiles_twice() {
    let dir = std::path::PathBuf::from(std::env::var_os("NETSPEC_FAULT_CACHE").unwrap());
    for _ in 0..2 {
        assert!(!load(&dir), "nothing can be cached under a file");
    }
}
