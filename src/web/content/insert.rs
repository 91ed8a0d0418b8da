//! Inserting text into the composer the session follows, on the extension's request (the
//! template picker's frame, a typed trigger): find the target and its selection, select a typed
//! trigger (at once, on the trigger key: `preselect_trigger`) and wait until the editor has
//! adopted the selection (its `selectionchange` handled, then the technology's own delay, then
//! the selection read again), then try the technology's
//! techniques in order, reading the composer back after each (two frames + 30 ms, and again
//! 200 ms later) and moving on only when an attempt had no effect. Once an attempt has changed
//! the composer, what the user does to it (Ctrl+Z at once, typing on: `insert/watch.rs`) ends
//! the insertion as done: never retried, never reported as failed. Then the caret goes to the
//! cursor offset, and the insertion is verified (the network's send button enabled, the text
//! still there after a re-render). When the text could not be put in right, it goes to the
//! clipboard and a notice next to the composer asks for Ctrl+V (`insert/notice.rs`).
//!
//! The decisions (judging a read-back, the caret offset, who may ask) are the core's
//! (`crate::insert`); the techniques are the editors layer's (`web/editors/insert.rs`).

use super::session;
use crate::error::Coded;
use crate::insert::{
    byte_at16, caret_back, caret_offset, judge_again, judge_field, judge_rich, sender_allowed,
    survived, taken_over, ContentMessage, Expectation, Field, InsertError, Mode, Outcome,
};
use crate::web::dom;
use crate::web::editors::{insert as tech, text_field, Editor};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlElement, Range};

pub mod notice;
mod timing;
mod trigger;
mod watch;

use timing::{settle_for, sleep};
use trigger::select_trigger;
pub use trigger::{preselect_trigger, release_trigger};
use watch::Watch;

#[wasm_bindgen]
extern "C" {
    /// `chrome.runtime` as the content script sees it (in Firefox, `globalThis` is the page's).
    #[wasm_bindgen(thread_local_v2, js_namespace = chrome, js_name = runtime)]
    static RUNTIME: JsValue;
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = getURL)]
    fn runtime_get_url(path: &str) -> String;
}

/// Where the selection was in the composer when the focus left it (to the picker's frame).
enum Saved {
    Field(Element, u32, u32),
    Rich(Element, Range),
}

