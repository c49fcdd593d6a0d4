//! Row-major matrix products through the `gemm` crate (the kernels burn's flex backend uses:
//! AVX2/FMA/AVX-512 natively, chosen at run time; SIMD128 in the browser's wasm), or through
//! `fma` in the browser engines built with `relaxed-simd` (the feature of that name).

/// A read-only matrix: element `(i, j)` at `data[i * row + j * col]` (a row-major `[r, c]`
/// matrix is `row = c, col = 1`; its transpose is `row = 1, col = c`).
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    /// The elements.
    pub data: &'a [f32],
    /// Step between rows.
    pub row: usize,
    /// Step between columns.
    pub col: usize,
}

impl<'a> View<'a> {
    /// A row-major matrix with `cols` columns.
    pub fn rows(data: &'a [f32], cols: usize) -> Self {
        View {
            data,
            row: cols,
            col: 1,
        }
    }

    /// The transpose of a row-major matrix with `cols` columns.
    pub fn transposed(data: &'a [f32], cols: usize) -> Self {
        View {
            data,
            row: 1,
            col: cols,
        }
    }

    /// Whether a `rows × cols` matrix fits in `data`.
    fn fits(&self, rows: usize, cols: usize) -> bool {
        rows == 0 || cols == 0 || (rows - 1) * self.row + (cols - 1) * self.col < self.data.len()
    }
}

/// `out[m×n] += a[m×k] · b[k×n]`, all row-major and contiguous. `out` holds what is added to
/// (a bias, say) on entry. `parallel`: natively, large products may use rayon's threads (not
/// when the caller already runs on them).
pub fn add_product(
    out: &mut [f32],
    a: &[f32],
    b: &[f32],
    m: usize,
    k: usize,
    n: usize,
    parallel: bool,
) {
    assert!(a.len() == m * k && b.len() == k * n);
    add_product_of(out, View::rows(a, k), View::rows(b, n), m, k, n, parallel);
}

/// `out[m×n] += a[m×k] · b[k×n]` for any strides of `a` and `b` (transposes included);
/// `out` is row-major and contiguous.
pub fn add_product_of(
    out: &mut [f32],
    a: View,
    b: View,
    m: usize,
    k: usize,
    n: usize,
    parallel: bool,
) {
    assert!(out.len() == m * n && a.fits(m, k) && b.fits(k, n));
    if m == 0 || n == 0 || k == 0 {
        return;
    }
    #[cfg(all(target_arch = "wasm32", feature = "relaxed-simd"))]
    super::fma::add_product_of(out, a, b, m, k, n, parallel);
    #[cfg(not(all(target_arch = "wasm32", feature = "relaxed-simd")))]
    // SAFETY: `out` is the m×n row-major matrix the destination strides describe, every
    // element the strides of `a` (m×k) and `b` (k×n) reach lies inside their slices (checked
    // above), and `out` does not alias `a` or `b` (a `&mut` beside two `&`).
    unsafe {
        gemm::gemm(
            m,
            n,
            k,
            out.as_mut_ptr(),
            1,
            n as isize,
            true,
            a.data.as_ptr(),
            a.col as isize,
            a.row as isize,
            b.data.as_ptr(),
            b.col as isize,
            b.row as isize,
            1.0,
            1.0,
            false,
            false,
            false,
            parallelism(if parallel { m * n * k } else { 0 }),
        );
    }
}

/// `out[m×n] += a[m×k] · b[k×n]` (row-major, contiguous) with the same rounding on every
/// CPU: each output sums its products in the order of `k`, one multiply and one add at a
/// time (no fused multiply-add, no reordering; vectorised across the row of `out` only, which
/// changes no result). Slower than [`add_product`]; what a file whose bytes must not depend
/// on the machine needs (a Kaggle submission written natively or in the browser).
pub fn add_product_portable(out: &mut [f32], a: &[f32], b: &[f32], m: usize, k: usize, n: usize) {
    assert!(out.len() == m * n && a.len() == m * k && b.len() == k * n);
    if n == 0 {
        return;
    }
    for (row, a_row) in out.chunks_exact_mut(n).zip(a.chunks_exact(k.max(1))) {
        for (&a_ik, b_row) in a_row.iter().zip(b.chunks_exact(n)) {
            for (o, &b_kj) in row.iter_mut().zip(b_row) {
                *o += a_ik * b_kj;
            }
        }
    }
}

