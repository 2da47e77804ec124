//! Compiles netspec's CPU kernels (`kernels/`) with clang into objects for IREE's embedded ELF
//! loader, which `compile.rs` hands to IREE when a module links them (`Op::DirectConv`).

use std::path::PathBuf;
use std::process::Command;

fn main() {
    let source = "kernels/direct_conv.c";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-env-changed=CLANG");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("direct_conv.o");
    let clang = std::env::var("CLANG").unwrap_or_else(|_| "clang".into());
    // IREE's embedded ELF: freestanding and position-independent, no stack protector (no TLS).
    let status = Command::new(&clang)
        .args([
            "-target",
            "x86_64-unknown-unknown-eabi-elf",
            "-mavx2",
            "-mfma",
            "-O3",
            "-ffreestanding",
            "-fno-builtin",
            "-fno-stack-protector",
            "-nostdlib",
            "-fPIC",
            "-c",
            source,
            "-o",
        ])
        .arg(&out)
        .status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => panic!("{clang} failed to compile {source} ({s})"),
        Err(e) => panic!(
            "netspec-iree compiles its CPU kernels with clang, which could not be run as \
             `{clang}` ({e}): install clang (scripts/setup.sh does) or name it in CLANG"
        ),
    }
}
