//! CSV parse throughput on a generated Kaggle-sized training.csv (7,049 rows, ~240 MB),
//! parsed from memory so the figure is the parser's, not the disk's.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use facepoints::data::read_faces;
use facepoints::keypoints::{IMAGE_PIXELS, NUM_COORDS, coord_name};

/// Kaggle's layout: 30 coordinates (some missing) then 9,216 pixels, LF line ends.
fn generate(rows: usize) -> Vec<u8> {
    let mut header: Vec<String> = (0..NUM_COORDS).map(coord_name).collect();
    header.push("Image".into());
    let mut out = header.join(",").into_bytes();
    out.push(b'\n');
    let mut state = 12345u32;
    for r in 0..rows {
        for c in 0..NUM_COORDS {
            if r % 3 != 0 || c < 4 {
                out.extend_from_slice(
                    format!("{:.6}", 20.0 + (c * 2) as f32 + (r % 7) as f32 * 0.37).as_bytes(),
                );
            }
            out.push(b',');
        }
        for p in 0..IMAGE_PIXELS {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let v = 100 + (state >> 24) % 156; // mostly three digits, like real photos
            if p > 0 {
                out.push(b' ');
            }
            out.extend_from_slice(v.to_string().as_bytes());
        }
        out.push(b'\n');
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = generate(7049);
    eprintln!("generated {:.1} MB", text.len() as f64 / 1e6);
    let mut group = c.benchmark_group("csv");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse_training_csv_7049_rows", |b| {
        b.iter(|| read_faces(&text[..]).expect("valid").len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
