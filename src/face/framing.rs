//! Where to crop: from the detector's landmarks (`LandmarkRule`) or, failing that, its box
//! (`CropRule`) — both calibrated against the crop boxes of ytf_kaggle96's meta.csv.gz with
//! `facepoints calibrate` — or from the previous frame's keypoints (`KeypointFraming`, from
//! the training set's keypoint statistics).

use serde::{Deserialize, Serialize};

use crate::detect::BoxF;
use crate::image::{Square, View};
use crate::keypoints::{IMAGE_SIDE, NUM_KEYPOINTS};

/// Crop square from a BlazeFace box of size `s = (w + h) / 2` and centre `(cx, cy)`:
/// centre `(cx + dx·s, cy + dy·s)`, side `scale·s`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CropRule {
    /// Horizontal centre shift, in box sizes.
    pub dx: f32,
    /// Vertical centre shift, in box sizes.
    pub dy: f32,
    /// Crop side, in box sizes.
    pub scale: f32,
}

impl Default for CropRule {
    /// Least-squares fit over the 3,432 training frames of ytf_kaggle96 where BlazeFace
    /// found the face (`facepoints calibrate`, docs/cli.md, "Face detection").
    fn default() -> Self {
        CropRule {
            dx: 0.0096,
            dy: -0.1251,
            scale: 1.1195,
        }
    }
}

impl CropRule {
    /// The least-squares rule for `(detector box, crop)` pairs: crop centre = box centre +
    /// d·s and crop side = scale·s, with s the box's mean side. `None` without pairs.
    pub fn fit(pairs: &[(BoxF, Square)]) -> Option<Self> {
        let (mut sxs, mut sys, mut sss, mut s2) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        for (b, crop) in pairs {
            let s = f64::from((b.width() + b.height()) / 2.0);
            let (bx, by) = b.center();
            let (cx, cy) = (crop.x0 + crop.side / 2.0, crop.y0 + crop.side / 2.0);
            sxs += f64::from(cx - bx) * s;
            sys += f64::from(cy - by) * s;
            sss += f64::from(crop.side) * s;
            s2 += s * s;
        }
        (s2 > 0.0).then(|| CropRule {
            dx: (sxs / s2) as f32,
            dy: (sys / s2) as f32,
            scale: (sss / s2) as f32,
        })
    }

    /// How well the rule reproduces the crops of `pairs`: RMS distance of the top-left
    /// corner and RMS side error, both as fractions of the crop side.
    pub fn errors(&self, pairs: &[(BoxF, Square)]) -> (f64, f64) {
        let (mut corner, mut side) = (0.0f64, 0.0f64);
        for (b, crop) in pairs {
            let sq = self.square(b);
            let d = ((sq.x0 - crop.x0).powi(2) + (sq.y0 - crop.y0).powi(2)).sqrt() / crop.side;
            corner += f64::from(d).powi(2);
            side += f64::from(sq.side / crop.side - 1.0).powi(2);
        }
        let n = pairs.len().max(1) as f64;
        ((corner / n).sqrt(), (side / n).sqrt())
    }

    /// The crop square for a detector box.
    pub fn square(&self, b: &BoxF) -> Square {
        let s = (b.width() + b.height()) / 2.0;
        let (cx, cy) = b.center();
        Square::centered(cx + self.dx * s, cy + self.dy * s, self.scale * s)
    }

    /// The detector box that this rule turns into `crop` (the inverse of [`Self::square`]).
    pub fn box_of(&self, crop: Square) -> BoxF {
        let s = crop.side / self.scale;
        let (cx, cy) = (
            crop.x0 + crop.side / 2.0 - self.dx * s,
            crop.y0 + crop.side / 2.0 - self.dy * s,
        );
        BoxF::from_center(cx, cy, s, s)
    }

    /// The crop of a face given by its box and roll (radians): the box's square turned by
    /// the roll.
    pub fn view(&self, b: &BoxF, roll: f32) -> View {
        View {
            square: self.square(b),
            angle: roll,
        }
    }
}

/// Crop square from BlazeFace's eye, nose-tip and mouth landmarks: the scale and shift
/// (least squares, no rotation) that put them where they sit, on average, in the training
/// crops. Far steadier than the box, whose framing of the face varies.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LandmarkRule {
    /// Mean positions (96×96 pixel-centre coordinates) of BlazeFace's right eye, left eye,
    /// nose tip and mouth centre in the training crops.
    pub mean: [[f32; 2]; 4],
}

