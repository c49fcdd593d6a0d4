//! Training: settings, the masked loss, the loop and its events.

pub mod config;
pub mod events;
pub mod loss;
pub mod trainer;

pub use config::{LabelPolicy, LrSchedule, OptimizerSpec, TrainingConfig};
pub use events::{TrainError, TrainEvent};
pub use trainer::{EpochRecord, Trained, optimizer, train, train_step};
