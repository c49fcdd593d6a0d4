//! The BlazeFace network as burn-onnx generated it from the ONNX file (see build.rs).
#![allow(clippy::all, missing_docs, unused)]

include!(concat!(
    env!("OUT_DIR"),
    "/blazeface/face_detection_front_128x128_barracuda.rs"
));
