//! What a page declares, collected without judging it (the browser collects it from the DOM, the
//! command line from a saved file with `html`), and the list of sources each field is chosen
//! from, in order of preference. The list is data: both collectors and the choice read it.

use serde::{Deserialize, Serialize};

/// One `<meta>`: its `name`, `property` or `itemprop` (an `http-equiv` is recorded with the key
/// `http-equiv:<value>`), and its `content`, as the page gives them (attribute values decoded).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub key: String,
    pub content: String,
}

/// One `<link>`: its `rel` (as written; a list of words) and `href`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub rel: String,
    pub href: String,
}

/// Everything the choice may use, in document order within each list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Candidates {
    /// The page's address as the browser shows it.
    pub page_url: String,
    /// The first `<base href>`.
    pub base_href: Option<String>,
    /// `<html lang>`.
    pub html_lang: Option<String>,
    /// The text of the first `<title>`.
    pub title: Option<String>,
    /// The text of the first `<h1>`.
    pub first_h1: Option<String>,
    pub meta: Vec<Meta>,
    pub links: Vec<Link>,
    /// The raw text of each `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// `itemprop="datePublished"` outside `<meta>`: its `content`, else `datetime`, else its text.
    pub item_date_published: Vec<String>,
    /// The `datetime` of each `<time pubdate>`.
    pub time_pubdate: Vec<String>,
    /// Some of the page's visible text, for telling its language when it does not say.
    pub text_sample: Option<String>,
    /// The text the user selected, if any.
    pub selection: Option<String>,
}

/// Where a field's value may come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A `<meta>` by name or property (compared without regard to case).
    Meta(&'static str),
    /// A `<meta>` whose value is not a URL (`article:author` is often a profile link).
    MetaNotUrl(&'static str),
    /// `<meta http-equiv>`.
    HttpEquiv(&'static str),
    /// The first `<title>`.
    TitleElement,
    /// The first `<h1>`.
    FirstH1,
    /// A field of the page's JSON-LD.
    JsonLd(LdField),
    /// A `<link rel>`.
    LinkRel(&'static str),
    /// `itemprop="datePublished"`.
    ItemDatePublished,
    /// `<time pubdate datetime>`.
    TimePubdate,
    /// `<html lang>`.
    HtmlLang,
    /// The language told from the page's text.
    DetectedLanguage,
    /// The page's own address.
    PageUrl,
}

/// The JSON-LD fields the choice reads (of the main entity: an article, a video, a page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LdField {
    Description,
    Image,
    DatePublished,
    Author,
    PublisherName,
    WebSiteName,
}

use LdField as L;
use Source::*;

pub const TITLE: &[Source] = &[
    Meta("og:title"),
    Meta("twitter:title"),
    TitleElement,
    FirstH1,
];
pub const DESCRIPTION: &[Source] = &[
    Meta("og:description"),
    Meta("twitter:description"),
    Meta("description"),
    JsonLd(L::Description),
];
pub const IMAGE: &[Source] = &[
    Meta("og:image"),
    Meta("og:image:url"),
    Meta("twitter:image"),
    Meta("twitter:image:src"),
    JsonLd(L::Image),
    LinkRel("image_src"),
];
pub const CANONICAL: &[Source] = &[LinkRel("canonical"), Meta("og:url"), PageUrl];
pub const SITE_NAME: &[Source] = &[
    Meta("og:site_name"),
    Meta("application-name"),
    JsonLd(L::PublisherName),
    JsonLd(L::WebSiteName),
];
pub const AUTHOR: &[Source] = &[
    Meta("author"),
    MetaNotUrl("article:author"),
    JsonLd(L::Author),
    Meta("dc.creator"),
    Meta("dcterms.creator"),
];
pub const PUBLISHED: &[Source] = &[
    Meta("article:published_time"),
    JsonLd(L::DatePublished),
    ItemDatePublished,
    TimePubdate,
];
pub const LANGUAGE: &[Source] = &[
    HtmlLang,
    Meta("og:locale"),
    HttpEquiv("content-language"),
    DetectedLanguage,
];

/// Every field with its sources, for collectors that want to read only what is used.
pub const FIELDS: &[(&str, &[Source])] = &[
    ("title", TITLE),
    ("description", DESCRIPTION),
    ("image", IMAGE),
    ("canonical", CANONICAL),
    ("site_name", SITE_NAME),
    ("author", AUTHOR),
    ("published", PUBLISHED),
    ("lang", LANGUAGE),
];

/// The `<meta>` keys (lower case) any field reads: a collector may keep only these.
pub fn meta_keys() -> Vec<String> {
    let mut keys = Vec::new();
    for (_, sources) in FIELDS {
        for s in *sources {
            let key = match s {
                Meta(k) | MetaNotUrl(k) => k.to_string(),
                HttpEquiv(k) => format!("http-equiv:{k}"),
                _ => continue,
            };
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

/// The `<link rel>` words any field reads.
pub fn link_rels() -> Vec<&'static str> {
    FIELDS
        .iter()
        .flat_map(|(_, s)| s.iter())
        .filter_map(|s| match s {
            LinkRel(r) => Some(*r),
            _ => None,
        })
        .collect()
}
