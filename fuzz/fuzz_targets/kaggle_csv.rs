//! The Kaggle CSV reader, pulled (`read_faces`, the command line's way: gzip or plain from a
//! reader) and pushed in chunks of varying size (`FaceReader`, the page's way). Neither may
//! panic or hang, and on plain text both must agree: the same faces, or both an error.
//!
//! A byte 0x01 in the input (its first four) stands for 9,215 pixel values ("128 " each), so
//! short inputs can hold whole 96×96 rows and reach the parser's deeper checks.
#![no_main]

use facepoints::data::{FaceReader, read_faces};
use libfuzzer_sys::fuzz_target;

const PIXELS: &[u8] = b"128 ";

/// Whole rows an input may stand for (more would only repeat the same paths, slower).
const MAX_ROWS: usize = 4;

fn expand(data: &[u8]) -> Vec<u8> {
    let mut text = Vec::with_capacity(data.len());
    let mut rows = 0;
    for &b in data {
        if b == 1 && rows < MAX_ROWS {
            rows += 1;
            for _ in 0..9215 {
                text.extend_from_slice(PIXELS);
            }
        } else {
            text.push(b);
        }
    }
    text
}

fuzz_target!(|data: &[u8]| {
    let Some((&seed, rest)) = data.split_first() else {
        return;
    };
    let text = expand(rest);
    let pulled = read_faces(&text[..]);
    if text.starts_with(&[0x1f, 0x8b]) {
        return; // gzip: only the pull side reads it
    }
    // Chunk sizes from the seed: 1..=64 bytes, or whole.
    let mut reader = FaceReader::new(if seed & 1 == 0 { text.len() as u64 } else { 0 });
    let step = usize::from(seed >> 2).max(1);
    let mut pushed = Ok(());
    for chunk in text.chunks(if seed & 2 == 0 {
        step
    } else {
        text.len().max(1)
    }) {
        pushed = reader.push(chunk);
        if pushed.is_err() {
            break;
        }
    }
    let pushed = pushed.and_then(|()| reader.finish());
    match (&pulled, &pushed) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.ids, b.ids);
            assert_eq!(a.images, b.images);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&a.coords), bits(&b.coords));
            for (i, c) in a.coords.iter().enumerate() {
                assert!(c.is_nan() || c.is_finite(), "coordinate {i} is {c}");
            }
            assert_eq!(a.images.len(), a.ids.len() * 9216);
            assert_eq!(a.coords.len(), a.ids.len() * 30);
        }
        (Err(_), Err(_)) => {}
        _ => panic!(
            "pulled and pushed disagree: {:?} vs {:?}",
            pulled.as_ref().map(|f| f.len()),
            pushed.as_ref().map(|f| f.len())
        ),
    }
});
