//! Property: any set of faces written in Kaggle's layout (any missing cells, CRLF or LF,
//! gzip or not) reads back exactly.

use std::io::Write;

use facepoints::data::read_faces;
use facepoints::keypoints::{IMAGE_PIXELS, NUM_COORDS, coord_name};
use proptest::prelude::*;

fn to_csv(rows: &[(Vec<u8>, Vec<Option<f32>>)], crlf: bool) -> String {
    let eol = if crlf { "\r\n" } else { "\n" };
    let mut cols: Vec<String> = (0..NUM_COORDS).map(coord_name).collect();
    cols.push("Image".into());
    let mut out = cols.join(",") + eol;
    for (pixels, coords) in rows {
        for c in coords {
            if let Some(v) = c {
                out.push_str(&v.to_string());
            }
            out.push(',');
        }
        let image: Vec<String> = pixels.iter().map(u8::to_string).collect();
        out.push_str(&image.join(" "));
        out.push_str(eol);
    }
    out
}

fn face() -> impl Strategy<Value = (Vec<u8>, Vec<Option<f32>>)> {
    (
        any::<u64>().prop_map(|seed| {
            (0..IMAGE_PIXELS)
                .map(|i| (seed.wrapping_mul(i as u64 + 1) >> 7) as u8)
                .collect()
        }),
        prop::collection::vec(prop::option::weighted(0.7, 0.0f32..96.0), NUM_COORDS),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn written_faces_read_back(rows in prop::collection::vec(face(), 1..5), crlf: bool, gzip: bool) {
        let text = to_csv(&rows, crlf);
        let bytes = if gzip {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            gz.write_all(text.as_bytes()).unwrap();
            gz.finish().unwrap()
        } else {
            text.into_bytes()
        };
        let faces = read_faces(&bytes[..]).unwrap();
        prop_assert_eq!(faces.len(), rows.len());
        for (i, (pixels, coords)) in rows.iter().enumerate() {
            prop_assert_eq!(faces.image(i), &pixels[..]);
            for (c, expected) in coords.iter().enumerate() {
                let got = faces.coords(i)[c];
                match expected {
                    Some(v) => prop_assert_eq!(got, *v),
                    None => prop_assert!(got.is_nan()),
                }
            }
        }
    }
}
