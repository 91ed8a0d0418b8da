//! Typed triggers: `;merci` then the trigger key (Tab unless the settings say otherwise) replaces
//! the trigger with the rendered template. The trigger list (triggers only) is asked once from
//! the background and again whenever the library changes (the background bumps the
//! `storage.local` key `templates_changed` on each template write); between keystrokes nothing
//! runs but the key check, and on the trigger key an in-memory lookup of the text before the
//! caret. The key's default is prevented only for a real trigger.
//!
//! On a trigger: the trigger is selected at once (the editor adopts the selection while the
//! template renders); the page's context (reply context, brand, URL, title, now with the user's
//! offset) goes to the background's `render`; the text goes in through the insertion layer
//! (`content::insert`), replacing the trigger, the caret at `{{curseur}}`; then `template_used`.
//! A template with fill-in fields or choices is inserted with its defaults, and a notice says so.

use super::super::{insert, reply_context, session};
use super::Feature;
use crate::insert::byte_at16;
use crate::protocol::page::{self, PageAnswer};
use crate::protocol::reply::{Filled, PageContext, RenderRequest, ReplyError};
use crate::settings::Settings;
use crate::template::triggers::trigger_before;
use crate::web::content::session::Snapshot;
use crate::web::editors::insert as tech;
use crate::web::{dom, ext};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::protocol::reply::CHANGED_KEY;

#[derive(Default)]
struct State {
    triggers: Vec<String>,
    settings: Settings,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
    static LISTENER: RefCell<Option<dom::Listener>> = const { RefCell::new(None) };
}

struct Triggers;

impl Feature for Triggers {
    fn update(&self, _snapshot: &Snapshot) -> Result<(), JsValue> {
        Ok(())
    }
    fn leave(&self) -> Result<(), JsValue> {
        Ok(())
    }
}

/// Listens to the trigger key and loads the trigger list and the settings.
pub fn make(document: &Document) -> Result<Rc<dyn Feature>, JsValue> {
    let listener = dom::Listener::capture(document, "keydown", on_key)?;
    LISTENER.with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            *l = Some(listener);
        }
    });
    // the extension's APIs first: without them the feature fails here, logged, and stays out
    ext::on_storage_key_change_serial("local", CHANGED_KEY, load_triggers)?;
    ext::on_storage_change(Box::new(|| {
        wasm_bindgen_futures::spawn_local(load_settings())
    }))?;
    wasm_bindgen_futures::spawn_local(load_triggers());
    wasm_bindgen_futures::spawn_local(load_settings());
    Ok(Rc::new(Triggers))
}

async fn load_triggers() {
    let list = page::trigger_list_json(&ext::request_id());
    match ext::send_page(&list)
        .await
        .map(|a| PageAnswer::read_from(&a))
    {
        Ok(PageAnswer::Triggers(triggers)) => STATE.with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                s.triggers = triggers;
            }
        }),
        Ok(other) => warn_answer("triggers", &other),
        Err(e) => web_sys::console::warn_2(&"Porte-voix: triggers".into(), &e),
    }
}

/// Logs an answer a request did not expect (its kind, or the error's code).
fn warn_answer(what: &str, answer: &PageAnswer) {
    let detail = match answer {
        PageAnswer::Error(code) => code.as_str(),
        PageAnswer::Unexpected(kind) => kind.as_str(),
        PageAnswer::Ack => "ack",
        PageAnswer::Triggers(_) => "triggers",
        PageAnswer::Rendered(_) => "rendered",
    };
    web_sys::console::warn_3(&"Porte-voix:".into(), &what.into(), &detail.into());
}

async fn load_settings() {
    let settings = ext::load_settings().await;
    STATE.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            s.settings = settings;
        }
    });
}

fn flag(e: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(e, &name.into()).is_ok_and(|v| v.is_truthy())
}

/// The trigger key: decides synchronously, prevents the default only for a real trigger.
fn on_key(e: &web_sys::Event) {
    let key = js_sys::Reflect::get(e, &"key".into())
        .ok()
        .and_then(|k| k.as_string());
    let modified = ["ctrlKey", "altKey", "metaKey", "shiftKey", "isComposing"]
        .iter()
        .any(|f| flag(e, f));
    let wanted = STATE.with(|s| {
        s.try_borrow().is_ok_and(|s| {
            !s.triggers.is_empty() && key.as_deref() == Some(&s.settings.trigger_key)
        })
    });
    if !wanted || modified || e.default_prevented() {
        return;
    }
    let Some((host, _, _)) = session::current() else {
        return;
    };
    let inside = dom::event_target(e).is_some_and(|t| host.contains(Some(&t)));
    let Some(before) = inside.then(|| text_before_caret(&host)).flatten() else {
        return;
    };
    let found = STATE.with(|s| {
        s.try_borrow()
            .ok()
            .and_then(|s| trigger_before(&before, &s.triggers).map(str::to_string))
    });
    let Some(trigger) = found else {
        return;
    };
    e.prevent_default();
    e.stop_immediate_propagation();
    // the trigger is selected now: the editor adopts the selection while the template renders
    insert::preselect_trigger(&host, &trigger);
    wasm_bindgen_futures::spawn_local(run(host, trigger));
}

