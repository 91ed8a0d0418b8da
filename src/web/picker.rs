//! The template picker: an extension page (`picker.html`) shown in a frame next to the focused
//! composer, so the page can neither read the library nor see the keystrokes typed here. The
//! content script loads the frame hidden ahead of time and shows it on the shortcut; each
//! opening comes as a `picker_state` runtime message from the content script of this frame's
//! tab (`picker.js` checks the sender; the page's context, the platform, the opening's number;
//! `open: null` once hidden again), the first state in the URL fragment. The frame loads the library once (again
//! when it changes, while hidden), searches it per keystroke in this frame (`template::search`;
//! recent and frequent first when the query is empty) and redraws the result list at once; the
//! preview of the chosen template, rendered with the page's context with its length on this
//! platform, and its fill-in fields and choices follow once per animation frame, off the
//! keystroke. On Enter it sends the text to the tab's content script (`insert_text`), records
//! the use, and closes. Esc closes. Where the frame has no `tabs` API (Firefox), the background
//! carries those messages to the tab (`picker_relay`).
//!
//! Text goes in with `textContent` only; every label comes from `_locales`.

use super::ext::{self, t, t_with};
use super::pages::el;
use crate::protocol::reply::{recent_first, render_for_page, Filled, RenderRequest};
use crate::protocol::{Request, Response};
use crate::store::Collection;
use crate::template::search::SearchIndex;
use crate::template::Template;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlInputElement};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = getCurrent)]
    fn tabs_get_current() -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = sendMessage)]
    fn tabs_send_message(tab: f64, message: &JsValue, options: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(catch, js_namespace = ["chrome", "runtime"], js_name = sendMessage)]
    fn runtime_send_message(message: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Whether this frame has the `tabs` API: Chrome gives it to an extension frame inside a page,
/// Firefox does not.
fn has_tabs() -> bool {
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
    get(&js_sys::global(), "chrome")
        .and_then(|c| get(&c, "tabs"))
        .is_some_and(|t| t.is_object())
}

mod fields;
use fields::{draw_fields, read_fields};

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
    empty: Element,
    fields: Element,
    preview: Element,
    length: Element,
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
    let app = doc.get_element_by_id("app").ok_or("no #app")?;
    let main = el(
        &doc,
        "main",
        &[("class", "picker"), ("aria-labelledby", "pk-title")],
        None,
    )?;
    main.append_child(&el(&doc, "h1", &[("id", "pk-title")], Some(&t("picker_title")))?.into())?;
    main.append_child(
        &el(
            &doc,
            "label",
            &[("for", "pk-q"), ("class", "pk-label")],
            Some(&t("picker_search_label")),
        )?
        .into(),
    )?;
    let query: HtmlInputElement = el(
        &doc,
        "input",
        &[
            ("id", "pk-q"),
            ("type", "search"),
            ("role", "combobox"),
            ("aria-controls", "pk-list"),
            ("aria-expanded", "true"),
            ("aria-autocomplete", "list"),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
        ],
        None,
    )?
    .dyn_into()?;
    main.append_child(&query)?;
    let list = el(
        &doc,
        "ul",
        &[
            ("id", "pk-list"),
            ("role", "listbox"),
            ("aria-label", &t("picker_results_label")),
            ("tabindex", "-1"),
        ],
        None,
    )?;
    main.append_child(&list)?;
    let empty = el(
        &doc,
        "p",
        &[("class", "pk-empty"), ("hidden", "")],
        Some(&t("picker_no_results")),
    )?;
    main.append_child(&empty)?;
    let section = el(&doc, "section", &[("aria-labelledby", "pk-prev-h")], None)?;
    section.append_child(
        &el(
            &doc,
            "h2",
            &[("id", "pk-prev-h")],
            Some(&t("picker_preview_label")),
        )?
        .into(),
    )?;
    let fields = el(&doc, "div", &[("class", "pk-fields")], None)?;
    let preview = el(
        &doc,
        "p",
        &[
            ("class", "pk-preview"),
            ("id", "pk-preview"),
            ("tabindex", "0"),
            ("aria-labelledby", "pk-prev-h"),
        ],
        None,
    )?;
    let length = el(
        &doc,
        "p",
        &[("class", "pk-length"), ("aria-live", "polite")],
        None,
    )?;
    section.append_child(&fields)?;
    section.append_child(&preview)?;
    section.append_child(&length)?;
    main.append_child(&section)?;
    main.append_child(&el(&doc, "p", &[("class", "pk-help")], Some(&t("picker_help")))?.into())?;
    app.replace_children_with_node_1(&main);

    let index = SearchIndex::new(&templates);
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
            list,
            empty,
            fields,
            preview,
            length,
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
    let on_key = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(on_key);
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
    let first = read_fragment(&doc);
    with(|p| apply(p, first));
    Ok(())
}

