//! The insertion notice: one short message next to the composer (below it, or above when there
//! is no room), in a closed shadow root, `role=status`, dismissable, light and dark. It says what
//! the user must do when an insertion could not be completed or verified ("copied: press
//! Ctrl+V", "the send button stays disabled"…); the text is the `_locales` message of the error's
//! code.

use crate::error::{message_key, Coded};
use crate::web::dom::{geometry, shadow};
use crate::web::ext::t;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement};

const CSS: &str = r#"
:host { all: initial; position: fixed; z-index: 2147483647; display: none; }
:host([data-visible]) { display: block; }
.notice {
  display: flex; gap: 10px; align-items: flex-start; box-sizing: border-box;
  max-width: min(420px, calc(100vw - 16px)); padding: 10px 12px; border-radius: 8px;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  background: #fffbeb; color: #422006; border: 1px solid #b45309;
  box-shadow: 0 2px 10px rgba(0,0,0,.18);
}
.icon { flex: none; font-weight: 700; color: #b45309; }
.text { flex: 1; }
button {
  flex: none; font: inherit; font-size: 13px; cursor: pointer; padding: 2px 10px;
  background: transparent; color: inherit; border: 1px solid currentColor; border-radius: 6px;
}
button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .notice { background: #292524; color: #fef3c7; border-color: #f59e0b; box-shadow: 0 2px 10px rgba(0,0,0,.5); }
  .icon { color: #fbbf24; }
  button:focus-visible { outline-color: #93c5fd; }
}
"#;

struct Notice {
    host: HtmlElement,
    text: HtmlElement,
    _close: Closure<dyn Fn()>,
}

thread_local! {
    static NOTICE: RefCell<Option<Notice>> = const { RefCell::new(None) };
}

fn make(document: &Document) -> Result<Notice, JsValue> {
    let (host, root) = shadow::closed_host(document, "porte-voix-insert-notice", CSS)?;
    let box_ = shadow::child(document, &root, "div", "notice")?;
    box_.set_attribute("role", "status")?;
    box_.set_attribute("aria-live", "polite")?;
    let icon = shadow::child(document, &box_, "span", "icon")?;
    icon.set_attribute("aria-hidden", "true")?;
    icon.set_text_content(Some("!"));
    let text = shadow::child(document, &box_, "span", "text")?;
    let button = shadow::child(document, &box_, "button", "close")?;
    button.set_attribute("type", "button")?;
    button.set_text_content(Some(&t("error_dismiss")));
    let close = Closure::<dyn Fn()>::new(hide);
    button.add_event_listener_with_callback("click", close.as_ref().unchecked_ref())?;
    Ok(Notice {
        host,
        text,
        _close: close,
    })
}

/// Shows the message of `problem` next to `composer`.
pub fn show(composer: &Element, problem: &dyn Coded) {
    let Some(document) = composer.owner_document() else {
        return;
    };
    let shown = NOTICE.with(|n| -> Result<(), JsValue> {
        let mut n = n.try_borrow_mut().map_err(|_| JsValue::from_str("busy"))?;
        if n.is_none() {
            *n = Some(make(&document)?);
        }
        let Some(notice) = n.as_ref() else {
            return Ok(());
        };
        notice.host.set_attribute("data-code", problem.code())?;
        notice
            .text
            .set_text_content(Some(&t(&message_key(problem.code()))));
        shadow::show(&document, &notice.host)?;
        // below the composer, or above it when the viewport ends first
        let rect = geometry::Rect::of(composer);
        let height = notice.host.get_bounding_client_rect().height();
        let viewport = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(f64::MAX);
        let top = if rect.bottom + 8.0 + height > viewport {
            (rect.top - 8.0 - height).max(0.0)
        } else {
            rect.bottom + 8.0
        };
        geometry::pin(&notice.host, rect.left.max(8.0), top)
    });
    if let Err(e) = shown {
        web_sys::console::warn_2(&"Porte-voix: insertion notice".into(), &e);
    }
}

/// Takes the notice down (dismissed, or a new insertion starts).
pub fn hide() {
    NOTICE.with(|n| {
        if let Ok(n) = n.try_borrow() {
            if let Some(notice) = n.as_ref() {
                let _ = shadow::hide(&notice.host);
            }
        }
    });
}
