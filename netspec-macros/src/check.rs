//! Shape inference over a parsed network: every layer is built for the shape it receives, with
//! each layer's own rule from netspec-core. Errors point at the offending token.

use netspec_core::layers::{catalog::LAYER_NAMES, ArgRef, Args, LayerConfig, SpecError};
use netspec_core::params::ParamSpec;

use crate::parse::{Item, LayerCall, NetworkDef};

/// A network whose every layer has been built and shape-checked.
pub struct CheckedNetwork {
    pub input: Vec<usize>,
    pub output: Vec<usize>,
    pub layers: Vec<CheckedLayer>,
}

pub struct CheckedLayer {
    pub config: LayerConfig,
    /// The name prefix of its parameters: its label, or its position as in `nn.Sequential`.
    pub prefix: String,
    pub params: Vec<ParamSpec>,
}

pub fn check(net: &NetworkDef) -> Result<CheckedNetwork, syn::Error> {
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

    let mut errors: Option<syn::Error> = None;
    let mut push = |e: syn::Error| match &mut errors {
        Some(all) => all.combine(e),
        None => errors = Some(e),
    };
    let mut labels: Vec<&syn::Ident> = vec![];
    for item in &net.items {
        if let Some(label) = &item.label {
            if labels.contains(&label) {
                push(syn::Error::new_spanned(
                    label,
                    format!("the label `{label}` is used twice; parameter names must be unique"),
                ));
            }
            labels.push(label);
        }
    }

    let mut sequence = vec![];
    for (index, item) in net.items.iter().enumerate() {
        match expand_item(index, item) {
            Ok(calls) => sequence.extend(calls),
            Err(e) => push(e),
        }
    }

    let mut shape = input.clone();
    let mut layers = vec![];
    for (prefix, call) in sequence {
        match build(call, &shape) {
            Ok(config) => {
                let params = config
                    .params()
                    .into_iter()
                    .map(|p| p.prefixed(&prefix))
                    .collect();
                shape = config.output_shape(&shape);
                layers.push(CheckedLayer {
                    config,
                    prefix,
                    params,
                });
            }
            // Past a wrong layer the shapes are unknown: stop checking this network.
            Err(e) => {
                push(e);
                break;
            }
        }
    }
    match errors {
        Some(e) => Err(e),
        None => Ok(CheckedNetwork {
            input,
            output: shape,
            layers,
        }),
    }
}

/// An item as the layers it stands for, each with its parameter prefix: its label or its
/// position, then, inside a group, the block's index (`layer2.0`, `layer2.1`, ...).
fn expand_item(index: usize, item: &Item) -> Result<Vec<(String, &LayerCall)>, syn::Error> {
    let name = item
        .label
        .as_ref()
        .map(|l| l.to_string())
        .unwrap_or_else(|| index.to_string());
    let Some((count, tokens)) = &item.repeat else {
        return Ok(vec![(name, &item.calls[0])]);
    };
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
    let (last, first) = item
        .calls
        .split_last()
        .expect("a group has at least one layer");
    let calls = first.iter().chain(std::iter::repeat_n(last, n));
    Ok(calls
        .enumerate()
        .map(|(i, c)| (format!("{name}.{i}"), c))
        .collect())
}

fn build(call: &LayerCall, input: &[usize]) -> Result<LayerConfig, syn::Error> {
    let name = call.name.to_string();
    let args = Args {
        positional: call
            .args
            .iter()
            .filter(|a| a.name.is_none())
            .map(|a| a.value.clone())
            .collect(),
        named: call
            .args
            .iter()
            .filter_map(|a| a.name.as_ref().map(|n| (n.to_string(), a.value.clone())))
            .collect(),
    };
    if let Some(first_named) = call.args.iter().position(|a| a.name.is_some()) {
        if let Some(late) = call.args[first_named..].iter().find(|a| a.name.is_none()) {
            return Err(syn::Error::new_spanned(
                &late.tokens,
                "positional arguments come before named ones",
            ));
        }
    }
    match LayerConfig::build(&name, &args, input) {
        Ok(Some(config)) => Ok(config),
        Ok(None) => {
            // A near miss gets a suggestion; otherwise the whole list.
            let message = match closest(&name) {
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

/// The layer name nearest to a misspelt one, if any is near.
fn closest(name: &str) -> Option<&'static str> {
    LAYER_NAMES
        .iter()
        .map(|c| (edit_distance(name, c), *c))
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
