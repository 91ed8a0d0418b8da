//! The overflow mark in rich editors: the text past the limit, marked with a CSS custom
//! highlight (no change to the editor's DOM, which the editor owns; nothing where the browser
//! lacks the Highlight API). Text fields get the field mirror instead (a range cannot reach
//! inside a field).

use crate::web::content::{Feature, Snapshot};
use crate::web::dom::{highlight, page_sheet};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::Document;

/// The highlight's name, and its look (in the page's own adopted style sheets: `::highlight()`
/// applies where the text is, outside our shadow roots).
const HIGHLIGHT: &str = "porte-voix-overflow";
const PAGE_CSS: &str = r#"
::highlight(porte-voix-overflow) { background-color: rgba(220, 38, 38, 0.22); text-decoration: underline wavy #dc2626; }
@media (prefers-color-scheme: dark) {
  ::highlight(porte-voix-overflow) { background-color: rgba(248, 113, 113, 0.3); text-decoration: underline wavy #fca5a5; }
}
"#;

struct OverflowMark;

pub fn make(_document: &Document) -> Result<Rc<dyn Feature>, JsValue> {
    Ok(Rc::new(OverflowMark))
}

impl Feature for OverflowMark {
    fn update(&self, snapshot: &Snapshot) -> Result<(), JsValue> {
        let Some(c) = &snapshot.composer else {
            return self.leave();
        };
        let Some(start) = c.report.overflow.map(|o| o.start) else {
            return self.leave();
        };
        let Some((node, offset)) = c.text.dom_position(start) else {
            return self.leave();
        };
        let range = snapshot.document.create_range()?;
        range.set_start(&node, offset)?;
        range.set_end(&c.element, c.element.child_nodes().length())?;
        page_sheet::ensure(&snapshot.document, HIGHLIGHT, PAGE_CSS)?;
        highlight::set(HIGHLIGHT, &range)
    }

    fn leave(&self) -> Result<(), JsValue> {
        highlight::delete(HIGHLIGHT)
    }
}
