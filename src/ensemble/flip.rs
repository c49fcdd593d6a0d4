//! The horizontal flip of test-time augmentation: a face mirrored, and keypoints predicted
//! on a mirrored face turned back into keypoints of the face itself.

use crate::keypoints::{IMAGE_SIDE, LEFT_RIGHT_PAIRS, NUM_COORDS};

/// A 96×96 face mirrored left-right.
pub fn mirror(image: &[u8]) -> Vec<u8> {
    image
        .chunks_exact(IMAGE_SIDE)
        .flat_map(|row| row.iter().rev().copied())
        .collect()
}

/// Keypoints predicted on a mirrored face, as keypoints of the face itself: x mirrored
/// about the centre (pixel `k` ↔ `95 − k`) and left/right names swapped.
pub fn unmirror(coords: &[f32]) -> [f32; NUM_COORDS] {
    let mut out: [f32; NUM_COORDS] = std::array::from_fn(|c| match c % 2 {
        0 => (IMAGE_SIDE - 1) as f32 - coords[c],
        _ => coords[c],
    });
    for (l, r) in LEFT_RIGHT_PAIRS {
        out.swap(2 * l, 2 * r);
        out.swap(2 * l + 1, 2 * r + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keypoints::IMAGE_PIXELS;

    #[test]
    fn mirroring_twice_is_the_identity() {
        let image: Vec<u8> = (0..IMAGE_PIXELS).map(|i| (i * 7 % 251) as u8).collect();
        assert_eq!(mirror(&mirror(&image)), image);
        assert_eq!(mirror(&image)[0], image[IMAGE_SIDE - 1]);
        let coords: Vec<f32> = (0..NUM_COORDS).map(|c| c as f32 * 1.5 + 3.0).collect();
        assert_eq!(unmirror(&unmirror(&coords)).to_vec(), coords);
        // The left eye centre predicted on the mirror is the right eye centre, x mirrored.
        let back = unmirror(&coords);
        assert_eq!(back[2], 95.0 - coords[0]);
        assert_eq!(back[3], coords[1]);
    }
}
