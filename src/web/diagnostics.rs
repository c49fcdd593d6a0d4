//! What the page's tests and benchmarks call besides the API: the last panic's message, a
//! deliberate panic, and the augmentation benchmark.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_time::Instant;

use crate::keypoints::{IMAGE_PIXELS, NUM_COORDS};

thread_local! {
    /// The message of the last panic not yet read by `lastPanic()`.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps every panic's place and message for `lastPanic()` (a panic traps the instance, and
/// the JS side sees only "unreachable"), and still logs it with its stack on the console.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string().replace('\n', " ");
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(message));
        console_error_panic_hook::hook(info);
    }));
}

/// The message of the last panic ("panicked at src/…:12:5: …"), once: a second call gives
/// `undefined` until the next panic.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|last| last.borrow_mut().take())
}

/// Panics with `message`. The page's tests use it to check that an engine crash is shown with
/// its message and that the detector starts again.
#[wasm_bindgen(js_name = panicForTesting)]
pub fn panic_for_testing(message: String) {
    panic!("{message}");
}

/// Panics with `message` inside a future, after it has once waited: where an async call's
/// panic surfaces (the threaded engine runs futures from promise callbacks, so the trap is an
/// unhandled rejection of the worker, not a rejection of the call's promise).
#[wasm_bindgen(js_name = panicLaterForTesting)]
pub fn panic_later_for_testing(message: String) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let _ =
            wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await;
        panic!("{message}");
    })
}

/// Augmented faces per second through the study's default pipeline, single-threaded, in this
/// wasm (the native figure is `cargo bench --bench augment`), from `BenchmarkOptions`: `gray`
/// 9,216 bytes per face, `coords` 30 per face, every face augmented `rounds` times.
#[wasm_bindgen(js_name = augmentBenchmark)]
pub fn augment_benchmark(options: super::options::BenchmarkOptions) -> Result<f64, JsError> {
    let (gray, coords) = (options.gray(), options.coords());
    let rounds = super::options::whole(options.rounds(), 1e6, "rounds")? as usize;
    use rand::SeedableRng;
    let n = gray.len() / IMAGE_PIXELS;
    if n == 0 || gray.len() != n * IMAGE_PIXELS || coords.len() != n * NUM_COORDS {
        return Err(JsError::new(
            "augmentBenchmark needs 9,216 pixels and 30 coordinates per face",
        ));
    }
    let config = crate::augment::AugmentConfig::default();
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    let start = Instant::now();
    let mut checksum = 0usize;
    for _ in 0..rounds.max(1) {
        for (image, c) in gray.chunks(IMAGE_PIXELS).zip(coords.chunks(NUM_COORDS)) {
            checksum += usize::from(crate::augment::augment(&config, image, c, &mut rng).0[0]);
        }
    }
    std::hint::black_box(checksum);
    Ok((n * rounds.max(1)) as f64 / start.elapsed().as_secs_f64())
}
