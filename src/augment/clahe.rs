//! CLAHE — contrast-limited adaptive histogram equalisation, as OpenCV computes it: the image
//! is cut into a grid of tiles (padded by reflection when the grid does not divide it), each
//! tile's 256-bin histogram is clipped at `clip_limit · tile_area / 256`, the excess is spread
//! evenly over all bins (remainder stepwise), each tile gets the lookup table of its clipped
//! cumulative histogram, and every pixel blends the tables of its four nearest tile centres
//! bilinearly.

use super::filters::{reflect, to_byte};
use crate::keypoints::IMAGE_SIDE;

const BINS: usize = 256;

/// Applies CLAHE with `tiles × tiles` tiles to a 96×96 image of 0–255 values (rounded to
/// integers first), in place.
pub fn clahe(image: &mut [f32], clip_limit: f32, tiles: usize) {
    let n = IMAGE_SIDE;
    let tiles = tiles.clamp(1, n);
    let pixels: Vec<u8> = image.iter().map(|&v| to_byte(v)).collect();
    let tile = n.div_ceil(tiles); // tile side, on the padded image
    let area = tile * tile;
    let clip = if clip_limit > 0.0 {
        ((clip_limit * area as f32 / BINS as f32) as u32).max(1)
    } else {
        u32::MAX
    };
    let scale = 255.0 / area as f32;

    // Source index of each padded row/column (reflected past the image).
    let padded: Vec<usize> = (0..tiles * tile)
        .map(|i| reflect(i as isize, n as isize))
        .collect();
    let mut luts = vec![[0u8; BINS]; tiles * tiles];
    for ty in 0..tiles {
        for tx in 0..tiles {
            let mut hist = [0u32; BINS];
            for &y in &padded[ty * tile..(ty + 1) * tile] {
                let row = &pixels[y * n..(y + 1) * n];
                for &x in &padded[tx * tile..(tx + 1) * tile] {
                    hist[row[x] as usize] += 1;
                }
            }
            // Clip, then spread the excess: `batch` to every bin and one more to bins
            // 0, step, 2·step, … for the `residual` left over — added into the running sum
            // directly rather than into the histogram.
            let mut excess = 0u32;
            for h in hist.iter_mut() {
                let clipped = (*h).min(clip);
                excess += *h - clipped;
                *h = clipped;
            }
            let batch = excess / BINS as u32;
            let residual = (excess - batch * BINS as u32) as usize;
            let step = BINS.checked_div(residual).map_or(BINS, |s| s.max(1));
            let lut = &mut luts[ty * tiles + tx];
            let (mut sum, mut extra, mut next) = (0u32, 0usize, 0usize);
            for (i, &h) in hist.iter().enumerate() {
                if i == next && extra < residual {
                    extra += 1; // the residual's increments land on bins 0, step, 2·step, …
                    next += step;
                }
                sum += h + batch;
                lut[i] = to_byte((sum as usize + extra) as f32 * scale);
            }
        }
    }

    let inv = 1.0 / tile as f32;
    let neighbours = |p: usize| {
        let f = p as f32 * inv - 0.5;
        let lo = f.floor();
        let w = f - lo;
        let lo = lo as isize;
        let first = lo.max(0) as usize;
        let second = ((lo + 1) as usize).min(tiles - 1);
        (first, second, w)
    };
    let columns: Vec<(usize, usize, f32)> = (0..n).map(neighbours).collect();
    for y in 0..n {
        let (ty1, ty2, ya) = neighbours(y);
        let (upper, lower) = (
            &luts[ty1 * tiles..(ty1 + 1) * tiles],
            &luts[ty2 * tiles..(ty2 + 1) * tiles],
        );
        for (x, &(tx1, tx2, xa)) in columns.iter().enumerate() {
            let v = pixels[y * n + x] as usize;
            let top = f32::from(upper[tx1][v]) * (1.0 - xa) + f32::from(upper[tx2][v]) * xa;
            let bottom = f32::from(lower[tx1][v]) * (1.0 - xa) + f32::from(lower[tx2][v]) * xa;
            image[y * n + x] = f32::from(to_byte(top * (1.0 - ya) + bottom * ya));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const N: usize = IMAGE_SIDE * IMAGE_SIDE;

    /// One tile and no clipping is global histogram equalisation. For an image that is half 0
    /// and half 255, the cumulative histogram is 4608 at 0 and 9216 at 255, so by hand:
    /// 0 → round(4608 · 255 / 9216) = round(127.5) = 128 and 255 → 255.
    #[test]
    fn one_tile_unclipped_is_global_equalisation() {
        let mut image: Vec<f32> = (0..N)
            .map(|i| if i < N / 2 { 0.0 } else { 255.0 })
            .collect();
        clahe(&mut image, 0.0, 1);
        assert_eq!(image[0], 128.0);
        assert_eq!(image[N - 1], 255.0);
    }

    /// Hand-checked clipping: one tile, clip limit 2 → clip = ⌊2 · 9216 / 256⌋ = 72 per bin.
    /// A constant image of value 100 has hist[100] = 9216; excess 9144 = 35·256 + 184, so every
    /// bin gets 35 and the residual step ⌊256/184⌋ = 1 adds 1 to bins 0..183. hist[100] =
    /// 72 + 35 + 1 = 108, and the cumulative count at 100 is 101·36 (bins 0..99 and the rest of
    /// bin 100 at 36 each) + 72 = 3708, so the output is round(3708 · 255 / 9216) = 103.
    #[test]
    fn clipping_matches_the_hand_computation() {
        let mut image = vec![100.0; N];
        clahe(&mut image, 2.0, 1);
        assert!(image.iter().all(|&v| v == 103.0), "{}", image[0]);
    }

    /// A dark left half and a bright right half with an 8×8 grid: local equalisation spreads
    /// each region's values, and the output stays within 0–255.
    #[test]
    fn tiles_equalise_locally() {
        let mut image: Vec<f32> = (0..N)
            .map(|i| {
                let (x, y) = (i % IMAGE_SIDE, i / IMAGE_SIDE);
                if x < 48 {
                    20.0 + (y % 8) as f32
                } else {
                    200.0 + (y % 8) as f32
                }
            })
            .collect();
        let before = image.clone();
        clahe(&mut image, 4.0, 8);
        assert!(image.iter().all(|&v| (0.0..=255.0).contains(&v)));
        let spread = |img: &[f32]| {
            let tile: Vec<f32> = (0..12)
                .flat_map(|y| (0..12).map(move |x| img[y * IMAGE_SIDE + x]))
                .collect();
            tile.iter().cloned().fold(f32::MIN, f32::max)
                - tile.iter().cloned().fold(f32::MAX, f32::min)
        };
        assert!(
            spread(&image) > 4.0 * spread(&before),
            "contrast grows in a dark tile"
        );
    }
}
