//! Matrix products and convolutions with fused multiply-adds, for the browser engines built
//! with wasm `relaxed-simd` (the feature of that name): `f32x4.relaxed_madd` is one
//! instruction where the CPU has FMA, where the `gemm` crate's SIMD128 kernel spends a
//! multiply, an add and a register to hold the product between them (wasm SIMD128 has no
//! fused multiply-add). `matmul` sends every product here in those engines, and `PackedConv`
//! its convolutions; natively and in the other engines `gemm` runs them.
//!
//! The product is blocked the classic way: `KC` steps of the sum at a time, `MC` rows of `a` at
//! a time, then tiles of `MR` rows × `NR` columns of `out`, each summed in registers by
//! [`tile`] (`MR × NV` vectors of 4 lanes, loaded from `out` and stored back once per block of
//! the sum). Each operand is read where it lies when its rows are contiguous (`b` only when
//! they are also close together, or few rows of `a` pass over them), otherwise copied into
//! contiguous panels. The convolution ([`conv_relu`]) runs the same tile over the taps of a
//! zero-bordered image, with no gathered patches at all.
//!
//! The driver is written once over [`Lanes`]: `f32x4` with `relaxed_madd` in the browser;
//! plain `[f32; 4]` in the native tests, which check the blocking (edges, strides, packing)
//! and the convolution against their definitions. The tile is 4 × 8 (8 sums): tiles of 12
//! sums ran at 0.4–0.9× its rate in V8, which spills when a tile needs all 16 SIMD registers
//! (docs/performance.md, "Relaxed SIMD").

use super::matmul::View;

/// Rows of `out` a tile sums at once.
const MR: usize = 4;
/// Vectors of 4 columns a tile sums at once (`NR = 4 · NV` columns).
const NV: usize = 2;
/// Columns of `out` a tile sums at once.
const NR: usize = 4 * NV;
/// Steps of the sum per block (a panel of `b`, `KC × NR`, stays in L1 while a block of rows
/// passes over it).
const KC: usize = 256;
/// Rows of `a` per block (`MC × KC` stays in L2 while the panels of `b` pass), a multiple of
/// `MR`.
const MC: usize = 16 * MR;

/// Four lanes of `f32` and the few operations a tile needs.
pub(crate) trait Lanes: Copy {
    /// Four values from `p` (any alignment).
    ///
    /// # Safety
    /// `p..p + 4` is readable.
    unsafe fn load(p: *const f32) -> Self;
    /// The four lanes to `p` (any alignment).
    ///
    /// # Safety
    /// `p..p + 4` is writable.
    unsafe fn store(self, p: *mut f32);
    /// The value at `p` in every lane.
    ///
    /// # Safety
    /// `p` is readable.
    unsafe fn splat(p: *const f32) -> Self;
    /// `a · b + c` per lane (rounded once or twice, as the CPU does it).
    fn madd(a: Self, b: Self, c: Self) -> Self;
    /// `max(v, 0)` per lane, NaN kept (as `packed_conv::relu`).
    fn relu(self) -> Self;
}

/// The browser's lanes: wasm `f32x4`, `relaxed_madd` for the multiply-add. Only the two
/// functions that [`add_product_of`] and [`conv_relu`] call carry `relaxed-simd` (the crate
/// is built without it: burn's SIMD library does not build with it), and everything they
/// call is inlined into them, these included.
#[cfg(all(target_arch = "wasm32", feature = "relaxed-simd"))]
impl Lanes for core::arch::wasm32::v128 {
    #[inline(always)]
    unsafe fn load(p: *const f32) -> Self {
        // SAFETY: the caller's contract; wasm loads need no alignment.
        unsafe { core::arch::wasm32::v128_load(p.cast()) }
    }
    #[inline(always)]
    unsafe fn store(self, p: *mut f32) {
        // SAFETY: the caller's contract; wasm stores need no alignment.
        unsafe { core::arch::wasm32::v128_store(p.cast(), self) }
    }
    #[inline(always)]
    unsafe fn splat(p: *const f32) -> Self {
        // SAFETY: the caller's contract.
        unsafe { core::arch::wasm32::v128_load32_splat(p.cast()) }
    }
    #[inline(always)]
    fn madd(a: Self, b: Self, c: Self) -> Self {
        core::arch::wasm32::f32x4_relaxed_madd(a, b, c)
    }
    #[inline(always)]
    fn relu(self) -> Self {
        // pmax(v, 0) = v < 0 ? 0 : v: NaN stays.
        core::arch::wasm32::f32x4_pmax(self, core::arch::wasm32::f32x4_splat(0.0))
    }
}

