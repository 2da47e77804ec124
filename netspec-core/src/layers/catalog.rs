//! The one list of layers a `netspec!` block can name. Adding a layer: write its file, add a
//! line here.

use super::*;

macro_rules! catalog {
    ($($name:literal => $ty:ident),* $(,)?) => {
        /// A layer built for a known input shape: what the macro checks and then writes out.
        #[derive(Clone, Debug, PartialEq)]
        pub enum LayerConfig {
            $($ty($ty)),*
        }

        /// Every layer name, for "did you mean" messages.
        pub const LAYER_NAMES: &[&str] = &[$($name),*];

        impl LayerConfig {
            /// Builds layer `name` for a per-example `input`; `Ok(None)` when no layer has that name.
            pub fn build(name: &str, args: &Args, input: &[usize]) -> Result<Option<Self>, SpecError> {
                match name {
                    $($name => $ty::from_args(args, input).map(|l| Some(LayerConfig::$ty(l))),)*
                    _ => Ok(None),
                }
            }

            pub fn output_shape(&self, input: &[usize]) -> Vec<usize> {
                match self { $(LayerConfig::$ty(l) => l.output_shape(input)),* }
            }

            pub fn params(&self) -> Vec<crate::params::ParamSpec> {
                match self { $(LayerConfig::$ty(l) => l.params()),* }
            }

            /// The layer's type name in `netspec_core::layers`.
            pub fn type_name(&self) -> &'static str {
                match self { $(LayerConfig::$ty(_) => stringify!($ty)),* }
            }

            /// A Rust expression that rebuilds this configuration, in the scope of
            /// `netspec_core::layers`: the layer structs' Debug form is their literal syntax.
            pub fn rust_expr(&self) -> String {
                match self { $(LayerConfig::$ty(l) => format!("{l:?}")),* }
            }
        }
    };
}

catalog! {
    "dense" => Dense,
    "flatten" => Flatten,
    "relu" => Relu,
    "identity" => Identity,
}
