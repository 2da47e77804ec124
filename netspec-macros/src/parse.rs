//! The syntax of a `netspec!` block, parsed into an AST that keeps every token's span.
//!
//! ```text
//! block    := (blockdef | network)*
//! blockdef := attr* 'block' Ident '(' (Ident ('=' expr)?),* ')' '{' item,* '}'
//! network  := attr* vis head (',' head)* '=>' '{' item,* '}'
//! head     := Ident ':' '[' int,* ']'          (one type per head, all with the same layers)
//! item     := (label ':')? element
//! element  := layer | '[' layer,+ ';' int ']'
//!           | 'seq' '{' item,* '}'
//!           | 'residual' ('(' flag,* ')')? '{' item,* '}' ('skip' '{' item,* '}')?
//!           | 'parallel' '(' ('sum' | 'concat') ')' ('{' item,* '}'){2,}
//!           | 'gate' '{' item,* '}'
//! layer    := ident ( '(' arg,* ')' )?           (a catalog layer or a declared block)
//! arg      := expr | ident '=' expr
//! expr     := int | float | bool | ident | '-' number | expr ('+'|'-'|'*'|'/') expr | '(' expr ')'
//! ```

use netspec_core::layers::ArgValue;
use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{braced, bracketed, parenthesized, Attribute, Ident, LitInt, Token, Visibility};

pub struct Block {
    pub blocks: Vec<BlockDef>,
    pub networks: Vec<NetworkDef>,
}

/// `block Name(c, s = 1) { ... }`: a block a network (or another block) can use like a layer.
#[derive(Clone)]
pub struct BlockDef {
    pub name: Ident,
    pub params: Vec<(Ident, Option<Arg>)>,
    pub items: Vec<Item>,
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

/// One entry of a network or block body, optionally labelled.
#[derive(Clone)]
pub struct Item {
    pub label: Option<Ident>,
    pub element: Element,
}

#[derive(Clone)]
pub enum Element {
    Call(LayerCall),
    /// `[a, b; n]`: a once, then b n times (`[b; n]` is b n times).
    Repeat {
        calls: Vec<LayerCall>,
        count: LitInt,
        tokens: TokenStream,
    },
    /// `seq { .. }`: a sequence, for a label to name (`downsample: seq { .. }`).
    Seq {
        keyword: Ident,
        items: Vec<Item>,
    },
    Residual {
        keyword: Ident,
        flags: Vec<Ident>,
        body: Vec<Item>,
        skip: Option<(Ident, Vec<Item>)>,
    },
    Parallel {
        keyword: Ident,
        join: Ident,
        branches: Vec<Vec<Item>>,
    },
    Gate {
        keyword: Ident,
        body: Vec<Item>,
    },
}

/// An argument's value as written: a value, or arithmetic on a block's parameters.
#[derive(Clone)]
pub enum ArgExpr {
    Value(ArgValue),
    Binary(Box<ArgExpr>, syn::BinOp, Box<ArgExpr>),
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
    pub value: ArgExpr,
    pub tokens: TokenStream,
}

impl Parse for Block {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let (mut blocks, mut networks) = (vec![], vec![]);
        while !input.is_empty() {
            let fork = input.fork();
            fork.call(Attribute::parse_outer)?;
            let is_block = fork.parse::<Ident>().is_ok_and(|i| i == "block") && fork.peek(Ident);
            if is_block {
                blocks.push(input.parse()?);
            } else {
                networks.extend(parse_definition(input)?);
            }
        }
        Ok(Block { blocks, networks })
    }
}

impl Parse for BlockDef {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        input.call(Attribute::parse_outer)?;
        input.parse::<Ident>()?; // `block`
        let name: Ident = input.parse()?;
        let mut params = vec![];
        if input.peek(syn::token::Paren) {
            let content;
            parenthesized!(content in input);
            while !content.is_empty() {
                let p: Ident = content.parse().map_err(|e| {
                    syn::Error::new(e.span(), "a block's parameters are names with optional defaults, e.g. `block Stage(c, s = 1)`")
                })?;
                let default = if content.peek(Token![=]) {
                    content.parse::<Token![=]>()?;
                    Some(Arg::parse_value(&content, None, TokenStream::new())?)
                } else {
                    None
                };
                params.push((p, default));
                if !content.is_empty() {
                    content.parse::<Token![,]>()?;
                }
            }
        }
        let body;
        braced!(body in input);
        Ok(BlockDef {
            name,
            params,
            items: parse_items(&body)?,
        })
    }
}

fn parse_items(input: ParseStream) -> syn::Result<Vec<Item>> {
    Ok(Punctuated::<Item, Token![,]>::parse_terminated(input)?
        .into_iter()
        .collect())
}

fn braced_items(input: ParseStream) -> syn::Result<Vec<Item>> {
    let content;
    braced!(content in input);
    parse_items(&content)
}

const COMBINATORS: &[&str] = &["seq", "residual", "parallel", "gate"];

