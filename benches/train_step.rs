//! Milliseconds per training step (forward, masked loss, backward, Adam) of Models 0–3 on the
//! flex CPU backend, batch 32.

use burn::tensor::Device;
use criterion::{Criterion, criterion_group, criterion_main};
use facepoints::batch::face_batch;
use facepoints::data::FaceSet;
use facepoints::keypoints::{IMAGE_PIXELS, NUM_COORDS};
use facepoints::model::{ModelConfig, PRESETS};
use facepoints::normalize::Normalization;
use facepoints::train::{OptimizerSpec, optimizer, train_step};

const BATCH: usize = 32;

fn faces() -> FaceSet {
    let mut faces = FaceSet::default();
    for i in 0..BATCH {
        let image: Vec<u8> = (0..IMAGE_PIXELS)
            .map(|p| ((p * 7 + i * 13) % 256) as u8)
            .collect();
        let coords: Vec<f32> = (0..NUM_COORDS)
            .map(|c| 20.0 + c as f32 + i as f32 * 0.1)
            .collect();
        faces.push(i as u32, &image, &coords);
    }
    faces
}

fn bench(c: &mut Criterion) {
    let faces = faces();
    let rows: Vec<usize> = (0..BATCH).collect();
    let norm = Normalization::default();
    let device = Device::flex().autodiff();
    let mut group = c.benchmark_group("train_step_flex_batch32");
    group.sample_size(10);
    for name in PRESETS {
        let mut model = Some(ModelConfig::preset(name).unwrap().init(&device).unwrap());
        let mut optim = optimizer(&OptimizerSpec::default());
        group.bench_function(name, |b| {
            b.iter(|| {
                let batch = face_batch(&faces, &rows, &norm, &device);
                let (next, loss) = train_step(model.take().unwrap(), &mut optim, batch, 1e-4);
                model = Some(next);
                loss.into_scalar::<f32>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
