//! `porte-voix tone`: the tone of a text (a human summary), or of JSON lines
//! `{"text": "...", "lang": "fr", "reply_to": "..."}` (one report line per input line).

use std::io::{BufRead, Write};
use std::process::ExitCode;

use super::{read_input, to_json, CliError};
use porte_voix::platform::Platform;
use porte_voix::tone::{analyse, reply_context, Lang, Register, ToneReport, ToneSettings};

#[derive(Default)]
pub struct ToneArgs {
    jsonl: bool,
    json: bool,
    input: Option<String>,
    reply_to: Option<String>,
    settings: ToneSettings,
}

/// Parses `tone`'s arguments (after the word `tone`); `None` for `--help`.
pub fn parse(parser: &mut lexopt::Parser) -> Result<Option<ToneArgs>, CliError> {
    use lexopt::prelude::*;
    let mut a = ToneArgs::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Long("jsonl") => a.jsonl = true,
            Long("json") => a.json = true,
            Long("lang") => {
                let v: String = parser.value()?.string()?;
                a.settings.lang =
                    Some(Lang::from_id(&v).ok_or_else(|| {
                        CliError::Usage(format!("--lang wants fr or en, not `{v}`"))
                    })?);
            }
            Long("register") => {
                let v: String = parser.value()?.string()?;
                a.settings.register = Some(match v.as_str() {
                    "tu" => Register::Tu,
                    "vous" => Register::Vous,
                    _ => {
                        return Err(CliError::Usage(format!(
                            "--register wants tu or vous, not `{v}`"
                        )))
                    }
                });
            }
            Short('p') | Long("platform") => {
                let id: String = parser.value()?.string()?;
                a.settings.platform = Some(
                    Platform::from_id(&id.to_ascii_lowercase())
                        .ok_or(CliError::UnknownPlatform(id))?,
                );
            }
            Long("reply-to") => a.reply_to = Some(parser.value()?.string()?),
            Long("off") => {
                let v: String = parser.value()?.string()?;
                for id in v.split(',') {
                    if !porte_voix::tone::registry::CHECKS
                        .iter()
                        .any(|c| c.id == id)
                    {
                        return Err(CliError::Usage(format!("--off: no check named `{id}`")));
                    }
                    a.settings.disabled.push(id.to_string());
                }
            }
            Value(v) if a.input.is_none() => a.input = Some(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    if a.jsonl && a.input.is_some() {
        return Err(CliError::Usage(
            "--jsonl reads standard input; it takes no TEXT".into(),
        ));
    }
    Ok(Some(a))
}

fn human(text: &str, r: &ToneReport) -> String {
    let pol = match r.polarity {
        porte_voix::tone::PolarityClass::Negative => "negative",
        porte_voix::tone::PolarityClass::Neutral => "neutral",
        porte_voix::tone::PolarityClass::Positive => "positive",
    };
    let mut s = format!("{}: {} ({:+.2})", r.lang.id(), pol, r.score);
    if r.findings.is_empty() {
        s.push_str("\n  no findings");
    }
    let units: Vec<u16> = text.encode_utf16().collect();
    for f in &r.findings {
        let sev = match f.severity {
            porte_voix::tone::Severity::Info => "info",
            porte_voix::tone::Severity::Warning => "warning",
            porte_voix::tone::Severity::Problem => "problem",
        };
        s.push_str(&format!("\n  {sev:<7} {}", f.code));
        let quoted: Vec<String> = f
            .spans
            .iter()
            .map(|sp| {
                let part = units
                    .get(sp.start as usize..sp.end as usize)
                    .map(String::from_utf16_lossy)
                    .unwrap_or_default();
                format!("«{part}»")
            })
            .collect();
        if !quoted.is_empty() {
            s.push_str(&format!(": {}", quoted.join(" ")));
        }
    }
    s
}

/// `porte-voix tone TEXT` (or a file / standard input): exit 0.
pub fn run(a: ToneArgs) -> Result<ExitCode, CliError> {
    if a.jsonl {
        return run_jsonl(&a.settings);
    }
    let text = match a.input.as_deref() {
        Some(t) if !std::path::Path::new(t).is_file() && t != "-" => t.to_string(),
        other => read_input(other)?,
    };
    let reply = a.reply_to.as_deref().map(|r| reply_context(r, &a.settings));
    let r = analyse(&text, &a.settings, reply.as_ref());
    let out = if a.json {
        to_json(&r)
    } else {
        human(&text, &r)
    };
    // a closed pipe (`| head`) is not an error
    match writeln!(std::io::stdout(), "{out}") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::Io {
            path: "standard output".into(),
            source: e,
        }),
        _ => Ok(ExitCode::SUCCESS),
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonlInput {
    text: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    reply_to: Option<String>,
    #[serde(default)]
    register: Option<Register>,
    #[serde(default)]
    platform: Option<String>,
}

fn one_line(line: &str, base: &ToneSettings) -> Result<String, (&'static str, String)> {
    let inp: JsonlInput = serde_json::from_str(line).map_err(|e| {
        (
            "jsonl.malformed",
            format!("expected {{\"text\": \"...\", \"lang\": \"fr\"|\"en\"}}: {e}"),
        )
    })?;
    let mut settings = base.clone();
    if let Some(l) = inp.lang {
        settings.lang = Some(Lang::from_id(&l).ok_or((
            "tone.unknown_lang",
            format!("lang must be \"fr\" or \"en\", not {l:?}"),
        ))?);
    }
    if let Some(r) = inp.register {
        settings.register = Some(r);
    }
    if let Some(p) = inp.platform {
        settings.platform = Some(
            Platform::from_id(&p).ok_or(("platform.unknown", format!("unknown platform {p:?}")))?,
        );
    }
    let reply = inp.reply_to.as_deref().map(|r| reply_context(r, &settings));
    Ok(to_json(&analyse(&inp.text, &settings, reply.as_ref())))
}

fn run_jsonl(settings: &ToneSettings) -> Result<ExitCode, CliError> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut any_bad = false;
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    let io_err = |source| CliError::Io {
        path: "standard output".into(),
        source,
    };
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
            Ok(l) => one_line(l.trim_end_matches(['\n', '\r']), settings),
            Err(_) => Err(("jsonl.not-utf8", "the line is not valid UTF-8".to_string())),
        };
        match result {
            Ok(json) => writeln!(out, "{json}").map_err(io_err)?,
            Err((code, message)) => {
                any_bad = true;
                let e = serde_json::json!({
                    "error": {"code": code, "message": message, "line": line_no}
                });
                writeln!(out, "{e}").map_err(io_err)?;
            }
        }
    }
    out.flush().map_err(io_err)?;
    Ok(if any_bad {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
