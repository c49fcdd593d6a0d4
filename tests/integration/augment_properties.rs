//! Laws of the augmentation pipeline, checked on random parameters and real faces.

use crate::common;

use std::sync::LazyLock;

use facepoints::augment::affine::Affine;
use facepoints::augment::pipeline::{Step, apply_steps, sample_steps};
use facepoints::augment::{AugmentConfig, AugmentKind};
use facepoints::data::{FaceSet, read_faces_file};
use facepoints::keypoints::{
    IMAGE_PIXELS, IMAGE_SIDE, LEFT_RIGHT_PAIRS, NUM_COORDS, NUM_KEYPOINTS,
};
use proptest::prelude::*;
use rand::SeedableRng;
use rand::rngs::StdRng;

fn sample_faces() -> &'static FaceSet {
    static FACES: LazyLock<FaceSet> = LazyLock::new(|| read_faces_file(&common::sample()).unwrap());
    &FACES
}

fn step(kind: AugmentKind, transform: Affine) -> Step {
    Step::Geometric {
        kind,
        params: [0.0; 4],
        transform,
    }
}

/// The keypoint whose name `k` takes after a flip.
fn mirror(k: usize) -> usize {
    LEFT_RIGHT_PAIRS
        .iter()
        .find_map(|&(l, r)| (k == l).then_some(r).or((k == r).then_some(l)))
        .unwrap_or(k)
}

fn rng() -> StdRng {
    StdRng::seed_from_u64(0)
}

/// A dark image with one bright Gaussian dot (σ = 1 px) at `(x, y)`.
fn dot(x: f32, y: f32) -> Vec<u8> {
    (0..IMAGE_PIXELS)
        .map(|i| {
            let (u, v) = ((i % IMAGE_SIDE) as f32, (i / IMAGE_SIDE) as f32);
            (250.0 * (-((u - x).powi(2) + (v - y).powi(2)) / 2.0).exp()).round() as u8
        })
        .collect()
}

/// Coordinates of the brightest pixel.
fn brightest(image: &[u8]) -> (f32, f32) {
    let i = (0..image.len()).max_by_key(|&i| image[i]).unwrap();
    ((i % IMAGE_SIDE) as f32, (i / IMAGE_SIDE) as f32)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn flip_twice_is_the_identity(row in 0usize..282) {
        let faces = sample_faces();
        let flip = [step(AugmentKind::Flip, Affine::flip())];
        let (once, once_coords) = apply_steps(&flip, faces.image(row), faces.coords(row), &mut rng());
        let (twice, twice_coords) = apply_steps(&flip, &once, &once_coords, &mut rng());
        prop_assert_eq!(&twice[..], faces.image(row));
        for (got, want) in twice_coords.iter().zip(faces.coords(row)) {
            prop_assert!((got - want).abs() < 1e-4);
        }
    }

    #[test]
    fn rotating_back_returns_keypoints(row in 0usize..282, angle in -10.0f32..10.0) {
        let faces = sample_faces();
        let steps = [step(AugmentKind::Rotate, Affine::rotation(angle))];
        let (image, coords) = apply_steps(&steps, faces.image(row), faces.coords(row), &mut rng());
        let back = [step(AugmentKind::Rotate, Affine::rotation(-angle))];
        let (_, restored) = apply_steps(&back, &image, &coords, &mut rng());
        for (got, want) in restored.iter().zip(faces.coords(row)) {
            prop_assert!((got - want).abs() < 0.01, "{} vs {}", got, want);
        }
    }

    #[test]
    fn keypoints_follow_the_image(row in 0usize..282, seed in any::<u64>()) {
        let faces = sample_faces();
        let config = AugmentConfig::new()
            .without(AugmentKind::Clahe)
            .without(AugmentKind::Blur)
            .without(AugmentKind::Noise);
        let mut rng = StdRng::seed_from_u64(seed);
        let steps = sample_steps(&config, &mut rng);
        let coords = faces.coords(row);
        let (_, moved) = apply_steps(&steps, faces.image(row), coords, &mut rng);
        for k in 0..NUM_KEYPOINTS {
            // One keypoint per image, so the brightest pixel can only be its dot. A flip renames
            // keypoints, so the dot drawn for k is found under its name after the steps.
            let (image, _) = apply_steps(&steps, &dot(coords[2 * k], coords[2 * k + 1]), coords, &mut rng);
            let flipped = steps.iter().filter(|s| matches!(s, Step::Geometric { kind: AugmentKind::Flip, .. })).count() % 2 == 1;
            let name = if flipped { mirror(k) } else { k };
            let (x, y) = (moved[2 * name], moved[2 * name + 1]);
            if x.is_nan() || x < 1.0 || y < 1.0 || x > 94.0 || y > 94.0 {
                continue; // dropped, or too near the border to keep a whole dot
            }
            let (bx, by) = brightest(&image);
            prop_assert!((bx - x).abs() <= 1.0 && (by - y).abs() <= 1.0,
                "keypoint {k} at ({x:.2}, {y:.2}) but brightest at ({bx}, {by}); steps {steps:?}");
        }
    }
}

