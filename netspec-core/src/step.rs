//! Assembles one module per network and batch size: `train_step` (forward, loss, the VJPs in
//! reverse order, optimizer update) and `eval_step` (loss and number correct).
//!
//! train_step(params.., opt_state.., lr, step, x, target, masks..) -> (params.., opt_state.., loss)
//! eval_step(params.., x, target, weight) -> (weighted loss sum, weighted correct count)
//!
//! `params` are all parameters and buffers in the network's order; `weight` is 1 for real
//! examples and 0 for the padding of a last, partial evaluation batch. `masks` are the dropout
//! and stochastic-depth masks the caller draws per step (`crate::noise`), in network order;
//! networks without either have none.

use crate::emit;
use crate::ir::{Graph, Lowering, Module, TensorType, Value};
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

    /// The train step's masks, in argument order, and the number of stochastic-depth blocks.
    pub fn noise(&self) -> (&[NoiseInput], usize) {
        let f = self
            .module
            .function("train_step")
            .expect("a step module has train_step");
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

pub fn build<N: Network>(config: StepConfig) -> StepModule {
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

    let train = {
        let mut g = Graph::new("train_step", config.lowering);
        let p = param_args(&mut g, &params);
        let state: Vec<Value> = opt_state.iter().map(|s| s.arg(&mut g)).collect();
        let lr = g.arg("lr", TensorType::f32(&[]));
        let step = g.arg("step", TensorType::f32(&[]));
        let x = g.arg("x", input.clone());
        let t = g.arg("target", target.clone());
        let fwd = N::forward(&mut g, x, &p, Mode::Train);
        let (loss, dy) = config.loss.value_and_grad(&mut g, fwd.y, t);
        let grads = N::backward(&mut g, &fwd.saved, &p, dy);

        let mut new_params = Vec::with_capacity(p.len());
        let mut new_state = Vec::with_capacity(state.len());
        let (mut grad_it, mut buffer_it, mut state_it) = (
            grads.into_iter(),
            fwd.state.into_iter(),
            state.chunks(slots.len().max(1)),
        );
        for (spec, &value) in params.iter().zip(&p) {
            if spec.trainable {
                let grad = grad_it.next().expect("backward returned too few gradients");
                let s = if slots.is_empty() {
                    &[][..]
                } else {
                    state_it.next().unwrap()
                };
                let (np, ns) = config.optimizer.update(&mut g, value, grad, s, lr, step);
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
        let mut results = new_params;
        results.extend(new_state);
        results.push(loss);
        g.finish(results)
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
            functions: vec![train, eval],
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

#[cfg(test)]
mod tests {
    #[test]
    fn module_names_are_snake_case() {
        assert_eq!(super::module_name("MnistMlp"), "mnist_mlp");
        assert_eq!(super::module_name("ResNet34"), "res_net34");
    }
}
