//! Face detection: BlazeFace short and full range (their code generated from ONNX by
//! `cargo run -p xtask -- detectors`, their weights one file: `weights`), their anchors, box
//! decoding and non-maximum suppression.

/// BlazeFace short range's input side in pixels (a 128×128 RGB view of the image); its
/// regressors are in these pixels.
pub const INPUT_SIDE: usize = 128;
/// BlazeFace full range's input side.
pub const FULL_RANGE_SIDE: usize = 192;

pub mod anchors;
mod blazeface_model;
pub mod decode;
mod detector;
mod full_range_model;
pub mod nms;
mod weights;

pub use decode::{BoxF, Detection};
pub use detector::{DetectorConfig, FaceBox, FaceDetector};
pub use weights::{DetectorWeights, WeightsError};
