//! The study's own results (its "How did we do?" table, SEED.md): the reference column
//! beside every re-run, in the CLI's `report` and in the page's results table.

use serde::Serialize;

/// One row of the study's table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StudyResult {
    /// `knn` or a preset name (`model0`…`model3`).
    pub model: &'static str,
    /// Trained with the study's augmentation.
    pub augmented: bool,
    /// Its validation RMSE, in pixels.
    pub rmse: f64,
}

/// Every row of the study's table.
pub const STUDY_RESULTS: [StudyResult; 10] = [
    row("knn", false, 2.4898),
    row("knn", true, 2.5213),
    row("model0", false, 1.5338),
    row("model0", true, 1.4857),
    row("model1", false, 1.9058),
    row("model1", true, 1.4911),
    row("model2", false, 3.1621),
    row("model2", true, 2.3246),
    row("model3", false, 1.4177),
    row("model3", true, 1.0914),
];

const fn row(model: &'static str, augmented: bool, rmse: f64) -> StudyResult {
    StudyResult {
        model,
        augmented,
        rmse,
    }
}

/// The study's RMSE for `model` with or without augmentation, when it reported one.
pub fn study_rmse(model: &str, augmented: bool) -> Option<f64> {
    STUDY_RESULTS
        .iter()
        .find(|r| r.model == model && r.augmented == augmented)
        .map(|r| r.rmse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_study_s_table_by_model_and_augmentation() {
        assert_eq!(study_rmse("knn", false), Some(2.4898));
        assert_eq!(study_rmse("knn", true), Some(2.5213));
        assert_eq!(study_rmse("model3", true), Some(1.0914));
        assert_eq!(study_rmse("tiny", false), None);
    }
}
