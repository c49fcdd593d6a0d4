//! `FacePipeline`: detector + keypoint model. `detect` finds faces anew; `track` re-crops
//! each face from its previous keypoints and skips the detector.

use burn::prelude::*;
use serde::Serialize;
use web_time::Instant;

use super::error::FaceError;
use super::framing::{CropRule, KeypointFraming, LandmarkRule};
use super::window::Window;
use crate::data::FaceSet;
use crate::detect::{BoxF, DetectorConfig, DetectorWeights, FaceBox, FaceDetector};
use crate::ensemble::{Description, Ensemble};
use crate::image::{Outside, RgbaImage, View, luma, sample_view};
use crate::keypoints::{IMAGE_PIXELS, IMAGE_SIDE, KEYPOINT_NAMES, NUM_COORDS, NUM_KEYPOINTS};
use crate::model_file::CheckpointMeta;

/// One named keypoint in image pixels (pixel-centre convention).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keypoint {
    /// Kaggle name, e.g. `left_eye_center` (the subject's left).
    pub name: &'static str,
    pub x: f32,
    pub y: f32,
}

/// A face with its 15 keypoints, in the input image's pixels (keypoints in the data's
/// pixel-centre convention: pixel `k`'s centre is at `k`).
#[derive(Debug, Clone, PartialEq)]
pub struct Face {
    /// Face box: the detector box that the box rule would turn into this face's crop (the
    /// same definition for detected and tracked faces).
    pub bbox: BoxF,
    /// Detector score; for a tracked face, the score of the detection it came from.
    pub score: f32,
    /// How far the crop was turned to level the face (radians, clockwise on screen): the
    /// head's roll as the pipeline estimated it; 0 for upright crops.
    pub roll: f32,
    /// The 15 keypoints `[x, y]` in Kaggle order (their names: [`KEYPOINT_NAMES`]).
    pub points: [[f32; 2]; NUM_KEYPOINTS],
}

/// A box as the page API gives it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// A face as the page API and `facepoints detect` give it: canvas coordinates (pixel `k`
/// spans `[k, k + 1)`, so keypoints are shifted by half a pixel from [`Face`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FaceView {
    #[serde(rename = "box")]
    pub bbox: Rect,
    pub score: f32,
    /// The head's roll in degrees, clockwise on screen (the turn of the crop).
    pub roll: f32,
    pub keypoints: Vec<Keypoint>,
}

impl From<&Face> for FaceView {
    fn from(face: &Face) -> Self {
        let b = face.bbox;
        FaceView {
            bbox: Rect {
                x: b.x0,
                y: b.y0,
                width: b.width(),
                height: b.height(),
            },
            score: face.score,
            roll: face.roll.to_degrees(),
            keypoints: KEYPOINT_NAMES
                .iter()
                .zip(&face.points)
                .map(|(&name, &[x, y])| Keypoint {
                    name,
                    x: x + 0.5,
                    y: y + 0.5,
                })
                .collect(),
        }
    }
}

impl FaceView {
    /// A face given in canvas coordinates (its box `[x, y, width, height]`, roll in degrees
    /// and 30 keypoint coordinates, x/y in Kaggle order), as a [`Face`]: the inverse of
    /// `From<&Face>`, whose keypoints are half a pixel off the canvas's.
    pub fn face_from_canvas(bbox: [f32; 4], score: f32, roll: f32, coords: &[f32]) -> Face {
        let [x, y, width, height] = bbox;
        Face {
            bbox: BoxF {
                x0: x,
                y0: y,
                x1: x + width,
                y1: y + height,
            },
            score,
            roll: roll.to_radians(),
            points: std::array::from_fn(|k| [coords[2 * k] - 0.5, coords[2 * k + 1] - 0.5]),
        }
    }
}

/// How far a tracked face's framing may move before its crop follows: keypoints predicted
/// twice on the same face differ a little, and a crop that followed them would make a still
/// face's keypoints jitter.
struct Steadiness {
    /// Centre shift, in crop sides.
    shift: f32,
    /// Relative side change.
    scale: f32,
    /// Turn, radians.
    turn: f32,
}

impl Steadiness {
    /// Whether `now` is within the tolerance of `before`.
    fn holds(&self, before: &View, now: &View) -> bool {
        let centre = |v: &View| {
            (
                v.square.x0 + v.square.side / 2.0,
                v.square.y0 + v.square.side / 2.0,
            )
        };
        let ((bx, by), (nx, ny)) = (centre(before), centre(now));
        let side = before.square.side;
        side > 0.0
            && (nx - bx).hypot(ny - by) < self.shift * side
            && (now.square.side / side - 1.0).abs() < self.scale
            && (now.angle - before.angle).abs() < self.turn
    }
}