impl Default for LandmarkRule {
    /// Measured on the 3,432 training frames of ytf_kaggle96 where BlazeFace found the face
    /// (`facepoints calibrate`, docs/cli.md, "Face detection").
    fn default() -> Self {
        LandmarkRule {
            mean: LANDMARK_MEAN,
        }
    }
}

impl LandmarkRule {
    /// The rule for `(BlazeFace landmarks in continuous image coordinates, crop)` pairs: the
    /// mean position of the first four landmarks in the crops. `None` without pairs.
    pub fn fit(pairs: &[([[f32; 2]; 6], Square)]) -> Option<Self> {
        let mut sum = [[0.0f64; 2]; 4];
        for (landmarks, crop) in pairs {
            for (k, s) in sum.iter_mut().enumerate() {
                let [x, y] = landmarks[k];
                let (u, v) = crop.from_image(IMAGE_SIDE, x - 0.5, y - 0.5);
                s[0] += f64::from(u);
                s[1] += f64::from(v);
            }
        }
        let n = pairs.len() as f64;
        (n > 0.0).then(|| LandmarkRule {
            mean: sum.map(|[x, y]| [(x / n) as f32, (y / n) as f32]),
        })
    }

    /// The crop square for BlazeFace landmarks in continuous image coordinates (only the
    /// first four are used); `None` when they are degenerate.
    pub fn square(&self, landmarks: &[[f32; 2]; 6]) -> Option<Square> {
        let n = self.mean.len() as f32;
        // Continuous landmark L = x0 + s·(m + 0.5) for crop pixel-centre position m.
        let m: Vec<[f32; 2]> = self.mean.iter().map(|p| [p[0] + 0.5, p[1] + 0.5]).collect();
        let l = &landmarks[..self.mean.len()];
        let mean = |v: &[[f32; 2]], a: usize| v.iter().map(|p| p[a]).sum::<f32>() / n;
        let (lx, ly, mx, my) = (mean(l, 0), mean(l, 1), mean(&m, 0), mean(&m, 1));
        let (mut num, mut den) = (0.0, 0.0);
        for (p, q) in l.iter().zip(&m) {
            num += (p[0] - lx) * (q[0] - mx) + (p[1] - ly) * (q[1] - my);
            den += (q[0] - mx).powi(2) + (q[1] - my).powi(2);
        }
        let s = num / den;
        (s.is_finite() && s > 0.0).then_some(Square {
            x0: lx - s * mx,
            y0: ly - s * my,
            side: s * IMAGE_SIDE as f32,
        })
    }
}

impl LandmarkRule {
    /// The crop for BlazeFace landmarks (continuous image coordinates) with the face's roll
    /// taken out: the view turned by the angle of the line from the eye on the image's left
    /// to the other, framed as [`LandmarkRule::square`] frames the landmarks turned level.
    /// `None` when they are degenerate.
    pub fn view(&self, landmarks: &[[f32; 2]; 6]) -> Option<View> {
        let [a, b] = [landmarks[0], landmarks[1]];
        let angle = (b[1] - a[1]).atan2(b[0] - a[0]);
        let (pivot, level) = turned(landmarks, -angle);
        Some(View::turned_about(self.square(&level)?, pivot, angle))
    }
}

/// `points` turned by `angle` (radians, clockwise on screen) about their centroid, and that
/// centroid.
fn turned<const N: usize>(points: &[[f32; 2]; N], angle: f32) -> ((f32, f32), [[f32; 2]; N]) {
    let n = N as f32;
    let cx = points.iter().map(|p| p[0]).sum::<f32>() / n;
    let cy = points.iter().map(|p| p[1]).sum::<f32>() / n;
    let (sin, cos) = angle.sin_cos();
    let out = points.map(|[x, y]| {
        let (dx, dy) = (x - cx, y - cy);
        [cx + cos * dx - sin * dy, cy + sin * dx + cos * dy]
    });
    ((cx, cy), out)
}

/// See [`LandmarkRule::default`].
const LANDMARK_MEAN: [[f32; 2]; 4] = [
    [29.085, 38.244],
    [63.693, 37.448],
    [46.877, 57.421],
    [47.170, 75.740],
];

