//! Text fields: `<textarea>` and text `<input>`, React-controlled or not (Mastodon, Instagram's
//! comments, old Reddit, YouTube Studio's fields). Read: the value as is.
//! Fixture page: `tests/fixtures/sites/mastodon/editors/text_field.html` (a React textarea).

use super::{ComposerText, Editor, Technique};
use crate::sites::EditorKind;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

pub struct TextField;

/// `el` is a `<textarea>`, or an `<input>` of a text type (no type, `text`, `search`).
pub fn is_text_field(el: &Element) -> bool {
    match el.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => {
            let ty = el
                .get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            matches!(ty.as_str(), "" | "text" | "search")
        }
        _ => false,
    }
}

impl Editor for TextField {
    fn id(&self) -> &'static str {
        "text-field"
    }
    fn kind(&self) -> Option<EditorKind> {
        Some(EditorKind::TextField)
    }
    fn detect(&self, host: &Element) -> bool {
        is_text_field(host)
    }
    fn read(&self, host: &Element) -> ComposerText {
        let value = if let Some(ta) = host.dyn_ref::<HtmlTextAreaElement>() {
            ta.value()
        } else if let Some(input) = host.dyn_ref::<HtmlInputElement>() {
            input.value()
        } else {
            String::new()
        };
        ComposerText::plain(value)
    }
    fn insertion_order(&self) -> &'static [Technique] {
        &[Technique::ExecCommand, Technique::SetRangeText]
    }
}
