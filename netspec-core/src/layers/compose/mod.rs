//! Composition: the combinators blocks are built from (see [`Node`]), one module each with its
//! forward and VJP side by side (`sequence`, `residual`, `parallel`, `gate`), and the helpers
//! for blocks that chain their sublayers by hand (each sublayer gets its own run of the block's
//! parameters, its parameter names under a prefix).

mod gate;
mod parallel;
mod residual;
mod sequence;

use std::any::Any;

use super::{shape_str, Backward, DepthRule, Forward, Layer, LayerConfig, Mode};
use crate::ir::{Graph, Value};
use crate::params::{Init, ParamSpec};

/// Hands out consecutive runs of a block's parameter values, one run per sublayer.
pub struct ParamCursor<'a> {
    values: &'a [Value],
    at: usize,
}

impl<'a> ParamCursor<'a> {
    pub fn new(values: &'a [Value]) -> Self {
        ParamCursor { values, at: 0 }
    }

    pub fn take<L: Layer>(&mut self, layer: &L) -> &'a [Value] {
        let n = layer.params().len();
        let run = &self.values[self.at..self.at + n];
        self.at += n;
        run
    }
}

/// A sublayer's parameters under `prefix.`.
pub fn prefixed<L: Layer>(prefix: &str, layer: &L) -> Vec<ParamSpec> {
    layer
        .params()
        .into_iter()
        .map(|p| p.prefixed(prefix))
        .collect()
}

/// Prefixes a sublayer's error with the block and the part it is about.
pub fn in_block(block: &str, part: &str, e: super::SpecError) -> super::SpecError {
    super::SpecError {
        at: e.at,
        message: format!("{block}: its {part}: {}", e.message),
    }
}

// ---- the combinators ----------------------------------------------------------------------

/// A block built from layers by four combinators, each with its VJP written once, in its module:
///
/// - **sequence** `y = fₙ(…f₁(x))`: the VJP pulls dy back through the parts in reverse order
///   (the chain rule); a part's input gradient is formed only when an earlier part trains.
/// - **residual** `y = body(x) + skip(x)`, the skip the identity or a projection; with
///   stochastic depth the body is scaled per example by its mask. dx = dx_body + dx_skip.
/// - **parallel** `y = join(b₁(x), …, bₖ(x))`, joined by sum (each branch gets dy) or by
///   channel concatenation (each branch gets its slice of dy); dx = Σᵢ dx_bᵢ.
/// - **gate** `y = x ⊙ body(x)`, the body's output broadcast over the axes where it has size 1
///   (squeeze-and-excitation's shape). The product rule: dx = dy ⊙ s + the body's VJP of
///   Σ_broadcast(dy ⊙ x).
///
/// Users declare such blocks in `netspec!` (`block Name(..) { residual { .. } }`), the
/// built-in blocks (`basic_block`, `inverted_residual`, `mbconv`, `convnext_block`,
/// `vit_encoder`'s layers) are written with the same constructors, and a network holds a block
/// as one layer. Parameters are named as PyTorch names a module's: a part's label, or its
/// position in an unlabelled sequence, is one level (`layer1.0.conv1.weight`).
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// A catalog layer; `weight_init`, when given, replaces the layer's default initialiser of
    /// its `weight` (and its `bias` starts at zero), as torchvision's model constructors do.
    Layer {
        layer: Box<LayerConfig>,
        weight_init: Option<Init>,
    },
    Seq(Vec<Part>),
    Residual {
        body: Box<Node>,
        skip: Skip,
        /// Stochastic depth on the body: each residual counts one depth block of the network.
        drop_path: Option<DepthRule>,
    },
    Parallel {
        branches: Vec<Node>,
        join: Join,
    },
    Gate(Box<Node>),
}

/// One part of a sequence, with the name level it adds to its parameters (none when `None`).
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub name: Option<String>,
    pub node: Node,
}

