//! The insertion techniques themselves, one function each, as measured on the editors' libraries
//! (`../shared` facts in the README): `execCommand('insertText')`, a synthetic paste, a synthetic
//! `beforeinput`, `setRangeText`, a DOM `Range` insertion. Each one acts once, on the current
//! selection, and reports nothing about its effect: the caller reads the composer back and
//! judges (core `insert`). Which technique an editor gets, and in which order, is each
//! technology's [`Editor::insertion_order`](super::Editor::insertion_order).
//!
//! Firefox drops the `DataTransfer` of events built in a content script: there, paste and
//! `beforeinput` are dispatched by the page-world helper (`extension/insert-main.js`), asked
//! through a `CustomEvent` carrying a per-page secret. Its `execCommand('insertText')` turns
//! line breaks into `<br>`: there, rich editors are fed line by line with `insertParagraph`.

use super::{text_field, Technique};
use crate::insert::lines;
use crate::web::dom::call_method;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlInputElement, HtmlTextAreaElement};

/// The request event the page-world helper listens to (on `window`, first, in the capture phase:
/// the page never sees it).
const HELPER_EVENT: &str = "porte-voix-insert";

thread_local! {
    /// The secret shared with the page-world helper (made at the first request).
    static SECRET: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn global(name: &str) -> Result<js_sys::Function, JsValue> {
    js_sys::Reflect::get(&js_sys::global(), &name.into())?.dyn_into()
}

fn obj(pairs: &[(&str, JsValue)]) -> Result<js_sys::Object, JsValue> {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &(*k).into(), v)?;
    }
    Ok(o)
}

/// `new Ctor(type, init)`.
fn make_event(ctor: &str, kind: &str, init: &js_sys::Object) -> Result<web_sys::Event, JsValue> {
    let args = js_sys::Array::of2(&kind.into(), init);
    js_sys::Reflect::construct(&global(ctor)?, &args)?.dyn_into()
}

/// A `DataTransfer` holding `text` as `text/plain`.
fn data_transfer(text: &str) -> Result<JsValue, JsValue> {
    let dt = js_sys::Reflect::construct(&global("DataTransfer")?, &js_sys::Array::new())?;
    call_method(&dt, "setData", &["text/plain".into(), text.into()])?;
    Ok(dt)
}

/// The browser is Firefox (its content scripts need the page-world helper for `DataTransfer`).
pub fn is_firefox() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|ua| ua.contains("Firefox/"))
}

/// Asks the page-world helper to dispatch `kind` (`paste`, `beforeinput`) with `text` on
/// `target`. `true` when the helper took the request (it cancels the request event).
fn ask_helper(target: &Element, kind: &str, input_type: &str, text: &str) -> Result<bool, JsValue> {
    let secret = SECRET.with(|s| s.borrow().clone());
    let secret = match secret {
        Some(s) => s,
        None => {
            let s = format!(
                "{:x}{:x}",
                (js_sys::Math::random() * 4_294_967_296.0) as u64,
                (js_sys::Math::random() * 4_294_967_296.0) as u64
            );
            SECRET.with(|c| *c.borrow_mut() = Some(s.clone()));
            s
        }
    };
    let detail = obj(&[
        ("secret", secret.into()),
        ("kind", kind.into()),
        ("inputType", input_type.into()),
        ("text", text.into()),
    ])?;
    let detail = js_sys::JSON::stringify(&detail)?;
    let init = obj(&[
        ("detail", detail.into()),
        ("bubbles", true.into()),
        ("cancelable", true.into()),
        ("composed", true.into()),
    ])?;
    let request = make_event("CustomEvent", HELPER_EVENT, &init)?;
    // a cancelled request is one the helper handled
    Ok(!target.dispatch_event(&request)?)
}

/// Dispatches a synthetic `paste` carrying `text` on `target`.
pub fn synthetic_paste(target: &Element, text: &str) -> Result<(), JsValue> {
    if is_firefox() && ask_helper(target, "paste", "", text)? {
        return Ok(());
    }
    let init = obj(&[
        ("clipboardData", data_transfer(text)?),
        ("bubbles", true.into()),
        ("cancelable", true.into()),
        ("composed", true.into()),
    ])?;
    target.dispatch_event(&make_event("ClipboardEvent", "paste", &init)?)?;
    Ok(())
}

/// Dispatches a synthetic `beforeinput` of `input_type` on `target`, carrying `text` as data
/// and as a `DataTransfer` (`insertReplacementText`), or nothing (`insertParagraph`).
pub fn before_input(target: &Element, input_type: &str, text: &str) -> Result<(), JsValue> {
    if is_firefox() && ask_helper(target, "beforeinput", input_type, text)? {
        return Ok(());
    }
    let mut pairs = vec![
        ("inputType", JsValue::from_str(input_type)),
        ("bubbles", true.into()),
        ("cancelable", true.into()),
        ("composed", true.into()),
    ];
    if !text.is_empty() {
        pairs.push(("dataTransfer", data_transfer(text)?));
    }
    target.dispatch_event(&make_event("InputEvent", "beforeinput", &obj(&pairs)?)?)?;
    Ok(())
}

/// `document.execCommand(command, false, value)`; `false` when the browser refused it.
fn exec(document: &Document, command: &str, value: &str) -> Result<bool, JsValue> {
    let done = call_method(
        document,
        "execCommand",
        &[command.into(), false.into(), value.into()],
    )?;
    Ok(done.as_bool().unwrap_or(false))
}

