//! A stride-1 "same" convolution over NCHW batches, forward and backward, as matrix products
//! per image: the image's patches gathered into columns (`im2col`, `[C_in·k·k, H·W]`), burn's
//! `[C_out, C_in, k, k]` weight read as the `[C_out, C_in·k·k]` matrix it already is.
//! - forward: `Y = W · cols + b`
//! - weight gradient: `dW = Σ_images dY · colsᵀ` (the cost of a forward, where burn's default
//!   runs a convolution whose kernel is the whole output-gradient map)
//! - input gradient: `dX = col2im(Wᵀ · dY)`
//! - bias gradient: `db = Σ dY`

use super::matmul::{View, add_product, add_product_of};
use super::packed_conv::relu;
use super::parallel::{fill_rows, for_each_chunk, workers};

/// The shapes of one convolution call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// Images in the batch.
    pub batch: usize,
    /// Input channels.
    pub inputs: usize,
    /// Output channels.
    pub outputs: usize,
    /// Image height (in and out).
    pub height: usize,
    /// Image width (in and out).
    pub width: usize,
    /// Kernel side (odd).
    pub kernel: usize,
}

impl Geometry {
    fn pixels(&self) -> usize {
        self.height * self.width
    }

    /// Rows of the patch matrix: `C_in·k·k`.
    fn depth(&self) -> usize {
        self.inputs * self.kernel * self.kernel
    }

    fn image_in(&self) -> usize {
        self.inputs * self.pixels()
    }

    fn image_out(&self) -> usize {
        self.outputs * self.pixels()
    }

    /// For each patch row `(c, i, j)` and output row `y`: the input row it reads (if inside)
    /// and the output columns `x0..x1` that read inside the image, from input column
    /// `x0 + j - pad`.
    fn rows(&self) -> impl Iterator<Item = (usize, usize, usize, Option<(usize, usize, usize)>)> {
        let (k, h, w) = (self.kernel, self.height, self.width);
        let pad = k / 2;
        (0..self.inputs).flat_map(move |c| {
            (0..k).flat_map(move |i| {
                (0..k).flat_map(move |j| {
                    let r = (c * k + i) * k + j;
                    let x0 = pad.saturating_sub(j);
                    let x1 = (w + pad).saturating_sub(j).min(w);
                    (0..h).map(move |y| {
                        let inside = (y + i)
                            .checked_sub(pad)
                            .filter(|&yy| yy < h && x0 < x1)
                            .map(|yy| (c * h + yy, x0, x1));
                        (r, y, j, inside)
                    })
                })
            })
        })
    }
}

/// Gathers one image's patches: `cols[(c·k + i)·k + j][y·W + x] = image[c][y+i-pad][x+j-pad]`
/// (zero outside).
fn im2col(g: &Geometry, image: &[f32], cols: &mut Vec<f32>) {
    let (w, p, pad) = (g.width, g.pixels(), g.kernel / 2);
    cols.clear();
    cols.resize(g.depth() * p, 0.0);
    for (r, y, j, inside) in g.rows() {
        if let Some((row, x0, x1)) = inside {
            let to = r * p + y * w;
            let from = row * w + x0 + j - pad;
            cols[to + x0..to + x1].copy_from_slice(&image[from..from + x1 - x0]);
        }
    }
}

/// Adds gathered patch gradients back to the pixels they came from (im2col's transpose).
fn col2im(g: &Geometry, cols: &[f32], image: &mut [f32]) {
    let (w, p, pad) = (g.width, g.pixels(), g.kernel / 2);
    for (r, y, j, inside) in g.rows() {
        if let Some((row, x0, x1)) = inside {
            let from = r * p + y * w;
            let to = row * w + x0 + j - pad;
            for (d, s) in image[to..to + x1 - x0]
                .iter_mut()
                .zip(&cols[from + x0..from + x1])
            {
                *d += s;
            }
        }
    }
}

