//! A convolution with any stride and its own zero padding on each side, forward only: the
//! face detectors' first layers (3 input channels, stride 2, a 5×5 or 3×3 kernel, lopsided
//! padding), for which burn-flex 0.22 walks each input channel's taps over the whole image one
//! at a time. Here, as one matrix product per image: the patches the stride visits gathered
//! into columns (`[C_in·k·k, H_out·W_out]`), burn's `[C_out, C_in, k, k]` weight read as the
//! `[C_out, C_in·k·k]` matrix it already is, `Y = W · cols + b`.
//!
//! (`conv` is the stride-1 "same" convolution the network trains with, backward included.)

use super::matmul::add_product;
use super::parallel::fill_rows;

/// The shapes of one strided convolution call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strided {
    /// Images in the batch.
    pub batch: usize,
    /// Input channels.
    pub inputs: usize,
    /// Output channels.
    pub outputs: usize,
    /// Input height.
    pub height: usize,
    /// Input width.
    pub width: usize,
    /// Kernel side.
    pub kernel: usize,
    /// Step between windows, both ways.
    pub stride: usize,
    /// Zero rows and columns added `[top, left, bottom, right]`.
    pub padding: [usize; 4],
}

impl Strided {
    /// `[H_out, W_out]`: how many windows fit down and across the padded input (`None` when
    /// not one does, or the stride is 0).
    pub fn output(&self) -> Option<[usize; 2]> {
        let [top, left, bottom, right] = self.padding;
        let fit = |padded: usize| {
            padded
                .checked_sub(self.kernel)
                .filter(|_| self.stride > 0 && self.kernel > 0)
                .map(|room| room / self.stride + 1)
        };
        Some([
            fit(top + self.height + bottom)?,
            fit(left + self.width + right)?,
        ])
    }

    fn pixels_out(&self) -> usize {
        self.output().map_or(0, |[h, w]| h * w)
    }

    /// Rows of the patch matrix: `C_in·k·k`.
    fn depth(&self) -> usize {
        self.inputs * self.kernel * self.kernel
    }

    fn image_in(&self) -> usize {
        self.inputs * self.height * self.width
    }
}

/// Gathers one image's patches into `cols` (zeroed, `[C_in·k·k, H_out·W_out]`):
/// `cols[(c·k + i)·k + j][y·W_out + x] = image[c][y·s + i − top][x·s + j − left]`, zero
/// outside the image.
fn im2col(g: &Strided, [oh, ow]: [usize; 2], image: &[f32], cols: &mut [f32]) {
    let (k, s, h, w) = (g.kernel, g.stride, g.height, g.width);
    let [top, left, ..] = g.padding;
    for c in 0..g.inputs {
        for i in 0..k {
            for j in 0..k {
                let r = (c * k + i) * k + j;
                // Output columns whose input column x·s + j − left lies inside the image.
                let x0 = left.saturating_sub(j).div_ceil(s);
                let x1 = (w + left).saturating_sub(j).div_ceil(s).min(ow);
                for y in 0..oh {
                    let Some(iy) = (y * s + i).checked_sub(top).filter(|&iy| iy < h) else {
                        continue;
                    };
                    let from = &image[(c * h + iy) * w..(c * h + iy + 1) * w];
                    let to = &mut cols[(r * oh + y) * ow..(r * oh + y + 1) * ow];
                    for x in x0..x1 {
                        to[x] = from[x * s + j - left];
                    }
                }
            }
        }
    }
}

