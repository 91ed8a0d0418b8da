//! A bare `contenteditable` with no editor framework (YouTube's comments, LinkedIn messaging):
//! inline runs and `<div>` blocks are lines, a `<br>` ends a line unless it keeps a block open.
//! A page may draw its placeholder or other decorations inside (`contenteditable=false`,
//! `aria-hidden`): they are skipped.
//! Fixture page: `tests/fixtures/sites/mastodon/editors/contenteditable.html`.

use super::reading::{self, ComposerText, Rules};
use super::{Editor, Technique};
use crate::sites::EditorKind;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub struct Bare;

impl Editor for Bare {
    fn id(&self) -> &'static str {
        "contenteditable"
    }
    fn kind(&self) -> Option<EditorKind> {
        Some(EditorKind::ContentEditable)
    }
    fn detect(&self, host: &Element) -> bool {
        host.dyn_ref::<HtmlElement>()
            .is_some_and(|h| h.is_content_editable())
    }
    fn read(&self, host: &Element) -> ComposerText {
        reading::read_blocks(host, &Rules::DEFAULT)
    }
    fn insertion_order(&self) -> &'static [Technique] {
        &[
            Technique::SyntheticPaste,
            Technique::ExecCommand,
            Technique::RangeInsertion,
        ]
    }
}
