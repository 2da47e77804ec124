//! What the benchmarks share: the CPU's description, timing statistics, and running a Python
//! peer that prints one JSON line.

pub mod fma;

use std::path::PathBuf;
use std::process::Command;

pub type Error = Box<dyn std::error::Error>;

pub struct Stats {
    pub median: f64,
}

impl Stats {
    pub fn of(mut ms: Vec<f64>) -> Stats {
        ms.sort_by(f64::total_cmp);
        let n = ms.len();
        let median = if n % 2 == 1 {
            ms[n / 2]
        } else {
            (ms[n / 2 - 1] + ms[n / 2]) / 2.0
        };
        Stats { median }
    }
}

/// The CPU's model name and the vector features that decide IREE's code for it.
pub fn cpu_description() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let field = |name: &str| {
        info.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split(':').nth(1))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    let flags = field("flags");
    let wanted = [
        "avx2",
        "fma",
        "avx512f",
        "avx512bw",
        "avx512vl",
        "avx512_vnni",
        "avx512_bf16",
        "amx_tile",
    ];
    let have: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|w| flags.split_whitespace().any(|f| f == *w))
        .collect();
    let avx512 = if have.contains(&"avx512f") {
        "with AVX-512"
    } else {
        "no AVX-512"
    };
    format!("{} ({avx512}: {})", field("model name"), have.join(" "))
}

pub fn python_has(module: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs `benches/<script>` with `args` and `env` added to this process's environment, and
/// returns the JSON object its last line prints.
pub fn run_peer(
    script: &str,
    args: &[String],
    env: &[(&str, &str)],
) -> Result<serde_json::Value, Error> {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("benches")
        .join(script);
    let out = Command::new("python3")
        .arg(script)
        .args(args)
        .envs(env.iter().copied())
        .output()?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned().into());
    }
    let stdout = String::from_utf8(out.stdout)?;
    let line = stdout.lines().last().ok_or("peer printed nothing")?;
    Ok(serde_json::from_str(line)?)
}

/// A name for the CPU's class, for the file its figures are written to: the same for every
/// machine whose IREE code and figures should compare (`zen5-avx512`, `zen3-avx2`,
/// `intel-amx-avx512`, ...).
pub fn cpu_class() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let field = |name: &str| {
        info.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split(':').nth(1))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    let flags = field("flags");
    let has = |f: &str| flags.split_whitespace().any(|x| x == f);
    let vector = if has("avx512f") {
        "avx512"
    } else if has("avx2") {
        "avx2"
    } else {
        "sse"
    };
    let family: u32 = field("cpu family").parse().unwrap_or(0);
    let model: u32 = field("model").parse().unwrap_or(0);
    let kind = match field("vendor_id").as_str() {
        "AuthenticAMD" => match (family, model) {
            (23, _) => "zen2".to_string(),
            (25, m) if m >= 0x10 && has("avx512f") => "zen4".to_string(),
            (25, _) => "zen3".to_string(),
            (26, _) => "zen5".to_string(),
            _ => format!("amd-family{family}"),
        },
        "GenuineIntel" if has("amx_tile") => "intel-amx".to_string(),
        "GenuineIntel" => "intel".to_string(),
        _ => std::env::consts::ARCH.to_string(),
    };
    format!("{kind}-{vector}")
}

/// Today's date (UTC) as YYYY-MM-DD.
pub fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The checkout's commit, with `+` where the working tree has changes.
pub fn git_commit() -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let commit = git(&["rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "?".into());
    let dirty =
        git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty());
    format!("{commit}{}", if dirty { "+" } else { "" })
}
