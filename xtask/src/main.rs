//! `cargo run -p xtask -- detectors [--check]`: the two BlazeFace detectors as burn-onnx
//! writes them from their ONNX files, committed so that no build imports ONNX:
//!
//! - `src/detect/generated/<name>.rs`: each network's `Model` (Rust, as burn-onnx wrote it,
//!   its pools and convolutions sent through the project's: [`with_project_layers`], a
//!   convolution and the sum and ReLU or the ReLU after it as one call: [`fused`]; no weight
//!   loading of its own: `detect::weights` loads them);
//! - `www/models/detectors.bin`: both networks' weights (burnpack), short range then full
//!   range, one file the page fetches once and the command line embeds;
//! - `src/detect/generated/weights.rs`: each part's length and the whole file's CRC-32, so a
//!   truncated, damaged or other file is refused with the reason.
//!
//! `--check` writes them to a temporary folder and fails, naming the file, when any differs
//! from the committed one.

mod fused;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use burn_onnx::{LoadStrategy, ModelGen};

/// `(ONNX file, generated name)` of each detector, in the order of their weights in the file.
pub const DETECTORS: [(&str, &str); 2] = [
    (
        "models/blazeface/face_detection_front_128x128_barracuda.onnx",
        "face_detection_front_128x128_barracuda",
    ),
    (
        "models/blazeface_full_range/face_detection_full_range.onnx",
        "face_detection_full_range",
    ),
];

/// Where the generated code goes, from the repository root.
pub const CODE_DIR: &str = "src/detect/generated";
/// Where the weights go, from the repository root.
pub const WEIGHTS_FILE: &str = "www/models/detectors.bin";