thread_local! {
    static SAVED: RefCell<Option<Saved>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Option<dom::Listener>> = const { RefCell::new(None) };
    /// An insertion is running: the next one waits (two would interleave their attempts).
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// Marks an insertion running until dropped.
struct Running;

impl Running {
    async fn start() -> Running {
        while BUSY.with(|b| b.replace(true)) {
            sleep(50).await;
        }
        Running
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        BUSY.with(|b| b.set(false));
    }
}

/// Remembers the composer's selection when the focus leaves it. Called once by the session.
pub fn start(document: &Document) {
    let listener = dom::Listener::capture(document, "focusout", |e| {
        let Some(target) = dom::event_target(e) else {
            return;
        };
        let Some((host, _, _)) = session::current() else {
            return;
        };
        if !host.contains(Some(&target)) {
            return;
        }
        let saved = if let Some((_, s, end)) = tech::field_state(&host) {
            Some(Saved::Field(host, s, end))
        } else {
            selection_range(&host).map(|r| Saved::Rich(host, r))
        };
        SAVED.with(|c| {
            if let Ok(mut c) = c.try_borrow_mut() {
                *c = saved;
            }
        });
    });
    match listener {
        Ok(l) => LISTENER.with(|c| {
            if let Ok(mut c) = c.try_borrow_mut() {
                *c = Some(l);
            }
        }),
        Err(e) => web_sys::console::warn_2(&"Porte-voix: insert listener".into(), &e),
    }
}

/// Refuses a runtime message whose `chrome.runtime` sender is not this extension's background or
/// one of its pages in a tab (`crate::insert::sender_allowed`); every message the content script
/// takes passes here.
pub(super) fn check_sender(sender: &JsValue) -> Result<(), JsValue> {
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
    let own_id = RUNTIME
        .with(|r| get(r, "id"))
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let base = runtime_get_url("");
    let sender_id = get(sender, "id").and_then(|v| v.as_string());
    let from_tab = get(sender, "tab").is_some_and(|t| !t.is_undefined() && !t.is_null());
    let url = get(sender, "url").and_then(|v| v.as_string());
    if own_id.is_empty()
        || !sender_allowed(
            sender_id.as_deref(),
            &own_id,
            from_tab,
            url.as_deref(),
            &base,
        )
    {
        return Err(JsValue::from_str("Porte-voix: message refused (sender)"));
    }
    Ok(())
}

/// A message from the extension (`{kind: "insert_text", …}`), with its `chrome.runtime` sender.
/// Answers `{ok: true}` or `{ok: false, code}`; refuses a sender that is not this extension.
pub async fn handle(message: JsValue, sender: JsValue) -> Result<JsValue, JsValue> {
    check_sender(&sender)?;
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
    let message = ContentMessage::from_fields(|name| match get(&message, name) {
        None => Field::Absent,
        Some(v) if v.is_undefined() => Field::Absent,
        Some(v) if v.is_null() => Field::Null,
        Some(v) => match (v.as_string(), v.as_f64()) {
            (Some(s), _) => Field::Text(s),
            (None, Some(n)) => Field::Number(n),
            (None, None) => Field::Other,
        },
    })
    .ok_or_else(|| JsValue::from_str("Porte-voix: bad message"))?;
    let ContentMessage::InsertText {
        text,
        cursor,
        trigger,
    } = message;
    let answer = js_sys::Object::new();
    let result = insert(&text, cursor, trigger.as_deref()).await;
    js_sys::Reflect::set(&answer, &"ok".into(), &result.is_ok().into())?;
    if let Err(e) = result {
        js_sys::Reflect::set(&answer, &"code".into(), &e.code().into())?;
    }
    Ok(answer.into())
}

/// The document's selection range, when it lies inside `host`.
fn selection_range(host: &Element) -> Option<Range> {
    let selection = host.owner_document()?.get_selection().ok()??;
    if selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let inside = range
        .common_ancestor_container()
        .is_ok_and(|n| host.contains(Some(&n)));
    inside.then_some(range)
}

/// The UTF-16 slice `from..to` of `s`.
pub(super) fn slice16(s: &str, from: u32, to: u32) -> String {
    let (a, b) = (byte_at16(s, from), byte_at16(s, to));
    s.get(a..b.max(a)).unwrap_or_default().to_string()
}

/// Gives the focus back to the composer (it moved to the picker's frame), with the selection
/// it had.
async fn ensure_focus(document: &Document, host: &Element) {
    let focused = dom::deep_active_element(document).is_some_and(|a| host.contains(Some(&a)));
    if focused {
        return;
    }
    if let Some(h) = host.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
    let saved = SAVED.with(|c| c.try_borrow_mut().ok().and_then(|mut c| c.take()));
    match saved {
        Some(Saved::Field(el, s, e)) if &el == host => {
            let _ = tech::field_select(host, s, e);
        }
        Some(Saved::Rich(el, range)) if &el == host => {
            if let Ok(Some(selection)) = document.get_selection() {
                let _ = selection.remove_all_ranges();
                let _ = selection.add_range(&range);
            }
        }
        _ => {}
    }
    settle_for(30).await;
}

/// What the composer must read after the insertion, from its text and selection now.
fn expectation(host: &Element, editor: &dyn Editor, text: &str) -> Expectation {
    if let Some((value, s, e)) = tech::field_state(host) {
        let end = crate::insert::len16(&value);
        return Expectation {
            prefix: slice16(&value, 0, s),
            suffix: slice16(&value, e, end),
            before: value,
            text: text.to_string(),
        };
    }
    let read = editor.read(host);
    let end = crate::insert::len16(&read.text);
    let (s, e) = match selection_range(host) {
        Some(r) => {
            let s = r
                .start_container()
                .map(|n| read.offset_of(&n, r.start_offset().unwrap_or(0)));
            let e = r
                .end_container()
                .map(|n| read.offset_of(&n, r.end_offset().unwrap_or(0)));
            (s.unwrap_or(end), e.unwrap_or(end))
        }
        None => (end, end),
    };
    Expectation {
        prefix: slice16(&read.text, 0, s),
        suffix: slice16(&read.text, e.max(s), end),
        before: read.text,
        text: text.to_string(),
    }
}

fn judge(host: &Element, editor: &dyn Editor, e: &Expectation) -> Outcome {
    let now = editor.read(host).text;
    if text_field::is_text_field(host) {
        judge_field(&now, e)
    } else {
        judge_rich(&now, e)
    }
}

/// Reads the composer back after an attempt: after two frames + 30 ms, and again 200 ms later
/// (editors re-render from their model asynchronously). Right only if right both times, or right
/// and then typed on after (`judge_again`). Yielded as soon as the user acted on the composer
/// after the attempt had changed it (an undo at once, typing on): what they see then is theirs.
async fn settle(host: &Element, editor: &dyn Editor, e: &Expectation, watch: &Watch) -> Outcome {
    let field = text_field::is_text_field(host);
    let yielded = || taken_over(&e.before, watch.acted().as_deref(), field);
    settle_for(30).await;
    let first = judge(host, editor, e);
    if yielded() {
        return Outcome::Yielded;
    }
    sleep(200).await;
    if yielded() {
        return Outcome::Yielded;
    }
    let now = editor.read(host).text;
    judge_again(first, &now, e, field)
}

/// Moves the caret from after the text to the cursor offset.
fn place_caret(document: &Document, host: &Element, e: &Expectation, cursor: Option<u32>) {
    if cursor.is_none() {
        return;
    }
    if tech::field_state(host).is_some() {
        let at = caret_offset(&e.prefix, &e.text, cursor);
        let _ = tech::field_select(host, at, at);
        return;
    }
    let Ok(Some(selection)) = document.get_selection() else {
        return;
    };
    for _ in 0..caret_back(&e.text, cursor) {
        let _ = dom::call_method(
            &selection,
            "modify",
            &["move".into(), "backward".into(), "character".into()],
        );
    }
}

/// `navigator.clipboard.writeText(text)`.
async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(clipboard) = js_sys::Reflect::get(&window.navigator(), &"clipboard".into()) else {
        return false;
    };
    let Ok(promise) = dom::call_method(&clipboard, "writeText", &[text.into()]) else {
        return false;
    };
    match promise.dyn_into::<js_sys::Promise>() {
        Ok(p) => match JsFuture::from(p).await {
            Ok(_) => true,
            Err(e) => {
                web_sys::console::warn_2(&"Porte-voix: clipboard".into(), &e);
                false
            }
        },
        Err(_) => false,
    }
}

