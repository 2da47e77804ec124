//! One image file (seeds are PNGs) as an image folder decodes it, shrunk for a 64 px run.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = netspec_core::data::image::decode(bytes, "fuzz.png".as_ref(), 73);
});
