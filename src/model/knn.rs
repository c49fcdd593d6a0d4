//! KNN regressor baseline: the keypoints of a face are the mean of those of its `k` nearest
//! training faces (Euclidean distance on raw pixels).

use serde::{Deserialize, Serialize};

use crate::data::FaceSet;
use crate::eval::{EvalError, Rmse};
use crate::keypoints::NUM_COORDS;

/// Squared Euclidean distance between two images.
fn distance(a: &[u8], b: &[u8]) -> u32 {
    a.iter()
        .zip(b)
        .map(|(&x, &y)| {
            let d = i32::from(x) - i32::from(y);
            (d * d) as u32
        })
        .sum()
}

/// Indices of the `k` training faces nearest to `query`, nearest first.
fn nearest(train: &FaceSet, query: &[u8], k: usize) -> Vec<usize> {
    let mut scored: Vec<(u32, usize)> = (0..train.len())
        .map(|i| (distance(train.image(i), query), i))
        .collect();
    let k = k.min(scored.len());
    if k < scored.len() {
        scored.select_nth_unstable(k);
    }
    scored.truncate(k);
    scored.sort_unstable();
    scored.into_iter().map(|(_, i)| i).collect()
}

/// For each query, its `k_max` nearest training faces (in parallel where threads exist).
fn all_nearest(train: &FaceSet, queries: &FaceSet, k_max: usize) -> Vec<Vec<usize>> {
    crate::cpu::parallel::map_indices(queries.len(), |q| nearest(train, queries.image(q), k_max))
}

/// Mean of the neighbours' coordinates, per coordinate over the neighbours that have it;
/// `fallback` (the training mean) where none has it.
fn average(
    train: &FaceSet,
    neighbours: &[usize],
    fallback: &[f32; NUM_COORDS],
) -> [f32; NUM_COORDS] {
    let mut out = *fallback;
    for (c, slot) in out.iter_mut().enumerate() {
        let values: Vec<f32> = neighbours
            .iter()
            .map(|&i| train.coords(i)[c])
            .filter(|v| !v.is_nan())
            .collect();
        if !values.is_empty() {
            *slot = values.iter().sum::<f32>() / values.len() as f32;
        }
    }
    out
}

/// Mean of every labelled coordinate (the prediction of last resort).
fn coordinate_means(train: &FaceSet) -> [f32; NUM_COORDS] {
    let mut sum = [0f64; NUM_COORDS];
    let mut n = [0usize; NUM_COORDS];
    for (c, &v) in train.coords.iter().enumerate() {
        if !v.is_nan() {
            sum[c % NUM_COORDS] += f64::from(v);
            n[c % NUM_COORDS] += 1;
        }
    }
    std::array::from_fn(|c| {
        if n[c] > 0 {
            (sum[c] / n[c] as f64) as f32
        } else {
            48.0
        }
    })
}

/// The values of k the study's table tries (`facepoints report`, the page's Reproduce).
pub const STUDY_KS: [usize; 8] = [1, 2, 3, 5, 7, 10, 15, 20];

/// The values of k `facepoints knn` and the page's KNN search try by default: the study's and
/// one larger.
pub const SEARCH_KS: [usize; 9] = [1, 2, 3, 5, 7, 10, 15, 20, 30];

/// Predicted coordinates (pixels, `queries.len() * 30`) for each `k` in `ks`, sharing one
/// neighbour search.
pub fn predict_many(train: &FaceSet, queries: &FaceSet, ks: &[usize]) -> Vec<Vec<f32>> {
    let k_max = ks.iter().copied().max().unwrap_or(1).max(1);
    let neighbours = all_nearest(train, queries, k_max);
    let means = coordinate_means(train);
    ks.iter()
        .map(|&k| {
            neighbours
                .iter()
                .flat_map(|n| average(train, &n[..k.min(n.len())], &means))
                .collect()
        })
        .collect()
}

/// One row of a k search.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KnnScore {
    /// Neighbours averaged.
    pub k: usize,
    /// Validation RMSE.
    pub rmse: Rmse,
}

/// Scores every `k` in `ks` on `valid`; the best is the one with the lowest RMSE.
pub fn search_k(train: &FaceSet, valid: &FaceSet, ks: &[usize]) -> Result<Vec<KnnScore>, String> {
    if ks.is_empty() {
        return Err("no k to try".into());
    }
    if ks.contains(&0) {
        return Err("k must be at least 1".into());
    }
    if train.labelled_coords() == 0 {
        return Err("no training face has a labelled keypoint: KNN has nothing to copy".into());
    }
    if valid.labelled_coords() == 0 {
        return Err(EvalError::NoLabels.to_string());
    }
    predict_many(train, valid, ks)
        .into_iter()
        .zip(ks)
        .map(|(pred, &k)| {
            Ok(KnnScore {
                k,
                rmse: Rmse::score(&pred, valid).map_err(|e| e.to_string())?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keypoints::IMAGE_PIXELS;

    #[test]
    fn nearest_neighbour_copies_keypoints() {
        let mut train = FaceSet::default();
        train.push(1, &[0; IMAGE_PIXELS], &[10.0; NUM_COORDS]);
        train.push(2, &[200; IMAGE_PIXELS], &[50.0; NUM_COORDS]);
        let mut coords = [f32::NAN; NUM_COORDS];
        coords[0] = 30.0;
        train.push(3, &[190; IMAGE_PIXELS], &coords);
        let mut queries = FaceSet::default();
        queries.push(9, &[192; IMAGE_PIXELS], &[0.0; NUM_COORDS]);
        let preds = predict_many(&train, &queries, &[1, 2]);
        // k=1: face 3 is nearest but has only coordinate 0; the rest fall back to the means.
        assert_eq!(preds[0][0], 30.0);
        assert_eq!(preds[0][1], 30.0); // mean of 10 and 50
        // k=2: faces 3 and 2.
        assert_eq!(preds[1][0], 40.0);
        assert_eq!(preds[1][1], 50.0);
    }
}
