//! A photo from its bytes to a face's 96×96 crop: the command line's photo reader (size
//! limits, EXIF orientation, cut-short JPEGs), then the crop at any box and roll, as the page
//! and the CLI cut faces out of frames, and the square the face detector reads. The first 16
//! bytes are the crop (centre x, centre y, side, angle as f32); the rest is the image file,
//! or (after a 0xFF byte) a raw RGBA frame with its width and height as the page's `Frame`
//! options give them.
#![no_main]

#[path = "../../src/cli/photo.rs"]
#[allow(dead_code)]
mod photo;

use facepoints::face::crop_gray;
use facepoints::image::{Outside, Square, View, sample_square};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 16 {
        return;
    }
    let f = |i: usize| f32::from_le_bytes(data[i * 4..i * 4 + 4].try_into().unwrap());
    let (cx, cy, side, angle) = (f(0), f(1), f(2), f(3));
    let body = &data[16..];
    // After a 0xFF byte: a frame as the page hands one to the engine (its `Frame` option
    // object: RGBA bytes and a width and height that need not agree with them).
    let (width, height, rgba) = if let [0xFF, w0, w1, h0, h1, pixels @ ..] = body {
        let (w, h) = (
            u16::from_le_bytes([*w0, *w1]),
            u16::from_le_bytes([*h0, *h1]),
        );
        (usize::from(w), usize::from(h), pixels.to_vec())
    } else {
        match photo::decode_photo(body) {
            Ok(decoded) => decoded,
            Err(_) => return,
        }
    };
    let Ok(image) = facepoints::image::RgbaImage::new(width, height, &rgba) else {
        return;
    };
    assert_eq!(
        rgba.len(),
        width * height * 4,
        "a frame whose size disagrees was accepted"
    );
    let view = View {
        square: Square::centered(cx, cy, side),
        angle,
    };
    let crop = crop_gray(&image, view);
    assert_eq!(crop.len(), 96 * 96);
    // The detector's input: the upright square, read in two passes.
    let square = Square::centered(cx, cy, side);
    for outside in [Outside::Edge, Outside::Black] {
        let detector_input = sample_square(&image, square, 128, outside);
        assert_eq!(detector_input.len(), 128 * 128);
    }
});
