//! `conv2d(out_channels, k = 3, s = 1, p = 0 | same | valid, groups = 1, bias = true)`: a 2-D
//! convolution on NCHW images with an OIHW kernel ([out, in / groups, kh, kw]), PyTorch's
//! layouts. `groups = channels` is a depthwise convolution.
//!
//! The modules hold the kernel as HWIO ([kh, kw, in / groups, out]; `ParamSpec::device_layout`),
//! the layout the im2col matmuls and IREE's NHWC convolution read, so no step transposes it;
//! 1x1 products on 1x1 images, which read it as OIHW, keep OIHW.
//!
//! VJP:
//! - dx: a convolution of dy, dilated by the stride, with the kernel flipped in space and its
//!   input and output channels exchanged within each group;
//! - dW without groups: per kernel offset (u, v), dy contracted with the strided slice of the
//!   input it saw, or all offsets at once as im2col matmuls where the target's lowering says
//!   so (`Graph::conv_weight_grad_as_matmul`); with groups, one convolution of the input with
//!   dy in batch groups, or for a depthwise convolution, where the lowering says so, a
//!   depthwise convolution of the input with dy over the examples folded into the channels;
//! - db: Σ dy over batch, height and width.

use super::window::Window;
use super::{shape_str, Args, Backward, Forward, Layer, Mode, SpecError};
use crate::ir::{ConvDims, DepthwiseWeightGrad, DotDims, Graph, MatmulRole, PatchWindow, Value};
use crate::params::{Init, ParamSpec};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Conv2d {
    pub in_channels: usize,
    pub out_channels: usize,
    pub window: Window,
    pub groups: usize,
    pub bias: bool,
    /// The per-example input height and width.
    pub input: [usize; 2],
}

impl Conv2d {
    pub fn from_args(args: &Args, input: &[usize]) -> Result<Self, SpecError> {
        args.expect(
            "conv2d",
            &["out_channels"],
            &["k", "s", "p", "groups", "bias"],
        )?;
        let out_channels = args.required_positive("conv2d", 0, "out_channels")?;
        let k = args.positive(None, "k")?.ok_or_else(|| {
            SpecError::layer("`conv2d` needs a kernel size, e.g. `conv2d(32, k = 3)`")
        })?;
        let s = args.positive(None, "s")?.unwrap_or(1);
        let window = Window::square(k, s, args.padding("p", k, s)?);
        let hw = window.check(&format!("conv2d(k = {k})"), input)?;
        let groups = args.positive(None, "groups")?.unwrap_or(1);
        if !input[0].is_multiple_of(groups) || !out_channels.is_multiple_of(groups) {
            let at = args.find(None, "groups").map(|(at, _)| at);
            let message = format!(
                "conv2d with {groups} groups needs input and output channels divisible by {groups}, but this layer maps {} channels (input {}) to {out_channels}",
                input[0],
                shape_str(input)
            );
            return Err(SpecError { at, message });
        }
        Ok(Conv2d {
            in_channels: input[0],
            out_channels,
            window,
            groups,
            bias: args.bool("bias", true)?,
            input: hw,
        })
    }

    /// A convolution built from known values, for blocks that compose convolutions.
    pub fn new(
        input: &[usize],
        out_channels: usize,
        k: usize,
        s: usize,
        p: usize,
        groups: usize,
    ) -> Result<Self, SpecError> {
        let window = Window::square(k, s, (p, p));
        let hw = window.check(&format!("conv2d(k = {k})"), input)?;
        Ok(Conv2d {
            in_channels: input[0],
            out_channels,
            window,
            groups,
            bias: false,
            input: hw,
        })
    }

    /// The kernel's layout in the modules: HWIO, but where it is read as OIHW.
    fn kernel_is_hwio(&self) -> bool {
        !self.is_a_product()
    }

