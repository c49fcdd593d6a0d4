//! The training loop, written out: forward → masked loss → backward → optimizer step, then
//! validation RMSE, early stopping and best-weights restore. Async so the same code runs in a
//! browser; the GPU is read only through async readbacks.

use std::borrow::Cow;

use burn::module::Module;
use burn::optim::momentum::MomentumConfig;
use burn::optim::{AdamConfig, GradientsParams, ModuleOptimizer, SgdConfig};
use burn::prelude::*;
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};
use web_time::Instant;

use super::config::{LabelPolicy, OptimizerSpec, TrainingConfig};
use super::early_stopping::EarlyStopping;
use super::events::{ScoredFace, TrainError, TrainEvent};
use super::loss::masked_mse;
use crate::augment::{epoch_set, level};
use crate::batch::{FaceBatch, face_batch};
use crate::data::FaceSet;
use crate::eval::Rmse;
use crate::keypoints::NUM_COORDS;
use crate::model::KeypointCnn;
use crate::normalize::Normalization;
use crate::predict::{INFERENCE_BATCH, PredictError, predict};

/// One epoch of history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EpochRecord {
    /// Mean training loss (normalised units).
    pub train_loss: f32,
    /// Validation RMSE (pixels).
    pub valid_rmse: f64,
    /// Training throughput.
    pub images_per_sec: f64,
}

/// The outcome of a run: the best weights, in validation mode, and how they were reached.
pub struct Trained {
    /// The model at its best validation epoch.
    pub model: KeypointCnn,
    /// 0-based epoch of the kept weights.
    pub best_epoch: usize,
    /// Validation RMSE (pixels) of the kept weights.
    pub best_rmse: f64,
    /// Every epoch run.
    pub history: Vec<EpochRecord>,
}

/// One optimisation step on `batch`: forward → masked loss → backward → optimizer step.
/// Returns the updated model and the batch loss (detached, still on the device).
pub fn train_step(
    model: KeypointCnn,
    optim: &mut ModuleOptimizer,
    batch: FaceBatch,
    lr: f64,
) -> (KeypointCnn, Tensor<1>) {
    let pred = model.forward(batch.images); // [B, 30]
    let loss = masked_mse(pred, batch.targets, batch.mask); // [1]
    let value = loss.clone().detach();
    let grads = GradientsParams::from_grads(loss.backward(), &model);
    (optim.step(lr, model, grads), value)
}

/// The optimizer a spec describes.
pub fn optimizer(spec: &OptimizerSpec) -> ModuleOptimizer {
    match *spec {
        OptimizerSpec::Adam { beta_1, beta_2 } => AdamConfig::new()
            .with_beta_1(beta_1)
            .with_beta_2(beta_2)
            .init(),
        OptimizerSpec::Sgd { momentum, nesterov } => SgdConfig::new()
            .with_momentum(Some(
                MomentumConfig::new()
                    .with_momentum(momentum)
                    .with_dampening(0.0)
                    .with_nesterov(nesterov),
            ))
            .init(),
    }
}

/// Whether a run goes on after a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Next batch.
    Continue,
    /// Validate the model as it stands, keep the best weights and end the run.
    Stop,
}

/// Asked after every batch whether the run goes on. A run is paused by not answering until
/// it is resumed; in a browser, answering through the event loop is also what lets a
/// worker hear "pause" and "stop" while it trains.
pub trait RunControl {
    /// Resolves to what the run does next.
    fn after_batch(&mut self) -> impl Future<Output = Flow>;

    /// Called when epoch `epoch` has improved on every earlier one, with its weights (in
    /// validation mode) and validation RMSE: the page keeps a copy outside the engine, so a
    /// run whose engine fails (a lost GPU device) still leaves its best weights.
    fn improved(
        &mut self,
        _best: &KeypointCnn,
        _epoch: usize,
        _valid_rmse: f64,
    ) -> impl Future<Output = ()> {
        std::future::ready(())
    }
}

/// Runs to the end (the CLI).
pub struct Uninterrupted;

impl RunControl for Uninterrupted {
    async fn after_batch(&mut self) -> Flow {
        Flow::Continue
    }
}

fn device_error(e: impl std::fmt::Display) -> TrainError {
    TrainError::Device(format!("reading a result back failed: {e}"))
}

/// Trains `config.model` on `train_set`, validating on `valid_set` after every epoch.
///
/// `device` is a plain device (`Device::flex()`, a wgpu device…); gradients are taken on its
/// autodiff twin. Events go to `on_event` as they happen.
pub async fn train(
    config: &TrainingConfig,
    train_set: &FaceSet,
    valid_set: &FaceSet,
    device: &Device,
    on_event: &mut dyn FnMut(&TrainEvent),
) -> Result<Trained, TrainError> {
    train_controlled(
        config,
        train_set,
        valid_set,
        device,
        on_event,
        &mut Uninterrupted,
    )
    .await
}

