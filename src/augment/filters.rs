//! Photometric augmentations: Gaussian blur and additive Gaussian noise, on 96×96 images of
//! 0–255 values.

use rand::Rng;
use rand_distr::{Distribution, StandardNormal};

use crate::keypoints::IMAGE_SIDE;

/// Reflect-101 index into `0..n` (… 2 1 | 0 1 2 … n-1 | n-2 …), OpenCV's default border.
pub(crate) fn reflect(i: isize, n: isize) -> usize {
    let mut i = i;
    while i < 0 || i >= n {
        i = if i < 0 { -i } else { 2 * (n - 1) - i };
    }
    i as usize
}

/// Separable Gaussian blur with standard deviation `sigma` (pixels), borders reflected as
/// OpenCV's default; `sigma` below 0.01 leaves the image as it is.
pub fn gaussian_blur(image: &mut [f32], sigma: f32) {
    if sigma < 0.01 {
        return;
    }
    let n = IMAGE_SIDE;
    let radius = (3.0 * sigma).ceil().max(1.0) as isize;
    let weights: Vec<f32> = (-radius..=radius)
        .map(|i| (-(i * i) as f32 / (2.0 * sigma * sigma)).exp())
        .collect();
    let total: f32 = weights.iter().sum();
    let weights: Vec<f32> = weights.iter().map(|w| w / total).collect();
    let mut tmp = vec![0.0f32; n * n];
    for y in 0..n {
        for x in 0..n {
            let mut acc = 0.0;
            for (k, w) in weights.iter().enumerate() {
                acc += w * image[y * n + reflect(x as isize + k as isize - radius, n as isize)];
            }
            tmp[y * n + x] = acc;
        }
    }
    for y in 0..n {
        for x in 0..n {
            let mut acc = 0.0;
            for (k, w) in weights.iter().enumerate() {
                acc += w * tmp[reflect(y as isize + k as isize - radius, n as isize) * n + x];
            }
            image[y * n + x] = acc;
        }
    }
}

/// Adds noise drawn from N(0, scale²) to every pixel, then clips to 0–255.
pub fn gaussian_noise(image: &mut [f32], scale: f32, rng: &mut impl Rng) {
    for v in image.iter_mut() {
        let z: f32 = StandardNormal.sample(rng);
        *v = (*v + scale * z).clamp(0.0, 255.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    const N: usize = IMAGE_SIDE * IMAGE_SIDE;

    #[test]
    fn blur_keeps_constants_and_mass() {
        let mut flat = vec![77.0f32; N];
        gaussian_blur(&mut flat, 1.7);
        assert!(flat.iter().all(|v| (v - 77.0).abs() < 1e-3));
        let mut dot = vec![0.0f32; N];
        dot[48 * IMAGE_SIDE + 48] = 1000.0;
        gaussian_blur(&mut dot, 1.0);
        let sum: f32 = dot.iter().sum();
        assert!((sum - 1000.0).abs() < 0.1, "{sum}");
        assert!(dot[48 * IMAGE_SIDE + 48] < 200.0 && dot[48 * IMAGE_SIDE + 49] > 50.0);
    }

    #[test]
    fn noise_has_the_requested_spread() {
        let mut image = vec![128.0f32; N];
        gaussian_noise(&mut image, 10.0, &mut StdRng::seed_from_u64(1));
        let mean = image.iter().sum::<f32>() / N as f32;
        let sd = (image.iter().map(|v| (v - mean).powi(2)).sum::<f32>() / N as f32).sqrt();
        assert!(
            (mean - 128.0).abs() < 0.5 && (sd - 10.0).abs() < 0.5,
            "{mean} {sd}"
        );
    }
}
