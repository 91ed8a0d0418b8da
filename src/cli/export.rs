//! `porte-voix export`: from a JSON backup, the ICS calendar of scheduled items, Hootsuite's bulk
//! composer files (one per network, 350 rows at most each), or the generic CSV of every field.
//!
//! ```text
//! porte-voix export --ics BACKUP.json [--out FILE]
//! porte-voix export --csv hootsuite BACKUP.json --out DIR [--date-order dd/mm|mm/dd]
//! porte-voix export --csv generic BACKUP.json [--out FILE]
//! ```

use std::process::ExitCode;

use super::{CliError, Out};
use porte_voix::error::Coded;
use porte_voix::transfer::{backup, csv_generic, hootsuite, ics};

enum Format {
    Ics,
    Hootsuite,
    Generic,
}

pub struct ExportArgs {
    format: Format,
    backup: String,
    out: Option<String>,
    order: hootsuite::DateOrder,
}

/// Parses `export`'s arguments; `None` for `--help`.
pub fn parse(parser: &mut lexopt::Parser) -> Result<Option<ExportArgs>, CliError> {
    use lexopt::prelude::*;
    let (mut format, mut backup, mut out) = (None, None, None);
    let mut order = hootsuite::DateOrder::DayFirst;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Long("ics") => format = Some(Format::Ics),
            Long("csv") => {
                let kind: String = parser.value()?.string()?;
                format = Some(match kind.as_str() {
                    "hootsuite" => Format::Hootsuite,
                    "generic" => Format::Generic,
                    other => {
                        return Err(CliError::Usage(format!(
                            "--csv takes `hootsuite` or `generic`, not `{other}`"
                        )))
                    }
                });
            }
            Long("out") | Short('o') => out = Some(parser.value()?.string()?),
            Long("date-order") => {
                let v: String = parser.value()?.string()?;
                order = match v.as_str() {
                    "dd/mm" => hootsuite::DateOrder::DayFirst,
                    "mm/dd" => hootsuite::DateOrder::MonthFirst,
                    other => {
                        return Err(CliError::Usage(format!(
                            "--date-order takes `dd/mm` or `mm/dd`, not `{other}`"
                        )))
                    }
                };
            }
            Value(v) if backup.is_none() => backup = Some(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    let format = format
        .ok_or_else(|| CliError::Usage("say what to export: --ics or --csv <KIND>".into()))?;
    let backup = backup.ok_or_else(|| CliError::Usage("missing BACKUP.json".into()))?;
    if matches!(format, Format::Hootsuite) && out.is_none() {
        return Err(CliError::Usage(
            "--csv hootsuite writes one file per network: give --out <DIR>".into(),
        ));
    }
    Ok(Some(ExportArgs {
        format,
        backup,
        out,
        order,
    }))
}

fn write_file(path: &std::path::Path, text: &str) -> Result<(), CliError> {
    std::fs::write(path, text).map_err(|source| CliError::Write {
        path: path.display().to_string(),
        source,
    })
}

fn emit(out: Option<&str>, text: &str) -> Result<(), CliError> {
    match out {
        Some(p) => write_file(std::path::Path::new(p), text),
        None => {
            let mut stdout = Out::stdout();
            stdout.text(text)?;
            stdout.finish()
        }
    }
}

pub fn run(a: ExportArgs) -> Result<ExitCode, CliError> {
    let bytes = std::fs::read(&a.backup).map_err(|source| CliError::Io {
        path: a.backup.clone(),
        source,
    })?;
    let b = backup::parse(&bytes).map_err(|e| CliError::Transfer {
        path: a.backup.clone(),
        code: e.code(),
        message: e.to_string(),
    })?;
    match a.format {
        Format::Ics => emit(a.out.as_deref(), &ics::export(&b.backlog, b.exported_ms))?,
        Format::Generic => emit(a.out.as_deref(), &csv_generic::export(&b.backlog))?,
        Format::Hootsuite => {
            let dir = std::path::PathBuf::from(a.out.unwrap_or_default());
            std::fs::create_dir_all(&dir).map_err(|source| CliError::Write {
                path: dir.display().to_string(),
                source,
            })?;
            let (files, report) = hootsuite::export(&b.backlog, a.order);
            let mut out = Out::stdout();
            for f in &files {
                write_file(&dir.join(&f.name), &f.csv)?;
                out.line(format_args!("{}\t{} rows", f.name, f.rows))?;
            }
            for n in &report.split {
                out.line(format_args!(
                    "{}: more than {} posts, split into several files (Hootsuite takes {} a file)",
                    n.id(),
                    hootsuite::MAX_ROWS,
                    hootsuite::MAX_ROWS
                ))?;
            }
            for s in &report.skipped {
                match s.network {
                    Some(n) => {
                        out.line(format_args!("skipped {}: no draft for {}", s.id, n.id()))?
                    }
                    None => out.line(format_args!("skipped {}: no network chosen", s.id))?,
                }
            }
            if files.is_empty() {
                out.line("no scheduled post to export")?;
            }
            out.finish()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
