//! Optimizer updates, emitted into the train step. The learning rate and the step count come
//! in as scalars each step, so a schedule never forces a recompile.

use crate::ir::{Graph, Value};

/// Which update rule a run uses: what a configuration and the command line name.
/// [`OptimizerKind::optimizer`] gives the rule with its hyperparameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptimizerKind {
    Sgd,
    /// Adam with decoupled weight decay (AdamW).
    Adam,
}

/// An update rule with its hyperparameters, as the train step applies it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Optimizer {
    /// PyTorch's SGD: g += wd·p; buf = momentum·buf + g; p -= lr·buf (plain g when momentum 0).
    Sgd { momentum: f64, weight_decay: f64 },
    /// Adam with decoupled weight decay (PyTorch's AdamW): p -= lr·wd·p, then the Adam step
    /// with bias-corrected moments, p -= lr·m̂/(√v̂ + eps).
    Adam {
        beta1: f64,
        beta2: f64,
        eps: f64,
        weight_decay: f64,
    },
}

impl OptimizerKind {
    pub const ALL: [OptimizerKind; 2] = [OptimizerKind::Sgd, OptimizerKind::Adam];

    /// Its name on a command line.
    pub fn name(self) -> &'static str {
        match self {
            OptimizerKind::Sgd => "sgd",
            OptimizerKind::Adam => "adam",
        }
    }

    /// Other names it answers to.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            OptimizerKind::Sgd => &[],
            OptimizerKind::Adam => &["adamw"],
        }
    }

    /// The rule with these hyperparameters: `momentum` is SGD's (Adam has none), and
    /// `weight_decay` is added to the gradient by SGD and decoupled by Adam. Adam's betas and
    /// eps are PyTorch's defaults.
    pub fn optimizer(self, momentum: f64, weight_decay: f64) -> Optimizer {
        match self {
            OptimizerKind::Sgd => Optimizer::Sgd {
                momentum,
                weight_decay,
            },
            OptimizerKind::Adam => Optimizer::Adam {
                beta1: 0.9,
                beta2: 0.999,
                eps: 1e-8,
                weight_decay,
            },
        }
    }
}

/// A name that is no optimizer's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownOptimizer(pub String);

impl std::fmt::Display for UnknownOptimizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = OptimizerKind::ALL.iter().map(|k| k.name()).collect();
        write!(
            f,
            "unknown optimizer {:?}; the optimizers are {}",
            self.0,
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownOptimizer {}

impl std::str::FromStr for OptimizerKind {
    type Err = UnknownOptimizer;

    /// A name or alias, as [`OptimizerKind::name`] and [`OptimizerKind::aliases`] spell them.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OptimizerKind::ALL
            .into_iter()
            .find(|k| k.name() == s || k.aliases().contains(&s))
            .ok_or_else(|| UnknownOptimizer(s.to_string()))
    }
}

impl Optimizer {
    /// Names of the state slots kept per trainable parameter.
    pub fn state_slots(&self) -> &'static [&'static str] {
        match self {
            Optimizer::Sgd { momentum, .. } if *momentum == 0.0 => &[],
            Optimizer::Sgd { .. } => &["momentum_buffer"],
            Optimizer::Adam { .. } => &["exp_avg", "exp_avg_sq"],
        }
    }

    /// One parameter's update: returns its new value and new state (slot order).
    /// `lr` and `step` (1-based, f32) are scalar values of the graph.
    pub fn update(
        &self,
        g: &mut Graph,
        p: Value,
        grad: Value,
        state: &[Value],
        lr: Value,
        step: Value,
    ) -> (Value, Vec<Value>) {
        let shape = g.shape(p).to_vec();
        let lr_b = g.broadcast_in_dim(lr, &shape, &[]);
        match *self {
            Optimizer::Sgd {
                momentum,
                weight_decay,
            } => {
                let grad = if weight_decay != 0.0 {
                    let wd = g.scale(p, weight_decay);
                    g.add(grad, wd)
                } else {
                    grad
                };
                let (dir, new_state) = if momentum == 0.0 {
                    (grad, vec![])
                } else {
                    let decayed = g.scale(state[0], momentum);
                    let buf = g.add(decayed, grad);
                    (buf, vec![buf])
                };
                let delta = g.mul(lr_b, dir);
                (g.sub(p, delta), new_state)
            }
            Optimizer::Adam {
                beta1,
                beta2,
                eps,
                weight_decay,
            } => {
                let p = if weight_decay != 0.0 {
                    let shrink = g.scale(lr_b, weight_decay);
                    let d = g.mul(shrink, p);
                    g.sub(p, d)
                } else {
                    p
                };
                let m_old = g.scale(state[0], beta1);
                let g1 = g.scale(grad, 1.0 - beta1);
                let m = g.add(m_old, g1);
                let v_old = g.scale(state[1], beta2);
                let gg = g.mul(grad, grad);
                let g2 = g.scale(gg, 1.0 - beta2);
                let v = g.add(v_old, g2);
                // Bias corrections 1 - β^t, computed once per step on scalars.
                let correction = |g: &mut Graph, beta: f64| {
                    let b = g.scalar(beta);
                    let bt = g.pow(b, step);
                    let one = g.scalar(1.0);
                    let c = g.sub(one, bt);
                    g.broadcast_in_dim(c, &shape, &[])
                };
                let c1 = correction(g, beta1);
                let c2 = correction(g, beta2);
                let m_hat = g.div(m, c1);
                let v_hat = g.div(v, c2);
                let root = g.sqrt(v_hat);
                let eps_b = g.full_like(eps, root);
                let denom = g.add(root, eps_b);
                let ratio = g.div(m_hat, denom);
                let delta = g.mul(lr_b, ratio);
                (g.sub(p, delta), vec![m, v])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_from_their_names_and_aliases() {
        for kind in OptimizerKind::ALL {
            assert_eq!(kind.name().parse::<OptimizerKind>(), Ok(kind));
        }
        assert_eq!("adamw".parse::<OptimizerKind>(), Ok(OptimizerKind::Adam));
        let e = "rmsprop".parse::<OptimizerKind>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown optimizer \"rmsprop\"; the optimizers are sgd, adam"
        );
    }

    #[test]
    fn a_kind_gives_its_rule_with_pytorch_defaults() {
        assert_eq!(
            OptimizerKind::Sgd.optimizer(0.9, 5e-4),
            Optimizer::Sgd {
                momentum: 0.9,
                weight_decay: 5e-4
            }
        );
        assert_eq!(
            OptimizerKind::Adam.optimizer(0.9, 0.05),
            Optimizer::Adam {
                beta1: 0.9,
                beta2: 0.999,
                eps: 1e-8,
                weight_decay: 0.05
            }
        );
    }
}
