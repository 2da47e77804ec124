//! `conv2d(out_channels, k = 3, s = 1, p = 0 | same | valid, bias = true)`: a 2-D convolution
//! on NCHW images with an OIHW kernel, PyTorch's layouts.
//!
//! VJP, each a `stablehlo.convolution`:
//! - dx: dy dilated by the stride, convolved with the kernel flipped in space and with its
//!   input and output channels swapped;
//! - dW: per kernel offset, dy contracted with the strided slice of the input it saw;
//! - db: Σ dy over batch, height and width.

use super::window::Window;
use super::{Args, Backward, Forward, Layer, Mode, SpecError};
use crate::ir::{ConvDims, DotDims, Graph, Value};
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

        // dW[o, i, u, v] = Σ_b,y,x dy[b, o, y, x] · x_padded[b, i, s·y + u, s·x + v]: one
        // contraction per kernel offset (u, v) with the strided slice it reads. On IREE's CPU
        // backend this beats the equivalent convolution with batch and channel roles swapped.
        let zero = g.scalar(0.0);
        let xp = g.pad(
            *x,
            zero,
            &[0, 0, pad[0].0 as i64, pad[1].0 as i64],
            &[0, 0, pad[0].1 as i64, pad[1].1 as i64],
            &[0; 4],
        );
        let [b, c] = [g.shape(*x)[0], g.shape(*x)[1]];
        let [oh, ow] = self.window.output(self.input);
        let mut rows = vec![];
        for u in 0..k[0] {
            let mut cols = vec![];
            for v in 0..k[1] {
                let patch = g.slice(
                    xp,
                    &[0, 0, u, v],
                    &[b, c, u + s[0] * (oh - 1) + 1, v + s[1] * (ow - 1) + 1],
                    &[1, 1, s[0], s[1]],
                );
                let dims = DotDims {
                    lhs_contract: vec![0, 2, 3],
                    rhs_contract: vec![0, 2, 3],
                    ..Default::default()
                };
                let dw = g.dot_general(dy, patch, dims);
                cols.push(g.reshape(dw, &[self.out_channels, c, 1, 1]));
            }
            rows.push(g.concatenate(&cols, 3));
        }
        let mut grads = vec![g.concatenate(&rows, 2)];
        if self.bias {
            grads.push(g.reduce_sum(dy, &[0, 2, 3]));
        }
        Backward { dx, grads }
    }
}
