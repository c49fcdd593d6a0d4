//! 3×3 depthwise convolution (each channel its own 3×3 filter), stride 1, one pixel of zero
//! padding on every side, bias added: the layer the face detectors run most. Each output row
//! is written once, from the three input rows it reads, the nine weights held in registers
//! (burn-flex 0.22's depthwise path adds the nine taps into the output one at a time, nine
//! reads and writes of each output, then the bias in another pass).

use super::parallel::fill_rows;

/// # Shapes
/// - `x`: `planes` planes of `[h, w]` (NCHW: `planes` = batch × channels)
/// - `weights`: `[channels, 3, 3]`, `bias`: `[channels]`; plane `p` is channel
///   `p % channels`
/// - returns: `planes` planes of `[h, w]`
pub fn conv3x3(
    x: &[f32],
    planes: usize,
    h: usize,
    w: usize,
    weights: &[f32],
    bias: &[f32],
) -> Vec<f32> {
    let channels = bias.len();
    assert_eq!(x.len(), planes * h * w, "input size");
    assert_eq!(weights.len(), channels * 9, "one 3×3 filter per channel");
    assert!(
        channels > 0 && planes.is_multiple_of(channels),
        "planes of whole images"
    );
    let zeros = vec![0.0; w];
    fill_rows(planes, h * w, |p, out| {
        let c = p % channels;
        let filter: &[f32; 9] = weights[c * 9..c * 9 + 9].try_into().unwrap();
        let x = &x[p * h * w..(p + 1) * h * w];
        plane(x, h, w, &zeros, filter, bias[c], out);
    })
}

/// One `[h, w]` plane into `out`; `zeros`: a row of `w` zeros (the padding above and below).
fn plane(x: &[f32], h: usize, w: usize, zeros: &[f32], k: &[f32; 9], bias: f32, out: &mut [f32]) {
    let row = |y: isize| -> &[f32] {
        if y < 0 || y as usize >= h {
            zeros
        } else {
            &x[y as usize * w..(y as usize + 1) * w]
        }
    };
    for (y, out_row) in out.chunks_exact_mut(w).enumerate() {
        let y = y as isize;
        output_row(
            [row(y - 1), row(y), row(y + 1)],
            [&k[0..3], &k[3..6], &k[6..9]],
            bias,
            out_row,
        );
    }
}

/// One output row from the three input rows above, at and below it (zeros outside the
/// plane): the inner columns in one vectorisable pass, the two border columns apart.
#[inline(always)]
fn output_row(rows: [&[f32]; 3], k: [&[f32]; 3], bias: f32, out: &mut [f32]) {
    let w = out.len();
    // Output column `x`, term by term: the filter's column `dx` reads input column
    // `x + dx − 1`, zero outside the row.
    let edge = |x: usize| -> f32 {
        let mut sum = bias;
        for (row, taps) in rows.iter().zip(k) {
            for (dx, &tap) in taps.iter().enumerate() {
                if let Some(&v) = (x + dx).checked_sub(1).and_then(|at| row.get(at)) {
                    sum += tap * v;
                }
            }
        }
        sum
    };
    if w <= 2 {
        for (x, o) in out.iter_mut().enumerate() {
            *o = edge(x);
        }
        return;
    }
    let inner = w - 2;
    // Column x of the output (1 ≤ x ≤ w − 2) reads columns x − 1, x, x + 1: the slices
    // starting at 0, 1 and 2, all `inner` long, so the loop has no bounds checks.
    let [a0, b0, c0] = [&rows[0][..inner], &rows[0][1..=inner], &rows[0][2..]];
    let [a1, b1, c1] = [&rows[1][..inner], &rows[1][1..=inner], &rows[1][2..]];
    let [a2, b2, c2] = [&rows[2][..inner], &rows[2][1..=inner], &rows[2][2..]];
    let [k0, k1, k2] = k;
    let (k00, k01, k02) = (k0[0], k0[1], k0[2]);
    let (k10, k11, k12) = (k1[0], k1[1], k1[2]);
    let (k20, k21, k22) = (k2[0], k2[1], k2[2]);
    let body = &mut out[1..=inner];
    for i in 0..inner {
        body[i] = bias
            + (k00 * a0[i] + k01 * b0[i] + k02 * c0[i])
            + (k10 * a1[i] + k11 * b1[i] + k12 * c1[i])
            + (k20 * a2[i] + k21 * b2[i] + k22 * c2[i]);
    }
    out[0] = edge(0);
    out[w - 1] = edge(w - 1);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, term by term.
    fn reference(x: &[f32], planes: usize, h: usize, w: usize, k: &[f32], b: &[f32]) -> Vec<f32> {
        let channels = b.len();
        let mut out = vec![0.0; planes * h * w];
        for p in 0..planes {
            let c = p % channels;
            for y in 0..h {
                for xx in 0..w {
                    let mut sum = b[c];
                    for ky in 0..3 {
                        for kx in 0..3 {
                            let (iy, ix) = (y as isize + ky - 1, xx as isize + kx - 1);
                            if iy >= 0 && ix >= 0 && (iy as usize) < h && (ix as usize) < w {
                                sum += k[c * 9 + (ky * 3 + kx) as usize]
                                    * x[p * h * w + iy as usize * w + ix as usize];
                            }
                        }
                    }
                    out[p * h * w + y * w + xx] = sum;
                }
            }
        }
        out
    }

    fn values(n: usize, seed: u32) -> Vec<f32> {
        (0..n)
            .map(|i| {
                ((i as u32).wrapping_mul(2654435761).wrapping_add(seed) % 1000) as f32 / 250.0 - 2.0
            })
            .collect()
    }

    #[test]
    fn matches_the_definition_on_every_shape() {
        for (batch, channels, h, w) in [
            (1, 3, 5, 7),
            (2, 4, 1, 1),
            (1, 2, 2, 2),
            (1, 1, 3, 1),
            (3, 2, 8, 3),
            (1, 5, 12, 16),
        ] {
            let planes = batch * channels;
            let x = values(planes * h * w, 1);
            let k = values(channels * 9, 2);
            let b = values(channels, 3);
            let got = conv3x3(&x, planes, h, w, &k, &b);
            let want = reference(&x, planes, h, w, &k, &b);
            for (i, (g, e)) in got.iter().zip(&want).enumerate() {
                assert!(
                    (g - e).abs() <= 1e-5 * (1.0 + e.abs()),
                    "{batch}×{channels}×{h}×{w} at {i}: {g} vs {e}"
                );
            }
        }
    }

    #[test]
    fn nan_in_the_input_reaches_its_neighbours_only() {
        let (h, w) = (5, 5);
        let mut x = vec![1.0; h * w];
        x[2 * w + 2] = f32::NAN;
        let out = conv3x3(&x, 1, h, w, &[1.0; 9], &[0.0]);
        for y in 0..h {
            for xx in 0..w {
                let near = y.abs_diff(2) <= 1 && xx.abs_diff(2) <= 1;
                assert_eq!(out[y * w + xx].is_nan(), near, "({y}, {xx})");
            }
        }
    }
}
