//! `basic_block(planes, s = 1)`: ResNet's basic block, as torchvision's `BasicBlock`, written
//! with the combinators of `compose`:
//!
//!   out = relu(bn2(conv2(relu(bn1(conv1(x))))) + skip(x))
//!
//! conv1 is 3x3 with stride s, conv2 3x3, both without bias. The skip is the identity when the
//! shapes agree, else a projection `downsample` (1x1 convolution with stride s, BatchNorm);
//! `downsample = false` insists on the identity. Its VJP is the residual's and the sequence's.

use super::compose::in_block;
use super::conv::Conv2d;
use super::{shape_str, Args, BatchNorm, LayerConfig, Node, Part, Relu, SkipRule, SpecError};

fn bn(channels: usize) -> Node {
    Node::layer(LayerConfig::BatchNorm(BatchNorm {
        channels,
        eps: 1e-5,
        momentum: 0.1,
    }))
}

fn conv(conv: Conv2d) -> Node {
    Node::layer(LayerConfig::Conv2d(conv))
}

pub fn basic_block(args: &Args, input: &[usize]) -> Result<Node, SpecError> {
    args.expect("basic_block", &["planes"], &["s", "downsample"])?;
    let planes = args.required_positive("basic_block", 0, "planes")?;
    let s = args.positive(None, "s")?.unwrap_or(1);
    let what = format!("basic_block({planes}, s = {s})");
    if input.len() != 3 {
        return Err(SpecError::layer(format!(
            "{what} needs an image input [channels, height, width], but this layer receives {}",
            shape_str(input)
        )));
    }
    let conv1 = Conv2d::new(input, planes, 3, s, 1, 1).map_err(|e| in_block(&what, "conv1", e))?;
    let mid = super::Layer::output_shape(&conv1, input);
    let conv2 = Conv2d::new(&mid, planes, 3, 1, 1, 1).map_err(|e| in_block(&what, "conv2", e))?;
    let body = Node::Seq(vec![
        Part::named("conv1", conv(conv1)),
        Part::named("bn1", bn(planes)),
        Part::anonymous(Node::layer(LayerConfig::Relu(Relu))),
        Part::named("conv2", conv(conv2)),
        Part::named("bn2", bn(planes)),
    ]);
    let rule = match args.bool("downsample", true)? {
        true => {
            let projection = Conv2d::new(input, planes, 1, s, 0, 1)
                .map_err(|e| in_block(&what, "downsample", e))?;
            SkipRule::Projection(Node::Seq(vec![Part::named(
                "downsample",
                Node::indexed(vec![conv(projection), bn(planes)]),
            )]))
        }
        false => SkipRule::Identity,
    };
    let residual = Node::residual(input, body, rule, None).map_err(|message| SpecError {
        at: args.find(None, "downsample").map(|(at, _)| at),
        message: format!("{what}: {message}; a projection is needed (drop `downsample = false`)"),
    })?;
    Ok(Node::Seq(vec![
        Part::anonymous(residual),
        Part::anonymous(Node::layer(LayerConfig::Relu(Relu))),
    ]))
}