    /// The forward convolution: NCHW input and output, HWIO kernel.
    fn dims(&self) -> ConvDims {
        let p = self.window.padding;
        let mut d = ConvDims::nchw(
            self.window.stride,
            [
                (p[0].0 as i64, p[0].1 as i64),
                (p[1].0 as i64, p[1].1 as i64),
            ],
        );
        d.feature_groups = self.groups;
        d.rhs = HWIO;
        d
    }
}

/// `ConvDims::rhs` of an HWIO kernel: the positions of its output and input features, height
/// and width.
const HWIO: [usize; 4] = [3, 2, 0, 1];
/// OIHW -> HWIO as `ParamSpec::held_as` takes it.
const OIHW_AS_HWIO: [usize; 4] = [2, 3, 1, 0];

impl Conv2d {
    /// The input with the layer's zero padding: what every kernel offset reads from.
    fn padded_input(&self, g: &mut Graph, x: Value) -> Value {
        let pad = self.window.padding;
        let zero = g.scalar(0.0);
        g.pad(
            x,
            zero,
            &[0, 0, pad[0].0 as i64, pad[1].0 as i64],
            &[0, 0, pad[0].1 as i64, pad[1].1 as i64],
            &[0; 4],
        )
    }

    /// [B, C, OH, OW]: the strided slice of the padded input that kernel offset (u, v) reads
    /// at every output position.
    fn offset_slice(&self, g: &mut Graph, xp: Value, u: usize, v: usize) -> Value {
        let [b, c] = [g.shape(xp)[0], g.shape(xp)[1]];
        let [oh, ow] = self.window.output(self.input);
        let s = self.window.stride;
        g.slice(
            xp,
            &[0, 0, u, v],
            &[b, c, u + s[0] * (oh - 1) + 1, v + s[1] * (ow - 1) + 1],
            &[1, 1, s[0], s[1]],
        )
    }

    /// A 1x1 kernel on a 1x1 image (squeeze-excitation's fc1 and fc2) is a matrix product
    /// [B, C] · [O, C]ᵀ: emitted as a dense layer's, not as a convolution.
    fn is_a_product(&self) -> bool {
        self.input == [1, 1]
            && self.window.kernel == [1, 1]
            && self.window.padding == [(0, 0); 2]
            && self.groups == 1
    }

    /// An image's few channels: an explicit im2col and a batched matmul, below the lowering's
    /// `im2col_below_channels`.
    fn uses_im2col(&self, g: &Graph) -> bool {
        self.groups == 1 && self.in_channels < g.lowering().im2col_below_channels
    }

    /// y[b, o, :] = W[o, (u, v, c)] · patches[b, (u, v, c), :], with one strided slice of the
    /// padded input per kernel tap (u, v) that reads the input, as a matmul batched over the
    /// examples; under the lowering's `assign_layouts`, y[(b, y, x), o] = patches · W as one
    /// matmul over the batch, NHWC.
    fn im2col_forward(&self, g: &mut Graph, x: Value, w: Value) -> Value {
        let xp = self.padded_input(g, x);
        let (b, cin, cout) = (g.shape(x)[0], self.in_channels, self.out_channels);
        let output = self.window.output(self.input);
        let live = self.window.live_taps(self.input);
        let window = PatchWindow {
            first: [live[0].start, live[1].start],
            kernel: [live[0].len(), live[1].len()],
            strides: self.window.stride,
            dilation: [1, 1],
            output,
        };
        let taps = live[0].len() * live[1].len() * cin;
        let w = if window.kernel == self.window.kernel {
            w
        } else {
            g.slice(
                w,
                &[live[0].start, live[1].start, 0, 0],
                &[live[0].end, live[1].end, cin, cout],
                &[1; 4],
            )
        };
        let w = g.reshape(w, &[taps, cout]);
        if g.lowering().assign_layouts {
            // NHWC, which the layout assignment carries on into the next layers. Not
            // data-tiled: packing patches of so few taps cost more than it saved.
            let xp = g.transpose(xp, &[0, 2, 3, 1]);
            let patches = g.im2col_patches(xp, &window);
            let y = g.matmul_as(MatmulRole::Other, patches, 1, w, 0);
            let y = g.reshape(y, &[b, output[0], output[1], cout]);
            return g.transpose(y, &[0, 3, 1, 2]);
        }
        let patches = g.im2col(xp, &window, [0, 1, 2, 3]);
        let patches = g.reshape(patches, &[b, taps, output[0] * output[1]]);
        let w = g.transpose(w, &[1, 0]);
        // Broadcast over the batch: a batched matmul writes NCHW directly, where a plain one
        // would leave [O, B, HW] to transpose.
        let w = g.broadcast_in_dim(w, &[b, cout, taps], &[1, 2]);
        let dims = DotDims {
            lhs_batch: vec![0],
            rhs_batch: vec![0],
            lhs_contract: vec![2],
            rhs_contract: vec![1],
        };
        let y = g.dot_general(w, patches, dims);
        g.reshape(y, &[b, cout, output[0], output[1]])
    }
}

