//! Reading photos (JPEG, PNG, WebP) as RGBA with their EXIF orientation applied.

use std::path::Path;

use facepoints::image::RgbaImage;
use image::{DynamicImage, ImageDecoder, ImageReader};

/// An owned RGBA photo.
pub struct Photo {
    pub path: String,
    pub width: usize,
    pub height: usize,
    pub rgba: Vec<u8>,
}

impl Photo {
    /// The pixels as the pipeline takes them (fails for images over 16,384 pixels a side).
    pub fn image(&self) -> Result<RgbaImage<'_>, String> {
        RgbaImage::new(self.width, self.height, &self.rgba)
            .map_err(|e| format!("{}: {e}", self.path))
    }
}

/// Decodes the image at `path` by its content (not its name), upright.
pub fn read_photo(path: &Path) -> Result<Photo, String> {
    let fail =
        |e: &dyn std::fmt::Display| format!("{}: not a readable image ({e})", path.display());
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.len() == 0 {
        return Err(format!("{}: the file is empty", path.display()));
    }
    let reader = ImageReader::open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .with_guessed_format()
        .map_err(|e| fail(&e))?;
    let mut decoder = reader.into_decoder().map_err(|e| fail(&e))?;
    let orientation = decoder.orientation().map_err(|e| fail(&e))?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| fail(&e))?;
    image.apply_orientation(orientation);
    let rgba = image.to_rgba8();
    Ok(Photo {
        path: path.display().to_string(),
        width: rgba.width() as usize,
        height: rgba.height() as usize,
        rgba: rgba.into_raw(),
    })
}
