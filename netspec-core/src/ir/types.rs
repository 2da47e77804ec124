//! Element types and static tensor types.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DType {
    F32,
    I32,
    Bool,
}

impl DType {
    /// The MLIR spelling of the element type.
    pub fn mlir(self) -> &'static str {
        match self {
            DType::F32 => "f32",
            DType::I32 => "i32",
            DType::Bool => "i1",
        }
    }
}

/// A tensor type with a fully static shape: IREE generates far better code for them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TensorType {
    pub dtype: DType,
    pub shape: Vec<usize>,
}

impl TensorType {
    pub fn new(dtype: DType, shape: &[usize]) -> Self {
        TensorType {
            dtype,
            shape: shape.to_vec(),
        }
    }
    pub fn f32(shape: &[usize]) -> Self {
        Self::new(DType::F32, shape)
    }
    pub fn i32(shape: &[usize]) -> Self {
        Self::new(DType::I32, shape)
    }
    pub fn rank(&self) -> usize {
        self.shape.len()
    }
    pub fn elements(&self) -> usize {
        self.shape.iter().product()
    }
}

impl fmt::Display for TensorType {
    /// `tensor<32x10xf32>`, `tensor<f32>` for scalars.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "tensor<")?;
        for d in &self.shape {
            write!(f, "{d}x")?;
        }
        write!(f, "{}>", self.dtype.mlir())
    }
}
