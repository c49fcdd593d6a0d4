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
    /// Training stopped early: no improvement for `patience` epochs.
    EarlyStop {
        /// The epoch whose weights are kept.
        best_epoch: usize,
    },
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
}
