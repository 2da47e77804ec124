//! Composition: the combinators blocks are built from (sequence, residual, parallel, gate; see
//! [`Node`]), each with its VJP written once, and the helpers for blocks that chain their
//! sublayers by hand (each sublayer gets its own run of the block's parameters, its parameter
//! names under a prefix).

use std::any::Any;

use super::{dropout, shape_str, Backward, DepthRule, Forward, Layer, LayerConfig, Mode};
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

/// A block built from layers by four combinators, each with its VJP written once here:
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
#[derive(Clone, PartialEq)]
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
#[derive(Clone, PartialEq)]
pub struct Part {
    pub name: Option<String>,
    pub node: Node,
}

/// What a residual adds to its body's output.
#[derive(Clone, PartialEq)]
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

    /// A Rust expression that rebuilds this node in the scope of `netspec_core::layers::*`
    /// (the macro writes blocks out this way).
    pub fn rust_expr(&self) -> String {
        match self {
            Node::Layer { layer, weight_init } => format!(
                "Node::Layer {{ layer: ::std::boxed::Box::new({}), weight_init: {} }}",
                layer.rust_config_expr(),
                match weight_init {
                    Some(i) => format!("Some({})", init_expr(i)),
                    None => "None".into(),
                }
            ),
            Node::Seq(parts) => {
                let parts: Vec<String> = parts
                    .iter()
                    .map(|p| {
                        let name = match &p.name {
                            Some(n) => format!("Some(::std::string::String::from({n:?}))"),
                            None => "None".into(),
                        };
                        format!("Part {{ name: {name}, node: {} }}", p.node.rust_expr())
                    })
                    .collect();
                format!("Node::Seq(::std::vec![{}])", parts.join(", "))
            }
            Node::Residual {
                body,
                skip,
                drop_path,
            } => {
                format!(
                "Node::Residual {{ body: ::std::boxed::Box::new({}), skip: {}, drop_path: {} }}",
                body.rust_expr(),
                match skip {
                    Skip::Identity => "Skip::Identity".into(),
                    Skip::Absent => "Skip::Absent".into(),
                    Skip::Projection(p) =>
                        format!("Skip::Projection(::std::boxed::Box::new({}))", p.rust_expr()),
                },
                match drop_path {
                    Some(r) => format!("Some(DepthRule::{r:?})"),
                    None => "None".into(),
                }
            )
            }
            Node::Parallel { branches, join } => format!(
                "Node::Parallel {{ branches: ::std::vec![{}], join: Join::{join:?} }}",
                branches
                    .iter()
                    .map(|b| b.rust_expr())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Node::Gate(body) => format!("Node::Gate(::std::boxed::Box::new({}))", body.rust_expr()),
        }
    }
}

fn init_expr(init: &Init) -> String {
    match init {
        Init::Zeros => "Init::Zeros".into(),
        Init::Ones => "Init::Ones".into(),
        Init::Uniform { bound } => format!("Init::Uniform {{ bound: {bound:?} }}"),
        Init::Normal { std } => format!("Init::Normal {{ std: {std:?} }}"),
        Init::Constant { value } => format!("Init::Constant {{ value: {value:?} }}"),
    }
}

/// Debug is the Rust expression, so a layer holding a node writes back out (see `catalog`).
impl std::fmt::Debug for Node {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.rust_expr())
    }
}

/// What a node's forward keeps for its VJP, shaped like the node.
pub enum NodeSaved {
    Layer(Box<dyn Any>),
    Seq(Vec<NodeSaved>),
    Residual {
        body: Box<NodeSaved>,
        skip: Option<Box<NodeSaved>>,
        mask: Option<Value>,
    },
    Parallel {
        branches: Vec<NodeSaved>,
        /// Each branch's channel count, where they are concatenated.
        widths: Vec<usize>,
    },
    Gate {
        x: Value,
        /// The body's own output (size 1 on the broadcast axes).
        gate: Value,
        /// The body's output broadcast to x's shape.
        scale: Value,
        body: Box<NodeSaved>,
    },
}

/// Broadcasts `s` [B, ..] (size 1 on some axes) to `shape`, keeping its other axes.
fn broadcast_scale(g: &mut Graph, s: Value, shape: &[usize]) -> Value {
    let kept: Vec<usize> = (0..shape.len())
        .filter(|&d| g.shape(s)[d] == shape[d])
        .collect();
    let dims: Vec<usize> = kept.iter().map(|&d| shape[d]).collect();
    let squeezed = g.reshape(s, &dims);
    g.broadcast_in_dim(squeezed, shape, &kept)
}

