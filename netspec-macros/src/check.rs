//! Shape inference over a parsed network: every layer is built for the shape it receives, with
//! each layer's own rule from netspec-core, and every block a network declares is instantiated
//! for the shape at its use, its combinators checked by netspec-core's `Node` constructors.
//! Errors point at the offending token; one inside a block also names the use that built it.

use std::collections::HashMap;

use netspec_core::layers::{
    catalog::LAYER_NAMES, shape_str, ArgRef, ArgValue, Args, DepthRule, Join, Layer, LayerConfig,
    Node, Part, SkipRule, SpecError,
};
use netspec_core::params::ParamSpec;
use quote::ToTokens;

use crate::parse::{Arg, ArgExpr, BlockDef, Element, Item, LayerCall, NetworkDef};
use crate::rebuild::{self, Rebuild};

/// A network whose every layer has been built and shape-checked.
pub struct CheckedNetwork {
    pub input: Vec<usize>,
    pub output: Vec<usize>,
    pub layers: Vec<CheckedLayer>,
}

pub struct CheckedLayer {
    pub built: Built,
    /// The name prefix of its parameters: its label, its position as in `nn.Sequential`, or
    /// none for an unlabelled combinator.
    pub prefix: String,
    pub params: Vec<ParamSpec>,
}

/// A catalog layer, or a composition (a declared block's use, or a combinator).
pub enum Built {
    Layer(LayerConfig),
    Block(Box<Node>),
}

impl Built {
    pub fn type_name(&self) -> &'static str {
        match self {
            Built::Layer(c) => c.type_name(),
            Built::Block(_) => "Node",
        }
    }

    /// The expression that rebuilds it, of the type `type_name` names.
    pub fn rebuild(&self) -> proc_macro2::TokenStream {
        match self {
            Built::Layer(c) => rebuild::layer(c),
            Built::Block(n) => n.as_ref().rebuild(),
        }
    }

    fn params(&self) -> Vec<ParamSpec> {
        match self {
            Built::Layer(c) => c.params(),
            Built::Block(n) => n.params(),
        }
    }

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        match self {
            Built::Layer(c) => c.output_shape(input),
            Built::Block(n) => n.output_shape(input),
        }
    }

    fn into_node(self) -> Node {
        match self {
            Built::Layer(c) => Node::layer(c),
            Built::Block(n) => *n,
        }
    }
}

/// Where building happens: the declared blocks, the values of the enclosing block's
/// parameters, and the blocks being instantiated (to refuse a block that uses itself).
#[derive(Clone)]
struct Scope<'a> {
    blocks: &'a [BlockDef],
    env: HashMap<String, ArgValue>,
    stack: Vec<String>,
}

fn combine(errors: &mut Option<syn::Error>, e: syn::Error) {
    match errors {
        Some(all) => all.combine(e),
        None => *errors = Some(e),
    }
}

/// Checks the blocks of one `netspec!` invocation as declarations: unique names that do not
/// hide a layer, unique parameters.
pub fn check_blocks(blocks: &[BlockDef]) -> Result<(), syn::Error> {
    let mut errors = None;
    for (i, b) in blocks.iter().enumerate() {
        let name = b.name.to_string();
        if blocks[..i].iter().any(|o| o.name == b.name) {
            combine(
                &mut errors,
                syn::Error::new_spanned(&b.name, format!("the block `{name}` is declared twice")),
            );
        }
        if LAYER_NAMES.contains(&name.as_str()) {
            combine(
                &mut errors,
                syn::Error::new_spanned(
                    &b.name,
                    format!("`{name}` is a layer of netspec; give the block another name"),
                ),
            );
        }
        for (j, (p, _)) in b.params.iter().enumerate() {
            if b.params[..j].iter().any(|(o, _)| o == p) {
                combine(
                    &mut errors,
                    syn::Error::new_spanned(p, format!("the parameter `{p}` is declared twice")),
                );
            }
        }
        if b.items.is_empty() {
            combine(
                &mut errors,
                syn::Error::new_spanned(&b.name, format!("block `{name}` has no layers")),
            );
        }
    }
    errors.map_or(Ok(()), Err)
}

