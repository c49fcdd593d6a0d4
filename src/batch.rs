//! Turning rows of a [`FaceSet`] into tensors: normalised images, targets and a label mask.

use burn::prelude::*;

use crate::data::FaceSet;
use crate::keypoints::{IMAGE_PIXELS, IMAGE_SIDE, NUM_COORDS};
use crate::normalize::Normalization;

/// A training or validation batch.
pub struct FaceBatch {
    /// `[B, 1, 96, 96]` normalised pixels.
    pub images: Tensor<4>,
    /// `[B, 30]` normalised coordinates, 0 where missing.
    pub targets: Tensor<2>,
    /// `[B, 30]` 1 where the coordinate is labelled, 0 where missing.
    pub mask: Tensor<2>,
}

/// Normalised images of the faces at `rows`, as a `[B, 1, 96, 96]` tensor.
pub fn images_tensor(
    faces: &FaceSet,
    rows: &[usize],
    norm: &Normalization,
    device: &Device,
) -> Tensor<4> {
    let mut pixels = Vec::with_capacity(rows.len() * IMAGE_PIXELS);
    for &i in rows {
        pixels.extend(faces.image(i).iter().map(|&p| norm.pixel(p)));
    }
    Tensor::from_data(
        TensorData::new(pixels, [rows.len(), 1, IMAGE_SIDE, IMAGE_SIDE]),
        device,
    )
}

/// The batch of the faces at `rows`.
pub fn face_batch(
    faces: &FaceSet,
    rows: &[usize],
    norm: &Normalization,
    device: &Device,
) -> FaceBatch {
    let mut targets = Vec::with_capacity(rows.len() * NUM_COORDS);
    let mut mask = Vec::with_capacity(rows.len() * NUM_COORDS);
    for &i in rows {
        for &c in faces.coords(i) {
            let known = !c.is_nan();
            targets.push(if known { norm.coord(c) } else { 0.0 });
            mask.push(if known { 1.0f32 } else { 0.0 });
        }
    }
    let shape = [rows.len(), NUM_COORDS];
    FaceBatch {
        images: images_tensor(faces, rows, norm, device),
        targets: Tensor::from_data(TensorData::new(targets, shape), device),
        mask: Tensor::from_data(TensorData::new(mask, shape), device),
    }
}
