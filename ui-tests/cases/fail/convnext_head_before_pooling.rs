// ConvNeXt's head reads the pooled [C, 1, 1]: the global average pool is missing.
use netspec::prelude::*;

netspec! {
    pub Next: [3, 32, 32] => {
        features: [convnext_stem(96), convnext_stage(3); 1],
        classifier: convnext_head(10),
    }
}

fn main() {}
