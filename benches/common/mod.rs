//! What the benchmarks share: the CPU's description, timing statistics, and running a Python
//! peer that prints one JSON line.

use std::path::PathBuf;
use std::process::Command;

pub type Error = Box<dyn std::error::Error>;

pub struct Stats {
    pub median: f64,
    pub mean: f64,
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
        Stats {
            median,
            mean: ms.iter().sum::<f64>() / n as f64,
        }
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

/// Runs `benches/<script>` with `args` and returns the JSON object its last line prints.
pub fn run_peer(script: &str, args: &[String]) -> Result<serde_json::Value, Error> {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("benches")
        .join(script);
    let out = Command::new("python3").arg(script).args(args).output()?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned().into());
    }
    let stdout = String::from_utf8(out.stdout)?;
    let line = stdout.lines().last().ok_or("peer printed nothing")?;
    Ok(serde_json::from_str(line)?)
}
