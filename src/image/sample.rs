//! Resampling a square region of an image to `n × n` pixels: bilinear when enlarging,
//! averaged over each output pixel's footprint when shrinking (so a 4000-pixel photo does
//! not alias on its way down to 128 or 96 pixels).
//!
//! Coordinates are continuous with pixel `k` covering `[k, k + 1)`; the keypoint
//! convention of the data (pixel centres at integers) is `continuous − 0.5`.

use super::RgbaImage;

/// A square region in continuous image coordinates (it may extend past the image).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Square {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Side length.
    pub side: f32,
}

impl Square {
    /// The square of centre `(cx, cy)` and side `side`.
    pub fn centered(cx: f32, cy: f32, side: f32) -> Self {
        Square {
            x0: cx - side / 2.0,
            y0: cy - side / 2.0,
            side,
        }
    }

    /// Image coordinates (pixel-centre convention) of a point given in the pixel-centre
    /// coordinates of an `n × n` resampling of this square.
    pub fn to_image(&self, n: usize, x: f32, y: f32) -> (f32, f32) {
        let s = self.side / n as f32;
        (self.x0 + (x + 0.5) * s - 0.5, self.y0 + (y + 0.5) * s - 0.5)
    }

    /// The inverse of [`Square::to_image`].
    pub fn from_image(&self, n: usize, x: f32, y: f32) -> (f32, f32) {
        let s = self.side / n as f32;
        ((x + 0.5 - self.x0) / s - 0.5, (y + 0.5 - self.y0) / s - 0.5)
    }
}

/// What lies outside the image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outside {
    /// Black (the detector's letterbox).
    Black,
    /// The nearest edge pixel (how the training faces were padded).
    Edge,
}

/// ITU-R 601 luma (as PIL's "L" conversion), 0–255.
#[inline]
pub fn luma([r, g, b]: [f32; 3]) -> f32 {
    r * 0.299 + g * 0.587 + b * 0.114
}

/// Bilinear RGB at continuous position `(x, y)`.
#[inline]
fn bilinear(image: &RgbaImage, x: f32, y: f32, outside: Outside) -> [f32; 3] {
    let (w, h) = (image.width() as i64, image.height() as i64);
    // Pixel-centre coordinates.
    let (fx, fy) = (x - 0.5, y - 0.5);
    let (x0, y0) = (fx.floor(), fy.floor());
    let (tx, ty) = (fx - x0, fy - y0);
    let (x0, y0) = (x0 as i64, y0 as i64);
    let fetch = |px: i64, py: i64| -> [f32; 3] {
        let inside = (0..w).contains(&px) && (0..h).contains(&py);
        match (inside, outside) {
            (true, _) => image.rgb(px as usize, py as usize),
            (false, Outside::Black) => [0.0; 3],
            (false, Outside::Edge) => {
                image.rgb(px.clamp(0, w - 1) as usize, py.clamp(0, h - 1) as usize)
            }
        }
    };
    // Positions far outside (a huge or infinite view saturates the casts) stay outside.
    let (x1, y1) = (x0.saturating_add(1), y0.saturating_add(1));
    let (a, b) = (fetch(x0, y0), fetch(x1, y0));
    let (c, d) = (fetch(x0, y1), fetch(x1, y1));
    std::array::from_fn(|k| {
        let top = a[k] + (b[k] - a[k]) * tx;
        let bottom = c[k] + (d[k] - c[k]) * tx;
        top + (bottom - top) * ty
    })
}

/// A square region turned by `angle` about its centre: how a face is cropped once its roll
/// is known (the view's x axis runs along the face's eye line).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// The region before the turn (its centre is the view's centre).
    pub square: Square,
    /// The turn in radians, positive clockwise on screen (y points down): the image direction
    /// of the view's x axis is `(cos angle, sin angle)`.
    pub angle: f32,
}

impl View {
    /// The view of `square`, not turned.
    pub fn upright(square: Square) -> Self {
        View { square, angle: 0.0 }
    }

    /// `square`, given in a frame turned by `angle` about `pivot` (continuous coordinates),
    /// as a view of the image: its centre is turned about the pivot, and the view with it.
    pub fn turned_about(square: Square, pivot: (f32, f32), angle: f32) -> Self {
        let (cx, cy) = (square.x0 + square.side / 2.0, square.y0 + square.side / 2.0);
        let (sin, cos) = angle.sin_cos();
        let (dx, dy) = (cx - pivot.0, cy - pivot.1);
        let centre = (pivot.0 + cos * dx - sin * dy, pivot.1 + sin * dx + cos * dy);
        View {
            square: Square::centered(centre.0, centre.1, square.side),
            angle,
        }
    }

