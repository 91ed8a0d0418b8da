//! `porte-voix capture --url URL [FILE.html | -] --json`: the item the extension would capture
//! from a saved page, chosen by the same core code (`capture::choose`) from the candidates the
//! HTML collector reads.

use std::process::ExitCode;

use super::{read_input, to_json, CliError, Out};
use porte_voix::capture::{choose, html::collect, Capture};

pub struct CaptureArgs {
    url: String,
    input: Option<String>,
    json: bool,
}

/// Parses `capture`'s arguments; `None` for `--help`.
pub fn parse(parser: &mut lexopt::Parser) -> Result<Option<CaptureArgs>, CliError> {
    use lexopt::prelude::*;
    let (mut url, mut input, mut json) = (None, None, false);
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Long("url") => url = Some(parser.value()?.string()?),
            Long("json") => json = true,
            Value(v) if input.is_none() => input = Some(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    let url = url.ok_or_else(|| {
        CliError::Usage("missing --url <URL> (where the page was saved from)".into())
    })?;
    if !porte_voix::capture::resolve::is_web_url(url.trim()) {
        return Err(CliError::Usage(format!(
            "--url wants an absolute http(s) address, not `{url}`"
        )));
    }
    Ok(Some(CaptureArgs { url, input, json }))
}

fn human(c: &Capture) -> String {
    let rows = [
        ("url", Some(c.url.as_str())),
        ("canonical", Some(c.canonical.as_str())),
        ("title", c.title.as_deref()),
        ("description", c.description.as_deref()),
        ("image", c.image.as_deref()),
        ("site_name", c.site_name.as_deref()),
        ("author", c.author.as_deref()),
        ("published", c.published.as_deref()),
        ("lang", c.lang.as_deref()),
    ];
    rows.iter()
        .map(|(k, v)| format!("{k:<12} {}\n", v.unwrap_or("—")))
        .collect()
}

pub fn run(a: CaptureArgs) -> Result<ExitCode, CliError> {
    let html = read_input(a.input.as_deref())?;
    let item = choose(&collect(&html, a.url.trim()));
    let mut out = Out::stdout();
    if a.json {
        out.line(to_json(&item))?;
    } else {
        out.text(&human(&item))?;
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
