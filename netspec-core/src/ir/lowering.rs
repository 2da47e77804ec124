//! The one seam between netspec and the machines it compiles for: every formulation choice that
//! differs between targets, and the IREE compiler flags those choices imply.
//!
//! A `Lowering` is a table of rules, one field per (operation, choice); each target class has
//! one constant. Builders read it from the graph they build (`Graph::lowering`), never from the
//! host, so a test can build and check any target's formulation on any machine. The rules were
//! chosen by interleaved measurements of whole train steps (the benchmark's figures are in
//! `benches/results/`); the comments keep why each rule exists.
//!
//! | operation | AVX2 | AVX-512 | CUDA |
//! |---|---|---|---|
//! | conv2d, wide (`conv_matmul`) | im2col matmul from 32 output channels, in batch chunks of <= 4 MiB of patches | im2col matmul from 64 output channels where the batch's patches fit in 8 MiB, else IREE's direct NHWC convolution | im2col matmul from 64 output channels, in batch chunks of <= 32 MiB |
//! | stride-1 conv2d by netspec's kernels (`direct_conv`) | from 8 input channels and a multiple of 16 outputs: `netspec-iree/kernels/direct_conv.c` (its AVX2 build), forward and dx, by blocks along rows 12 wide and wider, by blocks of images at one position below; the weight gradient of a multiple of 16 outputs, by runs of positions from 2048 of them, by tiles below; a depthwise conv2d's weight gradient of a multiple of 16 channels at any stride | as AVX2, in the kernels' AVX-512 build | none |
//! | conv2d, image channels (`im2col_below_channels`) | batched im2col matmul below 8 input channels | same | same |
//! | conv2d, direct (`conv_width_multiple`) | output width padded to a multiple of 4 | same | same |
//! | conv2d weight gradient (`weight_grad_matmul`), where no kernel takes it | im2col matmuls in 8 MiB chunks over >= 16384 positions, else per kernel offset | im2col matmuls in 8 MiB chunks | as AVX2 |
//! | matmuls by netspec's kernel (`kernel_matmuls`) | those of dense layers and convolutions (im2col), and their weight gradients: `netspec-iree/kernels/matmul.c` (AVX2 build), panels of 32 columns, the bias, a ReLU or a plain SGD step after one in its epilogue (`ir/epilogue.rs`) | as AVX2, in the kernel's AVX-512 build | none |
//! | multi-head attention by netspec's kernel (`kernel_attention`) | heads a multiple of 16 wide whose buffers fit a dispatch's stack: `netspec-iree/kernels/attention.c` (AVX2 build), a workgroup per example and head, q, k, v read where the input projection left them | as AVX2, in the kernel's AVX-512 build | none: batched products around the softmax, the heads transposed |
//! | dense weight gradient (`transposed_copy_min_rows`) | by the kernel (above) | same | one operand copied transposed over >= 512 rows |
//! | matmuls (`data_tiling`) | off: the kernel takes them (the portable CPU lowering data-tiles those of dense layers, their weight gradients and convolutions with IREE's mmt4d micro-kernels, marked one by one) | same | off |
//! | barrier (`barrier`) | `compute_barrier.start` | same | `stablehlo.optimization_barrier` |
//! | depthwise weight gradient (`depthwise_weight_grad`), where no kernel takes it | one convolution in batch groups, the channels as its batch | a depthwise convolution, the examples folded into the channels | as AVX2 |
//! | value layouts (`assign_layouts`) | each value in its producer's order: NHWC through the convolutional layers | same | as built: NCHW, transposes around each convolution |

use super::direct_conv::DirectConvRule;

