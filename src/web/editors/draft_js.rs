//! Draft.js (X's composer, TikTok's comments): `.public-DraftEditor-content` inside
//! `.DraftEditor-root`, one `[data-block="true"]` element per line of the model. Its placeholder
//! is drawn beside the editable element, never inside.
//! Fixture page: `tests/fixtures/sites/mastodon/editors/draft_js.html`.

use super::reading::{self, ComposerText, Rules};
use super::{Editor, Technique};
use crate::sites::EditorKind;
use web_sys::Element;

pub struct DraftJs;

impl Editor for DraftJs {
    fn id(&self) -> &'static str {
        "draft-js"
    }
    fn kind(&self) -> Option<EditorKind> {
        Some(EditorKind::DraftJs)
    }
    fn detect(&self, host: &Element) -> bool {
        host.matches(".public-DraftEditor-content").unwrap_or(false)
            || host.closest(".DraftEditor-root").ok().flatten().is_some()
            || super::has(host, "[data-contents=\"true\"]")
    }
    /// Each block is a line (an empty block holds only a `<br>`: an empty line).
    fn read(&self, host: &Element) -> ComposerText {
        let Ok(blocks) = host.query_selector_all("[data-block=\"true\"]") else {
            return reading::read_blocks(host, &Rules::DEFAULT);
        };
        if blocks.length() == 0 {
            return reading::read_blocks(host, &Rules::DEFAULT);
        }
        let lines = (0..blocks.length())
            .filter_map(|i| blocks.get(i))
            .map(|block| {
                let mut line = Vec::new();
                reading::text_nodes(&block, &Rules::DEFAULT, &mut line);
                line
            })
            .collect();
        ComposerText::from_lines(lines)
    }
    fn insertion_order(&self) -> &'static [Technique] {
        &[Technique::SyntheticPaste, Technique::ExecCommandSingleLine]
    }
}
