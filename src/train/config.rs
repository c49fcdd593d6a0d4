//! `TrainingConfig`: everything a training run needs, as data (it nests the model config).

use burn::config::Config;
use serde::{Deserialize, Serialize};

use crate::augment::{AugmentConfig, AugmentMode};
use crate::model::{ConfigError, ModelConfig};
use crate::normalize::Normalization;

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
    /// Level every face (training and validation) by its eye line before anything else, as
    /// the photo pipeline levels faces before cropping (`augment::level`).
    #[config(default = false)]
    pub level: bool,
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
    /// How pixels and coordinates are scaled for the network (saved with the model).
    #[config(default = "Normalization::default()")]
    pub normalization: Normalization,
    /// Seed for initialisation, shuffling and dropout.
    #[config(default = 42)]
    pub seed: u64,
    /// A trained model's weights to start from (fine-tuning); none: the architecture's random
    /// initialisation.
    #[config(default = "None")]
    pub init: Option<super::InitialWeights>,
}

impl TrainingConfig {
    /// Checks every setting before a run starts: the one place where numbers from flags,
    /// JSON files and the page are checked.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let bad = |message: String| Err(ConfigError::Setting(message));
        self.model.validate()?;
        self.normalization
            .validate()
            .map_err(|e| ConfigError::Setting(format!("normalization: {e}")))?;
        if !(1..=MAX_BATCH_SIZE).contains(&self.batch_size) {
            return bad(format!(
                "batch size {} must be between 1 and {MAX_BATCH_SIZE}",
                self.batch_size
            ));
        }
        if !(1..=MAX_EPOCHS).contains(&self.epochs) {
            return bad(format!(
                "epochs {} must be between 1 and {MAX_EPOCHS}",
                self.epochs
            ));
        }
        if let Some(augment) = &self.augment {
            augment.validate().map_err(ConfigError::Setting)?;
        }
        match self.augment_mode {
            AugmentMode::Multiplier { k: 0 } if self.augment.is_some() => {
                return bad("an augmentation multiplier needs k ≥ 1".into());
            }
            AugmentMode::Multiplier { k } if k > 100 => {
                return bad(format!("an augmentation multiplier of {k} is over 100"));
            }
            _ => {}
        }
        if !(self.learning_rate.is_finite()
            && self.learning_rate > 0.0
            && self.learning_rate <= 10.0)
        {
            return bad(format!(
                "learning rate {} must be a number above 0 and at most 10",
                self.learning_rate
            ));
        }
        match self.optimizer {
            OptimizerSpec::Adam { beta_1, beta_2 } => {
                for (name, beta) in [("beta_1", beta_1), ("beta_2", beta_2)] {
                    if !(0.0..1.0).contains(&beta) {
                        return bad(format!("Adam's {name} {beta} must be in [0, 1)"));
                    }
                }
            }
            OptimizerSpec::Sgd { momentum, .. } => {
                if !(0.0..1.0).contains(&momentum) {
                    return bad(format!("momentum {momentum} must be in [0, 1)"));
                }
            }
        }
        match self.schedule {
            LrSchedule::Constant => {}
            LrSchedule::Step { every, gamma } => {
                if every == 0 {
                    return bad("a step schedule needs `every` ≥ 1 epoch".into());
                }
                if !(gamma > 0.0 && gamma <= 1.0) {
                    return bad(format!("a step schedule's gamma {gamma} must be in (0, 1]"));
                }
            }
            LrSchedule::Cosine { min_lr } => {
                if !(min_lr >= 0.0 && min_lr <= self.learning_rate) {
                    return bad(format!(
                        "a cosine schedule's min_lr {min_lr} must be between 0 and the learning rate"
                    ));
                }
            }
        }
        if !(self.min_delta.is_finite() && self.min_delta >= 0.0) {
            return bad(format!(
                "min_delta {} must be a number ≥ 0 (pixels)",
                self.min_delta
            ));
        }
        if let Some(secs) = self.time_budget_secs
            && !(secs.is_finite() && secs > 0.0)
        {
            return bad(format!(
                "the time limit {secs} s must be a number of seconds above 0"
            ));
        }
        Ok(())
    }
}

/// The largest batch a run may use.
pub const MAX_BATCH_SIZE: usize = 4096;
/// The most epochs a run may ask for.
pub const MAX_EPOCHS: usize = 100_000;

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
        assert!(config.clone().with_batch_size(0).validate().is_err());
    }

    #[test]
    fn every_number_is_checked() {
        let base = || TrainingConfig::new(ModelConfig::preset("model2").unwrap());
        let message = |c: TrainingConfig| c.validate().unwrap_err().to_string();
        let sgd = |momentum| OptimizerSpec::Sgd {
            momentum,
            nesterov: false,
        };
        assert_eq!(
            message(base().with_optimizer(sgd(-5.0))),
            "momentum -5 must be in [0, 1)"
        );
        assert_eq!(
            message(base().with_optimizer(sgd(f64::NAN))),
            "momentum NaN must be in [0, 1)"
        );
        assert!(message(base().with_learning_rate(f64::NAN)).starts_with("learning rate NaN"));
        assert!(
            message(base().with_time_budget_secs(Some(f64::NAN))).starts_with("the time limit NaN")
        );
        assert!(
            message(base().with_time_budget_secs(Some(-60.0))).starts_with("the time limit -60")
        );
        assert!(message(base().with_min_delta(-1.0)).starts_with("min_delta -1"));
        assert!(
            message(base().with_schedule(LrSchedule::Step {
                every: 0,
                gamma: 0.5
            }))
            .contains("every")
        );
        assert!(message(base().with_epochs(0)).starts_with("epochs 0"));
        let mut augment = crate::augment::AugmentConfig::default();
        augment.blur.high = 1e9;
        assert!(message(base().with_augment(Some(augment))).starts_with("blur: range"));
        base().validate().unwrap();
    }
}
