//! RMSE in pixels, overall and per keypoint, over labelled coordinates only.

use serde::{Deserialize, Serialize};

use crate::data::FaceSet;
use crate::keypoints::{KEYPOINT_NAMES, NUM_COORDS, NUM_KEYPOINTS};

/// Root-mean-square error of predictions against a labelled set, in pixels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rmse {
    /// Over every labelled coordinate.
    pub overall: f64,
    /// Per keypoint (x and y together); `None` when the keypoint is never labelled.
    pub per_keypoint: Vec<Option<f64>>,
    /// Number of labelled coordinates scored.
    pub count: usize,
}

/// Why predictions cannot be scored.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EvalError {
    /// Nothing to compare with: an RMSE over no coordinates would read as a perfect 0.
    #[error(
        "no face has a labelled keypoint, so there is nothing to score (RMSE needs a file with keypoint columns, like training.csv)"
    )]
    NoLabels,
    /// Predictions and faces do not match.
    #[error("{predictions} predicted coordinates for {faces} faces (30 each)")]
    Mismatch {
        /// Predicted values.
        predictions: usize,
        /// Faces.
        faces: usize,
    },
}

impl Rmse {
    /// Scores `predictions` (`faces.len() * 30` values, pixels) against `faces`' labels;
    /// refuses faces without any label.
    pub fn score(predictions: &[f32], faces: &FaceSet) -> Result<Self, EvalError> {
        if predictions.len() != faces.coords.len() {
            return Err(EvalError::Mismatch {
                predictions: predictions.len(),
                faces: faces.len(),
            });
        }
        let mut sum = [0f64; NUM_KEYPOINTS];
        let mut n = [0usize; NUM_KEYPOINTS];
        for (c, (&p, &t)) in predictions.iter().zip(&faces.coords).enumerate() {
            if !t.is_nan() {
                let k = (c % NUM_COORDS) / 2;
                sum[k] += f64::from(p - t).powi(2);
                n[k] += 1;
            }
        }
        let count: usize = n.iter().sum();
        if count == 0 {
            return Err(EvalError::NoLabels);
        }
        let overall = (sum.iter().sum::<f64>() / count.max(1) as f64).sqrt();
        let per_keypoint = (0..NUM_KEYPOINTS)
            .map(|k| (n[k] > 0).then(|| (sum[k] / n[k] as f64).sqrt()))
            .collect();
        Ok(Rmse {
            overall,
            per_keypoint,
            count,
        })
    }

    /// A markdown table of the per-keypoint RMSE.
    pub fn per_keypoint_table(&self) -> String {
        let mut out = String::from("| keypoint | RMSE (px) |\n|---|---|\n");
        for (name, v) in KEYPOINT_NAMES.iter().zip(&self.per_keypoint) {
            let v = v.map_or("—".to_string(), |v| format!("{v:.4}"));
            out.push_str(&format!("| {name} | {v} |\n"));
        }
        out.push_str(&format!("| **all** | **{:.4}** |\n", self.overall));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keypoints::IMAGE_PIXELS;

    #[test]
    fn scores_labelled_coordinates_only() {
        let mut faces = FaceSet::default();
        let mut coords = [10.0f32; NUM_COORDS];
        coords[1] = f32::NAN;
        faces.push(1, &[0; IMAGE_PIXELS], &coords);
        let mut pred = [10.0f32; NUM_COORDS];
        pred[0] = 13.0; // error 3 on the only labelled coordinate of keypoint 0
        pred[1] = 1000.0; // unlabelled: ignored
        let rmse = Rmse::score(&pred, &faces).unwrap();
        assert_eq!(rmse.count, 29);
        assert_eq!(rmse.per_keypoint[0], Some(3.0));
        assert_eq!(rmse.per_keypoint[1], Some(0.0));
        assert!((rmse.overall - (9.0f64 / 29.0).sqrt()).abs() < 1e-12);
    }

    #[test]
    fn nothing_labelled_is_an_error_not_a_zero() {
        let mut faces = FaceSet::default();
        faces.push(1, &[0; IMAGE_PIXELS], &[f32::NAN; NUM_COORDS]);
        assert_eq!(
            Rmse::score(&[1.0; NUM_COORDS], &faces),
            Err(EvalError::NoLabels)
        );
        assert!(matches!(
            Rmse::score(&[1.0; 3], &faces),
            Err(EvalError::Mismatch { .. })
        ));
    }
}
