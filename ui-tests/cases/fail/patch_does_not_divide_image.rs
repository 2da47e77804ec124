// 32 is not a multiple of the patch size 5.
use netspec::prelude::*;

netspec! {
    pub Vit: [3, 32, 32] => {
        conv_proj: patch_embed(192, patch = 5),
        class_token: class_token,
        encoder: vit_encoder(layers = 12, heads = 3, mlp = 768),
        heads: vit_head(10),
    }
}

fn main() {}
