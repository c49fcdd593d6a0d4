//! `FaceDetector`: BlazeFace on a letterboxed 128×128 view of any image, boxes and
//! landmarks mapped back to the image's own pixels.

use burn::prelude::*;
use serde::{Deserialize, Serialize};

use super::INPUT_SIDE;
use super::anchors::{Anchor, anchors};
use super::blazeface_model::Model;
use super::decode::{BoxF, Detection, REGRESSORS, decode};
use super::nms::weighted_nms;
use crate::backend::read_back;
use crate::face::FaceError;
use crate::image::{Outside, RgbaImage, Square, sample_square};

/// Detection settings (MediaPipe's short-range defaults).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DetectorConfig {
    /// Minimum face score (0–1).
    pub score_threshold: f32,
    /// Overlap above which two detections are one face.
    pub iou_threshold: f32,
    /// At most this many faces, best first.
    pub max_faces: usize,
    /// Images whose longer side reaches this many pixels are also searched in overlapping
    /// square tiles of half that side (faces too small for the whole view; 0: never).
    pub tile_min_side: usize,
}

impl Default for DetectorConfig {
    fn default() -> Self {
        DetectorConfig {
            score_threshold: 0.75,
            iou_threshold: 0.3,
            max_faces: 8,
            tile_min_side: 1024,
        }
    }
}

/// A face found in an image: a [`Detection`] in that image's continuous pixel coordinates.
pub type FaceBox = Detection;

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

    /// The network input for the `square` view of `image`: `[1, 128, 128, 3]`, RGB scaled
    /// to −1…1, black outside the image.
    pub fn input(&self, image: &RgbaImage<'_>, square: Square) -> Tensor<4> {
        let pixels = sample_square(image, square, INPUT_SIDE, Outside::Black);
        let values: Vec<f32> = pixels
            .iter()
            .flat_map(|p| p.map(|v| v / 127.5 - 1.0))
            .collect();
        Tensor::from_data(
            TensorData::new(values, [1, INPUT_SIDE, INPUT_SIDE, 3]),
            &self.device,
        )
    }

    /// Faces in `image`, best first.
    pub async fn detect(&self, image: &RgbaImage<'_>) -> Result<Vec<FaceBox>, FaceError> {
        let mut found = self.detect_in(image, Self::letterbox(image), false).await?;
        let (w, h) = (image.width() as f32, image.height() as f32);
        let long = w.max(h);
        if self.config.tile_min_side > 0 && long >= self.config.tile_min_side as f32 {
            // Tiles of half the longer side, overlapping by half, so that every face smaller
            // than a quarter of the image lies wholly inside one of them.
            let side = long / 2.0;
            let starts = |extent: f32| -> Vec<f32> {
                let n = ((extent - side) / (side / 2.0)).ceil().max(0.0) as usize;
                (0..=n)
                    .map(|i| (i as f32 * side / 2.0).min((extent - side).max(0.0)))
                    .collect()
            };
            for &y0 in &starts(h) {
                for &x0 in &starts(w) {
                    let tile = Square { x0, y0, side };
                    found.extend(self.detect_in(image, tile, true).await?);
                }
            }
        }
        let merged = weighted_nms(found, self.config.iou_threshold);
        Ok(merged.into_iter().take(self.config.max_faces).collect())
    }

    /// Detections in the `square` view of `image`, in image pixels. With `inner`, boxes that
    /// touch the square's edge inside the image are dropped (a face cut by a tile border).
    async fn detect_in(
        &self,
        image: &RgbaImage<'_>,
        square: Square,
        inner: bool,
    ) -> Result<Vec<Detection>, FaceError> {
        let (scores, regressors) = self.raw(self.input(image, square)).await?;
        let found = decode(
            &scores,
            &regressors,
            &self.anchors,
            self.config.score_threshold,
        );
        let (w, h) = (image.width() as f32, image.height() as f32);
        let margin = 0.01;
        // Cut by the square's edge where the image goes on beyond it.
        let cut = |b: &BoxF| {
            (b.x0 < margin && square.x0 > 0.0)
                || (b.y0 < margin && square.y0 > 0.0)
                || (b.x1 > 1.0 - margin && square.x0 + square.side < w)
                || (b.y1 > 1.0 - margin && square.y0 + square.side < h)
        };
        Ok(found
            .into_iter()
            .filter(|d| !inner || !cut(&d.bbox))
            .map(|d| to_image(&d, square))
            .collect())
    }

    /// Raw scores `[896]` and regressors `[896 × 16]` for an input tensor, read back at once.
    pub async fn raw(&self, input: Tensor<4>) -> Result<(Vec<f32>, Vec<f32>), FaceError> {
        // Outputs: scores [1, 512, 1], [1, 384, 1]; regressors [1, 512, 16], [1, 384, 16].
        let (scores_8, scores_16, boxes_8, boxes_16) = self.model.forward(input);
        // [1, 896, 17]: per anchor its score, then its 16 regressors.
        let per_anchor = Tensor::cat(
            vec![
                Tensor::cat(vec![scores_8, boxes_8], 2),
                Tensor::cat(vec![scores_16, boxes_16], 2),
            ],
            1,
        );
        let values = read_back(per_anchor).await?;
        let rows = values.chunks_exact(REGRESSORS + 1);
        let scores = rows.clone().map(|r| r[0]).collect();
        let regressors = rows.flat_map(|r| r[1..].iter().copied()).collect();
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
