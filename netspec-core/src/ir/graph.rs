//! Functions under construction and finished modules.

use super::lowering::Lowering;
use super::ops::Op;
use super::types::TensorType;
use crate::noise::{DepthRule, NoiseInput, NoiseKind};

/// A value of a function: the result of one node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Value(pub(crate) u32);

impl Value {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Clone, Debug)]
pub struct Node {
    pub op: Op,
    pub operands: Vec<Value>,
    pub ty: TensorType,
}

/// A finished function: named arguments, nodes in definition order, results.
#[derive(Clone, Debug)]
pub struct Function {
    pub name: String,
    pub args: Vec<(String, TensorType)>,
    pub nodes: Vec<Node>,
    pub results: Vec<Value>,
    /// The arguments that are random masks the caller draws (see `noise`).
    pub noise: Vec<NoiseInput>,
    /// How many blocks count for stochastic depth, whether or not they declared a mask.
    pub depth_blocks: usize,
    /// The formulation rules it was built under (`Graph::new`).
    pub lowering: Lowering,
}

impl Function {
    pub fn result_types(&self) -> Vec<TensorType> {
        self.results
            .iter()
            .map(|v| self.nodes[v.index()].ty.clone())
            .collect()
    }

    /// This function with the outcome of every comparison appended to its results, as f32 (1 for
    /// true): how a compiled run reports its kink decisions (ReLU masks, max-pool choices), for
    /// the reference evaluator to take (`reference::Evaluation::decisions`). Also gives the
    /// comparisons, in the order of the appended results.
    pub fn reporting_decisions(&self) -> (Function, Vec<Value>) {
        let mut f = self.clone();
        let compares: Vec<Value> = (0..self.nodes.len() as u32)
            .map(Value)
            .filter(|v| matches!(self.nodes[v.index()].op, Op::Compare(_)))
            .collect();
        for &c in &compares {
            let ty = TensorType::f32(&self.nodes[c.index()].ty.shape);
            f.results.push(Value(f.nodes.len() as u32));
            f.nodes.push(Node {
                op: Op::Convert,
                operands: vec![c],
                ty,
            });
        }
        (f, compares)
    }
}

/// One StableHLO module: the unit that is compiled, cached and loaded.
#[derive(Clone, Debug)]
pub struct Module {
    pub name: String,
    pub functions: Vec<Function>,
}

impl Module {
    pub fn function(&self, name: &str) -> Option<&Function> {
        self.functions.iter().find(|f| f.name == name)
    }

    /// The lowering its functions were built under, which decides the compiler flags it needs
    /// (`Lowering::compiler_flags`). Panics on a module without functions or one whose functions
    /// were built for different targets: a module is compiled for one.
    pub fn lowering(&self) -> Lowering {
        let first = self
            .functions
            .first()
            .unwrap_or_else(|| panic!("module {} has no functions", self.name))
            .lowering;
        for f in &self.functions {
            assert!(
                f.lowering == first,
                "module {}: {} was built for another target than {}",
                self.name,
                f.name,
                self.functions[0].name
            );
        }
        first
    }
}

/// A function being built. Ops are appended through the builder methods in `ops.rs`.
#[derive(Debug)]
pub struct Graph {
    pub(crate) f: Function,
    /// How target-dependent ops are formulated (`ir/lowering.rs`).
    pub(crate) lowering: Lowering,
}

impl Graph {
    /// A function formulated as `lowering` says for its target.
    pub fn new(name: &str, lowering: Lowering) -> Self {
        Graph {
            lowering,
            f: Function {
                name: name.to_string(),
                args: vec![],
                nodes: vec![],
                results: vec![],
                noise: vec![],
                depth_blocks: 0,
                lowering,
            },
        }
    }

    /// Declares the next argument of the function.
    pub fn arg(&mut self, name: &str, ty: TensorType) -> Value {
        let index = self.f.args.len();
        self.f.args.push((name.to_string(), ty.clone()));
        self.push(Op::Arg(index), vec![], ty)
    }

    fn noise_arg(&mut self, name: &str, shape: &[usize], kind: NoiseKind) -> Value {
        let name = format!("{name}{}", self.f.noise.len());
        self.f.noise.push(NoiseInput {
            arg: self.f.args.len(),
            name: name.clone(),
            shape: shape.to_vec(),
            kind,
        });
        self.arg(&name, TensorType::f32(shape))
    }

    /// A dropout mask of `shape` (batch included), an argument the caller draws per step.
    pub fn dropout_mask(&mut self, shape: &[usize], rate: f64) -> Value {
        self.noise_arg("dropout_mask", shape, NoiseKind::Dropout { rate })
    }

    /// Counts one more block of the network's depth for stochastic depth; returns its index.
    pub fn depth_block(&mut self) -> usize {
        self.f.depth_blocks += 1;
        self.f.depth_blocks - 1
    }

    /// A per-example stochastic-depth mask [batch] for depth block `block`.
    pub fn drop_path_mask(&mut self, batch: usize, block: usize, rule: DepthRule) -> Value {
        self.noise_arg(
            "drop_path_mask",
            &[batch],
            NoiseKind::DropPath { block, rule },
        )
    }

    /// The formulation rules of the target this function is built for.
    pub fn lowering(&self) -> &Lowering {
        &self.lowering
    }

    pub fn ty(&self, v: Value) -> &TensorType {
        &self.f.nodes[v.index()].ty
    }

    pub fn shape(&self, v: Value) -> &[usize] {
        &self.f.nodes[v.index()].ty.shape
    }

    pub(crate) fn push(&mut self, op: Op, operands: Vec<Value>, ty: TensorType) -> Value {
        let v = Value(self.f.nodes.len() as u32);
        self.f.nodes.push(Node { op, operands, ty });
        v
    }

    pub fn finish(mut self, results: Vec<Value>) -> Function {
        self.f.results = results;
        self.f
    }
}