    /// Image position (continuous) of position `(u, v)` (continuous) in an `n × n`
    /// resampling of the view, and the image steps of one resampled pixel along u and v.
    fn frame(&self, n: usize) -> ((f32, f32), (f32, f32), (f32, f32)) {
        let Square { x0, y0, side } = self.square;
        let (cx, cy) = (x0 + side / 2.0, y0 + side / 2.0);
        let s = side / n as f32;
        let (sin, cos) = self.angle.sin_cos();
        let (eu, ev) = ((cos * s, sin * s), (-sin * s, cos * s));
        // Image position of the view's top-left corner (u = v = 0).
        let h = side / 2.0;
        let origin = (cx - cos * h + sin * h, cy - sin * h - cos * h);
        (origin, eu, ev)
    }

    /// Image coordinates (pixel-centre convention) of a point given in the pixel-centre
    /// coordinates of an `n × n` resampling of this view.
    pub fn to_image(&self, n: usize, x: f32, y: f32) -> (f32, f32) {
        let (o, eu, ev) = self.frame(n);
        let (u, v) = (x + 0.5, y + 0.5);
        (
            o.0 + u * eu.0 + v * ev.0 - 0.5,
            o.1 + u * eu.1 + v * ev.1 - 0.5,
        )
    }

    /// The inverse of [`View::to_image`].
    pub fn from_image(&self, n: usize, x: f32, y: f32) -> (f32, f32) {
        let (o, eu, ev) = self.frame(n);
        let (dx, dy) = (x + 0.5 - o.0, y + 0.5 - o.1);
        // eu and ev are orthogonal with the same length.
        let len2 = eu.0 * eu.0 + eu.1 * eu.1;
        (
            (dx * eu.0 + dy * eu.1) / len2 - 0.5,
            (dx * ev.0 + dy * ev.1) / len2 - 0.5,
        )
    }
}

/// The `n × n` RGB resampling of `square`, row-major: [`sample_view`] of the upright view,
/// computed in two passes. Upright, the grid of bilinear samples that averages each output
/// pixel weighs the image's columns and rows apart (`axis_weights`), so each image row the
/// output needs is filtered across once and the rows are then mixed: the detector's inputs
/// of a 512-pixel photo cost a quarter of the time (benches/detect_profile.rs).
pub fn sample_square(
    image: &RgbaImage,
    square: Square,
    n: usize,
    outside: Outside,
) -> Vec<[f32; 3]> {
    let step = square.side / n as f32;
    let taps = (step.ceil() as usize).clamp(1, 8);
    let cols = axis_weights(square.x0, step, n, taps, image.width(), outside);
    let rows = axis_weights(square.y0, step, n, taps, image.height(), outside);
    // Image row → that row filtered across (`n` values), made when first needed.
    let mut across: Vec<Option<Vec<[f32; 3]>>> = vec![None; image.height()];
    let mut out = vec![[0.0f32; 3]; n * n];
    for (r, weights) in rows.iter().enumerate() {
        for &(y, wy) in weights {
            let line = across[y].get_or_insert_with(|| {
                cols.iter()
                    .map(|weights| {
                        let mut acc = [0.0f32; 3];
                        for &(x, wx) in weights {
                            let p = image.rgb(x, y);
                            acc.iter_mut().zip(p).for_each(|(a, v)| *a += wx * v);
                        }
                        acc
                    })
                    .collect()
            });
            for (o, h) in out[r * n..(r + 1) * n].iter_mut().zip(line.iter()) {
                o.iter_mut().zip(h).for_each(|(o, h)| *o += wy * h);
            }
        }
    }
    out
}

/// Along one axis of an upright resampling (`n` output pixels of `step` image pixels from
/// `start`, `taps` samples each, an image `len` pixels long): per output pixel, the image
/// pixels its samples' linear interpolation reads and their summed weights — edge pixels
/// repeated outside the image, or, for black, no weight there. [`sample_view`]'s arithmetic,
/// one axis at a time.
fn axis_weights(
    start: f32,
    step: f32,
    n: usize,
    taps: usize,
    len: usize,
    outside: Outside,
) -> Vec<Vec<(usize, f32)>> {
    let sub = 1.0 / taps as f32;
    let last = len as i64 - 1;
    (0..n)
        .map(|k| {
            let mut weights: Vec<(usize, f32)> = Vec::with_capacity(2 * taps);
            for i in 0..taps {
                let u = k as f32 + (i as f32 + 0.5) * sub;
                // Pixel-centre coordinate, as `bilinear` takes it.
                let f = start + u * step - 0.5;
                let f0 = f.floor();
                let t = f - f0;
                for (index, w) in [(f0 as i64, 1.0 - t), ((f0 as i64).saturating_add(1), t)] {
                    let index = match outside {
                        Outside::Edge => index.clamp(0, last),
                        Outside::Black if (0..=last).contains(&index) => index,
                        Outside::Black => continue,
                    } as usize;
                    match weights.iter_mut().find(|(j, _)| *j == index) {
                        Some((_, sum)) => *sum += w * sub,
                        None => weights.push((index, w * sub)),
                    }
                }
            }
            weights
        })
        .collect()
}

