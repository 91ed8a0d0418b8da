//! Lint of a library: every text of every template parses (known variables, closed, named),
//! the trigger has its shape, and each language's text fits each of the template's networks
//! when rendered with a long sample context (a long name, brand, link and page title, long
//! field values, the longest option of each choice); the short variant is taken when the main
//! text does not fit, as at insertion. Problems are data (codes and places) for the command
//! line and the library page alike.

use super::dates::Moment;
use super::model::{Lang, Template};
use super::parse::{parse, Node};
use super::render::{render, RenderContext, Values};
use crate::length::{count_with, CountOptions};
use crate::platform::Platform;
use serde::Serialize;

/// One problem of a template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// `template.unknown_variable`, `template.too_long`, `template.trigger_invalid`…
    pub code: &'static str,
    /// The language of the text (none: the main body's, unsaid).
    pub lang: Option<Lang>,
    /// The problem is in the short variant.
    pub short: bool,
    /// UTF-16 place in the text, for a parse error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<u32>,
    /// For `template.too_long`: the network, the length and the limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl Problem {
    fn new(code: &'static str, lang: Option<Lang>, short: bool) -> Self {
        Problem {
            code,
            lang,
            short,
            start: None,
            end: None,
            platform: None,
            length: None,
            limit: None,
        }
    }
}

/// The long sample context templates are checked with: a 15-letter compound first name, a
/// long brand, handle, link and page title, at a moment whose date and time are among the
/// longest to write.
pub fn sample_context(lang: Lang) -> RenderContext {
    let now = Moment::new(2026, 9, 27, 23, 59, -240).unwrap_or(Moment {
        day: 0,
        minute: 0,
        offset: 0,
    });
    RenderContext {
        author: Some("Dre Marie-Christine Vaillancourt-Beauchemin, PhD".into()),
        handle: Some("@marie_christine_vaillancourt".into()),
        brand: Some("Boulangerie artisanale du Vieux-Québec".into()),
        url: Some(
            "https://www.boutique-exemple.ca/aide/commandes/suivi-de-livraison?ref=reseaux".into(),
        ),
        page_title: Some(
            "Nouvelle collection automne-hiver : les incontournables de la saison".into(),
        ),
        ..RenderContext::new(lang, now)
    }
}

/// A long value for a fill-in field (24 characters).
pub const SAMPLE_FIELD: &str = "ABCD-1234-EFGH-5678-IJKL";

fn sample_values(nodes: &[Node]) -> Values {
    let mut v = Values::default();
    for n in nodes {
        match n {
            Node::Field { name, .. } => {
                v.fields.insert(name.clone(), SAMPLE_FIELD.into());
            }
            Node::Choice(options) => {
                let longest = (0..options.len())
                    .max_by_key(|&i| options[i].chars().count())
                    .unwrap_or(0);
                v.choices.push(longest);
            }
            _ => {}
        }
    }
    v
}

/// Every problem of one template.
pub fn lint(t: &Template, opts: &CountOptions) -> Vec<Problem> {
    let mut out = Vec::new();
    if t.check_trigger().is_err() {
        out.push(Problem::new("template.trigger_invalid", t.lang, false));
    }
    let mut langs: Vec<(Option<Lang>, &str, Option<&str>)> =
        vec![(t.lang, &t.body, t.short.as_deref())];
    langs.extend(
        t.variants
            .iter()
            .map(|v| (Some(v.lang), v.body.as_str(), v.short.as_deref())),
    );
    for (lang, body, short) in langs {
        let ctx = sample_context(lang.unwrap_or(Lang::FrCa));
        let main = parse(body);
        let short = short.map(parse);
        for (p, is_short) in std::iter::once((&main, false)).chain(short.iter().map(|s| (s, true)))
        {
            for e in &p.errors {
                out.push(Problem {
                    start: Some(e.start),
                    end: Some(e.end),
                    ..Problem::new(e.code.into(), lang, is_short)
                });
            }
        }
        for &platform in &t.networks {
            let mut report = None;
            for (p, is_short) in
                std::iter::once((&main, false)).chain(short.iter().map(|s| (s, true)))
            {
                let text = render(p, &ctx, &sample_values(&p.nodes)).text;
                let r = count_with(&text, platform, opts);
                let fits = r.valid;
                report = Some((r, is_short));
                if fits {
                    break;
                }
            }
            if let Some((r, is_short)) = report.filter(|(r, _)| !r.valid) {
                out.push(Problem {
                    platform: Some(platform),
                    length: Some(r.length),
                    limit: Some(r.limit),
                    ..Problem::new("template.too_long", lang, is_short)
                });
            }
        }
    }
    out
}
