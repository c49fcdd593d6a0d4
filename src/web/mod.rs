//! The wasm-bindgen boundary, thin on purpose: `Facepoints` owns a [`FacePipeline`] and
//! only converts arguments and results. Errors cross as JS `Error`s; panics are logged
//! with their message (console_error_panic_hook) and the page shows them.

use std::rc::Rc;

use js_sys::Promise;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_time::Instant;

use crate::backend::Backend;
use crate::data::FaceSet;
use crate::face::{Face, FacePipeline, FaceView, PipelineTimings};
use crate::image::RgbaImage;
use crate::keypoints::{IMAGE_PIXELS, NUM_COORDS, NUM_KEYPOINTS};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[cfg(gpu_backend)]
thread_local! {
    /// The WebGPU device: set up once per worker.
    static WEBGPU: std::cell::RefCell<Option<Backend>> = const { std::cell::RefCell::new(None) };
}

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

async fn backend(name: &str) -> Result<Backend, JsError> {
    match name {
        #[cfg(cpu_backend)]
        "cpu" => Ok(Backend::flex()),
        #[cfg(gpu_backend)]
        "webgpu" => {
            if let Some(b) = WEBGPU.with(|w| w.borrow().clone()) {
                return Ok(b);
            }
            let b = Backend::wgpu_async()
                .await
                .map_err(|e| JsError::new(&e.to_string()))?;
            WEBGPU.with(|w| *w.borrow_mut() = Some(b.clone()));
            Ok(b)
        }
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
    timings: PipelineTimings,
    /// Milliseconds of the whole call inside the engine (stages plus the rest).
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
        timings,
        engine_ms: start.elapsed().as_secs_f64() * 1000.0,
    })
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()).into())
}

fn js_err(message: String) -> JsValue {
    JsError::new(&message).into()
}

#[wasm_bindgen]
impl Facepoints {
    /// Loads a `.fpk` keypoint model on `backend` ("cpu" or "webgpu") and warms it up with
    /// one detection on a blank frame, so the first real call is not the slow one.
    pub async fn create(model: Vec<u8>, backend_name: String) -> Result<Facepoints, JsError> {
        let backend = backend(&backend_name).await?;
        let pipeline =
            FacePipeline::new(&backend.device, &model).map_err(|e| JsError::new(&e.to_string()))?;
        let blank = vec![0u8; 128 * 128 * 4];
        let image = RgbaImage::new(128, 128, &blank).map_err(|e| JsError::new(&e.to_string()))?;
        pipeline
            .detect(&image)
            .await
            .map_err(|e| JsError::new(&e.to_string()))?;
        let meta =
            serde_json::to_string(pipeline.meta()).map_err(|e| JsError::new(&e.to_string()))?;
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

    /// Faces in an RGBA image → `{faces: [{box, score, keypoints}], timings}` in canvas
    /// coordinates.
    pub fn detect(&self, rgba: Vec<u8>, width: usize, height: usize) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let start = Instant::now();
            let image = RgbaImage::new(width, height, &rgba).map_err(|e| js_err(e.to_string()))?;
            let (faces, timings) = inner
                .detect(&image)
                .await
                .map_err(|e| js_err(e.to_string()))?;
            found(&faces, timings, start)
        })
    }

    /// Re-crops faces from their previous keypoints (`points`: 30 numbers per face, x/y in
    /// Kaggle order, canvas coordinates; `scores`: one per face) and predicts again,
    /// without the detector.
    pub fn track(
        &self,
        rgba: Vec<u8>,
        width: usize,
        height: usize,
        points: Vec<f32>,
        scores: Vec<f32>,
    ) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            if points.len() != scores.len() * NUM_COORDS {
                return Err(js_err(format!(
                    "track needs 30 coordinates per face: got {} for {} faces",
                    points.len(),
                    scores.len()
                )));
            }
            let previous: Vec<_> = points
                .chunks(NUM_COORDS)
                .zip(&scores)
                .map(|(c, &s)| {
                    let p: [[f32; 2]; NUM_KEYPOINTS] =
                        std::array::from_fn(|k| [c[2 * k] - 0.5, c[2 * k + 1] - 0.5]);
                    (p, s)
                })
                .collect();
            let image = RgbaImage::new(width, height, &rgba).map_err(|e| js_err(e.to_string()))?;
            let start = Instant::now();
            let (faces, timings) = inner
                .track(&image, &previous)
                .await
                .map_err(|e| js_err(e.to_string()))?;
            found(&faces, timings, start)
        })
    }

    /// Keypoints of ready 96×96 grayscale faces (`gray`: 9,216 bytes per face) → 30
    /// numbers per face, in 96×96 pixels.
    #[wasm_bindgen(js_name = predictFaces)]
    pub fn predict_faces(&self, gray: Vec<u8>) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            if gray.is_empty() || !gray.len().is_multiple_of(IMAGE_PIXELS) {
                return Err(js_err(format!(
                    "faces must be 96×96 grayscale (9,216 bytes each); got {} bytes",
                    gray.len()
                )));
            }
            let mut faces = FaceSet::default();
            for (i, image) in gray.chunks(IMAGE_PIXELS).enumerate() {
                faces.push(i as u32, image, &[f32::NAN; NUM_COORDS]);
            }
            let coords = inner
                .predict_crops(&faces)
                .await
                .map_err(|e| js_err(e.to_string()))?;
            Ok(js_sys::Float32Array::from(coords.as_slice()).into())
        })
    }
}

/// Augmented faces per second through the study's default pipeline, single-threaded, in this
/// wasm (the native figure is `cargo bench --bench augment`). `gray`: 9,216 bytes per face;
/// `coords`: 30 per face; every face is augmented `rounds` times.
#[wasm_bindgen(js_name = augmentBenchmark)]
pub fn augment_benchmark(gray: Vec<u8>, coords: Vec<f32>, rounds: usize) -> Result<f64, JsError> {
    use rand::SeedableRng;
    let n = gray.len() / IMAGE_PIXELS;
    if n == 0 || gray.len() != n * IMAGE_PIXELS || coords.len() != n * NUM_COORDS {
        return Err(JsError::new(
            "augmentBenchmark needs 9,216 pixels and 30 coordinates per face",
        ));
    }
    let config = crate::augment::AugmentConfig::default();
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    let start = Instant::now();
    let mut checksum = 0usize;
    for _ in 0..rounds.max(1) {
        for (image, c) in gray.chunks(IMAGE_PIXELS).zip(coords.chunks(NUM_COORDS)) {
            checksum += usize::from(crate::augment::augment(&config, image, c, &mut rng).0[0]);
        }
    }
    std::hint::black_box(checksum);
    Ok((n * rounds.max(1)) as f64 / start.elapsed().as_secs_f64())
}

/// Panics with `message`. The page's tests use it to check that an engine crash is shown with
/// its message and that the detector starts again.
#[wasm_bindgen(js_name = panicForTesting)]
pub fn panic_for_testing(message: String) {
    panic!("{message}");
}
