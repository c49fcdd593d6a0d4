//! A stride-1 "same" convolution followed by ReLU, over NHWC activations, with its weights
//! packed once at load: per output tile, the input patches are gathered (im2col) in cache-sized
//! tiles and multiplied by the packed weights in one matrix product, bias added by starting
//! from it, ReLU applied while the tile is still in cache. The browser engines built with
//! relaxed SIMD gather no patches: `fma::conv_relu` reads the taps where they lie.

use super::matmul::{add_product, add_product_portable};
use super::parallel::{for_each_chunk_with, workers};

/// Gathered patch values per tile (floats): the tile's patches stay in L2.
const TILE_FLOATS: usize = 32 * 1024;

/// A convolution layer ready for inference.
#[derive(Debug, Clone)]
pub struct PackedConv {
    kernel: usize,
    inputs: usize,
    outputs: usize,
    /// `[k·k·C_in, C_out]`, row `(i·k + j)·C_in + c`, column `o` = burn's `weight[o][c][i][j]`.
    weight: Vec<f32>,
    /// `[C_out]`.
    bias: Vec<f32>,
}

impl PackedConv {
    /// From burn's `[C_out, C_in, k, k]` weight and `[C_out]` bias (`k` odd).
    pub fn new(
        weight: &[f32],
        bias: Option<&[f32]>,
        outputs: usize,
        inputs: usize,
        kernel: usize,
    ) -> Self {
        assert_eq!(weight.len(), outputs * inputs * kernel * kernel);
        assert!(
            kernel % 2 == 1,
            "a \"same\" convolution here has an odd kernel"
        );
        let rows = kernel * kernel * inputs;
        let mut packed = vec![0.0; rows * outputs];
        for o in 0..outputs {
            for c in 0..inputs {
                for i in 0..kernel {
                    for j in 0..kernel {
                        let from = ((o * inputs + c) * kernel + i) * kernel + j;
                        packed[((i * kernel + j) * inputs + c) * outputs + o] = weight[from];
                    }
                }
            }
        }
        PackedConv {
            kernel,
            inputs,
            outputs,
            weight: packed,
            bias: bias.map_or_else(|| vec![0.0; outputs], <[f32]>::to_vec),
        }
    }

    /// Output channels.
    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// # Shapes
    /// - `x`: `[n, side, side, C_in]`
    /// - returns: `[n, side, side, C_out]`, after ReLU
    ///
    /// `portable`: the same rounding on every CPU ([`add_product_portable`]).
    pub fn forward(&self, x: &[f32], n: usize, side: usize, portable: bool) -> Vec<f32> {
        let pixels = side * side;
        assert_eq!(x.len(), n * pixels * self.inputs);
        let mut out = vec![0.0; n * pixels * self.outputs];
        let (image_in, image_out) = (pixels * self.inputs, pixels * self.outputs);
        if n > 1 && workers() > 1 {
            // Whole images to each thread: one hand-off per layer, not one per image (with
            // two threads, Model 2 at batch 16 gained 1.1× from the second thread when each
            // image's tiles were shared out).
            for_each_chunk_with(&mut out, image_out, Vec::new, |col, b, dst| {
                self.image(
                    &x[b * image_in..][..image_in],
                    side,
                    dst,
                    col,
                    portable,
                    false,
                );
            });
        } else {
            let mut col = Vec::new();
            for (b, dst) in out.chunks_mut(image_out).enumerate() {
                self.image(
                    &x[b * image_in..][..image_in],
                    side,
                    dst,
                    &mut col,
                    portable,
                    true,
                );
            }
        }
        out
    }

