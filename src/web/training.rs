//! The studio's training, for the page's training worker: the CLI's training loop
//! (`train_controlled`) on faces handed over from the data worker, with every event passed
//! to a JS callback and a JS control asked after each batch (pause, resume, stop), and the
//! result as the CLI's `.fpk` bytes.

use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::options::TrainOptions;
use super::{backend, js_err, to_js};
use crate::data::FaceSet;
use crate::model::{Features, KeypointCnn, LayerSpec, ModelConfig};
use crate::model_file::{CheckpointMeta, save_to_bytes_async};
use crate::train::search::{OptimizerChoice, ScheduleChoice};
use crate::train::{
    Flow, InitialWeights, RunControl, TrainEvent, TrainingConfig, record_outcome, train_controlled,
};

/// Asks the page's control function after every batch: it resolves to `"stop"` to end the
/// run, anything else to go on, and simply does not resolve while the run is paused.
/// Awaiting it is also what lets the worker's event loop take messages during a run.
/// `"panic:<message>"` makes the engine panic there: how the tests check that a run whose
/// engine fails keeps its best weights. Each improvement is sent to `on_checkpoint` as the
/// `.fpk` bytes of the best weights so far.
struct JsControl {
    control: Function,
    on_checkpoint: Function,
    meta: CheckpointMeta,
}

impl RunControl for JsControl {
    async fn after_batch(&mut self) -> Flow {
        let answer = match self.control.call0(&JsValue::NULL) {
            Ok(value) => JsFuture::from(Promise::resolve(&value)).await,
            Err(e) => Err(e),
        };
        match answer.map(|value| value.as_string()) {
            Ok(Some(text)) if text == "stop" => Flow::Stop,
            Ok(Some(text)) if text.starts_with("panic:") => panic!("{}", &text[6..]),
            Ok(_) => Flow::Continue,
            // A control that fails stops the run: its best weights are still kept.
            Err(_) => Flow::Stop,
        }
    }

    async fn improved(&mut self, best: &KeypointCnn, epoch: usize, valid_rmse: f64) {
        record_outcome(&mut self.meta, epoch + 1, epoch, valid_rmse);
        // Best effort: a failed copy leaves the previous one, and the run goes on.
        if let Ok(bytes) = save_to_bytes_async(best.clone(), &self.meta).await {
            let _ = self.on_checkpoint.call3(
                &JsValue::NULL,
                &Uint8Array::from(&bytes[..]).into(),
                &epoch.into(),
                &valid_rmse.into(),
            );
        }
    }
}

/// A network's size before it is trained: parameters, the memory a training batch needs for
/// its activations (forward values and their gradients, `f32`), and the largest single
/// buffer one face needs (a layer's output, or a convolution's unfolded input), which a GPU
/// adapter's buffer limits bound per batch.
#[derive(Serialize)]
struct ModelSize {
    params: usize,
    layers: usize,
    activations_per_face: usize,
    batch_bytes: usize,
    largest_buffer_per_face: usize,
}

/// `{params, layers, activations_per_face, batch_bytes}` of a `ModelConfig` JSON (or a
/// preset name) at `batch` faces per step; an error names what is wrong with the network.
#[wasm_bindgen(js_name = modelSize)]
pub fn model_size(model: &str, batch: usize) -> Result<JsValue, JsValue> {
    let config = model_config(model)?;
    let shapes = config.shapes().map_err(js_err)?;
    let activations: usize = shapes.iter().map(|s| s.output.len()).sum::<usize>() + 96 * 96;
    let largest = shapes
        .iter()
        .map(|s| match (s.spec, s.output) {
            (LayerSpec::Conv { kernel, .. }, Features::Spatial { side, .. }) => {
                (kernel * kernel * s.input.channels() * side * side).max(s.output.len())
            }
            _ => s.output.len().max(s.input.len()),
        })
        .max()
        .unwrap_or(0);
    to_js(&ModelSize {
        params: config.keras_param_count(),
        layers: shapes.len(),
        activations_per_face: activations,
        batch_bytes: activations * batch * 4 * 2,
        largest_buffer_per_face: largest * 4,
    })
}

/// What the page's form chooses by name; the settings behind each name are the CLI's
/// (`facepoints train --optimizer`, `--schedule`), defined once in `train::search`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigOptions {
    /// A preset name (`model0`…`model3`) or a `ModelConfig` JSON.
    model: String,
    learning_rate: Option<f64>,
    optimizer: Option<OptimizerChoice>,
    schedule: Option<ScheduleChoice>,
}

