//! Parameter declarations and their initialisers.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

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
}

impl ParamSpec {
    pub fn new(name: &str, shape: &[usize], init: Init) -> Self {
        ParamSpec {
            name: name.to_string(),
            shape: shape.to_vec(),
            init,
            trainable: true,
        }
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
