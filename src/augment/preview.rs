//! Augmented variants of one face for the page's Augment view: each drawn by the training
//! pipeline itself (`sample_steps` + `apply_steps`), with its steps in words and the labelled
//! keypoints the steps pushed out of the frame (where they went).

use rand::SeedableRng;
use rand::rngs::StdRng;
use serde::Serialize;

use super::{AugmentConfig, apply_steps, sample_steps, total_transform};
use crate::keypoints::{KEYPOINT_NAMES, LEFT_RIGHT_PAIRS, NUM_KEYPOINTS};

/// At most this many variants per call.
pub const MAX_VARIANTS: usize = 64;

/// One augmented variant of a face.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Variant {
    /// 96×96 pixels.
    pub image: Vec<u8>,
    /// 30 coordinates after the steps (`NaN`: missing or pushed out).
    pub coords: Vec<f32>,
    /// The steps in the order applied, as captions.
    pub steps: Vec<String>,
    /// The augmentations applied, by config name, in order.
    pub kinds: Vec<&'static str>,
    /// Labelled keypoints the steps pushed out of the frame, where they went.
    pub pushed_out: Vec<PushedOut>,
    /// Whether a flip was among the steps (left and right swapped names).
    pub flipped: bool,
}

/// A labelled keypoint the steps moved out of the frame.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PushedOut {
    /// The keypoint's name after the steps (a flip swaps left and right).
    pub name: &'static str,
    pub x: f32,
    pub y: f32,
}

/// `count` (at most [`MAX_VARIANTS`]) variants of the face `image` / `coords` under `config`;
/// variant `v` is drawn from `seed` and `v` alone, so the same seed shows the same faces.
pub fn variants(
    config: &AugmentConfig,
    image: &[u8],
    coords: &[f32],
    seed: u64,
    count: usize,
) -> Vec<Variant> {
    (0..count.min(MAX_VARIANTS))
        .map(|v| {
            let mut rng =
                StdRng::seed_from_u64(seed.wrapping_mul(1_000_003).wrapping_add(v as u64));
            let steps = sample_steps(config, &mut rng);
            let (out, moved) = apply_steps(&steps, image, coords, &mut rng);
            let (transform, flipped) = total_transform(&steps);
            let pushed_out = (0..NUM_KEYPOINTS)
                .filter(|&k| !coords[2 * k].is_nan() && moved[2 * k].is_nan())
                .map(|k| {
                    let (x, y) = transform.apply(coords[2 * k], coords[2 * k + 1]);
                    PushedOut {
                        name: KEYPOINT_NAMES[if flipped { mirror(k) } else { k }],
                        x,
                        y,
                    }
                })
                .collect();
            Variant {
                image: out,
                coords: moved.to_vec(),
                steps: steps.iter().map(ToString::to_string).collect(),
                kinds: steps.iter().map(|s| s.kind().name()).collect(),
                pushed_out,
                flipped,
            }
        })
        .collect()
}

/// The keypoint a flip turns keypoint `k` into.
fn mirror(k: usize) -> usize {
    LEFT_RIGHT_PAIRS
        .iter()
        .find_map(|&(l, r)| match k {
            _ if k == l => Some(r),
            _ if k == r => Some(l),
            _ => None,
        })
        .unwrap_or(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keypoints::{IMAGE_PIXELS, NUM_COORDS};

    #[test]
    fn the_same_seed_draws_the_same_variants_and_a_forced_flip_renames() {
        let image: Vec<u8> = (0..IMAGE_PIXELS).map(|i| (i % 251) as u8).collect();
        let coords: Vec<f32> = (0..NUM_COORDS).map(|i| 30.0 + i as f32).collect();
        let config = AugmentConfig::default();
        let a = variants(&config, &image, &coords, 5, 4);
        assert_eq!(a, variants(&config, &image, &coords, 5, 4));
        assert_ne!(a, variants(&config, &image, &coords, 6, 4));
        assert_eq!(
            variants(&config, &image, &coords, 5, 1000).len(),
            MAX_VARIANTS
        );
        assert_eq!(mirror(mirror(2)), 2);
        assert_ne!(mirror(0), 0, "the eye centres swap");
        assert_eq!(mirror(10), 10, "the nose tip stays");
    }
}