/// What a residual adds to its body's output.
#[derive(Clone, Debug, PartialEq)]
pub enum Skip {
    Identity,
    Projection(Box<Node>),
    /// An optional residual whose body changes the shape adds nothing (MobileNetV2's rule);
    /// with stochastic depth it still counts as a depth block (EfficientNet's rule).
    Absent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Join {
    Sum,
    /// Along the channel axis (the first per-example axis).
    Concat,
}

/// How a residual's skip is chosen for the shapes at hand.
pub enum SkipRule {
    /// The identity; a body that changes the shape is an error.
    Identity,
    /// The identity where the body keeps the shape, else nothing is added.
    Optional,
    /// The identity where the body keeps the shape, else this projection.
    Projection(Node),
}

impl Part {
    pub fn named(name: impl Into<String>, node: Node) -> Part {
        Part {
            name: Some(name.into()),
            node,
        }
    }

    pub fn anonymous(node: Node) -> Part {
        Part { name: None, node }
    }
}

impl Node {
    pub fn layer(layer: LayerConfig) -> Node {
        Node::Layer {
            layer: Box::new(layer),
            weight_init: None,
        }
    }

    /// A layer whose `weight` starts from `init` and whose `bias` starts at zero.
    pub fn layer_with_init(layer: LayerConfig, init: Init) -> Node {
        Node::Layer {
            layer: Box::new(layer),
            weight_init: Some(init),
        }
    }

    /// A sequence whose parts are named by their positions, as `nn.Sequential` names them.
    pub fn indexed(nodes: Vec<Node>) -> Node {
        Node::Seq(
            nodes
                .into_iter()
                .enumerate()
                .map(|(i, n)| Part::named(i.to_string(), n))
                .collect(),
        )
    }

    /// A residual around `body` for a per-example `input`, its skip chosen by `rule`.
    pub fn residual(
        input: &[usize],
        body: Node,
        rule: SkipRule,
        drop_path: Option<DepthRule>,
    ) -> Result<Node, String> {
        let out = body.output_shape(input);
        let skip = match rule {
            _ if out == input => Skip::Identity,
            SkipRule::Identity => {
                return Err(format!(
                "the identity skip cannot be added to the body's output: the body maps {} to {}",
                shape_str(input),
                shape_str(&out)
            ))
            }
            SkipRule::Optional => Skip::Absent,
            SkipRule::Projection(p) => {
                let projected = p.output_shape(input);
                if projected != out {
                    return Err(format!(
                        "the skip's projection maps {} to {}, but the body's output is {}: they cannot be added",
                        shape_str(input),
                        shape_str(&projected),
                        shape_str(&out)
                    ));
                }
                Skip::Projection(Box::new(p))
            }
        };
        Ok(Node::Residual {
            body: Box::new(body),
            skip,
            drop_path,
        })
    }