pub fn check(net: &NetworkDef, blocks: &[BlockDef]) -> Result<CheckedNetwork, syn::Error> {
    let mut input = vec![];
    for d in &net.input {
        match d.base10_parse::<usize>() {
            Ok(n) if n > 0 => input.push(n),
            _ => {
                return Err(syn::Error::new_spanned(
                    d,
                    "each input dimension must be a positive integer",
                ))
            }
        }
    }
    if input.is_empty() {
        return Err(syn::Error::new_spanned(
            &net.input_tokens,
            "the input shape needs at least one dimension, e.g. `[1, 28, 28]`",
        ));
    }
    if net.items.is_empty() {
        return Err(syn::Error::new_spanned(
            &net.name,
            format!("network `{}` has no layers", net.name),
        ));
    }
    let scope = Scope {
        blocks,
        env: HashMap::new(),
        stack: vec![],
    };
    let (built, output) = build_items(&net.items, &input, &scope)?;
    let layers: Vec<CheckedLayer> = built
        .into_iter()
        .map(|(name, built)| {
            let prefix = name.unwrap_or_default();
            let params = built
                .params()
                .into_iter()
                .map(|p| p.prefixed(&prefix))
                .collect();
            CheckedLayer {
                built,
                prefix,
                params,
            }
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    for p in layers.iter().flat_map(|l| &l.params) {
        if !seen.insert(&p.name) {
            return Err(syn::Error::new_spanned(
                &net.name,
                format!("two parameters of `{}` are named `{}`; label the parts that hold them (e.g. `downsample: seq {{ .. }}`) so that their names differ", net.name, p.name),
            ));
        }
    }
    Ok(CheckedNetwork {
        input,
        output,
        layers,
    })
}

/// Builds a list of items on `input`, in order, each with the name level it adds: its label,
/// its position for a layer or a block (as `nn.Sequential` names them), none for an
/// unlabelled combinator. Past the first wrong item the shapes are unknown: it stops there.
/// Built items, each with the name level it adds, and the shape after the last.
type BuiltItems = (Vec<(Option<String>, Built)>, Vec<usize>);

fn build_items(items: &[Item], input: &[usize], scope: &Scope) -> Result<BuiltItems, syn::Error> {
    let mut errors = None;
    let mut labels: Vec<&syn::Ident> = vec![];
    for item in items {
        if let Some(label) = &item.label {
            if labels.contains(&label) {
                combine(
                    &mut errors,
                    syn::Error::new_spanned(
                        label,
                        format!(
                            "the label `{label}` is used twice; parameter names must be unique"
                        ),
                    ),
                );
            }
            labels.push(label);
        }
    }
    let mut shape = input.to_vec();
    let mut built = vec![];
    'items: for (index, item) in items.iter().enumerate() {
        let name = item
            .label
            .as_ref()
            .map(|l| l.to_string())
            .unwrap_or_else(|| index.to_string());
        let units: Vec<(Option<String>, Unit)> = match &item.element {
            Element::Call(call) => vec![(Some(name), Unit::Call(call))],
            Element::Repeat {
                calls,
                count,
                tokens,
            } => match repeated(calls, count, tokens) {
                Ok(calls) => calls
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| (Some(format!("{name}.{i}")), Unit::Call(c)))
                    .collect(),
                Err(e) => {
                    combine(&mut errors, e);
                    break 'items;
                }
            },
            combinator => vec![(
                item.label.as_ref().map(|l| l.to_string()),
                Unit::Combinator(combinator),
            )],
        };
        for (name, unit) in units {
            let at = name.as_deref().unwrap_or("");
            let result = match unit {
                Unit::Call(call) => build_call(call, &shape, scope, at),
                Unit::Combinator(c) => {
                    build_combinator(c, &shape, scope).map(|n| Built::Block(Box::new(n)))
                }
            };
            match result {
                Ok(b) => {
                    shape = b.output_shape(&shape);
                    built.push((name, b));
                }
                Err(e) => {
                    combine(&mut errors, e);
                    break 'items;
                }
            }
        }
    }
    match errors {
        Some(e) => Err(e),
        None => Ok((built, shape)),
    }
}