/// # Shapes
/// - `x`: `[B, C_in, H, W]`, `weight`: `[C_out, C_in, k, k]`, `bias`: `[C_out]`
/// - returns: `[B, C_out, H_out, W_out]` ([`Strided::output`])
pub fn forward(g: &Strided, x: &[f32], weight: &[f32], bias: &[f32]) -> Vec<f32> {
    let out = g.output().expect("the padded input holds a window");
    assert_eq!(x.len(), g.batch * g.image_in(), "input size");
    assert_eq!(weight.len(), g.outputs * g.depth(), "weight size");
    assert_eq!(bias.len(), g.outputs, "one bias per output channel");
    let (p, depth) = (g.pixels_out(), g.depth());
    fill_rows(g.batch, g.outputs * p, |b, y| {
        let mut cols = vec![0.0; depth * p];
        im2col(
            g,
            out,
            &x[b * g.image_in()..(b + 1) * g.image_in()],
            &mut cols,
        );
        for (row, &v) in y.chunks_exact_mut(p).zip(bias) {
            row.fill(v);
        }
        add_product(y, weight, &cols, g.outputs, depth, p, g.batch == 1);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cpu::test_values::values;

    /// The definition, term by term.
    fn reference(g: &Strided, x: &[f32], weight: &[f32], bias: &[f32]) -> Vec<f32> {
        let [oh, ow] = g.output().unwrap();
        let (k, s, h, w) = (g.kernel, g.stride, g.height, g.width);
        let [top, left, ..] = g.padding;
        let mut out = vec![0.0; g.batch * g.outputs * oh * ow];
        for b in 0..g.batch {
            for o in 0..g.outputs {
                for y in 0..oh {
                    for xx in 0..ow {
                        let mut sum = bias[o];
                        for c in 0..g.inputs {
                            for i in 0..k {
                                for j in 0..k {
                                    let iy = (y * s + i) as isize - top as isize;
                                    let ix = (xx * s + j) as isize - left as isize;
                                    if iy >= 0 && ix >= 0 && (iy as usize) < h && (ix as usize) < w
                                    {
                                        sum += weight[((o * g.inputs + c) * k + i) * k + j]
                                            * x[((b * g.inputs + c) * h + iy as usize) * w
                                                + ix as usize];
                                    }
                                }
                            }
                        }
                        out[((b * g.outputs + o) * oh + y) * ow + xx] = sum;
                    }
                }
            }
        }
        out
    }

    /// The detectors' two first layers (5×5 and 3×3, stride 2, lopsided padding), stride 1
    /// and 3, no padding, a window as large as the padded input, several images.
    #[test]
    fn matches_the_definition() {
        for (batch, inputs, outputs, [height, width], kernel, stride, padding) in [
            (1, 3, 4, [16, 16], 5, 2, [1, 1, 2, 2]),
            (1, 3, 5, [12, 10], 3, 2, [0, 0, 1, 1]),
            (2, 2, 3, [9, 7], 3, 1, [1, 1, 1, 1]),
            (1, 1, 2, [10, 11], 3, 3, [0; 4]),
            (1, 2, 2, [3, 4], 5, 2, [1, 0, 1, 1]),
            (3, 3, 2, [7, 8], 3, 2, [0, 0, 1, 1]),
        ] {
            let g = Strided {
                batch,
                inputs,
                outputs,
                height,
                width,
                kernel,
                stride,
                padding,
            };
            let x = values(batch * inputs * height * width, 1);
            let weight = values(outputs * inputs * kernel * kernel, 2);
            let bias = values(outputs, 3);
            let got = forward(&g, &x, &weight, &bias);
            let want = reference(&g, &x, &weight, &bias);
            assert_eq!(got.len(), want.len(), "{g:?}");
            for (i, (a, e)) in got.iter().zip(&want).enumerate() {
                assert!(
                    (a - e).abs() <= 1e-4 * (1.0 + e.abs()),
                    "{g:?} at {i}: {a} vs {e}"
                );
            }
        }
    }

    #[test]
    fn a_window_larger_than_the_input_has_no_output() {
        let g = Strided {
            batch: 1,
            inputs: 1,
            outputs: 1,
            height: 2,
            width: 2,
            kernel: 5,
            stride: 2,
            padding: [1, 0, 1, 0],
        };
        assert_eq!(g.output(), None);
    }
}
