//! Writes a checked network out as Rust: a unit type implementing `netspec::core::Network`,
//! whose forward calls each layer in order and whose backward calls each layer's VJP in
//! reverse order. The layers' math lives in netspec-core; this only sequences calls.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::check::CheckedNetwork;
use crate::parse::NetworkDef;

pub fn expand(def: &NetworkDef, net: &CheckedNetwork) -> TokenStream {
    let NetworkDef {
        attrs, vis, name, ..
    } = def;
    let name_str = name.to_string();
    let core = quote!(::netspec::core);
    let n = net.layers.len();
    let consts: Vec<_> = (0..n).map(|i| format_ident!("layer_{}", i)).collect();
    let forwards: Vec<_> = (0..n).map(|i| format_ident!("f{}", i)).collect();
    let backwards: Vec<_> = (0..n).map(|i| format_ident!("b{}", i)).collect();

    let mut const_defs = vec![];
    let mut types = vec![];
    let mut ranges = vec![];
    let mut param_start = 0usize;
    for (i, layer) in net.layers.iter().enumerate() {
        let ty = format_ident!("{}", layer.built.type_name());
        let expr = layer.built.rebuild();
        let c = &consts[i];
        // A function, not a const: blocks hold vectors and boxes.
        // Initialiser constants print as computed (a std of 1/sqrt(2) is no typo).
        const_defs.push(quote! {
            #[allow(clippy::approx_constant, clippy::excessive_precision)]
            fn #c() -> #core::layers::#ty { use #core::layers::*; #expr }
        });
        types.push(quote!(#core::layers::#ty));
        let end = param_start + layer.params.len();
        ranges.push(quote!(#param_start..#end));
        param_start = end;
    }

    let prefixes: Vec<&str> = net.layers.iter().map(|l| l.prefix.as_str()).collect();
    let input = &net.input;
    let output = &net.output;

    // Forward: each layer on the previous one's output.
    let mut fwd = vec![];
    let mut prev = quote!(x);
    for i in 0..n {
        let (c, f, r) = (&consts[i], &forwards[i], &ranges[i]);
        fwd.push(quote! { let #f = Layer::forward(&Self::#c(), g, #prev, &p[#r], mode); });
        prev = quote!(#f.y);
    }
    let last_f = &forwards[n - 1];
    let saved_fields = forwards.iter().map(|f| quote!(#f.saved));

    // Backward: VJPs in reverse order. A layer needs its input gradient only when some earlier
    // layer has parameters to train.
    let mut bwd = vec![];
    let mut grad = quote!(dy);
    for i in (0..n).rev() {
        let (c, b, r) = (&consts[i], &backwards[i], &ranges[i]);
        let need_dx = net.layers[..i]
            .iter()
            .any(|l| l.params.iter().any(|p| p.trainable));
        let idx = syn::Index::from(i);
        bwd.push(
            quote! { let #b = Layer::vjp(&Self::#c(), g, &saved.#idx, &p[#r], #grad, #need_dx); },
        );
        if !need_dx {
            break;
        }
        grad = quote!(#b.dx.expect("VJP asked for dx returned none"));
    }
    let first_needed = n - bwd.len();
    let grad_parts = backwards[first_needed..]
        .iter()
        .map(|b| quote!(grads.extend(#b.grads);));
    let dead_fwd_state = forwards.iter().map(|f| quote!(state.extend(#f.state);));

    quote! {
        #(#attrs)*
        #[derive(Clone, Copy, Debug, Default)]
        #vis struct #name;

        impl #name {
            #(#const_defs)*
        }

        impl #core::Network for #name {
            type Saved = (#(<#types as #core::layers::Layer>::Saved,)*);
            const NAME: &'static str = #name_str;

            fn input_shape() -> ::std::vec::Vec<usize> {
                ::std::vec![#(#input),*]
            }

            fn output_shape() -> ::std::vec::Vec<usize> {
                ::std::vec![#(#output),*]
            }

            fn params() -> ::std::vec::Vec<#core::params::ParamSpec> {
                use #core::layers::Layer;
                let mut all = ::std::vec::Vec::new();
                #( all.extend(Layer::params(&Self::#consts()).into_iter().map(|p| p.prefixed(#prefixes))); )*
                all
            }

            fn forward(
                g: &mut #core::ir::Graph,
                x: #core::ir::Value,
                p: &[#core::ir::Value],
                mode: #core::layers::Mode,
            ) -> #core::layers::Forward<Self::Saved> {
                use #core::layers::Layer;
                #(#fwd)*
                let mut state = ::std::vec::Vec::new();
                #(#dead_fwd_state)*
                #core::layers::Forward { y: #last_f.y, saved: (#(#saved_fields,)*), state }
            }

            fn backward(
                g: &mut #core::ir::Graph,
                saved: &Self::Saved,
                p: &[#core::ir::Value],
                dy: #core::ir::Value,
            ) -> ::std::vec::Vec<#core::ir::Value> {
                use #core::layers::Layer;
                #(#bwd)*
                let mut grads = ::std::vec::Vec::new();
                #(#grad_parts)*
                grads
            }
        }
    }
}
