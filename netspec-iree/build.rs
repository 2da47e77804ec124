//! Compiles netspec's CPU kernels (`kernels/`) with clang into objects for IREE's embedded ELF
//! loader, which `compile.rs` hands to IREE when a module links them (`ir/kernel_call.rs`): for
//! each source, one object per instruction set, the same entry points in each.

use std::path::PathBuf;
use std::process::Command;

/// The kernels' sources, by name (`kernels/NAME.c`, built as `NAME_BUILD.o`).
const SOURCES: [&str; 3] = ["direct_conv", "matmul", "attention"];
/// Each build's suffix and the instruction-set flags it is compiled with.
const BUILDS: [(&str, &[&str]); 2] = [
    ("avx2", &["-mavx2", "-mfma"]),
    ("avx512", &["-mavx2", "-mfma", "-mavx512f"]),
];

fn main() {
    println!("cargo:rerun-if-changed=kernels");
    println!("cargo:rerun-if-env-changed=CLANG");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    let clang = std::env::var("CLANG").unwrap_or_else(|_| "clang".into());
    for (name, (build, isa)) in SOURCES
        .iter()
        .flat_map(|name| BUILDS.iter().map(move |b| (name, b)))
    {
        let source = format!("kernels/{name}.c");
        let object = format!("{name}_{build}.o");
        // IREE's embedded ELF: freestanding and position-independent, no stack protector (no
        // TLS).
        let status = Command::new(&clang)
            .args(["-target", "x86_64-unknown-unknown-eabi-elf"])
            .args(*isa)
            .args([
                "-O3",
                "-ffreestanding",
                "-fno-builtin",
                "-fno-stack-protector",
                "-nostdlib",
                "-fPIC",
                "-c",
                &source,
                "-o",
            ])
            .arg(out_dir.join(&object))
            .status();
        match status {
            Ok(s) if s.success() => {}
            Ok(s) => panic!("{clang} failed to compile {source} for {object} ({s})"),
            Err(e) => panic!(
                "netspec-iree compiles its CPU kernels with clang, which could not be run as \
                 `{clang}` ({e}): install clang (scripts/setup.sh does) or name it in CLANG"
            ),
        }
    }
}
