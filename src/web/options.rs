//! The option objects of the JS API, in one place: every call that takes more than two
//! arguments takes one object instead, typed in the generated `facepoints.d.ts` (the
//! interfaces below) and read here through getters, so large arrays cross the boundary in
//! one copy. A missing or mistyped field fails in wasm-bindgen's glue with the field's type.

use js_sys::{Function, Uint8Array};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::face::Window;

#[wasm_bindgen(typescript_custom_section)]
const OPTIONS: &str = r#"
/** What `Facepoints.create` loads. */
export interface CreateOptions {
  /** A `.fpk` keypoint model file (one model or an ensemble). */
  model: Uint8Array;
  /** The bytes of `www/models/detectors.bin`: the face detector's weights. */
  detector: Uint8Array;
  backend: "cpu" | "webgpu";
}
/** An image's RGBA pixels, row by row. */
export interface Frame {
  rgba: Uint8Array;
  width: number;
  height: number;
  /** Where these pixels lie in a larger image (they are its region `x, y, width, height`,
   *  read at this frame's size): faces go in and come back in that image's pixels. Absent:
   *  the pixels are the whole image. */
  window?: Region;
}
/** A region of an image, in its pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** A region and the size to read it at (`windowToFollow`, `windowToDetect`). */
export interface Window extends Region {
  readWidth: number;
  readHeight: number;
}
/** The faces `track` follows, in canvas coordinates, per face: 5 box numbers (x, y, width,
 *  height, roll in degrees), 30 keypoint coordinates (x/y in Kaggle order) and a score. */
export interface Tracked {
  boxes: Float32Array;
  points: Float32Array;
  scores: Float32Array;
}
/** What `trainModel` trains on and how (the faces by their parts, as `Dataset` gives them). */
export interface TrainOptions {
  /** 9,216 bytes (96×96 grayscale) per face. */
  images: Uint8Array;
  /** 30 coordinates per face (x/y in Kaggle order, NaN where missing). */
  coords: Float32Array;
  ids: Uint32Array;
  /** The rows that train and the rows that validate. */
  train: Uint32Array;
  valid: Uint32Array;
  /** The split in words, kept in the model file. */
  split: string;
  /** What the data is (its sha256), kept in the model file. */
  data: string;
  /** The `TrainingConfig` JSON that `facepoints train --config` reads (its `init.from` names
   *  the model to start from, when `init` is given). */
  config: string;
  /** A model file (`.fpk`) to start from: the run trains on from its weights, with its
   *  architecture and scaling (fine-tuning); absent: random weights. */
  init?: Uint8Array;
  backend: "cpu" | "webgpu";
  /** Called with each `TrainEvent`. */
  onEvent: (event: object) => void;
  /** Asked after every batch: resolves to "stop" to end the run; does not resolve while paused. */
  control: () => unknown;
  /** Called with the best weights so far (`.fpk` bytes), the epoch and its validation RMSE. */
  onCheckpoint: (checkpoint: Uint8Array, epoch: number, rmse: number) => void;
}
/** `Dataset.augment`: `count` variants of face `row`, drawn with `seed`. */
export interface AugmentOptions {
  row: number;
  /** The `AugmentConfig` JSON. */
  config: string;
  seed: number;
  count: number;
}
/** `Dataset.knnSearch`: the rows that train, the rows scored, the values of k. */
export interface KnnOptions {
  train: Uint32Array;
  valid: Uint32Array;
  ks: Uint32Array;
}
/** `Dataset.evaluate`: a `.fpk` scored on `rows`, with or without the test-time flip. */
export interface EvaluateOptions {
  model: Uint8Array;
  rows: Uint32Array;
  flip: boolean;
}
/** `ensembleFile`: the members (`.fpk` files) and what the ensemble file says of itself. */
export interface EnsembleOptions {
  members: Uint8Array[];
  flip: boolean;
  /** NaN: not scored. */
  validRmse: number;
  split: string;
}
/** `searchTrials`: the search space and base settings (JSON), the seed, how many trials. */
export interface TrialsOptions {
  space: string;
  base: string;
  seed: number;
  trials: number;
}
/** `submissionCsv`: the model, Kaggle's test.csv and IdLookupTable.csv (plain or gzip). */
export interface SubmissionOptions {
  model: Uint8Array;
  test: Uint8Array;
  lookup: Uint8Array;
}
/** `augmentBenchmark`: faces (9,216 bytes and 30 coordinates each), augmented `rounds` times. */
export interface BenchmarkOptions {
  gray: Uint8Array;
  coords: Float32Array;
  rounds: number;
}
"#;