/// # Shapes
/// - `x`: `[B, C_in, H, W]`, `weight`: `[C_out, C_in, k, k]`, `bias`: `[C_out]`
/// - returns: `[B, C_out, H, W]`
pub fn forward(g: &Geometry, x: &[f32], weight: &[f32], bias: &[f32]) -> Vec<f32> {
    forward_then(g, x, weight, bias, None, false)
}

/// `relu(forward(x))`, or with a shortcut `relu(forward(x) + shortcut)` (the end of a
/// residual block), in one pass over the output: each output starts as its bias (plus the
/// shortcut), the product is added to it, the ReLU (NaN kept, as burn's) applied while the
/// image's output is still in cache.
///
/// # Shapes
/// - `x`: `[B, C_in, H, W]`, `weight`: `[C_out, C_in, k, k]`, `bias`: `[C_out]`,
///   `shortcut`: `[B, C_out, H, W]`
/// - returns: `[B, C_out, H, W]`
pub fn forward_relu(
    g: &Geometry,
    x: &[f32],
    weight: &[f32],
    bias: &[f32],
    shortcut: Option<&[f32]>,
) -> Vec<f32> {
    if let Some(shortcut) = shortcut {
        assert_eq!(shortcut.len(), g.batch * g.image_out(), "shortcut size");
    }
    forward_then(g, x, weight, bias, shortcut, true)
}

/// [`forward`], or [`forward_relu`] where `relu`.
fn forward_then(
    g: &Geometry,
    x: &[f32],
    weight: &[f32],
    bias: &[f32],
    shortcut: Option<&[f32]>,
    relu_after: bool,
) -> Vec<f32> {
    check(g, x, weight, bias);
    let (p, depth) = (g.pixels(), g.depth());
    fill_rows(g.batch, g.image_out(), |b, y| {
        let image = &x[b * g.image_in()..(b + 1) * g.image_in()];
        let mut gathered = Vec::new();
        // A 1×1 kernel's patches are the image itself.
        let cols = if g.kernel == 1 {
            image
        } else {
            im2col(g, image, &mut gathered);
            &gathered
        };
        match shortcut {
            None => {
                for (row, &v) in y.chunks_exact_mut(p).zip(bias) {
                    row.fill(v);
                }
            }
            Some(shortcut) => {
                let shortcut = &shortcut[b * g.image_out()..(b + 1) * g.image_out()];
                for ((row, from), &v) in y
                    .chunks_exact_mut(p)
                    .zip(shortcut.chunks_exact(p))
                    .zip(bias)
                {
                    for (o, &s) in row.iter_mut().zip(from) {
                        *o = s + v;
                    }
                }
            }
        }
        add_product(y, weight, cols, g.outputs, depth, p, false);
        if relu_after {
            relu(y);
        }
    })
}

/// The input's gradient.
///
/// # Shapes
/// - `grad`: `[B, C_out, H, W]`, `weight`: `[C_out, C_in, k, k]`
/// - returns: `[B, C_in, H, W]`
pub fn input_grad(g: &Geometry, grad: &[f32], weight: &[f32]) -> Vec<f32> {
    assert_eq!(grad.len(), g.batch * g.image_out());
    assert_eq!(weight.len(), g.outputs * g.depth());
    let (p, depth) = (g.pixels(), g.depth());
    fill_rows(g.batch, g.image_in(), |b, dx| {
        let mut cols = vec![0.0; depth * p];
        let dy = &grad[b * g.image_out()..(b + 1) * g.image_out()];
        add_product_of(
            &mut cols,
            View::transposed(weight, depth),
            View::rows(dy, p),
            depth,
            g.outputs,
            p,
            false,
        );
        col2im(g, &cols, dx);
    })
}

