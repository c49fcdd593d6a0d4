//! `EarlyStopping`: keeps the best epoch's weights and says when to stop — after `patience`
//! epochs without a validation improvement of more than `min_delta` pixels.

use crate::model::KeypointCnn;

/// The best epoch so far and how long ago it was.
pub struct EarlyStopping {
    patience: usize,
    min_delta: f64,
    best: Option<(usize, f64, KeypointCnn)>,
    since_best: usize,
}

impl EarlyStopping {
    /// Stops after `patience` epochs without improvement (0: never); an improvement is a drop
    /// of more than `min_delta` pixels of validation RMSE.
    pub fn new(patience: usize, min_delta: f64) -> Self {
        EarlyStopping {
            patience,
            min_delta,
            best: None,
            since_best: 0,
        }
    }

    /// Records `epoch`'s validation RMSE and weights (in validation mode); returns whether it
    /// is the best so far (the first epoch always is).
    pub fn observe(&mut self, epoch: usize, valid_rmse: f64, model: KeypointCnn) -> bool {
        let improved = self
            .best
            .as_ref()
            .is_none_or(|(_, best, _)| valid_rmse < best - self.min_delta);
        if improved {
            self.best = Some((epoch, valid_rmse, model));
            self.since_best = 0;
        } else {
            self.since_best += 1;
        }
        improved
    }

    /// Whether the run should stop now.
    pub fn should_stop(&self) -> bool {
        self.patience > 0 && self.since_best >= self.patience
    }

    /// The 0-based epoch of the kept weights, once an epoch has been observed.
    pub fn best_epoch(&self) -> Option<usize> {
        self.best.as_ref().map(|b| b.0)
    }

    /// The kept weights: `(epoch, validation RMSE, model)`.
    pub fn into_best(self) -> Option<(usize, f64, KeypointCnn)> {
        self.best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ModelConfig;
    use burn::tensor::Device;

    #[test]
    fn keeps_the_best_and_stops_after_patience() {
        let model = || {
            ModelConfig::preset("model2")
                .unwrap()
                .init(&Device::flex())
                .unwrap()
        };
        let mut stopping = EarlyStopping::new(2, 0.1);
        assert!(stopping.observe(0, 5.0, model()));
        assert!(stopping.observe(1, 4.0, model()));
        assert!(!stopping.observe(2, 3.95, model()), "within min_delta");
        assert!(!stopping.should_stop());
        assert!(!stopping.observe(3, 4.5, model()));
        assert!(stopping.should_stop());
        assert_eq!(stopping.best_epoch(), Some(1));
        let (epoch, rmse, _) = stopping.into_best().unwrap();
        assert_eq!((epoch, rmse), (1, 4.0));
        let mut never = EarlyStopping::new(0, 0.0);
        for epoch in 0..10 {
            never.observe(epoch, 1.0 + epoch as f64, model());
        }
        assert!(!never.should_stop());
    }
}
