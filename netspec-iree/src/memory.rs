//! The process's memory as Linux reports it (`/proc/self/status`, `getrusage`): what the
//! examples and the benchmark print; how the C allocator that IREE's CPU drivers allocate
//! from is told to keep what a step frees, and how that memory is given huge pages. `None`
//! where the system does not report it.

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

/// Backs the heap memory a step has newly touched with transparent huge pages, where Linux
/// has them (`madvise` with `MADV_HUGEPAGE`, then `MADV_COLLAPSE`, Linux 6.1 on): a matmul
/// reading an operand transposed, a row apart per element, touches a new 4 KiB page per
/// element and spent its time on TLB misses (ViT-Tiny@32's weight gradients; glibc's
/// `glibc.malloc.hugetlb=1` tunable does as much, but only the environment can set it).
/// Called after every call of a module: it rescans the process's
/// anonymous memory only once 2 MiB more of it has been faulted in since the last scan, which
/// after the first steps is never (memory is reused, `keep_freed_memory`). The sizes and
/// values of nothing change; a system without the calls, or without huge pages to give,
/// leaves the pages as they are.
pub fn use_huge_pages_for_new_memory() {
    // The libc crate names MADV_COLLAPSE for glibc targets.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        use std::sync::atomic::{AtomicU64, Ordering};
        /// 2 MiB in 4 KiB pages.
        const FAULTS_PER_HUGE_PAGE: u64 = 512;
        static SCANNED_AT: AtomicU64 = AtomicU64::new(0);
        let Some(faults) = minor_faults() else {
            return;
        };
        if faults < SCANNED_AT.load(Ordering::Relaxed) + FAULTS_PER_HUGE_PAGE {
            return;
        }
        SCANNED_AT.store(faults, Ordering::Relaxed);
        let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else {
            return;
        };
        const HUGE: usize = 2 << 20;
        for line in maps.lines() {
            // start-end perms offset dev inode [path]: private, writable, anonymous (or the
            // heap), at least one whole huge page.
            let fields: Vec<&str> = line.split_whitespace().collect();
            let anonymous = match fields.get(5) {
                None => fields.get(4) == Some(&"0"),
                Some(path) => *path == "[heap]",
            };
            if fields.len() < 5 || fields[1] != "rw-p" || !anonymous {
                continue;
            }
            let Some((start, end)) = fields[0].split_once('-') else {
                continue;
            };
            let (Ok(start), Ok(end)) = (
                usize::from_str_radix(start, 16),
                usize::from_str_radix(end, 16),
            ) else {
                continue;
            };
            let (start, end) = (start.next_multiple_of(HUGE), end / HUGE * HUGE);
            if end <= start {
                continue;
            }
            // SAFETY: advice on a mapping of this process, whole huge pages inside it: it
            // changes how the pages are backed, never their contents.
            unsafe {
                let at = start as *mut libc::c_void;
                libc::madvise(at, end - start, libc::MADV_HUGEPAGE);
                // Huge page by huge page: one never touched (free heap) is refused, and a
                // refusal would end a call over the whole range there.
                for page in (start..end).step_by(HUGE) {
                    libc::madvise(page as *mut libc::c_void, HUGE, libc::MADV_COLLAPSE);
                }
            }
        }
    }
}
