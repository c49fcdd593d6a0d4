//! Streaming reader for Kaggle's `training.csv` (30 coordinates + `Image`) and `test.csv`
//! (`ImageId,Image`): plain or gzip, CRLF or LF, header columns in any order, empty cells as
//! missing keypoints. Rows are parsed one at a time into a reused record, so the file's text is
//! never held whole.

use std::io::Read;

use super::columns::Header;
use super::error::{DataError, Location};
use super::faces::FaceSet;
use super::pixels::parse_pixels;
use super::source::{LineGuard, csv_error, decompressing, io_error, open_file};
use crate::keypoints::{IMAGE_PIXELS, IMAGE_SIDE, NUM_COORDS, coord_name};

/// Where each needed field sits in a row.
struct Layout {
    image: usize,
    image_id: Option<usize>,
    /// `Some` when the file has keypoint columns (training layout).
    coords: Option<[usize; NUM_COORDS]>,
    width: usize,
}

impl Layout {
    fn from_header(header: &csv::ByteRecord) -> Result<Self, DataError> {
        let header = Header::new(header);
        Ok(Layout {
            image: header.require("Image")?,
            image_id: header.find("ImageId")?,
            coords: header.coords()?,
            width: header.len(),
        })
    }
}

/// Which ids a file must give its faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ids {
    /// `ImageId` when the header has it, else the 1-based row numbers.
    ImageIdOrRow,
    /// `ImageId` only (Kaggle's test.csv, whose ids a submission refers to).
    ImageId,
}

/// Reads Kaggle-format faces from `source`, gzip or plain (detected from the bytes).
///
/// A file with keypoint columns (training layout) must have all 30; a file without them (test
/// layout) gives faces whose coordinates are all missing. Ids come from `ImageId` when present,
/// else they are the 1-based row numbers.
pub fn read_faces(source: impl Read) -> Result<FaceSet, DataError> {
    read_plain(decompressing(source)?, Ids::ImageIdOrRow)
}

/// Reads Kaggle-format faces from the file at `path` (see [`read_faces`]).
pub fn read_faces_file(path: &std::path::Path) -> Result<FaceSet, DataError> {
    read_file(path, Ids::ImageIdOrRow)
}

/// Reads a Kaggle `test.csv` (`ImageId,Image`) from `path`: like [`read_faces_file`], but the
/// `ImageId` column must be there (a submission refers to images by it).
pub fn read_test_faces_file(path: &std::path::Path) -> Result<FaceSet, DataError> {
    read_file(path, Ids::ImageId)
}

fn read_file(path: &std::path::Path, ids: Ids) -> Result<FaceSet, DataError> {
    let source = decompressing(open_file(path)?);
    source
        .and_then(|source| read_plain(source, ids))
        .map_err(|e| match e {
            DataError::Io { source, .. } => io_error(&path.display().to_string(), source),
            other => other,
        })
}

fn read_plain(source: impl Read, ids: Ids) -> Result<FaceSet, DataError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 20)
        .from_reader(LineGuard::new(source));
    let mut record = csv::ByteRecord::new();
    if !next_record(&mut reader, &mut record, 0)? {
        return Err(DataError::Empty);
    }
    let layout = Layout::from_header(&record)?;
    if ids == Ids::ImageId && layout.image_id.is_none() {
        return Err(DataError::NotTestLayout);
    }
    let mut faces = FaceSet::default();
    let mut pixels = Box::new([0u8; IMAGE_PIXELS]);
    let mut coords = [f32::NAN; NUM_COORDS];
    let mut row: u64 = 0;
    while next_record(&mut reader, &mut record, row + 1)? {
        row += 1;
        let line = record.position().map(|p| p.line());
        let at = |column: Option<String>| Location {
            row: Some(row),
            line,
            column,
        };
        if record.len() == 1 && record[0].is_empty() {
            continue; // a blank line
        }
        if let Err(message) = parse_row(&layout, &record, &mut pixels, &mut coords) {
            let (column, message) = message;
            let mut message = message;
            if !next_record(&mut reader, &mut csv::ByteRecord::new(), row + 1)? {
                message = format!("the last row is truncated or malformed: {message}");
            }
            return Err(DataError::Invalid {
                at: at(column),
                message,
            });
        }
        let id = match layout.image_id {
            Some(col) => parse_id(&record[col]).map_err(|message| DataError::Invalid {
                at: at(Some("ImageId".into())),
                message,
            })?,
            None => row as u32,
        };
        faces.push(id, &pixels[..], &coords);
    }
    if row > 0 && !reader.get_ref().ends_with_line_break() {
        // Every writer of these files ends the last row with a line break; without one, a
        // cut inside the last number (`128` → `12`) would pass unnoticed.
        return Err(DataError::Invalid {
            at: Location {
                row: Some(row),
                line: None,
                column: None,
            },
            message: "the file ends inside this row (no line break after it): it may be cut \
                      short; if it is complete, end it with a line break"
                .into(),
        });
    }
    Ok(faces)
}