fn main() -> ExitCode {
    // Warnings only: burn-onnx installs a debug-level logger unless one is there already.
    let _ = tracing_subscriber::fmt()
        .with_max_level(tracing_subscriber::filter::LevelFilter::WARN)
        .without_time()
        .try_init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["detectors"] => write(&repo()).map(|()| println!("wrote {CODE_DIR}/ and {WEIGHTS_FILE}")),
        ["detectors", "--check"] => check(),
        _ => Err("usage: cargo run -p xtask -- detectors [--check]".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (this crate's parent folder).
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Generates every file under `root` (the repository, or a copy of its layout).
fn write(root: &Path) -> Result<(), String> {
    let staging = std::env::temp_dir().join(format!("facepoints-onnx-{}", std::process::id()));
    let mut weights = Vec::new();
    let mut lengths = Vec::new();
    std::fs::create_dir_all(root.join(CODE_DIR)).map_err(|e| format!("{CODE_DIR}: {e}"))?;
    // The generated code names its ONNX file as given: relative to the repository, so the
    // output is the same in every clone.
    std::env::set_current_dir(repo()).map_err(|e| format!("{}: {e}", repo().display()))?;
    for (onnx, name) in DETECTORS {
        ModelGen::new()
            .input(onnx)
            .out_dir(staging.to_str().ok_or("non-UTF-8 path")?)
            .load_strategy(LoadStrategy::None)
            .run_from_cli();
        let code = String::from_utf8(read(&staging.join(format!("{name}.rs")))?)
            .map_err(|e| format!("burn-onnx's {name}.rs: {e}"))?;
        let code = with_project_layers(&code)
            .and_then(|code| fused::with_fused_residuals(&code))
            .and_then(|code| fused::with_fused_relus(&code))
            .map_err(|e| format!("burn-onnx's {name}.rs: {e}"))?;
        let bpk = without_param_ids(read(&staging.join(format!("{name}.bpk")))?)?;
        let code_file = root.join(CODE_DIR).join(format!("{name}.rs"));
        std::fs::write(&code_file, code).map_err(|e| format!("{}: {e}", code_file.display()))?;
        lengths.push((name, bpk.len()));
        weights.extend_from_slice(&bpk);
    }
    std::fs::remove_dir_all(&staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    let weights_file = root.join(WEIGHTS_FILE);
    std::fs::create_dir_all(weights_file.parent().unwrap()).map_err(|e| e.to_string())?;
    std::fs::write(&weights_file, &weights).map_err(|e| format!("{WEIGHTS_FILE}: {e}"))?;
    let mut sources = Vec::new();
    let mut code = Vec::new();
    for (onnx, name) in DETECTORS {
        sources.push(fingerprint(onnx, &read(&repo().join(onnx))?));
        let file = format!("{CODE_DIR}/{name}.rs");
        code.push(fingerprint(&file, &read(&root.join(&file))?));
    }
    let constants = weight_constants(
        &lengths,
        crc32fast::hash(&weights),
        &sources,
        &code,
        &generator()?,
    );
    let constants_file = root.join(CODE_DIR).join("weights.rs");
    std::fs::write(&constants_file, constants).map_err(|e| format!("weights.rs: {e}"))?;
    Ok(())
}

/// The layers whose calls go through the project's: (field type, `crate::model::ops`
/// function). On the CPU those run the project's kernels: the 2×2 pool (burn-flex's computes
/// each window's index even at inference, 28% of the full-range detector's time) and the 3×3
/// depthwise convolution (docs/performance.md); any other layer, and all on the GPU, runs
/// burn's `forward` as before.
const PROJECT_LAYERS: [(&str, &str); 2] = [("MaxPool2d", "max_pool"), ("Conv2d", "conv2d")];

/// burn-onnx's `code` with each such layer's `self.<layer>.forward(x)` written
/// `crate::model::ops::<function>(&self.<layer>, x)`. An error when the code declares no
/// such layer or a declared one is never called so: burn-onnx's output has changed shape and
/// this rewrite must be looked at again.
fn with_project_layers(code: &str) -> Result<String, String> {
    let mut code = code.to_string();
    for (kind, function) in PROJECT_LAYERS {
        let field_end = format!(": {kind},");
        let layers: Vec<String> = code
            .lines()
            .filter_map(|line| line.trim().strip_suffix(field_end.as_str()))
            .map(str::to_string)
            .collect();
        if layers.is_empty() {
            return Err(format!("no `{kind}` field to rewrite"));
        }
        for layer in layers {
            let call = format!("self.{layer}.forward(");
            if !code.contains(&call) {
                return Err(format!("`{layer}` is never called as `{call}…)`"));
            }
            code = code.replace(
                &call,
                &format!("crate::model::ops::{function}(&self.{layer}, "),
            );
        }
    }
    Ok(code)
}

/// The burnpack `bpk` with every tensor's parameter id removed: burn-onnx draws them at
/// random, and loading matches tensors by name, so without them the same ONNX file gives the
/// same bytes on every run. Tensors, metadata and scalars are kept as they are, in order.
fn without_param_ids(bpk: Vec<u8>) -> Result<Vec<u8>, String> {
    let unreadable = |e: burn_pack::Error| format!("burn-onnx's weights: {e}");
    let reader =
        burn_pack::Reader::from_bytes(burn_pack::Bytes::from_bytes_vec(bpk)).map_err(unreadable)?;
    let metadata = reader.metadata().clone();
    let scalars = reader.scalars().clone();
    let mut tensors = Vec::new();
    for tensor in reader.into_tensors().map_err(unreadable)? {
        let (name, dtype, shape, _, bytes) = tensor.into_parts().map_err(unreadable)?;
        tensors.push(burn_pack::Tensor::new(name, dtype, shape, None, bytes));
    }
    let mut writer = burn_pack::Writer::new(tensors);
    for (key, value) in &metadata {
        writer = writer.with_metadata(key, value);
    }
    for (key, value) in scalars {
        writer = writer.with_scalar(&key, value);
    }
    Ok(writer.into_bytes().map_err(unreadable)?.to_vec())
}

/// `(path, length, CRC-32)` of a file.
fn fingerprint(path: &str, bytes: &[u8]) -> (String, usize, u32) {
    (path.to_string(), bytes.len(), crc32fast::hash(bytes))
}

/// The burn-onnx that generates, as Cargo.lock pins it.
fn generator() -> Result<String, String> {
    let lock = String::from_utf8(read(&repo().join("Cargo.lock"))?).map_err(|e| e.to_string())?;
    let at = lock
        .find("name = \"burn-onnx\"\nversion = \"")
        .ok_or("Cargo.lock has no burn-onnx")?;
    let version = lock[at..].lines().nth(1).unwrap_or_default();
    Ok(format!(
        "burn-onnx {}",
        version.trim_start_matches("version = ").trim_matches('"')
    ))
}

/// `weights.rs`: the parts' lengths and the whole file's checksum, and what they were made
/// from (so a cheap test in the main crate notices a changed ONNX file, another burn-onnx or
/// an edited generated file without running burn-onnx).
fn weight_constants(
    lengths: &[(&str, usize)],
    crc: u32,
    sources: &[(String, usize, u32)],
    code: &[(String, usize, u32)],
    generator: &str,
) -> String {
    let total: usize = lengths.iter().map(|(_, n)| n).sum();
    let parts: String = lengths
        .iter()
        .map(|(name, n)| format!("    (\"{name}\", {n}),\n"))
        .collect();
    let files = |list: &[(String, usize, u32)]| -> String {
        list.iter()
            .map(|(path, n, crc)| format!("    (\"{path}\", {n}, {crc:#010x}),\n"))
            .collect()
    };
    format!(
        "// Written by `cargo run -p xtask -- detectors`: do not edit.\n\
         /// Each detector's weights (burnpack bytes) in `{WEIGHTS_FILE}`, in order.\n\
         pub const PARTS: [(&str, usize); {}] = [\n{parts}];\n\
         /// The file's length in bytes.\n\
         pub const LENGTH: usize = {total};\n\
         /// The file's CRC-32.\n\
         pub const CRC32: u32 = {crc:#010x};\n\
         /// The ONNX files they were generated from: (path, length, CRC-32).\n\
         pub const SOURCES: [(&str, usize, u32); {}] = [\n{}];\n\
         /// The generated code: (path, length, CRC-32).\n\
         pub const CODE: [(&str, usize, u32); {}] = [\n{}];\n\
         /// What generated them.\n\
         pub const GENERATOR: &str = \"{generator}\";\n",
        lengths.len(),
        sources.len(),
        files(sources),
        code.len(),
        files(code),
    )
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Generates into a temporary copy of the layout and compares with the committed files.
fn check() -> Result<(), String> {
    let scratch = std::env::temp_dir().join(format!("facepoints-xtask-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    write(&scratch)?;
    let mut generated = vec![
        PathBuf::from(WEIGHTS_FILE),
        Path::new(CODE_DIR).join("weights.rs"),
    ];
    generated.extend(DETECTORS.map(|(_, name)| Path::new(CODE_DIR).join(format!("{name}.rs"))));
    let stale: Vec<String> = generated
        .iter()
        .filter(|file| read(&scratch.join(file)).ok() != read(&repo().join(file)).ok())
        .map(|file| file.display().to_string())
        .collect();
    let _ = std::fs::remove_dir_all(&scratch);
    if stale.is_empty() {
        println!("the committed detectors match their ONNX files and burn-onnx's output");
        Ok(())
    } else {
        Err(format!(
            "{} no longer match(es) the ONNX files and burn-onnx's output: run \
             `cargo run -p xtask -- detectors` and commit the result",
            stale.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    /// Every declared pool's and convolution's call goes through the project's, arguments
    /// kept; a code shape the rewrite does not know is an error, never a silent no-op.
    #[test]
    fn layers_go_through_the_projects() {
        let code = "struct Model {\n    conv2d1: Conv2d,\n    maxpool2d1: MaxPool2d,\n    \
                    maxpool2d12: MaxPool2d,\n}\n\
                    let a = self.maxpool2d1.forward(x.clone());\n\
                    let b = self.maxpool2d12.forward(a);\n\
                    let c = self.conv2d1.forward(b);\n";
        let rewritten = super::with_project_layers(code).unwrap();
        for call in [
            "crate::model::ops::max_pool(&self.maxpool2d1, x.clone());",
            "crate::model::ops::max_pool(&self.maxpool2d12, a);",
            "crate::model::ops::conv2d(&self.conv2d1, b);",
        ] {
            assert!(rewritten.contains(call), "{call} in {rewritten}");
        }
        assert!(!rewritten.contains(".forward("));
        let uncalled = "    conv2d1: Conv2d,\n    maxpool2d1: MaxPool2d,\n\
                        let a = self.maxpool2d1.call(x);\nlet b = self.conv2d1.forward(a);\n";
        let error = super::with_project_layers(uncalled).unwrap_err();
        assert!(error.contains("`maxpool2d1` is never called"), "{error}");
        assert!(super::with_project_layers("let a = x;\n").is_err());
    }

    /// The committed detector code and weights are what burn-onnx makes of the ONNX files.
    #[test]
    fn committed_detectors_are_up_to_date() {
        let _ = tracing_subscriber::fmt()
            .with_max_level(tracing_subscriber::filter::LevelFilter::WARN)
            .with_test_writer()
            .try_init();
        if let Err(message) = super::check() {
            panic!("{message}");
        }
    }
}