impl Conv2d {
    /// The VJP of `is_a_product`'s form: dx = dy W, dW = dyᵀ x, db = Σ_b dy.
    fn product_vjp(
        &self,
        g: &mut Graph,
        x: Value,
        p: &[Value],
        dy: Value,
        need_dx: bool,
    ) -> Backward {
        let b = g.shape(x)[0];
        let (c, o) = (self.in_channels, self.out_channels);
        let dy2 = g.reshape(dy, &[b, o]);
        let dx = need_dx.then(|| {
            let w2 = g.reshape(p[0], &[o, c]);
            let d = g.matmul_as(MatmulRole::Dense, dy2, 1, w2, 0);
            g.reshape(d, &[b, c, 1, 1])
        });
        let x2 = g.reshape(x, &[b, c]);
        let dw = g.matmul_tn(dy2, x2, 1);
        let mut grads = vec![g.reshape(dw, &[o, c, 1, 1])];
        if self.bias {
            grads.push(g.reduce_sum(dy2, &[0]));
        }
        Backward { dx, grads }
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
        let fan_in = self.in_channels / self.groups * kh * kw;
        let bound = 1.0 / (fan_in as f64).sqrt();
        let weight = [self.out_channels, self.in_channels / self.groups, kh, kw];
        let mut kernel = ParamSpec::new("weight", &weight, Init::Uniform { bound });
        if self.kernel_is_hwio() {
            kernel = kernel.held_as(&OIHW_AS_HWIO);
        }
        let mut p = vec![kernel];
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
        let y = if self.is_a_product() {
            let b = g.shape(x)[0];
            let (c, o) = (self.in_channels, self.out_channels);
            let x2 = g.reshape(x, &[b, c]);
            let w2 = g.reshape(p[0], &[o, c]);
            let y = g.matmul_as(MatmulRole::Dense, x2, 1, w2, 1);
            g.reshape(y, &[b, o, 1, 1])
        } else if self.uses_im2col(g) {
            self.im2col_forward(g, x, p[0])
        } else {
            g.convolution(x, p[0], self.dims())
        };
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
        if self.is_a_product() {
            return self.product_vjp(g, *x, p, dy, need_dx);
        }
        let Window {
            kernel: k,
            stride: s,
            padding: pad,
        } = self.window;
        let (groups, cin, cout) = (self.groups, self.in_channels, self.out_channels);
        let (cin_g, cout_g) = (cin / groups, cout / groups);
        let padded = self.window.padded(self.input);
        // Rows (and columns) of the padded input that no window reaches.
        let rest = [(padded[0] - k[0]) % s[0], (padded[1] - k[1]) % s[1]];

        let dx = need_dx.then(|| {
            // HWIO [kh, kw, in/G, out] -> [kh, kw, out/G, in]: input and output channels
            // exchanged within each group, flipped in space by the convolution.
            let w = g.reshape(p[0], &[k[0], k[1], cin_g, groups, cout_g]);
            let w = g.transpose(w, &[0, 1, 4, 3, 2]);
            let w = g.reshape(w, &[k[0], k[1], cout_g, cin]);
            let d = ConvDims {
                rhs: HWIO,
                strides: [1, 1],
                padding: [0, 1].map(|i| {
                    (
                        (k[i] - 1) as i64 - pad[i].0 as i64,
                        (k[i] - 1) as i64 - pad[i].1 as i64 + rest[i] as i64,
                    )
                }),
                lhs_dilation: s,
                feature_groups: groups,
                ..ConvDims::nchw([1, 1], [(0, 0); 2])
            };
            g.convolution_flipped(dy, w, d)
        });

        // dW[u, v, i, o] = Σ_b,y,x dy[b, o, y, x] · x_padded[b, i, s·y + u, s·x + v]: without
        // groups, im2col matmuls or one contraction per kernel offset, as the lowering says (on
        // IREE's CPU backend both beat a convolution with batch and channel roles swapped);
        // with groups, that convolution, one batch group per group.
        let dw = if groups == 1 {
            let live = self.window.live_taps(self.input);
            let padding = self.window.padding;
            g.direct_conv_weight_grad(*x, padding, dy, k, s, live.clone())
                .or_else(|| g.conv_weight_grad_as_matmul(*x, padding, dy, k, s, live))
                .unwrap_or_else(|| {
                    let xp = self.padded_input(g, *x);
                    self.weight_grad_per_offset(g, xp, dy)
                })
        } else {
            self.grouped_weight_grad(g, *x, dy)
        };
        let mut grads = vec![dw];
        if self.bias {
            grads.push(g.reduce_sum(dy, &[0, 2, 3]));
        }
        Backward { dx, grads }
    }
}

