//! The CPU engine's threads: the threaded engine (`web-cpu-threads`, pkg/cpu-mt) starts
//! rayon's pool of Web Workers once, before any other call; the single-threaded engines
//! report one thread.

use wasm_bindgen::prelude::*;

/// Starts `threads` workers for the kernels (at most once, before the engine's first
/// operation; the page calls it right after loading the threaded engine) and returns how many
/// threads the kernels now use. Engines without threads return 1 and start nothing.
#[wasm_bindgen(js_name = startThreads)]
pub async fn start_threads(threads: usize) -> Result<usize, JsError> {
    #[cfg(wasm_threads)]
    {
        if threads < 1 {
            return Err(JsError::new("startThreads needs at least one thread"));
        }
        wasm_bindgen_futures::JsFuture::from(wasm_bindgen_rayon::init_thread_pool(threads))
            .await
            .map_err(|e| {
                JsError::new(&format!(
                    "could not start the engine's threads: {}",
                    e.as_string().unwrap_or_else(|| format!("{e:?}"))
                ))
            })?;
        crate::cpu::parallel::use_threads(threads);
        Ok(threads)
    }
    #[cfg(not(wasm_threads))]
    {
        let _ = threads;
        Ok(1)
    }
}

/// Whether this engine can run its kernels on several threads (the threaded CPU engine).
#[wasm_bindgen(js_name = engineHasThreads)]
pub fn engine_has_threads() -> bool {
    cfg!(wasm_threads)
}
