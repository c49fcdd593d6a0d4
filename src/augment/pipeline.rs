//! The pipeline: the enabled augmentations, each applied with its probability, in a random
//! order per sample. Consecutive geometric steps are composed into one affine transform, so
//! the image is resampled once per run of them; keypoints follow the same transform exactly,
//! flips swap left/right names, and a keypoint pushed outside the image becomes missing.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, RngExt, SeedableRng};

use super::affine::{Affine, Fill, warp};
use super::clahe::clahe;
use super::config::{AugmentConfig, AugmentKind, AugmentMode};
use super::filters::{gaussian_blur, gaussian_noise, to_byte};
use crate::data::FaceSet;
use crate::keypoints::{IMAGE_PIXELS, IMAGE_SIDE, LEFT_RIGHT_PAIRS, NUM_COORDS};

/// One sampled step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    /// A geometric step: its parameters as drawn (angle; factor; left, top, right, bottom
    /// pixels cut; nothing for a flip) and its transform.
    Geometric {
        /// Which.
        kind: AugmentKind,
        /// Drawn parameters, unused ones 0.
        params: [f32; 4],
        /// The transform.
        transform: Affine,
    },
    /// CLAHE with a clip limit and a tile grid.
    Clahe {
        /// Clip limit.
        clip_limit: f32,
        /// Tiles per side.
        tiles: usize,
    },
    /// Gaussian blur sigma.
    Blur(f32),
    /// Gaussian noise standard deviation.
    Noise(f32),
}

impl std::fmt::Display for Step {
    /// The step as a caption says it: `rotate −7.3°`, `scale ×1.12`, `crop 3 / 1 / 8 / 2 px`,
    /// `flip`, `CLAHE clip 4.2, 7×7 tiles`, `blur σ 1.30 px`, `noise σ 12.0`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Step::Geometric { kind, params, .. } => match kind {
                AugmentKind::Rotate => write!(f, "rotate {:.1}°", params[0]),
                AugmentKind::Scale => write!(f, "scale ×{:.2}", params[0]),
                AugmentKind::Crop => write!(
                    f,
                    "crop {:.0} / {:.0} / {:.0} / {:.0} px",
                    params[0], params[1], params[2], params[3]
                ),
                other => write!(f, "{}", other.name()),
            },
            Step::Clahe { clip_limit, tiles } => {
                write!(f, "CLAHE clip {clip_limit:.1}, {tiles}×{tiles} tiles")
            }
            Step::Blur(sigma) => write!(f, "blur σ {sigma:.2} px"),
            Step::Noise(sigma) => write!(f, "noise σ {sigma:.1}"),
        }
    }
}

impl Step {
    /// The augmentation this step is.
    pub fn kind(&self) -> AugmentKind {
        match *self {
            Step::Geometric { kind, .. } => kind,
            Step::Clahe { .. } => AugmentKind::Clahe,
            Step::Blur(_) => AugmentKind::Blur,
            Step::Noise(_) => AugmentKind::Noise,
        }
    }
}

/// Where the geometric steps take every point, and whether they flip left and right.
pub fn total_transform(steps: &[Step]) -> (Affine, bool) {
    let mut total = Affine::IDENTITY;
    let mut flips = 0;
    for step in steps {
        if let Step::Geometric {
            kind, transform, ..
        } = *step
        {
            total = transform.after(&total);
            flips += usize::from(kind == AugmentKind::Flip);
        }
    }
    (total, flips % 2 == 1)
}

fn uniform(rng: &mut impl Rng, low: f64, high: f64) -> f32 {
    if high > low {
        rng.random_range(low..high) as f32
    } else {
        low as f32
    }
}

fn geometric(kind: AugmentKind, params: [f32; 4], transform: Affine) -> Step {
    Step::Geometric {
        kind,
        params,
        transform,
    }
}