impl Conv2d {
    /// dW of a grouped convolution (a depthwise one: MobileNet's, EfficientNet's, ConvNeXt's)
    /// by netspec's kernel where the lowering has it for a depthwise one
    /// (`Graph::depthwise_conv_weight_grad`); else as one convolution: the input channels as
    /// its batch, in one batch group per group (`batch_group_count`), the examples as the
    /// features it contracts, dy as the kernel, dilated by the stride, and the HWIO gradient as
    /// its output; or, for a depthwise one where the lowering says so (`depthwise_weight_grad`),
    /// a depthwise convolution over the examples folded into the channels. One convolution for
    /// the whole kernel, where a contraction per tap and the concatenation of their sums made
    /// 2·k² + k dispatches.
    /// Taps that read padding only get their zero from the padding. NHWC under
    /// `assign_layouts`, where the input and dy are stored so.
    fn grouped_weight_grad(&self, g: &mut Graph, x: Value, dy: Value) -> Value {
        let Window {
            kernel: k,
            stride: s,
            padding: pad,
        } = self.window;
        let depthwise = self.groups == self.in_channels && self.groups == self.out_channels;
        if depthwise {
            let live = self.window.live_taps(self.input);
            if let Some(dw) = g.depthwise_conv_weight_grad(x, pad, dy, k, s, live) {
                return dw;
            }
        }
        let padded = self.window.padded(self.input);
        // The last rows of a strided window that no output reads are cropped, from the high
        // padding first, so that the output is exactly the kernel.
        let mut x = x;
        let mut padding = [(0, 0); 2];
        for i in 0..2 {
            let unread = ((padded[i] - k[i]) % s[i]) as i64;
            let (low, high) = (pad[i].0 as i64, pad[i].1 as i64);
            padding[i] = (low, (high - unread).max(0));
            if unread > high {
                let mut limit = g.shape(x).to_vec();
                limit[2 + i] -= (unread - high) as usize;
                x = g.slice(x, &[0; 4], &limit, &[1; 4]);
            }
        }
        if depthwise
            && g.lowering().depthwise_weight_grad == DepthwiseWeightGrad::ExamplesAsChannels
        {
            return depthwise_weight_grad(g, x, dy, k, padding, s);
        }
        // Roles: the input as [features = B, batch = C, H, W], dy as [in = B, out, OH, OW];
        // the output [kh, kw, batch = C / groups, features = out] is HWIO.
        let (x, dy, operands) = if g.lowering().assign_layouts {
            let x = g.transpose(x, &[0, 2, 3, 1]);
            let dy = g.transpose(dy, &[0, 2, 3, 1]);
            (x, dy, [3, 0, 1, 2])
        } else {
            (x, dy, [1, 0, 2, 3])
        };
        let d = ConvDims {
            lhs: operands,
            rhs: operands,
            out: [2, 3, 0, 1],
            padding,
            rhs_dilation: s,
            batch_groups: self.groups,
            ..ConvDims::nchw([1, 1], [(0, 0); 2])
        };
        g.convolution_in_layout(x, dy, d)
    }

