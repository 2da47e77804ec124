//! The typed IR: functions of static-shape tensor values, built op by op.
//!
//! Every builder re-checks the shapes of its operands and panics on a mismatch. The macro has
//! already checked a user's spec, so such a panic is an internal bug in a layer, caught before
//! an ill-typed module could reach IREE.

pub mod attention;
mod conv;
mod cost;
pub mod direct_conv;
pub mod epilogue;
mod graph;
mod im2col;
pub mod kernel_call;
pub mod layout;
mod lowering;
mod matmul;
mod ops;
mod types;

pub use conv::ConvDims;
pub use direct_conv::DirectConvRule;
pub use epilogue::Epilogue;
pub use graph::{Function, Graph, Module, Node, Value};
pub(crate) use im2col::PatchWindow;
pub use lowering::{
    BarrierOp, ConvMatmul, DataTiling, DepthwiseWeightGrad, Lowering, MatmulRole, VectorIsa,
    WeightGradMatmul, DISPATCH_STACK_BYTES,
};
pub use ops::{BinaryOp, CmpDir, DotDims, Op, ReduceKind, UnaryOp};
pub use types::{DType, TensorType};
