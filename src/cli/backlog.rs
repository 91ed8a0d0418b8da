//! `porte-voix backlog lint FILE.csv`: the length of every post in a CSV file, per network,
//! counted as each network counts (`length::count_with`).
//!
//! - A generic CSV export (`porte-voix export --csv generic`, or edited in a spreadsheet): each
//!   `draft:<network>` cell against that network.
//! - A Hootsuite bulk file (no header: date, message, link) with `--platform ID`: the message and
//!   the link Hootsuite adds to it, against that platform.
//!
//! Exit status 0 when every post fits, 1 when one is over, 2 on bad input.

use std::process::ExitCode;

use super::{exit_status, mastodon_limit_value, platform_value, to_json, CliError, Out};
use porte_voix::length::{count_with, CountOptions};
use porte_voix::platform::Platform;
use porte_voix::transfer::csv_cells::restore;

pub struct LintArgs {
    file: String,
    platform: Option<Platform>,
    json: bool,
    opts: CountOptions,
}

pub enum BacklogCommand {
    Lint(LintArgs),
}

/// Parses `backlog`'s arguments; `None` for `--help`.
pub fn parse(parser: &mut lexopt::Parser) -> Result<Option<BacklogCommand>, CliError> {
    use lexopt::prelude::*;
    match parser.next()? {
        Some(Value(v)) if v == "lint" => {}
        Some(Short('h') | Long("help")) | None => return Ok(None),
        Some(Value(v)) => {
            return Err(CliError::Usage(format!(
                "unknown backlog command `{}` (there is `lint`)",
                v.to_string_lossy()
            )))
        }
        Some(other) => return Err(other.unexpected().into()),
    }
    let (mut file, mut platform, mut json) = (None, None, false);
    let mut opts = CountOptions::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Short('p') | Long("platform") => {
                platform = Some(platform_value(parser)?);
            }
            Long("json") => json = true,
            Long("x-premium") => opts.x_premium = true,
            Long("mastodon-limit") => opts.mastodon_limit = Some(mastodon_limit_value(parser)?),
            Value(v) if file.is_none() => file = Some(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    let file = file.ok_or_else(|| CliError::Usage("missing FILE.csv".into()))?;
    Ok(Some(BacklogCommand::Lint(LintArgs {
        file,
        platform,
        json,
        opts,
    })))
}

#[derive(serde::Serialize)]
struct Row<'a> {
    line: u64,
    id: &'a str,
    network: &'static str,
    length: u32,
    limit: u32,
    remaining: i64,
    valid: bool,
}

pub fn run(cmd: BacklogCommand) -> Result<ExitCode, CliError> {
    let BacklogCommand::Lint(a) = cmd;
    let bytes = std::fs::read(&a.file).map_err(|source| CliError::Io {
        path: a.file.clone(),
        source,
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|_| CliError::NotUtf8(a.file.clone()))?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let csv_err = |e: csv::Error| CliError::Csv {
        path: a.file.clone(),
        message: e.to_string(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(a.platform.is_none())
        .from_reader(text.as_bytes());
    // (column, network) pairs to count, and the id column if any
    let (columns, id_col): (Vec<(usize, Platform)>, Option<usize>) = match a.platform {
        Some(p) => (vec![(1, p)], None),
        None => {
            let header = reader.headers().map_err(csv_err)?.clone();
            let cols: Vec<(usize, Platform)> = header
                .iter()
                .enumerate()
                .filter_map(|(i, h)| {
                    h.trim()
                        .strip_prefix("draft:")
                        .and_then(Platform::from_id)
                        .map(|p| (i, p))
                })
                .collect();
            if cols.is_empty() {
                return Err(CliError::MissingColumn {
                    path: a.file.clone(),
                    column: "draft:<network>".into(),
                    available: header.iter().collect::<Vec<_>>().join(", "),
                });
            }
            (cols, header.iter().position(|h| h.trim() == "id"))
        }
    };
    let mut out = Out::stdout();
    let (mut over, mut counted) = (0usize, 0usize);
    // the line a record starts on, counted from its byte offset (a cell may hold line breaks)
    let (mut line, mut counted_to) = (1u64, 0usize);
    let mut rec = csv::StringRecord::new();
    loop {
        // the reader stops between a CR and its LF: step over line ends to the record itself
        let mut start = (reader.position().byte() as usize).clamp(counted_to, text.len());
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if !reader.read_record(&mut rec).map_err(csv_err)? {
            break;
        }
        line += text.as_bytes()[counted_to..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        counted_to = start;
        let id = id_col.and_then(|i| rec.get(i)).unwrap_or("");
        for (col, network) in &columns {
            let mut post = restore(rec.get(*col).unwrap_or("")).to_string();
            if post.is_empty() {
                continue;
            }
            if a.platform.is_some() {
                // Hootsuite adds the link column to the message
                if let Some(link) = rec.get(2).filter(|l| !l.trim().is_empty()) {
                    post.push(' ');
                    post.push_str(link.trim());
                }
            }
            let r = count_with(&post, *network, &a.opts);
            counted += 1;
            if !r.valid {
                over += 1;
            }
            let row = Row {
                line,
                id,
                network: network.id(),
                length: r.length,
                limit: r.limit,
                remaining: r.remaining,
                valid: r.valid,
            };
            if a.json {
                out.line(to_json(&row))?;
            } else {
                let verdict = if r.valid {
                    "ok".to_string()
                } else if r.remaining < 0 {
                    format!("OVER by {}", -r.remaining)
                } else {
                    "NOT VALID".to_string()
                };
                out.line(format_args!(
                    "line {line}\t{}\t{}\t{}/{}\t{verdict}",
                    if id.is_empty() { "-" } else { id },
                    network.id(),
                    r.length,
                    r.limit
                ))?;
            }
        }
    }
    if !a.json {
        out.line(format_args!(
            "{counted} posts checked, {over} over the limit"
        ))?;
    }
    out.finish()?;
    Ok(exit_status(over > 0))
}
