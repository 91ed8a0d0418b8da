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

    /// The backup as pretty JSON (people open these files).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Older versions brought up to `VERSION`, one step each (none yet: version 1 is the first).
fn migrate(value: Value, _from: u32) -> Value {
    value
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
    let value: Value = serde_json::from_str(text).map_err(malformed)?;
    let Some(obj) = value.as_object() else {
        return Err(TransferError::NotABackup);
    };
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(TransferError::NotABackup);
    }
    let version = obj
        .get("version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(TransferError::NotABackup)?;
    if version > VERSION {
        return Err(TransferError::NewerVersion {
            found: version,
            supported: VERSION,
        });
    }
    if obj
        .get("backlog")
        .and_then(Value::as_array)
        .is_some_and(|a| a.len() > MAX_RECORDS)
    {
        return Err(TransferError::TooManyRecords { max: MAX_RECORDS });
    }
    let mut backup: Backup =
        serde_json::from_value(migrate(value, version)).map_err(|e| TransferError::Malformed {
            format: "backup",
            line: 0,
            detail: e.to_string(),
        })?;
    backup.version = VERSION;
    Ok(backup)
}