/// The formulation choices for one target. Part of the emitted text, so of every cache key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lowering {
    /// Which convolutions without groups are one matmul over im2col patches (`ir/im2col.rs`).
    pub conv_matmul: ConvMatmul,
    /// Convolutions of fewer input channels than this (an image's 1 or 3) are a matmul over
    /// im2col patches batched over the examples, writing NCHW directly: IREE's direct
    /// convolution vectorises over input channels, and so few leave most lanes empty.
    pub im2col_below_channels: usize,
    /// IREE's CPU convolution vectorises the output width in groups of this many; a wider
    /// width that is not a multiple takes a path several times slower, so a direct
    /// convolution's output is computed this much wider and cut back.
    pub conv_width_multiple: usize,
    /// Which weight gradients of convolutions without groups are im2col matmuls
    /// (`Graph::conv_weight_grad_as_matmul`); the rest without groups, and all with `None`, are
    /// one contraction per kernel offset. Grouped ones are one convolution in batch groups.
    pub weight_grad_matmul: Option<WeightGradMatmul>,
    /// A dense layer's weight gradient dyᵀ·X contracting at least this many rows copies one
    /// operand transposed first (`Graph::matmul_tn`): IREE serves a plain matmul faster than
    /// one contracting both operands' leading dims, once the copy is paid for.
    pub transposed_copy_min_rows: Option<usize>,
    /// Which matmuls IREE data-tiles with its mmt4d micro-kernels (`compiler_flags`).
    pub data_tiling: DataTiling,
    /// Which 2-D matmuls, by role, netspec's matmul kernel computes (`Op::KernelMatmul`,
    /// `netspec-iree/kernels/matmul.c`); before data tiling is asked.
    pub kernel_matmuls: &'static [MatmulRole],
    /// Whether netspec's attention kernel computes multi-head attention and its gradient
    /// (`ir/attention.rs`, `netspec-iree/kernels/attention.c`) where a head fits it.
    pub kernel_attention: bool,
    /// How `Graph::barrier` is written for IREE.
    pub barrier: BarrierOp,
    /// Whether values are stored in the order their producers give them (`ir/layout.rs`): the
    /// convolutions' NHWC flows through BatchNorm, activations, residual sums and pooling, and
    /// a transpose is written only where an op needs another order. An image's few channels
    /// (`im2col_below_channels`) are then convolved as one NHWC matmul over the batch's
    /// patches. Otherwise values are stored as built: NCHW between layers, a transpose pair
    /// around each convolution.
    pub assign_layouts: bool,
    /// Which convolutions netspec's own CPU kernel computes (`ir/direct_conv.rs`), linked into
    /// the module; `None`: none.
    pub direct_conv: Option<DirectConvRule>,
    /// How the weight gradient of a depthwise convolution (a group per channel, as many
    /// outputs) is written (`Conv2d::grouped_weight_grad`) where netspec's kernel does not take
    /// it (`DirectConvRule::depthwise_weight_grad`).
    pub depthwise_weight_grad: DepthwiseWeightGrad,
}

/// The form of a depthwise convolution's weight gradient, dw[kh, kw, c] = Σ over the examples
/// and output positions of x[b, s·i + kh, s·j + kw, c] · dy[b, i, j, c].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DepthwiseWeightGrad {
    /// One convolution of the input with dy, the channels as its batch in a batch group each
    /// (`batch_group_count`), the examples as the features it contracts.
    BatchGroups,
    /// A depthwise convolution itself: the examples folded into the channels (the input as one
    /// image of B·C channels, dy as its kernel, dilated by the stride), then summed over the
    /// examples. Two transposes more (the input and dy to [H, W, B, C]).
    ExamplesAsChannels,
}

/// Which matmuls IREE data-tiles: packs their operands into the tiled layout of its mmt4d
/// micro-kernels and runs those. Large matmuls run several times faster so; the packs cost
/// time of their own, and where the matmuls are small or fused with their neighbours
/// (depthwise networks' 1x1 convolutions, ConvNeXt-T's other matmuls) the step got slower.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataTiling {
    Off,
    /// Only the 2-D matmuls that compute one of `roles`, marked one by one with IREE's per-op
    /// hint (`Op::TiledMatmul`); the others and every batched contraction stay as they are.
    /// (IREE's own choice, every matmul of the module, failed to compile ConvNeXt-T's NHWC step
    /// for AVX2 with "large vector sizes".)
    Only {
        roles: &'static [MatmulRole],
    },
}

