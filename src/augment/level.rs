//! Levelling: each face turned about the image centre so that its eye centres lie on one
//! horizontal line. The photo pipeline takes a face's roll out before it crops
//! (`face::framing`), so a model trained on levelled faces is shown what it will be given.

use super::affine::{Affine, Fill, warp};
use super::pipeline::move_keypoints;
use crate::data::FaceSet;
use crate::keypoints::{IMAGE_PIXELS, NUM_COORDS};

/// Indices of `left_eye_center` (image right) and `right_eye_center` (image left).
const EYES: (usize, usize) = (0, 1);

/// A face's roll in degrees: the angle of the line from its right eye centre (image left)
/// to its left eye centre (image right), positive clockwise on screen (y points down).
/// `None` when an eye centre is missing or the two coincide.
pub fn roll_degrees(coords: &[f32]) -> Option<f32> {
    let (l, r) = EYES;
    let (dx, dy) = (
        coords[2 * l] - coords[2 * r],
        coords[2 * l + 1] - coords[2 * r + 1],
    );
    (dx.is_finite() && dy.is_finite() && (dx, dy) != (0.0, 0.0)).then(|| dy.atan2(dx).to_degrees())
}

/// One face levelled: the 96×96 `image` and its 30 `coords` turned by minus its roll (edges
/// repeated where the turn uncovers the corners; a keypoint turned out of the image becomes
/// missing). A face without both eye centres comes back as it was.
pub fn level_face(image: &[u8], coords: &[f32]) -> (Vec<u8>, [f32; NUM_COORDS]) {
    let same = || (image.to_vec(), std::array::from_fn(|c| coords[c]));
    let Some(roll) = roll_degrees(coords) else {
        return same();
    };
    if roll == 0.0 {
        return same();
    }
    let turn = Affine::rotation(-roll);
    let src: Vec<f32> = image.iter().map(|&p| f32::from(p)).collect();
    let mut dst = vec![0.0f32; IMAGE_PIXELS];
    warp(&src, &mut dst, &turn, Fill::Edge);
    let pixels = dst
        .iter()
        .map(|v| v.round().clamp(0.0, 255.0) as u8)
        .collect();
    (pixels, move_keypoints(coords, &turn, false))
}

/// Every face of `faces` levelled ([`level_face`]), ids kept.
pub fn level(faces: &FaceSet) -> FaceSet {
    let mut out = FaceSet::default();
    for i in 0..faces.len() {
        let (image, coords) = level_face(faces.image(i), faces.coords(i));
        out.push(faces.ids[i], &image, &coords);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::augment::affine::CENTRE;

    #[test]
    fn a_tilted_face_comes_out_with_level_eyes_and_its_pixels_turned_with_it() {
        // A bright dot on each eye centre, the pair tilted by 20° about the centre.
        let tilt = Affine::rotation(20.0);
        let eyes = [
            (CENTRE + 18.0, CENTRE - 10.0),
            (CENTRE - 18.0, CENTRE - 10.0),
        ];
        let mut coords = [f32::NAN; NUM_COORDS];
        let mut image = vec![0u8; IMAGE_PIXELS];
        for (k, &(x, y)) in eyes.iter().enumerate() {
            let (u, v) = tilt.apply(x, y);
            coords[2 * k] = u;
            coords[2 * k + 1] = v;
            image[v.round() as usize * 96 + u.round() as usize] = 255;
        }
        assert!((roll_degrees(&coords).unwrap() - 20.0).abs() < 1e-3);
        let (levelled, moved) = level_face(&image, &coords);
        assert!(roll_degrees(&moved).unwrap().abs() < 1e-3, "{moved:?}");
        for (k, &(x, y)) in eyes.iter().enumerate() {
            assert!((moved[2 * k] - x).abs() < 1e-3 && (moved[2 * k + 1] - y).abs() < 1e-3);
            // The dot went with its keypoint.
            let at = |dx: isize, dy: isize| {
                let (u, v) = (x.round() as isize + dx, y.round() as isize + dy);
                levelled[(v * 96 + u) as usize]
            };
            let brightest = (-1..=1)
                .flat_map(|dy| (-1..=1).map(move |dx| (dx, dy)))
                .map(|(dx, dy)| at(dx, dy))
                .max()
                .unwrap();
            assert!(brightest > 60, "eye {k}: {brightest}");
        }
        // Missing keypoints stay missing; the turned corners repeat the edge, never black.
        assert!(moved[4].is_nan());
        let grey = vec![200u8; IMAGE_PIXELS];
        let (turned, _) = level_face(&grey, &coords);
        assert!(turned.iter().all(|&p| p == 200));
    }

    #[test]
    fn a_face_without_both_eyes_is_left_alone() {
        let image: Vec<u8> = (0..IMAGE_PIXELS).map(|i| (i % 251) as u8).collect();
        let mut coords = [30.0f32; NUM_COORDS];
        coords[0] = f32::NAN;
        let (same, moved) = level_face(&image, &coords);
        assert_eq!(same, image);
        assert!(moved[0].is_nan() && moved[2] == 30.0);
    }
}
