//! Reading rich editors' DOM as lines of text, shared by the technologies: block elements are
//! lines (an empty block an empty line), inline content between blocks is a line, a `<br>` ends a
//! line unless it is the one that keeps a block open (the last node of its parent). Placeholders
//! and decorations that are not part of the post are skipped. Keeps the text nodes each part
//! came from, so that an offset in the text maps back to a DOM position.
//!
//! Only reading: nothing here changes the DOM.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// One text node of a rich editor and where its text starts in the composer's text.
struct Piece {
    node: Node,
    start16: u32,
    len16: u32,
}

/// A composer's text, with the text nodes it came from (none for a text field).
pub struct ComposerText {
    /// The text as the network will post it.
    pub text: String,
    pieces: Vec<Piece>,
}

/// A line: the text nodes on it, with their text.
pub(super) type Line = Vec<(Node, String)>;

/// What a technology's DOM puts inside the editable element that is not text of the post.
pub(super) struct Rules {
    /// `contenteditable="false"` elements are content (ProseMirror's atom nodes: a mention is
    /// posted), not decorations; then only `skip_classes` and `aria-hidden` mark decorations.
    pub non_editable_is_content: bool,
    /// Classes of elements that are never text of the post (a widget, a caret holder).
    pub skip_classes: &'static [&'static str],
}

impl Rules {
    pub const DEFAULT: Rules = Rules {
        non_editable_is_content: false,
        skip_classes: &[],
    };
}

impl ComposerText {
    /// A text field's value: no text nodes behind it.
    pub fn plain(text: String) -> ComposerText {
        ComposerText {
            text,
            pieces: Vec::new(),
        }
    }

    /// Lines joined with `\n`, remembering where each text node's text starts.
    pub(super) fn from_lines(lines: Vec<Line>) -> ComposerText {
        let mut text = String::new();
        let mut pieces = Vec::new();
        let mut at16 = 0u32;
        for (i, line) in lines.into_iter().enumerate() {
            if i > 0 {
                text.push('\n');
                at16 += 1;
            }
            for (node, s) in line {
                let len16 = s.encode_utf16().count() as u32;
                pieces.push(Piece {
                    node,
                    start16: at16,
                    len16,
                });
                text.push_str(&s);
                at16 += len16;
            }
        }
        ComposerText { text, pieces }
    }

    /// The DOM position of UTF-16 offset `offset16` of the text: a text node and an offset in it.
    /// An offset on a line break maps to the start of the next text node. `None` for text fields
    /// and past the end.
    pub fn dom_position(&self, offset16: u32) -> Option<(Node, u32)> {
        self.pieces
            .iter()
            .find(|p| p.start16 <= offset16 && offset16 < p.start16 + p.len16)
            .or_else(|| {
                self.pieces
                    .iter()
                    .find(|p| p.start16 >= offset16 && p.len16 > 0)
            })
            .map(|p| (p.node.clone(), offset16.saturating_sub(p.start16)))
    }
    /// The UTF-16 offset in the text of the DOM boundary point (`node`, `offset`): exact in a
    /// text node of the text, else the start of the first text node after the point (a line
    /// break may be off by one there, which whitespace-insensitive judging ignores).
    pub fn offset_of(&self, node: &Node, offset: u32) -> u32 {
        let end = self.text.encode_utf16().count() as u32;
        if let Some(p) = self.pieces.iter().find(|p| &p.node == node) {
            return p.start16 + offset.min(p.len16);
        }
        let Some(range) = node.owner_document().and_then(|d| d.create_range().ok()) else {
            return end;
        };
        if range.set_start(node, offset).is_err() {
            return end;
        }
        range.collapse_with_to_start(true);
        self.pieces
            .iter()
            .find(|p| range.compare_point(&p.node, 0).is_ok_and(|c| c > 0))
            .map_or(end, |p| p.start16)
    }
}

/// `el` is drawn by the page or the editor but is not text of the post: hidden from assistive
/// technology, a non-editable decoration, a placeholder, or one of the technology's own widgets.
pub(super) fn is_decoration(el: &Element, rules: &Rules) -> bool {
    if el.get_attribute("aria-hidden").as_deref() == Some("true") {
        return true;
    }
    if !rules.non_editable_is_content
        && el
            .get_attribute("contenteditable")
            .is_some_and(|v| v.eq_ignore_ascii_case("false"))
    {
        return true;
    }
    el.class_name()
        .split_ascii_whitespace()
        .any(|c| c.to_ascii_lowercase().contains("placeholder") || rules.skip_classes.contains(&c))
}

/// The text nodes under `node` in document order, decorations skipped.
pub(super) fn text_nodes(node: &Node, rules: &Rules, out: &mut Line) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.get(i) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => {
                let s = child.node_value().unwrap_or_default();
                out.push((child, s));
            }
            Node::ELEMENT_NODE
                if !child
                    .dyn_ref::<Element>()
                    .is_some_and(|e| is_decoration(e, rules)) =>
            {
                text_nodes(&child, rules, out);
            }
            _ => {}
        }
    }
}

fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "P" | "DIV"
            | "LI"
            | "H1"
            | "H2"
            | "H3"
            | "H4"
            | "H5"
            | "H6"
            | "BLOCKQUOTE"
            | "PRE"
            | "UL"
            | "OL"
    )
}

/// The editable element read as blocks and lines (see the module's documentation).
pub(super) fn read_blocks(host: &Element, rules: &Rules) -> ComposerText {
    ComposerText::from_lines(block_lines(host, rules))
}

fn block_lines(node: &Node, rules: &Rules) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut current: Option<Line> = None;
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.get(i) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => {
                let s = child.node_value().unwrap_or_default();
                current.get_or_insert_with(Vec::new).push((child, s));
            }
            Node::ELEMENT_NODE => {
                if child
                    .dyn_ref::<Element>()
                    .is_some_and(|e| is_decoration(e, rules))
                {
                    continue;
                }
                let tag = child.node_name();
                if tag == "BR" {
                    lines.push(current.take().unwrap_or_default());
                    if child.next_sibling().is_some() {
                        current = Some(Vec::new());
                    }
                } else if is_block(&tag) {
                    if let Some(line) = current.take() {
                        lines.push(line);
                    }
                    let inner = block_lines(&child, rules);
                    if inner.is_empty() {
                        lines.push(Vec::new());
                    } else {
                        lines.extend(inner);
                    }
                } else {
                    let mut inner = block_lines(&child, rules).into_iter();
                    if let Some(first) = inner.next() {
                        current.get_or_insert_with(Vec::new).extend(first);
                    }
                    for line in inner {
                        lines.push(current.take().unwrap_or_default());
                        current = Some(line);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(line) = current {
        lines.push(line);
    }
    lines
}