/// What a matmul computes, for the lowering's data-tiling rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatmulRole {
    /// A convolution as im2col patches times its kernel, or its weight gradient.
    Convolution,
    /// A dense layer's product or its input gradient, a transformer's linear layers over its
    /// tokens, and squeeze-excitation's 1x1 convolutions of a 1x1 image.
    Dense,
    /// A dense layer's weight gradient dyᵀ·X (`Graph::matmul_tn`).
    DenseWeightGrad,
    /// Everything else: attention, the im2col patches of an image's few channels.
    Other,
}

impl DataTiling {
    /// Whether a 2-D matmul computing `role` carries IREE's per-op hint.
    pub fn hints(&self, role: MatmulRole) -> bool {
        matches!(self, DataTiling::Only { roles } if roles.contains(&role))
    }
}

/// When a convolution without groups is a matmul over im2col patches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConvMatmul {
    /// At least this many output channels, or at least `min_taps` taps (kh·kw·C): a narrow,
    /// shallow matmul loses to the direct convolution.
    pub min_out_channels: usize,
    pub min_taps: usize,
    /// A batch chunk's patches are at most this many bytes; a larger patch matrix is cut into
    /// batch chunks (`split_batch`) or left a direct convolution.
    pub patch_bytes: usize,
    pub split_batch: bool,
}

/// The op a barrier (`Graph::barrier`) is emitted as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarrierOp {
    /// `iree_tensor_ext.compute_barrier.start`: keeps dispatch regions apart and is erased after
    /// dispatch formation. `stablehlo.optimization_barrier` becomes a host wait between two
    /// queue submissions on the CPU, which slows steps and grows local-task's pool.
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

/// The stack one CPU dispatch may use under data tiling: its matmuls fused with AdamW's update
/// need up to 402 KiB (ConvNeXt-T's 768x3072 weight gradient). IREE's default limit is 32 KiB;
/// local-task's workers are given twice this (`netspec-iree`'s session).
pub const DISPATCH_STACK_BYTES: usize = 512 << 10;

const CONV_MATMUL: ConvMatmul = ConvMatmul {
    min_out_channels: 64,
    min_taps: 512,
    patch_bytes: 32 << 20,
    split_batch: true,
};

/// The x86-64 vector instructions netspec's choices for a CPU go by: its lowering, and which
/// build of netspec's kernels a module compiled for it links (`netspec-iree`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VectorIsa {
    /// AVX-512 (with AVX2 and FMA).
    Avx512,
    /// AVX2 and FMA without AVX-512.
    Avx2,
    /// Neither: older x86-64 CPUs, other architectures.
    Other,
}

impl VectorIsa {
    /// The instructions of the CPU this process runs on.
    pub fn of_host() -> VectorIsa {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::is_x86_feature_detected as has;
            if has!("avx512f") {
                return VectorIsa::Avx512;
            }
            if has!("avx2") && has!("fma") {
                return VectorIsa::Avx2;
            }
        }
        VectorIsa::Other
    }

    /// The instructions of a CPU LLVM names: AVX-512 for `x86-64-v4` and the names of CPUs
    /// that have it, AVX2 for `x86-64-v3` and those with AVX2 and FMA but not AVX-512, none for
    /// the rest (`x86-64`, `x86-64-v2`, other architectures' CPUs).
    pub fn of_cpu(cpu: &str) -> VectorIsa {
        const AVX512_NAMES: [&str; 12] = [
            "avx512",
            "x86-64-v4",
            "znver4",
            "znver5",
            "sapphirerapids",
            "graniterapids",
            "emeraldrapids",
            "cascadelake",
            "cooperlake",
            "icelake",
            "tigerlake",
            "rocketlake",
        ];
        const AVX2_NAMES: [&str; 12] = [
            "x86-64-v3",
            "haswell",
            "broadwell",
            "skylake",
            "alderlake",
            "raptorlake",
            "meteorlake",
            "arrowlake",
            "znver1",
            "znver2",
            "znver3",
            "bdver4",
        ];
        if AVX512_NAMES.iter().any(|n| cpu.contains(n)) {
            VectorIsa::Avx512
        } else if AVX2_NAMES.iter().any(|n| cpu.contains(n)) {
            VectorIsa::Avx2
        } else {
            VectorIsa::Other
        }
    }
}