/// The `n × n` RGB resampling of `view`, row-major. Each output pixel averages a grid of up
/// to 8 × 8 bilinear samples spread over its footprint (one sample when enlarging).
pub fn sample_view(image: &RgbaImage, view: View, n: usize, outside: Outside) -> Vec<[f32; 3]> {
    let step = view.square.side / n as f32;
    let taps = (step.ceil() as usize).clamp(1, 8);
    let sub = 1.0 / taps as f32;
    let weight = 1.0 / (taps * taps) as f32;
    let (o, eu, ev) = view.frame(n);
    let mut out = Vec::with_capacity(n * n);
    for row in 0..n {
        for col in 0..n {
            let mut acc = [0.0f32; 3];
            for j in 0..taps {
                let v = row as f32 + (j as f32 + 0.5) * sub;
                for i in 0..taps {
                    let u = col as f32 + (i as f32 + 0.5) * sub;
                    let (x, y) = (o.0 + u * eu.0 + v * ev.0, o.1 + u * eu.1 + v * ev.1);
                    let p = bilinear(image, x, y, outside);
                    acc.iter_mut().zip(p).for_each(|(a, v)| *a += v);
                }
            }
            out.push(acc.map(|a| a * weight));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing (fuzz/corpus/photo_crop/regress-huge-view): a view centred 10²⁰
    /// pixels away overflowed the neighbour's index. Far, infinite or NaN views read the
    /// outside rule's pixels, never panic.
    #[test]
    fn views_far_outside_or_not_finite_read_the_outside() {
        let data = gradient(8, 6);
        let image = RgbaImage::new(8, 6, &data).unwrap();
        for (c, side) in [
            (2.6e20, 4.0),
            (-3e38, 1e38),
            (f32::INFINITY, 5.0),
            (f32::NAN, f32::NAN),
        ] {
            let square = Square::centered(c, c, side);
            for outside in [Outside::Black, Outside::Edge] {
                assert_eq!(sample_square(&image, square, 16, outside).len(), 256);
                let view = View { square, angle: 0.3 };
                assert_eq!(sample_view(&image, view, 16, outside).len(), 256);
            }
            let black = sample_view(&image, View::upright(square), 4, Outside::Black);
            assert!(
                black
                    .iter()
                    .all(|p| *p == [0.0; 3] || p.iter().any(|v| v.is_nan())),
                "{c}: {black:?}"
            );
        }
    }

    fn gradient(w: usize, h: usize) -> Vec<u8> {
        let mut data = Vec::with_capacity(w * h * 4);
        for y in 0..h {
            for x in 0..w {
                data.extend_from_slice(&[x as u8, y as u8, 100, 255]);
            }
        }
        data
    }

    /// The two-pass upright resampling equals the general one (each output pixel's grid of
    /// bilinear samples) when shrinking, enlarging and reaching past the image, either
    /// outside rule.
    #[test]
    fn upright_squares_match_the_general_resampling() {
        let (w, h) = (37, 23);
        let data: Vec<u8> = (0..w * h * 4).map(|i| ((i * 7919) % 251) as u8).collect();
        let image = RgbaImage::new(w, h, &data).unwrap();
        for square in [
            Square {
                x0: 0.0,
                y0: 0.0,
                side: 37.0,
            },
            Square {
                x0: -5.3,
                y0: 2.7,
                side: 30.1,
            },
            Square {
                x0: 10.2,
                y0: -3.9,
                side: 7.5,
            },
            Square {
                x0: -20.0,
                y0: -20.0,
                side: 80.0,
            },
        ] {
            for n in [5, 12, 64] {
                for outside in [Outside::Black, Outside::Edge] {
                    let fast = sample_square(&image, square, n, outside);
                    let general = sample_view(&image, View::upright(square), n, outside);
                    for (a, b) in fast.iter().zip(&general) {
                        for k in 0..3 {
                            assert!(
                                (a[k] - b[k]).abs() < 1e-3,
                                "{square:?} n {n} {outside:?}: {a:?} vs {b:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn identity_square_returns_the_pixels() {
        let data = gradient(8, 8);
        let image = RgbaImage::new(8, 8, &data).unwrap();
        let out = sample_square(
            &image,
            Square {
                x0: 0.0,
                y0: 0.0,
                side: 8.0,
            },
            8,
            Outside::Black,
        );
        for (i, p) in out.iter().enumerate() {
            assert_eq!(*p, [(i % 8) as f32, (i / 8) as f32, 100.0]);
        }
    }

    #[test]
    fn shrinking_averages_the_footprint() {
        // A 1-pixel checkerboard shrunk 4× must come out flat grey, not aliased.
        let mut data = Vec::new();
        for y in 0..64 {
            for x in 0..64 {
                let v = if (x + y) % 2 == 0 { 255 } else { 0 };
                data.extend_from_slice(&[v, v, v, 255]);
            }
        }
        let image = RgbaImage::new(64, 64, &data).unwrap();
        let out = sample_square(
            &image,
            Square {
                x0: 0.0,
                y0: 0.0,
                side: 64.0,
            },
            16,
            Outside::Edge,
        );
        assert!(
            out.iter().all(|p| (p[0] - 127.5).abs() < 1.0),
            "{:?}",
            &out[..4]
        );
    }

    #[test]
    fn outside_is_black_or_edge() {
        let data = gradient(4, 4);
        let image = RgbaImage::new(4, 4, &data).unwrap();
        let sq = Square {
            x0: -4.0,
            y0: 0.0,
            side: 4.0,
        };
        let black = sample_square(&image, sq, 4, Outside::Black);
        assert_eq!(black[0], [0.0; 3]);
        let edge = sample_square(&image, sq, 4, Outside::Edge);
        assert_eq!(edge[0], [0.0, 0.0, 100.0]);
    }

    #[test]
    fn point_mapping_round_trips_and_is_half_pixel_exact() {
        let sq = Square {
            x0: 10.0,
            y0: 20.0,
            side: 192.0,
        };
        // The centre of output pixel 0 covers source [10, 12): its centre is x = 10.5 (pixel
        // centre convention).
        assert_eq!(sq.to_image(96, 0.0, 0.0), (10.5, 20.5));
        let (x, y) = sq.to_image(96, 37.25, 80.5);
        let (u, v) = sq.from_image(96, x, y);
        assert!((u - 37.25).abs() < 1e-4 && (v - 80.5).abs() < 1e-4);
    }

    #[test]
    fn a_turned_view_maps_points_both_ways_and_samples_the_turned_pixels() {
        let view = View {
            square: Square::centered(50.0, 40.0, 32.0),
            angle: 30f32.to_radians(),
        };
        let (x, y) = view.to_image(16, 3.25, 11.5);
        let (u, v) = view.from_image(16, x, y);
        assert!((u - 3.25).abs() < 1e-4 && (v - 11.5).abs() < 1e-4);
        // The view's x axis runs at 30° (clockwise on screen) through its centre.
        let (ax, ay) = view.to_image(16, 7.5, 7.5);
        let (bx, by) = view.to_image(16, 15.5, 7.5);
        assert!(
            (ax - 49.5).abs() < 1e-4 && (ay - 39.5).abs() < 1e-4,
            "{ax} {ay}"
        );
        assert!(((by - ay).atan2(bx - ax).to_degrees() - 30.0).abs() < 1e-3);
        // A quarter turn of a gradient image: the view's x runs down the image's rows.
        let data = gradient(8, 8);
        let image = RgbaImage::new(8, 8, &data).unwrap();
        let quarter = View {
            square: Square::centered(4.0, 4.0, 8.0),
            angle: std::f32::consts::FRAC_PI_2,
        };
        let out = sample_view(&image, quarter, 8, Outside::Black);
        for (i, p) in out.iter().enumerate() {
            let (col, row) = (i % 8, i / 8);
            assert!((p[0] - (7 - row) as f32).abs() < 1e-3 && (p[1] - col as f32).abs() < 1e-3);
        }
        // Turned about a pivot, the square's centre moves round it.
        let about = View::turned_about(Square::centered(10.0, 0.0, 4.0), (0.0, 0.0), 1.0);
        let (cx, cy) = (about.square.x0 + 2.0, about.square.y0 + 2.0);
        assert!((cx - 10.0 * 1f32.cos()).abs() < 1e-4 && (cy - 10.0 * 1f32.sin()).abs() < 1e-4);
    }
}
