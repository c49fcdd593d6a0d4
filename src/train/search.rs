//! Random hyper-parameter search: a search space (data, edited by the user) and the trials
//! drawn from it with a seed. The page and `facepoints search` draw the same trials from the
//! same space, base settings and seed.

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};

use super::config::{LrSchedule, OptimizerSpec, TrainingConfig};
use crate::augment::AugmentMode;
use crate::model::{ConfigError, LayerSpec};

/// An optimizer a trial can draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OptimizerChoice {
    /// Adam (β 0.9, 0.999).
    Adam,
    /// SGD with momentum 0.9.
    Sgd,
}

/// A learning-rate schedule a trial can draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleChoice {
    /// The same rate throughout.
    Constant,
    /// Halved every 10 epochs.
    Step,
    /// Cosine decay to a hundredth of the rate.
    Cosine,
}

impl OptimizerChoice {
    /// The optimizer's settings.
    pub fn spec(self) -> OptimizerSpec {
        match self {
            OptimizerChoice::Adam => OptimizerSpec::default(),
            OptimizerChoice::Sgd => OptimizerSpec::Sgd {
                momentum: 0.9,
                nesterov: false,
            },
        }
    }
}

impl ScheduleChoice {
    /// The schedule for a base rate of `learning_rate`.
    pub fn schedule(self, learning_rate: f64) -> LrSchedule {
        match self {
            ScheduleChoice::Constant => LrSchedule::Constant,
            ScheduleChoice::Step => LrSchedule::Step {
                every: 10,
                gamma: 0.5,
            },
            ScheduleChoice::Cosine => LrSchedule::Cosine {
                min_lr: learning_rate / 100.0,
            },
        }
    }
}

/// The most trials one search draws (the CLI and the page): each trains a model, minutes
/// each, so more would not finish; a longer search is several, with other seeds.
pub const MAX_TRIALS: usize = 10_000;

/// Where each setting of a trial is drawn from; every list is drawn uniformly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchSpace {
    /// Learning rate: log-uniform between the two.
    pub learning_rate: [f64; 2],
    /// Faces per step.
    pub batch_size: Vec<usize>,
    /// Dropout probability given to every dropout layer of the model (a model without
    /// dropout layers is unchanged); empty: the model's own rates.
    pub dropout: Vec<f64>,
    /// Optimizers.
    pub optimizer: Vec<OptimizerChoice>,
    /// Learning-rate schedules.
    pub schedule: Vec<ScheduleChoice>,
    /// Augmentation off (`false`) or on (`true`, the base settings' pipeline or the study's).
    pub augment: Vec<bool>,
    /// Augmented variants per face when augmentation is on.
    pub augment_k: Vec<usize>,
    /// Most epochs of every trial.
    pub epochs: usize,
    /// Early stopping: a trial stops after this many epochs without improvement.
    pub patience: usize,
}

impl Default for SearchSpace {
    fn default() -> Self {
        SearchSpace {
            learning_rate: [1e-4, 1e-2],
            batch_size: vec![16, 32, 64],
            dropout: vec![0.0, 0.1, 0.25, 0.5],
            optimizer: vec![OptimizerChoice::Adam, OptimizerChoice::Sgd],
            schedule: vec![
                ScheduleChoice::Constant,
                ScheduleChoice::Step,
                ScheduleChoice::Cosine,
            ],
            augment: vec![false, true],
            augment_k: vec![1, 2],
            epochs: 30,
            patience: 5,
        }
    }
}

fn invalid(message: String) -> ConfigError {
    ConfigError::Setting(format!("search space: {message}"))
}

