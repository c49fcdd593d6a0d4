//! Names the backends this build has as cfgs, `cpu_backend` (burn `flex`) and `gpu_backend`
//! (burn `wgpu`): natively both; in wasm32 what the `web-cpu` / `web-gpu` features ask for
//! (the page's engines: `web-cpu-nosimd` is the CPU one too). `wasm_threads` marks the threaded CPU engine (`web-cpu-threads`).
//! (The face detectors' code is committed: `cargo run -p xtask -- detectors` writes it from
//! their ONNX files.)

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    backend_cfgs();
}

fn backend_cfgs() {
    println!("cargo::rustc-check-cfg=cfg(cpu_backend, gpu_backend, wasm_threads)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let feature = |name: &str| std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some();
    let cpu = !wasm || feature("WEB_CPU") || feature("WEB_CPU_NOSIMD");
    let gpu = !wasm || feature("WEB_GPU");
    if !cpu && !gpu {
        panic!("a wasm32 build needs a backend: --features web-cpu, web-cpu-nosimd or web-gpu");
    }
    if cpu {
        println!("cargo::rustc-cfg=cpu_backend");
    }
    if gpu {
        println!("cargo::rustc-cfg=gpu_backend");
    }
    if wasm && feature("WEB_CPU_THREADS") {
        println!("cargo::rustc-cfg=wasm_threads");
    }
}
