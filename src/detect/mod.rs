//! Face detection: BlazeFace (imported from ONNX at build time), its anchors, box decoding
//! and non-maximum suppression.

pub mod anchors;
mod blazeface_model;
pub mod decode;
mod detector;
pub mod nms;

pub use decode::{BoxF, Detection};
pub use detector::{DetectorConfig, FaceBox, FaceDetector};
