//! Exports and imports of the backlog: the versioned JSON backup of everything (`backup`), the
//! ICS calendar of scheduled items (`ics`), CSV files (`csv_cells`: the formula-injection guard;
//! `csv_generic`: every field, both ways; `hootsuite`: the bulk composer's files; `pocket`: a
//! Pocket export), a Netscape bookmarks file (`bookmarks`), and the import plan with its report
//! (`import`).
//!
//! Every import is plan-then-apply: parsing and planning read the input and the current backlog
//! and change nothing; a malformed, hostile or oversized file ends in a `TransferError` before
//! anything is applied. Expected problems with single rows are data in the report.
//!
//! The CSV readers and writers use the `csv` crate, which belongs in the extension's engine and
//! the command line, never in the in-page engine: they compile with the `cli` feature (the
//! command line) or the `extension` feature (the extension's engine).

pub mod backup;
pub mod bookmarks;
pub mod csv_cells;
#[cfg(any(feature = "cli", feature = "extension"))]
pub mod csv_generic;
#[cfg(any(feature = "cli", feature = "extension"))]
pub mod hootsuite;
pub mod ics;
pub mod import;
#[cfg(any(feature = "cli", feature = "extension"))]
pub mod pocket;

use crate::error::Coded;

/// Inputs larger than this are refused before being read. A backup of 50,000 captured items,
/// a third of them scheduled with two drafts, weighs about 40 MB.
pub const MAX_INPUT_BYTES: usize = 96 * 1024 * 1024;

/// Rows or bookmarks an import takes at most.
pub const MAX_RECORDS: usize = 200_000;

/// Folder nesting a bookmarks file may have.
pub const MAX_DEPTH: usize = 64;

/// A file that cannot be imported at all. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransferError {
    #[error("the file is {size} bytes; the most an import takes is {max}")]
    TooLarge { size: usize, max: usize },
    #[error("the file has more than {max} records")]
    TooManyRecords { max: usize },
    #[error("the file nests deeper than {max} levels")]
    TooDeep { max: usize },
    #[error("not valid UTF-8 text")]
    NotUtf8,
    #[error("not a Porte-voix backup")]
    NotABackup,
    #[error("the backup comes from a newer version of Porte-voix (format {found}, this one reads up to {supported})")]
    NewerVersion { found: u32, supported: u32 },
    #[error("malformed {format} at line {line}: {detail}")]
    Malformed {
        format: &'static str,
        line: usize,
        detail: String,
    },
    #[error("the CSV file has no `{0}` column")]
    MissingColumn(&'static str),
    #[error("no bookmarks in this file")]
    NoBookmarks,
}

impl Coded for TransferError {
    fn code(&self) -> &'static str {
        match self {
            TransferError::TooLarge { .. } => "transfer.too_large",
            TransferError::TooManyRecords { .. } => "transfer.too_many_records",
            TransferError::TooDeep { .. } => "transfer.too_deep",
            TransferError::NotUtf8 => "transfer.not_utf8",
            TransferError::NotABackup => "transfer.not_a_backup",
            TransferError::NewerVersion { .. } => "transfer.newer_version",
            TransferError::Malformed { .. } => "transfer.malformed",
            TransferError::MissingColumn(_) => "transfer.missing_column",
            TransferError::NoBookmarks => "transfer.no_bookmarks",
        }
    }
}

/// The input as text, refusing what is too large or not UTF-8 (a leading byte-order mark is
/// dropped).
pub fn input_text(bytes: &[u8]) -> Result<&str, TransferError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(TransferError::TooLarge {
            size: bytes.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| TransferError::NotUtf8)?;
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}
