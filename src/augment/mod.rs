//! Augmentation with the study's semantics: rotate, scale, CLAHE, blur, noise, crop and flip,
//! in a random order per sample, keypoints moved (and renamed on flips) with the pixels.

pub mod affine;
pub mod clahe;
pub mod config;
pub mod filters;
pub mod level;
pub mod pipeline;
pub mod preview;

pub use config::{AugmentConfig, AugmentKind, AugmentMode, OpConfig};
pub use level::level;
pub use pipeline::{Step, apply_steps, augment, epoch_set, sample_steps, total_transform};
