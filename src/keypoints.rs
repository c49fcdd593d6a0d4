//! The 15 Kaggle facial keypoints: names, CSV column names and left/right pairs.
//!
//! "Left" is the subject's left, which is image right.

/// Side of the square grayscale face image, in pixels.
pub const IMAGE_SIDE: usize = 96;
/// Pixels per face image (96 × 96).
pub const IMAGE_PIXELS: usize = IMAGE_SIDE * IMAGE_SIDE;
/// Number of keypoints.
pub const NUM_KEYPOINTS: usize = 15;
/// Number of coordinates (x and y of each keypoint).
pub const NUM_COORDS: usize = NUM_KEYPOINTS * 2;

/// Keypoint names in Kaggle's column order.
pub const KEYPOINT_NAMES: [&str; NUM_KEYPOINTS] = [
    "left_eye_center",
    "right_eye_center",
    "left_eye_inner_corner",
    "left_eye_outer_corner",
    "right_eye_inner_corner",
    "right_eye_outer_corner",
    "left_eyebrow_inner_end",
    "left_eyebrow_outer_end",
    "right_eyebrow_inner_end",
    "right_eyebrow_outer_end",
    "nose_tip",
    "mouth_left_corner",
    "mouth_right_corner",
    "mouth_center_top_lip",
    "mouth_center_bottom_lip",
];

/// Pairs of keypoint indices that swap names under a horizontal flip.
pub const LEFT_RIGHT_PAIRS: [(usize, usize); 6] =
    [(0, 1), (2, 4), (3, 5), (6, 8), (7, 9), (11, 12)];

/// Indices into iBUG's 68 points (0-based) whose mean is each Kaggle keypoint, in Kaggle
/// order (the mapping ytf_kaggle96 was made with, ../shared/data/PROVENANCE.md).
const FROM_IBUG68: [&[usize]; NUM_KEYPOINTS] = [
    &[42, 43, 44, 45, 46, 47], // left_eye_center
    &[36, 37, 38, 39, 40, 41], // right_eye_center
    &[42],                     // left_eye_inner_corner
    &[45],                     // left_eye_outer_corner
    &[39],                     // right_eye_inner_corner
    &[36],                     // right_eye_outer_corner
    &[22],                     // left_eyebrow_inner_end
    &[26],                     // left_eyebrow_outer_end
    &[21],                     // right_eyebrow_inner_end
    &[17],                     // right_eyebrow_outer_end
    &[30],                     // nose_tip
    &[54],                     // mouth_left_corner
    &[48],                     // mouth_right_corner
    &[51],                     // mouth_center_top_lip
    &[57],                     // mouth_center_bottom_lip
];

/// The 15 Kaggle keypoints of a face annotated with iBUG's 68 points.
pub fn from_ibug68(points: &[[f32; 2]; 68]) -> [[f32; 2]; NUM_KEYPOINTS] {
    std::array::from_fn(|k| {
        let from = FROM_IBUG68[k];
        let n = from.len() as f32;
        let sum = from.iter().fold([0.0, 0.0], |[x, y], &i| {
            [x + points[i][0], y + points[i][1]]
        });
        [sum[0] / n, sum[1] / n]
    })
}

/// Normalised mean error of `predicted` keypoints: the mean point distance divided by the
/// distance between the outer eye corners of `truth` (the usual inter-ocular NME).
pub fn nme(predicted: &[[f32; 2]; NUM_KEYPOINTS], truth: &[[f32; 2]; NUM_KEYPOINTS]) -> f32 {
    nme_labelled(predicted, truth).unwrap_or(f32::NAN)
}

/// [`nme`] over the keypoints both sides have (a NaN coordinate: not labelled, not
/// visible); `None` when `truth` lacks an outer eye corner or nothing is shared.
pub fn nme_labelled(
    predicted: &[[f32; 2]; NUM_KEYPOINTS],
    truth: &[[f32; 2]; NUM_KEYPOINTS],
) -> Option<f32> {
    let errors = point_errors(predicted, truth)?;
    let shared: Vec<f32> = errors.into_iter().filter(|e| !e.is_nan()).collect();
    (!shared.is_empty()).then(|| shared.iter().sum::<f32>() / shared.len() as f32)
}