impl Lowering {
    /// AVX2 without AVX-512: the stride-1 convolutions, and the long weight gradients, run
    /// netspec's own kernels (IREE's direct convolution is several
    /// times slower than on AVX-512, its im2col matmuls spend as long on patches as on
    /// products); the other convolutions from 32 output channels
    /// are matmuls, their patches in batch chunks of 4 MiB (8 and 32 MiB chunks were slower,
    /// 2 MiB ones no faster and slower to compile). The matmuls of dense layers and
    /// convolutions of a multiple of 16 columns, and their weight gradients, run netspec's
    /// matmul kernel (on the Intel Xeon, against IREE's data-tiled matmuls: the MLP's step in
    /// 0.8 of the time, ViT-Tiny@32's in 0.86, ConvNeXt-T@32's in 0.87 with its per-pixel
    /// linear layers as dense ones; the convolutions' took 2-7% off ResNet-34@32, the MNIST CNN
    /// and EfficientNet-B0@32), whatever their columns (a classifier's 10 as well: its
    /// data-tiled matmul and the packs of its operands were three dispatches of the MLP's step),
    /// so nothing is data-tiled. Multi-head attention runs netspec's attention kernel (on the
    /// Xeon, ViT-Tiny@32's step in 0.85 of the time of the batched products around a softmax
    /// dispatch, AVX2's code in 0.86).
    pub const AVX2: Lowering = Lowering {
        conv_matmul: ConvMatmul {
            min_out_channels: 32,
            patch_bytes: 4 << 20,
            ..CONV_MATMUL
        },
        im2col_below_channels: 8,
        conv_width_multiple: 4,
        // Chunked where the contraction is long (cifar_bn's 32x32 and 16x16 layers at batch
        // 128); over ResNet-34@32's short ones the per-offset form won and compiled faster.
        weight_grad_matmul: Some(WeightGradMatmul {
            patch_bytes: 8 << 20,
            min_positions: 16384,
        }),
        transposed_copy_min_rows: Some(512),
        data_tiling: DataTiling::Off,
        kernel_matmuls: &[
            MatmulRole::Dense,
            MatmulRole::DenseWeightGrad,
            MatmulRole::Convolution,
        ],
        kernel_attention: true,
        barrier: BarrierOp::ComputeBarrier,
        assign_layouts: true,
        // The depthwise weight gradients by the kernel, on a Zen 5 EPYC: AVX2's code ran
        // MobileNetV2@32's step in 0.80 of the time batch groups took, EfficientNet-B0@32's in
        // 0.75, ConvNeXt-T@32's in 0.88; AVX-512's, against the examples folded into the
        // channels, in 0.85, 0.92, 0.90.
        direct_conv: Some(DirectConvRule {
            min_in_channels: 8,
            weight_grad: true,
            depthwise_weight_grad: true,
        }),
        // ConvNeXt-T@32's three 7x7 depthwise gradients took 14% of its step's dispatch time
        // so (before the kernel took them), and 24% as depthwise convolutions.
        depthwise_weight_grad: DepthwiseWeightGrad::BatchGroups,
    };
    /// AVX-512: netspec's kernels as on AVX2, in their AVX-512 build (on an Intel Xeon with
    /// 512-bit FMA units they ran the MNIST CNN's step in 0.56 of the time IREE's forms took,
    /// the AVX2 build in 0.78). Of the other convolutions, IREE's direct one is fast where the
    /// image is large, the matmul wins on the small images of the 32x32 ladder. The other
    /// weight gradients are im2col matmuls over batch chunks whose patches stay near the
    /// core's L2 (per kernel offset, dy and the input are read from memory once per offset).
    pub const AVX512: Lowering = Lowering {
        conv_matmul: ConvMatmul {
            patch_bytes: 8 << 20,
            split_batch: false,
            ..CONV_MATMUL
        },
        weight_grad_matmul: Some(WeightGradMatmul {
            patch_bytes: 8 << 20,
            min_positions: 0,
        }),
        // In batch groups ConvNeXt-T@32's three 7x7 depthwise gradients took 30% of its step's
        // dispatch time, IREE's AVX-512 code of that loop nest running at a few GFLOP/s.
        depthwise_weight_grad: DepthwiseWeightGrad::ExamplesAsChannels,
        ..Lowering::AVX2
    };
    /// AVX2's rules without netspec's kernel, which is AVX2 and FMA code for x86-64: for other
    /// x86-64 CPUs and other architectures. The matmuls of dense layers (their weight
    /// gradients too: IREE's packs are its transposes) and convolutions are data-tiled (the
    /// MLP's step in 0.82 of the time a transposed copy of a weight gradient's operand took on
    /// the Xeon).
    pub const PORTABLE: Lowering = Lowering {
        direct_conv: None,
        data_tiling: DataTiling::Only {
            roles: &[
                MatmulRole::Convolution,
                MatmulRole::Dense,
                MatmulRole::DenseWeightGrad,
            ],
        },
        kernel_matmuls: &[],
        kernel_attention: false,
        ..Lowering::AVX2
    };
    /// CUDA: the formulation its compile is tested with, not measured on a GPU (AVX2's rules
    /// as they were before AVX2's code was measured: wide convolutions as matmuls, values as
    /// built); data tiling is a CPU pipeline.
    pub const CUDA: Lowering = Lowering {
        conv_matmul: CONV_MATMUL,
        data_tiling: DataTiling::Off,
        assign_layouts: false,
        barrier: BarrierOp::OptimizationBarrier,
        direct_conv: None,
        kernel_matmuls: &[],
        kernel_attention: false,
        ..Lowering::AVX2
    };

