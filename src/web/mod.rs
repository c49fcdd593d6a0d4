//! The wasm-bindgen boundary, thin on purpose: `Facepoints` owns a [`FacePipeline`] and
//! only converts arguments and results. Errors cross as JS `Error`s; a panic's message is
//! kept for `lastPanic()` (see `diagnostics`), and the page shows it.

mod dataset;
mod diagnostics;
mod experiments;
mod labelled;
mod options;
mod threads;
mod training;

use std::rc::Rc;

use js_sys::Promise;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_time::Instant;

use self::options::{CreateOptions, Frame, Region, Tracked};
use crate::backend::Backend;
use crate::data::FaceSet;
use crate::detect::DetectorWeights;
use crate::face::{Face, FacePipeline, FaceView, PipelineTimings, Window};
use crate::image::RgbaImage;
use crate::keypoints::{KEYPOINT_NAMES, NUM_COORDS};

/// The backends this engine has (a page loads the CPU engine or the GPU engine).
#[wasm_bindgen(js_name = engineBackends)]
pub fn engine_backends() -> Vec<String> {
    let mut names = Vec::new();
    if cfg!(cpu_backend) {
        names.push("cpu".to_string());
    }
    if cfg!(gpu_backend) {
        names.push("webgpu".to_string());
    }
    names
}

/// The 15 keypoints' names in Kaggle column order: the page's one source for them.
#[wasm_bindgen(js_name = keypointNames)]
pub fn keypoint_names() -> Vec<String> {
    KEYPOINT_NAMES.iter().map(|name| name.to_string()).collect()
}

async fn backend(name: &str) -> Result<Backend, JsError> {
    match name {
        #[cfg(cpu_backend)]
        "cpu" => Ok(Backend::flex()),
        #[cfg(gpu_backend)]
        "webgpu" => Backend::webgpu().await.map_err(js_error),
        #[cfg(not(cpu_backend))]
        "cpu" => Err(not_in_engine(name)),
        #[cfg(not(gpu_backend))]
        "webgpu" => Err(not_in_engine(name)),
        other => Err(JsError::new(&format!(
            "unknown backend \"{other}\" (expected \"cpu\" or \"webgpu\")"
        ))),
    }
}

#[cfg(not(all(cpu_backend, gpu_backend)))]
fn not_in_engine(name: &str) -> JsError {
    JsError::new(&format!(
        "this engine has no \"{name}\" backend (it has: {})",
        engine_backends().join(", ")
    ))
}

/// What `detect` and `track` resolve to.
#[derive(Serialize)]
struct Found {
    faces: Vec<FaceView>,
    timings: CallTimings,
}

/// The stages' milliseconds and the whole call's inside the engine (the worker adds its own).
#[derive(Serialize)]
struct CallTimings {
    #[serde(flatten)]
    stages: PipelineTimings,
    engine_ms: f64,
}

/// Face detection and keypoints on one backend.
#[wasm_bindgen]
pub struct Facepoints {
    inner: Rc<FacePipeline>,
    backend: String,
    model: String,
}

/// The faces as the page API gives them, with the stage timings and the engine's own time.
fn found(faces: &[Face], timings: PipelineTimings, start: Instant) -> Result<JsValue, JsValue> {
    to_js(&Found {
        faces: faces.iter().map(FaceView::from).collect(),
        timings: CallTimings {
            stages: timings,
            engine_ms: start.elapsed().as_secs_f64() * 1000.0,
        },
    })
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()).into())
}

/// An error as a JS `Error`.
fn js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// An error as the JS `Error` a promise rejects with.
fn js_err(e: impl std::fmt::Display) -> JsValue {
    js_error(e).into()
}

/// A frame's pixels and the window of the image they are.
struct Pixels {
    rgba: Vec<u8>,
    width: usize,
    height: usize,
    window: Window,
}

impl Pixels {
    fn from_frame(frame: &Frame) -> Result<Self, JsError> {
        let (rgba, width, height) = (
            frame.rgba(),
            frame.width() as usize,
            frame.height() as usize,
        );
        let region = frame.window();
        let window = if region.is_undefined() || region.is_null() {
            Window::whole(width, height)
        } else {
            let region: Region = serde_wasm_bindgen::from_value(region)
                .map_err(|e| js_error(format!("frame.window: {e}")))?;
            region.window(width, height).map_err(js_error)?
        };
        Ok(Pixels {
            rgba,
            width,
            height,
            window,
        })
    }

    fn image(&self) -> Result<RgbaImage<'_>, JsValue> {
        RgbaImage::new(self.width, self.height, &self.rgba).map_err(js_err)
    }
}