fn trains(node: &Node) -> bool {
    node.params().iter().any(|p| p.trainable)
}

impl Layer for Node {
    type Saved = NodeSaved;

    fn output_shape(&self, input: &[usize]) -> Vec<usize> {
        match self {
            Node::Layer { layer, .. } => layer.output_shape(input),
            Node::Seq(parts) => parts
                .iter()
                .fold(input.to_vec(), |s, p| p.node.output_shape(&s)),
            Node::Residual { body, .. } => body.output_shape(input),
            Node::Parallel { branches, join } => {
                let mut out = branches[0].output_shape(input);
                if *join == Join::Concat {
                    out[0] = branches.iter().map(|b| b.output_shape(input)[0]).sum();
                }
                out
            }
            Node::Gate(_) => input.to_vec(),
        }
    }

    fn params(&self) -> Vec<ParamSpec> {
        match self {
            Node::Layer { layer, weight_init } => {
                let mut specs = layer.params();
                if let Some(init) = weight_init {
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
            Node::Seq(parts) => parts
                .iter()
                .flat_map(|p| match &p.name {
                    Some(name) => prefixed(name, &p.node),
                    None => p.node.params(),
                })
                .collect(),
            Node::Residual { body, skip, .. } => {
                let mut specs = body.params();
                if let Skip::Projection(p) = skip {
                    specs.extend(p.params());
                }
                specs
            }
            Node::Parallel { branches, .. } => branches.iter().flat_map(|b| b.params()).collect(),
            Node::Gate(body) => body.params(),
        }
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], mode: Mode) -> Forward<NodeSaved> {
        let mut c = ParamCursor::new(p);
        match self {
            Node::Layer { layer, .. } => {
                let f = layer.forward_dyn(g, x, p, mode);
                Forward {
                    y: f.y,
                    saved: NodeSaved::Layer(f.saved),
                    state: f.state,
                }
            }
            Node::Seq(parts) => {
                let (mut y, mut saved, mut state) = (x, vec![], vec![]);
                for part in parts {
                    let f = part.node.forward(g, y, c.take(&part.node), mode);
                    y = f.y;
                    saved.push(f.saved);
                    state.extend(f.state);
                }
                Forward {
                    y,
                    saved: NodeSaved::Seq(saved),
                    state,
                }
            }
            Node::Residual {
                body,
                skip,
                drop_path,
            } => {
                let fb = body.forward(g, x, c.take(body.as_ref()), mode);
                let mut state = fb.state;
                let (skip_y, skip_saved) = match skip {
                    Skip::Identity => (Some(x), None),
                    Skip::Absent => (None, None),
                    Skip::Projection(n) => {
                        let f = n.forward(g, x, c.take(n.as_ref()), mode);
                        state.extend(f.state);
                        (Some(f.y), Some(Box::new(f.saved)))
                    }
                };
                let (branch, mask) = match (drop_path, skip_y) {
                    (Some(rule), Some(_)) => dropout::drop_path(g, fb.y, mode, *rule),
                    (Some(_), None) => {
                        g.depth_block();
                        (fb.y, None)
                    }
                    (None, _) => (fb.y, None),
                };
                let y = match skip_y {
                    Some(s) => g.add(branch, s),
                    None => branch,
                };
                let saved = NodeSaved::Residual {
                    body: Box::new(fb.saved),
                    skip: skip_saved,
                    mask,
                };
                Forward { y, saved, state }
            }
            Node::Parallel { branches, join } => {
                let (mut ys, mut saved, mut state, mut widths) = (vec![], vec![], vec![], vec![]);
                for b in branches {
                    let f = b.forward(g, x, c.take(b), mode);
                    ys.push(f.y);
                    widths.push(g.shape(f.y)[1]);
                    saved.push(f.saved);
                    state.extend(f.state);
                }
                let y = match join {
                    Join::Sum => ys[1..].iter().fold(ys[0], |acc, &v| g.add(acc, v)),
                    Join::Concat => g.concatenate(&ys, 1),
                };
                Forward {
                    y,
                    saved: NodeSaved::Parallel {
                        branches: saved,
                        widths,
                    },
                    state,
                }
            }
            Node::Gate(body) => {
                let f = body.forward(g, x, p, mode);
                let shape = g.shape(x).to_vec();
                let scale = broadcast_scale(g, f.y, &shape);
                let y = g.mul(x, scale);
                let saved = NodeSaved::Gate {
                    x,
                    gate: f.y,
                    scale,
                    body: Box::new(f.saved),
                };
                Forward {
                    y,
                    saved,
                    state: f.state,
                }
            }
        }
    }

    fn vjp(
        &self,
        g: &mut Graph,
        saved: &NodeSaved,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let mut c = ParamCursor::new(p);
        match (self, saved) {
            (Node::Layer { layer, .. }, NodeSaved::Layer(s)) => {
                layer.vjp_dyn(g, s.as_ref(), p, dy, need_dx)
            }
            (Node::Seq(parts), NodeSaved::Seq(saved)) => {
                let runs: Vec<&[Value]> = parts.iter().map(|part| c.take(&part.node)).collect();
                let first_trained = parts.iter().position(|q| trains(&q.node));
                let mut per_part = vec![];
                let mut d = Some(dy);
                for (i, part) in parts.iter().enumerate().rev() {
                    let need = need_dx || first_trained.is_some_and(|f| f < i);
                    let b =
                        part.node
                            .vjp(g, &saved[i], runs[i], d.expect("an input gradient"), need);
                    per_part.push(b.grads);
                    d = b.dx;
                    if !need {
                        break;
                    }
                }
                Backward {
                    dx: if need_dx { d } else { None },
                    grads: per_part.into_iter().rev().flatten().collect(),
                }
            }
            (
                Node::Residual { body, skip, .. },
                NodeSaved::Residual {
                    body: body_saved,
                    skip: skip_saved,
                    mask,
                },
            ) => {
                let pb = c.take(body.as_ref());
                let d_body = dropout::drop_path_vjp(g, dy, *mask);
                let gb = body.vjp(g, body_saved, pb, d_body, need_dx);
                let mut grads = gb.grads;
                let dx_skip = match (skip, skip_saved) {
                    (Skip::Identity, _) => Some(dy),
                    (Skip::Absent, _) => None,
                    (Skip::Projection(n), Some(s)) => {
                        let gs = n.vjp(g, s, c.take(n.as_ref()), dy, need_dx);
                        grads.extend(gs.grads);
                        gs.dx
                    }
                    (Skip::Projection(_), None) => unreachable!("a projection saves its forward"),
                };
                let dx = match (gb.dx, dx_skip) {
                    _ if !need_dx => None,
                    (Some(a), Some(b)) => Some(g.add(a, b)),
                    (a, None) => a,
                    (None, b) => b,
                };
                Backward { dx, grads }
            }
            (
                Node::Parallel { branches, join },
                NodeSaved::Parallel {
                    branches: saved,
                    widths,
                },
            ) => {
                let mut grads = vec![];
                let mut dx: Option<Value> = None;
                let mut offset = 0;
                let dy_shape = g.shape(dy).to_vec();
                for ((b, s), &w) in branches.iter().zip(saved).zip(widths) {
                    let d = match join {
                        Join::Sum => dy,
                        Join::Concat => {
                            let mut start = vec![0; dy_shape.len()];
                            let mut limit = dy_shape.clone();
                            start[1] = offset;
                            limit[1] = offset + w;
                            offset += w;
                            g.slice(dy, &start, &limit, &vec![1; dy_shape.len()])
                        }
                    };
                    let gb = b.vjp(g, s, c.take(b), d, need_dx);
                    grads.extend(gb.grads);
                    dx = match (dx, gb.dx) {
                        (Some(a), Some(v)) => Some(g.add(a, v)),
                        (a, v) => a.or(v),
                    };
                }
                Backward {
                    dx: if need_dx { dx } else { None },
                    grads,
                }
            }
            (
                Node::Gate(body),
                NodeSaved::Gate {
                    x,
                    gate,
                    scale,
                    body: s,
                },
            ) => {
                // The product rule: through x directly, and through the scale.
                let dyx = g.mul(dy, *x);
                let s_shape = g.shape(*gate).to_vec();
                let axes: Vec<usize> = (0..s_shape.len())
                    .filter(|&d| s_shape[d] != g.shape(dy)[d])
                    .collect();
                let ds = g.pooled_sum(dyx, &axes);
                let ds = g.reshape(ds, &s_shape);
                let gb = body.vjp(g, s, p, ds, need_dx);
                let dx = need_dx.then(|| {
                    let direct = g.mul(dy, *scale);
                    match gb.dx {
                        Some(through) => g.add(direct, through),
                        None => direct,
                    }
                });
                Backward {
                    dx,
                    grads: gb.grads,
                }
            }
            _ => unreachable!("a node's saved values have its own shape"),
        }
    }
}