/// [`train`], asking `control` after every batch whether to go on (see [`RunControl`]).
pub async fn train_controlled(
    config: &TrainingConfig,
    train_set: &FaceSet,
    valid_set: &FaceSet,
    device: &Device,
    on_event: &mut dyn FnMut(&TrainEvent),
    control: &mut impl RunControl,
) -> Result<Trained, TrainError> {
    config.validate()?;
    let norm = &config.normalization;
    let levelled;
    let (train_set, valid_set) = if config.level {
        levelled = (level(train_set), level(valid_set));
        (&levelled.0, &levelled.1)
    } else {
        (train_set, valid_set)
    };
    let base = train_set.subset(&usable_rows(train_set, config.labels));
    if base.is_empty() {
        return Err(TrainError::NoData(
            "no training face has the labels needed".into(),
        ));
    }
    if valid_set.labelled_coords() == 0 {
        return Err(TrainError::NoData(
            "the validation set has no labelled face".into(),
        ));
    }

    device.seed(config.seed);
    let autodiff = device.clone().autodiff();
    let mut model = match &config.init {
        Some(init) => init.model(config, &autodiff)?,
        None => config.model.init(&autodiff)?,
    };
    let mut optim = optimizer(&config.optimizer);
    let mut rng = StdRng::seed_from_u64(config.seed);
    let mut base_order: Vec<usize> = (0..base.len()).collect();
    let mut stopping = EarlyStopping::new(config.patience, config.min_delta);
    let mut history = Vec::new();
    let run_start = Instant::now();
    for epoch in 0..config.epochs {
        let lr = config
            .schedule
            .rate(config.learning_rate, epoch, config.epochs);
        // The faces of this epoch: the base set, or its augmented versions drawn afresh.
        let augmented = config
            .augment
            .as_ref()
            .map(|augment| epoch_set(&base, augment, config.augment_mode, config.seed, epoch));
        let (faces, order) = match &augmented {
            Some(faces) => {
                let mut order = usable_rows(faces, config.labels);
                order.shuffle(&mut rng);
                (faces, Cow::Owned(order))
            }
            None => {
                base_order.shuffle(&mut rng);
                (&base, Cow::Borrowed(&base_order))
            }
        };
        let start = Instant::now();
        let run = run_epoch(
            model, &mut optim, config, norm, faces, &order, epoch, lr, &autodiff, on_event, control,
        )
        .await?;
        model = run.model;
        let train_loss = run.train_loss;
        let images_per_sec = run.images as f64 / start.elapsed().as_secs_f64();

        let candidate = model.valid();
        let (valid_rmse, detail) = validate(&candidate, valid_set, norm, device, epoch).await?;
        on_event(&detail);
        let improved = stopping.observe(epoch, valid_rmse, candidate.clone());
        if improved {
            control.improved(&candidate, epoch, valid_rmse).await;
        }
        history.push(EpochRecord {
            train_loss,
            valid_rmse,
            images_per_sec,
        });
        on_event(&TrainEvent::Epoch {
            epoch,
            train_loss,
            valid_rmse,
            learning_rate: lr,
            images_per_sec,
            improved,
        });
        if run.stopped {
            on_event(&TrainEvent::Stopped { epoch });
            break;
        }
        if stopping.should_stop() {
            let best_epoch = stopping.best_epoch().unwrap_or(epoch);
            on_event(&TrainEvent::EarlyStop { best_epoch });
            break;
        }
        if config
            .time_budget_secs
            .is_some_and(|budget| run_start.elapsed().as_secs_f64() >= budget)
        {
            break;
        }
    }
    let (best_epoch, best_rmse, model) = stopping
        .into_best()
        .ok_or_else(|| TrainError::NoData("no epoch ran".into()))?;
    Ok(Trained {
        model,
        best_epoch,
        best_rmse,
        history,
    })
}

/// The rows of `faces` that train under `labels`.
fn usable_rows(faces: &FaceSet, labels: LabelPolicy) -> Vec<usize> {
    (0..faces.len())
        .filter(|&i| match labels {
            LabelPolicy::Masked => faces.coords(i).iter().any(|v| !v.is_nan()),
            LabelPolicy::CompleteOnly => faces.is_complete(i),
        })
        .collect()
}

/// What one epoch's pass left.
struct EpochRun {
    model: KeypointCnn,
    /// Mean training loss over the batches run (`NaN` when stopped before the first).
    train_loss: f32,
    /// Faces stepped through.
    images: usize,
    /// Stopped from outside before the end.
    stopped: bool,
}

