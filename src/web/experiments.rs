//! The studio's experiments, for the page's workers: ensembles saved as one model file, the
//! trials of a hyper-parameter search, the variants of an ablation and a Kaggle submission,
//! each computed as the CLI computes it.

use wasm_bindgen::prelude::*;

use js_sys::Uint8Array;

use super::js_error;
#[cfg(cpu_backend)]
use super::options::SubmissionOptions;
use super::options::{EnsembleOptions, SAFE_INTEGER, TrialsOptions, whole};
use crate::augment::AugmentConfig;
use crate::model_file::{EnsembleInfo, ensemble_to_bytes};
use crate::train::{MAX_TRIALS, SearchSpace, TrainingConfig, describe_trial};

/// One model file holding every model of the members (`EnsembleOptions`: each a `.fpk`,
/// single or ensemble), as `facepoints ensemble` writes it: `flip` saves the test-time flip
/// with it; `validRmse` (NaN: not scored) and `split` say how it scored.
#[wasm_bindgen(js_name = ensembleFile)]
pub fn ensemble_file(options: EnsembleOptions) -> Result<Vec<u8>, JsError> {
    let files: Vec<Vec<u8>> = options.members().iter().map(Uint8Array::to_vec).collect();
    let slices: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
    let valid_rmse = options.valid_rmse();
    let info = EnsembleInfo {
        flip: options.flip(),
        valid_rmse: valid_rmse.is_finite().then_some(valid_rmse),
        split: options.split(),
    };
    ensemble_to_bytes(&slices, &info).map_err(js_error)
}

/// The study's own results: `[{model, augmented, rmse}]`, the reference column.
#[wasm_bindgen(js_name = studyResults)]
pub fn study_results() -> Result<String, JsError> {
    serde_json::to_string(&crate::study::STUDY_RESULTS).map_err(js_error)
}

/// The values of k the study's table tries (`facepoints report`'s default `--k`).
#[wasm_bindgen(js_name = studyKs)]
pub fn study_ks() -> Vec<u32> {
    crate::model::knn::STUDY_KS.map(|k| k as u32).to_vec()
}

/// An ablation's table from `[[variant, [rmse per seed]]]` (`NaN`: a failed run): `[{name,
/// rmses, mean, sd, delta, verdict}]`, as `facepoints ablate` prints it.
#[wasm_bindgen(js_name = ablationTable)]
pub fn ablation_table(results: JsValue) -> Result<JsValue, JsValue> {
    let results: Vec<(String, Vec<f64>)> = serde_wasm_bindgen::from_value(results)
        .map_err(|e| js_error(format!("ablation results: {e}")))?;
    super::to_js(&crate::train::ablation::ablation_table(&results))
}

/// A trial's settings and their description.
#[derive(serde::Serialize)]
struct Named<T> {
    config: T,
    label: String,
}

/// One variant of an ablation.
#[derive(serde::Serialize)]
struct Variant {
    name: String,
    augment: Option<AugmentConfig>,
}

/// The built-in search space, as the JSON `facepoints search --space` reads.
#[wasm_bindgen(js_name = defaultSearchSpace)]
pub fn default_search_space() -> Result<String, JsError> {
    serde_json::to_string_pretty(&SearchSpace::default()).map_err(js_error)
}

/// The trials `facepoints search --space <space> --search-seed <seed> --trials <trials>`
/// draws from the base settings (`TrialsOptions`: the space and the base a `SearchSpace` and a
/// `TrainingConfig` JSON): `[{config, label}]`, where `config` is a `TrainingConfig` JSON and
/// `label` its drawn settings in words.
#[wasm_bindgen(js_name = searchTrials)]
pub fn search_trials(options: TrialsOptions) -> Result<String, JsError> {
    let space: SearchSpace = serde_json::from_str(&options.space())
        .map_err(|e| js_error(format!("search space: {e}")))?;
    let base: TrainingConfig = crate::strict_json::from_str(&options.base())
        .map_err(|e| js_error(format!("training settings: {e}")))?;
    let seed = whole(options.seed(), SAFE_INTEGER, "the seed")?;
    let n = whole(options.trials(), MAX_TRIALS as f64, "the number of trials")? as usize;
    let trials = space.trials(&base, seed, n).map_err(js_error)?;
    // Serialised as they are (an f32 through `serde_json::Value` would print as its f64).
    let out: Vec<Named<&TrainingConfig>> = trials
        .iter()
        .map(|t| Named {
            label: describe_trial(t),
            config: t,
        })
        .collect();
    serde_json::to_string(&out).map_err(js_error)
}

/// The ablation's variants of an `AugmentConfig` JSON, as `facepoints ablate` trains them:
/// `[{name, augment}]` (`augment` null for "none").
#[wasm_bindgen(js_name = ablationVariants)]
pub fn ablation_variants(augment: &str) -> Result<String, JsError> {
    let pipeline: AugmentConfig = crate::strict_json::from_str(augment)
        .map_err(|e| js_error(format!("augmentation: {e}")))?;
    pipeline.validate().map_err(js_error)?;
    let out: Vec<Variant> = pipeline
        .ablation()
        .into_iter()
        .map(|(name, augment)| Variant { name, augment })
        .collect();
    serde_json::to_string(&out).map_err(js_error)
}

/// `submission.csv`, as `facepoints submit` writes it (byte for byte), from
/// `SubmissionOptions`: `model` (a `.fpk`, single or ensemble) predicts every face of `test`
/// (Kaggle's `test.csv`, plain or gzip), written in the order of `lookup`
/// (`IdLookupTable.csv`, plain or gzip). Errors name the file and, for a CSV, the row and
/// column.
#[cfg(cpu_backend)]
#[wasm_bindgen(js_name = submissionCsv)]
pub async fn submission_csv(options: SubmissionOptions) -> Result<Vec<u8>, JsError> {
    let (model, test, lookup) = (options.model(), options.test(), options.lookup());
    use crate::data::submission::{by_image_id, write_submission};
    let models = crate::ensemble::Ensemble::from_bytes(&model, &burn::tensor::Device::flex())
        .map_err(|e| js_error(format!("the model: {e}")))?
        .portable();
    let faces =
        crate::data::read_test_faces(&test[..]).map_err(|e| js_error(format!("test.csv: {e}")))?;
    let predictions = models
        .predict_as_saved(&faces, crate::predict::INFERENCE_BATCH)
        .await
        .map_err(|e| js_error(format!("test.csv: {e}")))?;
    let by_id = by_image_id(&faces.ids, &predictions).map_err(|id| {
        js_error(format!(
            "test.csv: ImageId {id} appears twice: a submission could not tell the two apart"
        ))
    })?;
    let mut out = Vec::new();
    write_submission(&lookup[..], &by_id, &mut out)
        .map_err(|e| js_error(format!("IdLookupTable.csv: {e}")))?;
    Ok(out)
}
