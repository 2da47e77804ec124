//! The syntax of a `netspec!` block, parsed into an AST that keeps every token's span.
//!
//! ```text
//! block   := network*
//! network := attr* vis head (',' head)* '=>' '{' item,* '}'
//! head    := Ident ':' '[' int,* ']'          (one type per head, all with the same layers)
//! item    := (label ':')? (layer | '[' layer,+ ';' int ']')
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

#[derive(Clone)]
pub struct NetworkDef {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub name: Ident,
    pub input: Vec<LitInt>,
    /// The `[...]` of the input shape, for errors about the shape as a whole.
    pub input_tokens: TokenStream,
    pub items: Vec<Item>,
    /// Declared with other heads on one body (`A: [..], B: [..] => {..}`): its errors say
    /// which head they are about.
    pub shares_body: bool,
}

/// One entry of a network: a layer, or a repeated group `[a, b; n]` (a once, then b n times;
/// `[b; n]` is b n times), each optionally labelled.
#[derive(Clone)]
pub struct Item {
    pub label: Option<Ident>,
    pub calls: Vec<LayerCall>,
    /// For a group: its count and its tokens.
    pub repeat: Option<(LitInt, TokenStream)>,
}

#[derive(Clone)]
pub struct LayerCall {
    pub name: Ident,
    pub args: Vec<Arg>,
    /// Every token of the call, so an error underlines the whole of it.
    pub tokens: TokenStream,
}

#[derive(Clone)]
pub struct Arg {
    pub name: Option<Ident>,
    pub value: ArgValue,
    pub tokens: TokenStream,
}

impl Parse for Block {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut networks = vec![];
        while !input.is_empty() {
            networks.extend(parse_definition(input)?);
        }
        Ok(Block { networks })
    }
}

/// `Name: [dims]`.
struct Head {
    name: Ident,
    input: Vec<LitInt>,
    input_tokens: TokenStream,
}

impl Parse for Head {
    fn parse(input: ParseStream) -> syn::Result<Self> {
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
        let mut input_tokens = TokenStream::new();
        bracket.surround(&mut input_tokens, |ts| dims.to_tokens(ts));
        Ok(Head {
            name,
            input: dims.into_iter().collect(),
            input_tokens,
        })
    }
}

/// Parses one definition, which may name several types (`A: [..], B: [..] => {..}`).
fn parse_definition(input: ParseStream) -> syn::Result<Vec<NetworkDef>> {
    let attrs = input.call(Attribute::parse_outer)?;
    let vis: Visibility = input.parse()?;
    let mut heads = vec![input.parse::<Head>()?];
    while input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
        heads.push(input.parse()?);
    }
    input.parse::<Token![=>]>()?;
    let body;
    braced!(body in input);
    let items: Vec<Item> = Punctuated::<Item, Token![,]>::parse_terminated(&body)?
        .into_iter()
        .collect();
    let shared = heads.len() > 1;
    Ok(heads
        .into_iter()
        .map(|h| NetworkDef {
            shares_body: shared,
            attrs: attrs.clone(),
            vis: vis.clone(),
            name: h.name,
            input: h.input,
            input_tokens: h.input_tokens,
            items: items.clone(),
        })
        .collect())
}

impl Parse for Item {
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
        if !input.peek(syn::token::Bracket) {
            return Ok(Item {
                label,
                calls: vec![input.parse()?],
                repeat: None,
            });
        }
        let content;
        let bracket = bracketed!(content in input);
        let calls: Punctuated<LayerCall, Token![,]> =
            Punctuated::parse_separated_nonempty(&content)?;
        content.parse::<Token![;]>().map_err(|e| {
            syn::Error::new(
                e.span(),
                "a repeated group reads `[block; count]` or `[first, block; count]`",
            )
        })?;
        let count: LitInt = content.parse()?;
        let mut tokens = TokenStream::new();
        bracket.surround(&mut tokens, |ts| {
            calls.to_tokens(ts);
            count.to_tokens(ts);
        });
        Ok(Item {
            label,
            calls: calls.into_iter().collect(),
            repeat: Some((count, tokens)),
        })
    }
}

impl ToTokens for LayerCall {
    fn to_tokens(&self, ts: &mut TokenStream) {
        ts.extend(self.tokens.clone());
    }
}

impl Parse for LayerCall {
    fn parse(input: ParseStream) -> syn::Result<Self> {
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
        Ok(LayerCall { name, args, tokens })
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