/// Draws the steps for one sample: a random order of the enabled augmentations, each kept
/// with its probability, with its parameter drawn from its range.
pub fn sample_steps(config: &AugmentConfig, rng: &mut impl Rng) -> Vec<Step> {
    let mut order = AugmentKind::ALL;
    order.shuffle(rng);
    let mut steps = Vec::with_capacity(order.len());
    for kind in order {
        let op = config.op(kind);
        if !op.enabled || rng.random::<f64>() >= op.probability {
            continue;
        }
        let (low, high) = (op.low, op.high);
        let side = IMAGE_SIDE as f32;
        steps.push(match kind {
            AugmentKind::Rotate => {
                let angle = uniform(rng, low, high);
                geometric(kind, [angle, 0.0, 0.0, 0.0], Affine::rotation(angle))
            }
            AugmentKind::Scale => {
                let factor = uniform(rng, low, high);
                geometric(kind, [factor, 0.0, 0.0, 0.0], Affine::zoom(factor))
            }
            AugmentKind::Crop => {
                let mut cut = || uniform(rng, low, high) * side;
                let (l, t, r, b) = (cut(), cut(), cut(), cut());
                geometric(kind, [l, t, r, b], Affine::crop(l, t, r, b))
            }
            AugmentKind::Flip => geometric(kind, [0.0; 4], Affine::flip()),
            AugmentKind::Clahe => Step::Clahe {
                clip_limit: uniform(rng, low, high),
                tiles: rng.random_range(config.clahe_tiles.0..=config.clahe_tiles.1),
            },
            AugmentKind::Blur => Step::Blur(uniform(rng, low, high)),
            AugmentKind::Noise => Step::Noise(uniform(rng, low, high)),
        });
    }
    steps
}

/// Applies `steps` to one face: a 96×96 `image` and its 30 `coords` (`NaN` = missing).
pub fn apply_steps(
    steps: &[Step],
    image: &[u8],
    coords: &[f32],
    rng: &mut impl Rng,
) -> (Vec<u8>, [f32; NUM_COORDS]) {
    let mut pixels: Vec<f32> = image.iter().map(|&p| f32::from(p)).collect();
    let mut scratch = vec![0.0f32; IMAGE_PIXELS];
    let mut pending = Affine::IDENTITY; // geometric steps not yet applied to the pixels
    let mut total = Affine::IDENTITY; // every geometric step so far, for the keypoints
    let mut flips = 0;
    let flush = |pixels: &mut Vec<f32>, scratch: &mut Vec<f32>, pending: &mut Affine| {
        if *pending != Affine::IDENTITY {
            warp(pixels, scratch, pending, Fill::Zero);
            std::mem::swap(pixels, scratch);
            *pending = Affine::IDENTITY;
        }
    };
    for step in steps {
        match *step {
            Step::Geometric {
                kind, transform, ..
            } => {
                pending = transform.after(&pending);
                total = transform.after(&total);
                flips += usize::from(kind == AugmentKind::Flip);
            }
            Step::Clahe { clip_limit, tiles } => {
                flush(&mut pixels, &mut scratch, &mut pending);
                clahe(&mut pixels, clip_limit, tiles);
            }
            Step::Blur(sigma) => {
                flush(&mut pixels, &mut scratch, &mut pending);
                gaussian_blur(&mut pixels, sigma);
            }
            Step::Noise(scale) => {
                flush(&mut pixels, &mut scratch, &mut pending);
                gaussian_noise(&mut pixels, scale, rng);
            }
        }
    }
    flush(&mut pixels, &mut scratch, &mut pending);
    let out_image = pixels.iter().map(|&v| to_byte(v)).collect();
    (out_image, move_keypoints(coords, &total, flips % 2 == 1))
}

/// Keypoints after `transform`; names swapped when `flipped`; outside the image → missing.
pub fn move_keypoints(coords: &[f32], transform: &Affine, flipped: bool) -> [f32; NUM_COORDS] {
    let mut out = [f32::NAN; NUM_COORDS];
    let limit = IMAGE_SIDE as f32;
    for k in 0..NUM_COORDS / 2 {
        let (x, y) = (coords[2 * k], coords[2 * k + 1]);
        if x.is_nan() || y.is_nan() {
            continue;
        }
        let (u, v) = transform.apply(x, y);
        if (0.0..=limit).contains(&u) && (0.0..=limit).contains(&v) {
            out[2 * k] = u;
            out[2 * k + 1] = v;
        }
    }
    if flipped {
        for (l, r) in LEFT_RIGHT_PAIRS {
            out.swap(2 * l, 2 * r);
            out.swap(2 * l + 1, 2 * r + 1);
        }
    }
    out
}