/// A new state from the content script (`picker.js` checked the sender): JSON of [`crate::protocol::reply::PickerState`].
pub fn apply_state(json: &str) {
    let next: Opened = serde_json::from_str(json).unwrap_or_default();
    with(|p| apply(p, next));
}

/// The library's live templates.
async fn load_templates() -> Result<Vec<Template>, JsValue> {
    let answer = ext::send(&Request::StoreList {
        collection: Collection::Templates,
    })
    .await?;
    Ok(match answer {
        Response::StoreRecords { records } => records
            .into_iter()
            .filter_map(|r| {
                let mut t: Template = serde_json::from_value(r.body).ok()?;
                t.id = r.id;
                Some(t)
            })
            .collect(),
        _ => Vec::new(),
    })
}

/// Reads the library again and indexes it (it changed while the picker was hidden).
async fn reload() {
    let Some(templates) = crate::web::error::log("picker: library", load_templates().await) else {
        return;
    };
    let index = SearchIndex::new(&templates);
    with(|p| {
        p.templates = templates;
        p.index = index;
        p.stale = false;
        search(p);
        Ok(())
    });
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

/// Searches the library for the query now (the time measured per keystroke).
fn search(p: &mut Picker) {
    let q = p.query.value();
    p.results = if q.trim().is_empty() {
        recent_first(&p.templates, SHOWN)
    } else {
        p.index
            .search(&q, now_ms() as i64, SHOWN)
            .into_iter()
            .map(|h| h.index as usize)
            .collect()
    };
    p.selected = 0;
    p.values = Filled::default();
    let _ = crate::web::error::log("picker list", draw_list(p));
    preview_later(p);
}

/// The fields and the preview of the chosen template, drawn at the next animation frame (once,
/// however many keys were typed before it), or within 100 ms where frames are throttled.
fn preview_later(p: &mut Picker) {
    if p.preview_due {
        return;
    }
    p.preview_due = true;
    let Some(window) = web_sys::window() else {
        return;
    };
    let flush = Closure::once_into_js(|| with(flush_preview));
    let f: &js_sys::Function = flush.unchecked_ref();
    let _ = window.request_animation_frame(f);
    let late = Closure::once_into_js(|| with(flush_preview));
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(late.unchecked_ref(), 100);
}

/// Draws the fields and the preview now if they are due.
fn flush_preview(p: &mut Picker) -> Result<(), JsValue> {
    if !p.preview_due {
        return Ok(());
    }
    p.preview_due = false;
    draw_fields(p)?;
    draw_preview(p)
}

fn draw_list(p: &Picker) -> Result<(), JsValue> {
    let frag = p.doc.create_document_fragment();
    for (n, &i) in p.results.iter().enumerate() {
        let t = &p.templates[i];
        let id = format!("pk-o-{n}");
        let sel = if n == p.selected { "true" } else { "false" };
        let li = el(
            &p.doc,
            "li",
            &[
                ("id", &id),
                ("role", "option"),
                ("aria-selected", sel),
                ("data-id", &t.id),
            ],
            None,
        )?;
        li.append_child(&el(&p.doc, "span", &[("class", "pk-t")], Some(&t.title))?.into())?;
        if let Some(tr) = &t.trigger {
            li.append_child(&el(&p.doc, "span", &[("class", "pk-tr")], Some(tr))?.into())?;
        }
        frag.append_child(&li)?;
    }
    p.list.replace_children_with_node_1(&frag);
    p.empty
        .toggle_attribute_with_force("hidden", !p.results.is_empty())?;
    match p.results.is_empty() {
        true => p.query.remove_attribute("aria-activedescendant")?,
        false => p
            .query
            .set_attribute("aria-activedescendant", &format!("pk-o-{}", p.selected))?,
    }
    if let Some(li) = p.doc.get_element_by_id(&format!("pk-o-{}", p.selected)) {
        li.scroll_into_view_with_bool(false);
    }
    Ok(())
}

fn chosen(p: &Picker) -> Option<&Template> {
    p.results.get(p.selected).map(|&i| &p.templates[i])
}

fn request(p: &Picker, t: &Template) -> RenderRequest {
    RenderRequest {
        id: Some(t.id.clone()),
        trigger: None,
        context: p.opened.context.clone(),
        platform: p.opened.platform,
        values: p.values.clone(),
    }
}

fn draw_preview(p: &Picker) -> Result<(), JsValue> {
    let Some(t) = chosen(p) else {
        p.preview.set_text_content(None);
        p.length.set_text_content(None);
        return Ok(());
    };
    let a = render_for_page(t, &request(p, t), now_ms());
    p.preview.set_text_content(Some(&a.text));
    let line = match (a.length, a.limit, a.fits) {
        (Some(l), Some(m), Some(true)) => {
            t_with("picker_length", &[&l.to_string(), &m.to_string()])
        }
        (Some(l), Some(m), _) => t_with("picker_too_long", &[&l.to_string(), &m.to_string()]),
        _ => String::new(),
    };
    p.length.set_text_content(Some(&line));
    p.length.set_attribute(
        "data-fits",
        if a.fits == Some(false) {
            "false"
        } else {
            "true"
        },
    )
}

fn on_key(e: web_sys::KeyboardEvent) {
    match e.key().as_str() {
        "Escape" => {
            e.prevent_default();
            wasm_bindgen_futures::spawn_local(async {
                let _ = to_tab(&serde_json::json!({"kind": "close_picker"})).await;
            });
        }
        "Enter" => {
            e.prevent_default();
            wasm_bindgen_futures::spawn_local(insert());
        }
        k @ ("ArrowDown" | "ArrowUp") => {
            e.prevent_default();
            let down = k == "ArrowDown";
            with(|p| {
                let n = p.results.len();
                if n > 0 {
                    p.selected = if down {
                        (p.selected + 1) % n
                    } else {
                        (p.selected + n - 1) % n
                    };
                    p.values = Filled::default();
                    draw_list(p)?;
                    preview_later(p);
                }
                Ok(())
            });
        }
        _ => {}
    }
}

/// Sends `message` to the content script of the tab this frame is in (its top frame): directly,
/// or, without the `tabs` API (Firefox), through the background (`picker_relay`, which sends it
/// to the tab the frame is in and nowhere else).
async fn to_tab(message: &serde_json::Value) -> Result<JsValue, JsValue> {
    if !has_tabs() {
        let relay = serde_json::json!({"kind": "picker_relay", "message": message});
        let relay = js_sys::JSON::parse(&relay.to_string())?;
        return JsFuture::from(runtime_send_message(&relay)?).await;
    }
    let tab = JsFuture::from(tabs_get_current()).await?;
    let id = js_sys::Reflect::get(&tab, &"id".into())?
        .as_f64()
        .ok_or("no tab")?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"frameId".into(), &0.into())?;
    let message = js_sys::JSON::parse(&message.to_string())?;
    JsFuture::from(tabs_send_message(id, &message, &options)).await
}

