//! `porte-voix templates lint FILE`: a library's JSON export checked template by template.

use std::process::ExitCode;

use super::{exit_status, read_input, to_json, CliError, Out};
use porte_voix::error::Coded;
use porte_voix::length::CountOptions;
use porte_voix::template::lint::{lint, Problem};
use porte_voix::template::transfer::{check_unique, read_export};

pub struct TemplatesArgs {
    json: bool,
    file: String,
}

/// Parses `templates`' arguments (after the word `templates`); `None` for `--help`.
pub fn parse_args(parser: &mut lexopt::Parser) -> Result<Option<TemplatesArgs>, CliError> {
    use lexopt::prelude::*;
    match parser.next()? {
        Some(Value(v)) if v == "lint" => {}
        Some(Short('h') | Long("help")) | None => return Ok(None),
        Some(Value(v)) => {
            return Err(CliError::Usage(format!(
                "unknown templates command `{}` (try `templates lint FILE`)",
                v.to_string_lossy()
            )))
        }
        Some(other) => return Err(other.unexpected().into()),
    }
    let (mut json, mut file) = (false, None);
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Long("json") => json = true,
            Value(v) if file.is_none() => file = Some(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    let file = file.ok_or_else(|| CliError::Usage("templates lint needs a FILE".into()))?;
    Ok(Some(TemplatesArgs { json, file }))
}

fn human(p: &Problem) -> String {
    let mut s = format!("  {}", p.lang.map_or("main text", |l| l.tag()));
    if p.short {
        s.push_str(", short");
    }
    s.push_str(&format!(": {}", p.code));
    if let (Some(a), Some(b)) = (p.start, p.end) {
        s.push_str(&format!(" at {a}..{b}"));
    }
    if let (Some(pl), Some(l), Some(m)) = (p.platform, p.length, p.limit) {
        s.push_str(&format!(" on {}: {l}/{m}", pl.id()));
    }
    s
}

pub fn run(a: TemplatesArgs) -> Result<ExitCode, CliError> {
    let text = read_input(Some(&a.file))?;
    let templates = match read_export(&text).and_then(|t| check_unique(&t).map(|_| t)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("porte-voix: error[{}]: {}: {e}", e.code(), a.file);
            return Ok(ExitCode::from(2));
        }
    };
    let opts = CountOptions::default();
    let results: Vec<(&porte_voix::template::Template, Vec<Problem>)> =
        templates.iter().map(|t| (t, lint(t, &opts))).collect();
    let bad = results.iter().filter(|(_, p)| !p.is_empty()).count();
    let mut out = Out::stdout();
    if a.json {
        let list: Vec<serde_json::Value> = results
            .iter()
            .map(|(t, p)| serde_json::json!({"id": t.id, "title": t.title, "problems": p}))
            .collect();
        let v = serde_json::json!({
            "checked": results.len(),
            "with_problems": bad,
            "templates": list,
        });
        out.line(to_json(&v))?;
    } else {
        for (t, problems) in &results {
            if problems.is_empty() {
                continue;
            }
            out.line(format_args!("{} « {} »", t.id, t.title))?;
            for p in problems {
                out.line(human(p))?;
            }
        }
        out.line(format_args!(
            "{} templates checked, {} with problems",
            results.len(),
            bad
        ))?;
    }
    out.finish()?;
    Ok(exit_status(bad > 0))
}
