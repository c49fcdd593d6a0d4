//! From a photo or video frame to named keypoints: detect faces, frame each one as the
//! training faces were framed, predict on the 96×96 grayscale crop, map back.

mod error;
mod framing;
mod labelled;
mod pipeline;
mod window;

pub use error::FaceError;
pub use framing::{CropRule, KeypointFraming, LandmarkRule};
pub use labelled::{ImagePoints, kaggle_header, kaggle_row};
pub use pipeline::{Face, FacePipeline, FaceView, Keypoint, PipelineTimings, Rect, crop_gray};
pub use window::Window;