/// One thing to build: a layer or block call, or a combinator.
enum Unit<'a> {
    Call(&'a LayerCall),
    Combinator(&'a Element),
}

/// A group's calls, `[a, b; n]` as a, then b n times.
fn repeated<'a>(
    calls: &'a [LayerCall],
    count: &syn::LitInt,
    tokens: &proc_macro2::TokenStream,
) -> Result<Vec<&'a LayerCall>, syn::Error> {
    let n = match count.base10_parse::<usize>() {
        Ok(n) if n > 0 => n,
        _ => {
            return Err(syn::Error::new_spanned(
                count,
                "a repeat count must be a positive integer",
            ))
        }
    };
    if n > 1000 {
        return Err(syn::Error::new_spanned(
            tokens,
            format!("{n} repetitions is more than netspec expands (1000)"),
        ));
    }
    let (last, first) = calls.split_last().expect("a group has at least one layer");
    Ok(first.iter().chain(std::iter::repeat_n(last, n)).collect())
}

/// A list of items as one sequence node.
fn build_seq(items: &[Item], input: &[usize], scope: &Scope) -> Result<Node, syn::Error> {
    let (built, _) = build_items(items, input, scope)?;
    Ok(Node::Seq(
        built
            .into_iter()
            .map(|(name, b)| Part {
                name,
                node: b.into_node(),
            })
            .collect(),
    ))
}

fn nonempty(items: &[Item], keyword: &syn::Ident, what: &str) -> Result<(), syn::Error> {
    match items.is_empty() {
        true => Err(syn::Error::new_spanned(keyword, format!("{what} is empty"))),
        false => Ok(()),
    }
}

fn build_combinator(element: &Element, input: &[usize], scope: &Scope) -> Result<Node, syn::Error> {
    match element {
        Element::Seq { keyword, items } => {
            nonempty(items, keyword, "this `seq`")?;
            build_seq(items, input, scope)
        }
        Element::Residual {
            keyword,
            flags,
            body,
            skip,
        } => {
            nonempty(body, keyword, "this residual's body")?;
            let (mut optional, mut drop_path) = (false, None);
            for f in flags {
                match f.to_string().as_str() {
                    "optional" => optional = true,
                    "drop_path" => drop_path = Some(DepthRule::OverBlocksMinusOne),
                    _ => {
                        return Err(syn::Error::new_spanned(
                            f,
                            format!(
                                "`residual` has no option `{f}` (its options: optional, drop_path)"
                            ),
                        ))
                    }
                }
            }
            let body_node = build_seq(body, input, scope)?;
            let rule = match skip {
                Some((word, _)) if optional => {
                    return Err(syn::Error::new_spanned(
                        word,
                        "an optional residual adds nothing where the shapes differ, so it has no projection: drop `optional` or the `skip`",
                    ))
                }
                Some((word, items)) => {
                    nonempty(items, word, "this skip")?;
                    SkipRule::Projection(build_seq(items, input, scope)?)
                }
                None if optional => SkipRule::Optional,
                None => SkipRule::Identity,
            };
            let (at, hint) = match skip {
                Some((word, _)) => (word.to_token_stream(), ""),
                None => (keyword.to_token_stream(), "; give a projection with `residual { .. } skip { .. }`, or make it `residual(optional)`"),
            };
            Node::residual(input, body_node, rule, drop_path)
                .map_err(|m| syn::Error::new_spanned(at, format!("{m}{hint}")))
        }
        Element::Parallel {
            keyword,
            join,
            branches,
        } => {
            let mut nodes = vec![];
            for b in branches {
                nonempty(b, keyword, "a branch of this `parallel`")?;
                nodes.push(build_seq(b, input, scope)?);
            }
            let join = if join == "sum" {
                Join::Sum
            } else {
                Join::Concat
            };
            Node::parallel(input, nodes, join).map_err(|m| syn::Error::new_spanned(keyword, m))
        }
        Element::Gate { keyword, body } => {
            nonempty(body, keyword, "this gate's body")?;
            let node = build_seq(body, input, scope)?;
            Node::gate(input, node).map_err(|m| syn::Error::new_spanned(keyword, m))
        }
        Element::Call(_) | Element::Repeat { .. } => unreachable!("not a combinator"),
    }
}

