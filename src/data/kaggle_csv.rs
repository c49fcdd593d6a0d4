//! Streaming reader for Kaggle's `training.csv` (30 coordinates + `Image`) and `test.csv`
//! (`ImageId,Image`): plain or gzip, CRLF or LF, header columns in any order, empty cells as
//! missing keypoints.
//!
//! [`FaceReader`] is the parser: bytes are pushed into it in chunks of any size (the CLI
//! pushes what it reads from a file; the page pushes what a browser stream gives), complete
//! lines are parsed as they arrive, and only the unfinished last line is kept, so the file's
//! text is never held whole.

use std::io::Read;

use super::columns::Header;
use super::error::{DataError, Location};
use super::faces::FaceSet;
use super::pixels::parse_pixels;
use super::source::{
    MAX_LINE_BYTES, SNIFF_BYTES, csv_error, decompressing, io_error, open_file, what_is,
};
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

/// Reads a Kaggle `test.csv` from `source`, gzip or plain: like [`read_faces`], but the
/// `ImageId` column must be there.
pub fn read_test_faces(source: impl Read) -> Result<FaceSet, DataError> {
    read_plain(decompressing(source)?, Ids::ImageId)
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

/// Pushes everything `source` gives through a [`FaceReader`].
fn read_plain(mut source: impl Read, ids: Ids) -> Result<FaceSet, DataError> {
    let mut reader = FaceReader::with_ids(ids, 0);
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        let n = match source.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_error("input", e)),
        };
        reader.push(&buffer[..n])?;
    }
    reader.finish()
}

/// The Kaggle CSV parser, fed by pushes: `push` chunks of plain (already decompressed) text
/// as they arrive, then `finish`. Errors name the row, the file line and the column.
///
/// Memory: the faces read so far, plus the one unfinished line (at most 1 MiB: a longer
/// line is refused). With a size hint (the text's length in bytes, when known) the face
/// storage is reserved once from the first row's length instead of growing by doubling.
pub struct FaceReader {
    ids: Ids,
    /// Bytes pushed but not parsed yet: the unfinished last line.
    pending: Vec<u8>,
    /// Line breaks in the bytes already parsed.
    lines_before: u64,
    layout: Option<Layout>,
    faces: FaceSet,
    pixels: Box<[u8; IMAGE_PIXELS]>,
    coords: [f32; NUM_COORDS],
    /// Data rows read (the header excluded).
    row: u64,
    /// Bytes pushed so far.
    bytes: u64,
    /// The text's expected length, 0 when unknown.
    size_hint: u64,
    /// A bad last row of a block: the error stands if more rows follow, else it is reported
    /// as a truncated last row.
    deferred: Option<(Location, String)>,
    /// Whether the input's first bytes were checked for what it is (`sniff`).
    sniffed: bool,
}

impl Default for FaceReader {
    fn default() -> Self {
        Self::new(0)
    }
}

impl FaceReader {
    /// A reader for a training or test file; `size_hint`: the text's length in bytes (0 when
    /// unknown, as for gzip input).
    pub fn new(size_hint: u64) -> Self {
        Self::with_ids(Ids::ImageIdOrRow, size_hint)
    }

    fn with_ids(ids: Ids, size_hint: u64) -> Self {
        FaceReader {
            ids,
            pending: Vec::new(),
            lines_before: 0,
            layout: None,
            faces: FaceSet::default(),
            pixels: Box::new([0u8; IMAGE_PIXELS]),
            coords: [f32::NAN; NUM_COORDS],
            row: 0,
            bytes: 0,
            size_hint,
            deferred: None,
            sniffed: false,
        }
    }

    /// Bytes pushed so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Faces read so far.
    pub fn faces(&self) -> usize {
        self.faces.len()
    }