/// `seq {`, `residual {`, `residual(..) {`, `parallel(..) {`, `gate {`.
fn starts_combinator(input: ParseStream) -> bool {
    let fork = input.fork();
    let Ok(word) = fork.parse::<Ident>() else {
        return false;
    };
    if !COMBINATORS.iter().any(|c| word == c) {
        return false;
    }
    if fork.peek(syn::token::Paren) {
        let Ok(_) = (|| -> syn::Result<()> {
            let _content;
            parenthesized!(_content in fork);
            Ok(())
        })() else {
            return false;
        };
    }
    fork.peek(syn::token::Brace)
}

fn parse_combinator(input: ParseStream) -> syn::Result<Element> {
    let keyword: Ident = input.parse()?;
    let mut flags = vec![];
    if input.peek(syn::token::Paren) {
        let content;
        parenthesized!(content in input);
        flags = Punctuated::<Ident, Token![,]>::parse_terminated(&content)?
            .into_iter()
            .collect();
    }
    let flagless = |what: &str| -> syn::Result<()> {
        match flags.first() {
            Some(f) => Err(syn::Error::new_spanned(
                f,
                format!("`{what}` takes no options"),
            )),
            None => Ok(()),
        }
    };
    match keyword.to_string().as_str() {
        "seq" => {
            flagless("seq")?;
            Ok(Element::Seq {
                keyword,
                items: braced_items(input)?,
            })
        }
        "gate" => {
            flagless("gate")?;
            Ok(Element::Gate {
                keyword,
                body: braced_items(input)?,
            })
        }
        "residual" => {
            let body = braced_items(input)?;
            let skip = if input.peek(Ident) && input.fork().parse::<Ident>()? == "skip" {
                let word: Ident = input.parse()?;
                Some((word, braced_items(input)?))
            } else {
                None
            };
            Ok(Element::Residual {
                keyword,
                flags,
                body,
                skip,
            })
        }
        _ => {
            let join = match flags.as_slice() {
                [j] if j == "sum" || j == "concat" => j.clone(),
                _ => {
                    return Err(syn::Error::new_spanned(
                        &keyword,
                        "`parallel` names how its branches join: `parallel(sum) { .. } { .. }` or `parallel(concat) { .. } { .. }`",
                    ))
                }
            };
            let mut branches = vec![];
            while input.peek(syn::token::Brace) {
                branches.push(braced_items(input)?);
            }
            if branches.len() < 2 {
                return Err(syn::Error::new_spanned(
                    &keyword,
                    "`parallel` needs at least two branches, each in braces: `parallel(sum) { .. } { .. }`",
                ));
            }
            Ok(Element::Parallel {
                keyword,
                join,
                branches,
            })
        }
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
    let items = parse_items(&body)?;
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
        if starts_combinator(input) {
            return Ok(Item {
                label,
                element: parse_combinator(input)?,
            });
        }
        if !input.peek(syn::token::Bracket) {
            return Ok(Item {
                label,
                element: Element::Call(input.parse()?),
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
            element: Element::Repeat {
                calls: calls.into_iter().collect(),
                count,
                tokens,
            },
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
        Arg::parse_value(input, name, tokens)
    }
}

impl Arg {
    fn parse_value(
        input: ParseStream,
        name: Option<Ident>,
        mut tokens: TokenStream,
    ) -> syn::Result<Arg> {
        let expr: syn::Expr = input.parse()?;
        expr.to_tokens(&mut tokens);
        Ok(Arg {
            name,
            value: arg_expr(&expr)?,
            tokens,
        })
    }
}

fn arg_expr(expr: &syn::Expr) -> syn::Result<ArgExpr> {
    let bad = || {
        syn::Error::new_spanned(expr, "a layer argument is a number, `true`/`false` or a name, e.g. `dense(128, bias = false)`")
    };
    let literal = |lit: &syn::Lit, sign: f64| -> syn::Result<ArgValue> {
        Ok(match lit {
            syn::Lit::Int(i) => ArgValue::Int(sign as i64 * i.base10_parse::<i64>()?),
            syn::Lit::Float(f) => ArgValue::Float(sign * f.base10_parse::<f64>()?),
            syn::Lit::Bool(b) if sign > 0.0 => ArgValue::Bool(b.value),
            _ => return Err(bad()),
        })
    };
    Ok(match expr {
        syn::Expr::Lit(l) => ArgExpr::Value(literal(&l.lit, 1.0)?),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => match u.expr.as_ref() {
            syn::Expr::Lit(l) => ArgExpr::Value(literal(&l.lit, -1.0)?),
            _ => return Err(bad()),
        },
        syn::Expr::Path(p) => match p.path.get_ident() {
            Some(i) => ArgExpr::Value(ArgValue::Ident(i.to_string())),
            None => return Err(bad()),
        },
        syn::Expr::Paren(p) => arg_expr(&p.expr)?,
        syn::Expr::Binary(b)
            if matches!(
                b.op,
                syn::BinOp::Add(_) | syn::BinOp::Sub(_) | syn::BinOp::Mul(_) | syn::BinOp::Div(_)
            ) =>
        {
            ArgExpr::Binary(
                Box::new(arg_expr(&b.left)?),
                b.op,
                Box::new(arg_expr(&b.right)?),
            )
        }
        _ => return Err(bad()),
    })
}
