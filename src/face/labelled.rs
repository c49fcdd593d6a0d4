//! A face labelled in a whole frame, as one row of Kaggle's training.csv: the 96×96
//! grayscale crop a [`View`] makes and the keypoints carried into it. `facepoints crops` and
//! the page's own faces (their export and their fine-tuning) both write their rows here.

use std::fmt::Write as _;

use crate::image::{RgbaImage, View};
use crate::keypoints::{IMAGE_SIDE, NUM_COORDS, NUM_KEYPOINTS, coord_name};

use super::crop_gray;

/// Keypoints in image coordinates (pixel-centre convention); a NaN coordinate is a keypoint
/// not labelled (not visible), as Kaggle's empty cells are.
pub type ImagePoints = [[f32; 2]; NUM_KEYPOINTS];

/// The header line of training.csv (30 coordinate columns in the study's order, then
/// `Image`), without its line break.
pub fn kaggle_header() -> String {
    let mut header = String::new();
    for c in 0..NUM_COORDS {
        let _ = write!(header, "{},", coord_name(c));
    }
    header.push_str("Image");
    header
}

/// One training.csv row, without its line break: the keypoints in the crop `view` makes (4
/// decimals; a keypoint not labelled or outside the crop is left empty), then the crop's
/// pixels.
pub fn kaggle_row(image: &RgbaImage, view: View, points: &ImagePoints) -> String {
    let mut row = String::new();
    for [x, y] in points {
        let (u, v) = view.from_image(IMAGE_SIDE, *x, *y);
        let side = 0.0..IMAGE_SIDE as f32;
        match side.contains(&u) && side.contains(&v) {
            true => {
                let _ = write!(row, "{u:.4},{v:.4},");
            }
            false => row.push_str(",,"), // NaN is never inside
        }
    }
    let pixels: Vec<String> = crop_gray(image, view)
        .iter()
        .map(|p| p.to_string())
        .collect();
    row.push_str(&pixels.join(" "));
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::read_faces;
    use crate::image::Square;

    /// A 200×160 frame with a horizontal grey ramp, and a view of 96×96 crop pixels.
    fn frame() -> Vec<u8> {
        (0..200 * 160)
            .flat_map(|i| {
                let g = (i % 200) as u8;
                [g, g, g, 255]
            })
            .collect()
    }

    #[test]
    fn the_row_reads_back_as_the_face_it_was_made_from() {
        let rgba = frame();
        let image = RgbaImage::new(200, 160, &rgba).unwrap();
        let view = View::upright(Square {
            x0: 40.0,
            y0: 20.0,
            side: 96.0,
        });
        let mut points = [[f32::NAN; 2]; NUM_KEYPOINTS];
        points[0] = [70.0, 50.0]; // inside: (30, 30) in the crop
        points[1] = [300.0, 50.0]; // outside the crop
        let csv = format!(
            "{}\n{}\n",
            kaggle_header(),
            kaggle_row(&image, view, &points)
        );
        let faces = read_faces(csv.as_bytes()).unwrap();
        assert_eq!(faces.len(), 1);
        let coords = faces.coords(0);
        assert!((coords[0] - 30.0).abs() < 1e-3 && (coords[1] - 30.0).abs() < 1e-3);
        assert!(coords[2..].iter().all(|c| c.is_nan()), "{coords:?}");
        // The ramp, cropped one to one from x = 40.
        let pixels = faces.image(0);
        assert_eq!(pixels[0], 40);
        assert_eq!(pixels[95], 135);
    }
}