    /// Parses the complete lines `chunk` finishes; keeps the unfinished last one.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), DataError> {
        self.bytes += chunk.len() as u64;
        self.pending.extend_from_slice(chunk);
        if !self.sniffed {
            // What the input is, judged from its first bytes however they arrive (in one
            // chunk or a byte at a time), as the command line judges a file's head.
            if self.pending.len() < SNIFF_BYTES {
                return Ok(());
            }
            sniff(&self.pending)?;
            self.sniffed = true;
        } else if memchr::memchr(b'\n', chunk).is_none() {
            // No line ends in this chunk: nothing new to parse (looking through the whole
            // unfinished line again would make small chunks cost quadratic time).
            return self.check_line_length(&self.pending[..]);
        }
        let Some(end) = complete_lines(&self.pending) else {
            return self.check_line_length(&self.pending[..]);
        };
        let block = std::mem::take(&mut self.pending);
        let result = self.parse_block(&block[..end]);
        self.pending = block;
        self.pending.drain(..end);
        result?;
        self.check_line_length(&self.pending[..])
    }

    /// Parses what is left and returns the faces.
    pub fn finish(mut self) -> Result<FaceSet, DataError> {
        if !self.sniffed && !self.pending.is_empty() {
            sniff(&self.pending)?;
        }
        let rest = std::mem::take(&mut self.pending);
        self.parse_block(&rest)?;
        if let Some((at, message)) = self.deferred.take() {
            return Err(DataError::Invalid {
                at,
                message: format!("the last row is truncated or malformed: {message}"),
            });
        }
        if self.layout.is_none() {
            return Err(DataError::Empty);
        }
        // A last row without a line break after it is read when it is whole (RFC 4180 lets
        // a file end without one, and many tools write such files); one that lacks fields or
        // pixels was refused above. (A cut inside its very last number cannot be told from a
        // smaller number; a gzip file's checksum catches a cut in it.)
        Ok(self.faces)
    }

    /// Refuses an unfinished line over the limit: the input is not a CSV of faces.
    fn check_line_length(&self, unfinished: &[u8]) -> Result<(), DataError> {
        if unfinished.len() > MAX_LINE_BYTES {
            return Err(line_too_long(self.lines_before + 1));
        }
        Ok(())
    }

    /// Parses `block`: whole records (it ends at a line break outside quotes, or is the
    /// end of the input).
    fn parse_block(&mut self, block: &[u8]) -> Result<(), DataError> {
        if block.is_empty() {
            return Ok(());
        }
        if let Some(line) = overlong_line(block) {
            return Err(line_too_long(self.lines_before + line));
        }
        let mut layout = self.layout.take();
        let result = self.parse_records(&mut layout, block);
        self.layout = layout;
        self.lines_before += memchr::memchr_iter(b'\n', block).count() as u64;
        result
    }

    fn parse_records(
        &mut self,
        layout: &mut Option<Layout>,
        block: &[u8],
    ) -> Result<(), DataError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(block);
        let mut record = csv::ByteRecord::new();
        let lines_before = self.lines_before;
        loop {
            let next_row = self.row + u64::from(layout.is_some());
            let more = reader
                .read_byte_record(&mut record)
                .map_err(|e| shift_lines(csv_error(e, next_row), lines_before))?;
            if !more {
                return Ok(());
            }
            if let Some((at, message)) = self.deferred.take() {
                return Err(DataError::Invalid { at, message });
            }
            let Some(layout) = layout.as_ref() else {
                let header = Layout::from_header(&record)?;
                if self.ids == Ids::ImageId && header.image_id.is_none() {
                    return Err(DataError::NotTestLayout);
                }
                *layout = Some(header);
                continue;
            };
            if record.len() == 1 && record[0].is_empty() {
                continue; // a blank line
            }
            self.row += 1;
            let row = self.row;
            let at = |column: Option<String>| Location {
                row: Some(row),
                line: record
                    .position()
                    .map(|p| lines_before + line_in(block, p.byte() as usize)),
                column,
            };
            if let Err((column, message)) =
                parse_row(layout, &record, &mut self.pixels, &mut self.coords)
            {
                // The block's last record may be the file's truncated last row: that is
                // known only when the next push (or the end) comes.
                let at = at(column);
                if has_more(&mut reader) {
                    return Err(DataError::Invalid { at, message });
                }
                self.deferred = Some((at, message));
                return Ok(());
            }
            let id = match layout.image_id {
                Some(col) => parse_id(&record[col]).map_err(|message| DataError::Invalid {
                    at: at(Some("ImageId".into())),
                    message,
                })?,
                None => row as u32,
            };
            if self.faces.is_empty() {
                self.reserve(record.as_slice().len());
            }
            self.faces.push(id, &self.pixels[..], &self.coords);
        }
    }

    /// Reserves room for the faces the size hint implies, from the first row's length.
    fn reserve(&mut self, row_bytes: usize) {
        if self.size_hint == 0 || row_bytes == 0 {
            return;
        }
        // A row is at least "0 " per pixel: no file of this size can hold more rows.
        let most = self.size_hint / (2 * IMAGE_PIXELS as u64) + 1;
        let expected = (self.size_hint / row_bytes as u64) * 21 / 20 + 16;
        let rows = expected.min(most) as usize;
        self.faces.ids.reserve_exact(rows);
        self.faces.images.reserve_exact(rows * IMAGE_PIXELS);
        self.faces.coords.reserve_exact(rows * NUM_COORDS);
    }
}

