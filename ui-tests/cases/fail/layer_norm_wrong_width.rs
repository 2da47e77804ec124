// The tokens are 192 wide; the LayerNorm is declared over 96.
use netspec::prelude::*;

netspec! {
    pub Vit: [3, 32, 32] => {
        conv_proj: patch_embed(192, patch = 4),
        class_token: class_token,
        norm: layer_norm(96),
        heads: vit_head(10),
    }
}

fn main() {}
