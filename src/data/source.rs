//! Opening data: gzip or plain, told apart by the first bytes, never by the file name.

use std::io::{BufRead, BufReader, Read};

use flate2::bufread::MultiGzDecoder;

use super::error::DataError;

/// A buffered reader over `source`, decompressing it when it starts with the gzip magic.
pub fn decompressing<'a>(source: impl Read + 'a) -> Result<Box<dyn Read + 'a>, DataError> {
    let mut buffered = BufReader::with_capacity(1 << 20, source);
    let head = buffered.fill_buf().map_err(|e| io_error("input", e))?;
    Ok(if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(BufReader::with_capacity(
            1 << 20,
            MultiGzDecoder::new(buffered),
        ))
    } else {
        Box::new(buffered)
    })
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
