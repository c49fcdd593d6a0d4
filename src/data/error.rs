//! `DataError`: what went wrong reading a file, and where (row, line, column).

use std::fmt;

/// Where in a CSV file a problem is: 1-based data row (header excluded), 1-based file line,
/// and the column name when one is concerned.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// 1-based data row, header excluded.
    pub row: Option<u64>,
    /// 1-based line in the file.
    pub line: Option<u64>,
    /// Column name.
    pub column: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(row) = self.row {
            parts.push(format!("row {row}"));
        }
        if let Some(line) = self.line {
            parts.push(format!("line {line}"));
        }
        if let Some(column) = &self.column {
            parts.push(format!("column `{column}`"));
        }
        write!(f, "{}", parts.join(", "))
    }
}

impl Location {
    /// Whether no place is known.
    pub fn is_empty(&self) -> bool {
        self.row.is_none() && self.line.is_none() && self.column.is_none()
    }
}

/// `text` as it may be echoed in a message: control characters shown as `�`, and at most
/// `max_chars` characters (the rest counted, not shown).
pub fn printable(text: &str, max_chars: usize) -> String {
    let mut out: String = text
        .chars()
        .take(max_chars)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    let total = text.chars().count();
    if total > max_chars {
        out.push_str(&format!("… ({} more characters)", total - max_chars));
    }
    out
}

/// An error reading or writing face data.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file holds nothing, not even a header.
    #[error("the file is empty: expected a CSV header")]
    Empty,
    /// Not a CSV text file at all (an archive, an image, UTF-16, binary): what it is.
    #[error("{0}")]
    NotCsv(String),
    /// The header names a column twice.
    #[error("the header has the column `{column}` twice")]
    DuplicateColumn {
        /// The column.
        column: String,
    },
    /// A file of faces without `ImageId` where Kaggle's test.csv is needed.
    #[error(
        "the header has no `ImageId` column: this is not Kaggle's test.csv (`ImageId,Image`), whose ids a submission refers to"
    )]
    NotTestLayout,
    /// The header lacks a column the file needs.
    #[error("the header has no `{missing}` column (it has: {found})")]
    MissingColumn {
        /// The column that is needed.
        missing: String,
        /// The columns the header has, cut to a readable length ([`printable`]).
        found: String,
    },
    /// A value in a row is wrong.
    #[error("{at}: {message}")]
    Invalid {
        /// Where.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// The CSV itself is malformed (for example an unclosed quote).
    #[error("malformed CSV{}: {message}", if at.is_empty() { String::new() } else { format!(" at {at}") })]
    Csv {
        /// Where.
        at: Location,
        /// The parser's message.
        message: String,
    },
}

impl DataError {
    /// Where the error is, when it is about one place of a file.
    pub fn location(&self) -> Option<&Location> {
        match self {
            DataError::Invalid { at, .. } | DataError::Csv { at, .. } => Some(at),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_text_is_short_and_printable() {
        assert_eq!(printable("a\u{0}b\tc", 10), "a\u{fffd}b\u{fffd}c");
        let long = "x".repeat(1000);
        assert_eq!(
            printable(&long, 5),
            "xxxxx… (995 more characters)".to_string()
        );
    }

    #[test]
    fn an_unknown_place_is_not_printed() {
        let e = DataError::Csv {
            at: Location::default(),
            message: "bad".into(),
        };
        assert_eq!(e.to_string(), "malformed CSV: bad");
    }
}