/// `Frame.window`: where a frame's pixels lie in a larger image.
#[derive(Debug, Deserialize)]
pub struct Region {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Region {
    /// The window these `read_width × read_height` pixels are, or why the region is not one.
    pub fn window(&self, read_width: usize, read_height: usize) -> Result<Window, String> {
        let ok = [self.x, self.y].iter().all(|v| v.is_finite())
            && [self.width, self.height]
                .iter()
                .all(|v| v.is_finite() && *v > 0.0);
        if !ok {
            return Err(format!(
                "frame.window needs a finite x and y and a positive width and height: got {self:?}"
            ));
        }
        Ok(Window {
            x: self.x,
            y: self.y,
            width: self.width,
            height: self.height,
            read_width,
            read_height,
        })
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "CreateOptions")]
    pub type CreateOptions;
    #[wasm_bindgen(method, getter)]
    pub fn model(this: &CreateOptions) -> Vec<u8>;
    #[wasm_bindgen(method, getter)]
    pub fn detector(this: &CreateOptions) -> Vec<u8>;
    #[wasm_bindgen(method, getter)]
    pub fn backend(this: &CreateOptions) -> String;

    #[wasm_bindgen(typescript_type = "Frame")]
    pub type Frame;
    #[wasm_bindgen(method, getter)]
    pub fn rgba(this: &Frame) -> Vec<u8>;
    #[wasm_bindgen(method, getter)]
    pub fn width(this: &Frame) -> f64;
    #[wasm_bindgen(method, getter)]
    pub fn height(this: &Frame) -> f64;
    #[wasm_bindgen(method, getter)]
    pub fn window(this: &Frame) -> JsValue;

    #[wasm_bindgen(typescript_type = "Tracked")]
    pub type Tracked;
    #[wasm_bindgen(method, getter)]
    pub fn boxes(this: &Tracked) -> Vec<f32>;
    #[wasm_bindgen(method, getter)]
    pub fn points(this: &Tracked) -> Vec<f32>;
    #[wasm_bindgen(method, getter)]
    pub fn scores(this: &Tracked) -> Vec<f32>;

    #[wasm_bindgen(typescript_type = "TrainOptions")]
    pub type TrainOptions;
    #[wasm_bindgen(method, getter)]
    pub fn images(this: &TrainOptions) -> Vec<u8>;
    #[wasm_bindgen(method, getter)]
    pub fn coords(this: &TrainOptions) -> Vec<f32>;
    #[wasm_bindgen(method, getter)]
    pub fn ids(this: &TrainOptions) -> Vec<u32>;
    #[wasm_bindgen(method, getter)]
    pub fn train(this: &TrainOptions) -> Vec<u32>;
    #[wasm_bindgen(method, getter)]
    pub fn valid(this: &TrainOptions) -> Vec<u32>;
    #[wasm_bindgen(method, getter)]
    pub fn split(this: &TrainOptions) -> String;
    #[wasm_bindgen(method, getter)]
    pub fn data(this: &TrainOptions) -> String;
    #[wasm_bindgen(method, getter)]
    pub fn config(this: &TrainOptions) -> String;
    #[wasm_bindgen(method, getter)]
    pub fn init(this: &TrainOptions) -> Option<Vec<u8>>;
    #[wasm_bindgen(method, getter)]
    pub fn backend(this: &TrainOptions) -> String;
    #[wasm_bindgen(method, getter, js_name = onEvent)]
    pub fn on_event(this: &TrainOptions) -> Function;
    #[wasm_bindgen(method, getter)]
    pub fn control(this: &TrainOptions) -> Function;
    #[wasm_bindgen(method, getter, js_name = onCheckpoint)]
    pub fn on_checkpoint(this: &TrainOptions) -> Function;