/// Each keypoint's distance from `truth`, divided by the distance between `truth`'s outer
/// eye corners (NaN where either side lacks the point); `None` without an outer eye corner.
/// [`nme_labelled`] is their mean.
pub fn point_errors(
    predicted: &[[f32; 2]; NUM_KEYPOINTS],
    truth: &[[f32; 2]; NUM_KEYPOINTS],
) -> Option<[f32; NUM_KEYPOINTS]> {
    let distance = |a: [f32; 2], b: [f32; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
    let eyes = distance(truth[3], truth[5]);
    eyes.is_finite()
        .then(|| std::array::from_fn(|k| distance(predicted[k], truth[k]) / eyes))
}

/// `predicted` moved by the similarity transform (shift, turn, scale) that brings it closest
/// to `truth` (least squares): what is left of its error is the shape's own, the framing's
/// taken out.
pub fn similarity_aligned(
    predicted: &[[f32; 2]; NUM_KEYPOINTS],
    truth: &[[f32; 2]; NUM_KEYPOINTS],
) -> [[f32; 2]; NUM_KEYPOINTS] {
    let centroid = |v: &[[f32; 2]; NUM_KEYPOINTS]| {
        let n = NUM_KEYPOINTS as f32;
        [
            v.iter().map(|p| p[0]).sum::<f32>() / n,
            v.iter().map(|p| p[1]).sum::<f32>() / n,
        ]
    };
    let (cp, ct) = (centroid(predicted), centroid(truth));
    let (mut dot, mut cross, mut norm) = (0.0f32, 0.0f32, 0.0f32);
    for (p, t) in predicted.iter().zip(truth) {
        let (px, py, tx, ty) = (p[0] - cp[0], p[1] - cp[1], t[0] - ct[0], t[1] - ct[1]);
        dot += px * tx + py * ty;
        cross += px * ty - py * tx;
        norm += px * px + py * py;
    }
    if norm == 0.0 {
        return predicted.map(|_| ct);
    }
    let (a, b) = (dot / norm, cross / norm);
    predicted.map(|[x, y]| {
        let (px, py) = (x - cp[0], y - cp[1]);
        [a * px - b * py + ct[0], b * px + a * py + ct[1]]
    })
}

/// The Kaggle CSV column name of coordinate `c` (0..30): `<keypoint>_x` or `<keypoint>_y`.
pub fn coord_name(c: usize) -> String {
    let axis = if c.is_multiple_of(2) { "x" } else { "y" };
    format!("{}_{axis}", KEYPOINT_NAMES[c / 2])
}

/// The coordinate index (0..30) of a Kaggle column name, if it is one.
pub fn coord_index(name: &str) -> Option<usize> {
    (0..NUM_COORDS).find(|&c| coord_name(c) == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibug68_maps_to_the_15_and_nme_is_scale_free() {
        let points: [[f32; 2]; 68] = std::array::from_fn(|i| [i as f32, 2.0 * i as f32]);
        let kaggle = from_ibug68(&points);
        assert_eq!(kaggle[0], [44.5, 89.0]); // mean of 42..=47
        assert_eq!(kaggle[5], [36.0, 72.0]);
        assert_eq!(kaggle[14], [57.0, 114.0]);
        let truth: [[f32; 2]; NUM_KEYPOINTS] = std::array::from_fn(|k| [k as f32 * 3.0, 0.0]);
        let off: [[f32; 2]; NUM_KEYPOINTS] = std::array::from_fn(|k| [k as f32 * 3.0, 0.6]);
        // Outer corners 3 and 5 are 6 px apart; every point is 0.6 px off: 10%.
        assert!((nme(&off, &truth) - 0.1).abs() < 1e-6);
        assert_eq!(nme(&truth, &truth), 0.0);
        // A point not labelled is left out; without an outer eye corner there is no scale.
        let mut partial = truth;
        partial[0] = [f32::NAN; 2];
        assert!((nme_labelled(&off, &partial).unwrap() - 0.1).abs() < 1e-6);
        let errors = point_errors(&off, &partial).unwrap();
        assert!(errors[0].is_nan() && (errors[1] - 0.1).abs() < 1e-6);
        partial[3] = [f32::NAN; 2];
        assert_eq!(nme_labelled(&off, &partial), None);
    }

    #[test]
    fn column_names_round_trip() {
        assert_eq!(coord_name(0), "left_eye_center_x");
        assert_eq!(coord_name(29), "mouth_center_bottom_lip_y");
        for c in 0..NUM_COORDS {
            assert_eq!(coord_index(&coord_name(c)), Some(c));
        }
        assert_eq!(coord_index("Image"), None);
    }

    #[test]
    fn pairs_are_left_right() {
        for (l, r) in LEFT_RIGHT_PAIRS {
            assert_eq!(
                KEYPOINT_NAMES[l].replacen("left", "right", 1),
                KEYPOINT_NAMES[r]
            );
        }
    }

    #[test]
    fn similarity_alignment_undoes_a_shift_turn_and_scale() {
        let truth: [[f32; 2]; NUM_KEYPOINTS] =
            std::array::from_fn(|k| [(k * 7 % 11) as f32 * 3.0, (k * 5 % 13) as f32 * 2.0]);
        let (sin, cos) = 0.4f32.sin_cos();
        let moved = truth.map(|[x, y]| {
            [
                1.3 * (cos * x - sin * y) + 20.0,
                1.3 * (sin * x + cos * y) - 4.0,
            ]
        });
        assert!(nme(&moved, &truth) > 0.1);
        let back = similarity_aligned(&moved, &truth);
        assert!(nme(&back, &truth) < 1e-4, "{}", nme(&back, &truth));
    }
}
