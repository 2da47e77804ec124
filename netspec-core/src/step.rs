//! Assembles one module per network and batch size: `train_step` (forward, loss, the VJPs in
//! reverse order, optimizer update) and `eval_step` (loss and number correct).
//!
//! train_step(params.., opt_state.., lr, step, x, target, masks..) -> (params.., opt_state.., loss)
//! (or, for a rank of a data-parallel run, train_step split in two: `grad_step`, `apply_step`)
//! eval_step(params.., x, target, weight) -> (weighted loss sum, weighted correct count)
//!
//! `params` are all parameters and buffers in the network's order; `weight` is 1 for real
//! examples and 0 for the padding of a last, partial evaluation batch. `masks` are the dropout
//! and stochastic-depth masks the caller draws per step (`crate::noise`), in network order;
//! networks without either have none.

use crate::emit;
use crate::ir::{Function, Graph, Lowering, Module, TensorType, Value};
use crate::layers::Mode;
use crate::loss::Loss;
use crate::network::Network;
use crate::noise::NoiseInput;
use crate::optim::Optimizer;
use crate::params::{Init, ParamSpec};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepConfig {
    pub batch: usize,
    pub loss: Loss,
    pub optimizer: Optimizer,
    /// The formulation for the target the module is compiled for.
    pub lowering: Lowering,
}

/// A built module and the layout of its functions' arguments.
#[derive(Clone, Debug)]
pub struct StepModule {
    pub module: Module,
    pub network: &'static str,
    pub params: Vec<ParamSpec>,
    /// Optimizer state: one per slot per trainable parameter, held in its parameter's layout
    /// (zeros at first; not trainable).
    pub opt_state: Vec<ParamSpec>,
    pub input: TensorType,
    pub target: TensorType,
    /// Values per example of the network's output: the number of classes.
    pub classes: usize,
    pub config: StepConfig,
}

impl StepModule {
    pub fn text(&self) -> String {
        emit::module_text(&self.module)
    }

    /// The train step's masks (grad_step's in a data-parallel module), in argument order, and
    /// the number of stochastic-depth blocks.
    pub fn noise(&self) -> (&[NoiseInput], usize) {
        let f = self
            .module
            .function("train_step")
            .or_else(|| self.module.function("grad_step"))
            .expect("a step module has train_step or grad_step");
        (&f.noise, f.depth_blocks)
    }

    /// Module name as IREE resolves functions: `<module>.train_step`.
    pub fn qualified(&self, function: &str) -> String {
        format!("{}.{function}", self.module.name)
    }
}

fn batched(batch: usize, shape: &[usize]) -> Vec<usize> {
    let mut s = vec![batch];
    s.extend_from_slice(shape);
    s
}

/// `MnistMlp` -> `mnist_mlp`: the module's symbol name.
pub(crate) fn module_name(network: &str) -> String {
    let mut out = String::new();
    for (i, c) in network.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 && !out.ends_with('_') {
            out.push('_');
        }
        out.push(if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '_'
        });
    }
    out
}

fn param_args(g: &mut Graph, params: &[ParamSpec]) -> Vec<Value> {
    params.iter().map(|p| p.arg(g)).collect()
}

/// The module of one process: `train_step` and `eval_step`.
pub fn build<N: Network>(config: StepConfig) -> StepModule {
    build_with::<N>(config, false)
}

/// The module of one rank of a data-parallel run: `grad_step`, `apply_step` (see
/// [`data_parallel`]) and `eval_step`.
pub fn build_data_parallel<N: Network>(config: StepConfig) -> StepModule {
    build_with::<N>(config, true)
}

