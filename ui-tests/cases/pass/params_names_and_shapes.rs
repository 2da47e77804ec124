// Parameter names follow PyTorch: a labelled layer's parameters are `label.weight`, an unlabelled
// one's are named by its position in the list, as in `nn.Sequential` (activations count too).
use netspec::prelude::*;

netspec! {
    /// The book's MNIST MLP, with a labelled first layer.
    pub MnistMlp: [1, 28, 28] => {
        flatten,
        fc1: dense(512), relu,
        dense(256), relu,
        head: dense(10, bias = false),
    }

    /// Same layout as `nn.Sequential(nn.Flatten(), nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 10))`.
    Sequential: [1, 28, 28] => {
        flatten,
        dense(64),
        relu,
        dense(10),
        identity,
    }

    /// A flat input needs no `flatten`; `out_features` may be given by name.
    Flat: [20] => {
        dense(out_features = 3, bias = true),
    }
}

fn names_and_shapes<N: netspec::core::Network>() -> Vec<(String, Vec<usize>)> {
    <N as netspec::core::Network>::params()
        .into_iter()
        .map(|p| (p.name, p.shape))
        .collect()
}

fn expect(got: Vec<(String, Vec<usize>)>, want: &[(&str, &[usize])]) {
    let want: Vec<(String, Vec<usize>)> = want
        .iter()
        .map(|(n, s)| (n.to_string(), s.to_vec()))
        .collect();
    assert_eq!(got, want);
}

fn main() {
    expect(
        names_and_shapes::<MnistMlp>(),
        &[
            ("fc1.weight", &[512, 784]),
            ("fc1.bias", &[512]),
            ("3.weight", &[256, 512]),
            ("3.bias", &[256]),
            ("head.weight", &[10, 256]),
        ],
    );
    assert_eq!(<MnistMlp as netspec::core::Network>::input_shape(), vec![1, 28, 28]);
    assert_eq!(<MnistMlp as netspec::core::Network>::output_shape(), vec![10]);
    assert_eq!(
        <MnistMlp as netspec::core::Network>::parameter_count(),
        512 * 784 + 512 + 256 * 512 + 256 + 10 * 256
    );
    assert_eq!(<MnistMlp as netspec::core::Network>::NAME, "MnistMlp");

    expect(
        names_and_shapes::<Sequential>(),
        &[
            ("1.weight", &[64, 784]),
            ("1.bias", &[64]),
            ("3.weight", &[10, 64]),
            ("3.bias", &[10]),
        ],
    );
    assert_eq!(<Sequential as netspec::core::Network>::output_shape(), vec![10]);
    assert!(<Sequential as netspec::core::Network>::params().iter().all(|p| p.trainable));

    expect(
        names_and_shapes::<Flat>(),
        &[("0.weight", &[3, 20]), ("0.bias", &[3])],
    );
}
