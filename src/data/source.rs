//! Opening data: gzip or plain, told apart by the first bytes, never by the file name; files
//! that are not CSV text (archives, images, UTF-16, binary) refused by what they are; lines
//! capped in length, so no input can grow one record without bound.

use std::io::{BufRead, BufReader, Read};

use flate2::bufread::MultiGzDecoder;

use super::error::{DataError, Location};

/// The longest line a CSV may have. A Kaggle row is under 40 KB (9,216 pixels of at most four
/// bytes, 30 coordinates); a longer line means the file is something else.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// How many leading bytes are inspected to tell what a file is.
pub(crate) const SNIFF_BYTES: usize = 4096;

/// A buffered reader over `source`, decompressing it when it starts with the gzip magic.
///
/// Fails when the (decompressed) bytes are plainly not CSV text: an archive to unpack first,
/// an image, UTF-16 text, or binary data.
pub fn decompressing<'a>(source: impl Read + 'a) -> Result<Box<dyn Read + 'a>, DataError> {
    let mut buffered = BufReader::with_capacity(1 << 20, source);
    let head = buffered.fill_buf().map_err(|e| io_error("input", e))?;
    if head.starts_with(&[0x1f, 0x8b]) {
        let mut inflated = BufReader::with_capacity(1 << 20, MultiGzDecoder::new(buffered));
        let head = inflated.fill_buf().map_err(|e| {
            io_error(
                "input",
                std::io::Error::new(e.kind(), format!("the gzip data is unreadable: {e}")),
            )
        })?;
        refuse_non_csv(head, "inside the gzip file, ")?;
        Ok(Box::new(inflated))
    } else {
        refuse_non_csv(head, "")?;
        Ok(Box::new(buffered))
    }
}

/// Refuses `head` (a file's first bytes) when it is plainly not CSV text, saying what it is.
fn refuse_non_csv(head: &[u8], where_: &str) -> Result<(), DataError> {
    if let Some(what) = what_is(head) {
        return Err(DataError::NotCsv(format!("{where_}{what}")));
    }
    Ok(())
}

/// What a non-text file is, and what to do about it; `None` for anything that may be text.
pub fn what_is(head: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (
            b"PK\x03\x04",
            "this is a zip archive, not a CSV: unzip it first (Kaggle ships training.zip) and give the .csv inside",
        ),
        (b"PK\x05\x06", "this is an empty zip archive, not a CSV"),
        (
            b"BZh",
            "this is a bzip2 file, not a CSV: decompress it first (bunzip2), or give a plain or gzip CSV",
        ),
        (
            b"\xFD7zXZ\x00",
            "this is an xz file, not a CSV: decompress it first (unxz), or give a plain or gzip CSV",
        ),
        (
            b"\x28\xB5\x2F\xFD",
            "this is a zstd file, not a CSV: decompress it first (unzstd), or give a plain or gzip CSV",
        ),
        (
            b"7z\xBC\xAF\x27\x1C",
            "this is a 7-Zip archive, not a CSV: extract the .csv first",
        ),
        (
            b"Rar!",
            "this is a RAR archive, not a CSV: extract the .csv first",
        ),
        (
            b"\xFF\xFE",
            "this is UTF-16 text: save it as UTF-8 (the Kaggle files are UTF-8)",
        ),
        (
            b"\xFE\xFF",
            "this is UTF-16 text: save it as UTF-8 (the Kaggle files are UTF-8)",
        ),
        (b"\x89PNG", "this is a PNG image, not a CSV of faces"),
        (b"\xFF\xD8\xFF", "this is a JPEG image, not a CSV of faces"),
        (b"GIF8", "this is a GIF image, not a CSV of faces"),
        (
            b"FPKM",
            "this is a facepoints model file (.fpk), not a CSV of faces",
        ),
    ];
    if let Some((_, what)) = SIGNATURES.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(what);
    }
    if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return Some("this is a WebP image, not a CSV of faces");
    }
    if head.len() > 262 && &head[257..262] == b"ustar" {
        return Some("this is a tar archive, not a CSV: extract the .csv first");
    }
    let head = &head[..head.len().min(SNIFF_BYTES)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    if nuls > 0 {
        // UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
        let odd_or_even_zero = |parity| {
            head.iter()
                .skip(parity)
                .step_by(2)
                .filter(|&&b| b == 0)
                .count()
                * 10
                >= head.len() / 2 * 9
        };
        if head.len() >= 8
            && nuls < head.len() * 6 / 10
            && (odd_or_even_zero(0) || odd_or_even_zero(1))
        {
            return Some("this is UTF-16 text: save it as UTF-8 (the Kaggle files are UTF-8)");
        }
        return Some("this is binary data (it holds NUL bytes), not a CSV text file");
    }
    None
}

