//! The syntax of a `netspec!` block, parsed into an AST that keeps every token's span.
//!
//! ```text
//! block   := network*
//! network := attr* vis Ident ':' '[' int,* ']' '=>' '{' item,* '}'
//! item    := (label ':')? layer
//! layer   := ident ( '(' arg,* ')' )?
//! arg     := value | ident '=' value        value := int | float | bool | ident | '-' number
//! ```

use netspec_core::layers::ArgValue;
use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{braced, bracketed, parenthesized, Attribute, Ident, LitInt, Token, Visibility};

pub struct Block {
    pub networks: Vec<NetworkDef>,
}

pub struct NetworkDef {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub name: Ident,
    pub input: Vec<LitInt>,
    /// The `[...]` of the input shape, for errors about the shape as a whole.
    pub input_tokens: TokenStream,
    pub items: Vec<LayerCall>,
}

pub struct LayerCall {
    pub label: Option<Ident>,
    pub name: Ident,
    pub args: Vec<Arg>,
    /// Every token of the call, so an error underlines the whole of it.
    pub tokens: TokenStream,
}

pub struct Arg {
    pub name: Option<Ident>,
    pub value: ArgValue,
    pub tokens: TokenStream,
}

impl Parse for Block {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut networks = vec![];
        while !input.is_empty() {
            networks.push(input.parse()?);
        }
        Ok(Block { networks })
    }
}

impl Parse for NetworkDef {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis: Visibility = input.parse()?;
        let name: Ident = input.parse()?;
        input.parse::<Token![:]>().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected `:` and the input shape, e.g. `Net: [1, 28, 28] => { ... }`",
            )
        })?;
        let shape_content;
        let bracket = bracketed!(shape_content in input);
        let dims: Punctuated<LitInt, Token![,]> = Punctuated::parse_terminated(&shape_content)
            .map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "the input shape is a list of positive integers, e.g. `[3, 32, 32]`",
                )
            })?;
        let input_tokens = {
            let mut ts = TokenStream::new();
            bracket.surround(&mut ts, |ts| dims.to_tokens(ts));
            ts
        };
        input.parse::<Token![=>]>()?;
        let body;
        braced!(body in input);
        let items: Punctuated<LayerCall, Token![,]> = Punctuated::parse_terminated(&body)?;
        Ok(NetworkDef {
            attrs,
            vis,
            name,
            input: dims.into_iter().collect(),
            input_tokens,
            items: items.into_iter().collect(),
        })
    }
}

impl Parse for LayerCall {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let fork = input.fork();
        let label =
            if fork.parse::<Ident>().is_ok() && fork.peek(Token![:]) && !fork.peek(Token![::]) {
                let l: Ident = input.parse()?;
                input.parse::<Token![:]>()?;
                Some(l)
            } else {
                None
            };
        let name: Ident = input.parse().map_err(|e| {
            syn::Error::new(e.span(), "expected a layer, such as `dense(128)` or `relu`")
        })?;
        let mut tokens = name.to_token_stream();
        let mut args = vec![];
        if input.peek(syn::token::Paren) {
            let content;
            let paren = parenthesized!(content in input);
            let list: Punctuated<Arg, Token![,]> = Punctuated::parse_terminated(&content)?;
            paren.surround(&mut tokens, |ts| list.to_tokens(ts));
            args = list.into_iter().collect();
        }
        Ok(LayerCall {
            label,
            name,
            args,
            tokens,
        })
    }
}

impl ToTokens for Arg {
    fn to_tokens(&self, ts: &mut TokenStream) {
        ts.extend(self.tokens.clone());
    }
}

impl Parse for Arg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut tokens = TokenStream::new();
        let name = if input.peek(Ident) && input.peek2(Token![=]) {
            let n: Ident = input.parse()?;
            let eq: Token![=] = input.parse()?;
            n.to_tokens(&mut tokens);
            eq.to_tokens(&mut tokens);
            Some(n)
        } else {
            None
        };
        let neg: Option<Token![-]> = input.parse()?;
        neg.to_tokens(&mut tokens);
        let sign = if neg.is_some() { -1.0 } else { 1.0 };
        let lit: syn::Expr = input.parse()?;
        lit.to_tokens(&mut tokens);
        let bad = || {
            syn::Error::new_spanned(&lit, "a layer argument is a number, `true`/`false` or a name, e.g. `dense(128, bias = false)`")
        };
        let value = match &lit {
            syn::Expr::Lit(l) => match &l.lit {
                syn::Lit::Int(i) => ArgValue::Int(sign as i64 * i.base10_parse::<i64>()?),
                syn::Lit::Float(f) => ArgValue::Float(sign * f.base10_parse::<f64>()?),
                syn::Lit::Bool(b) if neg.is_none() => ArgValue::Bool(b.value),
                _ => return Err(bad()),
            },
            syn::Expr::Path(p) if neg.is_none() => match p.path.get_ident() {
                Some(i) => ArgValue::Ident(i.to_string()),
                None => return Err(bad()),
            },
            _ => return Err(bad()),
        };
        Ok(Arg {
            name,
            value,
            tokens,
        })
    }
}
