//! facepoints: facial keypoint detection (15 keypoints on 96×96 grayscale faces) with burn,
//! natively and in the browser. docs/architecture.md maps these modules and how data flows
//! through them.

pub mod augment;
pub mod backend;
pub mod batch;
pub mod cpu;
pub mod data;
pub mod detect;
pub mod ensemble;
pub mod eval;
pub mod face;
pub mod image;
pub mod keypoints;
pub mod model;
pub mod model_file;
pub mod normalize;
pub mod predict;
pub mod strict_json;
pub mod study;
pub mod train;
#[cfg(target_arch = "wasm32")]
pub mod web;