/// See [`Steadiness`]: 3% of the crop side, 3% of its size, 3°.
const STEADY: Steadiness = Steadiness {
    shift: 0.03,
    scale: 0.03,
    turn: 3.0 * std::f32::consts::PI / 180.0,
};

/// How far a followed face may move between two frames and stay inside the region read for
/// it: a quarter of its crop's side each way.
const MOTION: f32 = 0.25;

/// Region pixels per crop pixel that following a face reads at most: two (the crop then
/// averages 2 × 2 of them; more would only cost time).
const DETAIL: f32 = 2.0;

/// A region read before is read again while its scale is within this factor of what the
/// faces need (up to it above, its square root below), so a still face is read the same way
/// frame after frame.
const KEEP_SCALE: f32 = 1.5;

/// The longer side of the copy of a video frame that faces are looked for in: twice the
/// full-range detector's input (the short-range one sees 128 pixels).
const DETECT_SIDE: usize = 2 * crate::detect::FULL_RANGE_SIDE;

/// Face crops per forward pass (a frame rarely has more faces than this).
const CROP_BATCH: usize = 32;

/// Milliseconds spent in each stage of one call.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct PipelineTimings {
    pub detect_ms: f64,
    pub crop_ms: f64,
    pub predict_ms: f64,
}

/// Detector, keypoint model and framing rules on one device.
pub struct FacePipeline {
    detector: FaceDetector,
    /// The keypoint model: one, or an ensemble.
    models: Ensemble,
    /// Box-to-crop rule.
    pub crop_rule: CropRule,
    /// Landmarks-to-crop rule (used when set and the landmarks are not degenerate).
    pub landmark_rule: Option<LandmarkRule>,
    /// Keypoints-to-crop rule for tracking and refinement.
    pub framing: KeypointFraming,
    /// After the detector's crop, re-crop this many times from the keypoints just found.
    pub refine_passes: usize,
    /// Take each face's roll out before cropping (eye line level in the crop) and turn the
    /// keypoints back; off: upright crops.
    pub level: bool,
    /// Test-time flip: predict each crop and its mirror image, and average the two (the
    /// mirror's keypoints flipped back and their left/right names swapped). An ensemble file
    /// saved with flip predicts that way whatever this says.
    pub flip: bool,
}

