//! Imports the BlazeFace face detector from ONNX at build time (burn-onnx): the generated
//! `Model` (Rust source) and its weights (burnpack, embedded) land in `$OUT_DIR/blazeface/`.

use burn_onnx::{LoadStrategy, ModelGen};

const BLAZEFACE: &str = "models/blazeface/face_detection_front_128x128_barracuda.onnx";

fn main() {
    println!("cargo:rerun-if-changed={BLAZEFACE}");
    println!("cargo:rerun-if-changed=build.rs");
    ModelGen::new()
        .input(BLAZEFACE)
        .out_dir("blazeface/")
        .load_strategy(LoadStrategy::Embedded)
        .run_from_script();
}
