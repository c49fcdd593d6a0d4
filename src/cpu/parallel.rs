//! Independent jobs over the CPU's threads: rayon's natively, one thread in the browser's
//! engine (a wasm without threads).

/// How many jobs keep every thread busy.
pub fn workers() -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    return rayon::current_num_threads();
    #[cfg(target_arch = "wasm32")]
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
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        jobs.par_iter_mut().enumerate().for_each(|(i, t)| job(i, t));
    }
    #[cfg(target_arch = "wasm32")]
    for (i, t) in jobs.iter_mut().enumerate() {
        job(i, t);
    }
}
