//! Several trained models used as one: the mean of their predictions, optionally with a
//! horizontal-flip test-time augmentation, kept in one `.fpk` file (format version 2:
//! `crate::model_file`).

mod flip;
mod predictor;

pub use flip::{mirror, unmirror};
pub use predictor::{Description, Ensemble};