/// The CLI's training settings for `{model, learning_rate?, optimizer?, schedule?}` (the
/// optimizer `adam` | `sgd` and schedule `constant` | `step` | `cosine` as `facepoints
/// train` sets them) with every other field at its default, as the JSON `facepoints train
/// --config` reads: the page starts from it and changes the numbers its form sets.
#[wasm_bindgen(js_name = trainingConfig)]
pub fn training_config(options: JsValue) -> Result<String, JsValue> {
    let options: ConfigOptions = serde_wasm_bindgen::from_value(options)
        .map_err(|e| js_err(format!("training settings: {e}")))?;
    let mut config = TrainingConfig::new(model_config(&options.model)?);
    if let Some(rate) = options.learning_rate {
        config.learning_rate = rate;
    }
    if let Some(optimizer) = options.optimizer {
        config.optimizer = optimizer.spec();
    }
    if let Some(schedule) = options.schedule {
        config.schedule = schedule.schedule(config.learning_rate);
    }
    serde_json::to_string(&config).map_err(js_err)
}

/// A preset name (`model0`…`model3`) or a `ModelConfig` JSON.
fn model_config(model: &str) -> Result<ModelConfig, JsValue> {
    ModelConfig::from_spec(model).map_err(js_err)
}

fn faces_of(all: &FaceSet, rows: &[u32]) -> Result<FaceSet, JsValue> {
    let rows: Vec<usize> = rows.iter().map(|&r| r as usize).collect();
    if let Some(&bad) = rows.iter().find(|&&r| r >= all.len()) {
        return Err(js_err(format!(
            "row {bad} is past the last face ({} faces)",
            all.len()
        )));
    }
    Ok(all.subset(&rows))
}

/// Trains as `facepoints train --config <config>` does, on the faces given by their parts,
/// split into the `train` / `valid` rows (`TrainOptions`). Resolves to `{checkpoint:
/// Uint8Array, best_epoch, best_rmse, epochs_run, stopped}`.
#[wasm_bindgen(js_name = trainModel)]
pub async fn train_model(options: TrainOptions) -> Result<JsValue, JsValue> {
    let (images, coords, ids) = (options.images(), options.coords(), options.ids());
    let (train_rows, valid_rows) = (options.train(), options.valid());
    let (split, data, config) = (options.split(), options.data(), options.config());
    let backend_name = options.backend();
    let (on_event, control, on_checkpoint) = (
        options.on_event(),
        options.control(),
        options.on_checkpoint(),
    );
    let mut config: TrainingConfig = crate::strict_json::from_str(&config)
        .map_err(|e| js_err(format!("training settings: {e}")))?;
    // A model to start from: the run trains on from its weights, with its architecture.
    if let Some(bytes) = options.init() {
        let from = config
            .init
            .take()
            .map_or_else(|| "the starting model".into(), |i| i.from);
        let init = InitialWeights::new(from, bytes);
        init.adopt(&mut config).map_err(js_err)?;
        config.init = Some(init);
    }
    config.validate().map_err(js_err)?;
    let all = super::dataset::Dataset::from_parts(images, coords, ids)
        .map_err(JsValue::from)?
        .into_faces();
    let (train_set, valid_set) = (faces_of(&all, &train_rows)?, faces_of(&all, &valid_rows)?);
    drop(all);
    let backend = backend(&backend_name).await.map_err(JsValue::from)?;
    let mut meta = config.checkpoint_meta(split, data).map_err(js_err)?;
    let mut control = JsControl {
        control,
        on_checkpoint,
        meta: meta.clone(),
    };
    let mut stopped = false;
    let mut event_error = None;
    let trained = train_controlled(
        &config,
        &train_set,
        &valid_set,
        &backend.device,
        &mut |event: &TrainEvent| {
            stopped |= matches!(event, TrainEvent::Stopped { .. });
            let sent = to_js(event).and_then(|e| on_event.call1(&JsValue::NULL, &e));
            if let Err(e) = sent {
                event_error.get_or_insert(e);
            }
        },
        &mut control,
    )
    .await
    .map_err(js_err)?;
    if let Some(e) = event_error {
        return Err(e);
    }
    record_outcome(
        &mut meta,
        trained.history.len(),
        trained.best_epoch,
        trained.best_rmse,
    );
    // Every weight read back asynchronously: no synchronous GPU read, in any engine.
    let bytes = save_to_bytes_async(trained.model, &meta)
        .await
        .map_err(js_err)?;
    let result = Object::new();
    let set = |key: &str, value: JsValue| Reflect::set(&result, &key.into(), &value);
    set("checkpoint", Uint8Array::from(&bytes[..]).into())?;
    set("best_epoch", trained.best_epoch.into())?;
    set("best_rmse", trained.best_rmse.into())?;
    set("epochs_run", trained.history.len().into())?;
    set("stopped", stopped.into())?;
    set("backend", backend.description.into())?;
    Ok(result.into())
}

/// What a `.fpk` file holds (its description as JSON: architecture, normalisation, training
/// summary; for an ensemble its members), after checking that every model loads: the
/// checkpoint's own message when one does not.
#[cfg(cpu_backend)]
#[wasm_bindgen(js_name = describeModel)]
pub fn describe_model(bytes: &[u8]) -> Result<String, JsError> {
    let models = crate::ensemble::Ensemble::from_bytes(bytes, &burn::tensor::Device::flex())
        .map_err(super::js_error)?;
    serde_json::to_string(&models.description()).map_err(super::js_error)
}
