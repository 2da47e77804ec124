//! A safetensors checkpoint: tensors, metadata, and the check against a network's parameters.
#![no_main]
use libfuzzer_sys::fuzz_target;
use netspec_core::checkpoint;

fuzz_target!(|bytes: &[u8]| {
    let path = "fuzz.safetensors".as_ref();
    let _ = checkpoint::parse_metadata(bytes, path);
    if let Ok(tensors) = checkpoint::parse(bytes, path) {
        let network = [
            ("fc.weight".to_string(), vec![3, 4]),
            ("fc.bias".to_string(), vec![3]),
        ];
        if let Err(e) = checkpoint::match_specs(path, "Fuzz", tensors, &network) {
            let _ = e.to_string();
        }
    }
});
