//! The choice: from a page's candidates to the item's metadata, field by field in the order of
//! `candidates.rs`. Pure; both engines and the command line call this same function.

use serde::{Deserialize, Serialize};

use super::candidates::{self as src, Candidates, Source};
use super::clean::clean_url;
use super::date::normalize_published;
use super::jsonld::Graph;
use super::lang::{detect, primary_subtag};
use super::resolve::{is_web_url, resolve};
use super::text::{clean_value, collapse_whitespace};

/// What a capture keeps of a page. Every value as the page declares it (entities decoded,
/// whitespace collapsed); `url` and `canonical` absolute and cleaned; `image` absolute and
/// otherwise untouched; `published` in UTC when the page gave an offset.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capture {
    pub url: String,
    pub canonical: String,
    pub title: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub site_name: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    /// The selected text, quoted with its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
}

/// A passage the user selected on the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The text, each line collapsed, blank lines dropped.
    pub text: String,
    /// Where it comes from: the page's canonical address.
    pub source: String,
}

struct Ctx<'a> {
    c: &'a Candidates,
    url: String,
    base: String,
    graph: Graph,
}

fn looks_like_url(v: &str) -> bool {
    v.contains("://") || v.starts_with("//") || v.starts_with("www.")
}

impl Ctx<'_> {
    fn meta(&self, key: &str) -> Option<String> {
        self.meta_where(key, |_| true)
    }

    /// The first value of a `<meta>` key that passes `keep`.
    fn meta_where(&self, key: &str, keep: impl Fn(&str) -> bool) -> Option<String> {
        self.c
            .meta
            .iter()
            .filter(|m| m.key.trim().eq_ignore_ascii_case(key))
            .filter_map(|m| clean_value(&m.content))
            .find(|v| keep(v))
    }

    fn link(&self, rel: &str) -> Option<&str> {
        self.c
            .links
            .iter()
            .find(|l| {
                l.rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case(rel))
                    && !l.href.trim().is_empty()
            })
            .map(|l| l.href.as_str())
    }

    /// The raw value of one source (before the field's own treatment).
    fn raw(&self, s: Source) -> Option<String> {
        match s {
            Source::Meta(k) => self.meta(k),
            Source::MetaNotUrl(k) => self.meta_where(k, |v| !looks_like_url(v)),
            Source::HttpEquiv(k) => self.meta(&format!("http-equiv:{k}")),
            Source::TitleElement => self.c.title.as_deref().and_then(clean_value),
            Source::FirstH1 => self.c.first_h1.as_deref().and_then(clean_value),
            Source::JsonLd(f) => self.graph.field(f),
            Source::LinkRel(r) => self.link(r).map(str::to_string),
            Source::ItemDatePublished => self
                .c
                .item_date_published
                .iter()
                .find_map(|v| clean_value(v)),
            Source::TimePubdate => self.c.time_pubdate.iter().find_map(|v| clean_value(v)),
            Source::HtmlLang => self.c.html_lang.clone(),
            Source::DetectedLanguage => None,
            Source::PageUrl => Some(self.url.clone()),
        }
    }

    fn text(&self, sources: &[Source]) -> Option<String> {
        sources.iter().find_map(|s| self.raw(*s))
    }

    fn web_url(&self, sources: &[Source], clean: bool) -> Option<String> {
        sources.iter().find_map(|s| {
            if *s == Source::PageUrl {
                return Some(self.url.clone());
            }
            let abs = resolve(&self.base, &self.raw(*s)?).filter(|u| is_web_url(u))?;
            Some(if clean { clean_url(&abs) } else { abs })
        })
    }

    fn published(&self) -> Option<String> {
        src::PUBLISHED.iter().find_map(|s| match s {
            Source::ItemDatePublished => self
                .c
                .item_date_published
                .iter()
                .find_map(|v| normalize_published(v)),
            Source::TimePubdate => self
                .c
                .time_pubdate
                .iter()
                .find_map(|v| normalize_published(v)),
            other => self.raw(*other).and_then(|v| normalize_published(&v)),
        })
    }

    fn lang(&self, title: Option<&str>, description: Option<&str>) -> Option<String> {
        src::LANGUAGE.iter().find_map(|s| match s {
            Source::DetectedLanguage => {
                let text = [title, description, self.c.text_sample.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                detect(&text).map(str::to_string)
            }
            other => self.raw(*other).and_then(|v| primary_subtag(&v)),
        })
    }
}

fn quote_text(selection: &str) -> Option<String> {
    let lines: Vec<String> = selection
        .lines()
        .map(collapse_whitespace)
        .filter(|l| !l.is_empty())
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The item's metadata chosen from a page's candidates.
pub fn choose(c: &Candidates) -> Capture {
    let page = c.page_url.trim();
    let url = clean_url(page);
    let base = c
        .base_href
        .as_deref()
        .and_then(|b| resolve(page, b))
        .filter(|b| is_web_url(b))
        .unwrap_or_else(|| page.to_string());
    let ctx = Ctx {
        c,
        url,
        base,
        graph: Graph::parse(&c.json_ld),
    };
    let title = ctx.text(src::TITLE);
    let description = ctx.text(src::DESCRIPTION);
    let canonical = ctx
        .web_url(src::CANONICAL, true)
        .unwrap_or_else(|| ctx.url.clone());
    let lang = ctx.lang(title.as_deref(), description.as_deref());
    let quote = c
        .selection
        .as_deref()
        .and_then(quote_text)
        .map(|text| Quote {
            text,
            source: canonical.clone(),
        });
    Capture {
        image: ctx.web_url(src::IMAGE, false),
        site_name: ctx.text(src::SITE_NAME),
        author: ctx.text(src::AUTHOR),
        published: ctx.published(),
        url: ctx.url.clone(),
        canonical,
        title,
        description,
        lang,
        quote,
    }
}
