//! Training: settings, the masked loss, the loop and its events.

pub mod ablation;
pub mod config;
pub mod early_stopping;
pub mod events;
pub mod init;
pub mod loss;
pub mod search;
pub mod summary;
pub mod trainer;

pub use config::{LabelPolicy, LrSchedule, OptimizerSpec, TrainingConfig};
pub use early_stopping::EarlyStopping;
pub use events::{ScoredFace, TrainError, TrainEvent};
pub use init::InitialWeights;
pub use search::{MAX_TRIALS, SearchSpace, describe_trial};
pub use summary::record_outcome;
pub use trainer::{
    EpochRecord, Flow, RunControl, Trained, Uninterrupted, optimizer, train, train_controlled,
    train_step,
};