    /// Every target class's lowering, named: what the tests build and check on any host.
    pub const ALL: [(&'static str, Lowering); 4] = [
        ("avx2", Lowering::AVX2),
        ("avx512", Lowering::AVX512),
        ("cuda", Lowering::CUDA),
        ("portable", Lowering::PORTABLE),
    ];

    /// The lowering for the CPU this process runs on.
    pub fn for_host() -> Lowering {
        Lowering::for_isa(VectorIsa::of_host())
    }

    /// The lowering for a CPU with these vector instructions ([`VectorIsa::of_host`],
    /// [`VectorIsa::of_cpu`] for a CPU LLVM names).
    pub fn for_isa(isa: VectorIsa) -> Lowering {
        match isa {
            VectorIsa::Avx512 => Lowering::AVX512,
            VectorIsa::Avx2 => Lowering::AVX2,
            VectorIsa::Other => Lowering::PORTABLE,
        }
    }

    /// The IREE compiler flags this formulation needs for a module, beyond the backend and the
    /// target CPU: data tiling with the micro-kernels (without `ukernels=all`, data tiling
    /// failed to compile with "operations with large vector sizes") and the stack its fused
    /// dispatches use. Under `Only` only for a module that has hinted matmuls
    /// (`has_tiled_matmuls`): without a hint IREE would data-tile every matmul.
    pub fn compiler_flags(&self, has_tiled_matmuls: bool) -> Vec<String> {
        let tiled = match self.data_tiling {
            DataTiling::Off => false,
            DataTiling::Only { .. } => has_tiled_matmuls,
        };
        if !tiled {
            return vec![];
        }
        vec![
            "--iree-opt-data-tiling".into(),
            "--iree-llvmcpu-enable-ukernels=all".into(),
            format!("--iree-llvmcpu-stack-allocation-limit={DISPATCH_STACK_BYTES}"),
        ]
    }
}
