//! One image file (seeds are JPEGs) as an image folder decodes it, shrunk for a 64 px run.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = netspec_core::data::image::decode(bytes, "fuzz.jpeg".as_ref(), 73);
});