    /// One image's output; `split`: its tiles shared over the threads.
    fn image(
        &self,
        image: &[f32],
        side: usize,
        out: &mut [f32],
        col: &mut Vec<f32>,
        portable: bool,
        split: bool,
    ) {
        let depth = self.kernel * self.kernel * self.inputs;
        let tile = (TILE_FLOATS / depth).clamp(16, 4096).min(side * side);
        // The browser engines with relaxed-simd: no gathered patches (`fma::conv_relu`).
        #[cfg(all(target_arch = "wasm32", feature = "relaxed-simd"))]
        if !portable {
            let padded = super::fma::zero_bordered(image, side, self.kernel / 2);
            let conv = |first: usize, dst: &mut [f32]| {
                super::fma::conv_relu(
                    &padded,
                    side,
                    self.kernel,
                    &self.weight,
                    &self.bias,
                    first,
                    dst,
                );
            };
            match split {
                true => for_each_chunk_with(
                    out,
                    tile * self.outputs,
                    || (),
                    |_, t, dst| conv(t * tile, dst),
                ),
                false => conv(0, out),
            }
            return;
        }
        match split {
            true => for_each_chunk_with(out, tile * self.outputs, Vec::new, |col, t, dst| {
                self.tile(image, side, t * tile, dst, col, portable);
            }),
            false => {
                for (t, dst) in out.chunks_mut(tile * self.outputs).enumerate() {
                    self.tile(image, side, t * tile, dst, col, portable);
                }
            }
        }
    }

    /// Output pixels `first..` (as many as `dst` holds) of one image.
    fn tile(
        &self,
        image: &[f32],
        side: usize,
        first: usize,
        dst: &mut [f32],
        col: &mut Vec<f32>,
        portable: bool,
    ) {
        let (k, cin) = (self.kernel, self.inputs);
        let depth = k * k * cin;
        let count = dst.len() / self.outputs;
        let pad = k / 2;
        col.clear();
        col.resize(count * depth, 0.0);
        if cin < NARROW {
            return self.finish(
                gather_taps(image, side, k, first, count, col),
                dst,
                portable,
            );
        }
        for (p, patch) in col.chunks_exact_mut(depth).enumerate() {
            let (y, x) = ((first + p) / side, (first + p) % side);
            // Columns of the patch inside the image: one contiguous run per kernel row.
            let x0 = x.saturating_sub(pad);
            let x1 = (x + pad + 1).min(side);
            let j0 = x0 + pad - x;
            for i in 0..k {
                let Some(yy) = (y + i).checked_sub(pad).filter(|&yy| yy < side) else {
                    continue; // a padding row: zeros
                };
                let from = (yy * side + x0) * cin;
                let to = (i * k + j0) * cin;
                let len = (x1 - x0) * cin;
                patch[to..to + len].copy_from_slice(&image[from..from + len]);
            }
        }
        self.finish(col, dst, portable);
    }

    /// `dst = relu(bias + col · weight)`, `col` the tile's gathered patches.
    fn finish(&self, col: &[f32], dst: &mut [f32], portable: bool) {
        let (count, depth) = (dst.len() / self.outputs, self.weight.len() / self.outputs);
        for row in dst.chunks_exact_mut(self.outputs) {
            row.copy_from_slice(&self.bias);
        }
        match portable {
            true => add_product_portable(dst, col, &self.weight, count, depth, self.outputs),
            false => add_product(dst, col, &self.weight, count, depth, self.outputs, false),
        }
        relu(dst);
    }
}

/// Inputs with fewer channels than this (a network's first layer: gray pixels) are gathered
/// tap by tap: their patch rows are runs of 1–5 values, and copying each run as a slice costs
/// a call to the memory copy (in the browser's wasm, `memory.copy`) per run, which made the
/// first layer the slowest per multiply-add of the network.
const NARROW: usize = 4;

/// The patches of output pixels `first..first + count` of a `side × side` image with `cin`
/// (< [`NARROW`]) channels into `col` (`[count, k·k·cin]`, zeroed), one tap and channel at a
/// time along each row of outputs.
fn gather_taps<'c>(
    image: &[f32],
    side: usize,
    k: usize,
    first: usize,
    count: usize,
    col: &'c mut [f32],
) -> &'c [f32] {
    let cin = image.len() / (side * side);
    let depth = k * k * cin;
    let pad = k / 2;
    let mut p = 0;
    while p < count {
        let (y, x_start) = ((first + p) / side, (first + p) % side);
        let run = (side - x_start).min(count - p);
        for i in 0..k {
            let Some(yy) = (y + i).checked_sub(pad).filter(|&yy| yy < side) else {
                continue;
            };
            for j in 0..k {
                // Outputs x whose tap column x + j - pad is inside the image.
                let x0 = x_start.max(pad.saturating_sub(j));
                let x1 = (x_start + run).min(side + pad - j);
                for c in 0..cin {
                    let t = (i * k + j) * cin + c;
                    for x in x0..x1 {
                        col[(p + x - x_start) * depth + t] =
                            image[(yy * side + x + j - pad) * cin + c];
                    }
                }
            }
        }
        p += run;
    }
    col
}