/// Plain lanes, for checking the driver natively.
#[cfg(test)]
impl Lanes for [f32; 4] {
    unsafe fn load(p: *const f32) -> Self {
        // SAFETY: the caller's contract.
        unsafe { p.cast::<[f32; 4]>().read_unaligned() }
    }
    unsafe fn store(self, p: *mut f32) {
        // SAFETY: the caller's contract.
        unsafe { p.cast::<[f32; 4]>().write_unaligned(self) }
    }
    unsafe fn splat(p: *const f32) -> Self {
        // SAFETY: the caller's contract.
        [unsafe { *p }; 4]
    }
    fn madd(a: Self, b: Self, c: Self) -> Self {
        std::array::from_fn(|i| a[i] * b[i] + c[i])
    }
    fn relu(self) -> Self {
        self.map(|v| if v < 0.0 { 0.0 } else { v })
    }
}

/// `out[m×n] += a[m×k] · b[k×n]`; `out` row-major and contiguous, `a` and `b` any strides
/// (checked by the caller, `matmul::add_product_of`). `parallel`: in the threaded engine,
/// large products split their rows over the pool.
#[cfg(all(target_arch = "wasm32", feature = "relaxed-simd"))]
pub fn add_product_of(
    out: &mut [f32],
    a: View,
    b: View,
    m: usize,
    k: usize,
    n: usize,
    parallel: bool,
) {
    #[cfg(wasm_threads)]
    if parallel && m * n * k >= 1 << 20 && super::parallel::threaded() {
        return split_rows(out, a, b, m, k, n, |o, a, b, m, k, n| {
            relaxed_product(o, a, b, m, k, n)
        });
    }
    let _ = parallel;
    relaxed_product(out, a, b, m, k, n);
}

/// [`product`] on wasm `f32x4` lanes, everything it calls inlined into this one function with
/// `relaxed-simd`.
#[cfg(all(target_arch = "wasm32", feature = "relaxed-simd"))]
#[target_feature(enable = "relaxed-simd")]
fn relaxed_product(out: &mut [f32], a: View, b: View, m: usize, k: usize, n: usize) {
    product::<core::arch::wasm32::v128>(out, a, b, m, k, n);
}

/// A stride-1 "same" convolution, then bias and ReLU, over NHWC activations, without
/// gathering patches: a pixel's taps of one kernel row are `k · C_in` consecutive values of
/// the zero-bordered image, so a tile reads them where they lie, kernel row after kernel row,
/// its sums starting from the bias and stored once, after ReLU.
///
/// # Shapes
/// - `padded`: one image `[side + k − 1, side + k − 1, C_in]`, a zero border `k / 2` wide
/// - `weight`: `[k·k·C_in, C_out]`, row `(i·k + j)·C_in + c` (`PackedConv`'s), `bias`: `[C_out]`
/// - `out`: output pixels `first..` of the image, `[count, C_out]`
#[cfg(all(target_arch = "wasm32", feature = "relaxed-simd"))]
pub fn conv_relu(
    padded: &[f32],
    side: usize,
    k: usize,
    weight: &[f32],
    bias: &[f32],
    first: usize,
    out: &mut [f32],
) {
    relaxed_conv(padded, side, k, weight, bias, first, out);
}

/// [`conv`] on wasm `f32x4` lanes, inlined into this one function with `relaxed-simd`.
#[cfg(all(target_arch = "wasm32", feature = "relaxed-simd"))]
#[target_feature(enable = "relaxed-simd")]
fn relaxed_conv(
    padded: &[f32],
    side: usize,
    k: usize,
    weight: &[f32],
    bias: &[f32],
    first: usize,
    out: &mut [f32],
) {
    conv::<core::arch::wasm32::v128>(padded, side, k, weight, bias, first, out);
}

/// The product with its rows of `out` (and `a`) shared over the threads, a block of whole
/// tiles each.
#[cfg(any(wasm_threads, test))]
fn split_rows(
    out: &mut [f32],
    a: View,
    b: View,
    m: usize,
    k: usize,
    n: usize,
    product: impl Fn(&mut [f32], View, View, usize, usize, usize) + Sync,
) {
    let rows = m.div_ceil(super::parallel::workers()).next_multiple_of(MR);
    let mut jobs: Vec<&mut [f32]> = out.chunks_mut(rows * n).collect();
    super::parallel::for_each_chunk(&mut jobs, |i, out| {
        let first = i * rows;
        let a = View {
            data: &a.data[first * a.row..],
            ..a
        };
        product(out, a, b, out.len() / n, k, n);
    });
}