/// Reads the next record; `false` at the end of the input.
fn next_record<R: Read>(
    reader: &mut csv::Reader<R>,
    record: &mut csv::ByteRecord,
    row: u64,
) -> Result<bool, DataError> {
    reader
        .read_byte_record(record)
        .map_err(|e| csv_error(e, row))
}

/// Parses one data row into `pixels` and `coords`; on failure, the column and a message.
fn parse_row(
    layout: &Layout,
    record: &csv::ByteRecord,
    pixels: &mut [u8; IMAGE_PIXELS],
    coords: &mut [f32; NUM_COORDS],
) -> Result<(), (Option<String>, String)> {
    if record.len() != layout.width {
        return Err((
            None,
            format!(
                "the row has {} fields, the header has {}",
                record.len(),
                layout.width
            ),
        ));
    }
    parse_pixels(&record[layout.image], pixels).map_err(|m| (Some("Image".into()), m))?;
    coords.fill(f32::NAN);
    if let Some(cols) = &layout.coords {
        for (c, &col) in cols.iter().enumerate() {
            coords[c] = parse_coord(&record[col]).map_err(|m| (Some(coord_name(c)), m))?;
        }
    }
    Ok(())
}

/// An empty cell is a missing coordinate (`NaN`); anything else must be a number inside the
/// 96×96 image.
fn parse_coord(field: &[u8]) -> Result<f32, String> {
    let text = std::str::from_utf8(field).unwrap_or("").trim();
    if text.is_empty() {
        return Ok(f32::NAN);
    }
    let value: f32 = text
        .parse()
        .map_err(|_| format!("`{}` is not a number", String::from_utf8_lossy(field)))?;
    if !value.is_finite() {
        return Err(format!("`{text}` is not a finite number"));
    }
    if !(0.0..=IMAGE_SIDE as f32).contains(&value) {
        return Err(format!(
            "coordinate {value} is outside the 96×96 image (0–96)"
        ));
    }
    Ok(value)
}

fn parse_id(field: &[u8]) -> Result<u32, String> {
    let text = String::from_utf8_lossy(field);
    text.trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a positive integer id"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image_text(value: u8) -> String {
        vec![value.to_string(); IMAGE_PIXELS].join(" ")
    }

    #[test]
    fn reads_test_layout_with_crlf_and_any_order() {
        let text = format!(
            "Image,ImageId\r\n{},7\r\n{},9\r\n",
            image_text(3),
            image_text(4)
        );
        let faces = read_faces(text.as_bytes()).unwrap();
        assert_eq!(faces.ids, vec![7, 9]);
        assert_eq!(faces.image(1)[100], 4);
        assert!(faces.coords(0).iter().all(|v| v.is_nan()));
    }

    #[test]
    fn reads_gzip() {
        use std::io::Write;
        let text = format!("ImageId,Image\n1,{}\n", image_text(200));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(text.as_bytes()).unwrap();
        let faces = read_faces(&gz.finish().unwrap()[..]).unwrap();
        assert_eq!(faces.len(), 1);
        assert_eq!(faces.image(0)[0], 200);
    }

    #[test]
    fn coordinates_are_checked() {
        assert!(parse_coord(b"").unwrap().is_nan());
        assert_eq!(parse_coord(b" 66.03 ").unwrap(), 66.03);
        assert!(parse_coord(b"abc").unwrap_err().contains("not a number"));
        assert!(parse_coord(b"97.5").unwrap_err().contains("outside"));
        assert!(parse_coord(b"-1").unwrap_err().contains("outside"));
        assert!(parse_coord(b"NaN").unwrap_err().contains("finite"));
    }
}