/// An argument's value, with the enclosing block's parameters substituted.
fn eval(
    arg: &Arg,
    expr: &ArgExpr,
    env: &HashMap<String, ArgValue>,
) -> Result<ArgValue, syn::Error> {
    match expr {
        ArgExpr::Value(ArgValue::Ident(name)) => Ok(env
            .get(name)
            .cloned()
            .unwrap_or_else(|| ArgValue::Ident(name.clone()))),
        ArgExpr::Value(v) => Ok(v.clone()),
        ArgExpr::Binary(a, op, b) => {
            let (x, y) = (eval(arg, a, env)?, eval(arg, b, env)?);
            let (ArgValue::Int(x), ArgValue::Int(y)) = (&x, &y) else {
                return Err(syn::Error::new_spanned(&arg.tokens, "arithmetic in an argument works on integers (a block's integer parameters and literals)"));
            };
            let (x, y) = (*x, *y);
            let v = match op {
                syn::BinOp::Add(_) => Some(x + y),
                syn::BinOp::Sub(_) => Some(x - y),
                syn::BinOp::Mul(_) => x.checked_mul(y),
                _ if y != 0 && x % y == 0 => Some(x / y),
                _ => {
                    return Err(syn::Error::new_spanned(
                        &arg.tokens,
                        format!("{x} / {y} is not a whole number"),
                    ))
                }
            };
            v.map(ArgValue::Int)
                .ok_or_else(|| syn::Error::new_spanned(&arg.tokens, "this argument overflows"))
        }
    }
}

fn eval_args(call: &LayerCall, scope: &Scope) -> Result<Args, syn::Error> {
    let mut args = Args::default();
    for a in &call.args {
        let v = eval(a, &a.value, &scope.env)?;
        match &a.name {
            Some(n) => args.named.push((n.to_string(), v)),
            None => args.positional.push(v),
        }
    }
    Ok(args)
}

/// `PreAct(128, s = 2)` as a person writes it.
fn call_str(call: &LayerCall) -> String {
    let args: Vec<String> = call.args.iter().map(|a| a.tokens.to_string()).collect();
    match args.is_empty() {
        true => call.name.to_string(),
        false => format!("{}({})", call.name, args.join(", ")),
    }
}

fn build_call(
    call: &LayerCall,
    input: &[usize],
    scope: &Scope,
    at: &str,
) -> Result<Built, syn::Error> {
    if let Some(first_named) = call.args.iter().position(|a| a.name.is_some()) {
        if let Some(late) = call.args[first_named..].iter().find(|a| a.name.is_none()) {
            return Err(syn::Error::new_spanned(
                &late.tokens,
                "positional arguments come before named ones",
            ));
        }
    }
    let args = eval_args(call, scope)?;
    if let Some(def) = scope.blocks.iter().find(|b| b.name == call.name) {
        return instantiate(def, call, &args, input, scope, at).map(|n| Built::Block(Box::new(n)));
    }
    let name = call.name.to_string();
    match LayerConfig::build(&name, &args, input) {
        Ok(Some(config)) => Ok(Built::Layer(config)),
        Ok(None) => {
            // A near miss gets a suggestion; otherwise the whole list.
            let message = match closest(&name, scope.blocks) {
                Some(c) => format!("unknown layer `{name}`; did you mean `{c}`?"),
                None => format!(
                    "unknown layer `{name}` (layers: {})",
                    LAYER_NAMES.join(", ")
                ),
            };
            Err(syn::Error::new_spanned(&call.name, message))
        }
        Err(SpecError { at, message }) => {
            let arg = at.and_then(|at| match at {
                ArgRef::Positional(i) => call.args.iter().filter(|a| a.name.is_none()).nth(i),
                // The last occurrence: for a name given twice, the repeat is the mistake.
                ArgRef::Named(n) => call
                    .args
                    .iter()
                    .rev()
                    .find(|a| a.name.as_ref().is_some_and(|x| *x == n)),
            });
            match arg {
                Some(a) => Err(syn::Error::new_spanned(&a.tokens, message)),
                None => Err(syn::Error::new_spanned(&call.tokens, message)),
            }
        }
    }
}

