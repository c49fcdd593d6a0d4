//! `Normalization`: how pixels and coordinates are scaled for the network, stored with the
//! model so that every user of a checkpoint scales inputs the same way.

use burn::config::Config;

use crate::keypoints::IMAGE_SIDE;

/// `pixel · pixel_scale` goes in; `(coord − coord_center) / coord_scale` comes out.
#[derive(Config, Debug, PartialEq)]
pub struct Normalization {
    /// Multiplies raw 0–255 pixels.
    #[config(default = "1.0 / 255.0")]
    pub pixel_scale: f32,
    /// Subtracted from pixel coordinates.
    #[config(default = "IMAGE_SIDE as f32 / 2.0")]
    pub coord_center: f32,
    /// Divides centred pixel coordinates.
    #[config(default = "IMAGE_SIDE as f32 / 2.0")]
    pub coord_scale: f32,
}

impl Default for Normalization {
    fn default() -> Self {
        Self::new()
    }
}

impl Normalization {
    /// Checks the scales are usable: finite, a pixel scale in (0, 1], a coordinate centre
    /// inside the 96×96 image and a coordinate scale of 1–96 pixels. (A zero scale would put
    /// every point at the centre; a huge one, anywhere.)
    pub fn validate(&self) -> Result<(), String> {
        let side = IMAGE_SIDE as f32;
        if !(self.pixel_scale > 0.0 && self.pixel_scale <= 1.0) {
            return Err(format!(
                "pixel scale {} must be in (0, 1]",
                self.pixel_scale
            ));
        }
        if !(0.0..=side).contains(&self.coord_center) {
            return Err(format!(
                "coordinate centre {} must be inside the image (0–96)",
                self.coord_center
            ));
        }
        if !(1.0..=side).contains(&self.coord_scale) {
            return Err(format!(
                "coordinate scale {} must be 1–96 pixels",
                self.coord_scale
            ));
        }
        Ok(())
    }

    /// Network input value of a raw pixel.
    pub fn pixel(&self, p: u8) -> f32 {
        f32::from(p) * self.pixel_scale
    }

    /// Network target of a pixel coordinate (`NaN` stays `NaN`).
    pub fn coord(&self, c: f32) -> f32 {
        (c - self.coord_center) / self.coord_scale
    }

    /// Pixel coordinate of a network output.
    pub fn uncoord(&self, v: f32) -> f32 {
        v * self.coord_scale + self.coord_center
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_round_trip() {
        let n = Normalization::default();
        assert_eq!(n.coord(48.0), 0.0);
        assert_eq!(n.coord(96.0), 1.0);
        assert!((n.uncoord(n.coord(17.25)) - 17.25).abs() < 1e-5);
        assert_eq!(n.pixel(255), 1.0);
    }

    #[test]
    fn unusable_scales_are_refused() {
        Normalization::default().validate().unwrap();
        let with = |f: fn(&mut Normalization)| {
            let mut n = Normalization::default();
            f(&mut n);
            n.validate().unwrap_err()
        };
        assert!(with(|n| n.coord_scale = 0.0).starts_with("coordinate scale 0"));
        assert!(with(|n| n.coord_scale = 1e30).starts_with("coordinate scale 1000000"));
        assert!(with(|n| n.coord_center = f32::NAN).starts_with("coordinate centre NaN"));
        assert!(with(|n| n.pixel_scale = f32::INFINITY).starts_with("pixel scale inf"));
    }
}
