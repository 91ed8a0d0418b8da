//! The JSON-lines loop of `check --jsonl`, `render --jsonl` and `tone --jsonl`: standard input
//! read line by line (as bytes: a line that is not UTF-8 is reported on its own line), each line
//! parsed as the command's input type and answered by the command, one output line per input
//! line, in order; a line that cannot be answered gets `{"error": {"code", "message", "line"}}`
//! and the others go on. What a line means and what its answer says stay in each command's file.

use std::io::BufRead;
use std::process::ExitCode;

use super::{exit_status, CliError, Out};
use porte_voix::error::Coded;

/// What a command's input lines are, for the errors of the lines it cannot read.
pub struct Lines {
    /// The shape a line must have, as the message of a malformed line gives it
    /// (`{"text": "..."}`).
    pub expected: &'static str,
}

/// The answer to one input line.
pub struct Answer {
    /// The output line, one JSON object.
    pub json: String,
    /// The text is over a limit, or the template has errors: the exit status is 1 (unless a
    /// line was rejected).
    pub failing: bool,
}

/// Why one input line got no answer: reported on its output line; the exit status is 2.
pub struct Rejected {
    pub code: &'static str,
    pub message: String,
}

impl Rejected {
    pub fn new(code: &'static str, message: impl Into<String>) -> Rejected {
        Rejected {
            code,
            message: message.into(),
        }
    }
}

/// What the loop itself finds wrong with a line, before the command sees it.
#[derive(Debug, thiserror::Error)]
enum LineError {
    #[error("the line is not valid UTF-8")]
    NotUtf8,
    #[error("expected {expected}: {reason}")]
    Malformed {
        expected: &'static str,
        reason: String,
    },
}

impl Coded for LineError {
    fn code(&self) -> &'static str {
        match self {
            LineError::NotUtf8 => "jsonl.not_utf8",
            LineError::Malformed { .. } => "jsonl.malformed",
        }
    }
}

/// Reads JSON lines of `T` on standard input and answers each with `answer`. Exit status: 2 when
/// a line was rejected, else 1 when an answer was failing, else 0.
pub fn run<T: serde::de::DeserializeOwned>(
    lines: &Lines,
    mut answer: impl FnMut(T) -> Result<Answer, Rejected>,
) -> Result<ExitCode, CliError> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = Out::stdout();
    let (mut any_failing, mut any_rejected) = (false, false);
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|source| CliError::Io {
                path: "standard input".into(),
                source,
            })?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let result = match std::str::from_utf8(&buf) {
            Err(_) => {
                let e = LineError::NotUtf8;
                Err(Rejected::new(e.code(), e.to_string()))
            }
            Ok(line) => serde_json::from_str::<T>(line.trim_end_matches(['\n', '\r']))
                .map_err(|e| {
                    let e = LineError::Malformed {
                        expected: lines.expected,
                        reason: e.to_string(),
                    };
                    Rejected::new(e.code(), e.to_string())
                })
                .and_then(&mut answer),
        };
        match result {
            Ok(a) => {
                any_failing |= a.failing;
                out.line(a.json)?;
            }
            Err(r) => {
                any_rejected = true;
                let e = serde_json::json!({
                    "error": {"code": r.code, "message": r.message, "line": line_no}
                });
                out.line(e)?;
            }
        }
    }
    out.finish()?;
    Ok(if any_rejected {
        ExitCode::from(2)
    } else {
        exit_status(any_failing)
    })
}