/// Where the 15 keypoints sit in a training crop on average: their centroid and their RMS
/// distance from it, in 96×96 pixels. A face tracked from one frame to the next is cropped
/// so that its previous keypoints land where training faces have them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KeypointFraming {
    /// Mean centroid x (pixel-centre convention).
    pub cx: f32,
    /// Mean centroid y.
    pub cy: f32,
    /// Mean RMS radius.
    pub radius: f32,
}

impl Default for KeypointFraming {
    /// Measured on all 3,462 faces of ytf_kaggle96/training.csv.gz.
    fn default() -> Self {
        KeypointFraming {
            cx: 48.083,
            cy: 47.623,
            radius: 26.333,
        }
    }
}

impl KeypointFraming {
    /// Centroid and RMS radius of 15 `(x, y)` points; `None` if any is not finite or
    /// they coincide.
    pub fn measure(points: &[[f32; 2]; NUM_KEYPOINTS]) -> Option<(f32, f32, f32)> {
        if points.iter().flatten().any(|v| !v.is_finite()) {
            return None;
        }
        let n = NUM_KEYPOINTS as f32;
        let cx = points.iter().map(|p| p[0]).sum::<f32>() / n;
        let cy = points.iter().map(|p| p[1]).sum::<f32>() / n;
        let r2 = points
            .iter()
            .map(|p| (p[0] - cx).powi(2) + (p[1] - cy).powi(2))
            .sum::<f32>();
        let radius = (r2 / n).sqrt();
        (radius > 0.0).then_some((cx, cy, radius))
    }

    /// The crop that puts `points` (image pixels, centre convention) at the training faces'
    /// mean framing with their roll taken out: turned by the angle of the line from the
    /// right eye centre (image left) to the left one. `None` as for [`Self::square`].
    pub fn view(&self, points: &[[f32; 2]; NUM_KEYPOINTS]) -> Option<View> {
        let ([lx, ly], [rx, ry]) = (points[0], points[1]);
        let angle = (ly - ry).atan2(lx - rx);
        if !angle.is_finite() {
            return None;
        }
        // Centroid and spread do not change when the points turn about their centroid, so
        // the level square is the square of the points as they are.
        let (pivot, _) = turned(points, 0.0);
        let pivot = (pivot.0 + 0.5, pivot.1 + 0.5); // continuous coordinates
        Some(View::turned_about(self.square(points)?, pivot, angle))
    }

