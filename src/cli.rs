//! The command line's shared parts: its error type, reading input, the one way to standard
//! output (`Out`, which makes a closed pipe end a command quietly), JSON output, `--platform`'s
//! value and the 0/1 exit status; the JSON-lines loop is `cli/jsonl.rs`. One file per command
//! under `cli/`; nothing here decides what a command answers.

use porte_voix::error::Coded;
use porte_voix::platform::Platform;
use std::io::{Read, Write};
use std::process::ExitCode;

pub mod backlog;
// native only: the HTML collector and the CSV writers are not in a wasm32 build
#[cfg(not(target_arch = "wasm32"))]
pub mod capture;
pub mod check;
pub mod clean_url;
#[cfg(not(target_arch = "wasm32"))]
pub mod export;
pub mod jsonl;
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
    /// Writing standard output or a file failed (`cli.io` too; a closed pipe ends quietly).
    #[error("cannot write {path}: {source}")]
    Write {
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
            CliError::Io { .. } | CliError::Write { .. } => "cli.io",
            CliError::NotUtf8(_) => "cli.not_utf8",
            CliError::MissingColumn { .. } => "csv.missing_column",
            CliError::Csv { .. } => "csv.parse",
            CliError::Transfer { code, .. } => code,
        }
    }
}

impl CliError {
    /// The reader of standard output has gone (`porte-voix check --jsonl < posts | head -1`):
    /// not an error, the command stops writing and ends quietly with exit status 0.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, CliError::Write { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl From<lexopt::Error> for CliError {
    fn from(e: lexopt::Error) -> Self {
        CliError::Usage(e.to_string())
    }
}

/// The value of `--platform`: a platform id, in any case.
pub fn platform_value(parser: &mut lexopt::Parser) -> Result<Platform, CliError> {
    use lexopt::ValueExt;
    let id: String = parser.value()?.string()?;
    Platform::from_id(&id.to_ascii_lowercase()).ok_or(CliError::UnknownPlatform(id))
}

/// The value of `--mastodon-limit`, accepted and refused as the options page does
/// (`Settings::parse_mastodon_limit`), for every command that takes it.
pub fn mastodon_limit_value(parser: &mut lexopt::Parser) -> Result<u32, CliError> {
    use lexopt::ValueExt;
    let v: String = parser.value()?.string()?;
    match porte_voix::settings::Settings::parse_mastodon_limit(&v) {
        Ok(Some(n)) => Ok(n),
        Ok(None) => Err(CliError::Usage("--mastodon-limit wants a number".into())),
        Err(e) => Err(CliError::Usage(format!("--mastodon-limit `{v}`: {e}"))),
    }
}

/// The exit status of a command that read its input: 1 when at least one text is over a limit
/// (or a template has errors), else 0. Bad input or usage is 2.
pub fn exit_status(failing: bool) -> ExitCode {
    if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
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

/// Standard output, buffered: every command writes through it. A write that fails is
/// `CliError::Write` on standard output, so the command stops there; when the reader has gone
/// (`CliError::is_closed_pipe`) `main` ends quietly instead of reporting it.
pub struct Out(std::io::BufWriter<std::io::StdoutLock<'static>>);

impl Out {
    pub fn stdout() -> Out {
        Out(std::io::BufWriter::new(std::io::stdout().lock()))
    }

    /// `line` and a line end.
    pub fn line(&mut self, line: impl std::fmt::Display) -> Result<(), CliError> {
        writeln!(self.0, "{line}").map_err(stdout_error)
    }

    /// `text` as it is.
    pub fn text(&mut self, text: &str) -> Result<(), CliError> {
        self.0.write_all(text.as_bytes()).map_err(stdout_error)
    }

    /// Writes out what is buffered (dropping `Out` does too, but says nothing of a failure).
    pub fn finish(mut self) -> Result<(), CliError> {
        self.0.flush().map_err(stdout_error)
    }
}

fn stdout_error(source: std::io::Error) -> CliError {
    CliError::Write {
        path: "standard output".into(),
        source,
    }
}

/// One line of JSON (our own plain structs always serialise).
pub fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "{}".into())
}
