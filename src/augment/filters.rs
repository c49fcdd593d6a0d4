//! Photometric augmentations: Gaussian blur and additive Gaussian noise, on 96×96 images of
//! 0–255 values.

use rand::Rng;
use rand_distr::{Distribution, StandardNormal};

use crate::keypoints::IMAGE_SIDE;

/// The nearest 0–255 byte of a value (halves round up). A cast rather than `f32::round`,
/// which is a library call on baseline x86-64 and dominated the per-pixel loops.
#[inline]
pub(crate) fn to_byte(v: f32) -> u8 {
    (v.clamp(0.0, 255.0) + 0.5) as u8
}

/// Reflect-101 index into `0..n` (… 2 1 | 0 1 2 … n-1 | n-2 …), OpenCV's default border.
#[inline]
pub(crate) fn reflect(i: isize, n: isize) -> usize {
    let mut i = i;
    while i < 0 || i >= n {
        i = if i < 0 { -i } else { 2 * (n - 1) - i };
    }
    i as usize
}

/// Separable Gaussian blur with standard deviation `sigma` (pixels), borders reflected as
/// OpenCV's default; `sigma` below 0.01 leaves the image as it is.
///
/// Each pass runs over rows of a reflect-padded copy, so the inner loops are contiguous and
/// vectorise.
pub fn gaussian_blur(image: &mut [f32], sigma: f32) {
    if sigma < 0.01 {
        return;
    }
    let n = IMAGE_SIDE;
    let radius = (3.0 * sigma).ceil().max(1.0) as usize;
    let weights: Vec<f32> = (0..=2 * radius)
        .map(|k| {
            let d = k as f32 - radius as f32;
            (-(d * d) / (2.0 * sigma * sigma)).exp()
        })
        .collect();
    let total: f32 = weights.iter().sum();
    let weights: Vec<f32> = weights.iter().map(|w| w / total).collect();
    let wide = n + 2 * radius;
    let source = |i: usize| reflect(i as isize - radius as isize, n as isize);

    // Horizontal: each row padded to `wide`, then a weighted sum of shifted slices.
    let mut padded = vec![0.0f32; wide];
    let mut rows = vec![0.0f32; wide * n]; // rows padded vertically for the second pass
    for y in 0..n {
        let row = &image[y * n..(y + 1) * n];
        for (i, p) in padded.iter_mut().enumerate() {
            *p = row[source(i)];
        }
        let out = &mut rows[(y + radius) * n..(y + radius + 1) * n];
        out.fill(0.0);
        for (k, &w) in weights.iter().enumerate() {
            for (o, &p) in out.iter_mut().zip(&padded[k..k + n]) {
                *o += w * p;
            }
        }
    }
    for i in (0..radius).chain(n + radius..wide) {
        let from = source(i) + radius;
        rows.copy_within(from * n..(from + 1) * n, i * n);
    }
    // Vertical: output row y is the weighted sum of padded rows y..y+2r.
    for y in 0..n {
        let out = &mut image[y * n..(y + 1) * n];
        out.fill(0.0);
        for (k, &w) in weights.iter().enumerate() {
            let row = &rows[(y + k) * n..(y + k + 1) * n];
            for (o, &p) in out.iter_mut().zip(row) {
                *o += w * p;
            }
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

    /// The separable, padded implementation equals the textbook double sum with reflected
    /// borders.
    #[test]
    fn blur_matches_the_direct_formula() {
        let image: Vec<f32> = (0..N).map(|i| ((i * 37) % 255) as f32).collect();
        let sigma = 1.3f32;
        let r = (3.0 * sigma).ceil() as isize;
        let g = |d: isize| (-((d * d) as f32) / (2.0 * sigma * sigma)).exp();
        let total: f32 = (-r..=r).map(g).sum();
        let n = IMAGE_SIDE as isize;
        let direct = |x: isize, y: isize| {
            let mut acc = 0.0;
            for dy in -r..=r {
                for dx in -r..=r {
                    acc +=
                        g(dx) * g(dy) * image[reflect(y + dy, n) * IMAGE_SIDE + reflect(x + dx, n)];
                }
            }
            acc / (total * total)
        };
        let mut fast = image.clone();
        gaussian_blur(&mut fast, sigma);
        for (x, y) in [(0, 0), (1, 2), (47, 50), (95, 95), (94, 3), (3, 93)] {
            let want = direct(x, y);
            let got = fast[y as usize * IMAGE_SIDE + x as usize];
            assert!((want - got).abs() < 1e-2, "({x}, {y}): {got} vs {want}");
        }
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
