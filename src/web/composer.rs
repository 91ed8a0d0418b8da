//! Reading a composer's text the way the network will post it, and mapping offsets in that text
//! back to DOM positions (to mark the part past the limit without touching the editor's DOM).
//!
//! A text field's value is read as is. Rich editors are read block by block: Draft.js blocks
//! (`[data-block]`) are lines; elsewhere each block element is a line (an empty block an empty
//! line), inline content between blocks is a line, and a `<br>` ends a line unless it is the
//! placeholder that keeps a block open (the last node of its parent).

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
    pub text: String,
    pieces: Vec<Piece>,
}

/// A line: the text nodes on it, with their text.
type Line = Vec<(Node, String)>;

/// Reads the composer.
pub fn read(composer: &Element) -> ComposerText {
    if let Some(ta) = composer.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return ComposerText {
            text: ta.value(),
            pieces: Vec::new(),
        };
    }
    if let Some(input) = composer.dyn_ref::<web_sys::HtmlInputElement>() {
        return ComposerText {
            text: input.value(),
            pieces: Vec::new(),
        };
    }
    let lines = match composer.query_selector_all("[data-block=\"true\"]") {
        Ok(blocks) if blocks.length() > 0 => (0..blocks.length())
            .filter_map(|i| blocks.get(i))
            .map(|block| {
                let mut line = Vec::new();
                text_nodes(&block, &mut line);
                line
            })
            .collect(),
        _ => block_lines(composer),
    };
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

/// The composer's text (see [`read`]).
pub fn read_text(composer: &Element) -> String {
    read(composer).text
}

impl ComposerText {
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
}

fn text_nodes(node: &Node, out: &mut Line) {
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
            Node::ELEMENT_NODE => text_nodes(&child, out),
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

fn block_lines(node: &Node) -> Vec<Line> {
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
                    let inner = block_lines(&child);
                    if inner.is_empty() {
                        lines.push(Vec::new());
                    } else {
                        lines.extend(inner);
                    }
                } else {
                    let mut inner = block_lines(&child).into_iter();
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