/// Enter: the chosen template, rendered with what was filled in, goes to the composer.
async fn insert() {
    let mut out = None;
    with(|p| {
        // the fields of the template chosen now, not of the one before
        flush_preview(p)?;
        read_fields(p);
        if let Some(t) = chosen(p) {
            out = Some(render_for_page(t, &request(p, t), now_ms()));
        }
        Ok(())
    });
    let Some(a) = out else { return };
    let message = serde_json::json!({"kind": "insert_text", "text": a.text, "cursor": a.cursor});
    let answer = crate::web::error::log("picker: insert", to_tab(&message).await);
    let ok = answer
        .and_then(|v| js_sys::Reflect::get(&v, &"ok".into()).ok())
        .is_some_and(|v| v.is_truthy());
    if ok {
        // recent and frequent first at the next opening, without reading the library again
        with(|p| {
            let now = now_ms() as i64;
            if let Some(t) = p.templates.iter_mut().find(|t| t.id == a.id) {
                t.uses = t.uses.saturating_add(1);
                t.last_used = Some(now);
            }
            Ok(())
        });
        let used = Request::TemplateUsed { id: a.id };
        let _ = crate::web::error::log("picker: used", ext::send(&used).await);
    }
    let _ = to_tab(&serde_json::json!({"kind": "close_picker", "inserted": ok})).await;
}
