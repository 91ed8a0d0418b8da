//! The template picker: an extension page (`picker.html`) shown in a frame next to the focused
//! composer, so the page can neither read the library nor see the keystrokes typed here. The
//! content script loads the frame hidden ahead of time and shows it on the shortcut; each
//! opening comes as a `picker_state` runtime message from the content script of this frame's
//! tab (`picker.js` checks the sender; the page's context, the platform, the opening's number;
//! `open: null` once hidden again), the first state in the URL fragment. The frame loads the library once (again
//! when it changes, while hidden), searches it per keystroke in this frame (`template::search`;
//! recent and frequent first when the query is empty) and redraws the result list at once; the
//! preview of the chosen template, rendered with the page's context with its length on this
//! platform and its tone, and its fill-in fields and choices follow once per animation frame, off the
//! keystroke. On Enter it sends the text to the tab's content script (`insert_text`), records
//! the use, and closes. Esc closes. Where the frame has no `tabs` API (Firefox), the background
//! carries those messages to the tab (`picker_relay`).
//!
//! Here: the picker's state, its start and its openings and closings. The rest, by concern:
//! `panel.rs` (the panel drawn once), `library.rs` (the library read and indexed), `list.rs`
//! (the search and the result list, per keystroke), `preview.rs` (the preview and its length,
//! per animation frame), `tone.rs` (the preview's tone line), `fields.rs` (fill-in fields and
//! choices), `keys.rs` (Enter, Esc, the arrows), `tab.rs` (messages to the tab's content script).
//!
//! Text goes in with `textContent` only; every label comes from `_locales`.

use super::ext::{self, t};
use crate::protocol::reply::Filled;
use crate::template::search::SearchIndex;
use crate::template::Template;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

mod fields;
mod keys;
mod library;
mod list;
mod panel;
mod preview;
mod tab;
mod tone;

use fields::read_fields;
use library::{load_templates, reload};
use list::{draw_list, search};
use preview::draw_preview;

/// Results shown at most.
const SHOWN: usize = 30;

/// What the content script tells the frame (the URL fragment, then runtime messages).
use crate::protocol::reply::PickerState as Opened;

/// The fragment of this frame's URL, read.
fn read_fragment(doc: &Document) -> Opened {
    let hash = doc
        .location()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default();
    let decoded = js_sys::decode_uri_component(hash.trim_start_matches('#'))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    serde_json::from_str(&decoded).unwrap_or_default()
}

struct Picker {
    doc: Document,
    templates: Vec<Template>,
    index: SearchIndex,
    opened: Opened,
    results: Vec<usize>,
    selected: usize,
    values: Filled,
    /// The preview and fields wait for the next frame.
    preview_due: bool,
    /// The library changed while the picker was shown: read again once hidden.
    stale: bool,
    query: HtmlInputElement,
    list: Element,
    /// The result rows as drawn (`list.rs`).
    rows: list::Rows,
    empty: Element,
    fields: Element,
    preview: Element,
    length: Element,
    tone: Element,
    /// The user's settings (the tone checks turned off, the brand's register), followed live.
    settings: crate::settings::Settings,
}

thread_local! {
    static PICKER: RefCell<Option<Picker>> = const { RefCell::new(None) };
}

fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// Draws the picker and loads the library.
pub async fn main() -> Result<(), JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    if let Some(html) = doc.document_element() {
        html.set_attribute("lang", &ext::ui_language())?;
    }
    doc.set_title(&t("picker_title"));
    let templates = load_templates().await?;
    let settings = ext::load_settings().await;
    let app = doc.get_element_by_id("app").ok_or("no #app")?;
    let panel::Panel {
        query,
        list,
        empty,
        fields,
        preview,
        length,
        tone,
    } = panel::build(&doc, &app)?;

    let index = SearchIndex::new(&templates);
    let rows = list::Rows::new(&list)?;
    let fields_el = fields.clone();
    PICKER.with(|p| {
        *p.borrow_mut() = Some(Picker {
            doc: doc.clone(),
            templates,
            index,
            opened: Opened::default(),
            results: Vec::new(),
            selected: 0,
            values: Filled::default(),
            preview_due: false,
            stale: false,
            query: query.clone(),
            rows,
            list,
            empty,
            fields,
            preview,
            length,
            tone,
            settings,
        })
    });
    let on_input = Closure::<dyn Fn()>::new(|| {
        with(|p| {
            search(p);
            Ok(())
        })
    });
    query.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref())?;
    on_input.forget();
    // a field typed in or a choice changed: the preview follows
    let on_change = Closure::<dyn Fn()>::new(|| {
        with(|p| {
            read_fields(p);
            draw_preview(p)
        })
    });
    for kind in ["input", "change"] {
        fields_el.add_event_listener_with_callback(kind, on_change.as_ref().unchecked_ref())?;
    }
    on_change.forget();
    let on_key = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(keys::on_key);
    doc.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref())?;
    on_key.forget();
    let window = web_sys::window().ok_or("no window")?;
    // the content script focuses the frame: the search box takes it
    let on_focus = Closure::<dyn Fn()>::new(|| {
        with(|p| {
            if p.opened.open.is_some() {
                p.query.focus()?;
            }
            Ok(())
        })
    });
    window.add_event_listener_with_callback("focus", on_focus.as_ref().unchecked_ref())?;
    on_focus.forget();
    // the library changed: read again now if hidden, else once hidden
    ext::on_storage_key_change_serial("local", crate::protocol::reply::CHANGED_KEY, || async {
        let mut shown = false;
        with(|p| {
            shown = p.opened.open.is_some();
            p.stale = p.stale || shown;
            Ok(())
        });
        if !shown {
            reload().await;
        }
    })?;
    // the settings changed (a tone check turned off, the register): the preview follows
    ext::on_storage_key_change_serial("local", crate::settings::STORAGE_KEY, || async {
        let settings = ext::load_settings().await;
        with(|p| {
            p.settings = settings;
            draw_preview(p)
        });
    })?;
    let first = read_fragment(&doc);
    with(|p| apply(p, first));
    Ok(())
}

/// A new state from the content script (`picker.js` checked the sender): JSON of [`crate::protocol::reply::PickerState`].
pub fn apply_state(json: &str) {
    let next: Opened = serde_json::from_str(json).unwrap_or_default();
    with(|p| apply(p, next));
}

/// Shows or hides the picker as the content script says: a new opening starts from an empty
/// search with the page's context; hidden, it waits with its search emptied.
fn apply(p: &mut Picker, next: Opened) -> Result<(), JsValue> {
    let body = p.doc.body().ok_or("no body")?;
    match next.open {
        Some(n) if p.opened.open != Some(n) => {
            p.opened = next;
            p.query.set_value("");
            search(p);
            // opened on a template (the context menu): it comes first, chosen
            let wanted = p
                .opened
                .template
                .as_deref()
                .and_then(|id| p.templates.iter().position(|t| t.id == id));
            if let Some(i) = wanted {
                p.results.retain(|&r| r != i);
                p.results.insert(0, i);
                p.results.truncate(SHOWN);
                draw_list(p)?;
            }
            body.set_attribute("data-shown", "true")?;
            p.query.focus()?;
        }
        Some(_) => {}
        None => {
            let was_shown = p.opened.open.is_some();
            p.opened.open = None;
            body.set_attribute("data-shown", "false")?;
            if was_shown || p.results.is_empty() {
                p.query.set_value("");
                search(p);
            }
            if p.stale {
                wasm_bindgen_futures::spawn_local(reload());
            }
        }
    }
    Ok(())
}

fn with(f: impl FnOnce(&mut Picker) -> Result<(), JsValue>) {
    let r = PICKER.with(|p| match p.try_borrow_mut() {
        Ok(mut p) => p.as_mut().map_or(Ok(()), f),
        Err(_) => Ok(()),
    });
    let _ = crate::web::error::log("picker", r);
}
