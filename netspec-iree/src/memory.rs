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

/// Notes, the first time it is called (when the first CPU device opens), the anonymous memory
/// the process holds: the caller's (the data sets a run loads first), which
/// [`use_huge_pages_for_new_memory`] leaves alone.
pub fn note_memory_held_before_device() {
    let _ = HELD_BEFORE_DEVICE.get_or_init(anonymous_mappings);
}

/// The anonymous memory mapped when the first CPU device opened, sorted.
static HELD_BEFORE_DEVICE: std::sync::OnceLock<Vec<(usize, usize)>> = std::sync::OnceLock::new();

/// The process's private, writable, anonymous mappings (the heap's included) as address
/// ranges, in address order; none where `/proc/self/maps` cannot be read.
fn anonymous_mappings() -> Vec<(usize, usize)> {
    let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else {
        return vec![];
    };
    maps.lines()
        .filter_map(|line| {
            // start-end perms offset dev inode [path]
            let fields: Vec<&str> = line.split_whitespace().collect();
            let anonymous = match fields.get(5) {
                None => fields.get(4) == Some(&"0"),
                Some(path) => *path == "[heap]",
            };
            if fields.len() < 5 || fields[1] != "rw-p" || !anonymous {
                return None;
            }
            let (start, end) = fields[0].split_once('-')?;
            Some((
                usize::from_str_radix(start, 16).ok()?,
                usize::from_str_radix(end, 16).ok()?,
            ))
        })
        .collect()
}

/// Backs the heap memory a step has newly touched with transparent huge pages, where Linux
/// has them (`madvise` with `MADV_HUGEPAGE`, then `MADV_COLLAPSE`, Linux 6.1 on): a matmul
/// reading an operand transposed, a row apart per element, touches a new 4 KiB page per
/// element and spent its time on TLB misses (ViT-Tiny@32's weight gradients; glibc's
/// `glibc.malloc.hugetlb=1` tunable does as much, but only the environment can set it).
/// Called after every call of a module: it rescans the process's
/// anonymous memory only once 2 MiB more of it has been faulted in since the last scan, which
/// after the first steps is never (memory is reused, `keep_freed_memory`). Memory held before
/// the first CPU device opened is skipped: collapsing copies every page, and a run's data sets
/// (loaded first) gain nothing from huge pages but would be copied in the first epoch. The
/// sizes and values of nothing change; a system without the calls, or without huge pages to
/// give, leaves the pages as they are.
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
        let held = HELD_BEFORE_DEVICE.get().map_or(&[][..], Vec::as_slice);
        for (start, end) in anonymous_mappings() {
            for page in huge_pages_outside(start, end, held) {
                // SAFETY: advice on a mapping of this process, one whole huge page inside it:
                // it changes how the page is backed, never its contents. Page by page: one
                // never touched (free heap) is refused, and a refusal would end a call over a
                // longer range there.
                unsafe {
                    let at = page as *mut libc::c_void;
                    libc::madvise(at, HUGE_PAGE, libc::MADV_HUGEPAGE);
                    libc::madvise(at, HUGE_PAGE, libc::MADV_COLLAPSE);
                }
            }
        }
    }
}

const HUGE_PAGE: usize = 2 << 20;

/// The starts of the whole huge pages inside [start, end) that overlap none of the sorted,
/// disjoint ranges of `held`.
fn huge_pages_outside(
    start: usize,
    end: usize,
    held: &[(usize, usize)],
) -> impl Iterator<Item = usize> + '_ {
    let first = start.next_multiple_of(HUGE_PAGE);
    let last = end / HUGE_PAGE * HUGE_PAGE;
    (first..last).step_by(HUGE_PAGE).filter(move |&page| {
        // The first held range ending after the page starts is the only one that can overlap.
        let i = held.partition_point(|&(_, e)| e <= page);
        held.get(i).is_none_or(|&(s, _)| s >= page + HUGE_PAGE)
    })
}

#[cfg(test)]
mod tests {
    use super::{huge_pages_outside, HUGE_PAGE};

    #[test]
    fn huge_pages_held_before_the_device_are_skipped() {
        let mib = |n: usize| n << 20;
        // A mapping of 1 MiB .. 13 MiB: whole huge pages at 2, 4, 6, 8 and 10 MiB; what was
        // held is 3 .. 5 MiB (touching the pages at 2 and 4) and 9 .. 10 MiB (the page at 8).
        let held = [(mib(3), mib(5)), (mib(9), mib(10))];
        let pages: Vec<usize> = huge_pages_outside(mib(1), mib(13), &held).collect();
        assert_eq!(pages, vec![mib(6), mib(10)]);
        assert_eq!(
            huge_pages_outside(mib(1), mib(13), &[]).count(),
            5,
            "nothing held: every whole huge page"
        );
        assert_eq!(HUGE_PAGE, mib(2));
    }
}