    /// Branches on the same per-example `input`, joined.
    pub fn parallel(input: &[usize], branches: Vec<Node>, join: Join) -> Result<Node, String> {
        let shapes: Vec<Vec<usize>> = branches.iter().map(|b| b.output_shape(input)).collect();
        let list = || {
            shapes
                .iter()
                .map(|s| shape_str(s))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let fits = match join {
            Join::Sum => shapes.iter().all(|s| *s == shapes[0]),
            Join::Concat => shapes
                .iter()
                .all(|s| s.len() == shapes[0].len() && !s.is_empty() && s[1..] == shapes[0][1..]),
        };
        if !fits {
            return Err(match join {
                Join::Sum => format!("the branches' outputs cannot be added: {}", list()),
                Join::Concat => format!(
                    "the branches' outputs cannot be concatenated along the channels: {} (all but the first dimension must agree)",
                    list()
                ),
            });
        }
        Ok(Node::Parallel { branches, join })
    }

    /// `x ⊙ body(x)` for a per-example `input`; the body's output must broadcast to it.
    pub fn gate(input: &[usize], body: Node) -> Result<Node, String> {
        let s = body.output_shape(input);
        let fits = s.len() == input.len() && s.iter().zip(input).all(|(a, b)| a == b || *a == 1);
        if !fits {
            return Err(format!(
                "the gate's body maps {} to {}, which cannot scale its input (each dimension must equal the input's or be 1)",
                shape_str(input),
                shape_str(&s)
            ));
        }
        Ok(Node::Gate(Box::new(body)))
    }
}

/// What a node's forward keeps for its VJP: its layer's or combinator's own saved values.
pub struct NodeSaved(Box<dyn Any>);

/// A node's layer or combinator, its saved values held as a [`NodeSaved`].
trait Erased {
    fn erased_output_shape(&self, input: &[usize]) -> Vec<usize>;
    fn erased_params(&self) -> Vec<ParamSpec>;
    fn erased_forward(
        &self,
        g: &mut Graph,
        x: Value,
        p: &[Value],
        mode: Mode,
    ) -> Forward<NodeSaved>;
    fn erased_vjp(
        &self,
        g: &mut Graph,
        saved: &NodeSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward;
}

impl<L: Layer> Erased for L
where
    L::Saved: 'static,
{
    fn erased_output_shape(&self, input: &[usize]) -> Vec<usize> {
        Layer::output_shape(self, input)
    }

    fn erased_params(&self) -> Vec<ParamSpec> {
        Layer::params(self)
    }

    fn erased_forward(
        &self,
        g: &mut Graph,
        x: Value,
        p: &[Value],
        mode: Mode,
    ) -> Forward<NodeSaved> {
        let f = Layer::forward(self, g, x, p, mode);
        Forward {
            y: f.y,
            saved: NodeSaved(Box::new(f.saved)),
            state: f.state,
        }
    }

    fn erased_vjp(
        &self,
        g: &mut Graph,
        saved: &NodeSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let saved = saved
            .0
            .downcast_ref()
            .expect("a node's saved values come from its own forward");
        Layer::vjp(self, g, saved, p, dy, need_dx)
    }
}

/// A catalog layer in a node, its `weight` initialiser replaced where the node says.
struct Leaf<'a> {
    layer: &'a LayerConfig,
    weight_init: &'a Option<Init>,
}

impl Erased for Leaf<'_> {
    fn erased_output_shape(&self, input: &[usize]) -> Vec<usize> {
        self.layer.output_shape(input)
    }

    fn erased_params(&self) -> Vec<ParamSpec> {
        let mut specs = self.layer.params();
        if let Some(init) = self.weight_init {
            for p in &mut specs {
                match p.name.as_str() {
                    "weight" => p.init = init.clone(),
                    "bias" => p.init = Init::Zeros,
                    _ => {}
                }
            }
        }
        specs
    }

    fn erased_forward(
        &self,
        g: &mut Graph,
        x: Value,
        p: &[Value],
        mode: Mode,
    ) -> Forward<NodeSaved> {
        let f = self.layer.forward_dyn(g, x, p, mode);
        Forward {
            y: f.y,
            saved: NodeSaved(f.saved),
            state: f.state,
        }
    }

    fn erased_vjp(
        &self,
        g: &mut Graph,
        saved: &NodeSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        self.layer.vjp_dyn(g, saved.0.as_ref(), p, dy, need_dx)
    }
}

impl Node {
    /// What this node is: a layer, or a combinator with its forward and VJP.
    fn erased(&self) -> Box<dyn Erased + '_> {
        match self {
            Node::Layer { layer, weight_init } => Box::new(Leaf { layer, weight_init }),
            Node::Seq(parts) => Box::new(sequence::Sequence(parts)),
            Node::Residual {
                body,
                skip,
                drop_path,
            } => Box::new(residual::Residual {
                body,
                skip,
                drop_path: *drop_path,
            }),
            Node::Parallel { branches, join } => Box::new(parallel::Parallel {
                branches,
                join: *join,
            }),
            Node::Gate(body) => Box::new(gate::Gate(body)),
        }
    }
}

fn trains(node: &Node) -> bool {
    node.params().iter().any(|p| p.trainable)
}

impl Layer for Node {
    type Saved = NodeSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        self.erased().erased_output_shape(input)
    }

    fn params(&self) -> Vec<ParamSpec> {
        self.erased().erased_params()
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<NodeSaved> {
        self.erased().erased_forward(g, x, p, mode)
    }

    fn vjp(
        &self,
        g: &mut Graph,
        saved: &NodeSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        self.erased().erased_vjp(g, saved, p, dy, need_dx)
    }
}
