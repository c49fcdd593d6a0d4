//! 2×2 stride-2 max pooling over NCHW planes, forward (keeping which of the four won) and
//! backward (the gradient goes to the winner), as burn's flex op computes it: the window is
//! read row by row, a strictly larger value wins, NaN always wins (the last NaN), odd
//! trailing rows and columns are dropped (their gradient is zero).

use std::sync::Arc;

use super::parallel::{fill_rows, for_each_chunk};

/// Which input of each 2×2 window won, `0..4` in reading order, one byte per output.
#[derive(Clone)]
pub struct Winners(Arc<Vec<u8>>);

impl std::fmt::Debug for Winners {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Winners({} outputs)", self.0.len())
    }
}

/// `later` if it is larger than `earlier` or NaN, else `earlier` (values with their window
/// positions); written as selects, so the loop has no data-dependent branch.
#[inline(always)]
fn later_if_larger(earlier: (f32, u8), later: (f32, u8)) -> (f32, u8) {
    let take = (later.0 > earlier.0) | later.0.is_nan();
    (
        if take { later.0 } else { earlier.0 },
        if take { later.1 } else { earlier.1 },
    )
}

/// The pooled side of an input side.
fn half(side: usize) -> usize {
    side / 2
}

/// # Shapes
/// - `x`: `planes` planes of `[h, w]`
/// - returns: `planes` planes of `[h/2, w/2]`, and the winners
pub fn forward(x: &[f32], planes: usize, h: usize, w: usize) -> (Vec<f32>, Winners) {
    assert_eq!(x.len(), planes * h * w);
    let (oh, ow) = (half(h), half(w));
    let mut out = vec![0.0; planes * oh * ow];
    let mut won = vec![0u8; planes * oh * ow];
    if oh * ow > 0 {
        let mut jobs: Vec<(&mut [f32], &mut [u8])> = out
            .chunks_mut(oh * ow)
            .zip(won.chunks_mut(oh * ow))
            .collect();
        for_each_chunk(&mut jobs, |p, (out, won)| {
            let plane = &x[p * h * w..(p + 1) * h * w];
            for y in 0..oh {
                let top = &plane[2 * y * w..2 * y * w + 2 * ow];
                let bottom = &plane[(2 * y + 1) * w..(2 * y + 1) * w + 2 * ow];
                let row = y * ow..(y + 1) * ow;
                for (((o, k), t), b) in out[row.clone()]
                    .iter_mut()
                    .zip(&mut won[row])
                    .zip(top.chunks_exact(2))
                    .zip(bottom.chunks_exact(2))
                {
                    // The reading-order rule as a tree (the same winner): each pair's, then
                    // the bottom pair's if it beats the top pair's.
                    let (tv, ti) = later_if_larger((t[0], 0), (t[1], 1));
                    let (bv, bi) = later_if_larger((b[0], 2), (b[1], 3));
                    (*o, *k) = later_if_larger((tv, ti), (bv, bi));
                }
            }
        });
    }
    (out, Winners(Arc::new(won)))
}

/// [`forward`]'s output alone, without the winners (inference: no backward will need them).
///
/// # Shapes
/// - `x`: `planes` planes of `[h, w]`
/// - returns: `planes` planes of `[h/2, w/2]`
pub fn forward_values(x: &[f32], planes: usize, h: usize, w: usize) -> Vec<f32> {
    assert_eq!(x.len(), planes * h * w);
    let (oh, ow) = (half(h), half(w));
    fill_rows(planes, oh * ow, |p, out| {
        let plane = &x[p * h * w..(p + 1) * h * w];
        for (y, row) in out.chunks_exact_mut(ow).enumerate() {
            let top = &plane[2 * y * w..2 * y * w + 2 * ow];
            let bottom = &plane[(2 * y + 1) * w..(2 * y + 1) * w + 2 * ow];
            for ((o, t), b) in row
                .iter_mut()
                .zip(top.chunks_exact(2))
                .zip(bottom.chunks_exact(2))
            {
                // `forward`'s rule; the positions are dead code here.
                let t = later_if_larger((t[0], 0), (t[1], 1));
                let b = later_if_larger((b[0], 2), (b[1], 3));
                *o = later_if_larger(t, b).0;
            }
        }
    })
}

/// # Shapes
/// - `grad`: `planes` planes of `[h/2, w/2]`, the output's gradient
/// - returns: `planes` planes of `[h, w]`, the input's gradient
pub fn backward(grad: &[f32], won: &Winners, planes: usize, h: usize, w: usize) -> Vec<f32> {
    let (oh, ow) = (half(h), half(w));
    assert_eq!(grad.len(), planes * oh * ow);
    assert_eq!(won.0.len(), grad.len());
    fill_rows(planes, h * w, |p, plane| {
        let g = &grad[p * oh * ow..(p + 1) * oh * ow];
        let k = &won.0[p * oh * ow..(p + 1) * oh * ow];
        for y in 0..oh {
            let (top, bottom) = plane[2 * y * w..(2 * y + 2) * w].split_at_mut(w);
            let row = y * ow..(y + 1) * ow;
            for (((&g, &k), t), b) in g[row.clone()]
                .iter()
                .zip(&k[row])
                .zip(top.chunks_exact_mut(2))
                .zip(bottom.chunks_exact_mut(2))
            {
                t[0] = if k == 0 { g } else { 0.0 };
                t[1] = if k == 1 { g } else { 0.0 };
                b[0] = if k == 2 { g } else { 0.0 };
                b[1] = if k == 3 { g } else { 0.0 };
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_first_largest_and_lets_nan_win() {
        // One 4×5 plane (the last column is dropped): windows [1 2; 3 4] → 4 (index 3),
        // [5 5; 0 0] → the first 5, [NaN 1; NaN 0] → the last NaN (index 2).
        #[rustfmt::skip]
        let x = [
            1.0, 2.0, 5.0, 5.0, 9.0,
            3.0, 4.0, 0.0, 0.0, 9.0,
            f32::NAN, 1.0, -1.0, -2.0, 9.0,
            f32::NAN, 0.0, -3.0, -0.5, 9.0,
        ];
        let (out, won) = forward(&x, 1, 4, 5);
        assert_eq!([out[0], out[1], out[3]], [4.0, 5.0, -0.5]);
        assert!(out[2].is_nan());
        assert_eq!(*won.0, [3, 0, 2, 3]);
        let alone = forward_values(&x, 1, 4, 5);
        assert_eq!(alone.len(), out.len());
        for (a, o) in alone.iter().zip(&out) {
            assert!(
                a == o || (a.is_nan() && o.is_nan()),
                "values alone: {a} vs {o}"
            );
        }
        let g = backward(&[1.0, 2.0, 3.0, 4.0], &won, 1, 4, 5);
        #[rustfmt::skip]
        let want = [
            0.0, 0.0, 2.0, 0.0, 0.0,
            0.0, 1.0, 0.0, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0,
            3.0, 0.0, 0.0, 4.0, 0.0,
        ];
        assert_eq!(g, want);
    }
}
