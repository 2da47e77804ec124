//! One CIFAR-10 binary batch file.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = netspec_core::data::cifar::parse(bytes, "fuzz.bin".as_ref());
});
