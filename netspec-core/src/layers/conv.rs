//! `conv2d(out_channels, k = 3, s = 1, p = 0 | same | valid, bias = true)`: a 2-D convolution
//! on NCHW images with an OIHW kernel, PyTorch's layouts.
//!
//! VJP, each a `stablehlo.convolution`:
//! - dx: dy dilated by the stride, convolved with the kernel flipped in space and with its
//!   input and output channels swapped;
//! - dW: the input convolved with dy, batch and channel roles exchanged (dy acts as the kernel,
//!   dilated by the stride);
//! - db: Σ dy over batch, height and width.

use super::window::Window;
use super::{Args, Backward, Forward, Layer, Mode, SpecError};
use crate::ir::{ConvDims, Graph, Value};
use crate::params::{Init, ParamSpec};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Conv2d {
    pub in_channels: usize,
    pub out_channels: usize,
    pub window: Window,
    pub bias: bool,
    /// The per-example input height and width.
    pub input: [usize; 2],
}

impl Conv2d {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect("conv2d", &["out_channels"], &["k", "s", "p", "bias"])?;
        let out_channels = args.required_positive("conv2d", 0, "out_channels")?;
        let k = args.positive(None, "k")?.ok_or_else(|| {
            SpecError::layer("`conv2d` needs a kernel size, e.g. `conv2d(32, k = 3)`")
        })?;
        let s = args.positive(None, "s")?.unwrap_or(1);
        let window = Window::square(k, s, args.padding("p", k, s)?);
        let hw = window.check(&format!("conv2d(k = {k})"), input)?;
        Ok(Conv2d {
            in_channels: input[0],
            out_channels,
            window,
            bias: args.bool("bias", true)?,
            input: hw,
        })
    }

    fn dims(&self) -> ConvDims {
        let p = self.window.padding;
        ConvDims::nchw(
            self.window.stride,
            [
                (p[0].0 as i64, p[0].1 as i64),
                (p[1].0 as i64, p[1].1 as i64),
            ],
        )
    }
}

impl Layer for Conv2d {
    type Saved = Value;

    fn output_shape(&self, _input: &[usize]) -> Vec<usize> {
        let [h, w] = self.window.output(self.input);
        vec![self.out_channels, h, w]
    }

    fn params(&self) -> Vec<ParamSpec> {
        let [kh, kw] = self.window.kernel;
        let bound = 1.0 / ((self.in_channels * kh * kw) as f64).sqrt();
        let mut p = vec![ParamSpec::new(
            "weight",
            &[self.out_channels, self.in_channels, kh, kw],
            Init::Uniform { bound },
        )];
        if self.bias {
            p.push(ParamSpec::new(
                "bias",
                &[self.out_channels],
                Init::Uniform { bound },
            ));
        }
        p
    }

    fn forward(&self, g: &mut Graph, x: Value, p: &[Value], _mode: Mode) -> Forward<Value> {
        let y = g.convolution(x, p[0], self.dims());
        let y = if self.bias {
            let shape = g.shape(y).to_vec();
            let b = g.broadcast_in_dim(p[1], &shape, &[1]);
            g.add(y, b)
        } else {
            y
        };
        Forward::new(y, x)
    }

    fn vjp(&self, g: &mut Graph, x: &Value, p: &[Value], dy: Value, need_dx: bool) -> Backward {
        let Window {
            kernel: k,
            stride: s,
            padding: pad,
        } = self.window;
        let padded = self.window.padded(self.input);
        // Rows (and columns) of the padded input that no window reaches.
        let rest = [(padded[0] - k[0]) % s[0], (padded[1] - k[1]) % s[1]];

        let dx = need_dx.then(|| {
            let flipped = g.reverse(p[0], &[2, 3]);
            let d = ConvDims {
                rhs: [1, 0, 2, 3], // the kernel's input channels become the output's
                strides: [1, 1],
                padding: [0, 1].map(|i| {
                    (
                        (k[i] - 1) as i64 - pad[i].0 as i64,
                        (k[i] - 1) as i64 - pad[i].1 as i64 + rest[i] as i64,
                    )
                }),
                lhs_dilation: s,
                ..ConvDims::nchw([1, 1], [(0, 0); 2])
            };
            g.convolution(dy, flipped, d)
        });

        // dW[o, i, u, v] = Σ_b,y,x dy[b, o, y, x] · x_padded[b, i, s·y + u, s·x + v].
        let d = ConvDims {
            lhs: [1, 0, 2, 3], // x: channels act as the batch, the batch as features
            rhs: [1, 0, 2, 3], // dy: channels are output features, the batch input features
            out: [1, 0, 2, 3], // result [out_channels, in_channels, kh, kw]
            strides: [1, 1],
            padding: [0, 1].map(|i| (pad[i].0 as i64, pad[i].1 as i64 - rest[i] as i64)),
            lhs_dilation: [1, 1],
            rhs_dilation: s,
            feature_groups: 1,
        };
        let mut grads = vec![g.convolution(*x, dy, d)];
        if self.bias {
            grads.push(g.reduce_sum(dy, &[0, 2, 3]));
        }
        Backward { dx, grads }
    }
}