/// Threads for a product of `work` multiply-adds: rayon's pool for large products where
/// threads exist (below ~1M the hand-off costs more than it saves), else one thread.
#[cfg(not(all(target_arch = "wasm32", feature = "relaxed-simd")))]
fn parallelism(work: usize) -> gemm::Parallelism {
    #[cfg(any(not(target_arch = "wasm32"), wasm_threads))]
    if work >= 1 << 20 && super::parallel::threaded() {
        return gemm::Parallelism::Rayon(0);
    }
    let _ = work;
    gemm::Parallelism::None
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    #[test]
    fn the_portable_product_sums_in_order_of_k() {
        let (m, k, n) = (5, 7, 9);
        let a: Vec<f32> = (0..m * k)
            .map(|i| ((i * 37 % 11) as f32 - 5.0) * 0.37)
            .collect();
        let b: Vec<f32> = (0..k * n)
            .map(|i| ((i * 53 % 13) as f32 - 6.0) * 0.11)
            .collect();
        let mut out = vec![0.5; m * n];
        add_product_portable(&mut out, &a, &b, m, k, n);
        for i in 0..m {
            for j in 0..n {
                let mut want = 0.5f32;
                for p in 0..k {
                    want += a[i * k + p] * b[p * n + j];
                }
                assert_eq!(out[i * n + j].to_bits(), want.to_bits(), "({i}, {j})");
            }
        }
    }

    #[test]
    fn adds_the_product_to_what_is_there() {
        // [1 2; 3 4; 5 6] · [1 0 2; 0 1 3] + 10
        let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let b = [1.0, 0.0, 2.0, 0.0, 1.0, 3.0];
        let mut out = [10.0; 9];
        add_product(&mut out, &a, &b, 3, 2, 3, false);
        assert_eq!(out, [11.0, 12.0, 18.0, 13.0, 14.0, 28.0, 15.0, 16.0, 38.0]);
    }

    #[test]
    fn multiplies_transposed_views() {
        // aᵀ · bᵀ with a = [1 3 5; 2 4 6] (so aᵀ = [1 2; 3 4; 5 6]), b = [1 0; 0 1; 2 3].
        let a = [1.0, 3.0, 5.0, 2.0, 4.0, 6.0];
        let b = [1.0, 0.0, 0.0, 1.0, 2.0, 3.0];
        let mut out = [10.0; 9];
        add_product_of(
            &mut out,
            View::transposed(&a, 3),
            View::transposed(&b, 2),
            3,
            2,
            3,
            false,
        );
        assert_eq!(out, [11.0, 12.0, 18.0, 13.0, 14.0, 28.0, 15.0, 16.0, 38.0]);
    }

    /// Every stride combination against the definition (in f64), on shapes the networks use
    /// (a dense layer forward and backward, thin convolution products) and odd ones, so each
    /// of gemm's kernels the CPU picks (AVX-512, AVX2, SIMD128) is checked where it runs.
    #[test]
    fn equals_the_definition_for_every_layout() {
        let shapes = [
            (32, 4608, 96),
            (96, 32, 4608),
            (16, 9, 9216),
            (17, 33, 65),
            (1, 7, 3),
        ];
        for parallel in [false, true] {
            assert_every_layout(
                &shapes,
                &format!("parallel {parallel}"),
                |out, a, b, m, k, n| add_product_of(out, a, b, m, k, n, parallel),
            );
        }
    }

    /// Checks `product` (`out += a · b` for views) against the definition (in f64) on each
    /// shape `(m, k, n)`, with `a` and `b` each row-major and transposed; `what` names the
    /// variant in a failure's message.
    pub(in crate::cpu) fn assert_every_layout(
        shapes: &[(usize, usize, usize)],
        what: &str,
        product: impl Fn(&mut [f32], View, View, usize, usize, usize),
    ) {
        let values = |n: usize, seed: usize| -> Vec<f32> {
            (0..n)
                .map(|i| (((i * 7919 + seed * 104_729) % 1000) as f32 / 500.0) - 1.0)
                .collect()
        };
        for &(m, k, n) in shapes {
            let (a, b) = (values(m * k, 1), values(k * n, 2));
            for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
                // `a` holds the m×k matrix row-major, or its transpose (k×m) row-major.
                let at = |i: usize, j: usize| if ta { a[j * m + i] } else { a[i * k + j] };
                let bt = |i: usize, j: usize| if tb { b[j * k + i] } else { b[i * n + j] };
                let va = match ta {
                    true => View::transposed(&a, m),
                    false => View::rows(&a, k),
                };
                let vb = match tb {
                    true => View::transposed(&b, k),
                    false => View::rows(&b, n),
                };
                // What is there before: each output its own value.
                let mut out: Vec<f32> = (0..m * n).map(|i| 0.5 + (i % 7) as f32 * 0.25).collect();
                product(&mut out, va, vb, m, k, n);
                for i in 0..m {
                    for j in 0..n {
                        let want: f64 = 0.5
                            + ((i * n + j) % 7) as f64 * 0.25
                            + (0..k)
                                .map(|l| at(i, l) as f64 * bt(l, j) as f64)
                                .sum::<f64>();
                        let got = out[i * n + j] as f64;
                        assert!(
                            (got - want).abs() < 1e-4 * (1.0 + want.abs()),
                            "{m}×{k}×{n} (transposed {ta}, {tb}; {what}), [{i}][{j}]: {got} vs {want}"
                        );
                    }
                }
            }
        }
    }
}
