//! relu6, sigmoid, silu, exact gelu (through `chlo.erf`) and layer_norm, forward and VJP,
//! compiled by IREE, agree with the reference evaluator; relu6's gradient is 0 at both kinks on
//! IREE as well.

mod common;

use common::layer_check::{run_both, vjp_module, LayerChecks};
use netspec::core::emit;
use netspec::core::ir::Lowering;
use netspec::core::layers::{ArgValue, Args, Gelu, LayerNorm, Relu6, Sigmoid, Silu};

fn named(pairs: &[(&str, ArgValue)]) -> Args {
    Args {
        positional: vec![],
        named: pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.clone()))
            .collect(),
    }
}

#[test]
fn activations_and_layer_norm_agree_on_iree() {
    let mut checks = LayerChecks::new("activations");
    // x in ±8 reaches both of relu6's kinks; ±6 reaches the tails of the smooth ones.
    checks.add("relu6", &Relu6, &[3, 4, 5], 8.0);
    checks.add("sigmoid", &Sigmoid, &[3, 4, 5], 6.0);
    checks.add("silu", &Silu, &[3, 4, 5], 6.0);
    checks.add("gelu", &Gelu, &[3, 4, 5], 6.0);
    checks.add("gelu [B, T, D]", &Gelu, &[2, 7, 16], 3.0);
    let tokens = LayerNorm::from_args(&Args::default(), &[7, 16]).unwrap();
    checks.add("layer_norm [T, D]", &tokens, &[2, 7, 16], 2.0);
    let features = LayerNorm::from_args(&Args::default(), &[12]).unwrap();
    checks.add("layer_norm [D]", &features, &[5, 12], 2.0);
    let images = LayerNorm::from_args(
        &named(&[("channels_first", ArgValue::Bool(true))]),
        &[6, 5, 4],
    )
    .unwrap();
    checks.add("layer_norm channels_first", &images, &[2, 6, 5, 4], 2.0);
    checks.run();
}

#[test]
fn gelu_emits_chlo_erf() {
    for (name, lowering) in Lowering::ALL {
        let text = emit::module_text(&vjp_module(&Gelu, &[2, 3], lowering));
        assert!(
            text.contains("\"chlo.erf\"(")
                && text.contains(": (tensor<2x3xf32>) -> tensor<2x3xf32>"),
            "{name}: {text}"
        );
    }
}

/// Gradient 0 at x = 0 and x = 6 (and the values clip at 6) on IREE too.
#[test]
fn relu6_kinks_on_iree() {
    for (name, lowering) in Lowering::ALL {
        let module = vjp_module(&Relu6, &[1, 5], lowering);
        let x = (vec![1, 5], vec![-1.0, 0.0, 3.0, 6.0, 7.0]);
        let dy = (vec![1, 5], vec![5.0; 5]);
        let (iree, reference) = run_both(&module, &[x, dy]);
        assert_eq!(iree[0], vec![0.0, 0.0, 3.0, 6.0, 6.0], "{name}");
        assert_eq!(iree[1], vec![0.0, 0.0, 5.0, 0.0, 0.0], "{name}");
        assert_eq!(reference[1], vec![0.0, 0.0, 5.0, 0.0, 0.0], "{name}");
    }
}

netspec::netspec! {
    /// A token MLP: layer_norm over [T, D], every new activation, flattened to a head.
    TokenNet: [4, 8] => {
        ln: layer_norm(8), gelu,
        flatten,
        fc1: dense(6), silu,
        fc2: dense(5), sigmoid,
        fc3: dense(3), relu6,
    }

    /// ConvNeXt-style channels-first LayerNorm after a convolution.
    ImageNet: [3, 6, 6] => {
        conv: conv2d(4, k = 3, p = 1),
        norm: layer_norm(4, channels_first = true, eps = 1e-6), gelu,
        global_avg_pool, flatten,
        head: dense(2),
    }
}

/// Through the macro: the layers build from their spelling, write themselves back out as Rust,
/// and compose into a network whose backward matches finite differences.
#[test]
fn new_layers_compose_in_netspec_blocks() {
    use netspec::core::contract::{assert_holds, network_case};
    use netspec::core::Network;
    let names: Vec<(String, Vec<usize>)> = TokenNet::params()
        .into_iter()
        .map(|p| (p.name, p.shape))
        .collect();
    assert_eq!(
        &names[..2],
        &[("ln.weight".into(), vec![8]), ("ln.bias".into(), vec![8])]
    );
    let names: Vec<String> = ImageNet::params().into_iter().map(|p| p.name).collect();
    assert!(names.contains(&"norm.weight".to_string()) && names.contains(&"norm.bias".to_string()));
    assert_holds(&network_case::<TokenNet>(2, 3), 24, 1e-5);
    assert_holds(&network_case::<ImageNet>(2, 4), 24, 1e-5);
}
