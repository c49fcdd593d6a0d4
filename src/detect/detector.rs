//! `FaceDetector`: BlazeFace short range on a letterboxed 128×128 view of any image (and on
//! tiles of large ones), BlazeFace full range on a 192×192 view for faces far from the
//! camera, merged; boxes and landmarks mapped back to the image's own pixels.

use burn::prelude::*;
use serde::{Deserialize, Serialize};

use super::anchors::{Anchor, FULL_RANGE, SHORT_RANGE, anchors};
use super::blazeface_model::Model as ShortRangeModel;
use super::decode::{BoxF, Detection, REGRESSORS, decode};
use super::full_range_model::Model as FullRangeModel;
use super::nms::weighted_nms;
use super::weights::{DetectorWeights, WeightsError};
use super::{FULL_RANGE_SIDE, INPUT_SIDE};
use crate::backend::{DeviceError, read_back};
use crate::image::{Outside, RgbaImage, Square, sample_square};

/// Detection settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DetectorConfig {
    /// Minimum face score (0–1) of the short-range model (MediaPipe's default).
    pub score_threshold: f32,
    /// Minimum face score of the full-range model (0: do not run it). Below MediaPipe's 0.6:
    /// the full-range model scores small, turned faces low (einstein.jpg: 0.55), and a face
    /// both models find is merged into one.
    pub full_range_threshold: f32,
    /// Overlap above which two detections are one face.
    pub iou_threshold: f32,
    /// Faces whose box is smaller than this fraction of the whole view are looked at again
    /// more closely (0: never).
    pub closer_look_below: f32,
    /// Images whose longer side reaches this many pixels are also searched in overlapping
    /// square tiles of half that side (faces too small for the whole view; 0: never).
    pub tile_min_side: usize,
}

impl Default for DetectorConfig {
    fn default() -> Self {
        DetectorConfig {
            score_threshold: 0.75,
            full_range_threshold: 0.5,
            iou_threshold: 0.3,
            closer_look_below: 0.25,
            tile_min_side: 1024,
        }
    }
}

/// The side of the square a small face is looked at again in, in face-box sides: the face
/// then fills about 40% of the short-range model's input, as in its training.
const CLOSER_LOOK: f32 = 2.5;

/// A face found in an image: a [`Detection`] in that image's continuous pixel coordinates.
pub type FaceBox = Detection;

/// Both BlazeFace models with their weights on a device.
pub struct FaceDetector {
    short_range: ShortRangeModel,
    full_range: FullRangeModel,
    short_anchors: Vec<Anchor>,
    full_anchors: Vec<Anchor>,
    device: Device,
    /// Thresholds.
    pub config: DetectorConfig,
}

impl FaceDetector {
    /// Both networks with `weights` on `device`.
    pub fn new(
        device: &Device,
        weights: &DetectorWeights,
        config: DetectorConfig,
    ) -> Result<Self, WeightsError> {
        let (short_range, full_range) = weights.load(device)?;
        Ok(FaceDetector {
            short_range,
            full_range,
            short_anchors: anchors(&SHORT_RANGE),
            full_anchors: anchors(&FULL_RANGE),
            device: device.clone(),
            config,
        })
    }

    /// The square (centred on the image, side = its longer side) that the network sees.
    pub fn letterbox(image: &RgbaImage) -> Square {
        let (w, h) = (image.width() as f32, image.height() as f32);
        Square::centered(w / 2.0, h / 2.0, w.max(h))
    }

    /// The network input for the `square` view of `image`: `[1, side, side, 3]`, RGB scaled
    /// to −1…1, black outside the image.
    pub fn input(&self, image: &RgbaImage<'_>, square: Square, side: usize) -> Tensor<4> {
        let pixels = sample_square(image, square, side, Outside::Black);
        let values: Vec<f32> = pixels
            .iter()
            .flat_map(|p| p.map(|v| v / 127.5 - 1.0))
            .collect();
        Tensor::from_data(TensorData::new(values, [1, side, side, 3]), &self.device)
    }

    /// Every face in `image`, best first.
    pub async fn detect(&self, image: &RgbaImage<'_>) -> Result<Vec<FaceBox>, DeviceError> {
        let letterbox = Self::letterbox(image);
        // The two networks look at the whole view side by side where the CPU has threads
        // (on the CPU a network runs as it is called; on a GPU the calls only queue work).
        let full_range = self.config.full_range_threshold > 0.0;
        let (near, far) = crate::cpu::parallel::join(
            || self.short_range_outputs(self.input(image, letterbox, INPUT_SIDE)),
            || {
                full_range
                    .then(|| self.full_range_outputs(self.input(image, letterbox, FULL_RANGE_SIDE)))
            },
        );
        let near = split_rows(&read_back(near).await?);
        let mut found = self.found_in(near, image, letterbox, false);
        if let Some(far) = far {
            let (scores, regressors) = split_rows(&read_back(far).await?);
            let far = decode(
                &scores,
                &regressors,
                &self.full_anchors,
                FULL_RANGE_SIDE,
                self.config.full_range_threshold,
            );
            found.extend(far.iter().map(|d| to_image(d, letterbox)));
        }
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
        let mut out = Vec::with_capacity(merged.len());
        for face in merged {
            out.push(self.closer_look(image, face).await?);
        }
        Ok(out)
    }

