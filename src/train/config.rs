//! `TrainingConfig`: everything a training run needs, as data (it nests the model config).

use burn::config::Config;
use serde::{Deserialize, Serialize};

use crate::augment::{AugmentConfig, AugmentMode};
use crate::model::ModelConfig;

/// The optimizer and its settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OptimizerSpec {
    /// Adam.
    Adam {
        /// First-moment decay.
        beta_1: f32,
        /// Second-moment decay.
        beta_2: f32,
    },
    /// Stochastic gradient descent with (optionally Nesterov) momentum.
    Sgd {
        /// Momentum factor.
        momentum: f64,
        /// Nesterov momentum.
        nesterov: bool,
    },
}

impl Default for OptimizerSpec {
    fn default() -> Self {
        OptimizerSpec::Adam {
            beta_1: 0.9,
            beta_2: 0.999,
        }
    }
}

/// How the learning rate changes over epochs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LrSchedule {
    /// The same rate throughout.
    #[default]
    Constant,
    /// Multiply by `gamma` every `every` epochs.
    Step {
        /// Epochs between decays.
        every: usize,
        /// Decay factor.
        gamma: f64,
    },
    /// Cosine decay from the base rate to `min_lr` over the run.
    Cosine {
        /// Rate at the last epoch.
        min_lr: f64,
    },
}

impl LrSchedule {
    /// The rate for 0-based `epoch` of `epochs`.
    pub fn rate(&self, base: f64, epoch: usize, epochs: usize) -> f64 {
        match *self {
            LrSchedule::Constant => base,
            LrSchedule::Step { every, gamma } => base * gamma.powi((epoch / every.max(1)) as i32),
            LrSchedule::Cosine { min_lr } => {
                let t = epoch as f64 / (epochs.max(2) - 1) as f64;
                min_lr + (base - min_lr) * 0.5 * (1.0 + (std::f64::consts::PI * t).cos())
            }
        }
    }
}

/// Which rows train the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LabelPolicy {
    /// Every row; missing coordinates are masked out of the loss.
    #[default]
    Masked,
    /// Only rows with all 30 coordinates (what the study did).
    CompleteOnly,
}

/// A training run.
#[derive(Config, Debug)]
pub struct TrainingConfig {
    /// The network.
    pub model: ModelConfig,
    /// The optimizer.
    #[config(default = "OptimizerSpec::default()")]
    pub optimizer: OptimizerSpec,
    /// Base learning rate.
    #[config(default = 1e-3)]
    pub learning_rate: f64,
    /// Learning-rate schedule.
    #[config(default = "LrSchedule::default()")]
    pub schedule: LrSchedule,
    /// Faces per step.
    #[config(default = 32)]
    pub batch_size: usize,
    /// Most epochs to run.
    #[config(default = 30)]
    pub epochs: usize,
    /// Stop after this many epochs without a validation improvement (0: never stop early).
    #[config(default = 5)]
    pub patience: usize,
    /// Smallest RMSE drop (pixels) that counts as an improvement.
    #[config(default = 0.0)]
    pub min_delta: f64,
    /// Which rows train.
    #[config(default = "LabelPolicy::default()")]
    pub labels: LabelPolicy,
    /// Augmentation of the training faces (none: train on the originals only).
    #[config(default = "None")]
    pub augment: Option<AugmentConfig>,
    /// How augmented faces enter each epoch.
    #[config(default = "AugmentMode::Multiplier { k: 1 }")]
    pub augment_mode: AugmentMode,
    /// Read the loss back every this many batches for progress (0: only per epoch).
    #[config(default = 10)]
    pub log_every: usize,
    /// Stop after the epoch that passes this many seconds of wall time (none: no limit).
    #[config(default = "None")]
    pub time_budget_secs: Option<f64>,
    /// Seed for initialisation, shuffling and dropout.
    #[config(default = 42)]
    pub seed: u64,
}

impl TrainingConfig {
    /// Checks the settings before a run starts.
    pub fn validate(&self) -> Result<(), String> {
        self.model.validate()?;
        if self.batch_size == 0 {
            return Err("batch size must be at least 1".into());
        }
        if self.epochs == 0 {
            return Err("epochs must be at least 1".into());
        }
        if let Some(augment) = &self.augment {
            augment.validate()?;
        }
        if self.augment_mode == (AugmentMode::Multiplier { k: 0 }) && self.augment.is_some() {
            return Err("an augmentation multiplier needs k ≥ 1".into());
        }
        if !(self.learning_rate.is_finite() && self.learning_rate > 0.0) {
            return Err(format!(
                "learning rate {} must be positive",
                self.learning_rate
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules() {
        assert_eq!(LrSchedule::Constant.rate(0.1, 5, 10), 0.1);
        let step = LrSchedule::Step {
            every: 2,
            gamma: 0.5,
        };
        assert_eq!(step.rate(1.0, 3, 10), 0.5);
        assert_eq!(step.rate(1.0, 4, 10), 0.25);
        let cos = LrSchedule::Cosine { min_lr: 0.0 };
        assert!((cos.rate(1.0, 0, 11) - 1.0).abs() < 1e-12);
        assert!((cos.rate(1.0, 5, 11) - 0.5).abs() < 1e-12);
        assert!(cos.rate(1.0, 10, 11).abs() < 1e-12);
    }

    #[test]
    fn round_trips_json() {
        let config = TrainingConfig::new(ModelConfig::preset("model3").unwrap())
            .with_optimizer(OptimizerSpec::Sgd {
                momentum: 0.9,
                nesterov: true,
            })
            .with_schedule(LrSchedule::Step {
                every: 3,
                gamma: 0.1,
            });
        let json = serde_json::to_string(&config).unwrap();
        let back: TrainingConfig = serde_json::from_str(&json).unwrap();
        assert_eq!(back.optimizer, config.optimizer);
        assert_eq!(back.schedule, config.schedule);
        assert_eq!(back.model, config.model);
        config.validate().unwrap();
        assert!(config.with_batch_size(0).validate().is_err());
    }
}
