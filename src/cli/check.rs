//! `porte-voix check`: a text, JSON lines or a CSV column against a platform's length rule.

use std::process::ExitCode;

use super::jsonl::{self, Answer, Lines};
use super::{
    exit_status, mastodon_limit_value, platform_value, read_input, to_json, CliError, Out,
};
use porte_voix::length::{count_with, CountOptions, LengthReport};
use porte_voix::platform::Platform;

#[derive(Default)]
pub struct CheckArgs {
    platform: Option<Platform>,
    json: bool,
    jsonl: bool,
    csv: Option<String>,
    column: Option<String>,
    input: Option<String>,
    opts: CountOptions,
}

/// Parses `check`'s arguments (after the word `check`); `None` for `--help`.
pub fn parse(parser: &mut lexopt::Parser) -> Result<Option<CheckArgs>, CliError> {
    use lexopt::prelude::*;
    let mut a = CheckArgs::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Short('p') | Long("platform") => {
                a.platform = Some(platform_value(parser)?);
            }
            Long("json") => a.json = true,
            Long("jsonl") => a.jsonl = true,
            Long("csv") => a.csv = Some(parser.value()?.string()?),
            Long("column") => a.column = Some(parser.value()?.string()?),
            Long("x-premium") => a.opts.x_premium = true,
            Long("mastodon-limit") => a.opts.mastodon_limit = Some(mastodon_limit_value(parser)?),
            Long("content-warning") => a.opts.content_warning = Some(parser.value()?.string()?),
            Value(v) if a.input.is_none() => a.input = Some(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    if a.platform.is_none() {
        return Err(CliError::Usage("missing --platform <ID>".into()));
    }
    if a.jsonl && (a.csv.is_some() || a.input.is_some()) {
        return Err(CliError::Usage(
            "--jsonl reads standard input; it takes no FILE and no --csv".into(),
        ));
    }
    if a.csv.is_some() != a.column.is_some() {
        return Err(CliError::Usage("--csv and --column go together".into()));
    }
    if a.csv.is_some() && a.input.is_some() {
        return Err(CliError::Usage(
            "give either FILE or --csv, not both".into(),
        ));
    }
    Ok(Some(a))
}

fn is_over(r: &LengthReport) -> bool {
    !r.valid
}

fn human(r: &LengthReport) -> String {
    let mut s = format!(
        "{}: {}/{} {}",
        r.platform.id(),
        r.length,
        r.limit,
        r.unit.id()
    );
    if r.remaining >= 0 {
        s.push_str(&format!(", {} left", r.remaining));
    } else {
        s.push_str(&format!(", {} over", -r.remaining));
    }
    s.push_str(if r.valid { " — OK" } else { " — NOT VALID" });
    if !r.certain {
        s.push_str("\n  (the platform does not document its unit: counted in UTF-16 units, the strictest reading)");
    }
    if let Some(o) = r.overflow {
        s.push_str(&format!(
            "\n  overflow: UTF-16 offsets {}..{} of the text",
            o.start, o.end
        ));
    }
    for c in &r.checks {
        if !c.valid {
            s.push_str(&format!("\n  {}: {} (max {})", c.code, c.value, c.limit));
        }
    }
    s
}

pub fn run(a: CheckArgs) -> Result<ExitCode, CliError> {
    let platform = a.platform.unwrap_or(Platform::X);
    if a.jsonl {
        return run_jsonl(platform, &a.opts);
    }
    if let (Some(path), Some(column)) = (&a.csv, &a.column) {
        return run_csv(platform, &a.opts, path, column, a.json);
    }
    let text = read_input(a.input.as_deref())?;
    let r = count_with(&text, platform, &a.opts);
    let mut out = Out::stdout();
    out.line(if a.json { to_json(&r) } else { human(&r) })?;
    out.finish()?;
    Ok(exit_status(is_over(&r)))
}

#[derive(serde::Deserialize)]
struct JsonlInput {
    text: String,
}

fn run_jsonl(platform: Platform, opts: &CountOptions) -> Result<ExitCode, CliError> {
    let lines = Lines {
        expected: r#"{"text": "..."}"#,
    };
    jsonl::run(&lines, |inp: JsonlInput| {
        let r = count_with(&inp.text, platform, opts);
        Ok(Answer {
            json: to_json(&r),
            failing: is_over(&r),
        })
    })
}

fn run_csv(
    platform: Platform,
    opts: &CountOptions,
    path: &str,
    column: &str,
    json: bool,
) -> Result<ExitCode, CliError> {
    let file = std::fs::File::open(path).map_err(|source| CliError::Io {
        path: path.to_string(),
        source,
    })?;
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(file);
    let csv_err = |e: csv::Error| {
        let message = match e.position() {
            Some(p) => format!("line {}: {e}", p.line()),
            None => e.to_string(),
        };
        match e.into_kind() {
            csv::ErrorKind::Io(source) => CliError::Io {
                path: path.to_string(),
                source,
            },
            csv::ErrorKind::Utf8 { .. } => CliError::Csv {
                path: path.to_string(),
                message: format!("{message} (the file must be UTF-8)"),
            },
            _ => CliError::Csv {
                path: path.to_string(),
                message,
            },
        }
    };
    let headers = rdr.headers().map_err(csv_err)?.clone();
    let idx = headers
        .iter()
        .position(|h| h.trim_start_matches('\u{FEFF}') == column)
        .ok_or_else(|| CliError::MissingColumn {
            path: path.to_string(),
            column: column.to_string(),
            available: headers.iter().collect::<Vec<_>>().join(", "),
        })?;
    let mut out = Out::stdout();
    let (mut rows, mut over) = (0u64, 0u64);
    let mut record = csv::StringRecord::new();
    while rdr.read_record(&mut record).map_err(csv_err)? {
        rows += 1;
        let line = record.position().map_or(0, |p| p.line());
        let text = record.get(idx).ok_or_else(|| CliError::Csv {
            path: path.to_string(),
            message: format!("line {line}: the row has no `{column}` field"),
        })?;
        let r = count_with(text, platform, opts);
        if is_over(&r) {
            over += 1;
            if json {
                let v = serde_json::json!({"line": line, "report": r});
                out.line(v)?;
            } else {
                out.line(format_args!("line {line}: {}", human(&r)))?;
            }
        }
    }
    if !json {
        out.line(format_args!(
            "{over} of {rows} rows over the limit for {}",
            platform.id()
        ))?;
    }
    out.finish()?;
    Ok(exit_status(over > 0))
}