    /// dW as one contraction per kernel offset with the strided slice it reads (the form where
    /// the lowering has no matmul for it).
    fn weight_grad_per_offset(&self, g: &mut Graph, xp: Value, dy: Value) -> Value {
        let k = self.window.kernel;
        let (cin, cout) = (self.in_channels, self.out_channels);
        // A tap that reads padding only has a zero gradient.
        let live = self.window.live_taps(self.input);
        let mut zero = None;
        let mut rows = vec![];
        for u in 0..k[0] {
            let mut cols = vec![];
            for v in 0..k[1] {
                if !live[0].contains(&u) || !live[1].contains(&v) {
                    let z = *zero.get_or_insert_with(|| g.scalar(0.0));
                    cols.push(g.broadcast_in_dim(z, &[1, 1, cin, cout], &[]));
                    continue;
                }
                let patch = self.offset_slice(g, xp, u, v);
                let dims = DotDims {
                    lhs_batch: vec![],
                    rhs_batch: vec![],
                    lhs_contract: vec![0, 2, 3],
                    rhs_contract: vec![0, 2, 3],
                };
                let dw = g.dot_general(patch, dy, dims); // [in, out]
                cols.push(g.reshape(dw, &[1, 1, cin, cout]));
            }
            rows.push(g.concatenate(&cols, 1));
        }
        g.concatenate(&rows, 0)
    }
}

/// dW of a depthwise convolution as a depthwise convolution itself: the examples folded into
/// the channels (x as one image [1, H, W, B·C], dy as its kernel [OH, OW, 1, B·C], dilated by
/// the stride), then summed over the examples. `padding` is the input's, with the rows no
/// output reads already cropped, so the output is exactly the kernel [kh, kw, 1, C] (HWIO).
fn depthwise_weight_grad(
    g: &mut Graph,
    x: Value,
    dy: Value,
    k: [usize; 2],
    padding: [(i64, i64); 2],
    s: [usize; 2],
) -> Value {
    let [b, c, h, w] = <[usize; 4]>::try_from(g.shape(x)).unwrap();
    let [_, _, oh, ow] = <[usize; 4]>::try_from(g.shape(dy)).unwrap();
    let xt = g.transpose(x, &[2, 3, 0, 1]);
    let xt = g.reshape(xt, &[1, h, w, b * c]);
    let dyt = g.transpose(dy, &[2, 3, 0, 1]);
    let dyt = g.reshape(dyt, &[oh, ow, 1, b * c]);
    let d = ConvDims {
        lhs: [0, 3, 1, 2],
        rhs: [3, 2, 0, 1],
        out: [0, 3, 1, 2],
        padding,
        rhs_dilation: s,
        feature_groups: b * c,
        ..ConvDims::nchw([1, 1], [(0, 0); 2])
    };
    let per_example = g.convolution_in_layout(xt, dyt, d); // [1, kh, kw, B·C]
    let per_example = g.reshape(per_example, &[k[0], k[1], b, c]);
    let dw = g.reduce_sum(per_example, &[2]);
    g.reshape(dw, &[k[0], k[1], 1, c])
}
