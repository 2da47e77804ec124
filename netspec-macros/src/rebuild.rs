//! The Rust expression that rebuilds a value the checker built: how `expand` writes each layer
//! and block out. The expressions are written for the scope of `netspec::core::layers::*`.
//!
//! Each struct is destructured without `..` and each enum matched without a catch-all, so a
//! field or layer added in netspec-core is a compile error here, not a wrong expansion.

use netspec_core::layers::{
    BatchNorm, ChannelLinear, ClassToken, Conv2d, Dense, DepthRule, DepthwiseConv, Dropout,
    Flatten, Gelu, GlobalAvgPool, Identity, Init, Join, LayerConfig, LayerNorm, LayerScale, Node,
    Part, PatchEmbed, Pool2d, PoolKind, PositionEmbedding, Relu, Relu6, SelfAttention, Sigmoid,
    Silu, Skip, TokenLinear, VitHead, Window,
};
use proc_macro2::{Literal, TokenStream};
use quote::{quote, ToTokens};

pub trait Rebuild {
    fn rebuild(&self) -> TokenStream;
}

impl Rebuild for usize {
    fn rebuild(&self) -> TokenStream {
        Literal::usize_suffixed(*self).into_token_stream()
    }
}

impl Rebuild for f64 {
    fn rebuild(&self) -> TokenStream {
        // A literal cannot spell infinity (`eps = 1e999` reaches here as one).
        match *self {
            v if v.is_finite() => Literal::f64_suffixed(v).into_token_stream(),
            v if v.is_nan() => quote!(::core::f64::NAN),
            v if v > 0.0 => quote!(::core::f64::INFINITY),
            _ => quote!(::core::f64::NEG_INFINITY),
        }
    }
}

impl Rebuild for bool {
    fn rebuild(&self) -> TokenStream {
        if *self {
            quote!(true)
        } else {
            quote!(false)
        }
    }
}

