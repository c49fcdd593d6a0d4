//! BlazeFace full range as burn-onnx generated it from the ONNX file (see build.rs).
#![allow(clippy::all, missing_docs, unused)]

include!(concat!(
    env!("OUT_DIR"),
    "/blazeface_full_range/face_detection_full_range.rs"
));
