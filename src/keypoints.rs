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
}
