//! The tone marks over a `<textarea>`: a transparent copy of the field's text laid out like the
//! field (its font, padding and borders, as the field mirror does), in a closed shadow root over
//! it, where only the words of the findings show an underline.

use super::super::field_mirror::{cover, MIRRORED};
use crate::web::dom::shadow;
use wasm_bindgen::JsValue;
use web_sys::{Document, HtmlElement, HtmlTextAreaElement};

const CSS: &str = r#"
:host { all: initial; position: fixed; z-index: 2147483644; pointer-events: none; display: none; }
:host([data-visible]) { display: block; }
.mirror { box-sizing: border-box; overflow: hidden; white-space: pre-wrap; overflow-wrap: break-word;
  color: transparent; border-style: solid; border-color: transparent; margin: 0; background: transparent; }
mark { color: transparent; background: transparent; text-decoration-skip-ink: none; }
mark.problem { text-decoration: underline wavy #b91c1c 2px; }
mark.warning { text-decoration: underline wavy #b45309 2px; }
mark.info { text-decoration: underline dotted #1d4ed8 2px; }
mark.positive { text-decoration: underline solid #15803d 2px; }
@media (prefers-color-scheme: dark) {
  mark.problem { text-decoration-color: #fca5a5; }
  mark.warning { text-decoration-color: #fcd34d; }
  mark.info { text-decoration-color: #93c5fd; }
  mark.positive { text-decoration-color: #86efac; }
}
"#;

/// The longest field text (UTF-16 units) the mirror copies (as the field mirror).
const MIRROR_MAX: u32 = 100_000;

pub struct Mirror {
    host: HtmlElement,
    mirror: HtmlElement,
}

impl Mirror {
    pub fn new(document: &Document) -> Result<Mirror, JsValue> {
        let (host, root) = shadow::closed_host(document, "porte-voix-tone-marks", CSS)?;
        let mirror = shadow::child(document, &root, "div", "mirror")?;
        Ok(Mirror { host, mirror })
    }

    /// Lays out `text` with the field's metrics, the `(start, end, kind)` spans (UTF-16) in
    /// `<mark>`s; overlapping spans keep the first.
    pub fn show(
        &self,
        document: &Document,
        field: &HtmlTextAreaElement,
        text: &str,
        mut spans: Vec<(u32, u32, &'static str)>,
    ) -> Result<(), JsValue> {
        if spans.is_empty() || field.text_length() > MIRROR_MAX {
            return self.hide();
        }
        crate::tone::token::sort_small(&mut spans, |a, b| {
            (a.0, std::cmp::Reverse(a.1)) < (b.0, std::cmp::Reverse(b.1))
        });
        let units: Vec<u16> = text.encode_utf16().collect();
        self.mirror.set_text_content(None);
        let mut at = 0usize;
        for (start, end, kind) in spans {
            let (start, end) = (start as usize, (end as usize).min(units.len()));
            if start < at || start >= end {
                continue;
            }
            let before = document.create_text_node(&String::from_utf16_lossy(&units[at..start]));
            self.mirror.append_child(&before)?;
            let mark = shadow::child(document, &self.mirror, "mark", kind)?;
            mark.set_text_content(Some(&String::from_utf16_lossy(&units[start..end])));
            at = end;
        }
        let rest = document.create_text_node(&String::from_utf16_lossy(&units[at..]));
        self.mirror.append_child(&rest)?;
        if let Some(cs) = web_sys::window()
            .ok_or("no window")?
            .get_computed_style(field)?
        {
            let style = self.mirror.style();
            for prop in MIRRORED {
                style.set_property(prop, &cs.get_property_value(prop)?)?;
            }
        }
        shadow::show(document, &self.host)?;
        self.place(field)
    }

    /// Keeps the copy on its field: same box (without the field's scrollbar), same scroll.
    pub fn place(&self, field: &HtmlTextAreaElement) -> Result<(), JsValue> {
        cover(&self.host, &self.mirror, field)
    }

    pub fn hide(&self) -> Result<(), JsValue> {
        shadow::hide(&self.host)
    }
}
