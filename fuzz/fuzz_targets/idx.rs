//! IDX bytes as read from disk (raw or gzipped; seeds are raw) through the MNIST reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = netspec_core::data::idx::decode(bytes, "fuzz.idx".as_ref());
});
