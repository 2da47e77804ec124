//! How matmuls are emitted: a 2-D matmul by netspec's kernel (`Lowering::kernel_matmuls`),
//! data-tiled (`Lowering::data_tiling`) or neither, by its role; and a dense layer's weight
//! gradient. dyᵀ·X contracts both operands' leading (row) dims, a
//! form IREE's CPU code serves more slowly than a plain matmul of the same size; over many rows
//! a copy of one operand transposed costs less than it saves, over a batch of 128 it does not
//! (`Lowering::transposed_copy_min_rows`).

use super::epilogue::Epilogue;
use super::graph::{Graph, Value};
use super::lowering::MatmulRole;
use super::ops::{DotDims, Op};

impl Graph {
    /// `a[m, k] . b[k, n]` with the given contracting dims of each 2-D operand.
    pub fn matmul(&mut self, a: Value, a_contract: usize, b: Value, b_contract: usize) -> Value {
        self.matmul_as(MatmulRole::Other, a, a_contract, b, b_contract)
    }

    /// [`Graph::matmul`] computing `role`: by netspec's kernel where the lowering says so
    /// (`Lowering::kernel_matmuls`), else data-tiled where it says so (`Lowering::data_tiling`).
    pub fn matmul_as(
        &mut self,
        role: MatmulRole,
        a: Value,
        a_contract: usize,
        b: Value,
        b_contract: usize,
    ) -> Value {
        let dims = DotDims {
            lhs_contract: vec![a_contract],
            rhs_contract: vec![b_contract],
            ..Default::default()
        };
        if self.ty(a).rank() != 2 || self.ty(b).rank() != 2 {
            return self.dot_general(a, b, dims);
        }
        let ty = self.dot_general_type(a, b, &dims);
        let op = if self.lowering.kernel_matmuls.contains(&role) {
            Op::KernelMatmul(dims, Epilogue::Plain)
        } else if self.lowering.data_tiling.hints(role) {
            Op::TiledMatmul(dims)
        } else {
            Op::DotGeneral(dims)
        };
        self.push(op, vec![a, b], ty)
    }

    /// `a[k.., m]ᵀ · b[k.., n] -> [m, n]`, contracting the first `k_dims` dims of both: a dense
    /// layer's weight gradient. By netspec's kernel or data-tiled where the lowering says so
    /// (either reads a transposed operand as it lies); otherwise, over the
    /// lowering's `transposed_copy_min_rows`, the operand with the larger free dim is copied
    /// transposed and goes first.
    pub fn matmul_tn(&mut self, a: Value, b: Value, k_dims: usize) -> Value {
        let (sa, sb) = (self.shape(a).to_vec(), self.shape(b).to_vec());
        assert!(
            sa.len() == k_dims + 1 && sb.len() == k_dims + 1 && sa[..k_dims] == sb[..k_dims],
            "matmul_tn: {sa:?} and {sb:?} do not share {k_dims} leading dims"
        );
        let k: usize = sa[..k_dims].iter().product();
        let (m, n) = (sa[k_dims], sb[k_dims]);
        let a = self.reshape(a, &[k, m]);
        let b = self.reshape(b, &[k, n]);
        let role = MatmulRole::DenseWeightGrad;
        if self.lowering.kernel_matmuls.contains(&role) || self.lowering.data_tiling.hints(role) {
            // netspec's kernel reads a transposed operand as it lies; data-tiled, IREE's pack of
            // each operand is the transpose.
            return self.matmul_as(MatmulRole::DenseWeightGrad, a, 0, b, 0);
        }
        if self
            .lowering
            .transposed_copy_min_rows
            .is_none_or(|rows| k < rows)
        {
            return self.matmul(a, 0, b, 0);
        }
        if m >= n {
            let at = self.transposed_copy(a);
            self.matmul(at, 1, b, 0)
        } else {
            let bt = self.transposed_copy(b);
            let ct = self.matmul(bt, 1, a, 0); // [n, m]
            self.transpose(ct, &[1, 0])
        }
    }

