// 192 features cannot be split among 5 heads.
use netspec::prelude::*;

netspec! {
    pub Vit: [3, 32, 32] => {
        conv_proj: patch_embed(192, patch = 4),
        class_token: class_token,
        encoder: vit_encoder(layers = 12, heads = 5, mlp = 768),
        heads: vit_head(10),
    }
}

fn main() {}
