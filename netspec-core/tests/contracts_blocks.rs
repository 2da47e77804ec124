//! VJP contracts of composite blocks (chapters 6 to 8): the gradient of a skip is the sum of
//! its two paths.

use netspec_core::contract::{assert_holds, layer_case};
use netspec_core::layers::{ArgValue, Args, BasicBlock};

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
    let block = BasicBlock::from_args(&args(&[3], &[]), &[3, 5, 5]).unwrap();
    assert!(block.downsample.is_none());
    assert_holds(&layer_case(&block, &[3, 5, 5], 3, 1), 32, 1e-5);
}

#[test]
fn basic_block_with_projection_skip() {
    let block = BasicBlock::from_args(&args(&[4], &[("s", 2)]), &[2, 6, 6]).unwrap();
    assert!(block.downsample.is_some());
    assert_holds(&layer_case(&block, &[2, 6, 6], 3, 2), 32, 1e-5);
}
