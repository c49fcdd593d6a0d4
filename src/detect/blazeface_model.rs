//! The BlazeFace network as burn-onnx generated it from the ONNX file (`cargo run -p xtask --
//! detectors`; `cargo test -p xtask` checks that it still matches). Weights: `weights`.
#![allow(clippy::all, missing_docs, unused)]

include!("generated/face_detection_front_128x128_barracuda.rs");
