//! `FaceDetector`: BlazeFace on a letterboxed 128×128 view of any image, boxes and
//! landmarks mapped back to the image's own pixels.

use burn::prelude::*;
use serde::{Deserialize, Serialize};

use super::anchors::{Anchor, anchors};
use super::blazeface_model::Model;
use super::decode::{BoxF, Detection, REGRESSORS, decode};
use super::nms::weighted_nms;
use crate::image::{Outside, RgbaImage, Square, sample_square};

/// Network input side.
const SIDE: usize = 128;

/// Detection settings (MediaPipe's short-range defaults).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DetectorConfig {
    /// Minimum face score (0–1).
    pub score_threshold: f32,
    /// Overlap above which two detections are one face.
    pub iou_threshold: f32,
    /// At most this many faces, best first.
    pub max_faces: usize,
}

impl Default for DetectorConfig {
    fn default() -> Self {
        DetectorConfig {
            score_threshold: 0.75,
            iou_threshold: 0.3,
            max_faces: 8,
        }
    }
}

/// A face found in an image, in that image's continuous pixel coordinates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FaceBox {
    /// The face box.
    pub bbox: BoxF,
    /// Confidence, 0–1.
    pub score: f32,
    /// BlazeFace's six landmarks (eyes, nose tip, mouth, ear tragions) as `[x, y]`.
    pub landmarks: [[f32; 2]; 6],
}

/// BlazeFace with its weights on a device.
pub struct FaceDetector {
    model: Model,
    anchors: Vec<Anchor>,
    device: Device,
    /// Thresholds.
    pub config: DetectorConfig,
}

impl FaceDetector {
    /// Loads the embedded weights onto `device`.
    pub fn new(device: &Device, config: DetectorConfig) -> Self {
        FaceDetector {
            model: Model::from_embedded(device),
            anchors: anchors(),
            device: device.clone(),
            config,
        }
    }

    /// The square (centred on the image, side = its longer side) that the network sees.
    pub fn letterbox(image: &RgbaImage) -> Square {
        let (w, h) = (image.width() as f32, image.height() as f32);
        Square::centered(w / 2.0, h / 2.0, w.max(h))
    }

    /// The network input: `[1, 128, 128, 3]`, RGB scaled to −1…1, black outside the image.
    pub fn input(&self, image: &RgbaImage<'_>) -> Tensor<4> {
        let pixels = sample_square(image, Self::letterbox(image), SIDE, Outside::Black);
        let values: Vec<f32> = pixels
            .iter()
            .flat_map(|p| p.map(|v| v / 127.5 - 1.0))
            .collect();
        Tensor::from_data(TensorData::new(values, [1, SIDE, SIDE, 3]), &self.device)
    }

    /// Faces in `image`, best first.
    pub async fn detect(&self, image: &RgbaImage<'_>) -> Result<Vec<FaceBox>, String> {
        let (scores, regressors) = self.raw(self.input(image)).await?;
        let found = decode(
            &scores,
            &regressors,
            &self.anchors,
            self.config.score_threshold,
        );
        let merged = weighted_nms(found, self.config.iou_threshold);
        let square = Self::letterbox(image);
        Ok(merged
            .into_iter()
            .take(self.config.max_faces)
            .map(|d| to_image(&d, square))
            .collect())
    }

    /// Raw scores `[896]` and regressors `[896 × 16]` for an input tensor.
    pub async fn raw(&self, input: Tensor<4>) -> Result<(Vec<f32>, Vec<f32>), String> {
        // Outputs: scores [1, 512, 1], [1, 384, 1]; regressors [1, 512, 16], [1, 384, 16].
        let (scores_8, scores_16, boxes_8, boxes_16) = self.model.forward(input);
        let read = async |t: Tensor<3>| -> Result<Vec<f32>, String> {
            let data = t.into_data_async().await.map_err(|e| format!("{e:?}"))?;
            data.try_into_vec::<f32>().map_err(|e| format!("{e:?}"))
        };
        // One readback: scores then regressors, each stride 8 then stride 16.
        let all = Tensor::cat(vec![scores_8, scores_16], 1);
        let boxes = Tensor::cat(vec![boxes_8, boxes_16], 1);
        let scores = read(all).await?;
        let regressors = read(boxes).await?;
        debug_assert_eq!(regressors.len(), scores.len() * REGRESSORS);
        Ok((scores, regressors))
    }
}

/// Maps a detection in letterbox-relative units back to image pixels.
fn to_image(d: &Detection, square: Square) -> FaceBox {
    let x = |u: f32| square.x0 + u * square.side;
    let y = |v: f32| square.y0 + v * square.side;
    FaceBox {
        bbox: BoxF {
            x0: x(d.bbox.x0),
            y0: y(d.bbox.y0),
            x1: x(d.bbox.x1),
            y1: y(d.bbox.y1),
        },
        score: d.score,
        landmarks: d.landmarks.map(|[u, v]| [x(u), y(v)]),
    }
}