/// The blocked product on this thread (inlined into its caller, which gives it its features).
#[inline(always)]
fn product<L: Lanes>(out: &mut [f32], a: View, b: View, m: usize, k: usize, n: usize) {
    if m == 0 || n == 0 || k == 0 {
        return;
    }
    debug_assert!(out.len() == m * n);
    // `b` is read in place when its rows are contiguous and either close together (a panel's
    // rows then share the cache's sets fairly: at 4 KiB apart they all land in the same few
    // and evict each other) or passed over by too few rows of `a` to repay a copy; else, and
    // for the last, partial panel, it is copied into contiguous, zero-padded panels of
    // `kc` rows of `NR`. `a` is read in place when its rows are contiguous (each row's steps
    // one after the other); else its block of rows is copied into panels of `MR` rows, step
    // by step (`[p][r]`), rows past the end zero.
    let b_in_place = b.col == 1 && (b.row <= 128 || m <= 2 * MR);
    let a_in_place = a.col == 1;
    let b_len = KC.min(k) * NR;
    // With one block of rows, each panel is copied just before the rows pass over it (it
    // stays in L1); with more, all of them once per block of the sum.
    let ahead = m > MC;
    let mut b_panels = vec![0.0f32; b_len * if ahead { n.div_ceil(NR) } else { 1 }];
    let a_len = KC.min(k) * MR;
    let mut a_panels = match a_in_place {
        true => Vec::new(),
        false => vec![0.0f32; a_len * MC.min(m).div_ceil(MR)],
    };
    let mut edge = [0.0f32; MR * NR];
    for p0 in (0..k).step_by(KC) {
        let kc = KC.min(k - p0);
        if ahead {
            for (jp, j0) in (0..n).step_by(NR).enumerate() {
                if !b_in_place || n - j0 < NR {
                    pack_b::<L>(&mut b_panels[jp * b_len..][..kc * NR], b, p0, j0, n);
                }
            }
        }
        for i0 in (0..m).step_by(MC) {
            let i_end = (i0 + MC).min(m);
            if !a_in_place {
                for (ip, i) in (i0..i_end).step_by(MR).enumerate() {
                    let rows = MR.min(i_end - i);
                    let panel = &mut a_panels[ip * a_len..][..kc * MR];
                    for (p, step) in panel.chunks_exact_mut(MR).enumerate() {
                        for (r, v) in step.iter_mut().enumerate() {
                            *v = match r < rows {
                                true => a.data[(i + r) * a.row + (p0 + p) * a.col],
                                false => 0.0,
                            };
                        }
                    }
                }
            }
            for (jp, j0) in (0..n).step_by(NR).enumerate() {
                let cols = NR.min(n - j0);
                let (b_panel, b_row) = match (b_in_place && cols == NR, ahead) {
                    (true, _) => (&b.data[p0 * b.row + j0..], b.row),
                    (false, true) => (&b_panels[jp * b_len..][..kc * NR], NR),
                    (false, false) => {
                        pack_b::<L>(&mut b_panels[..kc * NR], b, p0, j0, n);
                        (&b_panels[..kc * NR], NR)
                    }
                };
                for (ip, i) in (i0..i_end).step_by(MR).enumerate() {
                    let rows = MR.min(i_end - i);
                    // Rows past the end of `a` in place repeat its last (summed, never stored).
                    let a = match a_in_place {
                        true => Steps {
                            at: a.data[i * a.row + p0..].as_ptr(),
                            step: 1,
                            offsets: std::array::from_fn(|r| r.min(rows - 1) * a.row),
                        },
                        false => Steps {
                            at: a_panels[ip * a_len..][..kc * MR].as_ptr(),
                            step: MR,
                            offsets: std::array::from_fn(|r| r),
                        },
                    };
                    on_block(
                        out,
                        n,
                        (i, j0),
                        (rows, cols),
                        &mut edge,
                        true,
                        #[inline(always)]
                        |c, c_row| {
                            // SAFETY: in place, `a`'s rows i..i + rows, steps p0..p0 + kc, lie
                            // inside `a.data` (the caller checked the view fits m×k), as do `b`'s
                            // rows p0..p0 + kc, columns j0..j0 + NR; the panels hold `kc` steps of
                            // `MR` and `kc` rows of `NR`; `c` holds `MR` rows of `NR` values
                            // `c_row` apart (`on_block`).
                            unsafe { tile::<L>(kc, a, b_panel.as_ptr(), b_row, c, c_row) }
                        },
                    );
                }
            }
        }
    }
}

