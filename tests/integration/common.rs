//! What the integration tests share: where the committed data and ../shared's data are, and
//! the `facepoints` binary. Each test file uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use facepoints::data::FaceSet;
use facepoints::keypoints::NUM_COORDS;

/// The repository root.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The committed ytf_kaggle96 sample (training.csv.gz, meta.csv.gz).
pub fn sample_dir() -> PathBuf {
    repo().join("www/data/ytf_sample")
}

/// The committed sample's training.csv.gz.
pub fn sample() -> PathBuf {
    sample_dir().join("training.csv.gz")
}

/// The committed webcam frames (PNG) of one person.
pub fn webcam_frame(name: &str) -> PathBuf {
    repo().join("tests/data/webcam").join(name)
}

/// `../shared/data`, beside the repository.
pub fn shared_data() -> PathBuf {
    repo().join("../shared/data")
}

/// A public-domain photo of `../shared/data/photos`.
pub fn photo(name: &str) -> PathBuf {
    shared_data().join("photos").join(name)
}

/// The shipped keypoint model.
pub fn default_model() -> PathBuf {
    repo().join("www/models/default.fpk")
}

/// A small network that trains in seconds, as a ModelConfig JSON file in `dir`.
pub fn tiny_model(dir: &Path) -> String {
    let path = dir.join("tiny.json");
    std::fs::write(
        &path,
        r#"{"name": "tiny", "layers": [{"type": "batch_norm"}, {"type": "conv", "filters": 4, "kernel": 3}, {"type": "max_pool"}, {"type": "max_pool"}, {"type": "flatten"}, {"type": "dense", "units": 30}]}"#,
    )
    .unwrap();
    path.to_str().unwrap().to_string()
}

/// Runs the `facepoints` binary with `args`.
pub fn facepoints(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_facepoints"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Output bytes as text.
pub fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

/// The mean of each coordinate over the faces where it is labelled: the mean shape.
pub fn mean_shape(faces: &FaceSet) -> [f32; NUM_COORDS] {
    let mut sum = [0f64; NUM_COORDS];
    let mut n = [0usize; NUM_COORDS];
    for i in 0..faces.len() {
        for (c, &v) in faces.coords(i).iter().enumerate() {
            if !v.is_nan() {
                sum[c] += f64::from(v);
                n[c] += 1;
            }
        }
    }
    std::array::from_fn(|c| (sum[c] / n[c].max(1) as f64) as f32)
}

/// A gzip file's text.
pub fn gunzip_text(path: &Path) -> String {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text
}
