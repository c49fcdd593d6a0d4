//! Several trained models used as one: the mean of their predictions, optionally with a
//! horizontal-flip test-time augmentation, kept in one `.fpk` file (format version 2).

mod file;
mod flip;
mod predictor;

pub use file::{ENSEMBLE_VERSION, EnsembleInfo, MAX_MEMBERS, ensemble_to_bytes, member_files};
pub use flip::{mirror, unmirror};
pub use predictor::{Description, Ensemble};
