//! Batched inference: pixel-space keypoints of faces, read back asynchronously.

use burn::prelude::*;

use crate::backend::{DeviceError, read_back};
use crate::batch::images_tensor;
use crate::cpu::CpuNet;
use crate::data::FaceSet;
use crate::keypoints::{IMAGE_PIXELS, NUM_COORDS};
use crate::model::KeypointCnn;
use crate::normalize::Normalization;

/// Why keypoints could not be predicted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PredictError {
    /// The device failed while computing or reading back.
    #[error(transparent)]
    Device(#[from] DeviceError),
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

/// Faces per inference batch when a whole file or validation set is predicted.
pub const INFERENCE_BATCH: usize = 128;

/// Predicted coordinates in pixels (`faces.len() * 30`), `batch_size` faces at a time.
///
/// Fails rather than return a coordinate that is not a finite number (a model whose weights
/// overflow, say): no caller ever writes or draws NaN.
///
/// `model` should be in validation mode ([`Module::valid`]) on a plain (non-autodiff) device.
pub async fn predict(
    model: &KeypointCnn,
    faces: &FaceSet,
    norm: &Normalization,
    batch_size: usize,
    device: &Device,
) -> Result<Vec<f32>, PredictError> {
    let rows: Vec<usize> = (0..faces.len()).collect();
    let mut out = Vec::with_capacity(faces.coords.len());
    for chunk in rows.chunks(batch_size.max(1)) {
        let output = model.forward(images_tensor(faces, chunk, norm, device)); // [B, 30]
        let first = out.len();
        out.extend(
            read_back(output)
                .await?
                .into_iter()
                .map(|v| norm.uncoord(v)),
        );
        check_finite(&out, first, faces)?;
    }
    Ok(out)
}

/// [`predict`] with the network packed for the CPU ([`CpuNet`]): the same coordinates within
/// float rounding, faster.
pub fn predict_cpu(
    net: &CpuNet,
    faces: &FaceSet,
    norm: &Normalization,
    batch_size: usize,
) -> Result<Vec<f32>, PredictError> {
    let mut out = Vec::with_capacity(faces.coords.len());
    for chunk in faces.images.chunks(batch_size.max(1) * IMAGE_PIXELS) {
        let first = out.len();
        out.extend(net.forward(chunk).into_iter().map(|v| norm.uncoord(v)));
        check_finite(&out, first, faces)?;
    }
    Ok(out)
}

/// The first coordinate from `first` on that is not a finite number, as an error.
fn check_finite(out: &[f32], first: usize, faces: &FaceSet) -> Result<(), PredictError> {
    match out[first..].iter().position(|v| !v.is_finite()) {
        None => Ok(()),
        Some(bad) => {
            let face = (first + bad) / NUM_COORDS;
            Err(PredictError::NonFinite {
                face: face + 1,
                id: faces.ids[face],
                value: out[first + bad],
            })
        }
    }
}
