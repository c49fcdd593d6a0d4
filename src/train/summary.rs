//! What a trained model's file says about how it was trained: written the same way by
//! `facepoints train` and by the page's Train view (and its best-so-far copies).

use super::TrainingConfig;
use crate::model_file::{CheckpointMeta, TrainingSummary};

impl TrainingConfig {
    /// The checkpoint metadata of a run with these settings, validated on `split` (its
    /// description) of `data` (an identifier, e.g. `sha256:…`). No epoch has run yet: the
    /// outcome is stamped with [`record_outcome`] as it comes.
    pub fn checkpoint_meta(
        &self,
        split: String,
        data: String,
    ) -> Result<CheckpointMeta, serde_json::Error> {
        Ok(CheckpointMeta {
            model: self.model.clone(),
            normalization: self.normalization.clone(),
            summary: Some(TrainingSummary {
                training: serde_json::to_value(self)?,
                split,
                epochs_run: 0,
                best_epoch: 0,
                valid_rmse: f64::NAN,
                data,
            }),
        })
    }
}

/// Records in `meta` that `epochs_run` epochs ran and the kept weights, from epoch
/// `best_epoch` (0-based), score `valid_rmse` pixels on the validation split.
pub fn record_outcome(
    meta: &mut CheckpointMeta,
    epochs_run: usize,
    best_epoch: usize,
    valid_rmse: f64,
) {
    if let Some(summary) = &mut meta.summary {
        (summary.epochs_run, summary.best_epoch, summary.valid_rmse) =
            (epochs_run, best_epoch, valid_rmse);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ModelConfig;

    #[test]
    fn the_meta_carries_the_settings_and_the_outcome() {
        let config = TrainingConfig::new(ModelConfig::preset("model0").unwrap());
        let mut meta = config
            .checkpoint_meta("split by person".into(), "sha256:ab".into())
            .unwrap();
        assert_eq!(meta.model, config.model);
        let summary = meta.summary.clone().unwrap();
        assert!(summary.valid_rmse.is_nan());
        let back: TrainingConfig = serde_json::from_value(summary.training).unwrap();
        assert_eq!(
            (back.model, back.epochs),
            (config.model.clone(), config.epochs)
        );
        record_outcome(&mut meta, 7, 4, 2.5);
        let summary = meta.summary.unwrap();
        assert_eq!(
            (summary.epochs_run, summary.best_epoch, summary.valid_rmse),
            (7, 4, 2.5)
        );
        assert_eq!(
            (summary.split.as_str(), summary.data.as_str()),
            ("split by person", "sha256:ab")
        );
    }
}
