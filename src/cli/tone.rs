//! `porte-voix tone`: the tone of a text (a human summary), or of JSON lines
//! `{"text": "...", "lang": "fr", "reply_to": "..."}` (one report line per input line).

use std::process::ExitCode;

use super::jsonl::{self, Answer, Lines, Rejected};
use super::{platform_value, read_input, to_json, CliError, Out};
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
                a.settings.platform = Some(platform_value(parser)?);
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
    let mut out = Out::stdout();
    out.line(if a.json {
        to_json(&r)
    } else {
        human(&text, &r)
    })?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
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

fn one_line(inp: JsonlInput, base: &ToneSettings) -> Result<String, Rejected> {
    let mut settings = base.clone();
    if let Some(l) = inp.lang {
        settings.lang = Some(Lang::from_id(&l).ok_or_else(|| {
            Rejected::new(
                "tone.unknown_lang",
                format!("lang must be \"fr\" or \"en\", not {l:?}"),
            )
        })?);
    }
    if let Some(r) = inp.register {
        settings.register = Some(r);
    }
    if let Some(p) = inp.platform {
        settings.platform =
            Some(Platform::from_id(&p).ok_or_else(|| {
                Rejected::new("platform.unknown", format!("unknown platform {p:?}"))
            })?);
    }
    let reply = inp.reply_to.as_deref().map(|r| reply_context(r, &settings));
    Ok(to_json(&analyse(&inp.text, &settings, reply.as_ref())))
}

fn run_jsonl(settings: &ToneSettings) -> Result<ExitCode, CliError> {
    let lines = Lines {
        expected: r#"{"text": "...", "lang": "fr"|"en"}"#,
    };
    jsonl::run(&lines, |inp| {
        Ok(Answer {
            json: one_line(inp, settings)?,
            failing: false,
        })
    })
}
