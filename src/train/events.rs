//! Progress events a training run reports, and its error.

use serde::{Deserialize, Serialize};

/// What a training run reports as it goes. It never touches a terminal or a page itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TrainEvent {
    /// A batch has been stepped.
    Batch {
        /// 0-based epoch.
        epoch: usize,
        /// 1-based batch within the epoch.
        batch: usize,
        /// Batches per epoch.
        batches: usize,
        /// The batch loss (normalised units), when it was read back this batch.
        loss: Option<f32>,
    },
    /// An epoch has ended and been validated.
    Epoch {
        /// 0-based epoch.
        epoch: usize,
        /// Mean training loss over the epoch (normalised units).
        train_loss: f32,
        /// Validation RMSE in pixels.
        valid_rmse: f64,
        /// Learning rate used.
        learning_rate: f64,
        /// Training images per second this epoch (validation excluded).
        images_per_sec: f64,
        /// Whether this epoch is the best so far.
        improved: bool,
    },
    /// An epoch's validation in detail (sent just before its `Epoch` event).
    Validated {
        /// 0-based epoch.
        epoch: usize,
        /// RMSE per keypoint in pixels, `None` when no validation face labels it.
        per_keypoint: Vec<Option<f64>>,
        /// The validation face predicted best (lowest RMSE over its labels).
        best: ScoredFace,
        /// The validation face predicted worst.
        worst: ScoredFace,
    },
    /// The run was stopped from outside (between two batches); the epoch it was in was
    /// validated as it stood.
    Stopped {
        /// 0-based epoch it stopped in.
        epoch: usize,
    },
    /// Training stopped early: no improvement for `patience` epochs.
    EarlyStop {
        /// The epoch whose weights are kept.
        best_epoch: usize,
    },
}

/// One validation face with its labels and the model's prediction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredFace {
    /// Row in the validation set.
    pub row: usize,
    /// RMSE over its labelled coordinates, pixels.
    pub rmse: f64,
    /// The 96×96 face as the model saw it (levelled when the run levels faces).
    pub image: Vec<u8>,
    /// Its 30 labelled coordinates (`NaN`: missing), pixels.
    pub truth: Vec<f32>,
    /// The 30 predicted coordinates, pixels.
    pub predicted: Vec<f32>,
}

/// Why a training run failed.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// The settings are unusable.
    #[error("invalid training settings: {0}")]
    Config(#[from] crate::model::ConfigError),
    /// A side of the split has nothing to use.
    #[error("{0}")]
    NoData(String),
    /// The loss (or the validation error) became NaN or infinite.
    #[error(
        "the {what} became {value} at epoch {}: lower the learning rate or check the data",
        epoch + 1
    )]
    NonFinite {
        /// `training loss` or `validation RMSE`.
        what: &'static str,
        /// 0-based epoch.
        epoch: usize,
        /// The value read.
        value: f32,
    },
    /// The device failed to run or read back.
    #[error("the device failed: {0}")]
    Device(String),
    /// The weights to start from are unusable (`TrainingConfig::init`): which and why.
    #[error("the initial weights {0}")]
    Init(String),
}
