//! `porte-voix clean-url [URL…]`: each URL without its tracking parameters and text fragment, one
//! a line; with no URL, one URL a line from standard input (blank lines are skipped).

use std::io::{BufRead, Write};
use std::process::ExitCode;

use super::CliError;
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

fn io_err(source: std::io::Error) -> CliError {
    CliError::Io {
        path: "standard output".into(),
        source,
    }
}

pub fn run(a: CleanUrlArgs) -> Result<ExitCode, CliError> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
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
            writeln!(out, "{}", clean_url(&line)).map_err(io_err)?;
        }
    } else {
        for url in &a.urls {
            writeln!(out, "{}", clean_url(url)).map_err(io_err)?;
        }
    }
    out.flush().map_err(io_err)?;
    Ok(ExitCode::SUCCESS)
}
