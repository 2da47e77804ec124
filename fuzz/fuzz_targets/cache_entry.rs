//! An entry of the compiled-module cache. The format's source file is compiled here directly:
//! depending on netspec-iree would build IREE's runtime for the fuzzer. Only an entry that
//! passes `open` (netspec wrote it, checksum intact) ever reaches IREE's module loader.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../netspec-iree/src/cache_entry.rs"]
#[allow(dead_code)]
mod cache_entry;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(vmfb) = cache_entry::open(bytes) {
        // Whatever opens must be exactly what sealing it again gives.
        assert_eq!(cache_entry::seal(vmfb), bytes);
    }
});
