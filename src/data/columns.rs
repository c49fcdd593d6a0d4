//! A CSV header's named columns: names trimmed and freed of a byte-order mark, each needed
//! name found exactly once (a name given twice is refused, never silently resolved).

use super::error::{DataError, printable};
use crate::keypoints::{NUM_COORDS, coord_index, coord_name};

/// The column names of a header row.
pub struct Header {
    names: Vec<String>,
}

impl Header {
    /// Reads the names of `record` (the first row of a file).
    pub fn new(record: &csv::ByteRecord) -> Self {
        let names = record
            .iter()
            .map(|h| {
                String::from_utf8_lossy(h)
                    .trim()
                    .trim_start_matches('\u{feff}')
                    .trim()
                    .to_string()
            })
            .collect();
        Header { names }
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the header has no column.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The column called `name`, if there is one; an error if there are two.
    pub fn find(&self, name: &str) -> Result<Option<usize>, DataError> {
        let mut found = self.names.iter().enumerate().filter(|(_, n)| *n == name);
        let first = found.next().map(|(i, _)| i);
        if found.next().is_some() {
            return Err(DataError::DuplicateColumn {
                column: name.to_string(),
            });
        }
        Ok(first)
    }

    /// The column called `name`, which must be there exactly once.
    pub fn require(&self, name: &str) -> Result<usize, DataError> {
        self.find(name)?.ok_or_else(|| DataError::MissingColumn {
            missing: name.to_string(),
            found: printable(&self.names.join(","), 200),
        })
    }

    /// The 30 keypoint coordinate columns in Kaggle order: `None` when the header has none of
    /// them (the test layout), an error when it has some but not all, or one twice.
    pub fn coords(&self) -> Result<Option<[usize; NUM_COORDS]>, DataError> {
        let mut coords = [None; NUM_COORDS];
        for (col, name) in self.names.iter().enumerate() {
            if let Some(c) = coord_index(name) {
                if coords[c].is_some() {
                    return Err(DataError::DuplicateColumn {
                        column: name.clone(),
                    });
                }
                coords[c] = Some(col);
            }
        }
        if coords.iter().all(Option::is_none) {
            return Ok(None);
        }
        let mut out = [0; NUM_COORDS];
        for (c, col) in coords.iter().enumerate() {
            out[c] = col.ok_or_else(|| DataError::MissingColumn {
                missing: coord_name(c),
                found: printable(&self.names.join(","), 200),
            })?;
        }
        Ok(Some(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Header {
        Header::new(&csv::ByteRecord::from(text.split(',').collect::<Vec<_>>()))
    }

    #[test]
    fn finds_each_name_once() {
        let h = header("\u{feff}ImageId, Image ");
        assert_eq!(h.require("ImageId").unwrap(), 0);
        assert_eq!(h.require("Image").unwrap(), 1);
        assert_eq!(h.coords().unwrap(), None);
        let twice = header("Image,ImageId,Image").require("Image").unwrap_err();
        assert_eq!(twice.to_string(), "the header has the column `Image` twice");
        let missing = header("Foo").require("Image").unwrap_err();
        assert_eq!(
            missing.to_string(),
            "the header has no `Image` column (it has: Foo)"
        );
    }

    #[test]
    fn a_coordinate_column_twice_is_refused() {
        let mut names: Vec<String> = (0..NUM_COORDS).map(coord_name).collect();
        names.push(coord_name(4));
        names.push("Image".into());
        let err = header(&names.join(",")).coords().unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("the header has the column `{}` twice", coord_name(4))
        );
    }
}
