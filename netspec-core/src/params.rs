//! Parameter declarations and their initialisers.

use ndarray::{ArrayViewD, IxDyn};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::ir::{Graph, TensorType, Value};

/// One named f32 tensor, row-major: a parameter's values, as checkpoints hold them.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedTensor {
    pub name: String,
    pub shape: Vec<usize>,
    pub data: Vec<f32>,
}

/// How a parameter's first values are drawn. The defaults of each layer follow PyTorch's.
#[derive(Clone, Debug, PartialEq)]
pub enum Init {
    Zeros,
    Ones,
    /// U(-bound, bound): PyTorch's Linear and Conv default is bound = 1/sqrt(fan_in).
    Uniform {
        bound: f64,
    },
    Normal {
        std: f64,
    },
    /// Every element `value` (ConvNeXt's layer scale starts at 1e-6).
    Constant {
        value: f64,
    },
}

impl Init {
    pub fn sample(&self, n: usize, rng: &mut ChaCha8Rng) -> Vec<f32> {
        match self {
            Init::Zeros => vec![0.0; n],
            Init::Ones => vec![1.0; n],
            Init::Constant { value } => vec![*value as f32; n],
            Init::Uniform { bound } => (0..n)
                .map(|_| rng.gen_range(-*bound..*bound) as f32)
                .collect(),
            Init::Normal { std } => (0..n)
                .map(|_| {
                    // Box-Muller: two uniforms to one standard normal.
                    let u1: f64 = rng.gen_range(f64::EPSILON..1.0);
                    let u2: f64 = rng.gen();
                    (std * (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()) as f32
                })
                .collect(),
        }
    }
}

/// One parameter or buffer of a network.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamSpec {
    /// Full name in PyTorch's convention: `fc1.weight`, `3.bias`, `bn1.running_mean`.
    pub name: String,
    pub shape: Vec<usize>,
    pub init: Init,
    /// False for state that the optimizer does not touch (BatchNorm's running statistics).
    pub trainable: bool,
    /// How the compiled modules hold it, when not in `shape`'s layout: axis i of the device
    /// tensor is axis `device_layout[i]` of `shape`. A convolution's OIHW kernel is held as
    /// HWIO (`[2, 3, 1, 0]`), the layout its matmuls and IREE's convolution read, so a train
    /// step transposes no kernel (ResNet-34@32: a third of its dispatch time was kernel
    /// transposes). Host data (`NamedTensor`s, checkpoints, exports' weight files) keeps
    /// `shape`'s layout; [`ParamSpec::to_device_order`] converts at the module's boundary.
    pub device_layout: Option<Vec<usize>>,
}

impl ParamSpec {
    pub fn new(name: &str, shape: &[usize], init: Init) -> Self {
        ParamSpec {
            name: name.to_string(),
            shape: shape.to_vec(),
            init,
            trainable: true,
            device_layout: None,
        }
    }
    /// The same parameter, held on the device with its axes permuted by `perm`.
    pub fn held_as(mut self, perm: &[usize]) -> Self {
        let mut sorted = perm.to_vec();
        sorted.sort_unstable();
        assert!(
            sorted.iter().copied().eq(0..self.shape.len()),
            "{}: {perm:?} is not a permutation of {:?}'s axes",
            self.name,
            self.shape
        );
        self.device_layout = Some(perm.to_vec());
        self
    }
    pub fn buffer(name: &str, shape: &[usize], init: Init) -> Self {
        ParamSpec {
            trainable: false,
            ..Self::new(name, shape, init)
        }
    }
    pub fn elements(&self) -> usize {
        self.shape.iter().product()
    }
    /// The shape of the tensor a module takes and returns for this parameter.
    pub fn device_shape(&self) -> Vec<usize> {
        match &self.device_layout {
            None => self.shape.clone(),
            Some(perm) => perm.iter().map(|&a| self.shape[a]).collect(),
        }
    }
    /// The parameter as an argument of the function `g` builds, in the device layout.
    pub fn arg(&self, g: &mut Graph) -> Value {
        g.arg(&self.name, TensorType::f32(&self.device_shape()))
    }
    /// Row-major host data in `shape`'s layout, reordered into the device layout.
    pub fn to_device_order<T: Copy>(&self, data: &[T]) -> Vec<T> {
        match &self.device_layout {
            None => data.to_vec(),
            Some(perm) => permuted(data, &self.shape, perm),
        }
    }
    /// Row-major data in the device layout, reordered into `shape`'s layout.
    pub fn from_device_order<T: Copy>(&self, data: &[T]) -> Vec<T> {
        match &self.device_layout {
            None => data.to_vec(),
            Some(perm) => {
                let mut inverse = vec![0; perm.len()];
                for (i, &a) in perm.iter().enumerate() {
                    inverse[a] = i;
                }
                permuted(data, &self.device_shape(), &inverse)
            }
        }
    }
    /// The same parameter under `prefix.`. A parameter with an empty local name takes the
    /// prefix itself as its name, as a bare `nn.Parameter` attribute does in PyTorch: the layer
    /// `class_token: class_token` owns the parameter `class_token`.
    pub fn prefixed(mut self, prefix: &str) -> Self {
        if self.name.is_empty() {
            self.name = prefix.to_string();
        } else if !prefix.is_empty() {
            self.name = format!("{prefix}.{}", self.name);
        }
        self
    }
}

/// `data` of `shape` with its axes permuted (axis i of the result is axis `perm[i]`),
/// row-major.
fn permuted<T: Copy>(data: &[T], shape: &[usize], perm: &[usize]) -> Vec<T> {
    let view = ArrayViewD::from_shape(IxDyn(shape), data)
        .unwrap_or_else(|_| panic!("{} values do not fill {shape:?}", data.len()));
    view.permuted_axes(IxDyn(perm)).iter().copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// OIHW [2, 3, 1, 2] held as HWIO: element (o, i, h, w) lands at (h, w, i, o), and back.
    #[test]
    fn device_order_permutes_axes_and_back() {
        let spec = ParamSpec::new("w", &[2, 3, 1, 2], Init::Zeros).held_as(&[2, 3, 1, 0]);
        assert_eq!(spec.device_shape(), [1, 2, 3, 2]);
        let data: Vec<f32> = (0..12).map(|v| v as f32).collect();
        let device = spec.to_device_order(&data);
        // Strides: OIHW [6, 2, 2, 1], HWIO [12, 6, 2, 1].
        let (o, i, h, w) = (0, 2, 0, 1);
        let canonical = o * 6 + i * 2 + h * 2 + w;
        let held = h * 12 + w * 6 + i * 2 + o;
        assert_eq!(device[held], data[canonical]);
        assert_eq!((held, canonical), (10, 5));
        assert_eq!(device[0..4], [0.0, 6.0, 2.0, 8.0]);
        assert_eq!(spec.from_device_order(&device), data);
    }
}
