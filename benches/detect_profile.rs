//! Where a photo's face detection goes, natively on the flex CPU backend (the page's CPU
//! engine runs the same code in wasm, on one thread): the short-range detector (its input
//! sampled, then its forward pass and read-back), the full-range detector (the same), the
//! whole detector (both, merged, the closer look at small faces), and the whole pipeline
//! (detector, crops, keypoints, the second look), on the two public-domain photos. Median ms
//! of 15 runs after 3 warm-up runs. Prints a markdown table.
//!
//! `cargo bench --profile dev --bench detect_profile`

use std::path::Path;
use std::time::Instant;

use facepoints::backend::Backend;
use facepoints::detect::{
    DetectorConfig, DetectorWeights, FULL_RANGE_SIDE, FaceDetector, INPUT_SIDE,
};
use facepoints::face::FacePipeline;
use facepoints::image::RgbaImage;

const WARM: usize = 3;
const RUNS: usize = 15;

/// Median milliseconds of `f` over [`RUNS`] runs after [`WARM`].
fn median_ms(mut f: impl FnMut()) -> f64 {
    for _ in 0..WARM {
        f();
    }
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

fn main() {
    let backend = Backend::flex();
    let weights = DetectorWeights::bundled();
    let detector = FaceDetector::new(&backend.device, &weights, DetectorConfig::default())
        .expect("the bundled weights load");
    let model = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("www/models/default.fpk"))
        .expect("www/models/default.fpk");
    let pipeline = FacePipeline::new(&backend.device, &model, &weights).expect("the pipeline");
    let photos = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/photos");
    println!(
        "| photo | short range: sample / forward | full range: sample / forward | whole detector | whole pipeline (faces) |"
    );
    println!("|---|---|---|---|---|");
    for name in ["astronaut.png", "grace_hopper.jpg"] {
        let decoded = image::open(photos.join(name))
            .expect("the photo")
            .to_rgba8();
        let (w, h) = (decoded.width() as usize, decoded.height() as usize);
        let rgba = RgbaImage::new(w, h, decoded.as_raw()).expect("RGBA");
        let letterbox = FaceDetector::letterbox(&rgba);
        let short_sample = median_ms(|| {
            detector.input(&rgba, letterbox, INPUT_SIDE);
        });
        let short = median_ms(|| {
            pollster::block_on(detector.raw(detector.input(&rgba, letterbox, INPUT_SIDE))).unwrap();
        });
        let full_sample = median_ms(|| {
            detector.input(&rgba, letterbox, FULL_RANGE_SIDE);
        });
        let full = median_ms(|| {
            pollster::block_on(detector.raw_full_range(detector.input(
                &rgba,
                letterbox,
                FULL_RANGE_SIDE,
            )))
            .unwrap();
        });
        let whole = median_ms(|| {
            pollster::block_on(detector.detect(&rgba)).unwrap();
        });
        let mut faces = 0;
        let piped = median_ms(|| {
            faces = pollster::block_on(pipeline.detect(&rgba)).unwrap().0.len();
        });
        println!(
            "| {name} ({w}×{h}) | {short_sample:.1} / {:.1} ms | {full_sample:.1} / {:.1} ms | {whole:.1} ms | {piped:.1} ms ({faces}) |",
            short - short_sample,
            full - full_sample,
        );
    }
}
