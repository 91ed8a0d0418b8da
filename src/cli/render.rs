//! `porte-voix render --jsonl`: one JSON object per input line (a template and its context),
//! one rendered result per output line, in order.

use std::collections::BTreeMap;
use std::process::ExitCode;

use super::jsonl::{self, Answer, Lines, Rejected};
use super::{to_json, CliError};
use porte_voix::length::{count_with, CountOptions};
use porte_voix::platform::Platform;
use porte_voix::template::{parse, render, Lang, Moment, RenderContext, Values};

pub struct RenderArgs;

/// Parses `render`'s arguments (after the word `render`); `None` for `--help`.
pub fn parse_args(parser: &mut lexopt::Parser) -> Result<Option<RenderArgs>, CliError> {
    use lexopt::prelude::*;
    let mut jsonl = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Long("jsonl") => jsonl = true,
            other => return Err(other.unexpected().into()),
        }
    }
    if !jsonl {
        return Err(CliError::Usage(
            "render reads JSON lines on standard input: give --jsonl".into(),
        ));
    }
    Ok(Some(RenderArgs))
}

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Context {
    author: Option<String>,
    handle: Option<String>,
    brand: Option<String>,
    url: Option<String>,
    page_title: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    template: String,
    lang: Option<String>,
    now: Option<String>,
    #[serde(default)]
    context: Context,
    #[serde(default)]
    values: BTreeMap<String, String>,
    #[serde(default)]
    choices: Vec<usize>,
    platform: Option<String>,
}

/// Now on this machine, in its time zone.
fn machine_now() -> Option<Moment> {
    use chrono::{Datelike, Timelike};
    let now = chrono::Local::now();
    let offset = now.offset().local_minus_utc() / 60;
    Moment::new(
        now.year() as i64,
        now.month(),
        now.day(),
        now.hour(),
        now.minute(),
        i16::try_from(offset).ok()?,
    )
}

/// One output line, keys in this order.
#[derive(serde::Serialize)]
struct Output<'a> {
    text: &'a str,
    cursor: Option<u32>,
    fields: &'a [String],
    choices: &'a [Vec<String>],
    left_out: &'a [porte_voix::template::render::LeftOut],
    errors: &'a [porte_voix::template::ParseError],
    length: Option<&'a porte_voix::length::LengthReport>,
}

fn one(inp: Input) -> Result<Answer, Rejected> {
    let lang = match inp.lang.as_deref() {
        None => Lang::FrCa,
        Some(tag) => Lang::from_tag(tag).ok_or_else(|| {
            Rejected::new(
                "template.unknown_lang",
                format!("unknown language `{tag}` (fr-CA, fr-FR or en)"),
            )
        })?,
    };
    let now = match inp.now.as_deref() {
        None => machine_now()
            .ok_or_else(|| Rejected::new("cli.clock", "the machine's clock is out of range"))?,
        Some(s) => Moment::parse(s).ok_or_else(|| {
            Rejected::new(
                "template.bad_moment",
                format!("`{s}` is not a moment like 2026-11-24T10:00:00-05:00"),
            )
        })?,
    };
    let platform = match inp.platform.as_deref() {
        None => None,
        Some(id) => Some(Platform::from_id(&id.to_ascii_lowercase()).ok_or_else(|| {
            Rejected::new(
                "platform.unknown",
                format!("unknown platform `{id}` (see `porte-voix platforms`)"),
            )
        })?),
    };
    let ctx = RenderContext {
        author: inp.context.author,
        handle: inp.context.handle,
        brand: inp.context.brand,
        url: inp.context.url,
        page_title: inp.context.page_title,
        ..RenderContext::new(lang, now)
    };
    let values = Values {
        fields: inp.values,
        choices: inp.choices,
    };
    let mut r = render(&parse(&inp.template), &ctx, &values);
    if let Some(p) = platform {
        r.length = Some(count_with(&r.text, p, &CountOptions::default()));
    }
    let out = Output {
        text: &r.text,
        cursor: r.cursor,
        fields: &r.fields,
        choices: &r.choices,
        left_out: &r.left_out,
        errors: &r.errors,
        length: r.length.as_ref(),
    };
    Ok(Answer {
        json: to_json(&out),
        failing: !r.errors.is_empty(),
    })
}

pub fn run(_: RenderArgs) -> Result<ExitCode, CliError> {
    let lines = Lines {
        expected: r#"{"template": "...", ...}"#,
    };
    jsonl::run(&lines, one)
}
