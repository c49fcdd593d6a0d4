//! 2-D affine transforms in pixel coordinates (centre of the top-left pixel at (0,0)) and
//! bilinear warping of a 96×96 image.

use crate::keypoints::IMAGE_SIDE;

/// Centre of the image in pixel coordinates: 47.5.
pub const CENTRE: f32 = (IMAGE_SIDE as f32 - 1.0) / 2.0;

/// `p' = [a b; c d]·p + [tx, ty]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Affine {
    /// Row-major 2×2 linear part.
    pub m: [f32; 4],
    /// Translation.
    pub t: [f32; 2],
}

impl Affine {
    /// The identity.
    pub const IDENTITY: Affine = Affine {
        m: [1.0, 0.0, 0.0, 1.0],
        t: [0.0, 0.0],
    };

    /// The linear map `m` applied about the image centre.
    pub fn about_centre(m: [f32; 4]) -> Self {
        let c = CENTRE;
        Affine {
            m,
            t: [c - (m[0] * c + m[1] * c), c - (m[2] * c + m[3] * c)],
        }
    }

    /// Rotation by `degrees` about the centre (positive turns x towards y, i.e. clockwise on
    /// screen, since y points down).
    pub fn rotation(degrees: f32) -> Self {
        let (s, c) = degrees.to_radians().sin_cos();
        Self::about_centre([c, -s, s, c])
    }

    /// Zoom by `factor` about the centre (> 1 enlarges).
    pub fn zoom(factor: f32) -> Self {
        Self::about_centre([factor, 0.0, 0.0, factor])
    }

    /// Mirror left-right about the centre.
    pub fn flip() -> Self {
        Self::about_centre([-1.0, 0.0, 0.0, 1.0])
    }

    /// Cuts `left`, `top`, `right`, `bottom` pixels off the sides and resizes what is left
    /// back to 96×96 (the image spans −0.5…95.5 in pixel-centre coordinates).
    pub fn crop(left: f32, top: f32, right: f32, bottom: f32) -> Self {
        let side = IMAGE_SIDE as f32;
        let (sx, sy) = (side / (side - left - right), side / (side - top - bottom));
        Affine {
            m: [sx, 0.0, 0.0, sy],
            t: [(0.5 - left) * sx - 0.5, (0.5 - top) * sy - 0.5],
        }
    }

    /// `self` after `first`: `(self ∘ first)(p) = self(first(p))`.
    pub fn after(&self, first: &Affine) -> Affine {
        let [a, b, c, d] = self.m;
        let [e, f, g, h] = first.m;
        Affine {
            m: [a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h],
            t: [
                a * first.t[0] + b * first.t[1] + self.t[0],
                c * first.t[0] + d * first.t[1] + self.t[1],
            ],
        }
    }

    /// The inverse map.
    pub fn inverse(&self) -> Affine {
        let [a, b, c, d] = self.m;
        let det = a * d - b * c;
        let m = [d / det, -b / det, -c / det, a / det];
        Affine {
            m,
            t: [
                -(m[0] * self.t[0] + m[1] * self.t[1]),
                -(m[2] * self.t[0] + m[3] * self.t[1]),
            ],
        }
    }

    /// Maps a point.
    #[inline]
    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        (
            self.m[0] * x + self.m[1] * y + self.t[0],
            self.m[2] * x + self.m[3] * y + self.t[1],
        )
    }
}

/// What a warp shows where its source has no pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Black (0), as imgaug's default constant mode (augmentation).
    Zero,
    /// The nearest edge pixel, as the training faces were padded (levelling).
    Edge,
}

/// Warps `src` (96×96) by `transform` into `dst` with bilinear sampling; outside the source
/// is filled as `fill` says.
pub fn warp(src: &[f32], dst: &mut [f32], transform: &Affine, fill: Fill) {
    let n = IMAGE_SIDE;
    let inv = transform.inverse();
    let last = (n - 1) as f32;
    for v in 0..n {
        let (mut x, mut y) = inv.apply(0.0, v as f32);
        for u in 0..n {
            dst[v * n + u] = match fill {
                _ if x > -1.0 && y > -1.0 && x < last + 1.0 && y < last + 1.0 => {
                    sample(src, x, y, fill)
                }
                Fill::Zero => 0.0,
                Fill::Edge => sample(src, x.clamp(0.0, last), y.clamp(0.0, last), fill),
            };
            x += inv.m[0];
            y += inv.m[2];
        }
    }
}