impl SearchSpace {
    /// Checks the space can be drawn from (each trial's settings are checked again whole).
    pub fn validate(&self) -> Result<(), ConfigError> {
        let [low, high] = self.learning_rate;
        if !(low > 0.0 && low.is_finite() && high.is_finite() && low <= high) {
            return Err(invalid(format!(
                "learning_rate needs 0 < low ≤ high, got [{low}, {high}]"
            )));
        }
        let lists = [
            ("batch_size", self.batch_size.is_empty()),
            ("optimizer", self.optimizer.is_empty()),
            ("schedule", self.schedule.is_empty()),
            ("augment", self.augment.is_empty()),
        ];
        if let Some((name, _)) = lists.iter().find(|(_, empty)| *empty) {
            return Err(invalid(format!("{name} needs at least one value")));
        }
        if self.augment.contains(&true) && self.augment_k.is_empty() {
            return Err(invalid("augment_k needs at least one value".into()));
        }
        if let Some(p) = self.dropout.iter().find(|p| !(0.0..1.0).contains(*p)) {
            return Err(invalid(format!("a dropout of {p} is outside [0, 1)")));
        }
        if self.epochs == 0 {
            return Err(invalid("epochs must be at least 1".into()));
        }
        Ok(())
    }

    /// `n` trials drawn with `seed`: `base` with the drawn settings, each checked. The
    /// same space, base and seed give the same trials, in the same order; the first `n`
    /// of `n + 1` trials are the `n` trials.
    pub fn trials(
        &self,
        base: &TrainingConfig,
        seed: u64,
        n: usize,
    ) -> Result<Vec<TrainingConfig>, ConfigError> {
        self.validate()?;
        if !(1..=MAX_TRIALS).contains(&n) {
            return Err(ConfigError::Setting(format!(
                "a search draws 1 to {MAX_TRIALS} trials, not {n}"
            )));
        }
        let mut rng = StdRng::seed_from_u64(seed);
        (0..n).map(|_| self.draw(base, &mut rng)).collect()
    }

    fn draw(&self, base: &TrainingConfig, rng: &mut StdRng) -> Result<TrainingConfig, ConfigError> {
        fn pick<T: Copy>(rng: &mut StdRng, values: &[T]) -> T {
            values[rng.random_range(0..values.len())]
        }
        let mut config = base.clone();
        // Every draw is made whatever the list, so a trial's settings do not shift the next.
        let [low, high] = self.learning_rate;
        let u: f64 = rng.random();
        config.learning_rate = (low.ln() + u * (high.ln() - low.ln())).exp();
        config.batch_size = pick(rng, &self.batch_size);
        let dropout = (!self.dropout.is_empty()).then(|| pick(rng, &self.dropout));
        let optimizer = pick(rng, &self.optimizer);
        let schedule = pick(rng, &self.schedule);
        let augment = pick(rng, &self.augment);
        let k = (!self.augment_k.is_empty()).then(|| pick(rng, &self.augment_k));
        if let Some(p) = dropout {
            for layer in &mut config.model.layers {
                if let LayerSpec::Dropout { prob } = layer {
                    *prob = p;
                }
            }
        }
        config.optimizer = optimizer.spec();
        config.schedule = schedule.schedule(config.learning_rate);
        config.augment = augment.then(|| base.augment.clone().unwrap_or_default());
        if augment {
            config.augment_mode = AugmentMode::Multiplier { k: k.unwrap_or(1) };
        }
        config.epochs = self.epochs;
        config.patience = self.patience;
        config.validate()?;
        Ok(config)
    }
}

