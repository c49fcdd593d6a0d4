//! Face detection: BlazeFace (imported from ONNX at build time), its anchors, box decoding
//! and non-maximum suppression.

/// BlazeFace's input side in pixels (a 128×128 RGB view of the image); its regressors are in
/// these pixels.
pub const INPUT_SIDE: usize = 128;

pub mod anchors;
mod blazeface_model;
pub mod decode;
mod detector;
pub mod nms;

pub use decode::{BoxF, Detection};
pub use detector::{DetectorConfig, FaceBox, FaceDetector};