/// Runs `tile(c, c_row)` on the `rows × cols` block of `out` (rows `n` apart) whose first
/// value is at row `i`, column `j0`: in place when the block is a whole tile (`MR × NR`),
/// else through `edge` (`MR` rows of `NR`, `out`'s values copied in first when `accumulate`)
/// and copied back. `c` holds `MR` rows of `NR` values `c_row` apart. Callers mark `tile`
/// `#[inline(always)]`: a closure left out of line lacks `relaxed-simd`, so each of its
/// multiply-adds becomes a call (a detection took 356 ms instead of 26).
#[inline(always)]
fn on_block(
    out: &mut [f32],
    n: usize,
    (i, j0): (usize, usize),
    (rows, cols): (usize, usize),
    edge: &mut [f32; MR * NR],
    accumulate: bool,
    tile: impl FnOnce(*mut f32, usize),
) {
    if rows == MR && cols == NR {
        let c = &mut out[i * n + j0..];
        assert!(c.len() >= (MR - 1) * n + NR);
        return tile(c.as_mut_ptr(), n);
    }
    if accumulate {
        for r in 0..rows {
            edge[r * NR..][..cols].copy_from_slice(&out[(i + r) * n + j0..][..cols]);
        }
    }
    tile(edge.as_mut_ptr(), NR);
    for r in 0..rows {
        out[(i + r) * n + j0..][..cols].copy_from_slice(&edge[r * NR..][..cols]);
    }
}

/// [`conv_relu`] on any lanes (inlined into its caller, which gives it its features).
#[inline(always)]
fn conv<L: Lanes>(
    padded: &[f32],
    side: usize,
    k: usize,
    weight: &[f32],
    bias: &[f32],
    first: usize,
    out: &mut [f32],
) {
    let cout = bias.len();
    let wide = side + k - 1;
    let cin = padded.len() / (wide * wide);
    let depth = k * k * cin;
    let count = out.len() / cout.max(1);
    assert!(
        cout > 0
            && padded.len() == wide * wide * cin
            && weight.len() == depth * cout
            && out.len() == count * cout
            && first + count <= side * side
    );
    // Tiles of `MR` pixels, panel by panel of `NR` output channels (each panel's weights stay
    // in L1 while the tiles pass over them); a last, partial panel (C_out not a multiple of
    // `NR`) copied, zero-padded.
    let shape = ConvShape {
        k,
        run: k * cin,
        row: wide * cin,
    };
    let mut panel = Vec::new();
    let mut panel_bias = [0.0f32; NR];
    let mut edge = [0.0f32; MR * NR];
    for j0 in (0..cout).step_by(NR) {
        let cols = NR.min(cout - j0);
        let (w, w_row, b) = match cols == NR {
            true => (&weight[j0..], cout, &bias[j0..j0 + NR]),
            false => {
                panel.clear();
                for row in weight.chunks_exact(cout) {
                    panel.extend_from_slice(&row[j0..]);
                    panel.resize(panel.len() + NR - cols, 0.0);
                }
                panel_bias[..cols].copy_from_slice(&bias[j0..]);
                (&panel[..], NR, &panel_bias[..])
            }
        };
        for i in (0..count).step_by(MR) {
            let rows = MR.min(count - i);
            // Each pixel's first tap; pixels past the end repeat the last (never stored).
            let a = Steps {
                at: padded.as_ptr(),
                step: 1,
                offsets: std::array::from_fn(|r| {
                    let pixel = first + i + r.min(rows - 1);
                    (pixel / side * wide + pixel % side) * cin
                }),
            };
            on_block(
                out,
                cout,
                (i, j0),
                (rows, cols),
                &mut edge,
                false,
                #[inline(always)]
                |c, c_row| {
                    // SAFETY: a pixel's last tap, `offsets[r] + (k − 1) · row + run − 1`, is its
                    // bottom-right neighbour in the zero-bordered image, inside `padded` (checked
                    // above); the weights hold `depth` rows of `NR` values `w_row` apart from
                    // column j0 (in place: j0 + NR ≤ C_out); `b` holds `NR`; `c` holds `MR` rows
                    // of `NR` values `c_row` apart (`on_block`).
                    unsafe { conv_tile::<L>(shape, a, w.as_ptr(), w_row, b.as_ptr(), c, c_row) }
                },
            );
        }
    }
}