    /// A face that filled little of the view it was found in, found again by the short-range
    /// model in a square of [`CLOSER_LOOK`] times its box around it, where it fills enough of
    /// the input for its landmarks (which give the crop and the roll) to be precise; the
    /// face as it was when that finds nothing there.
    async fn closer_look(
        &self,
        image: &RgbaImage<'_>,
        face: FaceBox,
    ) -> Result<FaceBox, DeviceError> {
        let letterbox = Self::letterbox(image);
        let side = (face.bbox.width() + face.bbox.height()) / 2.0;
        if self.config.closer_look_below <= 0.0
            || side >= self.config.closer_look_below * letterbox.side
        {
            return Ok(face);
        }
        let (cx, cy) = face.bbox.center();
        let square = Square::centered(cx, cy, CLOSER_LOOK * side);
        let again = self.detect_in(image, square, false).await?;
        let best = again
            .into_iter()
            .filter(|d| d.bbox.iou(&face.bbox) > self.config.iou_threshold)
            .max_by(|a, b| a.score.total_cmp(&b.score));
        Ok(match best {
            Some(d) => FaceBox {
                score: face.score.max(d.score),
                ..d
            },
            None => face,
        })
    }

    /// Detections in the `square` view of `image`, in image pixels. With `inner`, boxes that
    /// touch the square's edge inside the image are dropped (a face cut by a tile border).
    async fn detect_in(
        &self,
        image: &RgbaImage<'_>,
        square: Square,
        inner: bool,
    ) -> Result<Vec<Detection>, DeviceError> {
        let raw = self.raw(self.input(image, square, INPUT_SIDE)).await?;
        Ok(self.found_in(raw, image, square, inner))
    }

    /// The short-range model's detections from its raw outputs for the `square` view of
    /// `image` (see [`Self::detect_in`]).
    fn found_in(
        &self,
        (scores, regressors): (Vec<f32>, Vec<f32>),
        image: &RgbaImage<'_>,
        square: Square,
        inner: bool,
    ) -> Vec<Detection> {
        let found = decode(
            &scores,
            &regressors,
            &self.short_anchors,
            INPUT_SIDE,
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
        found
            .into_iter()
            .filter(|d| !inner || !cut(&d.bbox))
            .map(|d| to_image(&d, square))
            .collect()
    }

    /// The full-range model's raw scores `[2304]` and regressors `[2304 × 16]` for an input
    /// tensor `[1, 192, 192, 3]`, read back at once.
    pub async fn raw_full_range(
        &self,
        input: Tensor<4>,
    ) -> Result<(Vec<f32>, Vec<f32>), DeviceError> {
        Ok(split_rows(
            &read_back(self.full_range_outputs(input)).await?,
        ))
    }

    /// The full-range model's outputs, `[1, 2304, 17]`: per anchor its score, then its 16
    /// regressors.
    fn full_range_outputs(&self, input: Tensor<4>) -> Tensor<3> {
        // Outputs: regressors [1, 2304, 16], scores [1, 2304, 1].
        let (boxes, scores) = self.full_range.forward(input);
        Tensor::cat(vec![scores, boxes], 2)
    }

    /// The short-range model's raw scores `[896]` and regressors `[896 × 16]` for an input
    /// tensor `[1, 128, 128, 3]`, read back at once.
    pub async fn raw(&self, input: Tensor<4>) -> Result<(Vec<f32>, Vec<f32>), DeviceError> {
        Ok(split_rows(
            &read_back(self.short_range_outputs(input)).await?,
        ))
    }

    /// The short-range model's outputs, `[1, 896, 17]`: per anchor its score, then its 16
    /// regressors.
    fn short_range_outputs(&self, input: Tensor<4>) -> Tensor<3> {
        // Outputs: scores [1, 512, 1], [1, 384, 1]; regressors [1, 512, 16], [1, 384, 16].
        let (scores_8, scores_16, boxes_8, boxes_16) = self.short_range.forward(input);
        Tensor::cat(
            vec![
                Tensor::cat(vec![scores_8, boxes_8], 2),
                Tensor::cat(vec![scores_16, boxes_16], 2),
            ],
            1,
        )
    }
}

/// Rows of `[score, 16 regressors]` per anchor as (scores, regressors).
fn split_rows(values: &[f32]) -> (Vec<f32>, Vec<f32>) {
    let rows = values.chunks_exact(REGRESSORS + 1);
    let scores = rows.clone().map(|r| r[0]).collect();
    let regressors = rows.flat_map(|r| r[1..].iter().copied()).collect();
    (scores, regressors)
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
