//! The overflow mark over a `<textarea>`: a transparent copy of the field's text laid out exactly
//! like it (the field's own font, padding and borders), in a closed shadow root over the field,
//! where only the part past the limit shows, as a translucent band. Runs on text fields.

use crate::web::content::{Feature, Snapshot};
use crate::web::dom::{geometry, shadow};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement, HtmlTextAreaElement};

const CSS: &str = r#"
:host { all: initial; position: fixed; z-index: 2147483645; pointer-events: none; display: none; }
:host([data-visible]) { display: block; }
.mirror { box-sizing: border-box; overflow: hidden; white-space: pre-wrap; overflow-wrap: break-word;
  color: transparent; border-style: solid; border-color: transparent; margin: 0; background: transparent; }
mark { color: transparent; background-color: rgba(220, 38, 38, 0.22); border-radius: 2px;
  text-decoration: underline wavy #dc2626; }
@media (prefers-color-scheme: dark) {
  mark { background-color: rgba(248, 113, 113, 0.3); text-decoration-color: #fca5a5; }
}
"#;

/// The text-field styles the mirror copies so that its text wraps exactly like the field's.
pub(super) const MIRRORED: &[&str] = &[
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "font-variant",
    "font-stretch",
    "line-height",
    "letter-spacing",
    "word-spacing",
    "text-transform",
    "text-indent",
    "tab-size",
    "text-align",
    "direction",
    "padding-top",
    "padding-right",
    "padding-bottom",
    "padding-left",
    "border-top-width",
    "border-right-width",
    "border-bottom-width",
    "border-left-width",
];

/// The longest field text (UTF-16 units) the mirror copies: past it, laying out a copy costs
/// seconds per keystroke, and the badge alone says it is over (no network takes posts that long
/// in a text field).
const MIRROR_MAX: u32 = 100_000;

struct FieldMirror {
    document: Document,
    host: HtmlElement,
    mirror: HtmlElement,
    before: web_sys::Text,
    over: web_sys::Text,
}

pub fn make(document: &Document) -> Result<Rc<dyn Feature>, JsValue> {
    let (host, root) = shadow::closed_host(document, "porte-voix-mark", CSS)?;
    let mirror = shadow::child(document, &root, "div", "mirror")?;
    let before = document.create_text_node("");
    mirror.append_child(&before)?;
    let mark = document.create_element("mark")?;
    let over = document.create_text_node("");
    mark.append_child(&over)?;
    mirror.append_child(&mark)?;
    Ok(Rc::new(FieldMirror {
        document: document.clone(),
        host,
        mirror,
        before,
        over,
    }))
}

impl Feature for FieldMirror {
    /// The same text, laid out with the field's own metrics, the part past the limit in a
    /// `<mark>`.
    fn update(&self, snapshot: &Snapshot) -> Result<(), JsValue> {
        let Some(c) = &snapshot.composer else {
            return self.leave();
        };
        let Some(field) = c.element.dyn_ref::<HtmlTextAreaElement>() else {
            return self.leave();
        };
        let Some(start16) = c
            .report
            .overflow
            .map(|o| o.start)
            .filter(|_| field.text_length() <= MIRROR_MAX)
        else {
            return self.leave();
        };
        let units: Vec<u16> = c.text.text.encode_utf16().collect();
        let cut = (start16 as usize).min(units.len());
        self.before
            .set_data(&String::from_utf16_lossy(&units[..cut]));
        self.over.set_data(&String::from_utf16_lossy(&units[cut..]));
        if let Some(cs) = web_sys::window()
            .ok_or("no window")?
            .get_computed_style(field)?
        {
            let style = self.mirror.style();
            for prop in MIRRORED {
                style.set_property(prop, &cs.get_property_value(prop)?)?;
            }
        }
        shadow::show(&self.document, &self.host)?;
        self.place(snapshot)
    }

    /// Keeps the mirror on its field: same box (without the field's scrollbar), same scroll.
    fn place(&self, snapshot: &Snapshot) -> Result<(), JsValue> {
        let Some(field) = snapshot
            .composer
            .as_ref()
            .and_then(|c| c.element.dyn_ref::<HtmlTextAreaElement>())
        else {
            return Ok(());
        };
        cover(&self.host, &self.mirror, field)
    }

    fn leave(&self) -> Result<(), JsValue> {
        shadow::hide(&self.host)
    }
}

/// Keeps a copy of `field` (`mirror`, in `host`) on it, when shown: the same box without the
/// field's scrollbar, the same scroll. The tone's underlines in a text field use it too.
pub(super) fn cover(
    host: &HtmlElement,
    mirror: &HtmlElement,
    field: &HtmlTextAreaElement,
) -> Result<(), JsValue> {
    if !host.has_attribute("data-visible") {
        return Ok(());
    }
    let rect = geometry::Rect::of(field);
    geometry::pin(host, rect.left, rect.top)?;
    let borders = f64::from(field.offset_width() - field.client_width());
    let scrollbar = borders - f64::from(field.client_left()) * 2.0;
    geometry::size(mirror, rect.width() - scrollbar.max(0.0), rect.height())?;
    mirror.set_scroll_top(field.scroll_top());
    Ok(())
}
