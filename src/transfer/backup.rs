//! The JSON backup of everything: the backlog's items, the templates and the settings (both kept
//! as raw JSON values and written back untouched: their own modules read them), with a format
//! name and a version so an older or newer Porte-voix knows what it reads.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{input_text, TransferError, MAX_RECORDS};
use crate::backlog::Item;

/// The `format` field of every backup.
pub const FORMAT: &str = "porte-voix-backup";

/// The version this build writes and the newest it reads.
pub const VERSION: u32 = 1;

/// A backup file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    /// When it was written, milliseconds since 1970 (UTC).
    pub exported_ms: u64,
    /// The settings record as stored.
    #[serde(default)]
    pub settings: Value,
    /// The template records as stored.
    #[serde(default)]
    pub templates: Vec<Value>,
    #[serde(default)]
    pub backlog: Vec<Item>,
}

impl Backup {
    pub fn new(
        exported_ms: u64,
        settings: Value,
        templates: Vec<Value>,
        backlog: Vec<Item>,
    ) -> Backup {
        Backup {
            format: FORMAT.into(),
            version: VERSION,
            exported_ms,
            settings,
            templates,
            backlog,
        }
    }

    /// The backup as compact JSON (a third smaller than indented, at 50,000 items).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The backup's JSON written in parts, for a large backlog: [`Backup::json_head`], then
    /// [`json_items`] for each slice of the items in turn, then [`JSON_TAIL`]. Put together, the
    /// parts are [`Backup::to_json`] of the backup holding those items, byte for byte; each part
    /// is small, so the items need not be copied nor the whole text held in one string.
    ///
    /// This is everything up to the backlog's opening bracket (this backup's own `backlog` is
    /// left out: the items come in the parts that follow).
    pub fn json_head(&self) -> String {
        let empty = Backup {
            backlog: Vec::new(),
            ..self.clone()
        };
        let mut text = empty.to_json();
        // the backlog is the last field: `…"backlog":[]}`
        if text.ends_with("[]}") {
            text.truncate(text.len() - 2);
        }
        text
    }
}

/// What closes a backup written in parts (see [`Backup::json_head`]).
pub const JSON_TAIL: &str = "]}";

/// The JSON of `items` as the next part of a backup's backlog array (see [`Backup::json_head`]):
/// separated by commas, with a leading one unless `first` (these are the array's first items).
pub fn json_items(items: &[Item], first: bool) -> String {
    let mut out = Vec::with_capacity(items.len() * 512);
    for (k, item) in items.iter().enumerate() {
        if k > 0 || !first {
            out.push(b',');
        }
        // an item is plain data: writing it to memory does not fail
        let _ = serde_json::to_writer(&mut out, item);
    }
    String::from_utf8(out).unwrap_or_default()
}

/// What is read first: whether this is a backup, and of which version.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u64>,
}

/// Reads a backup of an older version, brought up to `VERSION` (none yet: version 1 is the
/// first). Each future version adds one step here, from the raw JSON.
fn read_version(text: &str, _version: u32) -> Result<Backup, serde_json::Error> {
    serde_json::from_str(text)
}

/// Reads a backup file. Refuses what is too large, not JSON, nested too deep (the JSON parser
/// stops at 128 levels), not a backup, or from a newer version.
pub fn parse(bytes: &[u8]) -> Result<Backup, TransferError> {
    let text = input_text(bytes)?;
    let malformed = |e: serde_json::Error| TransferError::Malformed {
        format: "json",
        line: e.line(),
        detail: e.to_string(),
    };
    // a first pass reads the header only (the rest is skipped without being kept), so a file
    // that is not a backup is told apart from a damaged backup
    let header: Header = match serde_json::from_str(text) {
        Ok(h) => h,
        Err(e) if e.is_data() => return Err(TransferError::NotABackup),
        Err(e) => return Err(malformed(e)),
    };
    if header.format.as_deref() != Some(FORMAT) {
        return Err(TransferError::NotABackup);
    }
    let version = header
        .version
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(TransferError::NotABackup)?;
    if version > VERSION {
        return Err(TransferError::NewerVersion {
            found: version,
            supported: VERSION,
        });
    }
    let mut backup = read_version(text, version).map_err(malformed)?;
    if backup.backlog.len() > MAX_RECORDS {
        return Err(TransferError::TooManyRecords { max: MAX_RECORDS });
    }
    backup.version = VERSION;
    Ok(backup)
}