/// The composer's text from the start of the caret's text node (or field) up to the caret; `None`
/// when something is selected.
fn text_before_caret(host: &Element) -> Option<String> {
    if let Some((value, start, end)) = tech::field_state(host) {
        return (start == end).then(|| value[..byte_at16(&value, start)].to_string());
    }
    let selection = host.owner_document()?.get_selection().ok()??;
    if !selection.is_collapsed() {
        return None;
    }
    let node = selection.anchor_node()?;
    if !host.contains(Some(&node)) {
        return None;
    }
    let offset = selection.anchor_offset();
    if node.node_type() == web_sys::Node::TEXT_NODE {
        let text = node.text_content().unwrap_or_default();
        return Some(text[..byte_at16(&text, offset)].to_string());
    }
    // the caret between children: the text of the child before it
    let before = node.child_nodes().item(offset.checked_sub(1)?)?;
    before.text_content()
}

/// Now in the user's offset, `2026-11-24T10:00:00-05:00`.
pub fn local_now() -> String {
    let d = js_sys::Date::new_0();
    let offset = -(d.get_timezone_offset() as i32);
    let sign = if offset < 0 { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        offset.abs() / 60,
        offset.abs() % 60
    )
}

/// The page's context for rendering a template into `host`.
pub fn page_context(host: &Element) -> PageContext {
    let site = session::site();
    let answered = site
        .map(|s| reply_context::read(s, host))
        .unwrap_or_default();
    // the brand as the settings name it for the network this composer posts to
    let brand = session::platform_of(host)
        .and_then(|platform| STATE.with(|s| s.try_borrow().ok()?.settings.brand(platform)));
    let document = host.owner_document();
    PageContext {
        author: answered.author,
        handle: answered.handle,
        comment_lang: answered.lang,
        brand,
        url: document.as_ref().and_then(|d| d.url().ok()),
        page_title: document.map(|d| d.title()).filter(|t| !t.is_empty()),
        now: Some(local_now()),
        lang: Some(ext::ui_language()),
    }
}

/// Renders the trigger's template for this page and inserts it over the trigger.
async fn run(host: Element, trigger: String) {
    let request = RenderRequest {
        id: None,
        trigger: Some(trigger.clone()),
        context: page_context(&host),
        platform: session::platform_of(&host),
        values: Filled::default(),
    };
    let envelope = page::render_json(&ext::request_id(), &request);
    let sent = ext::send_page(&envelope)
        .await
        .map(|a| PageAnswer::read_from(&a));
    let answer = match sent {
        Ok(PageAnswer::Rendered(a)) => a,
        Ok(PageAnswer::Error(code)) if code == "reply.unknown_template" => {
            // deleted since the list was read: read it again
            insert::release_trigger(&host, &trigger);
            load_triggers().await;
            insert::notice::show(&host, &ReplyError::UnknownTemplate);
            return;
        }
        Ok(other) => {
            insert::release_trigger(&host, &trigger);
            warn_answer("render", &other);
            return;
        }
        Err(e) => {
            insert::release_trigger(&host, &trigger);
            web_sys::console::warn_2(&"Porte-voix: render".into(), &e);
            return;
        }
    };
    if !answer.errors.is_empty() {
        insert::release_trigger(&host, &trigger);
        insert::notice::show(&host, &ReplyError::TemplateInvalid);
        return;
    }
    let defaulted = !answer.fields.is_empty() || answer.choices.iter().any(|c| c.len() > 1);
    if insert::insert(&answer.text, answer.cursor, Some(&trigger))
        .await
        .is_ok()
    {
        if defaulted {
            insert::notice::show(&host, &ReplyError::FieldsDefaulted);
        }
        let used = page::template_used_json(&ext::request_id(), &answer.id);
        if let Err(e) = ext::send_page(&used).await {
            web_sys::console::warn_2(&"Porte-voix: template used".into(), &e);
        }
    }
}