fn build_with<N: Network>(config: StepConfig, split: bool) -> StepModule {
    let params = N::params();
    let input = TensorType::f32(&batched(config.batch, &N::input_shape()));
    let target = config.loss.target_type(config.batch, &N::output_shape());
    let slots = config.optimizer.state_slots();
    let opt_state: Vec<ParamSpec> = params
        .iter()
        .filter(|p| p.trainable)
        .flat_map(|p| {
            slots.iter().map(move |s| ParamSpec {
                name: format!("{}.{s}", p.name),
                init: Init::Zeros,
                trainable: false,
                ..p.clone()
            })
        })
        .collect();

    let train = if split {
        Vec::from(data_parallel::<N>(
            &config, &params, &opt_state, &input, &target,
        ))
    } else {
        let mut g = Graph::new("train_step", config.lowering);
        let p = param_args(&mut g, &params);
        let state: Vec<Value> = opt_state.iter().map(|s| s.arg(&mut g)).collect();
        let lr = g.arg("lr", TensorType::f32(&[]));
        let step = g.arg("step", TensorType::f32(&[]));
        let (loss, grads, buffers) = gradients::<N>(&mut g, &config, &input, &target, &p);
        let mut results = update(
            &mut g, &config, &params, &p, grads, buffers, &state, lr, step,
        );
        results.push(loss);
        vec![g.finish(results)]
    };
    let eval = {
        let mut g = Graph::new("eval_step", config.lowering);
        let p = param_args(&mut g, &params);
        let x = g.arg("x", input.clone());
        let t = g.arg("target", target.clone());
        let w = g.arg("weight", TensorType::f32(&[config.batch]));
        let fwd = N::forward(&mut g, x, &p, Mode::Eval);
        let per = config.loss.per_example(&mut g, fwd.y, t);
        let weighted = g.mul(per, w);
        let loss_sum = g.sum_all(weighted);
        let ok = config.loss.correct(&mut g, fwd.y, t);
        let ok_w = g.mul(ok, w);
        let correct = g.sum_all(ok_w);
        g.finish(vec![loss_sum, correct])
    };

    StepModule {
        module: Module {
            name: module_name(N::NAME),
            functions: train.into_iter().chain([eval]).collect(),
        },
        network: N::NAME,
        params,
        opt_state,
        input,
        target,
        classes: N::output_shape().iter().product(),
        config,
    }
}

/// Declares the batch's arguments (`x`, `target`) and emits forward, loss and backward: the
/// loss, the gradient of every trainable parameter and the new value of every buffer (both in
/// network order). The dropout and stochastic-depth masks become arguments after `target`.
fn gradients<N: Network>(
    g: &mut Graph,
    config: &StepConfig,
    input: &TensorType,
    target: &TensorType,
    p: &[Value],
) -> (Value, Vec<Value>, Vec<Value>) {
    let x = g.arg("x", input.clone());
    let t = g.arg("target", target.clone());
    let fwd = N::forward(g, x, p, Mode::Train);
    let (loss, dy) = config.loss.value_and_grad(g, fwd.y, t);
    let grads = N::backward(g, &fwd.saved, p, dy);
    (loss, grads, fwd.state)
}

/// The optimizer's update of every trainable parameter from its gradient; buffers take their
/// new values. Returns the new parameters (network order) then the new optimizer state.
#[allow(clippy::too_many_arguments)]
fn update(
    g: &mut Graph,
    config: &StepConfig,
    params: &[ParamSpec],
    p: &[Value],
    grads: Vec<Value>,
    buffers: Vec<Value>,
    state: &[Value],
    lr: Value,
    step: Value,
) -> Vec<Value> {
    let slots = config.optimizer.state_slots();
    let mut new_params = Vec::with_capacity(p.len());
    let mut new_state = Vec::with_capacity(state.len());
    let (mut grad_it, mut buffer_it, mut state_it) = (
        grads.into_iter(),
        buffers.into_iter(),
        state.chunks(slots.len().max(1)),
    );
    for (spec, &value) in params.iter().zip(p) {
        if spec.trainable {
            let grad = grad_it.next().expect("backward returned too few gradients");
            let s = if slots.is_empty() {
                &[][..]
            } else {
                state_it.next().unwrap()
            };
            let (np, ns) = config.optimizer.update(g, value, grad, s, lr, step);
            new_params.push(np);
            new_state.extend(ns);
        } else {
            new_params.push(
                buffer_it
                    .next()
                    .expect("forward returned too few buffer values"),
            );
        }
    }
    assert!(
        grad_it.next().is_none(),
        "backward returned too many gradients"
    );
    new_params.extend(new_state);
    new_params
}

