//! Inference on the CPU without the training framework's overheads: the trained network
//! repacked once (NHWC activations, packed convolution weights, folded batch norms, fused
//! bias and ReLU) and run with the `gemm` crate's matrix kernels. The native CLI and the
//! page's CPU engine predict with it; training, and the GPU engines, stay on burn.

pub mod conv;
pub mod matmul;
pub mod net;
pub mod pool;

pub use net::CpuNet;
