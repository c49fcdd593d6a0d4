//! Keypoint models: configuration as data, the CNN built from it, and the KNN baseline.

pub mod cnn;
pub mod config;
pub mod knn;
pub mod ops;

pub use cnn::KeypointCnn;
pub use config::{ConfigError, Features, LayerShape, LayerSpec, ModelConfig, PRESETS};
