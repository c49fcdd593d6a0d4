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
    /// The header lacks a column the file needs.
    #[error("the header has no `{missing}` column (it has: {found})")]
    MissingColumn {
        /// The column that is needed.
        missing: String,
        /// The columns the header has.
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
    #[error("malformed CSV at {at}: {message}")]
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
