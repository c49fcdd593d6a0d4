//! 2×2 max pooling with stride 2 over NHWC activations, and the per-channel affine step a
//! batch norm becomes at inference.

/// The larger of two values; NaN wins, as in burn's max pool (and PyTorch's).
#[inline(always)]
fn max_nan(a: f32, b: f32) -> f32 {
    if a > b || a.is_nan() { a } else { b }
}

/// # Shapes
/// - `x`: `[n, side, side, C]`
/// - returns: `[n, side / 2, side / 2, C]` (an odd last row and column are dropped, as burn's
///   pool without padding drops them)
pub fn max_pool_2x2(x: &[f32], n: usize, side: usize, channels: usize) -> Vec<f32> {
    assert_eq!(x.len(), n * side * side * channels);
    let half = side / 2;
    let mut out = vec![0.0; n * half * half * channels];
    let row = side * channels;
    for (b, image_out) in out.chunks_exact_mut(half * half * channels).enumerate() {
        let image = &x[b * side * row..(b + 1) * side * row];
        for (y, out_row) in image_out.chunks_exact_mut(half * channels).enumerate() {
            let top = &image[2 * y * row..(2 * y + 1) * row];
            let bottom = &image[(2 * y + 1) * row..(2 * y + 2) * row];
            for (x, dst) in out_row.chunks_exact_mut(channels).enumerate() {
                let at = 2 * x * channels;
                let (a, b) = (
                    &top[at..at + channels],
                    &top[at + channels..at + 2 * channels],
                );
                let (c, d) = (
                    &bottom[at..at + channels],
                    &bottom[at + channels..at + 2 * channels],
                );
                for i in 0..channels {
                    dst[i] = max_nan(max_nan(a[i], b[i]), max_nan(c[i], d[i]));
                }
            }
        }
    }
    out
}

/// `x · scale + shift` per channel (the last dimension), in place.
pub fn affine(x: &mut [f32], scale: &[f32], shift: &[f32]) {
    for v in x.chunks_exact_mut(scale.len()) {
        for ((v, s), t) in v.iter_mut().zip(scale).zip(shift) {
            *v = *v * s + t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_largest_of_each_window_per_channel_and_drops_an_odd_edge() {
        // One image, 3×3, two channels: channel 0 counts up, channel 1 counts down.
        let x: Vec<f32> = (0..9).flat_map(|i| [i as f32, -(i as f32)]).collect();
        assert_eq!(max_pool_2x2(&x, 1, 3, 2), vec![4.0, 0.0]);
        let x: Vec<f32> = (0..16).map(|i| i as f32).collect(); // 4×4, one channel
        assert_eq!(max_pool_2x2(&x, 1, 4, 1), vec![5.0, 7.0, 13.0, 15.0]);
    }

    #[test]
    fn nan_anywhere_in_a_window_wins() {
        for at in 0..4 {
            let mut x = vec![1.0, 2.0, 3.0, 4.0];
            x[at] = f32::NAN;
            assert!(max_pool_2x2(&x, 1, 2, 1)[0].is_nan(), "NaN at {at}");
        }
    }

    #[test]
    fn affine_scales_and_shifts_each_channel() {
        let mut x = vec![1.0, 2.0, 3.0, 4.0];
        affine(&mut x, &[2.0, -1.0], &[0.5, 1.0]);
        assert_eq!(x, vec![2.5, -1.0, 6.5, -3.0]);
    }
}