/// A declared block built for `input`: its arguments bound to its parameters, its body built
/// in that scope. An error inside the body stays at its token and names this use; the use
/// itself is marked too.
fn instantiate(
    def: &BlockDef,
    call: &LayerCall,
    args: &Args,
    input: &[usize],
    scope: &Scope,
    at: &str,
) -> Result<Node, syn::Error> {
    let name = def.name.to_string();
    if scope.stack.contains(&name) {
        return Err(syn::Error::new_spanned(
            &call.name,
            format!("the block `{name}` uses itself"),
        ));
    }
    let mut env = HashMap::new();
    let arg_at = |i: usize| call.args.iter().filter(|a| a.name.is_none()).nth(i);
    if args.positional.len() > def.params.len() {
        let extra = arg_at(def.params.len()).expect("an extra argument");
        return Err(syn::Error::new_spanned(
            &extra.tokens,
            format!("`{name}` takes {} argument(s)", def.params.len()),
        ));
    }
    for (n, _) in &args.named {
        if !def.params.iter().any(|(p, _)| p == n) {
            let a = call
                .args
                .iter()
                .find(|a| a.name.as_ref().is_some_and(|x| x == n))
                .expect("a named argument");
            let list: Vec<String> = def.params.iter().map(|(p, _)| p.to_string()).collect();
            return Err(syn::Error::new_spanned(
                &a.tokens,
                format!(
                    "`{name}` has no parameter `{n}` (its parameters: {})",
                    list.join(", ")
                ),
            ));
        }
    }
    for (i, (p, default)) in def.params.iter().enumerate() {
        let given = args.positional.get(i).cloned().or_else(|| {
            args.named
                .iter()
                .find(|(n, _)| p == n)
                .map(|(_, v)| v.clone())
        });
        let value = match (given, default) {
            (Some(v), _) => v,
            (None, Some(d)) => eval(d, &d.value, &HashMap::new())?,
            (None, None) => {
                return Err(syn::Error::new_spanned(
                    &call.tokens,
                    format!("`{name}` needs its parameter `{p}`"),
                ))
            }
        };
        env.insert(p.to_string(), value);
    }
    let mut stack = scope.stack.clone();
    stack.push(name);
    let inner = Scope {
        blocks: scope.blocks,
        env,
        stack,
    };
    let use_str = match at {
        "" => call_str(call),
        at => format!("{at}: {}", call_str(call)),
    };
    build_seq(&def.items, input, &inner).map_err(|errors| {
        let mut all: Option<syn::Error> = None;
        for e in errors {
            let located = syn::Error::new(
                e.span(),
                format!("{e} (in `{use_str}`, input {})", shape_str(input)),
            );
            combine(&mut all, located);
        }
        let note = syn::Error::new_spanned(
            &call.tokens,
            format!("`{use_str}` cannot be built for its input {}: the error above is in the block's body", shape_str(input)),
        );
        combine(&mut all, note);
        all.expect("at least one error")
    })
}

/// The layer name nearest to a misspelt one, if any is near.
fn closest(name: &str, blocks: &[BlockDef]) -> Option<String> {
    let blocks = blocks.iter().map(|b| b.name.to_string());
    LAYER_NAMES
        .iter()
        .map(|c| c.to_string())
        .chain(blocks)
        .map(|c| (edit_distance(name, &c), c))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + (ca != *cb) as usize)
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}
