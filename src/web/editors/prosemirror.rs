//! ProseMirror and TipTap (Bluesky): the editable element has the class `ProseMirror`. One block
//! per paragraph; a hard break is a `<br>`, the break that only keeps a block open has the class
//! `ProseMirror-trailingBreak` and is last. Atom nodes (a mention) are `contenteditable=false` but
//! are posted; widget decorations (`ProseMirror-widget`) are not. The placeholder extension marks
//! an empty paragraph with `data-placeholder` and draws it with CSS: no text to skip.
//! Fixture page: `tests/fixtures/sites/mastodon/editors/prosemirror.html`.

use super::reading::{self, ComposerText, Rules};
use super::{Editor, Technique};
use crate::sites::EditorKind;
use web_sys::Element;

pub struct ProseMirror;

const RULES: Rules = Rules {
    non_editable_is_content: true,
    skip_classes: &["ProseMirror-widget", "ProseMirror-separator"],
};

impl Editor for ProseMirror {
    fn id(&self) -> &'static str {
        "prosemirror"
    }
    fn kind(&self) -> Option<EditorKind> {
        Some(EditorKind::ProseMirror)
    }
    fn detect(&self, host: &Element) -> bool {
        super::has_class(host, "ProseMirror")
    }
    fn read(&self, host: &Element) -> ComposerText {
        reading::read_blocks(host, &RULES)
    }
    fn insertion_order(&self) -> &'static [Technique] {
        &[Technique::ExecCommand, Technique::SyntheticPaste]
    }
}