/// The faces `track` and `windowToFollow` are given, as [`Face`]s.
fn tracked_faces(previous: &Tracked) -> Result<Vec<Face>, JsError> {
    let (boxes, points, scores) = (previous.boxes(), previous.points(), previous.scores());
    let n = scores.len();
    if points.len() != n * NUM_COORDS || boxes.len() != n * 5 {
        return Err(js_error(format!(
            "track needs 5 box numbers (x, y, width, height, roll) and 30 coordinates per face: got {} and {} for {n} faces",
            boxes.len(),
            points.len(),
        )));
    }
    Ok((0..n)
        .map(|i| {
            let b = &boxes[5 * i..5 * i + 5];
            FaceView::face_from_canvas(
                [b[0], b[1], b[2], b[3]],
                scores[i],
                b[4],
                &points[i * NUM_COORDS..][..NUM_COORDS],
            )
        })
        .collect())
}

#[wasm_bindgen]
impl Facepoints {
    /// Loads a `.fpk` keypoint model and the face detector's weights (`CreateOptions`) on a
    /// backend and warms them up with one detection on a blank frame, so the first real call
    /// is not the slow one.
    pub async fn create(options: CreateOptions) -> Result<Facepoints, JsError> {
        let detector = DetectorWeights::from_file_bytes(&options.detector()).map_err(js_error)?;
        let backend = backend(&options.backend()).await?;
        let pipeline =
            FacePipeline::new(&backend.device, &options.model(), &detector).map_err(js_error)?;
        pipeline.warm_up().await.map_err(js_error)?;
        let meta = serde_json::to_string(&pipeline.description()).map_err(js_error)?;
        Ok(Facepoints {
            inner: Rc::new(pipeline),
            backend: backend.description,
            model: meta,
        })
    }

    /// The backend and adapter, e.g. `flex (CPU)`.
    #[wasm_bindgen(getter)]
    pub fn backend(&self) -> String {
        self.backend.clone()
    }

    /// The model's description (JSON: architecture, normalisation, training summary).
    #[wasm_bindgen(getter)]
    pub fn model(&self) -> String {
        self.model.clone()
    }

    /// Faces in an RGBA frame → `{faces: [{box, score, keypoints}], timings}` in canvas
    /// coordinates (of the larger image when the frame is a `window` of one).
    pub fn detect(&self, frame: Frame) -> Result<Promise, JsError> {
        let inner = self.inner.clone();
        let pixels = Pixels::from_frame(&frame)?;
        Ok(future_to_promise(async move {
            let start = Instant::now();
            let image = pixels.image()?;
            let (faces, timings) = inner
                .detect_in(&image, &pixels.window)
                .await
                .map_err(js_err)?;
            found(&faces, timings, start)
        }))
    }

    /// Re-crops the `previous` faces (`Tracked`, as `detect` gave them) from their keypoints
    /// in a new frame and predicts again, without the detector.
    pub fn track(&self, frame: Frame, previous: Tracked) -> Result<Promise, JsError> {
        let inner = self.inner.clone();
        let pixels = Pixels::from_frame(&frame)?;
        let previous = tracked_faces(&previous)?;
        Ok(future_to_promise(async move {
            let image = pixels.image()?;
            let start = Instant::now();
            let (faces, timings) = inner
                .track_in(&image, &pixels.window, &previous)
                .await
                .map_err(js_err)?;
            found(&faces, timings, start)
        }))
    }

    /// The region of a `width × height` frame that `track` needs to follow `previous` into
    /// it, and the size to read it at (`Window`); `last`, the window read for the frame
    /// before, is kept while it still serves, so a still face is read the same way.
    #[wasm_bindgen(js_name = windowToFollow)]
    pub fn window_to_follow(
        &self,
        previous: Tracked,
        width: u32,
        height: u32,
        last: JsValue,
    ) -> Result<JsValue, JsError> {
        let previous = tracked_faces(&previous)?;
        let last: Option<Window> = serde_wasm_bindgen::from_value(last)
            .map_err(|e| js_error(format!("the last window: {e}")))?;
        let window = self
            .inner
            .window_to_follow(&previous, width as usize, height as usize, last);
        to_js(&window).map_err(|_| js_error("the window could not be returned"))
    }

    /// The window of a `width × height` video frame to look for faces in (`Window`): the
    /// frame, shrunk to what the detector needs.
    #[wasm_bindgen(js_name = windowToDetect)]
    pub fn window_to_detect(&self, width: u32, height: u32) -> Result<JsValue, JsError> {
        let window = self.inner.window_to_detect(width as usize, height as usize);
        to_js(&window).map_err(|_| js_error("the window could not be returned"))
    }

    /// Keypoints of ready 96×96 grayscale faces (`gray`: 9,216 bytes per face) → 30
    /// numbers per face, in 96×96 pixels.
    #[wasm_bindgen(js_name = predictFaces)]
    pub fn predict_faces(&self, gray: Vec<u8>) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let faces = FaceSet::from_images(&gray).map_err(js_err)?;
            let coords = inner.predict_crops(&faces).await.map_err(js_err)?;
            Ok(js_sys::Float32Array::from(coords.as_slice()).into())
        })
    }
}
