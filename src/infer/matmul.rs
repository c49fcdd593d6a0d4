//! Row-major matrix products through the `gemm` crate (the kernels burn's flex backend uses:
//! AVX2/FMA/AVX-512 natively, chosen at run time; SIMD128 in the browser's wasm).

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
    assert!(out.len() == m * n && a.len() == m * k && b.len() == k * n);
    if m == 0 || n == 0 || k == 0 {
        return;
    }
    // SAFETY: the three slices hold exactly the m×n, m×k and k×n row-major matrices that the
    // strides below describe (checked above), and `out` does not alias `a` or `b`.
    unsafe {
        gemm::gemm(
            m,
            n,
            k,
            out.as_mut_ptr(),
            1,
            n as isize,
            true,
            a.as_ptr(),
            1,
            k as isize,
            b.as_ptr(),
            1,
            n as isize,
            1.0,
            1.0,
            false,
            false,
            false,
            parallelism(if parallel { m * n * k } else { 0 }),
        );
    }
}

/// Threads for a product of `work` multiply-adds: natively rayon's pool for large products
/// (below ~1M the hand-off costs more than it saves); one thread in the browser's engine.
fn parallelism(work: usize) -> gemm::Parallelism {
    #[cfg(not(target_arch = "wasm32"))]
    if work >= 1 << 20 {
        return gemm::Parallelism::Rayon(0);
    }
    let _ = work;
    gemm::Parallelism::None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_the_product_to_what_is_there() {
        // [1 2; 3 4; 5 6] · [1 0 2; 0 1 3] + 10
        let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let b = [1.0, 0.0, 2.0, 0.0, 1.0, 3.0];
        let mut out = [10.0; 9];
        add_product(&mut out, &a, &b, 3, 2, 3, false);
        assert_eq!(out, [11.0, 12.0, 18.0, 13.0, 14.0, 28.0, 15.0, 16.0, 38.0]);
    }
}