    /// A 2-D transpose kept as its own copy: folded into the product it would be the
    /// transposed read again.
    fn transposed_copy(&mut self, x: Value) -> Value {
        let t = self.transpose(x, &[1, 0]);
        self.barrier(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Lowering, Op, TensorType};
    use crate::reference::{self, Tensor};

    /// The portable CPU lowering data-tiles the 2-D matmuls of dense layers (and their weight
    /// gradients) and convolutions, one by one (a hinted `linalg.matmul` in the text, which asks
    /// for the data-tiling flags); AVX2 and AVX-512 give them to netspec's kernel, CUDA tiles
    /// none. The values are the matmul's either way.
    #[test]
    fn the_lowering_decides_which_matmuls_are_data_tiled() {
        for (lowering, role, rows, hinted) in [
            (Lowering::PORTABLE, MatmulRole::Convolution, 128, true),
            (Lowering::PORTABLE, MatmulRole::Dense, 4, true),
            (Lowering::PORTABLE, MatmulRole::DenseWeightGrad, 4, true),
            (Lowering::PORTABLE, MatmulRole::Other, 129, false),
            (Lowering::AVX512, MatmulRole::Dense, 4, false),
            (Lowering::AVX2, MatmulRole::Convolution, 4, false),
            (Lowering::AVX2, MatmulRole::Other, 129, false),
            (Lowering::CUDA, MatmulRole::Dense, 4, false),
        ] {
            let a: Vec<f32> = (0..rows * 3).map(|i| (i % 9) as f32 * 0.5 - 2.0).collect();
            let b: Vec<f32> = (0..3 * 2).map(|i| 1.0 - i as f32 * 0.25).collect();
            let mut g = Graph::new("f", lowering);
            let x = g.arg("a", TensorType::f32(&[rows, 3]));
            let y = g.arg("b", TensorType::f32(&[3, 2]));
            let c = g.matmul_as(role, x, 1, y, 0);
            let f = g.finish(vec![c]);
            let tiled = f.nodes.iter().any(|n| matches!(n.op, Op::TiledMatmul(_)));
            assert_eq!(tiled, hinted, "{lowering:?} {role:?}");
            let text = crate::emit::module_text(&crate::ir::Module {
                name: "m".into(),
                functions: vec![f.clone()],
            });
            assert_eq!(crate::emit::has_tiled_matmuls(&text), hinted);
            assert_eq!(!lowering.compiler_flags(hinted).is_empty(), hinted);
            let out = reference::run(
                &f,
                &[
                    Tensor::f32_data(&[rows, 3], &a),
                    Tensor::f32_data(&[3, 2], &b),
                ],
            );
            let got = out[0].float();
            for (i, j) in (0..rows).flat_map(|i| (0..2).map(move |j| (i, j))) {
                let want: f64 = (0..3)
                    .map(|k| a[i * 3 + k] as f64 * b[k * 2 + j] as f64)
                    .sum();
                assert_eq!(got[[i, j]], want, "{lowering:?} {role:?}");
            }
        }
    }

    /// AVX2 and AVX-512 compute the 2-D matmuls of dense layers, their weight gradients and
    /// convolutions by netspec's kernel, an operand read transposed as it lies, whatever their
    /// columns; other roles and targets are IREE's. The values are the matmul's.
    #[test]
    fn the_kernel_takes_dense_matmuls() {
        // (lowering, role, columns, contracting dim of b, the kernel expected)
        for (lowering, role, n, b_contract, kernel) in [
            (Lowering::AVX512, MatmulRole::Dense, 32, 0, true),
            (Lowering::AVX512, MatmulRole::Dense, 48, 1, true),
            (Lowering::AVX2, MatmulRole::DenseWeightGrad, 16, 0, true),
            (Lowering::AVX512, MatmulRole::Dense, 24, 0, true),
            (Lowering::AVX2, MatmulRole::Dense, 10, 1, true),
            (Lowering::AVX512, MatmulRole::Convolution, 32, 0, true),
            (Lowering::AVX512, MatmulRole::Other, 32, 0, false),
            (Lowering::PORTABLE, MatmulRole::Dense, 32, 0, false),
            (Lowering::CUDA, MatmulRole::Dense, 32, 0, false),
        ] {
            let (m, k) = (5, 3);
            let b_shape = if b_contract == 0 { [k, n] } else { [n, k] };
            let a: Vec<f32> = (0..m * k).map(|i| (i % 9) as f32 * 0.5 - 2.0).collect();
            let b: Vec<f32> = (0..k * n).map(|i| 1.0 - (i % 7) as f32 * 0.25).collect();
            let mut g = Graph::new("f", lowering);
            let x = g.arg("a", TensorType::f32(&[m, k]));
            let y = g.arg("b", TensorType::f32(&b_shape));
            let c = g.matmul_as(role, x, 1, y, b_contract);
            let f = g.finish(vec![c]);
            let by_kernel = f.nodes.iter().any(|n| matches!(n.op, Op::KernelMatmul(..)));
            assert_eq!(by_kernel, kernel, "{lowering:?} {role:?} {n}");
            let text = crate::emit::module_text(&crate::ir::Module {
                name: "m".into(),
                functions: vec![f.clone()],
            });
            let object = crate::ir::kernel_call::MATMUL_OBJECT;
            assert_eq!(text.contains(object), kernel, "{lowering:?} {role:?} {n}");
            let out = reference::run(
                &f,
                &[
                    Tensor::f32_data(&[m, k], &a),
                    Tensor::f32_data(&b_shape, &b),
                ],
            );
            let got = out[0].float();
            for (i, j) in (0..m).flat_map(|i| (0..n).map(move |j| (i, j))) {
                let want: f64 = (0..k)
                    .map(|t| {
                        let bt = if b_contract == 0 {
                            t * n + j
                        } else {
                            j * k + t
                        };
                        a[i * k + t] as f64 * b[bt] as f64
                    })
                    .sum();
                assert_eq!(got[[i, j]], want, "{lowering:?} {role:?} {n}");
            }
        }
    }

    /// dyᵀ·X is the sum over rows, as it is, with either operand copied transposed,
    /// data-tiled, and by netspec's kernel; the lowering decides whether there is a copy (CUDA,
    /// over 512 rows), a data-tiled matmul (the portable CPU lowering, no copy: IREE's packs
    /// transpose) or the kernel (AVX2 and AVX-512, which read a transposed operand as it lies).
    #[test]
    fn matmul_tn_is_the_sum_over_rows() {
        let no_copies = Lowering {
            transposed_copy_min_rows: None,
            ..Lowering::CUDA
        };
        // (leading dims, m, n, lowering, a copy expected, data-tiled)
        let cases = [
            (vec![4, 130], 3, 5, Lowering::CUDA, true, false),
            (vec![520], 6, 2, Lowering::CUDA, true, false),
            (vec![128], 6, 2, Lowering::CUDA, false, false),
            (vec![520], 6, 2, no_copies, false, false),
            (vec![4, 130], 3, 5, Lowering::PORTABLE, false, true),
            (vec![128], 6, 2, Lowering::PORTABLE, false, true),
            (vec![520], 6, 2, Lowering::AVX2, false, false),
            (vec![4, 130], 3, 5, Lowering::AVX512, false, false),
        ];
        for (lead, m, n, lowering, copied, tiled) in cases {
            let k: usize = lead.iter().product();
            let a: Vec<f32> = (0..k * m)
                .map(|i| ((i * 37) % 19) as f32 * 0.1 - 0.9)
                .collect();
            let b: Vec<f32> = (0..k * n)
                .map(|i| ((i * 13) % 7) as f32 * 0.3 - 1.0)
                .collect();
            let mut want = vec![0.0f64; m * n];
            for r in 0..k {
                for (i, j) in (0..m).flat_map(|i| (0..n).map(move |j| (i, j))) {
                    want[i * n + j] += a[r * m + i] as f64 * b[r * n + j] as f64;
                }
            }
            let mut g = Graph::new("f", lowering);
            let (sa, sb) = ([&lead[..], &[m]].concat(), [&lead[..], &[n]].concat());
            let av = g.arg("a", TensorType::f32(&sa));
            let bv = g.arg("b", TensorType::f32(&sb));
            let c = g.matmul_tn(av, bv, lead.len());
            let f = g.finish(vec![c]);
            let has_copy = f.nodes.iter().any(|n| matches!(n.op, Op::Barrier(_)));
            assert_eq!(has_copy, copied, "{lead:?} x {m}x{n}");
            let is_tiled = f.nodes.iter().any(|n| matches!(n.op, Op::TiledMatmul(_)));
            assert_eq!(is_tiled, tiled, "{lead:?} x {m}x{n}");
            let by_kernel = f.nodes.iter().any(|n| matches!(n.op, Op::KernelMatmul(..)));
            assert_eq!(
                by_kernel,
                !lowering.kernel_matmuls.is_empty(),
                "{lead:?} x {m}x{n}"
            );
            let out = reference::run(&f, &[Tensor::f32_data(&sa, &a), Tensor::f32_data(&sb, &b)]);
            let got = out[0].float();
            assert_eq!(got.shape(), &[m, n]);
            let worst = crate::compare::max_abs_diff(got.iter().copied(), want.iter().copied());
            assert!(worst < 1e-9, "{lead:?} x {m}x{n}: differs by {worst}");
        }
    }
}
