//! `Window`: the part of an image a call reads, and at what size. A webcam frame need not be
//! read whole: following faces needs only the region around them, at about twice the
//! model's resolution, and finding faces needs only a small copy of the frame (the detector
//! looks at 128 and 192 pixels). Faces go into a window's pixels and come back out in the
//! image's, so a caller never sees the difference.

use serde::{Deserialize, Serialize};

use super::pipeline::Face;
use crate::detect::BoxF;

/// A region of an image, `x, y, width, height` in the image's pixels (canvas convention:
/// pixel `k` spans `[k, k + 1)`), read as `read_width × read_height` pixels (a region read
/// at its own size has `read_width == width`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Window {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub read_width: usize,
    pub read_height: usize,
}

impl Window {
    /// The whole `width × height` image at its own size.
    pub fn whole(width: usize, height: usize) -> Self {
        Window {
            x: 0.0,
            y: 0.0,
            width: width as f32,
            height: height as f32,
            read_width: width,
            read_height: height,
        }
    }

    /// The region `[x0, x1) × [y0, y1)` (whole pixels) read at `scale` of its size (at
    /// least one pixel each way).
    pub fn region(x0: usize, y0: usize, x1: usize, y1: usize, scale: f32) -> Self {
        let (w, h) = (x1.saturating_sub(x0), y1.saturating_sub(y0));
        Window {
            x: x0 as f32,
            y: y0 as f32,
            width: w as f32,
            height: h as f32,
            read_width: ((w as f32 * scale).round() as usize).max(1),
            read_height: ((h as f32 * scale).round() as usize).max(1),
        }
    }

    /// The whole `width × height` image, shrunk so its longer side is at most `long_side`.
    pub fn shrunk(width: usize, height: usize, long_side: usize) -> Self {
        let scale = (long_side as f32 / width.max(height).max(1) as f32).min(1.0);
        Window::region(0, 0, width, height, scale)
    }

    /// Window pixels per image pixel, along x and y.
    pub fn scale(&self) -> (f32, f32) {
        (
            self.read_width as f32 / self.width.max(f32::MIN_POSITIVE),
            self.read_height as f32 / self.height.max(f32::MIN_POSITIVE),
        )
    }

    /// Whether this region holds `[x0, x1) × [y0, y1)` (image pixels).
    pub fn holds(&self, x0: f32, y0: f32, x1: f32, y1: f32) -> bool {
        self.x <= x0 && self.y <= y0 && self.x + self.width >= x1 && self.y + self.height >= y1
    }

    /// An image point (canvas convention) in the window's pixels.
    pub fn to_window(&self, [x, y]: [f32; 2]) -> [f32; 2] {
        let (sx, sy) = self.scale();
        [(x - self.x) * sx, (y - self.y) * sy]
    }

    /// A window point (canvas convention) in the image's pixels.
    pub fn to_image(&self, [u, v]: [f32; 2]) -> [f32; 2] {
        let (sx, sy) = self.scale();
        [self.x + u / sx, self.y + v / sy]
    }

    /// A face given in the image's pixels, in the window's.
    pub fn face_to_window(&self, face: &Face) -> Face {
        map_face(face, |p| self.to_window(p))
    }

    /// A face found in the window, in the image's pixels.
    pub fn face_to_image(&self, face: &Face) -> Face {
        map_face(face, |p| self.to_image(p))
    }
}

/// `face` with its box and keypoints moved by `f` (a map of canvas-convention points; the
/// keypoints are pixel-centre, half a pixel off). The roll stays: a window's two scales differ
/// by less than a pixel over its side.
fn map_face(face: &Face, f: impl Fn([f32; 2]) -> [f32; 2]) -> Face {
    let [x0, y0] = f([face.bbox.x0, face.bbox.y0]);
    let [x1, y1] = f([face.bbox.x1, face.bbox.y1]);
    Face {
        bbox: BoxF { x0, y0, x1, y1 },
        points: face.points.map(|[x, y]| {
            let [u, v] = f([x + 0.5, y + 0.5]);
            [u - 0.5, v - 0.5]
        }),
        ..face.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keypoints::NUM_KEYPOINTS;

    fn face() -> Face {
        Face {
            bbox: BoxF {
                x0: 100.0,
                y0: 80.0,
                x1: 180.0,
                y1: 160.0,
            },
            score: 0.9,
            roll: 0.2,
            points: std::array::from_fn(|k| [110.0 + 4.0 * k as f32, 95.0 + 3.0 * k as f32]),
        }
    }

    #[test]
    fn a_face_goes_into_a_window_and_comes_back_the_same() {
        let window = Window::region(60, 40, 260, 220, 0.5);
        assert_eq!((window.read_width, window.read_height), (100, 90));
        let there = window.face_to_window(&face());
        // The box's corner (100, 80) is 40, 40 image pixels into the window: 20, 20 of its own.
        assert_eq!((there.bbox.x0, there.bbox.y0), (20.0, 20.0));
        // Keypoint 0 (pixel centre 110, 95 → canvas 110.5, 95.5) → canvas 25.25, 27.75.
        assert!(
            (there.points[0][0] - 24.75).abs() < 1e-4,
            "{:?}",
            there.points[0]
        );
        assert!(
            (there.points[0][1] - 27.25).abs() < 1e-4,
            "{:?}",
            there.points[0]
        );
        let back = window.face_to_image(&there);
        for k in 0..NUM_KEYPOINTS {
            for c in 0..2 {
                assert!((back.points[k][c] - face().points[k][c]).abs() < 1e-3);
            }
        }
        assert_eq!((back.score, back.roll), (0.9, 0.2));
        assert!((back.bbox.x1 - 180.0).abs() < 1e-4 && (back.bbox.y1 - 160.0).abs() < 1e-4);
    }

    #[test]
    fn the_whole_image_is_the_identity_and_shrinking_keeps_the_shape() {
        let whole = Window::whole(640, 480);
        let f = face();
        assert_eq!(whole.face_to_window(&f), f);
        let small = Window::shrunk(640, 480, 384);
        assert_eq!((small.read_width, small.read_height), (384, 288));
        assert_eq!(Window::shrunk(200, 100, 384), Window::whole(200, 100));
        assert!(small.holds(0.0, 0.0, 640.0, 480.0) && !small.holds(0.0, 0.0, 641.0, 10.0));
    }
}
