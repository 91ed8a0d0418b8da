//! Quill (LinkedIn's share box and comments): `.ql-editor` inside `.ql-container`, one `<p>` per
//! line, `<p><br></p>` for an empty one. The placeholder is CSS (`.ql-blank::before`); list
//! markers (`.ql-ui`) are `contenteditable=false`; `.ql-cursor` holds a zero-width character
//! while formatting: none of them is text.
//! Fixture page: `tests/fixtures/sites/mastodon/editors/quill.html`.

use super::reading::{self, ComposerText, Rules};
use super::{Editor, Technique};
use crate::sites::EditorKind;
use web_sys::Element;

pub struct Quill;

const RULES: Rules = Rules {
    non_editable_is_content: false,
    skip_classes: &["ql-cursor", "ql-ui"],
};

impl Editor for Quill {
    fn id(&self) -> &'static str {
        "quill"
    }
    fn kind(&self) -> Option<EditorKind> {
        Some(EditorKind::Quill)
    }
    fn detect(&self, host: &Element) -> bool {
        super::has_class(host, "ql-editor")
    }
    fn read(&self, host: &Element) -> ComposerText {
        reading::read_blocks(host, &RULES)
    }
    fn insertion_order(&self) -> &'static [Technique] {
        &[Technique::ExecCommand, Technique::SyntheticPaste]
    }
}