    /// The crop square that puts `points` (image pixels, centre convention) at the
    /// training faces' mean framing.
    pub fn square(&self, points: &[[f32; 2]; NUM_KEYPOINTS]) -> Option<Square> {
        let (cx, cy, radius) = Self::measure(points)?;
        let side = IMAGE_SIDE as f32 * radius / self.radius;
        let s = side / IMAGE_SIDE as f32;
        Some(Square {
            x0: cx + 0.5 - (self.cx + 0.5) * s,
            y0: cy + 0.5 - (self.cy + 0.5) * s,
            side,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::read_faces_file;

    #[test]
    fn a_crop_rule_gives_back_the_box_its_square_came_from() {
        let rule = CropRule::default();
        let crop = Square {
            x0: 12.0,
            y0: -7.0,
            side: 96.0,
        };
        let back = rule.square(&rule.box_of(crop));
        for (a, b) in [
            (back.x0, crop.x0),
            (back.y0, crop.y0),
            (back.side, crop.side),
        ] {
            assert!((a - b).abs() < 1e-4, "{back:?} vs {crop:?}");
        }
    }

    #[test]
    fn landmarks_at_their_mean_positions_give_back_the_crop() {
        let rule = LandmarkRule {
            mean: [[30.0, 35.0], [66.0, 35.0], [48.0, 55.0], [48.0, 72.0]],
        };
        let crop = Square {
            x0: 100.0,
            y0: 40.0,
            side: 192.0,
        };
        let landmarks: [[f32; 2]; 6] = std::array::from_fn(|k| {
            let [x, y] = rule.mean[k.min(3)];
            let (u, v) = crop.to_image(IMAGE_SIDE, x, y);
            [u + 0.5, v + 0.5] // continuous coordinates
        });
        let sq = rule.square(&landmarks).unwrap();
        assert!(
            (sq.x0 - 100.0).abs() < 1e-3 && (sq.y0 - 40.0).abs() < 1e-3,
            "{sq:?}"
        );
        assert!((sq.side - 192.0).abs() < 1e-3, "{sq:?}");
        assert!(rule.square(&[[5.0, 5.0]; 6]).is_none());
    }

    #[test]
    fn fitted_rules_give_back_the_crops_they_were_fitted_on() {
        let rule = CropRule {
            dx: 0.02,
            dy: -0.1,
            scale: 1.2,
        };
        let boxes = [
            BoxF::from_center(100.0, 80.0, 50.0, 50.0),
            BoxF::from_center(300.0, 200.0, 120.0, 110.0),
        ];
        let pairs: Vec<_> = boxes.iter().map(|b| (*b, rule.square(b))).collect();
        let fitted = CropRule::fit(&pairs).unwrap();
        assert!((fitted.dx - 0.02).abs() < 1e-4 && (fitted.dy + 0.1).abs() < 1e-4);
        assert!((fitted.scale - 1.2).abs() < 1e-4, "{fitted:?}");
        let (corner, side) = fitted.errors(&pairs);
        assert!(corner < 1e-4 && side < 1e-4);
        assert!(CropRule::fit(&[]).is_none());

        let truth = LandmarkRule::default();
        let crops = [
            Square {
                x0: 10.0,
                y0: 20.0,
                side: 96.0,
            },
            Square {
                x0: 200.0,
                y0: 50.0,
                side: 300.0,
            },
        ];
        let pairs: Vec<_> = crops
            .iter()
            .map(|crop| {
                let landmarks: [[f32; 2]; 6] = std::array::from_fn(|k| {
                    let [x, y] = truth.mean[k.min(3)];
                    let (u, v) = crop.to_image(IMAGE_SIDE, x, y);
                    [u + 0.5, v + 0.5]
                });
                (landmarks, *crop)
            })
            .collect();
        let fitted = LandmarkRule::fit(&pairs).unwrap();
        for (a, b) in fitted.mean.iter().zip(truth.mean) {
            assert!(
                (a[0] - b[0]).abs() < 1e-3 && (a[1] - b[1]).abs() < 1e-3,
                "{fitted:?}"
            );
        }
    }

    #[test]
    fn framing_constants_match_the_committed_sample() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/www/data/ytf_sample/training.csv.gz"
        );
        let faces = read_faces_file(std::path::Path::new(path)).unwrap();
        let (mut cx, mut cy, mut r) = (0.0, 0.0, 0.0);
        for i in 0..faces.len() {
            let c = faces.coords(i);
            let points = std::array::from_fn(|k| [c[2 * k], c[2 * k + 1]]);
            let (x, y, radius) = KeypointFraming::measure(&points).unwrap();
            (cx, cy, r) = (cx + x, cy + y, r + radius);
        }
        let n = faces.len() as f32;
        let f = KeypointFraming::default();
        // The sample is 282 of the 3,462 faces: its means agree to well under a pixel.
        assert!((cx / n - f.cx).abs() < 0.5, "{}", cx / n);
        assert!((cy / n - f.cy).abs() < 0.5, "{}", cy / n);
        assert!((r / n - f.radius).abs() < 1.0, "{}", r / n);
    }

    #[test]
    fn keypoints_at_the_mean_framing_map_to_the_mean_framing() {
        let f = KeypointFraming::default();
        // A face at twice the training scale, shifted.
        let mut points = [[0.0f32; 2]; NUM_KEYPOINTS];
        for (k, p) in points.iter_mut().enumerate() {
            let a = k as f32 * 0.7;
            *p = [
                300.0 + 2.0 * (a.cos() * 20.0),
                200.0 + 2.0 * (a.sin() * 15.0),
            ];
        }
        let sq = f.square(&points).unwrap();
        let back: Vec<(f32, f32)> = points
            .iter()
            .map(|p| sq.from_image(IMAGE_SIDE, p[0], p[1]))
            .collect();
        let inside: [[f32; 2]; NUM_KEYPOINTS] = std::array::from_fn(|k| [back[k].0, back[k].1]);
        let (cx, cy, r) = KeypointFraming::measure(&inside).unwrap();
        assert!(
            (cx - f.cx).abs() < 1e-3 && (cy - f.cy).abs() < 1e-3,
            "{cx} {cy}"
        );
        assert!((r - f.radius).abs() < 1e-3, "{r}");
        assert!(f.square(&[[f32::NAN, 0.0]; NUM_KEYPOINTS]).is_none());
    }
}
