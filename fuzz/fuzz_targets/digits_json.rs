//! One class file of the MNIST digits (`{"data": [...]}`).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = netspec_core::data::digits::parse_class(bytes, "fuzz.json".as_ref());
});
