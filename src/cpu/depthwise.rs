//! 3×3 depthwise convolution (each channel its own 3×3 filter), bias added: the layer the face
//! detectors run most, at stride 1 with one pixel of zero padding on every side
//! ([`conv3x3`]), and at stride 2 to downsample ([`conv3x3_stride2`]). Each output row
//! is written once, from the three input rows it reads, the nine weights held in registers
//! (burn-flex 0.22's depthwise path adds the nine taps into the output one at a time, nine
//! reads and writes of each output, then the bias in another pass).

use super::parallel::{fill_rows, for_each_chunk_with};

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
    let channels = check(x, planes, [h, w], weights, bias);
    let zeros = vec![0.0; w];
    fill_rows(planes, h * w, |p, out| {
        let c = p % channels;
        let filter: &[f32; 9] = weights[c * 9..c * 9 + 9].try_into().unwrap();
        let x = &x[p * h * w..(p + 1) * h * w];
        plane(x, h, w, &zeros, filter, bias[c], out);
    })
}

/// The channels (one filter and one bias each), after checking the sizes agree.
fn check(x: &[f32], planes: usize, [h, w]: [usize; 2], weights: &[f32], bias: &[f32]) -> usize {
    let channels = bias.len();
    assert_eq!(x.len(), planes * h * w, "input size");
    assert_eq!(weights.len(), channels * 9, "one 3×3 filter per channel");
    assert!(
        channels > 0 && planes.is_multiple_of(channels),
        "planes of whole images"
    );
    channels
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
    let [a0, b0, c0] = shifted(rows[0], inner);
    let [a1, b1, c1] = shifted(rows[1], inner);
    let [a2, b2, c2] = shifted(rows[2], inner);
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

/// `row`'s three `n`-long windows starting at columns 0, 1 and 2 (slices of one known length,
/// so a loop over them needs no bounds checks).
#[inline(always)]
fn shifted(row: &[f32], n: usize) -> [&[f32]; 3] {
    [&row[..n], &row[1..=n], &row[2..2 + n]]
}

/// 3×3 depthwise convolution, stride 2, zero padding `[top, left, bottom, right]` (the face
/// detectors' downsampling layers: `[0, 0, 1, 1]`), bias added. Each input row is first split
/// into its even and odd columns (after the left padding), so that output column `x`, which
/// reads padded columns `2x`, `2x + 1`, `2x + 2`, reads `even[x]`, `odd[x]`, `even[x + 1]`:
/// three contiguous, vectorisable streams in place of stride-2 reads.
///
/// # Shapes
/// - `x`: `planes` planes of `[h, w]` (plane `p` is channel `p % channels`)
/// - `weights`: `[channels, 3, 3]`, `bias`: `[channels]`
/// - returns: `planes` planes of `[h_out, w_out]`, `h_out = (top + h + bottom − 3) / 2 + 1`
///   (likewise `w_out`), and `[h_out, w_out]`
pub fn conv3x3_stride2(
    x: &[f32],
    planes: usize,
    [h, w]: [usize; 2],
    [top, left, bottom, right]: [usize; 4],
    weights: &[f32],
    bias: &[f32],
) -> (Vec<f32>, [usize; 2]) {
    let channels = check(x, planes, [h, w], weights, bias);
    let (padded_h, padded_w) = (top + h + bottom, left + w + right);
    assert!(
        padded_h >= 3 && padded_w >= 3,
        "the padded input holds a 3×3 window"
    );
    let (oh, ow) = ((padded_h - 3) / 2 + 1, (padded_w - 3) / 2 + 1);
    let stride = 2 * ow + 1;
    let mut out = vec![0.0; planes * oh * ow];
    // Each thread's split rows, reused from plane to plane.
    let scratch = || vec![0.0; (2 * oh + 1) * stride];
    for_each_chunk_with(&mut out, oh * ow, scratch, |rows, p, out| {
        let c = p % channels;
        let k: &[f32; 9] = weights[c * 9..c * 9 + 9].try_into().unwrap();
        let x = &x[p * h * w..(p + 1) * h * w];
        // Padded row `r` (0 ≤ r < 2·oh + 1) split into `into` (zeroed): its even columns
        // (ow + 1), then its odd (ow). Padded column `q = col + left` goes to `even[q / 2]` or
        // `odd[q / 2]`: the row's even columns fill one run of one half, its odd ones the other.
        let split = |r: usize, into: &mut [f32]| {
            let Some(y) = r.checked_sub(top).filter(|&y| y < h) else {
                return;
            };
            let (even, odd) = into.split_at_mut(ow + 1);
            let (first, second) = if left % 2 == 0 {
                (even.get_mut(left / 2..), odd.get_mut(left / 2..))
            } else {
                (odd.get_mut(left / 2..), even.get_mut(left / 2 + 1..))
            };
            let row = &x[y * w..(y + 1) * w];
            for (to, from) in [(first, 0), (second, 1)] {
                for (t, &v) in to
                    .into_iter()
                    .flatten()
                    .zip(row.iter().skip(from).step_by(2))
                {
                    *t = v;
                }
            }
        };
        rows.fill(0.0);
        for (r, row) in rows.chunks_exact_mut(stride).enumerate() {
            split(r, row);
        }
        for (y, out_row) in out.chunks_exact_mut(ow).enumerate() {
            out_row.fill(bias[c]);
            for dy in 0..3 {
                let row = &rows[(2 * y + dy) * stride..(2 * y + dy + 1) * stride];
                let (even, odd) = row.split_at(ow + 1);
                let (k0, k1, k2) = (k[dy * 3], k[dy * 3 + 1], k[dy * 3 + 2]);
                for (((a, &e0), &o), &e1) in out_row.iter_mut().zip(even).zip(odd).zip(&even[1..]) {
                    *a += k0 * e0 + k1 * o + k2 * e1;
                }
            }
        }
    });
    (out, [oh, ow])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cpu::test_values::values;

    /// The definition, term by term: stride `s`, zero padding `[top, left, bottom, right]`.
    fn reference(
        x: &[f32],
        planes: usize,
        [h, w]: [usize; 2],
        s: usize,
        [top, left, bottom, right]: [usize; 4],
        k: &[f32],
        b: &[f32],
    ) -> Vec<f32> {
        let channels = b.len();
        let (oh, ow) = (
            (top + h + bottom - 3) / s + 1,
            (left + w + right - 3) / s + 1,
        );
        let mut out = vec![0.0; planes * oh * ow];
        for p in 0..planes {
            let c = p % channels;
            for y in 0..oh {
                for xx in 0..ow {
                    let mut sum = b[c];
                    for ky in 0..3 {
                        for kx in 0..3 {
                            let iy = (y * s + ky) as isize - top as isize;
                            let ix = (xx * s + kx) as isize - left as isize;
                            if iy >= 0 && ix >= 0 && (iy as usize) < h && (ix as usize) < w {
                                sum += k[c * 9 + ky * 3 + kx]
                                    * x[p * h * w + iy as usize * w + ix as usize];
                            }
                        }
                    }
                    out[p * oh * ow + y * ow + xx] = sum;
                }
            }
        }
        out
    }

    fn assert_close(got: &[f32], want: &[f32], what: &str) {
        assert_eq!(got.len(), want.len(), "{what}: size");
        for (i, (g, e)) in got.iter().zip(want).enumerate() {
            assert!(
                (g - e).abs() <= 1e-5 * (1.0 + e.abs()),
                "{what} at {i}: {g} vs {e}"
            );
        }
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
            let want = reference(&x, planes, [h, w], 1, [1; 4], &k, &b);
            assert_close(&got, &want, &format!("{batch}×{channels}×{h}×{w}"));
        }
    }

    /// Stride 2 with the detectors' padding (`[0, 0, 1, 1]`), symmetric and lopsided padding,
    /// odd and even sides, the smallest inputs a window fits, several images.
    #[test]
    fn stride_two_matches_the_definition() {
        for (batch, channels, [h, w], pad) in [
            (1, 3, [8, 8], [0, 0, 1, 1]),
            (1, 2, [7, 9], [0, 0, 1, 1]),
            (2, 4, [6, 5], [1, 1, 1, 1]),
            (1, 1, [5, 6], [1, 0, 0, 2]),
            (1, 2, [3, 3], [0; 4]),
            (1, 1, [2, 1], [0, 1, 1, 1]),
            (3, 2, [12, 16], [0, 0, 1, 1]),
        ] {
            let planes = batch * channels;
            let x = values(planes * h * w, 4);
            let k = values(channels * 9, 5);
            let b = values(channels, 6);
            let (got, [oh, ow]) = conv3x3_stride2(&x, planes, [h, w], pad, &k, &b);
            let want = reference(&x, planes, [h, w], 2, pad, &k, &b);
            let what = format!("{batch}×{channels}×{h}×{w}, pad {pad:?}");
            assert_eq!(got.len(), planes * oh * ow, "{what}: the shape it reports");
            assert_close(&got, &want, &what);
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
