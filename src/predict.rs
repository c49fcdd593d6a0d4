//! Batched inference: pixel-space keypoints of faces, read back asynchronously.

use burn::prelude::*;

use crate::batch::images_tensor;
use crate::data::FaceSet;
use crate::model::KeypointCnn;
use crate::normalize::Normalization;

/// Predicted coordinates in pixels (`faces.len() * 30`), `batch_size` faces at a time.
///
/// `model` should be in validation mode ([`Module::valid`]) on a plain (non-autodiff) device.
pub async fn predict(
    model: &KeypointCnn,
    faces: &FaceSet,
    norm: &Normalization,
    batch_size: usize,
    device: &Device,
) -> Result<Vec<f32>, String> {
    let rows: Vec<usize> = (0..faces.len()).collect();
    let mut out = Vec::with_capacity(faces.coords.len());
    for chunk in rows.chunks(batch_size.max(1)) {
        let output = model.forward(images_tensor(faces, chunk, norm, device)); // [B, 30]
        let data = output
            .into_data_async()
            .await
            .map_err(|e| format!("{e:?}"))?;
        let values = data.try_into_vec::<f32>().map_err(|e| format!("{e:?}"))?;
        out.extend(values.into_iter().map(|v| norm.uncoord(v)));
    }
    Ok(out)
}
