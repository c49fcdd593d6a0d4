//! The CPU kernels, one home: matrix products (the `gemm` crate; in the browser engines built
//! with `relaxed-simd`, `fma`'s fused multiply-add tile, which also runs the keypoint
//! network's convolutions there without gathering patches), and the network's
//! convolution and 2×2 pool twice over —
//!
//! - for **inference** (`net`, `packed_conv`, `packed_pool`): the trained network repacked
//!   once as [`CpuNet`] (NHWC activations, packed convolution weights, folded batch norms,
//!   fused bias and ReLU), without the training framework's per-call overheads; the native
//!   CLI and the page's CPU engine predict with it;
//! - for **training** (`conv`, `pool`, registered with burn's autodiff on the flex backend by
//!   `autodiff`): NCHW forward and hand-written backward over the tensors' memory, which
//!   `model::ops` uses in place of burn's modules on the CPU;
//! - for the **face detectors** (`depthwise`, `strided`, and `pool`'s forward): their 3×3
//!   depthwise convolutions (stride 1 and 2), their strided first layers and their 2×2 pools,
//!   which the generated networks reach through `model::ops`; their 1×1 layers run as `conv`
//!   with a 1×1 kernel.
//!
//! `parallel` splits work over threads (rayon natively; in the browser, the threaded
//! engine's pool of Web Workers once it runs, else one thread).

#[cfg(cpu_backend)]
pub(crate) mod autodiff;
pub mod conv;
pub mod depthwise;
#[cfg(any(test, all(target_arch = "wasm32", feature = "relaxed-simd")))]
mod fma;
pub mod matmul;
pub mod net;
pub mod packed_conv;
pub mod packed_pool;
pub(crate) mod parallel;
pub mod pool;
pub mod strided;
#[cfg(test)]
mod test_values;

pub use net::CpuNet;