/// Augments one face with freshly sampled steps.
pub fn augment(
    config: &AugmentConfig,
    image: &[u8],
    coords: &[f32],
    rng: &mut impl Rng,
) -> (Vec<u8>, [f32; NUM_COORDS]) {
    let steps = sample_steps(config, rng);
    apply_steps(&steps, image, coords, rng)
}

/// The seed of one augmented sample, so every sample is reproducible on its own.
fn sample_seed(seed: u64, epoch: usize, row: usize, variant: usize) -> u64 {
    [epoch as u64, row as u64, variant as u64]
        .iter()
        .fold(seed, |acc, v| {
            acc.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(*v + 1)
        })
}

/// The faces one epoch trains on: for each face, the original (multiplier mode only) and the
/// augmented variants, in row order. Deterministic in `seed` and `epoch`.
pub fn epoch_set(
    faces: &FaceSet,
    config: &AugmentConfig,
    mode: AugmentMode,
    seed: u64,
    epoch: usize,
) -> FaceSet {
    let (keep_original, variants) = match mode {
        AugmentMode::OnTheFly => (false, 1),
        AugmentMode::Multiplier { k } => (true, k),
    };
    let mut out = FaceSet::default();
    for i in 0..faces.len() {
        if keep_original {
            out.push(faces.ids[i], faces.image(i), faces.coords(i));
        }
        for v in 0..variants {
            let mut rng = StdRng::seed_from_u64(sample_seed(seed, epoch, i, v));
            let (image, coords) = augment(config, faces.image(i), faces.coords(i), &mut rng);
            out.push(faces.ids[i], &image, &coords);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keypoints::{IMAGE_PIXELS, NUM_COORDS};

    fn faces() -> FaceSet {
        let mut faces = FaceSet::default();
        for f in 0..4u32 {
            let image: Vec<u8> = (0..IMAGE_PIXELS)
                .map(|i| ((i % 96) as u32 * 2 + (i / 96) as u32 + f * 20) as u8)
                .collect();
            let coords: Vec<f32> = (0..NUM_COORDS).map(|c| 30.0 + c as f32).collect();
            faces.push(f + 1, &image, &coords);
        }
        faces
    }

    #[test]
    fn steps_read_as_captions() {
        let steps = [
            geometric(
                AugmentKind::Rotate,
                [-7.25, 0.0, 0.0, 0.0],
                Affine::rotation(-7.25),
            ),
            geometric(AugmentKind::Flip, [0.0; 4], Affine::flip()),
            Step::Clahe {
                clip_limit: 4.2,
                tiles: 7,
            },
            Step::Blur(1.3),
        ];
        let text: Vec<String> = steps.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "rotate -7.2°",
                "flip",
                "CLAHE clip 4.2, 7×7 tiles",
                "blur σ 1.30 px"
            ]
        );
        let (total, flipped) = total_transform(&steps);
        assert!(flipped);
        assert_eq!(total, Affine::flip().after(&Affine::rotation(-7.25)));
    }

    #[test]
    fn an_epoch_set_repeats_for_a_seed_and_epoch_and_differs_otherwise() {
        let faces = faces();
        let config = AugmentConfig::default();
        let mode = AugmentMode::Multiplier { k: 1 };
        let set = |seed, epoch| epoch_set(&faces, &config, mode, seed, epoch);
        let first = set(5, 0);
        assert_eq!(first.len(), 8, "each original and one variant");
        let again = set(5, 0);
        let bits = |f: &FaceSet| f.coords.iter().map(|c| c.to_bits()).collect::<Vec<_>>();
        assert_eq!(
            first.images, again.images,
            "same seed and epoch: the same faces"
        );
        assert_eq!(bits(&first), bits(&again));
        assert_ne!(
            first.images,
            set(6, 0).images,
            "another seed: other variants"
        );
        assert_ne!(
            first.images,
            set(5, 1).images,
            "another epoch: other variants"
        );
        // The originals stay as they are in every set.
        assert_eq!(first.image(0), faces.image(0));
        assert_eq!(set(6, 3).image(0), faces.image(0));
    }
}
