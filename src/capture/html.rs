//! The command line's collector: a saved HTML page → `Candidates`, with html5ever's tokenizer
//! (spec-conforming, decodes character references in text and attributes, and knows that what
//! looks like a tag inside `<script>` is not one). Native only; the browser collects the same
//! candidates from its DOM.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, EndTag, StartTag, Tag, TagToken, Token, TokenSink,
    TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::candidates::{Candidates, Link, Meta};

/// How much visible text is kept for telling the language.
const SAMPLE_CHARS: usize = 4000;

#[derive(Clone, Copy, PartialEq)]
enum Capturing {
    Title,
    H1,
    JsonLd,
    ItemDate,
}

#[derive(Default)]
struct State {
    c: Candidates,
    /// What the current text run belongs to, the element that ends it, and the text so far.
    capturing: Option<(Capturing, String, String)>,
    /// Inside `<script>`, `<style>` and other raw-text elements whose text is not shown.
    in_hidden: bool,
    in_body: bool,
    sample_len: usize,
}

struct Sink {
    state: RefCell<State>,
}

fn attr<'a>(tag: &'a Tag, name: &str) -> Option<&'a str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

impl State {
    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name = &*tag.name;
        match name {
            "html" if self.c.html_lang.is_none() => {
                self.c.html_lang = attr(tag, "lang").map(str::to_string);
            }
            "base" if self.c.base_href.is_none() => {
                self.c.base_href = attr(tag, "href").map(str::to_string);
            }
            "meta" => {
                if let Some(content) = attr(tag, "content") {
                    for key_attr in ["property", "name"] {
                        if let Some(k) = attr(tag, key_attr) {
                            self.c.meta.push(Meta {
                                key: k.trim().to_ascii_lowercase(),
                                content: content.to_string(),
                            });
                        }
                    }
                    if let Some(k) = attr(tag, "http-equiv") {
                        self.c.meta.push(Meta {
                            key: format!("http-equiv:{}", k.trim().to_ascii_lowercase()),
                            content: content.to_string(),
                        });
                    }
                    if attr(tag, "itemprop") == Some("datePublished") {
                        self.c.item_date_published.push(content.to_string());
                    }
                }
            }
            "link" => {
                if let (Some(rel), Some(href)) = (attr(tag, "rel"), attr(tag, "href")) {
                    self.c.links.push(Link {
                        rel: rel.to_string(),
                        href: href.to_string(),
                    });
                }
            }
            "time" if tag.attrs.iter().any(|a| &*a.name.local == "pubdate") => {
                if let Some(dt) = attr(tag, "datetime") {
                    self.c.time_pubdate.push(dt.to_string());
                }
            }
            _ => {}
        }
        if name != "meta" && attr(tag, "itemprop") == Some("datePublished") {
            match attr(tag, "content").or_else(|| attr(tag, "datetime")) {
                Some(v) => self.c.item_date_published.push(v.to_string()),
                None if self.capturing.is_none() && !tag.self_closing => {
                    self.capturing = Some((Capturing::ItemDate, name.to_string(), String::new()));
                }
                None => {}
            }
        }
        match name {
            "title" => {
                if self.c.title.is_none() && self.capturing.is_none() {
                    self.capturing = Some((Capturing::Title, "title".into(), String::new()));
                }
                self.in_hidden = true;
                TokenSinkResult::RawData(RawKind::Rcdata)
            }
            "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            "script" => {
                let ld = attr(tag, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if ld && self.capturing.is_none() {
                    self.capturing = Some((Capturing::JsonLd, "script".into(), String::new()));
                }
                self.in_hidden = true;
                TokenSinkResult::RawData(RawKind::ScriptData)
            }
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                self.in_hidden = true;
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "plaintext" => TokenSinkResult::Plaintext,
            "h1" if self.c.first_h1.is_none() && self.capturing.is_none() => {
                self.capturing = Some((Capturing::H1, "h1".into(), String::new()));
                self.in_body = true;
                TokenSinkResult::Continue
            }
            "body" | "main" | "article" | "section" | "div" | "p" | "h1" | "h2" => {
                self.in_body = true;
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }

    fn end(&mut self, name: &str) {
        if matches!(
            name,
            "title" | "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
        ) {
            self.in_hidden = false;
        }
        let done = matches!(&self.capturing, Some((_, until, _)) if until == name);
        if done {
            if let Some((what, _, text)) = self.capturing.take() {
                match what {
                    Capturing::Title => self.c.title = Some(text),
                    Capturing::H1 => self.c.first_h1 = Some(text),
                    Capturing::JsonLd => self.c.json_ld.push(text),
                    Capturing::ItemDate => self.c.item_date_published.push(text),
                }
            }
        }
    }

    fn text(&mut self, s: &str) {
        if let Some((_, _, text)) = &mut self.capturing {
            text.push_str(s);
        }
        if !self.in_hidden && self.in_body && self.sample_len < SAMPLE_CHARS {
            let sample = self.c.text_sample.get_or_insert_with(String::new);
            sample.push_str(s);
            self.sample_len += s.chars().count();
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut st = self.state.borrow_mut();
        match token {
            TagToken(tag) => match tag.kind {
                StartTag => return st.start(&tag),
                EndTag => st.end(&tag.name),
            },
            CharacterTokens(t) => st.text(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The candidates a saved page declares; `page_url` is where it was saved from.
pub fn collect(html: &str, page_url: &str) -> Candidates {
    let sink = Sink {
        state: RefCell::new(State::default()),
    };
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut st = tokenizer.sink.state.take();
    // an element still open at the end of the file ends there
    if let Some(until) = st.capturing.as_ref().map(|(_, until, _)| until.clone()) {
        st.end(&until);
    }
    let mut c = st.c;
    c.page_url = page_url.to_string();
    c.text_sample = c
        .text_sample
        .map(|s| super::text::collapse_whitespace(&s))
        .filter(|s| !s.is_empty());
    c
}