fn ms_since(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

impl FacePipeline {
    /// Builds the pipeline from a `.fpk` keypoint model file (one model or an ensemble) and
    /// the face detector's weights.
    pub fn new(
        device: &Device,
        checkpoint: &[u8],
        detector: &DetectorWeights,
    ) -> Result<Self, FaceError> {
        Ok(FacePipeline {
            detector: FaceDetector::new(device, detector, DetectorConfig::default())?,
            models: Ensemble::from_bytes(checkpoint, device)?,
            crop_rule: CropRule::default(),
            landmark_rule: Some(LandmarkRule::default()),
            framing: KeypointFraming::default(),
            // Measured on held-out people's frames against the teacher's labels (docs/results.md,
            // "A second look"): 4.7% NME without, 4.3% with one pass, 4.4% with two.
            refine_passes: 1,
            level: true,
            // Measured on held-out people's frames (docs/results.md, "End to end"): 6.8% NME with,
            // 6.7% without, for twice the model's work.
            flip: false,
        })
    }

    /// Runs one detection on a blank frame, so the first real call does not pay for the
    /// device's first dispatches (shader compilation, autotuning, allocation).
    pub async fn warm_up(&self) -> Result<(), FaceError> {
        let side = crate::detect::INPUT_SIDE;
        let blank = vec![0u8; side * side * 4];
        self.detect(&RgbaImage::new(side, side, &blank)?).await?;
        Ok(())
    }

    /// The (first) keypoint model's description (architecture, normalisation, training
    /// summary).
    pub fn meta(&self) -> &CheckpointMeta {
        self.models.first()
    }

    /// What the model file holds: one model, or an ensemble and its members.
    pub fn description(&self) -> Description {
        self.models.description()
    }

    /// `model2`, or the ensemble's members.
    pub fn model_name(&self) -> String {
        self.models.name()
    }

    /// Finds every face and its keypoints.
    pub async fn detect(
        &self,
        image: &RgbaImage<'_>,
    ) -> Result<(Vec<Face>, PipelineTimings), FaceError> {
        let t = Instant::now();
        let boxes = self.detector.detect(image).await?;
        let detect_ms = ms_since(t);
        let framed = boxes.iter().map(|b| (self.frame(b), b.score)).collect();
        let (mut faces, mut timings) = self.keypoints(image, framed).await?;
        for _ in 0..self.refine_passes {
            let (refined, t) = self.track(image, &faces).await?;
            if refined.len() != faces.len() {
                break; // a face whose keypoints were not finite keeps its first estimate
            }
            faces = refined;
            timings.crop_ms += t.crop_ms;
            timings.predict_ms += t.predict_ms;
        }
        timings.detect_ms = detect_ms;
        Ok((faces, timings))
    }

    /// The crop of a detected face: from its six landmarks (turned level when `level`), or
    /// from its box when the landmarks are degenerate or no landmark rule is set.
    pub fn frame(&self, face: &FaceBox) -> View {
        let view = self.landmark_rule.and_then(|r| match self.level {
            true => r.view(&face.landmarks),
            false => r.square(&face.landmarks).map(View::upright),
        });
        view.unwrap_or_else(|| View::upright(self.crop_rule.square(&face.bbox)))
    }

    /// The crop `face`'s keypoints were predicted in: its box through the crop rule, turned
    /// by its roll (the inverse of `CropRule::box_of`).
    pub fn crop_of(&self, face: &Face) -> View {
        self.crop_rule.view(&face.bbox, face.roll)
    }

    /// The crop tracking makes of a face from its keypoints (`None`: degenerate keypoints).
    pub fn frame_keypoints(&self, points: &[[f32; 2]; NUM_KEYPOINTS]) -> Option<View> {
        match self.level {
            true => self.framing.view(points),
            false => self.framing.square(points).map(View::upright),
        }
    }

    /// The faces the detector finds (boxes, scores, six landmarks), without keypoints.
    pub async fn faces(&self, image: &RgbaImage<'_>) -> Result<Vec<FaceBox>, FaceError> {
        Ok(self.detector.detect(image).await?)
    }

    /// Follows faces from their previous keypoints (keeping their scores) without running
    /// the detector; a face whose keypoints are not finite is dropped. A face whose framing
    /// moved less than [`STEADY`] keeps its previous crop, so a still face is cropped the same
    /// way frame after frame and its keypoints stay still.
    pub async fn track(
        &self,
        image: &RgbaImage<'_>,
        previous: &[Face],
    ) -> Result<(Vec<Face>, PipelineTimings), FaceError> {
        let framed = previous
            .iter()
            .filter_map(|face| {
                let view = self.frame_keypoints(&face.points)?;
                let before = self.crop_of(face);
                let view = if STEADY.holds(&before, &view) {
                    before
                } else {
                    view
                };
                Some((view, face.score))
            })
            .collect();
        self.keypoints(image, framed).await
    }

    /// The crops following `previous` may take in the next frame: where each face was
    /// cropped, and where its keypoints would crop it.
    fn crops_to_follow(&self, previous: &[Face]) -> Vec<View> {
        previous
            .iter()
            .flat_map(|face| [Some(self.crop_of(face)), self.frame_keypoints(&face.points)])
            .flatten()
            .collect()
    }

    /// The window of a `width × height` image that [`Self::track`] needs to follow
    /// `previous` into the next frame: every crop it may take (see `crops_to_follow`), with
    /// room for [`MOTION`], read at [`DETAIL`] pixels per crop pixel of the smallest face (or
    /// at the image's own resolution, if that is less). `last` is kept while it holds all
    /// the crops with half that room, at a scale close enough to the one needed (see
    /// [`KEEP_SCALE`]). The whole image when there is nothing to follow.
    pub fn window_to_follow(
        &self,
        previous: &[Face],
        width: usize,
        height: usize,
        last: Option<Window>,
    ) -> Window {
        let crops = self.crops_to_follow(previous);
        let smallest = crops
            .iter()
            .map(|c| c.square.side)
            .fold(f32::INFINITY, f32::min);
        if crops.is_empty() || smallest.is_nan() || smallest <= 0.0 {
            return Window::whole(width, height);
        }
        // The crops' extent with room to move of `margin` crop sides, clipped to the image.
        let bounds = |margin: f32| {
            let mut b = [
                f32::INFINITY,
                f32::INFINITY,
                f32::NEG_INFINITY,
                f32::NEG_INFINITY,
            ];
            for crop in &crops {
                let side = crop.square.side;
                let (cx, cy) = (crop.square.x0 + side / 2.0, crop.square.y0 + side / 2.0);
                // Half the extent of the turned square, and the room.
                let half =
                    side / 2.0 * (crop.angle.cos().abs() + crop.angle.sin().abs()) + margin * side;
                b = [
                    b[0].min(cx - half),
                    b[1].min(cy - half),
                    b[2].max(cx + half),
                    b[3].max(cy + half),
                ];
            }
            let (w, h) = (width as f32, height as f32);
            [
                b[0].clamp(0.0, w),
                b[1].clamp(0.0, h),
                b[2].clamp(0.0, w),
                b[3].clamp(0.0, h),
            ]
        };
        let scale = (DETAIL * IMAGE_SIDE as f32 / smallest).min(1.0);
        if let Some(last) = last {
            // Kept with half the room and a little less detail than a new window gets.
            let [x0, y0, x1, y1] = bounds(MOTION / 2.0);
            let (kept, _) = last.scale();
            if last.holds(x0, y0, x1, y1)
                && kept >= scale / KEEP_SCALE.sqrt()
                && kept <= scale * KEEP_SCALE
            {
                return last;
            }
        }
        let [x0, y0, x1, y1] = bounds(MOTION);
        let (x0, y0) = (x0.floor() as usize, y0.floor() as usize);
        let (x1, y1) = (x1.ceil() as usize, y1.ceil() as usize);
        if x1 <= x0 || y1 <= y0 {
            return Window::whole(width, height);
        }
        Window::region(x0, y0, x1, y1, scale)
    }

    /// The window of a `width × height` video frame to look for faces in: the whole frame,
    /// shrunk to [`DETECT_SIDE`] pixels on its longer side (a photo is read whole).
    pub fn window_to_detect(&self, width: usize, height: usize) -> Window {
        Window::shrunk(width, height, DETECT_SIDE)
    }

    /// [`Self::detect`] on the pixels of `window` (an image read in part or shrunk): the
    /// faces in the image's pixels.
    pub async fn detect_in(
        &self,
        pixels: &RgbaImage<'_>,
        window: &Window,
    ) -> Result<(Vec<Face>, PipelineTimings), FaceError> {
        let (faces, timings) = self.detect(pixels).await?;
        Ok((
            faces.iter().map(|f| window.face_to_image(f)).collect(),
            timings,
        ))
    }

    /// [`Self::track`] on the pixels of `window` (see [`Self::window_to_follow`]):
    /// `previous` and the faces followed in the image's pixels.
    pub async fn track_in(
        &self,
        pixels: &RgbaImage<'_>,
        window: &Window,
        previous: &[Face],
    ) -> Result<(Vec<Face>, PipelineTimings), FaceError> {
        let inside: Vec<Face> = previous.iter().map(|f| window.face_to_window(f)).collect();
        let (faces, timings) = self.track(pixels, &inside).await?;
        Ok((
            faces.iter().map(|f| window.face_to_image(f)).collect(),
            timings,
        ))
    }

    /// Crops, predicts and maps back the faces framed by `views`.
    async fn keypoints(
        &self,
        image: &RgbaImage<'_>,
        squares: Vec<(View, f32)>,
    ) -> Result<(Vec<Face>, PipelineTimings), FaceError> {
        let mut timings = PipelineTimings::default();
        if squares.is_empty() {
            return Ok((Vec::new(), timings));
        }
        let t = Instant::now();
        let mut crops = FaceSet::default();
        for (i, (square, _)) in squares.iter().enumerate() {
            crops.push(
                i as u32,
                &crop_gray(image, *square),
                &[f32::NAN; NUM_COORDS],
            );
        }
        timings.crop_ms = ms_since(t);
        let t = Instant::now();
        let coords = self.predict_framed(&crops).await?;
        timings.predict_ms = ms_since(t);
        let faces = squares
            .iter()
            .zip(coords.chunks(NUM_COORDS))
            .map(|(&(crop, score), c)| Face {
                bbox: self.crop_rule.box_of(crop.square),
                score,
                roll: crop.angle,
                points: std::array::from_fn(|k| {
                    let (x, y) = crop.to_image(IMAGE_SIDE, c[2 * k], c[2 * k + 1]);
                    [x, y]
                }),
            })
            .collect();
        Ok((faces, timings))
    }

    /// Keypoints (96×96 pixels, `faces.len() × 30`) of ready 96×96 grayscale faces: the
    /// model file's own output, as `facepoints predict` gives it.
    pub async fn predict_crops(&self, faces: &FaceSet) -> Result<Vec<f32>, FaceError> {
        Ok(self.models.predict_as_saved(faces, CROP_BATCH).await?)
    }

    /// Keypoints of the crops the pipeline made: [`Self::predict_crops`], or with
    /// [`FacePipeline::flip`] the mean of each face's and its mirror image's.
    async fn predict_framed(&self, faces: &FaceSet) -> Result<Vec<f32>, FaceError> {
        let flip = self.flip || self.models.flip();
        Ok(self.models.predict(faces, CROP_BATCH, flip).await?)
    }
}

/// The 96×96 8-bit grayscale resampling of `view` (edges repeated outside the image, as
/// the training faces were padded).
pub fn crop_gray(image: &RgbaImage, view: View) -> [u8; IMAGE_PIXELS] {
    let rgb = sample_view(image, view, IMAGE_SIDE, Outside::Edge);
    let mut out = [0u8; IMAGE_PIXELS];
    for (o, p) in out.iter_mut().zip(rgb) {
        *o = luma(p).round().clamp(0.0, 255.0) as u8;
    }
    out
}
