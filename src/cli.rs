//! The command line's shared parts: its error type, reading input, JSON output. One file per
//! command under `cli/`.

use porte_voix::error::Coded;
use std::io::Read;

pub mod backlog;
// native only: the HTML collector and the CSV writers are not in a wasm32 build
#[cfg(not(target_arch = "wasm32"))]
pub mod capture;
pub mod check;
pub mod clean_url;
#[cfg(not(target_arch = "wasm32"))]
pub mod export;
pub mod render;
pub mod templates;
pub mod tone;

/// A command-line failure. `code()` is stable; the message is for people.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}\n(see `porte-voix --help`)")]
    Usage(String),
    #[error("unknown platform `{0}` (see `porte-voix platforms`)")]
    UnknownPlatform(String),
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}: not valid UTF-8 text")]
    NotUtf8(String),
    #[error("{path}: no column named `{column}` (columns: {available})")]
    MissingColumn {
        path: String,
        column: String,
        available: String,
    },
    #[error("{path}: {message}")]
    Csv { path: String, message: String },
    /// An import or export file that cannot be read (native only: `export`).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    #[error("{path}: {message}")]
    Transfer {
        path: String,
        code: &'static str,
        message: String,
    },
}

impl Coded for CliError {
    fn code(&self) -> &'static str {
        match self {
            CliError::Usage(_) => "cli.usage",
            CliError::UnknownPlatform(_) => "platform.unknown",
            CliError::Io { .. } => "cli.io",
            CliError::NotUtf8(_) => "cli.not_utf8",
            CliError::MissingColumn { .. } => "csv.missing_column",
            CliError::Csv { .. } => "csv.parse",
            CliError::Transfer { code, .. } => code,
        }
    }
}

impl From<lexopt::Error> for CliError {
    fn from(e: lexopt::Error) -> Self {
        CliError::Usage(e.to_string())
    }
}

pub fn read_input(path: Option<&str>) -> Result<String, CliError> {
    let (name, bytes) = match path {
        None | Some("-") => {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map_err(|source| CliError::Io {
                    path: "standard input".into(),
                    source,
                })?;
            ("standard input".to_string(), b)
        }
        Some(p) => (
            p.to_string(),
            std::fs::read(p).map_err(|source| CliError::Io {
                path: p.to_string(),
                source,
            })?,
        ),
    };
    let mut s = String::from_utf8(bytes).map_err(|_| CliError::NotUtf8(name))?;
    if s.ends_with('\n') {
        s.pop();
        if s.ends_with('\r') {
            s.pop();
        }
    }
    Ok(s)
}

/// One line of JSON (our own plain structs always serialise).
pub fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "{}".into())
}