/// The nearest element matching `selector` around `host` (searched from the composer outwards).
fn nearest(host: &Element, selector: &str) -> Option<Element> {
    let mut at = host.parent_element();
    while let Some(el) = at {
        if let Ok(Some(found)) = el.query_selector(selector) {
            return Some(found);
        }
        at = el.parent_element();
    }
    None
}

/// After a successful insertion: the text must survive a re-render (read again ~500 ms later)
/// and the network's send button must be enabled; when not, a notice says so. Not when the
/// user has acted on the composer since (an undo is not a re-render that lost the text).
async fn verify(
    host: Element,
    editor: &'static dyn Editor,
    text: String,
    send: Option<&'static str>,
    watch: Watch,
) {
    sleep(500).await;
    if !host.is_connected() || watch.acted().is_some() {
        return;
    }
    let problem = if !survived(&editor.read(&host).text, &text) {
        Some(InsertError::Reverted)
    } else {
        send.and_then(|s| nearest(&host, s)).and_then(|button| {
            let disabled = button.has_attribute("disabled")
                || button.get_attribute("aria-disabled").as_deref() == Some("true");
            disabled.then_some(InsertError::SendDisabled)
        })
    };
    if let Some(p) = problem {
        notice::show(&host, &p);
    }
}

/// Inserts `text` into the composer followed (see the module's documentation).
pub async fn insert(
    text: &str,
    cursor: Option<u32>,
    trigger: Option<&str>,
) -> Result<(), InsertError> {
    let _running = Running::start().await;
    let (host, editor, surface) = session::current().ok_or(InsertError::NoComposer)?;
    let document = host.owner_document().ok_or(InsertError::NoComposer)?;
    notice::hide();
    ensure_focus(&document, &host).await;
    let has_selection = match tech::field_state(&host) {
        Some((_, s, e)) => s != e,
        None => selection_range(&host).is_some_and(|r| !r.collapsed()),
    };
    if let Mode::ReplaceTrigger(t) = Mode::choose(trigger, has_selection) {
        if let Err(e) = select_trigger(&document, &host, editor, &t).await {
            notice::show(&host, &e);
            return Err(e);
        }
    }
    let e = expectation(&host, editor, text);
    let mut outcome = Outcome::Unchanged;
    let watch = Watch::start(&document, &host, editor);
    for &technique in editor.insertion_order() {
        let applied = tech::apply(technique, &document, &host, text, e.before.is_empty());
        // what the technique itself fired is not the user's (Firefox's execCommand dispatches a
        // trusted `beforeinput`)
        watch.reset();
        match applied {
            Ok(true) => {}
            Ok(false) => continue,
            Err(err) => {
                web_sys::console::warn_2(&"Porte-voix: insertion technique failed".into(), &err);
                continue;
            }
        }
        outcome = settle(&host, editor, &e, &watch).await;
        if outcome != Outcome::Unchanged {
            break;
        }
    }
    match outcome {
        Outcome::Yielded => return Ok(()),
        Outcome::Right => {
            place_caret(&document, &host, &e, cursor);
            let send = surface.and_then(|s| s.send_button);
            wasm_bindgen_futures::spawn_local(verify(host, editor, text.to_string(), send, watch));
            return Ok(());
        }
        Outcome::Unchanged | Outcome::Wrong => {}
    }
    let problem = if copy(text).await {
        InsertError::Copied
    } else {
        InsertError::NotCopied
    };
    notice::show(&host, &problem);
    Err(problem)
}