/// `max(v, 0)` in place; NaN stays NaN, as burn's ReLU keeps it. Every value is written (a
/// select, not a branch), so the loop vectorises: a conditional store does not, and its branch
/// is mispredicted on about half of a layer's values.
pub fn relu(values: &mut [f32]) {
    for v in values {
        *v = if *v < 0.0 { 0.0 } else { *v };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, one output at a time: NHWC input, burn's `[C_out, C_in, k, k]` weights.
    fn direct(
        x: &[f32],
        w: &[f32],
        b: &[f32],
        side: usize,
        cin: usize,
        cout: usize,
        k: usize,
    ) -> Vec<f32> {
        let pad = (k / 2) as isize;
        let mut out = vec![0.0; side * side * cout];
        for y in 0..side {
            for xo in 0..side {
                for o in 0..cout {
                    let mut acc = b[o];
                    for c in 0..cin {
                        for i in 0..k {
                            for j in 0..k {
                                let (yy, xx) = (
                                    y as isize + i as isize - pad,
                                    xo as isize + j as isize - pad,
                                );
                                if yy < 0 || xx < 0 || yy >= side as isize || xx >= side as isize {
                                    continue;
                                }
                                let input = x[((yy as usize) * side + xx as usize) * cin + c];
                                acc += input * w[((o * cin + c) * k + i) * k + j];
                            }
                        }
                    }
                    out[(y * side + xo) * cout + o] = acc.max(0.0);
                }
            }
        }
        out
    }

    fn values(n: usize, seed: usize) -> Vec<f32> {
        (0..n)
            .map(|i| (((i * 7919 + seed * 104_729) % 1000) as f32 / 500.0) - 1.0)
            .collect()
    }

    #[test]
    fn equals_the_definition_for_3x3_and_5x5_kernels_at_every_border() {
        // (30, 3, 2, 5): tiles of 436 outputs, which start mid-row.
        for (side, cin, cout, k) in [
            (7, 1, 4, 3),
            (9, 3, 5, 5),
            (6, 8, 16, 3),
            (40, 2, 3, 3),
            (30, 3, 2, 5),
        ] {
            let x = values(side * side * cin, 1);
            let w = values(cout * cin * k * k, 2);
            let b = values(cout, 3);
            let conv = PackedConv::new(&w, Some(&b), cout, cin, k);
            let want = direct(&x, &w, &b, side, cin, cout, k);
            for portable in [false, true] {
                let got = conv.forward(&x, 1, side, portable);
                for (g, e) in got.iter().zip(&want) {
                    assert!(
                        (g - e).abs() < 1e-4,
                        "{side}x{side}x{cin} → {cout}, k {k}, portable {portable}: {g} vs {e}"
                    );
                }
            }
        }
    }

    #[test]
    fn images_of_a_batch_are_independent() {
        let (side, cin, cout, k) = (5, 2, 3, 3);
        let w = values(cout * cin * k * k, 4);
        let conv = PackedConv::new(&w, None, cout, cin, k);
        let (a, b) = (values(side * side * cin, 5), values(side * side * cin, 6));
        let both = conv.forward(&[a.clone(), b.clone()].concat(), 2, side, false);
        assert_eq!(
            both,
            [
                conv.forward(&a, 1, side, false),
                conv.forward(&b, 1, side, false)
            ]
            .concat()
        );
    }

    #[test]
    fn relu_keeps_nan() {
        let mut v = [-1.0, 0.5, f32::NAN];
        relu(&mut v);
        assert_eq!(&v[..2], &[0.0, 0.5]);
        assert!(v[2].is_nan());
    }
}