/// Whether `reader` has another record (it is consumed: only used before giving up).
fn has_more(reader: &mut csv::Reader<&[u8]>) -> bool {
    matches!(
        reader.read_byte_record(&mut csv::ByteRecord::new()),
        Ok(true) | Err(_)
    )
}

/// Refuses an input whose first bytes are plainly not CSV text.
fn sniff(head: &[u8]) -> Result<(), DataError> {
    if head.starts_with(&[0x1f, 0x8b]) {
        return Err(DataError::NotCsv(
            "this is gzip-compressed data: decompress it before parsing".into(),
        ));
    }
    match what_is(head) {
        Some(what) => Err(DataError::NotCsv(what.to_string())),
        None => Ok(()),
    }
}

/// The length of `bytes`' leading complete lines: up to the last line break outside quotes
/// (a quoted field may hold line breaks); `None` when there is no such break yet.
fn complete_lines(bytes: &[u8]) -> Option<usize> {
    let last = memchr::memrchr(b'\n', bytes)?;
    if memchr::memchr(b'"', bytes).is_none() {
        return Some(last + 1);
    }
    // Quotes as the csv reader reads them: a quote opens a quoted field only at a field's
    // start (elsewhere it is a character like any other), `""` inside one is a quote, and a
    // line break inside one does not end the record. (Counting quotes instead put record
    // ends elsewhere than the reader did whenever a field held a stray quote, so the same
    // file read differently in different chunks.)
    #[derive(Clone, Copy, PartialEq)]
    enum At {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut at = At::FieldStart;
    let mut end = None;
    for (i, &b) in bytes.iter().enumerate() {
        at = match (at, b) {
            (At::Quoted, b'"') => At::QuoteInQuoted,
            (At::Quoted, _) => At::Quoted,
            (At::QuoteInQuoted, b'"') => At::Quoted,
            (At::FieldStart, b'"') => At::Quoted,
            (_, b',') => At::FieldStart,
            (_, b'\n') => {
                end = Some(i + 1);
                At::FieldStart
            }
            (_, b'\r') => At::FieldStart,
            _ => At::Unquoted,
        };
    }
    end
}

/// The 1-based line of `block` on which the record read from byte `at` starts (the csv
/// reader's own line count lags by one after a CRLF, whose `\n` it reads with the next
/// record, and counts the blank lines it skips).
fn line_in(block: &[u8], at: usize) -> u64 {
    let start = at
        + block[at.min(block.len())..]
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
    1 + memchr::memchr_iter(b'\n', &block[..start.min(block.len())]).count() as u64
}

/// The 1-based line of `block` that is longer than the limit, if one is.
fn overlong_line(block: &[u8]) -> Option<u64> {
    let mut start = 0;
    for (i, nl) in memchr::memchr_iter(b'\n', block)
        .chain(std::iter::once(block.len()))
        .enumerate()
    {
        if nl - start > MAX_LINE_BYTES {
            return Some(i as u64 + 1);
        }
        start = nl + 1;
    }
    None
}

fn line_too_long(line: u64) -> DataError {
    DataError::Invalid {
        at: Location {
            row: None,
            line: Some(line),
            column: None,
        },
        message: format!(
            "line {line} is over {} MiB long: this is not a CSV of faces (a Kaggle row is under 40 KB)",
            MAX_LINE_BYTES >> 20
        ),
    }
}

/// Moves an error's line from its block's numbering to the file's.
fn shift_lines(mut e: DataError, lines_before: u64) -> DataError {
    if let DataError::Invalid { at, .. } | DataError::Csv { at, .. } = &mut e
        && let Some(line) = &mut at.line
    {
        *line += lines_before;
    }
    e
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

    /// Found by fuzzing (fuzz/corpus/kaggle_csv/regress-nul-after-first-byte): pushed a byte
    /// at a time, a file with NUL bytes after its first byte was read as an empty file of
    /// faces while the command line refused it as binary.
    #[test]
    fn what_the_input_is_is_judged_the_same_however_it_is_pushed() {
        let text = b"Image,mouth_cent\x12\0\0\0\0\0\0\0er_bottom_lip\n";
        let pulled = read_faces(&text[..]).unwrap_err().to_string();
        assert!(pulled.contains("binary data"), "{pulled}");
        for step in [1, 3, 4096] {
            let mut reader = FaceReader::new(0);
            let pushed = text
                .chunks(step)
                .try_for_each(|c| reader.push(c))
                .and_then(|()| reader.finish().map(drop));
            assert_eq!(pushed.unwrap_err().to_string(), pulled, "chunks of {step}");
        }
    }

    /// Found by fuzzing (fuzz/corpus/kaggle_csv/regress-stray-quote): a quote inside an
    /// unquoted field is a plain character to the csv reader, but the record ends were found
    /// by counting quotes, so the rows read differently in small chunks than whole.
    #[test]
    fn a_stray_quote_splits_rows_as_the_csv_reader_does() {
        let text = format!(
            "ImageId,Image,Note\n1,{},say \"hi\n2,{},\"quoted, \"\"with\"\"\nbreak\"\n3,{},x\n",
            image_text(1),
            image_text(2),
            image_text(3)
        );
        let whole = read_faces(text.as_bytes()).unwrap();
        assert_eq!(whole.ids, [1, 2, 3]);
        for step in [1, 2, 7, 100, 5000] {
            let mut reader = FaceReader::new(0);
            for chunk in text.as_bytes().chunks(step) {
                reader.push(chunk).unwrap();
            }
            let pushed = reader.finish().unwrap();
            assert_eq!(pushed.ids, whole.ids, "chunks of {step}");
            assert!(
                pushed.images == whole.images,
                "chunks of {step}: other pixels"
            );
        }
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

    /// Pushes `text` in chunks of `size` bytes.
    fn pushed(text: &[u8], size: usize) -> Result<FaceSet, DataError> {
        let mut reader = FaceReader::new(text.len() as u64);
        for chunk in text.chunks(size) {
            reader.push(chunk)?;
        }
        reader.finish()
    }

    #[test]
    fn any_chunking_reads_the_same_faces_and_errors() {
        let mut text = String::from("ImageId,Image\r\n");
        for i in 0..5 {
            text.push_str(&format!("{},{}\r\n", i + 1, image_text(i as u8 * 40)));
        }
        let whole = read_faces(text.as_bytes()).unwrap();
        let bits = |f: &FaceSet| f.coords.iter().map(|c| c.to_bits()).collect::<Vec<_>>();
        for size in [1, 7, 100, 9_000, 40_000, 1 << 20] {
            let faces = pushed(text.as_bytes(), size).unwrap();
            assert!(
                faces.ids == whole.ids && faces.images == whole.images,
                "{size}"
            );
            assert_eq!(bits(&faces), bits(&whole), "chunks of {size}");
        }
        // A bad pixel in row 3 (line 4), and the same file cut inside its last row.
        let bad = text.replacen(" 80 ", " 800 ", 1);
        let cut = &text[..text.len() - 500];
        for size in [3, 1000, 1 << 20] {
            let e = pushed(bad.as_bytes(), size).unwrap_err().to_string();
            assert!(
                e.starts_with("row 3, line 4, column `Image`"),
                "{size}: {e}"
            );
            assert!(!e.contains("truncated"), "{e}");
            let e = pushed(cut.as_bytes(), size).unwrap_err().to_string();
            assert!(
                e.starts_with("row 5, line 6, column `Image`: the last row is truncated"),
                "{size}: {e}"
            );
        }
    }

    #[test]
    fn a_quoted_line_break_stays_inside_its_record() {
        let text = format!("\"Image\nX\",ImageId\n{},3\n", image_text(1));
        let e = pushed(text.as_bytes(), 4).unwrap_err().to_string();
        assert!(e.contains("no `Image` column"), "{e}");
        let text = format!("\"Image\",\"Image\nId\"\n\"{}\",3\n", image_text(1));
        assert_eq!(pushed(text.as_bytes(), 5).unwrap().len(), 1);
    }

    #[test]
    fn gzip_pushed_undecompressed_is_named() {
        let e = pushed(&[0x1f, 0x8b, 8, 0, 0, 0], 2)
            .unwrap_err()
            .to_string();
        assert!(e.contains("gzip"), "{e}");
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