#[test]
fn flip_keeps_the_subject_left_eye_on_image_right() {
    let faces = sample_faces();
    let flip = [step(AugmentKind::Flip, Affine::flip())];
    for row in 0..faces.len() {
        let c = faces.coords(row);
        assert!(
            c[0] > c[2],
            "the data has left_eye_center_x > right_eye_center_x"
        );
        let (_, flipped) = apply_steps(&flip, faces.image(row), c, &mut rng());
        assert!(
            flipped[0] > flipped[2],
            "row {row}: after a flip the subject's left eye is still image-right"
        );
        assert!(
            (flipped[0] - (95.0 - c[2])).abs() < 1e-4,
            "left eye now sits where the mirrored right eye was"
        );
    }
}

#[test]
fn keypoints_pushed_out_become_missing() {
    let mut coords = [48.0f32; NUM_COORDS];
    coords[0] = 2.0; // left eye near the left edge
    let zoom = [step(AugmentKind::Scale, Affine::zoom(1.2))];
    let (_, moved) = apply_steps(&zoom, &[0; IMAGE_PIXELS], &coords, &mut rng());
    assert!(
        moved[0].is_nan() && moved[1].is_nan(),
        "x and y both go missing"
    );
    assert!(
        (moved[2] - 48.1).abs() < 1e-3,
        "others stay: 47.5 + 0.5 · 1.2"
    );
}

#[test]
fn sampled_parameters_cover_their_ranges_with_their_probabilities() {
    let config = AugmentConfig::default();
    let mut rng = StdRng::seed_from_u64(99);
    let draws = 4000;
    let mut seen: std::collections::HashMap<AugmentKind, Vec<f32>> = Default::default();
    let mut orders = std::collections::HashSet::new();
    for _ in 0..draws {
        let steps = sample_steps(&config, &mut rng);
        let mut order = Vec::new();
        for s in steps {
            let (kind, value) = match s {
                Step::Geometric { kind, params, .. } => (kind, params[0]),
                Step::Clahe { clip_limit, tiles } => {
                    assert!((3..=12).contains(&tiles));
                    (AugmentKind::Clahe, clip_limit)
                }
                Step::Blur(sigma) => (AugmentKind::Blur, sigma),
                Step::Noise(scale) => (AugmentKind::Noise, scale),
            };
            seen.entry(kind).or_default().push(value);
            order.push(kind);
        }
        orders.insert(order);
    }
    assert!(
        orders.len() > 1000,
        "orders vary: {} distinct",
        orders.len()
    );
    for kind in AugmentKind::ALL {
        let op = config.op(kind);
        let values = &seen[&kind];
        let rate = values.len() as f64 / draws as f64;
        assert!(
            (rate - op.probability).abs() < 0.03,
            "{kind:?} applied {rate}, expected {}",
            op.probability
        );
        if kind == AugmentKind::Flip {
            continue;
        }
        let scale = if kind == AugmentKind::Crop {
            IMAGE_SIDE as f64
        } else {
            1.0
        };
        let (lo, hi) = (op.low * scale, op.high * scale);
        let min = values.iter().cloned().fold(f32::MAX, f32::min) as f64;
        let max = values.iter().cloned().fold(f32::MIN, f32::max) as f64;
        let width = hi - lo;
        assert!(
            min >= lo && max <= hi,
            "{kind:?} within [{lo}, {hi}]: {min}..{max}"
        );
        assert!(
            min - lo < 0.02 * width && hi - max < 0.02 * width,
            "{kind:?} covers [{lo}, {hi}]: {min}..{max}"
        );
    }
}
