//! `FaceError`: why finding faces or their keypoints failed — the model file, the detector's
//! weights, the image, the device, or a model whose output is not a number. Each cause is the
//! error type of the module that raises it; this one gathers them for the pipeline.

use crate::backend::DeviceError;
use crate::detect::WeightsError;
use crate::image::ImageError;
use crate::model_file::CheckpointError;
use crate::predict::PredictError;

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
    #[error(transparent)]
    Device(#[from] DeviceError),
    /// The face detector's weights cannot be used.
    #[error(transparent)]
    DetectorWeights(#[from] WeightsError),
    /// The keypoint model could not predict (the device, or an output that is not a number).
    #[error(transparent)]
    Predict(#[from] PredictError),
}