/// Flattens `values` (f32, any shapes) into one vector, in order.
fn flatten_all(g: &mut Graph, values: &[Value]) -> Value {
    let flat: Vec<Value> = values
        .iter()
        .map(|&v| {
            let n = g.shape(v).iter().product();
            g.reshape(v, &[n])
        })
        .collect();
    g.concatenate(&flat, 0)
}

/// The data-parallel pair, for ranks that sum their gradients between two calls (the host's
/// all-reduce; IREE's CPU drivers have no collectives):
///
/// grad_step(params.., x, target, masks..) -> summands f32[summand_len]
/// apply_step(params.., opt_state.., lr, step, summed f32[summand_len], inv_ranks) -> (params.., opt_state..)
///
/// `summands` lays out every trainable parameter's gradient (device layout, network order),
/// then every buffer's new value, then the loss: everything that ranks average. apply_step
/// scales the sum by `inv_ranks` (1/N), so a BatchNorm's running statistics end as the mean of
/// the ranks' and are the same on every rank.
fn data_parallel<N: Network>(
    config: &StepConfig,
    params: &[ParamSpec],
    opt_state: &[ParamSpec],
    input: &TensorType,
    target: &TensorType,
) -> [Function; 2] {
    let grad = {
        let mut g = Graph::new("grad_step", config.lowering);
        let p = param_args(&mut g, params);
        let (loss, mut grads, buffers) = gradients::<N>(&mut g, config, input, target, &p);
        grads.extend(buffers);
        grads.push(loss);
        let summands = flatten_all(&mut g, &grads);
        g.finish(vec![summands])
    };
    let apply = {
        let mut g = Graph::new("apply_step", config.lowering);
        let p = param_args(&mut g, params);
        let state: Vec<Value> = opt_state.iter().map(|s| s.arg(&mut g)).collect();
        let lr = g.arg("lr", TensorType::f32(&[]));
        let step = g.arg("step", TensorType::f32(&[]));
        let summed = g.arg("summed", TensorType::f32(&[summand_len(params)]));
        let inv_ranks = g.arg("inv_ranks", TensorType::f32(&[]));
        let mean = g.mul_by_scalar(summed, inv_ranks);
        let (mut grads, mut buffers, mut at) = (vec![], vec![], 0);
        let trainable_first = params.iter().filter(|s| s.trainable);
        for spec in trainable_first.chain(params.iter().filter(|s| !s.trainable)) {
            let n = spec.elements();
            let part = g.slice(mean, &[at], &[at + n], &[1]);
            let part = g.reshape(part, &spec.device_shape());
            if spec.trainable {
                grads.push(part);
            } else {
                buffers.push(part);
            }
            at += n;
        }
        // Gradients first, then buffers: `summands`' order, not the network's.
        let results = update(&mut g, config, params, &p, grads, buffers, &state, lr, step);
        g.finish(results)
    };
    [grad, apply]
}

/// Length of grad_step's `summands`: every parameter and buffer, and the loss.
pub fn summand_len(params: &[ParamSpec]) -> usize {
    params.iter().map(ParamSpec::elements).sum::<usize>() + 1
}

#[cfg(test)]
mod tests {
    #[test]
    fn module_names_are_snake_case() {
        assert_eq!(super::module_name("MnistMlp"), "mnist_mlp");
        assert_eq!(super::module_name("ResNet34"), "res_net34");
    }
}