/// The weight's and the bias's gradients.
///
/// # Shapes
/// - `x`: `[B, C_in, H, W]`, `grad`: `[B, C_out, H, W]`
/// - returns: `[C_out, C_in, k, k]` and `[C_out]`
pub fn weight_grad(g: &Geometry, x: &[f32], grad: &[f32]) -> (Vec<f32>, Vec<f32>) {
    assert_eq!(x.len(), g.batch * g.image_in());
    assert_eq!(grad.len(), g.batch * g.image_out());
    let (p, depth) = (g.pixels(), g.depth());
    // Each worker sums its share of the images; the shares are added at the end.
    let shares = workers().min(g.batch).max(1);
    let mut partial: Vec<(Vec<f32>, Vec<f32>)> =
        vec![(vec![0.0; g.outputs * depth], vec![0.0; g.outputs]); shares];
    for_each_chunk(&mut partial, |s, (dw, db)| {
        let mut cols = Vec::new();
        for b in (s..g.batch).step_by(shares) {
            im2col(g, &x[b * g.image_in()..(b + 1) * g.image_in()], &mut cols);
            let dy = &grad[b * g.image_out()..(b + 1) * g.image_out()];
            add_product_of(
                dw,
                View::rows(dy, p),
                View::transposed(&cols, p),
                g.outputs,
                p,
                depth,
                false,
            );
            for (d, row) in db.iter_mut().zip(dy.chunks_exact(p)) {
                *d += row.iter().sum::<f32>();
            }
        }
    });
    let (mut dw, mut db) = partial.pop().expect("at least one share");
    for (w, b) in partial {
        dw.iter_mut().zip(w).for_each(|(d, v)| *d += v);
        db.iter_mut().zip(b).for_each(|(d, v)| *d += v);
    }
    (dw, db)
}

