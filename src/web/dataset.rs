//! The studio's data side, for the page's data worker: the CSV parser fed chunk by chunk
//! (`CsvLoader`, the same `FaceReader` the CLI reads files with), and the loaded faces
//! (`Dataset`): counts, faces for the explorer, the split the CLI would make, and augmented
//! previews drawn with the training pipeline itself.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(cpu_backend)]
use super::options::EvaluateOptions;
use super::options::{AugmentOptions, KnnOptions, SAFE_INTEGER, whole};
use super::{js_err, js_error, to_js};
use crate::augment::AugmentConfig;
use crate::augment::preview::variants;
use crate::data::groups::read_person_groups;
use crate::data::{FaceFilter, FaceReader, FaceSet, holdout};
use crate::keypoints::{IMAGE_PIXELS, KEYPOINT_NAMES, NUM_COORDS};
use crate::model::knn::search_k;

/// Parses a Kaggle CSV pushed in chunks of plain text (the page decompresses gzip with
/// `DecompressionStream` first). Errors are the CLI's: row, line and column.
#[wasm_bindgen]
pub struct CsvLoader {
    reader: Option<FaceReader>,
}

#[wasm_bindgen]
impl CsvLoader {
    /// `size_hint`: the text's length in bytes when known (a plain file's size), else 0; it
    /// lets the loader reserve the faces' memory once.
    #[wasm_bindgen(constructor)]
    pub fn new(size_hint: f64) -> CsvLoader {
        CsvLoader {
            reader: Some(FaceReader::new(size_hint.max(0.0) as u64)),
        }
    }

    /// Parses the lines `chunk` completes.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsError> {
        self.reader()?.push(chunk).map_err(js_error)
    }

    /// Faces read so far.
    #[wasm_bindgen(getter)]
    pub fn faces(&self) -> usize {
        self.reader.as_ref().map_or(0, FaceReader::faces)
    }

    /// The end of the input: the faces, or what is wrong with the file's end.
    pub fn finish(&mut self) -> Result<Dataset, JsError> {
        let reader = self.reader.take().ok_or_else(finished)?;
        let faces = reader.finish().map_err(js_error)?;
        if faces.is_empty() {
            return Err(JsError::new("the file has a header but no faces"));
        }
        Ok(Dataset {
            faces,
            groups: None,
        })
    }

    fn reader(&mut self) -> Result<&mut FaceReader, JsError> {
        self.reader.as_mut().ok_or_else(finished)
    }
}

fn finished() -> JsError {
    JsError::new("this loader has already finished")
}

/// The study's augmentation settings (the CLI's `--augment` defaults), as JSON.
#[wasm_bindgen(js_name = defaultAugmentConfig)]
pub fn default_augment_config() -> Result<String, JsError> {
    serde_json::to_string(&AugmentConfig::default()).map_err(js_error)
}

/// Augmentation settings imported from a file, read as `facepoints train --augment-config`
/// reads them (a field the settings do not have, or a value out of range, refused by name),
/// given back whole as JSON.
#[wasm_bindgen(js_name = checkAugmentConfig)]
pub fn check_augment_config(json: &str) -> Result<String, JsError> {
    let config: AugmentConfig = crate::strict_json::from_str(json).map_err(js_error)?;
    config.validate().map_err(js_error)?;
    serde_json::to_string(&config).map_err(js_error)
}

/// Loaded faces, with the people they show when a `meta.csv` says so.
#[wasm_bindgen]
pub struct Dataset {
    faces: FaceSet,
    groups: Option<Vec<String>>,
}

/// What the explorer shows first.
#[derive(Serialize)]
struct Stats {
    rows: usize,
    complete: usize,
    /// Faces labelling each keypoint (both coordinates), Kaggle order.
    per_keypoint: Vec<usize>,
    names: Vec<&'static str>,
    pixel_bytes: usize,
}

/// How the CLI's `train` would hold out validation faces, as numbers and as its sentence.
#[derive(Serialize)]
struct SplitView {
    kind: String,
    train: Vec<u32>,
    valid: Vec<u32>,
    info: String,
}

fn rows(list: &[usize]) -> Vec<u32> {
    list.iter().map(|&r| r as u32).collect()
}

