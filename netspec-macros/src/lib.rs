//! The `netspec!` macro: parse (syn, with spans) -> check (shape inference with each layer's
//! rule from netspec-core, every error at its token) -> expand (quote!, each built layer written
//! out by `rebuild`).

mod check;
mod expand;
mod parse;
mod rebuild;

use proc_macro::TokenStream;

/// Declares one or more networks. See the `netspec` crate for the syntax.
#[proc_macro]
pub fn netspec(input: TokenStream) -> TokenStream {
    let block = syn::parse_macro_input!(input as parse::Block);
    let mut out = proc_macro2::TokenStream::new();
    if let Err(e) = check::check_blocks(&block.blocks) {
        return e.to_compile_error().into();
    }
    for (i, def) in block.networks.iter().enumerate() {
        // Heads of one body share it: a name declared twice is reported once, at the repeat.
        if block.networks[..i].iter().any(|d| d.name == def.name) {
            let e = syn::Error::new_spanned(
                &def.name,
                format!("the network `{}` is declared twice in this block", def.name),
            );
            out.extend(e.to_compile_error());
            continue;
        }
        let result = check::check(def, &block.blocks)
            .map_err(|e| name_the_head(def, e))
            .map(|net| expand::expand(def, &net));
        match result {
            Ok(tokens) => out.extend(tokens),
            Err(e) => out.extend(e.to_compile_error()),
        }
    }
    out.into()
}

/// For a body shared by several heads, each error names the head whose shapes it is about.
fn name_the_head(def: &parse::NetworkDef, errors: syn::Error) -> syn::Error {
    if !def.shares_body {
        return errors;
    }
    let input: Vec<String> = def.input.iter().map(|d| d.to_string()).collect();
    errors
        .into_iter()
        .map(|e| {
            syn::Error::new(
                e.span(),
                format!("in `{}` (input [{}]): {e}", def.name, input.join(", ")),
            )
        })
        .reduce(|mut all, e| {
            all.combine(e);
            all
        })
        .expect("an error holds at least one message")
}