/// One pass over `order` (rows of `faces`) in batches, asking `control` after each; the
/// epoch's mean training loss must be finite.
#[allow(clippy::too_many_arguments)]
async fn run_epoch(
    mut model: KeypointCnn,
    optim: &mut ModuleOptimizer,
    config: &TrainingConfig,
    norm: &Normalization,
    faces: &FaceSet,
    order: &[usize],
    epoch: usize,
    lr: f64,
    autodiff: &Device,
    on_event: &mut dyn FnMut(&TrainEvent),
    control: &mut impl RunControl,
) -> Result<EpochRun, TrainError> {
    let batches = order.len().div_ceil(config.batch_size);
    let mut loss_sum: Option<Tensor<1>> = None;
    let mut seen = 0usize;
    let mut images = 0usize;
    let mut stopped = false;
    for (b, rows) in order.chunks(config.batch_size).enumerate() {
        if rows.len() < 2 && config.batch_size > 1 {
            continue; // batch statistics of a single face are meaningless
        }
        let batch = face_batch(faces, rows, norm, autodiff);
        let value;
        (model, value) = train_step(model, optim, batch, lr);
        loss_sum = Some(match loss_sum {
            Some(sum) => sum + value.clone(),
            None => value.clone(),
        });
        seen += 1;
        images += rows.len();
        let read = config.log_every > 0 && (b + 1) % config.log_every == 0;
        let loss = match read {
            true => Some(
                value
                    .into_scalar_async::<f32>()
                    .await
                    .map_err(device_error)?,
            ),
            false => None,
        };
        on_event(&TrainEvent::Batch {
            epoch,
            batch: b + 1,
            batches,
            loss,
        });
        if control.after_batch().await == Flow::Stop {
            stopped = true;
            break;
        }
    }
    let train_loss = match loss_sum {
        Some(sum) => sum.div_scalar(seen as f32).into_scalar_async::<f32>().await,
        None => Ok(f32::NAN),
    }
    .map_err(device_error)?;
    let nothing_run = stopped && seen == 0;
    if !(train_loss.is_finite() || nothing_run) {
        return Err(TrainError::NonFinite {
            what: "training loss",
            epoch,
            value: train_loss,
        });
    }
    Ok(EpochRun {
        model,
        train_loss,
        images,
        stopped,
    })
}

/// Validation RMSE (pixels) of `model` on `valid_set`, which must be finite, and its detail
/// (a `Validated` event).
async fn validate(
    model: &KeypointCnn,
    valid_set: &FaceSet,
    norm: &Normalization,
    device: &Device,
    epoch: usize,
) -> Result<(f64, TrainEvent), TrainError> {
    let preds = match predict(model, valid_set, norm, INFERENCE_BATCH, device).await {
        Ok(preds) => preds,
        // The run has diverged: its model no longer predicts numbers.
        Err(PredictError::NonFinite { value, .. }) => {
            return Err(TrainError::NonFinite {
                what: "validation prediction",
                epoch,
                value,
            });
        }
        Err(e) => return Err(TrainError::Device(e.to_string())),
    };
    let rmse = Rmse::score(&preds, valid_set).map_err(|e| TrainError::NoData(e.to_string()))?;
    let valid_rmse = rmse.overall;
    if !valid_rmse.is_finite() {
        return Err(TrainError::NonFinite {
            what: "validation RMSE",
            epoch,
            value: valid_rmse as f32,
        });
    }
    let (best, worst) = best_and_worst(&preds, valid_set);
    let detail = TrainEvent::Validated {
        epoch,
        per_keypoint: rmse.per_keypoint,
        best,
        worst,
    };
    Ok((valid_rmse, detail))
}

/// The validation faces with the lowest and the highest RMSE over their own labels (faces
/// without a label are skipped; the set has at least one labelled face).
fn best_and_worst(preds: &[f32], faces: &FaceSet) -> (ScoredFace, ScoredFace) {
    let scored = (0..faces.len()).filter_map(|i| {
        let (truth, pred) = (faces.coords(i), &preds[i * NUM_COORDS..][..NUM_COORDS]);
        let (sum, n) = truth
            .iter()
            .zip(pred)
            .filter(|(t, _)| !t.is_nan())
            .fold((0.0f64, 0usize), |(s, n), (&t, &p)| {
                (s + f64::from(p - t).powi(2), n + 1)
            });
        (n > 0).then(|| (i, (sum / n as f64).sqrt()))
    });
    let (mut best, mut worst) = ((0, f64::INFINITY), (0, f64::NEG_INFINITY));
    for (i, rmse) in scored {
        if rmse < best.1 {
            best = (i, rmse);
        }
        if rmse > worst.1 {
            worst = (i, rmse);
        }
    }
    let face = |(row, rmse): (usize, f64)| ScoredFace {
        row,
        rmse,
        image: faces.image(row).to_vec(),
        truth: faces.coords(row).to_vec(),
        predicted: preds[row * NUM_COORDS..][..NUM_COORDS].to_vec(),
    };
    (face(best), face(worst))
}