#[wasm_bindgen]
impl Dataset {
    /// Number of faces.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.faces.len()
    }

    /// `{rows, complete, per_keypoint, names, pixel_bytes}`.
    pub fn stats(&self) -> Result<JsValue, JsValue> {
        let counts = self.faces.label_counts();
        to_js(&Stats {
            rows: counts.rows,
            complete: counts.complete,
            per_keypoint: counts.per_keypoint,
            names: KEYPOINT_NAMES.to_vec(),
            pixel_bytes: self.faces.images.len(),
        })
    }

    /// The rows a filter keeps: `all`, `complete`, `partial`, or `missing` (rows without
    /// keypoint `keypoint`, 0-based Kaggle order).
    pub fn filter(&self, kind: &str, keypoint: usize) -> Result<Vec<u32>, JsError> {
        let filter = FaceFilter::named(kind, keypoint).map_err(|e| JsError::new(&e))?;
        Ok(rows(&self.faces.rows_where(filter)))
    }

    #[wasm_bindgen(js_name = imagesOf)]
    pub fn images_of(&self, rows: Vec<u32>) -> Result<Vec<u8>, JsError> {
        let mut out = Vec::with_capacity(rows.len() * IMAGE_PIXELS);
        for r in rows {
            out.extend_from_slice(self.faces.image(self.row(r)?));
        }
        Ok(out)
    }

    /// The 30 coordinates of each of `rows` (`NaN`: missing).
    #[wasm_bindgen(js_name = coordsOf)]
    pub fn coords_of(&self, rows: Vec<u32>) -> Result<Vec<f32>, JsError> {
        let mut out = Vec::with_capacity(rows.len() * NUM_COORDS);
        for r in rows {
            out.extend_from_slice(self.faces.coords(self.row(r)?));
        }
        Ok(out)
    }

    /// Every face's pixels (for the training worker).
    pub fn images(&self) -> Vec<u8> {
        self.faces.images.clone()
    }

    /// Every face's coordinates.
    pub fn coords(&self) -> Vec<f32> {
        self.faces.coords.clone()
    }

    /// Every face's id (`ImageId`, else its row number).
    pub fn ids(&self) -> Vec<u32> {
        self.faces.ids.clone()
    }

    /// The people of the faces from a `meta.csv` (plain text; the page decompresses gzip):
    /// its `training` rows, one per face. Returns how many people there are.
    #[wasm_bindgen(js_name = setPeople)]
    pub fn set_people(&mut self, meta_csv: &[u8]) -> Result<usize, JsError> {
        let groups = read_person_groups(meta_csv, "training")
            .map_err(|e| JsError::new(&format!("meta.csv: {e}")))?;
        if groups.len() != self.faces.len() {
            return Err(JsError::new(&format!(
                "meta.csv names {} training rows, the faces file has {}",
                groups.len(),
                self.faces.len()
            )));
        }
        let mut people: Vec<&String> = groups.iter().collect();
        people.sort();
        people.dedup();
        let count = people.len();
        self.groups = Some(groups);
        Ok(count)
    }

    /// The split the CLI's `train` makes with the same settings: by person when the people
    /// are known, else by row. `{kind, train, valid, info}`.
    pub fn split(&self, fraction: f64, seed: u64) -> Result<JsValue, JsValue> {
        let split =
            holdout(self.faces.len(), self.groups.as_deref(), fraction, seed).map_err(js_err)?;
        to_js(&SplitView {
            kind: split.info.kind.clone(),
            train: rows(&split.train),
            valid: rows(&split.valid),
            info: split.info.to_string(),
        })
    }

    /// Augmented variants of a face through the training pipeline (`AugmentOptions`, the
    /// config an `AugmentConfig` JSON); variant `v` is drawn from the seed and `v` alone, so a
    /// re-roll with the same seed shows the same faces: `[{image, coords, steps, kinds,
    /// pushed_out, flipped}]`.
    pub fn augment(&self, options: AugmentOptions) -> Result<JsValue, JsValue> {
        let config: AugmentConfig = crate::strict_json::from_str(&options.config())
            .map_err(|e| js_err(format!("augmentation settings: {e}")))?;
        config
            .validate()
            .map_err(|e| js_err(format!("augmentation settings: {e}")))?;
        let row = whole(options.row(), u32::MAX as f64, "the face's row")?;
        let row = self.row(row as u32).map_err(JsValue::from)?;
        let seed = whole(options.seed(), SAFE_INTEGER, "the seed")?;
        let count = whole(options.count(), SAFE_INTEGER, "the count")?;
        let (image, coords) = (self.faces.image(row), self.faces.coords(row));
        to_js(&variants(&config, image, coords, seed, count as usize))
    }

    /// The study's KNN baseline for every k of `ks`: each validation face gets the mean
    /// keypoints of its k nearest training faces (pixel distance), as `facepoints knn` and
    /// `report` search it. Resolves to `[{k, rmse: {overall, per_keypoint, count}}]` in the
    /// order of `ks`.
    #[wasm_bindgen(js_name = knnSearch)]
    pub fn knn_search(&self, options: KnnOptions) -> Result<JsValue, JsValue> {
        let (train, valid) = (self.pick(&options.train())?, self.pick(&options.valid())?);
        let ks: Vec<usize> = options.ks().into_iter().map(|k| k as usize).collect();
        to_js(&search_k(&train, &valid, &ks).map_err(js_err)?)
    }

    fn pick(&self, rows: &[u32]) -> Result<FaceSet, JsValue> {
        let rows = rows
            .iter()
            .map(|&r| self.row(r).map_err(JsValue::from))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(self.faces.subset(&rows))
    }

    fn row(&self, r: u32) -> Result<usize, JsError> {
        let r = r as usize;
        if r >= self.faces.len() {
            return Err(JsError::new(&format!(
                "row {r} is past the last face ({} faces)",
                self.faces.len()
            )));
        }
        Ok(r)
    }
}

