//! The page's own faces as Kaggle training rows (their CSV export and their fine-tuning):
//! the same rows `facepoints crops` writes ([`kaggle_row`]).

use wasm_bindgen::prelude::*;

use crate::face::{CropRule, FaceView, kaggle_header, kaggle_row};
use crate::image::{RgbaImage, Square};
use crate::keypoints::{IMAGE_SIDE, NUM_COORDS, NUM_KEYPOINTS, nme_labelled, point_errors};

use super::js_error;

/// training.csv's header line (no line break).
#[wasm_bindgen(js_name = kaggleHeader)]
pub fn header() -> String {
    kaggle_header()
}

/// One training.csv row (no line break) of a face in an RGBA frame: `face_box` is the box
/// and roll the page got with the face (`x, y, width, height, roll°`), which name the crop
/// its keypoints were predicted in; `coords` are 30 canvas coordinates (x, y in Kaggle
/// order), NaN for a keypoint not visible.
#[wasm_bindgen(js_name = kaggleRow)]
pub fn row(
    rgba: &[u8],
    width: u32,
    height: u32,
    face_box: &[f32],
    coords: &[f32],
) -> Result<String, JsError> {
    let image = RgbaImage::new(width as usize, height as usize, rgba).map_err(js_error)?;
    let [x, y, w, h, roll] = face_box else {
        return Err(js_error(format!(
            "a face's box is 5 numbers (x, y, width, height, roll): got {}",
            face_box.len()
        )));
    };
    if !face_box.iter().all(|v| v.is_finite()) || *w <= 0.0 || *h <= 0.0 {
        return Err(js_error(format!(
            "a face's box needs finite numbers and a positive size: got {face_box:?}"
        )));
    }
    if coords.len() != NUM_COORDS {
        return Err(js_error(format!(
            "a face has {NUM_COORDS} keypoint coordinates: got {}",
            coords.len()
        )));
    }
    let face = FaceView::face_from_canvas([*x, *y, *w, *h], 1.0, *roll, coords);
    // The pipeline's crop rule (FacePipeline::crop_of).
    let view = CropRule::default().view(&face.bbox, face.roll);
    Ok(kaggle_row(&image, view, &face.points))
}

/// The box and roll (`x, y, width, height, roll°`) of the face a 96×96 Kaggle face is, as a
/// frame of its own: the box whose crop is the whole face (the inverse of `kaggleRow`'s
/// framing), so an imported training face is labelled and exported like a captured one.
#[wasm_bindgen(js_name = kaggleFaceBox)]
pub fn kaggle_face_box() -> Vec<f32> {
    let side = IMAGE_SIDE as f32;
    let b = CropRule::default().box_of(Square {
        x0: 0.0,
        y0: 0.0,
        side,
    });
    vec![b.x0, b.y0, b.width(), b.height(), 0.0]
}

/// How far `predicted` is from `truth` (30 coordinates each, NaN for a keypoint not
/// labelled), as `facepoints bench-e2e` scores: `{nme, points}` (the NME over the keypoints
/// both have; each keypoint's distance over the outer eye corners' distance, NaN where
/// absent), or `undefined` when `truth` lacks an outer eye corner.
#[wasm_bindgen(js_name = labelledErrors)]
pub fn labelled_errors(predicted: &[f32], truth: &[f32]) -> Result<JsValue, JsError> {
    let points = |coords: &[f32], what: &str| -> Result<[[f32; 2]; NUM_KEYPOINTS], JsError> {
        if coords.len() != NUM_COORDS {
            return Err(js_error(format!(
                "{what} has {NUM_COORDS} coordinates: got {}",
                coords.len()
            )));
        }
        Ok(std::array::from_fn(|k| [coords[2 * k], coords[2 * k + 1]]))
    };
    let (predicted, truth) = (
        points(predicted, "the prediction")?,
        points(truth, "the label")?,
    );
    let (Some(nme), Some(errors)) = (
        nme_labelled(&predicted, &truth),
        point_errors(&predicted, &truth),
    ) else {
        return Ok(JsValue::UNDEFINED);
    };
    let out = js_sys::Object::new();
    let set = |key: &str, value: JsValue| js_sys::Reflect::set(&out, &key.into(), &value);
    set("nme", nme.into())
        .and_then(|_| set("points", js_sys::Float32Array::from(&errors[..]).into()))
        .map_err(|_| js_error("could not build the result"))?;
    Ok(out.into())
}
