//! Rendering a parsed template: pure, from the reply context, the moment and the values the
//! user gave. A known variable with no value and no fallback is left out with the space before
//! it (« Merci {{prenom}} ! » → « Merci ! ») and listed in `left_out`; the caret position, the
//! fill-in fields and the choices are returned for the UI. `render_template` also picks the
//! language variant, counts the length for a platform, and falls back to the short variant when
//! the main text does not fit.

use super::dates::{format_date, format_time, format_weekday, Moment};
use super::model::{Lang, Template};
use super::names::{first_name, full_name};
use super::parse::{parse, Node, ParseError, Parsed, Span, Var};
use crate::length::{count_with, CountOptions, LengthReport};
use crate::platform::Platform;
use std::collections::BTreeMap;

/// What a template is rendered with (everything but the moment is optional).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderContext {
    /// The language of the text rendered (for `render_template`: the user's setting).
    pub lang: Lang,
    /// The language of the comment answered, a BCP 47 tag, when known.
    pub comment_lang: Option<String>,
    /// Now, in the user's UTC offset.
    pub now: Moment,
    /// The display name of the person answered.
    pub author: Option<String>,
    pub handle: Option<String>,
    /// The brand's name on this network (from the settings).
    pub brand: Option<String>,
    pub url: Option<String>,
    pub page_title: Option<String>,
}

impl RenderContext {
    /// A context with only a language and a moment.
    pub fn new(lang: Lang, now: Moment) -> Self {
        RenderContext {
            lang,
            comment_lang: None,
            now,
            author: None,
            handle: None,
            brand: None,
            url: None,
            page_title: None,
        }
    }
}

/// What the user filled in: fill-in fields by name, and the option picked for each choice (by
/// order of the choices in the text; the first option when absent).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
pub struct Values {
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    #[serde(default)]
    pub choices: Vec<usize>,
}

/// A variable left out for want of a value: its id (`first_name`, or the field's name) and its
/// place in the body.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LeftOut {
    pub name: String,
    pub start: u32,
    pub end: u32,
}

/// The result of a render.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Rendered {
    pub text: String,
    /// Where the caret ends (UTF-16 offset in `text`), when the template has `{{curseur}}`.
    pub cursor: Option<u32>,
    /// The fill-in fields the template asks, in order, each once.
    pub fields: Vec<String>,
    /// Each choice's options, in order (the first is the default).
    pub choices: Vec<Vec<String>>,
    pub left_out: Vec<LeftOut>,
    /// Parse errors; the erroneous parts stay in `text` as written.
    pub errors: Vec<ParseError>,
    /// The language rendered in.
    pub lang: Lang,
    /// The short variant was used.
    pub short: bool,
    /// The length report, when a platform was given.
    pub length: Option<LengthReport>,
}

fn some(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn is_hspace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}')
}

/// Renders a parsed template in `ctx.lang`.
pub fn render(t: &Parsed, ctx: &RenderContext, values: &Values) -> Rendered {
    let mut out = String::new();
    let mut cursor = None;
    let mut fields: Vec<String> = Vec::new();
    let mut choices = Vec::new();
    let mut left_out = Vec::new();
    let mut skip_space = false;
    let author = some(&ctx.author);
    // the names are read from the display name once, however often the template uses them
    let mut first: Option<Option<String>> = None;
    let mut full: Option<Option<String>> = None;
    for node in &t.nodes {
        let value: Option<String> = match node {
            Node::Text(s) => {
                let s = match (skip_space, s.chars().next()) {
                    (true, Some(c)) if is_hspace(c) => &s[c.len_utf8()..],
                    _ => s.as_str(),
                };
                out.push_str(s);
                skip_space = false;
                continue;
            }
            Node::Cursor => {
                cursor.get_or_insert(out.len());
                continue;
            }
            Node::Choice(options) => {
                let k = values.choices.get(choices.len()).copied().unwrap_or(0);
                let v = options.get(k).or(options.first()).cloned();
                choices.push(options.clone());
                v
            }
            Node::Field {
                name,
                fallback,
                span,
            } => {
                if !fields.contains(name) {
                    fields.push(name.clone());
                }
                let v = values
                    .fields
                    .get(name)
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty());
                resolve(v, fallback, name, *span, &mut left_out)
            }
            Node::Var {
                var,
                fallback,
                span,
            } => {
                let v = match var {
                    Var::FirstName => first
                        .get_or_insert_with(|| author.and_then(first_name))
                        .clone(),
                    Var::FullName => full
                        .get_or_insert_with(|| author.map(full_name).filter(|s| !s.is_empty()))
                        .clone(),
                    Var::Handle => some(&ctx.handle).map(|h| {
                        if h.starts_with('@') {
                            h.to_string()
                        } else {
                            format!("@{h}")
                        }
                    }),
                    Var::Brand => some(&ctx.brand).map(str::to_string),
                    Var::Url => some(&ctx.url).map(str::to_string),
                    Var::PageTitle => some(&ctx.page_title).map(str::to_string),
                    Var::Date(s) => Some(format_date(ctx.now.shifted(*s), ctx.lang)),
                    Var::Weekday(s) => {
                        Some(format_weekday(ctx.now.shifted(*s), ctx.lang).to_string())
                    }
                    Var::Time => Some(format_time(ctx.now.minute, ctx.lang)),
                };
                resolve(v, fallback, var.id(), *span, &mut left_out)
            }
        };
        match value.filter(|v| !v.is_empty()) {
            Some(v) => out.push_str(&v),
            // left out: with the space before it, or the one after it at the start of a line
            None => match out.chars().next_back() {
                Some(c) if is_hspace(c) => {
                    out.truncate(out.len() - c.len_utf8());
                    if let Some(k) = cursor.as_mut() {
                        *k = (*k).min(out.len());
                    }
                }
                None | Some('\n') => skip_space = true,
                _ => {}
            },
        }
    }
    let cursor = cursor.map(|b: usize| crate::text::byte_to_utf16(&out, b.min(out.len())));
    Rendered {
        text: out,
        cursor,
        fields,
        choices,
        left_out,
        errors: t.errors.clone(),
        lang: ctx.lang,
        short: false,
        length: None,
    }
}

fn resolve(
    v: Option<String>,
    fallback: &Option<String>,
    name: &str,
    span: Span,
    left_out: &mut Vec<LeftOut>,
) -> Option<String> {
    v.or_else(|| {
        if fallback.is_none() {
            left_out.push(LeftOut {
                name: name.to_string(),
                start: span.start,
                end: span.end,
            });
        }
        fallback.clone()
    })
}

/// Renders a template: the variant in the comment's language or the user's (`ctx.lang`), the
/// length for `platform` when given, and the short variant when the main text does not fit.
pub fn render_template(
    t: &Template,
    ctx: &RenderContext,
    values: &Values,
    platform: Option<(Platform, &CountOptions)>,
) -> Rendered {
    let (lang, body, short) = t.pick(ctx.comment_lang.as_deref(), ctx.lang);
    let ctx = RenderContext {
        lang,
        ..ctx.clone()
    };
    let mut r = render(&parse(body), &ctx, values);
    if let Some((p, opts)) = platform {
        let report = count_with(&r.text, p, opts);
        match short {
            Some(s) if !report.valid => {
                r = render(&parse(s), &ctx, values);
                r.short = true;
                r.length = Some(count_with(&r.text, p, opts));
            }
            _ => r.length = Some(report),
        }
    }
    r
}
