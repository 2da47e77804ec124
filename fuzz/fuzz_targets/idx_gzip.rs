//! Gzipped IDX files (seeds are gzipped): the bounded decompression in front of the parser.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = netspec_core::data::idx::decode(bytes, "fuzz.idx.gz".as_ref());
});