/// How a convolution tile walks a pixel's taps: `k` kernel rows of `run` consecutive values,
/// `row` apart.
#[derive(Clone, Copy)]
struct ConvShape {
    k: usize,
    run: usize,
    row: usize,
}

/// `c[MR×NR] = relu(bias + Σ taps a · w)`: pixel `r`'s taps of kernel row `i` at
/// `a.at + a.offsets[r] + i · row + 0..run`, the weights' rows one after the other from `w`,
/// `w_row` apart; the sums stay in registers and are stored once.
///
/// # Safety
/// Every address above is inside its buffer; `bias` holds `NR` values, `c` `MR` rows of `NR`
/// values `c_row` apart.
#[inline(always)]
unsafe fn conv_tile<L: Lanes>(
    shape: ConvShape,
    a: Steps,
    w: *const f32,
    w_row: usize,
    bias: *const f32,
    c: *mut f32,
    c_row: usize,
) {
    // SAFETY: the caller's contract, address by address.
    unsafe {
        let start: [L; NV] = std::array::from_fn(|v| L::load(bias.add(4 * v)));
        let mut acc = [start; MR];
        let mut w = w;
        for i in 0..shape.k {
            let mut at = a.at.wrapping_add(i * shape.row);
            for _ in 0..shape.run {
                let wv: [L; NV] = std::array::from_fn(|v| L::load(w.add(4 * v)));
                for (sums, &offset) in acc.iter_mut().zip(&a.offsets) {
                    let x = L::splat(at.wrapping_add(offset));
                    for (sum, &wv) in sums.iter_mut().zip(&wv) {
                        *sum = L::madd(x, wv, *sum);
                    }
                }
                at = at.wrapping_add(1);
                w = w.wrapping_add(w_row);
            }
        }
        for (r, sums) in acc.iter().enumerate() {
            for (v, &x) in sums.iter().enumerate() {
                x.relu().store(c.add(r * c_row + 4 * v));
            }
        }
    }
}

/// A `[side, side, cin]` image with a zero border `pad` wide all round:
/// `[side + 2·pad, side + 2·pad, cin]`.
pub fn zero_bordered(image: &[f32], side: usize, pad: usize) -> Vec<f32> {
    let cin = image.len() / (side * side).max(1);
    let wide = side + 2 * pad;
    let mut out = vec![0.0; wide * wide * cin];
    for (y, row) in image.chunks_exact(side * cin).enumerate() {
        let to = ((y + pad) * wide + pad) * cin;
        out[to..to + side * cin].copy_from_slice(row);
    }
    out
}

/// Copies `b`'s rows `p0..`, columns `j0..j0 + NR` (zeros past `n`) into `panel`, row by row.
#[inline(always)]
fn pack_b<L: Lanes>(panel: &mut [f32], b: View, p0: usize, j0: usize, n: usize) {
    let cols = NR.min(n - j0);
    for (p, row) in panel.chunks_exact_mut(NR).enumerate() {
        let from = (p0 + p) * b.row + j0 * b.col;
        if b.col == 1 && cols == NR {
            let from = &b.data[from..from + NR];
            for v in 0..NV {
                // SAFETY: `from` and `row` hold `NR = 4 · NV` values.
                unsafe { L::load(from.as_ptr().add(4 * v)).store(row.as_mut_ptr().add(4 * v)) };
            }
            continue;
        }
        for (j, v) in row.iter_mut().enumerate() {
            *v = match j < cols {
                true => b.data[from + j * b.col],
                false => 0.0,
            };
        }
    }
}

/// Where a tile finds `a`: row `r`'s value of step `p` at `at + offsets[r] + p · step`.
#[derive(Clone, Copy)]
struct Steps {
    at: *const f32,
    step: usize,
    offsets: [usize; MR],
}

