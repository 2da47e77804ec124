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

/// One thread's FMA loop: `ITERATIONS` times, an FMA into each accumulator register from the
/// two operand registers (zeroed first: zeros are computed no slower than any value), in a
/// function with `feature` enabled; returns its FLOPs, counted from the same register list.
/// Written in assembly so that what runs is exactly the FMAs counted, in registers: a compiler
/// keeping sixteen chains in an array spilled some of them to the stack.
#[cfg(target_arch = "x86_64")]
macro_rules! fma_loop {
    ($feature:literal, $lanes:literal, [$($acc:tt),+], $b:tt, $c:tt) => {{
        #[target_feature(enable = $feature)]
        unsafe fn chains() {
            std::arch::asm!(
                concat!("vxorps ", $b, ", ", $b, ", ", $b),
                concat!("vxorps ", $c, ", ", $c, ", ", $c),
                "2:",
                $(concat!("vfmadd231ps ", $acc, ", ", $b, ", ", $c),)+
                "dec {n}",
                "jnz 2b",
                n = inout(reg) ITERATIONS => _,
                $(out($acc) _,)+
                out($b) _,
                out($c) _,
                options(nomem, nostack),
            );
        }
        // SAFETY: fma_peak_gflops checked that the CPU has the feature; the loop touches only
        // the registers it declares.
        unsafe { chains() };
        let chains = [$($acc),+].len();
        (ITERATIONS * chains * $lanes * 2) as f64
    }};
}

/// 16 chains of 16 lanes: more than an FMA's latency times the FMA units (4 x 2), so the units
/// never wait.
#[cfg(target_arch = "x86_64")]
fn avx512() -> f64 {
    fma_loop!(
        "avx512f",
        16,
        [
            "zmm0", "zmm1", "zmm2", "zmm3", "zmm4", "zmm5", "zmm6", "zmm7", "zmm8", "zmm9",
            "zmm10", "zmm11", "zmm12", "zmm13", "zmm14", "zmm15"
        ],
        "zmm30",
        "zmm31"
    )
}

/// 12 chains of 8 lanes, two of AVX2's 16 registers for the operands.
#[cfg(target_arch = "x86_64")]
fn avx2() -> f64 {
    fma_loop!(
        "avx2,fma",
        8,
        [
            "ymm0", "ymm1", "ymm2", "ymm3", "ymm4", "ymm5", "ymm6", "ymm7", "ymm8", "ymm9",
            "ymm10", "ymm11"
        ],
        "ymm14",
        "ymm15"
    )
}
