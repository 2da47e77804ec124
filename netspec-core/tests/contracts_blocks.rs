//! VJP contracts of composite blocks (chapters 6 to 8): the gradient of a skip is the sum of
//! its two paths.

use netspec_core::contract::{assert_holds, layer_case};
use netspec_core::layers::residual::basic_block;
use netspec_core::layers::{ArgValue, Args, Layer};

fn args(positional: &[i64], named: &[(&str, i64)]) -> Args {
    Args {
        positional: positional.iter().map(|i| ArgValue::Int(*i)).collect(),
        named: named
            .iter()
            .map(|(n, v)| (n.to_string(), ArgValue::Int(*v)))
            .collect(),
    }
}

#[test]
fn basic_block_with_identity_skip() {
    let block = basic_block(&args(&[3], &[]), &[3, 5, 5]).unwrap();
    assert!(!block.params().iter().any(|p| p.name.contains("downsample")));
    assert_holds(&layer_case(&block, &[3, 5, 5], 3, 1), 32, 1e-5);
}

#[test]
fn basic_block_with_projection_skip() {
    let block = basic_block(&args(&[4], &[("s", 2)]), &[2, 6, 6]).unwrap();
    assert!(block
        .params()
        .iter()
        .any(|p| p.name == "downsample.0.weight"));
    assert_holds(&layer_case(&block, &[2, 6, 6], 3, 2), 32, 1e-5);
}

// The combinators, each on its own: their VJPs are written once in `compose`.

use netspec_core::layers::{
    Conv2d, GlobalAvgPool, Join, LayerConfig, Node, Part, Sigmoid, Silu, SkipRule,
};

/// A convolution with bias, padded to keep the size at stride 1.
fn conv(input: &[usize], out: usize, k: usize, s: usize) -> Node {
    let c = Conv2d::new(input, out, k, s, (k - 1) / 2, 1).unwrap();
    Node::layer(LayerConfig::Conv2d(Conv2d { bias: true, ..c }))
}

#[test]
fn parallel_branches_joined_by_sum() {
    let input = [2, 5, 5];
    let branches = vec![conv(&input, 3, 3, 1), conv(&input, 3, 1, 1)];
    let block = Node::parallel(&input, branches, Join::Sum).unwrap();
    assert_eq!(block.output_shape(&input), vec![3, 5, 5]);
    assert_holds(&layer_case(&block, &input, 2, 3), 32, 1e-5);
}

#[test]
fn parallel_branches_joined_by_concatenation() {
    let input = [2, 5, 5];
    let branches = vec![
        conv(&input, 3, 3, 1),
        Node::Seq(vec![Part::named("1", conv(&input, 2, 1, 1))]),
    ];
    let block = Node::parallel(&input, branches, Join::Concat).unwrap();
    assert_eq!(block.output_shape(&input), vec![5, 5, 5]);
    assert_holds(&layer_case(&block, &input, 2, 4), 32, 1e-5);
}

#[test]
fn gate_in_the_squeeze_and_excitation_shape() {
    let input = [4, 3, 3];
    let body = Node::Seq(vec![
        Part::anonymous(Node::layer(LayerConfig::GlobalAvgPool(
            GlobalAvgPool::from_args(&Args::default(), &input).unwrap(),
        ))),
        Part::named("fc1", conv(&[4, 1, 1], 2, 1, 1)),
        Part::anonymous(Node::layer(LayerConfig::Silu(Silu))),
        Part::named("fc2", conv(&[2, 1, 1], 4, 1, 1)),
        Part::anonymous(Node::layer(LayerConfig::Sigmoid(Sigmoid))),
    ]);
    let block = Node::gate(&input, body).unwrap();
    let names: Vec<String> = block.params().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]);
    assert_holds(&layer_case(&block, &input, 2, 5), 32, 1e-5);
}

#[test]
fn residual_with_a_projection_only_where_the_shapes_differ() {
    let input = [2, 6, 6];
    let same = Node::residual(
        &input,
        conv(&input, 2, 3, 1),
        SkipRule::Projection(conv(&input, 2, 1, 1)),
        None,
    )
    .unwrap();
    assert_eq!(
        same.params().len(),
        2,
        "identity skip: the projection is not used"
    );
    let strided = Node::residual(
        &input,
        conv(&input, 3, 3, 2),
        SkipRule::Projection(conv(&input, 3, 1, 2)),
        None,
    )
    .unwrap();
    assert_eq!(strided.params().len(), 4);
    assert_holds(&layer_case(&strided, &input, 2, 6), 32, 1e-5);
    let err = Node::residual(&input, conv(&input, 3, 3, 2), SkipRule::Identity, None)
        .err()
        .unwrap();
    assert!(err.contains("maps [2, 6, 6] to [3, 3, 3]"), "{err}");
}
