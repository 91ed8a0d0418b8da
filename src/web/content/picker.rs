//! The picker's place in the page: on the extension's `open_picker` (the keyboard command, sent
//! by the background), a frame of the extension's `picker.html` next to the composer followed,
//! given the page's context (reply context, brand, URL, title, now) and the composer's platform
//! in its URL fragment; on `close_picker` (Esc, or after inserting) the frame goes and the focus
//! returns to the composer. Messages are taken from this extension only (`sender_allowed`);
//! the page can neither read the frame's content nor post to it anything it acts on.

use super::features::triggers::page_context;
use super::{insert, session};
use crate::insert::{sender_allowed, InsertError};
use crate::web::dom::geometry;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(thread_local_v2, js_namespace = chrome, js_name = runtime)]
    static RUNTIME: JsValue;
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = getURL)]
    fn runtime_get_url(path: &str) -> String;
}

/// The frame's size (CSS pixels).
const WIDTH: f64 = 420.0;
const HEIGHT: f64 = 400.0;

thread_local! {
    static FRAME: RefCell<Option<(Element, Element)>> = const { RefCell::new(None) };
}

/// `open_picker` / `close_picker` from the extension, with its sender.
pub fn handle(message: &JsValue, sender: &JsValue) -> Result<JsValue, JsValue> {
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
    let own_id = RUNTIME
        .with(|r| get(r, "id"))
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let sender_id = get(sender, "id").and_then(|v| v.as_string());
    let from_tab = get(sender, "tab").is_some_and(|t| !t.is_undefined() && !t.is_null());
    let url = get(sender, "url").and_then(|v| v.as_string());
    let base = runtime_get_url("");
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
    match get(message, "kind").and_then(|k| k.as_string()).as_deref() {
        Some("open_picker") => open().map(|_| JsValue::TRUE),
        Some("close_picker") => {
            close(true);
            Ok(JsValue::TRUE)
        }
        _ => Ok(JsValue::FALSE),
    }
}

/// Opens the frame next to the composer followed (again, if it was open).
fn open() -> Result<(), JsValue> {
    close(false);
    let Some((host, _, _)) = session::current() else {
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            insert::notice::show(&body, &InsertError::NoComposer);
        }
        return Ok(());
    };
    let document = host.owner_document().ok_or("no document")?;
    let opened = serde_json::json!({
        "context": page_context(&host),
        "platform": session::platform_of(&host),
    });
    let fragment = js_sys::encode_uri_component(&opened.to_string());
    let frame = document.create_element("iframe")?;
    frame.set_attribute(
        "src",
        &format!(
            "{}#{}",
            runtime_get_url("picker.html"),
            String::from(fragment)
        ),
    )?;
    frame.set_attribute("title", &crate::web::ext::t("picker_title"))?;
    frame.set_attribute("data-porte-voix", "picker")?;
    let rect = geometry::Rect::of(&host);
    let window = web_sys::window().ok_or("no window")?;
    let vh = window.inner_height()?.as_f64().unwrap_or(HEIGHT);
    let vw = window.inner_width()?.as_f64().unwrap_or(WIDTH);
    let top = if rect.bottom + 8.0 + HEIGHT <= vh {
        rect.bottom + 8.0
    } else {
        (rect.top - 8.0 - HEIGHT).max(8.0)
    };
    let left = rect.left.min(vw - WIDTH - 8.0).max(8.0);
    frame.set_attribute(
        "style",
        &format!(
            "all: initial; position: fixed; z-index: 2147483647; left: {left}px; top: {top}px; \
             width: {WIDTH}px; height: {HEIGHT}px; border: 0; border-radius: 10px; \
             box-shadow: 0 6px 24px rgba(0,0,0,.3); color-scheme: light dark; display: block;"
        ),
    )?;
    document
        .document_element()
        .ok_or("no root")?
        .append_child(&frame)?;
    if let Some(f) = frame.dyn_ref::<HtmlElement>() {
        f.focus()?;
    }
    FRAME.with(|c| *c.borrow_mut() = Some((frame, host)));
    Ok(())
}

/// Takes the frame down; `refocus`: the focus goes back to the composer.
fn close(refocus: bool) {
    let open = FRAME.with(|c| c.try_borrow_mut().ok().and_then(|mut c| c.take()));
    if let Some((frame, host)) = open {
        frame.remove();
        if refocus {
            if let Some(h) = host.dyn_ref::<HtmlElement>() {
                let _ = h.focus();
            }
        }
    }
}
