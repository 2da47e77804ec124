//! The CPU's fp32 arithmetic ceiling: independent FMA chains in registers, one thread per core,
//! no memory traffic. The benchmark's own peak (a large matmul as netspec compiles it) is
//! measured against it, so a table shows both how close a step is to netspec's best matmul and
//! how close that is to the hardware.

use std::time::{Duration, Instant};

use netspec::core::ir::VectorIsa;

/// Each thread's FMAs for at least this long; its best window counts.
const TIME: Duration = Duration::from_millis(400);
/// FMAs per chain between clock reads.
const ITERATIONS: usize = 1 << 18;

/// GFLOP/s of `threads` threads at once, each running `isa`'s widest fp32 FMAs; `None` where
/// the instructions are not x86's AVX2 or AVX-512 (or this host cannot run them).
pub fn fma_peak_gflops(isa: VectorIsa, threads: usize) -> Option<f64> {
    let run: fn() -> f64 = match isa {
        #[cfg(target_arch = "x86_64")]
        VectorIsa::Avx512 if std::arch::is_x86_feature_detected!("avx512f") => || best(avx512),
        #[cfg(target_arch = "x86_64")]
        VectorIsa::Avx2
            if std::arch::is_x86_feature_detected!("avx2")
                && std::arch::is_x86_feature_detected!("fma") =>
        {
            || best(avx2)
        }
        _ => return None,
    };
    let rates: Vec<f64> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.max(1)).map(|_| s.spawn(run)).collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("an FMA thread"))
            .collect()
    });
    Some(rates.iter().sum())
}

/// The best GFLOP/s of `window` (which returns its FLOPs) over TIME.
fn best(window: fn() -> f64) -> f64 {
    let start = Instant::now();
    let mut best = 0.0f64;
    while start.elapsed() < TIME {
        let t = Instant::now();
        let flops = window();
        best = best.max(flops / t.elapsed().as_secs_f64() / 1e9);
    }
    best
}

// The loops are written in assembly: what runs is exactly the FMAs counted, in registers (a
// compiler keeping sixteen chains in an array spilled some of them to the stack).

#[cfg(target_arch = "x86_64")]
fn avx512() -> f64 {
    // 16 chains of 16 lanes: more than an FMA's latency times the FMA units (4 x 2), so the
    // units never wait. The operands are zeros, which no CPU computes slower.
    #[target_feature(enable = "avx512f")]
    unsafe fn chains() {
        std::arch::asm!(
            "vxorps zmm30, zmm30, zmm30",
            "vxorps zmm31, zmm31, zmm31",
            "2:",
            "vfmadd231ps zmm0, zmm30, zmm31",
            "vfmadd231ps zmm1, zmm30, zmm31",
            "vfmadd231ps zmm2, zmm30, zmm31",
            "vfmadd231ps zmm3, zmm30, zmm31",
            "vfmadd231ps zmm4, zmm30, zmm31",
            "vfmadd231ps zmm5, zmm30, zmm31",
            "vfmadd231ps zmm6, zmm30, zmm31",
            "vfmadd231ps zmm7, zmm30, zmm31",
            "vfmadd231ps zmm8, zmm30, zmm31",
            "vfmadd231ps zmm9, zmm30, zmm31",
            "vfmadd231ps zmm10, zmm30, zmm31",
            "vfmadd231ps zmm11, zmm30, zmm31",
            "vfmadd231ps zmm12, zmm30, zmm31",
            "vfmadd231ps zmm13, zmm30, zmm31",
            "vfmadd231ps zmm14, zmm30, zmm31",
            "vfmadd231ps zmm15, zmm30, zmm31",
            "dec {n}",
            "jnz 2b",
            n = inout(reg) ITERATIONS => _,
            out("zmm0") _, out("zmm1") _, out("zmm2") _, out("zmm3") _,
            out("zmm4") _, out("zmm5") _, out("zmm6") _, out("zmm7") _,
            out("zmm8") _, out("zmm9") _, out("zmm10") _, out("zmm11") _,
            out("zmm12") _, out("zmm13") _, out("zmm14") _, out("zmm15") _,
            out("zmm30") _, out("zmm31") _,
            options(nomem, nostack),
        );
    }
    // SAFETY: the caller checked that the CPU has AVX-512F; the loop touches only the
    // registers it declares.
    unsafe { chains() };
    (ITERATIONS * 16 * 16 * 2) as f64
}

#[cfg(target_arch = "x86_64")]
fn avx2() -> f64 {
    // 12 chains of 8 lanes, two of AVX2's 16 registers for the operands.
    #[target_feature(enable = "avx2,fma")]
    unsafe fn chains() {
        std::arch::asm!(
            "vxorps ymm14, ymm14, ymm14",
            "vxorps ymm15, ymm15, ymm15",
            "2:",
            "vfmadd231ps ymm0, ymm14, ymm15",
            "vfmadd231ps ymm1, ymm14, ymm15",
            "vfmadd231ps ymm2, ymm14, ymm15",
            "vfmadd231ps ymm3, ymm14, ymm15",
            "vfmadd231ps ymm4, ymm14, ymm15",
            "vfmadd231ps ymm5, ymm14, ymm15",
            "vfmadd231ps ymm6, ymm14, ymm15",
            "vfmadd231ps ymm7, ymm14, ymm15",
            "vfmadd231ps ymm8, ymm14, ymm15",
            "vfmadd231ps ymm9, ymm14, ymm15",
            "vfmadd231ps ymm10, ymm14, ymm15",
            "vfmadd231ps ymm11, ymm14, ymm15",
            "dec {n}",
            "jnz 2b",
            n = inout(reg) ITERATIONS => _,
            out("ymm0") _, out("ymm1") _, out("ymm2") _, out("ymm3") _,
            out("ymm4") _, out("ymm5") _, out("ymm6") _, out("ymm7") _,
            out("ymm8") _, out("ymm9") _, out("ymm10") _, out("ymm11") _,
            out("ymm14") _, out("ymm15") _,
            options(nomem, nostack),
        );
    }
    // SAFETY: the caller checked that the CPU has AVX2 and FMA; the loop touches only the
    // registers it declares.
    unsafe { chains() };
    (ITERATIONS * 12 * 8 * 2) as f64
}
