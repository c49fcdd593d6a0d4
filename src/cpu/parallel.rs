//! Independent jobs over the CPU's threads: rayon's natively; in the browser, rayon's pool
//! of Web Workers where the threaded engine has started one (`use_threads`), else one
//! thread. Every kernel that splits its work goes through here.

#[cfg(wasm_threads)]
use std::sync::atomic::{AtomicUsize, Ordering};

/// The threads of the threaded engine's pool once it runs (0: none yet, work stays on the
/// calling thread).
#[cfg(wasm_threads)]
static POOL_THREADS: AtomicUsize = AtomicUsize::new(0);

/// Records that rayon's global pool now has `threads` threads (the threaded engine calls it
/// once its Web Workers run); from then on the kernels share their work with them.
#[cfg(wasm_threads)]
pub fn use_threads(threads: usize) {
    POOL_THREADS.store(threads, Ordering::Relaxed);
}

/// Whether work may go to rayon: always natively, in the threaded engine once a pool runs
/// (the single-threaded engine has no rayon).
#[cfg(not(target_arch = "wasm32"))]
pub fn threaded() -> bool {
    true
}

/// Whether work may go to rayon: always natively, in the threaded engine once a pool runs
/// (the single-threaded engine has no rayon).
#[cfg(wasm_threads)]
pub fn threaded() -> bool {
    POOL_THREADS.load(Ordering::Relaxed) > 1
}

/// How many jobs keep every thread busy.
pub fn workers() -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    return rayon::current_num_threads();
    #[cfg(wasm_threads)]
    return POOL_THREADS.load(Ordering::Relaxed).max(1);
    #[cfg(all(target_arch = "wasm32", not(wasm_threads)))]
    1
}

/// A zeroed buffer of `count` rows of `len` values, `job(i, row)` run on each row (in
/// parallel where threads exist).
pub fn fill_rows(count: usize, len: usize, job: impl Fn(usize, &mut [f32]) + Sync) -> Vec<f32> {
    let mut out = vec![0.0; count * len];
    if len > 0 {
        let mut rows: Vec<&mut [f32]> = out.chunks_mut(len).collect();
        for_each_chunk(&mut rows, |i, row| job(i, row));
    }
    out
}

/// Runs `job(i, &mut jobs[i])` for every job, in parallel where threads exist.
pub fn for_each_chunk<T: Send>(jobs: &mut [T], job: impl Fn(usize, &mut T) + Sync) {
    #[cfg(any(not(target_arch = "wasm32"), wasm_threads))]
    if threaded() {
        use rayon::prelude::*;
        jobs.par_iter_mut().enumerate().for_each(|(i, t)| job(i, t));
        return;
    }
    for (i, t) in jobs.iter_mut().enumerate() {
        job(i, t);
    }
}

/// Runs `job(state, i, chunk)` on each `len`-long chunk of `data` (the last may be shorter),
/// in parallel where threads exist; each thread makes its own `state` once (`init`: a
/// scratch buffer, say) and reuses it for the chunks it runs.
pub fn for_each_chunk_with<S>(
    data: &mut [f32],
    len: usize,
    init: impl Fn() -> S + Sync + Send,
    job: impl Fn(&mut S, usize, &mut [f32]) + Sync + Send,
) {
    #[cfg(any(not(target_arch = "wasm32"), wasm_threads))]
    if threaded() {
        use rayon::prelude::*;
        data.par_chunks_mut(len)
            .enumerate()
            .for_each_init(init, |state, (i, chunk)| job(state, i, chunk));
        return;
    }
    let mut state = init();
    for (i, chunk) in data.chunks_mut(len).enumerate() {
        job(&mut state, i, chunk);
    }
}

/// `job(i)` for `i` in `0..count`, collected in order (in parallel where threads exist).
pub fn map_indices<T: Send>(count: usize, job: impl Fn(usize) -> T + Sync + Send) -> Vec<T> {
    #[cfg(any(not(target_arch = "wasm32"), wasm_threads))]
    if threaded() {
        use rayon::prelude::*;
        return (0..count).into_par_iter().map(job).collect();
    }
    (0..count).map(job).collect()
}

/// `(a(), b())`, the two side by side where threads exist.
pub fn join<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(any(not(target_arch = "wasm32"), wasm_threads))]
    if threaded() {
        return rayon::join(a, b);
    }
    (a(), b())
}
