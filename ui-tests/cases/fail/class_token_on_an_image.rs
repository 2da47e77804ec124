// The class token joins a token sequence: the image has not been cut into patches.
use netspec::prelude::*;

netspec! {
    pub Vit: [3, 32, 32] => {
        class_token: class_token,
        encoder: vit_encoder(layers = 2, heads = 3, mlp = 768),
        heads: vit_head(10),
    }
}

fn main() {}