/// `execCommand('insertText')`, lines joined by `insertParagraph` on Firefox's rich editors.
pub fn exec_insert_text(document: &Document, host: &Element, text: &str) -> Result<(), JsValue> {
    if is_firefox() && !text_field::is_text_field(host) && text.contains('\n') {
        for (i, line) in lines(text).iter().enumerate() {
            if i > 0 {
                exec(document, "insertParagraph", "")?;
            }
            if !line.is_empty() {
                exec(document, "insertText", line)?;
            }
        }
        return Ok(());
    }
    exec(document, "insertText", text).map(|_| ())
}

/// `execCommand('insertText')` line by line, a synthetic `beforeinput` `insertParagraph` between
/// lines (Lexical handles it itself).
pub fn exec_line_by_line(document: &Document, host: &Element, text: &str) -> Result<(), JsValue> {
    for (i, line) in lines(text).iter().enumerate() {
        if i > 0 {
            before_input(host, "insertParagraph", "")?;
        }
        if !line.is_empty() {
            exec(document, "insertText", line)?;
        }
    }
    Ok(())
}

/// A text field's value, selection start and end (UTF-16).
pub fn field_state(el: &Element) -> Option<(String, u32, u32)> {
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        let s = t.selection_start().ok().flatten().unwrap_or(0);
        let e = t.selection_end().ok().flatten().unwrap_or(s);
        return Some((t.value(), s, e));
    }
    let i = el.dyn_ref::<HtmlInputElement>()?;
    let s = i.selection_start().ok().flatten().unwrap_or(0);
    let e = i.selection_end().ok().flatten().unwrap_or(s);
    Some((i.value(), s, e))
}

/// Selects `start..end` (UTF-16) in a text field.
pub fn field_select(el: &Element, start: u32, end: u32) -> Result<(), JsValue> {
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        return t.set_selection_range(start, end);
    }
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        return i.set_selection_range(start, end);
    }
    Ok(())
}

/// `setRangeText` over the selection, the caret after the text, then `input` and `change`.
pub fn set_range_text(el: &Element, text: &str) -> Result<(), JsValue> {
    let Some((_, start, end)) = field_state(el) else {
        return Ok(());
    };
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        t.set_range_text_with_start_and_end(text, start, end)?;
    } else if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.set_range_text_with_start_and_end(text, start, end)?;
    }
    let caret = start + crate::insert::len16(text);
    field_select(el, caret, caret)?;
    let init = obj(&[
        ("inputType", "insertText".into()),
        ("data", text.into()),
        ("bubbles", true.into()),
    ])?;
    el.dispatch_event(&make_event("InputEvent", "input", &init)?)?;
    el.dispatch_event(&make_event(
        "Event",
        "change",
        &obj(&[("bubbles", true.into())])?,
    )?)?;
    Ok(())
}

/// Replaces the selection inside `host` with `text` through the DOM (lines separated by `<br>`),
/// the caret after it, then an `input` event. No undo: the last resort of a bare editable.
pub fn range_insertion(document: &Document, host: &Element, text: &str) -> Result<(), JsValue> {
    let Some(selection) = document.get_selection()? else {
        return Ok(());
    };
    if selection.range_count() == 0 {
        return Ok(());
    }
    let range = selection.get_range_at(0)?;
    if !host.contains(Some(&range.common_ancestor_container()?)) {
        return Ok(());
    }
    range.delete_contents()?;
    let fragment = document.create_document_fragment();
    for (i, line) in lines(text).iter().enumerate() {
        if i > 0 {
            let br: web_sys::Node = document.create_element("br")?.into();
            fragment.append_child(&br)?;
        }
        if !line.is_empty() {
            fragment.append_child(&document.create_text_node(line))?;
        }
    }
    let last = fragment.last_child();
    range.insert_node(&fragment)?;
    if let Some(last) = last {
        range.set_start_after(&last)?;
        range.collapse_with_to_start(true);
        selection.remove_all_ranges()?;
        selection.add_range(&range)?;
    }
    let init = obj(&[
        ("inputType", "insertText".into()),
        ("data", text.into()),
        ("bubbles", true.into()),
    ])?;
    host.dispatch_event(&make_event("InputEvent", "input", &init)?)?;
    Ok(())
}

/// Runs `technique` once on the current selection of `host`. `false` when it does not apply
/// (single-line execCommand on several lines or on an empty editor).
pub fn apply(
    technique: Technique,
    document: &Document,
    host: &Element,
    text: &str,
    editor_empty: bool,
) -> Result<bool, JsValue> {
    match technique {
        Technique::ExecCommand => exec_insert_text(document, host, text)?,
        Technique::ExecCommandSingleLine => {
            if text.contains('\n') || editor_empty {
                return Ok(false);
            }
            exec(document, "insertText", text)?;
        }
        Technique::ExecCommandLineByLine => exec_line_by_line(document, host, text)?,
        Technique::SetRangeText => set_range_text(host, text)?,
        Technique::SyntheticPaste => synthetic_paste(host, text)?,
        Technique::BeforeInputReplacement => before_input(host, "insertReplacementText", text)?,
        Technique::RangeInsertion => range_insertion(document, host, text)?,
    }
    Ok(true)
}
