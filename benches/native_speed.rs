//! Native speed of the study's Model 2 and Model 3 on the flex CPU backend, as a user of the
//! CLI gets it: training images/s (forward, masked loss, backward, Adam; random faces) at batch
//! 32 and 128 after warm-up steps, and batch-1 inference (bytes → keypoints in pixels, read
//! back) median and p95 in ms. One JSON object per line, for `benches/native_vs_keras.sh`,
//! which runs the same models in Keras beside it.
//!
//! `cargo bench --profile dev --bench native_speed [-- model2 model3] [--inference-only | --layers]`

use std::time::Instant;

use burn::module::Module;
use burn::tensor::Device;
use facepoints::batch::face_batch;
use facepoints::cpu::CpuNet;
use facepoints::data::FaceSet;
use facepoints::keypoints::{IMAGE_PIXELS, NUM_COORDS};
use facepoints::model::ModelConfig;
use facepoints::normalize::Normalization;
use facepoints::predict::{predict, predict_cpu};
use facepoints::train::{OptimizerSpec, optimizer, train_step};

const WARM_STEPS: usize = 2;
/// At least this many timed steps, and at least this many seconds of them.
const MIN_STEPS: usize = 4;
const MIN_SECONDS: f64 = 8.0;
const LATENCY_CALLS: usize = 200;

fn faces(n: usize) -> FaceSet {
    let mut faces = FaceSet::default();
    for i in 0..n {
        let image: Vec<u8> = (0..IMAGE_PIXELS)
            .map(|p| ((p * 7 + i * 13 + (p >> 7)) % 251) as u8)
            .collect();
        let coords: Vec<f32> = (0..NUM_COORDS)
            .map(|c| 20.0 + ((c * 13 + i) % 56) as f32)
            .collect();
        faces.push(i as u32, &image, &coords);
    }
    faces
}

fn training(name: &str, batch: usize) -> String {
    let device = Device::flex().autodiff();
    let data = faces(batch);
    let rows: Vec<usize> = (0..batch).collect();
    let norm = Normalization::default();
    let mut model = ModelConfig::preset(name).unwrap().init(&device).unwrap();
    let mut optim = optimizer(&OptimizerSpec::default());
    let mut step = |model: facepoints::model::KeypointCnn| {
        let (next, loss) = train_step(
            model,
            &mut optim,
            face_batch(&data, &rows, &norm, &device),
            1e-3,
        );
        loss.into_scalar::<f32>(); // the step is done when its loss is read
        next
    };
    let started = Instant::now();
    for _ in 0..WARM_STEPS {
        model = step(model);
    }
    let warm_up = started.elapsed().as_secs_f64();
    let timed = Instant::now();
    let mut steps = 0;
    while steps < MIN_STEPS || timed.elapsed().as_secs_f64() < MIN_SECONDS {
        model = step(model);
        steps += 1;
    }
    let seconds = timed.elapsed().as_secs_f64();
    format!(
        r#"{{"engine":"facepoints","model":"{name}","what":"training","batch":{batch},"images_per_s":{:.2},"warmup_s":{warm_up:.2},"steps":{steps}}}"#,
        (steps * batch) as f64 / seconds
    )
}

/// Batch-1 inference ms (median, p95), as the CLI predicts (`CpuNet`), and through burn's
/// modules (what it did before; for the before/after figure).
fn inference(name: &str) -> [String; 2] {
    let device = Device::flex();
    let model = ModelConfig::preset(name)
        .unwrap()
        .init(&device)
        .unwrap()
        .valid();
    let face = faces(1);
    let norm = Normalization::default();
    let net = CpuNet::pack(&model, norm.pixel_scale).expect("odd kernels");
    let packed = latency(|| {
        predict_cpu(&net, &face, &norm, 1).unwrap();
    });
    let burn = latency(|| {
        pollster::block_on(predict(&model, &face, &norm, 1, &device)).unwrap();
    });
    [("facepoints", packed), ("facepoints-burn-modules", burn)].map(|(engine, (median, p95))| {
        format!(
            r#"{{"engine":"{engine}","model":"{name}","what":"inference","batch":1,"median_ms":{median:.3},"p95_ms":{p95:.3},"calls":{LATENCY_CALLS}}}"#
        )
    })
}

/// Median and p95 ms of `call` over LATENCY_CALLS calls, after 10 untimed.
fn latency(mut call: impl FnMut()) -> (f64, f64) {
    for _ in 0..10 {
        call();
    }
    let mut ms: Vec<f64> = (0..LATENCY_CALLS)
        .map(|_| {
            let t = Instant::now();
            call();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    (ms[ms.len() / 2], ms[ms.len() * 95 / 100])
}

fn main() {
    // `--layers`: the models' layer lists as JSON, for the Keras side to build the same nets.
    if std::env::args().any(|a| a == "--layers") {
        let layers: serde_json::Map<String, serde_json::Value> = ["model2", "model3"]
            .into_iter()
            .map(|name| {
                let config = ModelConfig::preset(name).unwrap();
                (
                    name.to_string(),
                    serde_json::to_value(&config.layers).unwrap(),
                )
            })
            .collect();
        println!("{}", serde_json::Value::Object(layers));
        return;
    }
    // `cargo bench` passes `--bench`; anything else names the models to run.
    let mut models: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if models.is_empty() {
        models = vec!["model2".into(), "model3".into()];
    }
    for name in &models {
        for line in inference(name) {
            println!("{line}");
        }
        if std::env::args().any(|a| a == "--inference-only") {
            continue;
        }
        for batch in [32, 128] {
            println!("{}", training(name, batch));
        }
    }
}