    #[wasm_bindgen(typescript_type = "AugmentOptions")]
    pub type AugmentOptions;
    #[wasm_bindgen(method, getter)]
    pub fn row(this: &AugmentOptions) -> f64;
    #[wasm_bindgen(method, getter)]
    pub fn config(this: &AugmentOptions) -> String;
    #[wasm_bindgen(method, getter)]
    pub fn seed(this: &AugmentOptions) -> f64;
    #[wasm_bindgen(method, getter)]
    pub fn count(this: &AugmentOptions) -> f64;

    #[wasm_bindgen(typescript_type = "KnnOptions")]
    pub type KnnOptions;
    #[wasm_bindgen(method, getter)]
    pub fn train(this: &KnnOptions) -> Vec<u32>;
    #[wasm_bindgen(method, getter)]
    pub fn valid(this: &KnnOptions) -> Vec<u32>;
    #[wasm_bindgen(method, getter)]
    pub fn ks(this: &KnnOptions) -> Vec<u32>;

    #[wasm_bindgen(typescript_type = "EvaluateOptions")]
    pub type EvaluateOptions;
    #[wasm_bindgen(method, getter)]
    pub fn model(this: &EvaluateOptions) -> Vec<u8>;
    #[wasm_bindgen(method, getter)]
    pub fn rows(this: &EvaluateOptions) -> Vec<u32>;
    #[wasm_bindgen(method, getter)]
    pub fn flip(this: &EvaluateOptions) -> bool;

    #[wasm_bindgen(typescript_type = "EnsembleOptions")]
    pub type EnsembleOptions;
    #[wasm_bindgen(method, getter)]
    pub fn members(this: &EnsembleOptions) -> Vec<Uint8Array>;
    #[wasm_bindgen(method, getter)]
    pub fn flip(this: &EnsembleOptions) -> bool;
    #[wasm_bindgen(method, getter, js_name = validRmse)]
    pub fn valid_rmse(this: &EnsembleOptions) -> f64;
    #[wasm_bindgen(method, getter)]
    pub fn split(this: &EnsembleOptions) -> String;

    #[wasm_bindgen(typescript_type = "TrialsOptions")]
    pub type TrialsOptions;
    #[wasm_bindgen(method, getter)]
    pub fn space(this: &TrialsOptions) -> String;
    #[wasm_bindgen(method, getter)]
    pub fn base(this: &TrialsOptions) -> String;
    #[wasm_bindgen(method, getter)]
    pub fn seed(this: &TrialsOptions) -> f64;
    #[wasm_bindgen(method, getter)]
    pub fn trials(this: &TrialsOptions) -> f64;

    #[wasm_bindgen(typescript_type = "SubmissionOptions")]
    pub type SubmissionOptions;
    #[wasm_bindgen(method, getter)]
    pub fn model(this: &SubmissionOptions) -> Vec<u8>;
    #[wasm_bindgen(method, getter)]
    pub fn test(this: &SubmissionOptions) -> Vec<u8>;
    #[wasm_bindgen(method, getter)]
    pub fn lookup(this: &SubmissionOptions) -> Vec<u8>;

    #[wasm_bindgen(typescript_type = "BenchmarkOptions")]
    pub type BenchmarkOptions;
    #[wasm_bindgen(method, getter)]
    pub fn gray(this: &BenchmarkOptions) -> Vec<u8>;
    #[wasm_bindgen(method, getter)]
    pub fn coords(this: &BenchmarkOptions) -> Vec<f32>;
    #[wasm_bindgen(method, getter)]
    pub fn rounds(this: &BenchmarkOptions) -> f64;
}

/// A whole number in `0..=max` from a JS number, or what is wrong with it (`what` names it).
pub fn whole(value: f64, max: f64, what: &str) -> Result<u64, JsError> {
    if value >= 0.0 && value.fract() == 0.0 && value <= max {
        Ok(value as u64)
    } else {
        Err(JsError::new(&format!(
            "{what} must be a whole number from 0 to {max}, not {value}"
        )))
    }
}

/// The largest integer a JS number holds exactly (2^53).
pub const SAFE_INTEGER: f64 = 9_007_199_254_740_992.0;
