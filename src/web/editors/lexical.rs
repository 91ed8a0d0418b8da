//! Lexical (Facebook, Messenger, Threads, Reddit, Instagram DMs): the editable element carries
//! `data-lexical-editor`; one block element per paragraph, `<br>` for a line break inside one
//! (plain-text mode). The placeholder is a sibling; decorator nodes are `contenteditable=false`
//! and count for nothing in the model's text.
//! Fixture page: `tests/fixtures/sites/mastodon/editors/lexical.html` (rich and plain modes).

use super::reading::{self, ComposerText, Rules};
use super::{Editor, Technique};
use crate::sites::EditorKind;
use web_sys::Element;

pub struct Lexical;

impl Editor for Lexical {
    fn id(&self) -> &'static str {
        "lexical"
    }
    fn kind(&self) -> Option<EditorKind> {
        Some(EditorKind::Lexical)
    }
    fn detect(&self, host: &Element) -> bool {
        host.has_attribute("data-lexical-editor")
    }
    fn read(&self, host: &Element) -> ComposerText {
        reading::read_blocks(host, &Rules::DEFAULT)
    }
    fn insertion_order(&self) -> &'static [Technique] {
        &[
            Technique::SyntheticPaste,
            Technique::BeforeInputReplacement,
            Technique::ExecCommandLineByLine,
        ]
    }
}