/// `c[MR×NR] += a[MR×kc] · b[kc×NR]`: `a` as [`Steps`] says, row `p` of `b` at
/// `b + p · b_row`, row `r` of `c` at `c + r · c_row`; the `MR × NV` sums stay in registers.
///
/// # Safety
/// Every address above, for `r < MR`, `p < kc` and `NR` columns, is inside its buffer.
#[inline(always)]
unsafe fn tile<L: Lanes>(
    kc: usize,
    a: Steps,
    b: *const f32,
    b_row: usize,
    c: *mut f32,
    c_row: usize,
) {
    // SAFETY: the caller's contract, address by address.
    unsafe {
        let mut acc: [[L; NV]; MR] =
            std::array::from_fn(|r| std::array::from_fn(|v| L::load(c.add(r * c_row + 4 * v))));
        let (mut at, mut b) = (a.at, b);
        for _ in 0..kc {
            let bv: [L; NV] = std::array::from_fn(|v| L::load(b.add(4 * v)));
            for (row, &offset) in acc.iter_mut().zip(&a.offsets) {
                let ar = L::splat(at.wrapping_add(offset));
                for (sum, &bv) in row.iter_mut().zip(&bv) {
                    *sum = L::madd(ar, bv, *sum);
                }
            }
            at = at.wrapping_add(a.step);
            b = b.wrapping_add(b_row);
        }
        for (r, row) in acc.iter().enumerate() {
            for (v, &x) in row.iter().enumerate() {
                x.store(c.add(r * c_row + 4 * v));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::matmul::tests::assert_every_layout;
    use super::super::test_values::values;
    use super::*;

    /// The convolution against its definition (in f64): 3×3 and 5×5, one to many input
    /// channels, output channels a multiple of `NR` and not, tiles that cross rows and end
    /// partway, a range of pixels starting mid-row; NaN through the ReLU.
    #[test]
    fn the_convolution_equals_its_definition() {
        for (side, cin, cout, k, first, count) in [
            (7, 1, 8, 3, 0, 49),
            (9, 3, 5, 5, 0, 81),
            (6, 16, 16, 3, 5, 23),
            (12, 2, 20, 5, 13, 100),
            (5, 8, 3, 3, 0, 25),
        ] {
            let pad = k / 2;
            let depth = k * k * cin;
            let x = values(side * side * cin, 3);
            let w = values(depth * cout, 4);
            let mut bias = values(cout, 5);
            bias[0] = f32::NAN;
            let padded = zero_bordered(&x, side, pad);
            let mut out = vec![-7.0; count * cout];
            conv::<[f32; 4]>(&padded, side, k, &w, &bias, first, &mut out);
            for p in 0..count {
                let (y, xx) = ((first + p) / side, (first + p) % side);
                for o in 0..cout {
                    let mut want = bias[o] as f64;
                    for i in 0..k {
                        for j in 0..k {
                            let (yy, xs) = (
                                (y + i) as isize - pad as isize,
                                (xx + j) as isize - pad as isize,
                            );
                            if yy < 0 || xs < 0 || yy >= side as isize || xs >= side as isize {
                                continue;
                            }
                            for c in 0..cin {
                                let v = x[((yy as usize) * side + xs as usize) * cin + c] as f64;
                                want += v * w[((i * k + j) * cin + c) * cout + o] as f64;
                            }
                        }
                    }
                    let got = out[p * cout + o];
                    if o == 0 {
                        assert!(got.is_nan(), "NaN bias kept at pixel {p}");
                        continue;
                    }
                    let want = want.max(0.0);
                    assert!(
                        (got as f64 - want).abs() < 1e-4 * (1.0 + want.abs()),
                        "{side}×{side}×{cin} → {cout}, {k}×{k}, pixel {p} channel {o}: {got} vs {want}"
                    );
                }
            }
        }
    }

    /// The blocking against the definition: shapes smaller than a tile, ragged in every
    /// direction, longer than a block of the sum and of rows, with `b` read in place and
    /// copied, ahead and panel by panel; each layout of `a` and `b`, on one thread and split
    /// over rows.
    #[test]
    fn equals_the_definition_for_every_shape_and_layout() {
        let shapes = [
            (1, 1, 1),
            (5, 3, 7),
            (MR, 9, NR),
            (MR + 1, KC + 3, NR + 1),
            (MC + 7, 2 * KC + 1, 3 * NR - 2),
            (16, 144, 9216 / 64),
            (1, 300, 30),
            (MC + 5, 40, 18 * NR + 3),
        ];
        assert_every_layout(&shapes, "one thread", product::<[f32; 4]>);
        assert_every_layout(&shapes, "split over rows", |out, a, b, m, k, n| {
            split_rows(out, a, b, m, k, n, product::<[f32; 4]>)
        });
    }
}
