// A repeated group names its layers `label.0`, `label.1`, ... as PyTorch's nested Sequential does;
// several heads share one layer list, each with its own input shape.
use netspec::core::Network;
use netspec::prelude::*;

netspec! {
    pub Deep: [1, 28, 28] => {
        flatten,
        hidden: [dense(64); 3],
        dense(10),
    }

    pub Gray: [1, 28, 28], Rgb: [3, 32, 32] => {
        flatten,
        fc: dense(10, bias = false),
    }
}

fn names_and_shapes<N: Network>() -> Vec<(String, Vec<usize>)> {
    N::params().into_iter().map(|p| (p.name, p.shape)).collect()
}

fn owned(want: &[(&str, &[usize])]) -> Vec<(String, Vec<usize>)> {
    want.iter().map(|(n, s)| (n.to_string(), s.to_vec())).collect()
}

fn main() {
    assert_eq!(
        names_and_shapes::<Deep>(),
        owned(&[
            ("hidden.0.weight", &[64, 784]),
            ("hidden.0.bias", &[64]),
            ("hidden.1.weight", &[64, 64]),
            ("hidden.1.bias", &[64]),
            ("hidden.2.weight", &[64, 64]),
            ("hidden.2.bias", &[64]),
            ("2.weight", &[10, 64]),
            ("2.bias", &[10]),
        ])
    );
    assert_eq!(names_and_shapes::<Gray>(), owned(&[("fc.weight", &[10, 784])]));
    assert_eq!(names_and_shapes::<Rgb>(), owned(&[("fc.weight", &[10, 3072])]));
    assert_eq!(Gray::input_shape(), vec![1, 28, 28]);
    assert_eq!(Rgb::input_shape(), vec![3, 32, 32]);
}
