//! Imports the two BlazeFace face detectors (short range and full range) from ONNX at build
//! time (burn-onnx): each generated `Model` (Rust source) and its weights (burnpack,
//! embedded) land in `$OUT_DIR/<folder>/`.
//!
//! Also names the backends this build has as cfgs, `cpu_backend` (burn `flex`) and
//! `gpu_backend` (burn `wgpu`): natively both; in wasm32 what the `web-cpu` / `web-gpu`
//! features ask for (the page's two engines).

use burn_onnx::{LoadStrategy, ModelGen};

/// `(ONNX file, output folder)` of each detector.
const DETECTORS: [(&str, &str); 2] = [
    (
        "models/blazeface/face_detection_front_128x128_barracuda.onnx",
        "blazeface/",
    ),
    (
        "models/blazeface_full_range/face_detection_full_range.onnx",
        "blazeface_full_range/",
    ),
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    backend_cfgs();
    for (onnx, out) in DETECTORS {
        println!("cargo:rerun-if-changed={onnx}");
        ModelGen::new()
            .input(onnx)
            .out_dir(out)
            .load_strategy(LoadStrategy::Embedded)
            .run_from_script();
    }
}

fn backend_cfgs() {
    println!("cargo::rustc-check-cfg=cfg(cpu_backend, gpu_backend)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let feature = |name: &str| std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some();
    let cpu = !wasm || feature("WEB_CPU");
    let gpu = !wasm || feature("WEB_GPU");
    if !cpu && !gpu {
        panic!("a wasm32 build needs a backend: --features web-cpu or --features web-gpu");
    }
    if cpu {
        println!("cargo::rustc-cfg=cpu_backend");
    }
    if gpu {
        println!("cargo::rustc-cfg=gpu_backend");
    }
}
