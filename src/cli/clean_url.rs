//! `porte-voix clean-url [URL…]`: each URL without its tracking parameters and text fragment, one
//! a line; with no URL, one URL a line from standard input (blank lines are skipped).

use std::io::BufRead;
use std::process::ExitCode;

use super::{CliError, Out};
use porte_voix::capture::clean_url;

pub struct CleanUrlArgs {
    urls: Vec<String>,
}

/// Parses `clean-url`'s arguments; `None` for `--help`.
pub fn parse(parser: &mut lexopt::Parser) -> Result<Option<CleanUrlArgs>, CliError> {
    use lexopt::prelude::*;
    let mut urls = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Value(v) => urls.push(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    Ok(Some(CleanUrlArgs { urls }))
}

pub fn run(a: CleanUrlArgs) -> Result<ExitCode, CliError> {
    let mut out = Out::stdout();
    if a.urls.is_empty() {
        let stdin = std::io::stdin();
        for line in stdin.lock().lines() {
            let line = line.map_err(|source| match source.kind() {
                std::io::ErrorKind::InvalidData => CliError::NotUtf8("standard input".into()),
                _ => CliError::Io {
                    path: "standard input".into(),
                    source,
                },
            })?;
            if line.trim().is_empty() {
                continue;
            }
            out.line(clean_url(&line))?;
        }
    } else {
        for url in &a.urls {
            out.line(clean_url(url))?;
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
