//! Reading photos (JPEG, PNG, WebP) as RGBA with their EXIF orientation applied, within size
//! limits checked before anything is decoded, and never from a file cut short.

use std::io::Cursor;
use std::path::Path;

use facepoints::image::{MAX_SIDE, RgbaImage};
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// The largest photo file read.
const MAX_FILE_BYTES: u64 = 256 << 20;
/// The most pixels a photo may have (a 100-megapixel camera's).
const MAX_PIXELS: u64 = 100_000_000;
/// The most memory the decoder may use.
const MAX_DECODER_BYTES: u64 = 1 << 30;

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
    let name = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("{name}: {e}"))?;
    if meta.len() == 0 {
        return Err(format!("{name}: the file is empty"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{name}: the file is {} MB; photos of up to {} MB are read",
            meta.len() >> 20,
            MAX_FILE_BYTES >> 20
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
    decode_photo(&bytes)
        .map(|(width, height, rgba)| Photo {
            path: name.to_string(),
            width,
            height,
            rgba,
        })
        .map_err(|e| format!("{name}: {e}"))
}

/// Decodes a photo's bytes to `(width, height, RGBA)`.
pub(crate) fn decode_photo(bytes: &[u8]) -> Result<(usize, usize, Vec<u8>), String> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("not a readable image ({e})"))?;
    let format = reader
        .format()
        .ok_or("not a readable image (not a JPEG, PNG or WebP)")?;
    if format == ImageFormat::Jpeg && jpeg_is_cut_short(bytes) {
        return Err(
            "the JPEG is cut short (it has no end-of-image marker after its last scan): \
                    the file is incomplete"
                .into(),
        );
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE as u32);
    limits.max_image_height = Some(MAX_SIDE as u32);
    limits.max_alloc = Some(MAX_DECODER_BYTES);
    reader.limits(limits);
    // The decoder's own limit checks, should they fire first, say the same as ours below.
    let fail = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => format!(
            "the image is too large (its header declares more than {MAX_SIDE} pixels a side or \
             {} MB of pixels)",
            MAX_DECODER_BYTES >> 20
        ),
        e => format!("not a readable image ({e})"),
    };
    let mut decoder = reader.into_decoder().map_err(fail)?;
    // Checked here, from the header alone: `from_decoder` would allocate first.
    let (width, height) = decoder.dimensions();
    if width as usize > MAX_SIDE
        || height as usize > MAX_SIDE
        || u64::from(width) * u64::from(height) > MAX_PIXELS
    {
        return Err(format!(
            "the image is too large ({width}×{height} pixels; at most {MAX_SIDE} a side and \
             {} megapixels)",
            MAX_PIXELS / 1_000_000
        ));
    }
    if decoder.total_bytes() > MAX_DECODER_BYTES {
        return Err(format!(
            "the image needs {} MB to decode; at most {} MB",
            decoder.total_bytes() >> 20,
            MAX_DECODER_BYTES >> 20
        ));
    }
    let orientation = decoder.orientation().map_err(fail)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(fail)?;
    image.apply_orientation(orientation);
    let rgba = image.to_rgba8();
    Ok((
        rgba.width() as usize,
        rgba.height() as usize,
        rgba.into_raw(),
    ))
}

/// Whether a JPEG ends before its image does: no end-of-image marker (`FF D9`) after the start
/// of its last scan (`FF DA`). Inside a scan every `FF` byte of data is followed by `00` or a
/// restart marker, so neither marker can appear by chance there; an embedded EXIF thumbnail's
/// markers come before the main image's scans.
fn jpeg_is_cut_short(bytes: &[u8]) -> bool {
    let Some(last_scan) = memchr::memmem::rfind(bytes, &[0xFF, 0xDA]) else {
        return true;
    };
    memchr::memmem::find(&bytes[last_scan..], &[0xFF, 0xD9]).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x * 7) as u8, (y * 5) as u8, ((x + y) * 3) as u8])
        });
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, ImageFormat::Jpeg).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_whole_jpeg_decodes_and_a_cut_one_is_refused() {
        let bytes = jpeg(64, 48);
        let (w, h, rgba) = decode_photo(&bytes).unwrap();
        assert_eq!((w, h, rgba.len()), (64, 48, 64 * 48 * 4));
        let err = decode_photo(&bytes[..bytes.len() * 2 / 3]).unwrap_err();
        assert!(err.contains("cut short"), "{err}");
    }

    #[test]
    fn a_huge_header_is_refused_before_decoding() {
        let mut bytes = jpeg(16, 16);
        // The baseline frame header (FF C0): length (2), precision (1), height (2), width (2).
        let sof = memchr::memmem::find(&bytes, &[0xFF, 0xC0]).unwrap();
        bytes[sof + 5..sof + 7].copy_from_slice(&65_500u16.to_be_bytes());
        bytes[sof + 7..sof + 9].copy_from_slice(&65_500u16.to_be_bytes());
        let err = decode_photo(&bytes).unwrap_err();
        assert!(err.starts_with("the image is too large"), "{err}");
    }

    #[test]
    fn a_cut_png_is_refused() {
        let image = image::GrayImage::from_fn(64, 64, |x, y| image::Luma([(x ^ y) as u8]));
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, ImageFormat::Png).unwrap();
        let bytes = out.into_inner();
        assert!(decode_photo(&bytes).is_ok());
        assert!(decode_photo(&bytes[..bytes.len() / 2]).is_err());
    }
}
