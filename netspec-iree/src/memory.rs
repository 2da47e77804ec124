//! The process's memory as Linux reports it (`/proc/self/status`, `getrusage`): what the
//! examples and the benchmark print; and how the C allocator that IREE's CPU drivers allocate
//! from is told to keep what a step frees. `None` where the system does not report it.

/// Current resident memory (VmRSS), in bytes.
pub fn resident_bytes() -> Option<u64> {
    status_kib("VmRSS:").map(|k| k * 1024)
}

/// Peak resident memory (VmHWM) since the process started or `reset_peak`, in bytes.
pub fn peak_resident_bytes() -> Option<u64> {
    status_kib("VmHWM:").map(|k| k * 1024)
}

/// Restarts the peak count (Linux's `clear_refs` with 5); ignored where unsupported.
pub fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Bytes as MiB, for printing.
pub fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Minor page faults of this process so far: pages the kernel had to map on first touch.
pub fn minor_faults() -> Option<u64> {
    // SAFETY: getrusage writes one rusage into the zeroed struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } == 0;
    ok.then_some(usage.ru_minflt as u64)
}

/// Tells glibc's malloc, once per process, to keep freed memory for reuse instead of giving it
/// back to the system. IREE's CPU drivers allocate every step's results and transients from it
/// (a large step's transients exceed IREE's 64 MiB pool slabs and are allocated directly); by
/// default each large block is a fresh `mmap` that the kernel maps page by page on first touch
/// and `munmap`s on free, so every step paid tens of thousands of page faults (IREE's own tools
/// use a caching device allocator for the same reason; eerie does not expose one). Blocks below
/// 1 GiB now come from the heap, which is never trimmed; glibc caps the blocks other threads'
/// arenas serve at 64 MiB, and IREE makes its large allocations from the calling thread. Other
/// C libraries: nothing is changed. The benchmark prints the page faults per step.
pub fn keep_freed_memory() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        // SAFETY: mallopt only changes allocator parameters; a refused value leaves the default.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 30);
            libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX);
        }
    });
}
