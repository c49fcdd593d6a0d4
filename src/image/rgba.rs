//! `RgbaImage`: 8-bit RGBA pixels, row-major, as a canvas or `ImageData` holds them.

use thiserror::Error;

/// Why pixels cannot be used as an image.
#[derive(Debug, Error, PartialEq)]
pub enum ImageError {
    /// Width or height is zero.
    #[error("the image is empty ({width}×{height} pixels)")]
    Empty { width: usize, height: usize },
    /// The byte count does not match the size.
    #[error("a {width}×{height} RGBA image needs {expected} bytes, got {found}")]
    Size {
        width: usize,
        height: usize,
        expected: usize,
        found: usize,
    },
    /// Larger than any browser canvas allows.
    #[error("the image is too large ({width}×{height} pixels; at most 16384 per side)")]
    TooLarge { width: usize, height: usize },
}

/// Largest side accepted (browsers cap canvases near this too).
pub const MAX_SIDE: usize = 16_384;

/// An RGBA image borrowed from its owner.
#[derive(Debug, Clone, Copy)]
pub struct RgbaImage<'a> {
    width: usize,
    height: usize,
    data: &'a [u8],
}

impl<'a> RgbaImage<'a> {
    /// Checks that `data` holds `width × height` RGBA pixels.
    pub fn new(width: usize, height: usize, data: &'a [u8]) -> Result<Self, ImageError> {
        if width == 0 || height == 0 {
            return Err(ImageError::Empty { width, height });
        }
        if width > MAX_SIDE || height > MAX_SIDE {
            return Err(ImageError::TooLarge { width, height });
        }
        let expected = width * height * 4;
        if data.len() != expected {
            return Err(ImageError::Size {
                width,
                height,
                expected,
                found: data.len(),
            });
        }
        Ok(RgbaImage {
            width,
            height,
            data,
        })
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn height(&self) -> usize {
        self.height
    }

    /// The RGB of the pixel at column `x`, row `y` (both in range).
    #[inline]
    pub fn rgb(&self, x: usize, y: usize) -> [f32; 3] {
        let i = (y * self.width + x) * 4;
        let p = &self.data[i..i + 3];
        [f32::from(p[0]), f32::from(p[1]), f32::from(p[2])]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_checked() {
        assert!(RgbaImage::new(2, 3, &[0; 24]).is_ok());
        assert_eq!(
            RgbaImage::new(2, 3, &[0; 23]).unwrap_err().to_string(),
            "a 2×3 RGBA image needs 24 bytes, got 23"
        );
        assert!(matches!(
            RgbaImage::new(0, 3, &[]),
            Err(ImageError::Empty { .. })
        ));
        assert!(matches!(
            RgbaImage::new(20_000, 1, &[]),
            Err(ImageError::TooLarge { .. })
        ));
    }
}