/// A reader that refuses lines longer than [`MAX_LINE_BYTES`] and remembers whether the input
/// ended with a line break. Wrap a CSV's source in it: a record can then never grow past the
/// limit, whatever the input (`/dev/zero`, a gzip that inflates to one endless line).
pub struct LineGuard<R> {
    inner: R,
    /// Line breaks seen so far.
    lines: u64,
    /// Bytes since the last line break.
    since_break: usize,
    /// The last byte read.
    last: Option<u8>,
}

/// The error a [`LineGuard`] returns for an overlong line (inside an `io::Error`).
#[derive(Debug, thiserror::Error)]
#[error("line {line} is over {} MiB long: this is not a CSV of faces (a Kaggle row is under 40 KB)", MAX_LINE_BYTES >> 20)]
pub struct LineTooLong {
    /// 1-based line number.
    pub line: u64,
}

impl<R: Read> LineGuard<R> {
    /// Guards `inner`.
    pub fn new(inner: R) -> Self {
        LineGuard {
            inner,
            lines: 0,
            since_break: 0,
            last: None,
        }
    }

    /// Whether the input read so far is empty or ends with `\n` or `\r`.
    pub fn ends_with_line_break(&self) -> bool {
        matches!(self.last, None | Some(b'\n' | b'\r'))
    }
}

impl<R: Read> Read for LineGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let read = &buf[..n];
        match memchr::memrchr(b'\n', read) {
            Some(last_break) => {
                self.lines += memchr::memchr_iter(b'\n', read).count() as u64;
                self.since_break = n - last_break - 1;
            }
            None => self.since_break += n,
        }
        if self.since_break > MAX_LINE_BYTES {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                LineTooLong {
                    line: self.lines + 1,
                },
            ));
        }
        if let Some(&b) = read.last() {
            self.last = Some(b);
        }
        Ok(n)
    }
}

/// Opens the file at `path` for [`decompressing`] reads.
pub fn open_file(path: &std::path::Path) -> Result<std::fs::File, DataError> {
    std::fs::File::open(path).map_err(|e| io_error(&path.display().to_string(), e))
}

/// An I/O error about `path`.
pub fn io_error(path: &str, source: std::io::Error) -> DataError {
    DataError::Io {
        path: path.to_string(),
        source,
    }
}

/// A CSV reader's error as a [`DataError`]: an overlong line (from [`LineGuard`]) with its
/// line, other I/O errors as they are, and malformed CSV at `row` (0: the header).
pub fn csv_error(e: csv::Error, row: u64) -> DataError {
    let at = Location {
        row: (row > 0).then_some(row),
        line: e.position().map(|p| p.line()),
        column: None,
    };
    match e.into_kind() {
        csv::ErrorKind::Io(source) => {
            if let Some(long) = source
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<LineTooLong>())
            {
                return DataError::Invalid {
                    at: Location {
                        row: None,
                        line: Some(long.line),
                        column: None,
                    },
                    message: long.to_string(),
                };
            }
            io_error("input", source)
        }
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => DataError::Csv {
            at,
            message: format!("the row has {len} fields, the header has {expected_len}"),
        },
        csv::ErrorKind::Utf8 { err, .. } => DataError::Csv {
            at,
            message: format!("field {} is not UTF-8 text", err.field() + 1),
        },
        other => DataError::Csv {
            at,
            message: format!("{other:?}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_a_file_is() {
        let said = |head: &[u8]| what_is(head).unwrap_or("text");
        assert!(said(b"PK\x03\x04\x14\x00").contains("unzip it first"));
        assert!(said(b"BZh91AY&SY").contains("bzip2"));
        assert!(said(b"\xFD7zXZ\x00\x00").contains("xz"));
        assert!(said(b"\xFF\xFEl\x00e\x00").contains("UTF-16"));
        let utf16: Vec<u8> = "left_eye_center_x,Image"
            .bytes()
            .flat_map(|b| [b, 0])
            .collect();
        assert!(said(&utf16).contains("UTF-16"), "no BOM");
        assert!(said(&[0u8; 100]).contains("binary"));
        assert!(said(b"\x89PNG\r\n\x1a\n").contains("PNG image"));
        assert_eq!(said(b"left_eye_center_x,Image\n1,2 3\n"), "text");
        assert_eq!(said(b""), "text");
    }

    #[test]
    fn a_line_guard_stops_an_endless_line_and_sees_the_last_break() {
        let mut guard = LineGuard::new(std::io::repeat(b'a'));
        let err = std::io::copy(&mut guard, &mut std::io::sink()).unwrap_err();
        let long = err
            .get_ref()
            .unwrap()
            .downcast_ref::<LineTooLong>()
            .unwrap();
        assert_eq!(long.line, 1);

        let text = "a\nbb\n".repeat(MAX_LINE_BYTES);
        let mut guard = LineGuard::new(text.as_bytes());
        std::io::copy(&mut guard, &mut std::io::sink()).unwrap();
        assert!(guard.ends_with_line_break());
        let mut guard = LineGuard::new(&b"a\nbb"[..]);
        std::io::copy(&mut guard, &mut std::io::sink()).unwrap();
        assert!(!guard.ends_with_line_break());
    }
}