/// Bilinear sample at `(x, y)`, pixels outside the image filled as `fill` says.
#[inline]
fn sample(src: &[f32], x: f32, y: f32, fill: Fill) -> f32 {
    let n = IMAGE_SIDE as isize;
    // floor() by truncation of a positive number (callers pass x, y > −1): `f32::floor` is a
    // library call on baseline x86-64.
    let (x0, y0) = ((x + 1.0) as isize - 1, (y + 1.0) as isize - 1);
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    if x0 >= 0 && y0 >= 0 && x0 < n - 1 && y0 < n - 1 {
        // Inside: all four neighbours exist.
        let i = (y0 * n + x0) as usize;
        let (w, row) = (IMAGE_SIDE, &src[i..i + IMAGE_SIDE + 2]);
        let top = row[0] + (row[1] - row[0]) * fx;
        let bottom = row[w] + (row[w + 1] - row[w]) * fx;
        return top + (bottom - top) * fy;
    }
    let at = |xi: isize, yi: isize| {
        if xi >= 0 && yi >= 0 && xi < n && yi < n {
            src[(yi * n + xi) as usize]
        } else if fill == Fill::Edge {
            src[(yi.clamp(0, n - 1) * n + xi.clamp(0, n - 1)) as usize]
        } else {
            0.0
        }
    };
    let top = at(x0, y0) * (1.0 - fx) + at(x0 + 1, y0) * fx;
    let bottom = at(x0, y0 + 1) * (1.0 - fx) + at(x0 + 1, y0 + 1) * fx;
    top * (1.0 - fy) + bottom * fy
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: (f32, f32), b: (f32, f32)) -> bool {
        (a.0 - b.0).abs() < 1e-4 && (a.1 - b.1).abs() < 1e-4
    }

    #[test]
    fn basic_maps() {
        assert!(close(
            Affine::rotation(90.0).apply(CENTRE + 10.0, CENTRE),
            (CENTRE, CENTRE + 10.0)
        ));
        assert!(close(Affine::flip().apply(0.0, 3.0), (95.0, 3.0)));
        assert!(close(
            Affine::zoom(2.0).apply(CENTRE + 1.0, CENTRE),
            (CENTRE + 2.0, CENTRE)
        ));
        // Cutting 10 px on the left and 6 on the right leaves 80 px stretched to 96: the left
        // edge (−0.5 + 10) goes to −0.5 and the right edge (95.5 − 6) to 95.5.
        let crop = Affine::crop(10.0, 0.0, 6.0, 0.0);
        assert!(close(crop.apply(9.5, -0.5), (-0.5, -0.5)));
        assert!(close(crop.apply(89.5, 95.5), (95.5, 95.5)));
        assert!(close(
            Affine::crop(0.0, 0.0, 0.0, 0.0).apply(12.0, 34.0),
            (12.0, 34.0)
        ));
    }

    #[test]
    fn composition_and_inverse() {
        let a = Affine::rotation(17.0)
            .after(&Affine::zoom(1.1))
            .after(&Affine::crop(3.0, 4.0, 5.0, 6.0));
        let p = a.apply(12.0, 70.0);
        assert!(close(a.inverse().apply(p.0, p.1), (12.0, 70.0)));
        assert!(close(a.after(&a.inverse()).apply(5.0, 6.0), (5.0, 6.0)));
    }

    #[test]
    fn identity_warp_keeps_the_image() {
        let src: Vec<f32> = (0..IMAGE_SIDE * IMAGE_SIDE)
            .map(|i| (i % 251) as f32)
            .collect();
        let mut dst = vec![0.0; src.len()];
        warp(&src, &mut dst, &Affine::IDENTITY, Fill::Zero);
        assert_eq!(src, dst);
    }
}