impl Rebuild for String {
    fn rebuild(&self) -> TokenStream {
        let s = Literal::string(self);
        quote!(::std::string::String::from(#s))
    }
}

impl<T: Rebuild, const N: usize> Rebuild for [T; N] {
    fn rebuild(&self) -> TokenStream {
        let items = self.iter().map(Rebuild::rebuild);
        quote!([#(#items),*])
    }
}

impl<A: Rebuild, B: Rebuild> Rebuild for (A, B) {
    fn rebuild(&self) -> TokenStream {
        let (a, b) = (self.0.rebuild(), self.1.rebuild());
        quote!((#a, #b))
    }
}

impl<T: Rebuild> Rebuild for Option<T> {
    fn rebuild(&self) -> TokenStream {
        match self {
            Some(v) => {
                let v = v.rebuild();
                quote!(::core::option::Option::Some(#v))
            }
            None => quote!(::core::option::Option::None),
        }
    }
}

impl<T: Rebuild> Rebuild for Box<T> {
    fn rebuild(&self) -> TokenStream {
        let v = self.as_ref().rebuild();
        quote!(::std::boxed::Box::new(#v))
    }
}

impl<T: Rebuild> Rebuild for Vec<T> {
    fn rebuild(&self) -> TokenStream {
        let items = self.iter().map(Rebuild::rebuild);
        quote!(::std::vec![#(#items),*])
    }
}

/// `Name { field: .., .. }` (or `Name` for a unit struct) for plain structs of rebuildable
/// fields.
macro_rules! rebuild_structs {
    ($($ty:ident { $($field:ident),* }),* $(,)?) => {$(
        impl Rebuild for $ty {
            fn rebuild(&self) -> TokenStream {
                let $ty { $($field),* } = self;
                $(let $field = $field.rebuild();)*
                quote!($ty { $($field: #$field),* })
            }
        }
    )*};
}

macro_rules! rebuild_units {
    ($($ty:ident),* $(,)?) => {$(
        impl Rebuild for $ty {
            fn rebuild(&self) -> TokenStream {
                let $ty = self;
                quote!($ty)
            }
        }
    )*};
}

rebuild_units!(Relu, Identity, Relu6, Sigmoid, Silu, Gelu);

rebuild_structs! {
    Window { kernel, stride, padding },
    Dense { in_features, out_features, bias },
    Flatten { features },
    Dropout { p },
    Conv2d { in_channels, out_channels, window, groups, bias, input },
    Pool2d { kind, window, input },
    GlobalAvgPool { input },
    BatchNorm { channels, eps, momentum },
    LayerNorm { features, eps, channels_first },
    DepthwiseConv { channels, k, p, input },
    ChannelLinear { in_channels, out_channels },
    LayerScale { channels, init },
    PatchEmbed { conv, patch },
    ClassToken { tokens, width },
    TokenLinear { in_features, out_features },
    SelfAttention { width, heads },
    PositionEmbedding { tokens, width },
    VitHead { tokens, linear },
    Part { name, node },
}

impl Rebuild for PoolKind {
    fn rebuild(&self) -> TokenStream {
        match self {
            PoolKind::Max => quote!(PoolKind::Max),
            PoolKind::Avg => quote!(PoolKind::Avg),
        }
    }
}

impl Rebuild for Join {
    fn rebuild(&self) -> TokenStream {
        match self {
            Join::Sum => quote!(Join::Sum),
            Join::Concat => quote!(Join::Concat),
        }
    }
}

impl Rebuild for DepthRule {
    fn rebuild(&self) -> TokenStream {
        match self {
            DepthRule::OverBlocks => quote!(DepthRule::OverBlocks),
            DepthRule::OverBlocksMinusOne => quote!(DepthRule::OverBlocksMinusOne),
        }
    }
}

impl Rebuild for Init {
    fn rebuild(&self) -> TokenStream {
        match self {
            Init::Zeros => quote!(Init::Zeros),
            Init::Ones => quote!(Init::Ones),
            Init::Uniform { bound } => {
                let bound = bound.rebuild();
                quote!(Init::Uniform { bound: #bound })
            }
            Init::Normal { std } => {
                let std = std.rebuild();
                quote!(Init::Normal { std: #std })
            }
            Init::Constant { value } => {
                let value = value.rebuild();
                quote!(Init::Constant { value: #value })
            }
        }
    }
}

impl Rebuild for Skip {
    fn rebuild(&self) -> TokenStream {
        match self {
            Skip::Identity => quote!(Skip::Identity),
            Skip::Absent => quote!(Skip::Absent),
            Skip::Projection(p) => {
                let p = p.rebuild();
                quote!(Skip::Projection(#p))
            }
        }
    }
}

impl Rebuild for Node {
    fn rebuild(&self) -> TokenStream {
        match self {
            Node::Layer { layer, weight_init } => {
                let (layer, weight_init) = (layer.rebuild(), weight_init.rebuild());
                quote!(Node::Layer { layer: #layer, weight_init: #weight_init })
            }
            Node::Seq(parts) => {
                let parts = parts.rebuild();
                quote!(Node::Seq(#parts))
            }
            Node::Residual {
                body,
                skip,
                drop_path,
            } => {
                let (body, skip, drop_path) = (body.rebuild(), skip.rebuild(), drop_path.rebuild());
                quote!(Node::Residual { body: #body, skip: #skip, drop_path: #drop_path })
            }
            Node::Parallel { branches, join } => {
                let (branches, join) = (branches.rebuild(), join.rebuild());
                quote!(Node::Parallel { branches: #branches, join: #join })
            }
            Node::Gate(body) => {
                let body = body.rebuild();
                quote!(Node::Gate(#body))
            }
        }
    }
}

/// `LayerConfig::Variant(layer)`, for each of the catalog's layers.
macro_rules! rebuild_configs {
    ($($variant:ident),* $(,)?) => {
        impl Rebuild for LayerConfig {
            fn rebuild(&self) -> TokenStream {
                match self {
                    $(LayerConfig::$variant(l) => {
                        let l = l.rebuild();
                        quote!(LayerConfig::$variant(#l))
                    })*
                }
            }
        }

        /// The layer itself, as the type `LayerConfig::type_name` names.
        pub fn layer(config: &LayerConfig) -> TokenStream {
            match config {
                $(LayerConfig::$variant(l) => l.rebuild(),)*
            }
        }
    };
}

rebuild_configs!(
    Dense,
    Flatten,
    Relu,
    Identity,
    Dropout,
    Conv2d,
    MaxPool,
    AvgPool,
    GlobalAvgPool,
    BatchNorm,
    BasicBlock,
    Relu6,
    Sigmoid,
    Silu,
    Gelu,
    LayerNorm,
    ConvBn,
    InvertedResidual,
    MbConv,
    MbConvStage,
    DepthwiseConv,
    ChannelLinear,
    LayerScale,
    ConvNeXtStem,
    ConvNeXtBlock,
    ConvNeXtStage,
    ConvNeXtDownsample,
    ConvNeXtHead,
    PatchEmbed,
    ClassToken,
    TokenLinear,
    SelfAttention,
    PositionEmbedding,
    VitHead,
    VitEncoder,
);

#[cfg(test)]
mod tests {
    use netspec_core::layers::{ArgValue, Args};

    use super::*;

    fn build(
        name: &str,
        positional: &[i64],
        named: &[(&str, ArgValue)],
        input: &[usize],
    ) -> LayerConfig {
        let args = Args {
            positional: positional.iter().map(|&i| ArgValue::Int(i)).collect(),
            named: named
                .iter()
                .map(|(n, v)| (n.to_string(), v.clone()))
                .collect(),
        };
        LayerConfig::build(name, &args, input).unwrap().unwrap()
    }

    #[test]
    fn a_layer_is_its_struct_literal() {
        let c = build(
            "layer_norm",
            &[],
            &[("eps", ArgValue::Float(1e-6))],
            &[197, 96],
        );
        assert_eq!(
            layer(&c).to_string(),
            quote!(LayerNorm {
                features: 96usize,
                eps: 0.000001f64,
                channels_first: false
            })
            .to_string()
        );
        for name in ["relu6", "sigmoid", "silu", "gelu"] {
            let c = build(name, &[], &[], &[3, 4]);
            assert_eq!(layer(&c).to_string(), c.type_name());
        }
        let pool = build("max_pool", &[2], &[], &[3, 8, 8]);
        assert_eq!(
            layer(&pool).to_string(),
            quote!(Pool2d {
                kind: PoolKind::Max,
                window: Window {
                    kernel: [2usize, 2usize],
                    stride: [2usize, 2usize],
                    padding: [(0usize, 0usize), (0usize, 0usize)]
                },
                input: [8usize, 8usize]
            })
            .to_string()
        );
    }

    /// Tokens as text without whitespace.
    fn squashed(tokens: impl ToString) -> String {
        tokens.to_string().split_whitespace().collect()
    }

    #[test]
    fn a_block_is_its_nodes() {
        let named = [
            ("t", ArgValue::Int(6)),
            ("k", ArgValue::Int(5)),
            ("n", ArgValue::Int(2)),
        ];
        let stage = build("mbconv_stage", &[8], &named, &[4, 4, 4]);
        let expr = squashed(stage.rebuild());
        assert!(
            expr.starts_with(
                "LayerConfig::MbConvStage(Node::Seq(::std::vec![Part{name:::core::option::Option::\
                 Some(::std::string::String::from(\"0\")),node:Node::Residual{"
            ),
            "{expr}"
        );
        for part in [
            quote!(LayerConfig::Silu(Silu)),
            quote!(drop_path: ::core::option::Option::Some(DepthRule::OverBlocks)),
        ] {
            assert!(expr.contains(&squashed(part)), "{expr}");
        }
        // An initialiser a block replaces, with its value.
        assert!(expr.contains("weight_init:::core::option::Option::Some(Init::Normal{std:"));
    }

    #[test]
    fn infinite_floats_are_paths() {
        assert_eq!(
            f64::INFINITY.rebuild().to_string(),
            quote!(::core::f64::INFINITY).to_string()
        );
        assert_eq!(2.5f64.rebuild().to_string(), "2.5f64");
    }
}
