//! The formulation choices per target: what `conv.rs` and `matmul.rs` emit differs between
//! CPUs with and without AVX-512.

/// The formulation choices that differ between targets, chosen by measurement (README,
/// Figures): which convolutions become a matmul over im2col patches (`conv.rs`), which
/// products copy an operand transposed (`matmul.rs`). Part of the emitted text, so of every
/// cache key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lowering {
    /// A convolution whose batch's patches exceed this many bytes is computed in batch chunks
    /// of at most this many (`split_batch`) or left a direct convolution.
    pub matmul_conv_patch_bytes: usize,
    pub split_batch: bool,
    /// Which weight gradients of convolutions without groups are im2col matmuls
    /// (`conv_weight_grad_as_matmul`); the rest, and all with `None`, are one contraction per
    /// kernel offset.
    pub weight_grad_matmul: Option<WeightGradMatmul>,
    /// Dense layers' weight gradients over many rows as plain matmuls, one operand copied
    /// transposed first (`Graph::matmul_tn`).
    pub transposed_operand_copies: bool,
    /// IREE's data tiling with the mmt4d micro-kernels (the flags are `Target::tuned_flags`'s).
    /// The module then keeps pooled sums apart from the matmuls they feed
    /// (`Graph::pooled_sum`).
    pub data_tiling: bool,
    /// How `Graph::barrier` is written for IREE.
    pub barrier: BarrierOp,
}

/// The op a barrier (`Graph::barrier`) is emitted as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarrierOp {
    /// `iree_tensor_ext.compute_barrier.start`: keeps dispatch regions apart and is erased after
    /// dispatch formation. `stablehlo.optimization_barrier` became a host wait between two queue
    /// submissions on the CPU (ResNet-34@32: 308 per step), slowed steps and grew local-task's
    /// pool (README, Figures).
    ComputeBarrier,
    /// `stablehlo.optimization_barrier`, for CUDA: with the compute barrier, ResNet-34@32's
    /// elementwise dispatch over a 512x512x3x3 weight reached an i16 vector division that
    /// NVPTX cannot select (IREE 3.13, `umul_lohi` on v2i16).
    OptimizationBarrier,
}

/// The weight gradient as im2col and one matmul per batch chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeightGradMatmul {
    /// A batch chunk's patches are at most this many bytes.
    pub patch_bytes: usize,
    /// Only where the sum runs over at least this many output positions (b·OH·OW): a shorter
    /// per-offset contraction reads its operands from cache, and the patch matrix's transposes
    /// cost more than they save.
    pub min_positions: usize,
}

impl Lowering {
    /// AVX2 without AVX-512: IREE's direct convolution is slow (~35 GFLOP/s on two cores), so
    /// every wide convolution is a matmul, large patch matrices in chunks of 32 MiB.
    pub const AVX2: Lowering = Lowering {
        matmul_conv_patch_bytes: 32 << 20,
        split_batch: true,
        // In 8 MiB chunks where the contraction is long (cifar_bn's 32x32 and 16x16 layers at
        // batch 128: 131072 and 32768 positions): cifar_bn 521 -> 452 ms per step on an AVX2
        // EPYC. Everywhere, ResNet-34@32 (at most 8192 positions) lost 8% and compiled in 65
        // instead of 47 s; in 2 MiB chunks cifar_bn compiled in 126 s (README, Figures).
        weight_grad_matmul: Some(WeightGradMatmul {
            patch_bytes: 8 << 20,
            min_positions: 16384,
        }),
        // ViT-Tiny@32: 1644 -> 1297 ms per step, peak 471 -> 550 MB (README, Figures).
        transposed_operand_copies: true,
        // The MLP 7.41 -> 5.89 ms, ResNet-34@32 662 -> 597 (README, Figures).
        data_tiling: true,
        barrier: BarrierOp::ComputeBarrier,
    };
    /// AVX-512: the direct convolution is fast where the image is large (the MNIST CNN's
    /// 14x14x32->64 at batch 128, 29 MB of patches: 42 ms per step direct, 73 as matmuls), the
    /// matmul wins on the small images of the 32x32 ladder (ResNet-34@32: 280 -> 232 ms).
    /// The weight gradient per kernel offset reads dy and the input once per offset, from
    /// memory (cifar_bn's 32x32x32 layer: 9 contractions of 6 ms each in the step, 1.2 ms each
    /// alone): as im2col matmuls over batch chunks whose patches stay in the core's 4 MiB L2
    /// to 8 MiB, cifar_bn 385 -> 300 ms, mnist_cnn 53 -> 51 (Xeon, README Figures).
    pub const AVX512: Lowering = Lowering {
        matmul_conv_patch_bytes: 8 << 20,
        split_batch: false,
        weight_grad_matmul: Some(WeightGradMatmul {
            patch_bytes: 8 << 20,
            min_positions: 0,
        }),
        // A 2-core Xeon (Sapphire Rapids class), interleaved runs of the dumped SGD steps:
        // ViT-Tiny@32 1128 -> 1042 ms median of four, ConvNeXt-T@32 590 -> 556 of three.
        transposed_operand_copies: true,
        // A 2-core Xeon (Sapphire Rapids class), interleaved runs of the dumped SGD steps, median
        // of four: the MLP 5.8 -> 5.5 ms, mnist_cnn 84 -> 77, cifar_bn 445 -> 437, ResNet-34@32
        // 576 -> 551, but EfficientNet-B0@32's cold compile 101 -> 408 s (README, Figures).
        // With the compute barrier and HWIO kernels, on a 2-core AMD EPYC (Zen 4), interleaved:
        // ResNet-34@32 144-149 ms without, 162-167 with; ConvNeXt-T 262-273 vs 304-306; only
        // mnist_cnn gained (64-69 vs 59-63).
        data_tiling: false,
        barrier: BarrierOp::ComputeBarrier,
    };
    /// CUDA: AVX2's formulation, the one its compile is tested with (not measured on a GPU);
    /// data tiling is a CPU pipeline.
    pub const CUDA: Lowering = Lowering {
        data_tiling: false,
        barrier: BarrierOp::OptimizationBarrier,
        ..Lowering::AVX2
    };

    /// The lowering for the CPU this process runs on.
    pub fn for_host() -> Lowering {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx512f") {
            return Lowering::AVX512;
        }
        Lowering::AVX2
    }
}
