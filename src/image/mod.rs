//! Images as they arrive from photos and video frames (RGBA, any size) and resampling
//! square regions of them to the networks' small inputs.

mod rgba;
mod sample;

pub use rgba::{ImageError, MAX_SIDE, RgbaImage};
pub use sample::{Outside, Square, View, luma, sample_square, sample_view};