/// Scoring models needs the CPU backend (the data worker's engine).
#[cfg(cpu_backend)]
#[wasm_bindgen]
impl Dataset {
    /// A model file's (one model or an ensemble) predictions for the faces at the rows
    /// (`EvaluateOptions`), scored against their labels, as `facepoints eval` scores them:
    /// resolves to `{predictions: Float32Array (30 per face, pixels), rmse: {overall,
    /// per_keypoint, count}}`. `flip`: add the test-time flip (an ensemble saved with one uses
    /// it anyway).
    pub async fn evaluate(&self, options: EvaluateOptions) -> Result<JsValue, JsValue> {
        let (model, flip) = (options.model(), options.flip());
        let faces = self.pick(&options.rows())?;
        let models = crate::ensemble::Ensemble::from_bytes(&model, &burn::tensor::Device::flex())
            .map_err(js_err)?;
        let predictions = models
            .predict(
                &faces,
                crate::predict::INFERENCE_BATCH,
                flip || models.flip(),
            )
            .await
            .map_err(js_err)?;
        let rmse = crate::eval::Rmse::score(&predictions, &faces).map_err(js_err)?;
        let result = js_sys::Object::new();
        js_sys::Reflect::set(
            &result,
            &"predictions".into(),
            &js_sys::Float32Array::from(predictions.as_slice()).into(),
        )?;
        js_sys::Reflect::set(&result, &"rmse".into(), &to_js(&rmse)?)?;
        Ok(result.into())
    }
}

impl Dataset {
    /// Faces from their parts, as `images()`, `coords()` and `ids()` give them.
    pub(crate) fn from_parts(
        images: Vec<u8>,
        coords: Vec<f32>,
        ids: Vec<u32>,
    ) -> Result<Dataset, JsError> {
        let n = ids.len();
        if images.len() != n * IMAGE_PIXELS || coords.len() != n * NUM_COORDS {
            return Err(JsError::new(&format!(
                "a dataset of {n} faces needs {} pixels and {} coordinates: got {} and {}",
                n * IMAGE_PIXELS,
                n * NUM_COORDS,
                images.len(),
                coords.len()
            )));
        }
        Ok(Dataset {
            faces: FaceSet {
                ids,
                images,
                coords,
            },
            groups: None,
        })
    }

    /// The faces themselves (for the training side).
    pub(crate) fn into_faces(self) -> FaceSet {
        self.faces
    }
}
