//! The reply context of the composer followed: the comment or post it answers (its author's
//! display name and handle, its text and language), found from the composer outwards with the
//! site's selectors (`sites::ReplyContext`). Everything is read as text (`textContent`), never as
//! markup, and goes on as text: a name that looks like HTML is inserted as written.
//!
//! Search order: from the composer's parent up to the body, the first ancestor holding a
//! container (a comment, a post) that precedes the composer or holds it; of those, the nearest
//! one before the composer. Nothing here runs between keystrokes: only when a template is
//! rendered, and once per composer for the tone checks.

use crate::sites::{clean_text, handle_in, handle_in_link, ReplyContext, Site};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// What the composer answers, as read from the page.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Answered {
    pub author: Option<String>,
    pub handle: Option<String>,
    pub text: Option<String>,
    /// The `lang` attribute of the text answered (or of its nearest ancestor inside the
    /// container), when the network marks it.
    pub lang: Option<String>,
}

/// Ancestors searched at most, from the composer up.
const MAX_LEVELS: u32 = 24;

/// The reply context of `composer` on `site` (empty when nothing is found).
pub fn read(site: &Site, composer: &Element) -> Answered {
    match container(&site.reply, composer) {
        Some(c) => read_in(&site.reply, &c, composer),
        None => Answered::default(),
    }
}

/// The container answered: the nearest preceding (or enclosing) one at the lowest level.
fn container(r: &ReplyContext, composer: &Element) -> Option<Element> {
    let mut level = composer.parent_element();
    let mut n = 0;
    while let Some(ancestor) = level {
        for sel in r.containers {
            if let Some(found) = last_before(&ancestor, sel, composer) {
                return Some(found);
            }
        }
        if ancestor.tag_name().eq_ignore_ascii_case("body") || n >= MAX_LEVELS {
            break;
        }
        level = ancestor.parent_element();
        n += 1;
    }
    None
}

/// The last element under `root` (or `root` itself) matching `sel` that precedes `composer` or
/// holds it, and is not inside it.
fn last_before(root: &Element, sel: &str, composer: &Element) -> Option<Element> {
    if root.matches(sel).unwrap_or(false) {
        return Some(root.clone());
    }
    let list = root.query_selector_all(sel).ok()?;
    let composer_node: &Node = composer.as_ref();
    (0..list.length()).rev().find_map(|i| {
        let el = list.item(i)?.dyn_into::<Element>().ok()?;
        if composer.contains(Some(&el)) {
            return None;
        }
        let pos = el.compare_document_position(composer_node);
        (pos & Node::DOCUMENT_POSITION_FOLLOWING != 0).then_some(el)
    })
}

/// The first element matching one of `sels` in `container` (not inside the composer) whose text
/// is not empty, with that text.
fn first_text(
    container: &Element,
    sels: &[&str],
    composer: &Element,
    take: fn(&str) -> Option<String>,
) -> Option<(Element, String)> {
    first_read(container, sels, composer, |el| {
        take(&el.text_content().unwrap_or_default())
    })
}

/// The first element matching one of `sels` in `container` (not inside the composer) of which
/// `read` gives something, with it.
fn first_read(
    container: &Element,
    sels: &[&str],
    composer: &Element,
    read: impl Fn(&Element) -> Option<String>,
) -> Option<(Element, String)> {
    sels.iter().find_map(|sel| {
        let list = container.query_selector_all(sel).ok()?;
        (0..list.length()).find_map(|i| {
            let el = list.item(i)?.dyn_into::<Element>().ok()?;
            if composer.contains(Some(&el)) || el.contains(Some(composer)) {
                return None;
            }
            let text = read(&el)?;
            Some((el, text))
        })
    })
}

fn read_in(r: &ReplyContext, container: &Element, composer: &Element) -> Answered {
    let author = first_text(container, r.name, composer, clean_text).map(|(_, t)| t);
    // the handle shown as text, else the one in a profile link's address (the attribute as
    // written, read as text)
    let handle = first_text(container, r.handle, composer, handle_in)
        .or_else(|| {
            first_read(container, r.handle_links, composer, |el| {
                handle_in_link(&el.get_attribute("href")?)
            })
        })
        .map(|(_, t)| t);
    let text = first_text(container, r.text, composer, clean_text);
    let lang = text.as_ref().and_then(|(el, _)| lang_of(el, container));
    Answered {
        author,
        handle,
        text: text.map(|(_, t)| t),
        lang,
    }
}

/// The `lang` of `el` or of its nearest ancestor up to `container` (the page's own language is
/// not the comment's).
fn lang_of(el: &Element, container: &Element) -> Option<String> {
    let mut at = Some(el.clone());
    while let Some(e) = at {
        if let Some(l) = e.get_attribute("lang").filter(|l| !l.trim().is_empty()) {
            return Some(l.trim().to_string());
        }
        if &e == container {
            break;
        }
        at = e.parent_element();
    }
    None
}