/// A trial's drawn settings in a few words: `lr 3.16e-4, batch 32, dropout 0.25, adam,
/// cosine, augmented ×2`.
pub fn describe_trial(config: &TrainingConfig) -> String {
    let dropout: Vec<String> = config
        .model
        .layers
        .iter()
        .filter_map(|l| match l {
            LayerSpec::Dropout { prob } => Some(format!("{prob}")),
            _ => None,
        })
        .collect();
    let dropout = match dropout.first() {
        Some(first) if dropout.iter().all(|d| d == first) => format!(", dropout {first}"),
        Some(_) => format!(", dropout {}", dropout.join("/")),
        None => String::new(),
    };
    let optimizer = match config.optimizer {
        OptimizerSpec::Adam { .. } => "adam",
        OptimizerSpec::Sgd { .. } => "sgd",
    };
    let schedule = match config.schedule {
        LrSchedule::Constant => "constant",
        LrSchedule::Step { .. } => "step",
        LrSchedule::Cosine { .. } => "cosine",
    };
    let augment = match (&config.augment, config.augment_mode) {
        (None, _) => "no augmentation".to_string(),
        (Some(_), AugmentMode::Multiplier { k }) => format!("augmented ×{}", k + 1),
        (Some(_), AugmentMode::OnTheFly) => "augmented on the fly".to_string(),
    };
    format!(
        "lr {:.3e}, batch {}{dropout}, {optimizer}, {schedule}, {augment}",
        config.learning_rate, config.batch_size
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ModelConfig;

    fn base() -> TrainingConfig {
        TrainingConfig::new(ModelConfig::preset("model3").unwrap())
    }

    #[test]
    fn the_same_seed_draws_the_same_trials_and_more_trials_extend_them() {
        let space = SearchSpace::default();
        let a = space.trials(&base(), 5, 6).unwrap();
        let b = space.trials(&base(), 5, 4).unwrap();
        assert_eq!(a.len(), 6);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(
                serde_json::to_string(x).unwrap(),
                serde_json::to_string(y).unwrap()
            );
        }
        let c = space.trials(&base(), 6, 6).unwrap();
        assert_ne!(
            a.iter().map(|t| t.learning_rate).collect::<Vec<_>>(),
            c.iter().map(|t| t.learning_rate).collect::<Vec<_>>()
        );
    }

    #[test]
    fn every_draw_stays_in_the_space() {
        let space = SearchSpace {
            learning_rate: [1e-4, 1e-2],
            batch_size: vec![8, 64],
            dropout: vec![0.4],
            optimizer: vec![OptimizerChoice::Sgd],
            schedule: vec![ScheduleChoice::Cosine],
            augment: vec![true],
            augment_k: vec![3],
            epochs: 7,
            patience: 2,
        };
        let trials = space.trials(&base(), 1, 200).unwrap();
        let (mut low, mut high) = (0, 0);
        for t in &trials {
            assert!((1e-4..=1e-2).contains(&t.learning_rate));
            low += usize::from(t.learning_rate < 1e-3);
            high += usize::from(t.learning_rate >= 1e-3);
            assert!([8, 64].contains(&t.batch_size));
            assert!(matches!(t.optimizer, OptimizerSpec::Sgd { .. }));
            assert!(matches!(t.schedule, LrSchedule::Cosine { .. }));
            assert_eq!(t.augment_mode, AugmentMode::Multiplier { k: 3 });
            assert!(t.augment.is_some());
            assert_eq!((t.epochs, t.patience), (7, 2));
            assert!(
                t.model
                    .layers
                    .iter()
                    .all(|l| !matches!(l, LayerSpec::Dropout { prob } if *prob != 0.4))
            );
        }
        // Log-uniform: as many draws below the geometric middle as above it.
        assert!((70..=130).contains(&low), "{low} below 1e-3, {high} above");
        assert!(describe_trial(&trials[0]).contains("dropout 0.4, sgd, cosine, augmented ×4"));
    }

    #[test]
    fn a_bad_space_is_refused_with_its_reason() {
        let err = |edit: fn(&mut SearchSpace)| {
            let mut space = SearchSpace::default();
            edit(&mut space);
            space.trials(&base(), 1, 1).unwrap_err().to_string()
        };
        assert!(err(|s| s.learning_rate = [0.0, 1e-2]).contains("learning_rate needs 0 < low"));
        assert!(err(|s| s.batch_size.clear()).contains("batch_size needs at least one value"));
        assert!(err(|s| s.dropout = vec![1.5]).contains("dropout of 1.5"));
        assert!(err(|s| s.batch_size = vec![0]).contains("batch size 0"));
        let json = r#"{"learning_rate": [1e-4, 1e-2], "batch": [32]}"#;
        assert!(serde_json::from_str::<SearchSpace>(json).is_err());
    }
}
