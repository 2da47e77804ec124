//! Whole-network contracts: on small instances of the book's architectures, the generated
//! backward (every layer's VJP composed in reverse order) agrees with finite differences of the
//! generated forward; and the parameter lists match torchvision's.

use netspec::core::contract::{assert_holds, network_case};
use netspec::core::Network;
use netspec::models::{ResNet34, ResNet34At32};
mod common;

use common::TinyResNet;

#[test]
fn tiny_resnet_backward_matches_finite_differences() {
    assert_holds(&network_case::<TinyResNet>(2, 1), 12, 1e-5);
}

#[test]
fn resnet34_parameters_are_torchvisions() {
    // torchvision.models.resnet34(num_classes=10): 21,797,672 - 513,000 + 5,130.
    assert_eq!(ResNet34::parameter_count(), 21_289_802);
    assert_eq!(ResNet34At32::parameter_count(), 21_289_802);
    let params = ResNet34::params();
    let find = |n: &str| {
        params
            .iter()
            .find(|p| p.name == n)
            .unwrap_or_else(|| panic!("no {n}"))
    };
    assert_eq!(find("conv1.weight").shape, vec![64, 3, 7, 7]);
    assert_eq!(
        find("layer2.0.downsample.0.weight").shape,
        vec![128, 64, 1, 1]
    );
    assert_eq!(find("layer3.5.bn2.running_var").shape, vec![256]);
    assert_eq!(find("layer4.2.conv2.weight").shape, vec![512, 512, 3, 3]);
    assert_eq!(find("fc.weight").shape, vec![10, 512]);
    assert!(params
        .iter()
        .all(|p| !p.name.starts_with("layer1.0.downsample")));
    // torchvision's state_dict has 218 entries for resnet34 (parameters and buffers).
    assert_eq!(params.len(), 218);
}
