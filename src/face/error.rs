//! `FaceError`: why finding faces or their keypoints failed — the model file, the image, the
//! device, or a model whose output is not a number.

use crate::checkpoint::CheckpointError;
use crate::image::ImageError;

/// An error of prediction, detection, the face pipeline or the backend.
#[derive(Debug, thiserror::Error)]
pub enum FaceError {
    /// The keypoint model file cannot be used.
    #[error(transparent)]
    Checkpoint(#[from] CheckpointError),
    /// The image cannot be used.
    #[error(transparent)]
    Image(#[from] ImageError),
    /// No usable device, or the device failed while computing or reading back.
    #[error("{0}")]
    Device(String),
    /// The model produced a coordinate that is not a finite number.
    #[error(
        "the model predicted {value} for face {face} (id {id}): its weights give no usable output"
    )]
    NonFinite {
        /// 1-based face of the batch.
        face: usize,
        /// The face's id.
        id: u32,
        /// The value.
        value: f32,
    },
}
