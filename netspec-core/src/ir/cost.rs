//! What a function computes, counted: the floating-point operations of its contractions and
//! convolutions, for the benchmark's GFLOP/s and its distance to the CPU's peak.

use super::graph::{Function, Module};
use super::ops::Op;

impl Function {
    /// Two operations (a multiply and an add) per multiply-add of every `dot_general` and
    /// `convolution`, as matmul FLOPs are usually counted; elementwise ops and reductions are
    /// left out. Counted from the function as emitted, so taps a convolution does not compute
    /// (`ConvDims::live_taps`) are not counted either.
    pub fn flops(&self) -> u64 {
        let elements = |shape: &[usize]| shape.iter().product::<usize>() as u64;
        self.nodes
            .iter()
            .map(|n| match &n.op {
                Op::DotGeneral(d) | Op::TiledMatmul(d) | Op::KernelMatmul(d, _) => {
                    let lhs = &self.nodes[n.operands[0].index()].ty.shape;
                    let depth: u64 = d.lhs_contract.iter().map(|a| lhs[*a] as u64).product();
                    2 * elements(&n.ty.shape) * depth
                }
                Op::Convolution(d) => {
                    let k = &self.nodes[n.operands[1].index()].ty.shape;
                    let per_output = (k[d.rhs[1]] * k[d.rhs[2]] * k[d.rhs[3]]) as u64;
                    2 * elements(&n.ty.shape) * per_output
                }
                Op::DirectConv { .. } => {
                    let k = &self.nodes[n.operands[1].index()].ty.shape;
                    2 * elements(&n.ty.shape) * (k[0] * k[1] * k[2]) as u64
                }
                Op::DirectConvWeightGrad { .. } | Op::DepthwiseWeightGrad { .. } => {
                    let dy = &self.nodes[n.operands[1].index()].ty.shape;
                    2 * elements(&n.ty.shape) * (dy[0] * dy[1] * dy[2]) as u64
                }
                // Per example, T·T·D multiply-adds (T·T·dₕ per head) per product: S and O;
                // the gradient's S again, dP, dq, dk and dv.
                Op::KernelAttention { .. } | Op::KernelAttentionGrad { .. } => {
                    let q = &self.nodes[n.operands[0].index()].ty.shape;
                    let (b, t, d) = (q[0] as u64, q[1] as u64, q[2] as u64 / 3);
                    let products = if matches!(n.op, Op::KernelAttention { .. }) {
                        2
                    } else {
                        5
                    };
                    2 * products * b * t * t * d
                }
                _ => 0,
            })
            .sum()
    }
}

impl Module {
    /// [`Function::flops`] of the function named `name`, if the module has it.
    pub fn flops(&self, name: &str) -> Option<u64> {
        self.function(name).map(Function::flops)
    }
}

#[cfg(test)]
mod tests {
    use crate::ir::{ConvDims, Graph, Lowering, TensorType};

    #[test]
    fn matmuls_and_convolutions_count_two_flops_per_multiply_add() {
        let mut g = Graph::new("f", Lowering::AVX512);
        let a = g.arg("a", TensorType::f32(&[6, 5]));
        let b = g.arg("b", TensorType::f32(&[5, 3]));
        let c = g.matmul(a, 1, b, 0);
        let x = g.arg("x", TensorType::f32(&[2, 4, 7, 7]));
        let w = g.arg("w", TensorType::f32(&[8, 4, 3, 3]));
        let y = g.convolution_in_layout(x, w, ConvDims::nchw([1, 1], [(0, 0), (0, 0)]));
        let f = g.finish(vec![c, y]);
        // 6x3 outputs of 5 products; 2x8x5x5 outputs of 4x3x3 products.
        assert_eq!(f.flops(), 2 * (6 * 3 * 5) + 2 * (2 * 8 * 5 * 5 * 36));
    }
}
