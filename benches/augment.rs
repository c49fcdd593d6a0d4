//! Augmented 96×96 images per second, single-threaded, through the full default pipeline
//! (the study's seven augmentations at their probabilities), and of each augmentation alone.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use facepoints::augment::{AugmentConfig, AugmentKind, augment};
use facepoints::data::read_faces_file;
use rand::SeedableRng;
use rand::rngs::StdRng;

fn bench(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/data/ytf_sample");
    let faces = read_faces_file(&dir.join("training.csv.gz")).expect("sample");
    let config = AugmentConfig::default();
    let mut rng = StdRng::seed_from_u64(1);
    let mut group = c.benchmark_group("augment");
    group.throughput(Throughput::Elements(faces.len() as u64));
    group.bench_function("default_pipeline_282_faces", |b| {
        b.iter(|| {
            (0..faces.len())
                .map(|i| augment(&config, faces.image(i), faces.coords(i), &mut rng).0[0] as usize)
                .sum::<usize>()
        })
    });
    // Nothing enabled: the fixed cost of a sample (conversions, sampling, keypoints).
    let mut none = AugmentConfig::default();
    for kind in AugmentKind::ALL {
        none.op_mut(kind).enabled = false;
    }
    group.bench_function("none_enabled", |b| {
        b.iter(|| {
            (0..faces.len())
                .map(|i| augment(&none, faces.image(i), faces.coords(i), &mut rng).0[0] as usize)
                .sum::<usize>()
        })
    });
    // Each augmentation alone, always applied: where the time goes.
    for kind in AugmentKind::ALL {
        let mut only = AugmentConfig::default();
        for other in AugmentKind::ALL {
            only.op_mut(other).enabled = other == kind;
        }
        only.op_mut(kind).probability = 1.0;
        group.bench_function(format!("only_{}", kind.name()), |b| {
            b.iter(|| {
                (0..faces.len())
                    .map(|i| {
                        augment(&only, faces.image(i), faces.coords(i), &mut rng).0[0] as usize
                    })
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
