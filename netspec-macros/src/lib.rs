//! The `netspec!` macro: parse (syn, with spans) -> check (shape inference with each layer's
//! rule from netspec-core, every error at its token) -> expand (quote!).

mod check;
mod expand;
mod parse;

use proc_macro::TokenStream;

/// Declares one or more networks. See the `netspec` crate for the syntax.
#[proc_macro]
pub fn netspec(input: TokenStream) -> TokenStream {
    let block = syn::parse_macro_input!(input as parse::Block);
    let mut out = proc_macro2::TokenStream::new();
    for def in &block.networks {
        let result = check::check(def).and_then(|net| expand::expand(def, &net));
        match result {
            Ok(tokens) => out.extend(tokens),
            Err(e) => out.extend(e.to_compile_error()),
        }
    }
    out.into()
}
