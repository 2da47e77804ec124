//! Compiles netspec's CPU kernels (`kernels/`) with clang into objects for IREE's embedded ELF
//! loader, which `compile.rs` hands to IREE when a module links them (`Op::DirectConv`): one
//! object per instruction set, the same entry points in each.

use std::path::PathBuf;
use std::process::Command;

/// Each build's file name and the instruction-set flags it is compiled with.
const BUILDS: [(&str, &[&str]); 2] = [
    ("direct_conv_avx2.o", &["-mavx2", "-mfma"]),
    ("direct_conv_avx512.o", &["-mavx2", "-mfma", "-mavx512f"]),
];

fn main() {
    let source = "kernels/direct_conv.c";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-env-changed=CLANG");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    let clang = std::env::var("CLANG").unwrap_or_else(|_| "clang".into());
    for (object, isa) in BUILDS {
        // IREE's embedded ELF: freestanding and position-independent, no stack protector (no
        // TLS).
        let status = Command::new(&clang)
            .args(["-target", "x86_64-unknown-unknown-eabi-elf"])
            .args(isa)
            .args([
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
            .arg(out_dir.join(object))
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