fn check(g: &Geometry, x: &[f32], weight: &[f32], bias: &[f32]) {
    assert!(
        g.kernel % 2 == 1,
        "a \"same\" convolution has an odd kernel"
    );
    assert_eq!(x.len(), g.batch * g.image_in());
    assert_eq!(weight.len(), g.outputs * g.depth());
    assert_eq!(bias.len(), g.outputs);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(n: usize, seed: usize) -> Vec<f32> {
        (0..n)
            .map(|i| (((i * 7919 + seed * 104_729) % 1000) as f32 / 500.0) - 1.0)
            .collect()
    }

    /// The definition, one output at a time, in f64.
    fn direct(g: &Geometry, x: &[f32], w: &[f32], b: &[f32]) -> Vec<f64> {
        let (h, wd, k) = (g.height as isize, g.width as isize, g.kernel);
        let pad = (k / 2) as isize;
        let mut out = vec![0.0; g.batch * g.image_out()];
        for n in 0..g.batch {
            for o in 0..g.outputs {
                for y in 0..h {
                    for xo in 0..wd {
                        let mut acc = b[o] as f64;
                        for c in 0..g.inputs {
                            for i in 0..k {
                                for j in 0..k {
                                    let (yy, xx) = (y + i as isize - pad, xo + j as isize - pad);
                                    if yy < 0 || xx < 0 || yy >= h || xx >= wd {
                                        continue;
                                    }
                                    let at = ((n * g.inputs + c) as isize * h + yy) * wd + xx;
                                    acc += x[at as usize] as f64
                                        * w[((o * g.inputs + c) * k + i) * k + j] as f64;
                                }
                            }
                        }
                        out[(((n * g.outputs + o) as isize * h + y) * wd + xo) as usize] = acc;
                    }
                }
            }
        }
        out
    }

    fn close(got: &[f32], want: &[f64], what: &str) {
        assert_eq!(got.len(), want.len(), "{what}");
        for (i, (g, w)) in got.iter().zip(want).enumerate() {
            assert!(
                (*g as f64 - w).abs() < 1e-3 * (1.0 + w.abs()),
                "{what}[{i}]: {g} vs {w}"
            );
        }
    }

    const SHAPES: [Geometry; 4] = [
        Geometry {
            batch: 2,
            inputs: 1,
            outputs: 4,
            height: 7,
            width: 5,
            kernel: 3,
        },
        Geometry {
            batch: 3,
            inputs: 3,
            outputs: 2,
            height: 6,
            width: 9,
            kernel: 5,
        },
        Geometry {
            batch: 1,
            inputs: 4,
            outputs: 3,
            height: 2,
            width: 3,
            kernel: 5,
        },
        // 1×1: the face detectors' pointwise layers (the image is its own patch matrix).
        Geometry {
            batch: 1,
            inputs: 6,
            outputs: 5,
            height: 4,
            width: 7,
            kernel: 1,
        },
    ];

    #[test]
    fn forward_equals_the_definition() {
        for g in SHAPES {
            let (x, w, b) = (
                values(g.batch * g.image_in(), 1),
                values(g.outputs * g.depth(), 2),
                values(g.outputs, 3),
            );
            close(
                &forward(&g, &x, &w, &b),
                &direct(&g, &x, &w, &b),
                &format!("{g:?}"),
            );
        }
    }

    /// The definition (plus the shortcut), negatives to zero, NaN kept.
    #[test]
    fn forward_relu_equals_the_definition() {
        for g in SHAPES {
            let (x, w, b) = (
                values(g.batch * g.image_in(), 8),
                values(g.outputs * g.depth(), 9),
                values(g.outputs, 10),
            );
            let mut shortcut = values(g.batch * g.image_out(), 11);
            shortcut[0] = f32::NAN;
            let want: Vec<f64> = direct(&g, &x, &w, &b)
                .iter()
                .zip(&shortcut)
                .map(|(y, &s)| {
                    let v = y + s as f64;
                    if v < 0.0 { 0.0 } else { v }
                })
                .collect();
            let got = forward_relu(&g, &x, &w, &b, Some(&shortcut));
            assert!(got[0].is_nan(), "{g:?}: NaN in the shortcut stays NaN");
            close(&got[1..], &want[1..], &format!("{g:?}"));
            let alone: Vec<f64> = direct(&g, &x, &w, &b).iter().map(|v| v.max(0.0)).collect();
            close(
                &forward_relu(&g, &x, &w, &b, None),
                &alone,
                &format!("{g:?}, no shortcut"),
            );
            assert!(
                got.iter().all(|v| v.is_nan() || *v >= 0.0),
                "{g:?}: no negative output"
            );
        }
    }

    /// The gradients of `L = Σ forward(x, w, b) · r` for a fixed `r`: the convolution is
    /// linear in each argument, so each partial derivative is `L` at a unit vector minus `L`
    /// at zero, exactly (in f64).
    #[test]
    fn gradients_equal_the_derivatives_of_the_definition() {
        for g in SHAPES {
            let (x, w, b) = (
                values(g.batch * g.image_in(), 4),
                values(g.outputs * g.depth(), 5),
                values(g.outputs, 6),
            );
            let r = values(g.batch * g.image_out(), 7);
            let loss = |x: &[f32], w: &[f32], b: &[f32]| -> f64 {
                direct(&g, x, w, b)
                    .iter()
                    .zip(&r)
                    .map(|(y, r)| y * *r as f64)
                    .sum()
            };
            let unit = |n: usize, i: usize| {
                let mut v = vec![0.0; n];
                v[i] = 1.0;
                v
            };
            let zx = vec![0.0; x.len()];
            let zw = vec![0.0; w.len()];
            let zb = vec![0.0; b.len()];
            let want_dx: Vec<f64> = (0..x.len())
                .map(|i| loss(&unit(x.len(), i), &w, &zb) - loss(&zx, &w, &zb))
                .collect();
            let want_dw: Vec<f64> = (0..w.len())
                .map(|i| loss(&x, &unit(w.len(), i), &zb) - loss(&x, &zw, &zb))
                .collect();
            let want_db: Vec<f64> = (0..b.len())
                .map(|i| loss(&zx, &zw, &unit(b.len(), i)))
                .collect();
            close(&input_grad(&g, &r, &w), &want_dx, &format!("dx {g:?}"));
            let (dw, db) = weight_grad(&g, &x, &r);
            close(&dw, &want_dw, &format!("dw {g:?}"));
            close(&db, &want_db, &format!("db {g:?}"));
        }
    }
}
