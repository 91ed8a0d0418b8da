//! The editor technologies the networks' composers use, one file per technology under
//! `editors/`: how to recognise one from the DOM, how to read its text the way the network will
//! post it, and the order of insertion techniques that works for it (measured on each library
//! from npm: the model, undo and caret right). Here: the [`Editor`] trait, the registry in
//! detection order, the detection itself, and the generic handling of a rich editor none of them
//! recognises.
//!
//! Nothing here draws anything or keeps state: features (`content/features/`), the session
//! (`content/session.rs`) and insertion (`content/insert.rs`) call these functions. The
//! techniques that write into an editor are in `editors/insert.rs`; each technology declares
//! the order they are tried in ([`Editor::insertion_order`]).

use crate::sites::EditorKind;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

pub mod contenteditable;
pub mod draft_js;
pub mod insert;
pub mod lexical;
pub mod prosemirror;
pub mod quill;
mod reading;
pub mod text_field;

pub use reading::ComposerText;

/// A way to put text into an editor. Which ones work, and in which order, depends on the editor
/// (measured on each library); each technology lists its order as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Technique {
    /// `document.execCommand('insertText', false, text)`.
    ExecCommand,
    /// `execCommand('insertText')` only for one line into a non-empty editor (Draft.js loses
    /// paragraphs and crashes when empty otherwise).
    ExecCommandSingleLine,
    /// `execCommand('insertText')` line by line, a synthetic `beforeinput` `insertParagraph`
    /// between lines (Lexical's last resort).
    ExecCommandLineByLine,
    /// `setRangeText` then `input` and `change` events (text fields).
    SetRangeText,
    /// A synthetic `ClipboardEvent('paste')` carrying a `DataTransfer` with `text/plain`.
    SyntheticPaste,
    /// A synthetic `beforeinput` `insertReplacementText` carrying a `DataTransfer`.
    BeforeInputReplacement,
    /// A DOM `Range` insertion and an `input` event (bare contenteditable only: no undo).
    RangeInsertion,
}

/// One editor technology.
pub trait Editor: Sync {
    /// A stable id (`"draft-js"`), for logs, snapshots and tests.
    fn id(&self) -> &'static str;
    /// The site data's name for this technology, when the site data has one.
    fn kind(&self) -> Option<EditorKind>;
    /// The editing host (a text field, or the outermost editable element) is this technology's.
    fn detect(&self, host: &Element) -> bool;
    /// The text as the network will post it.
    fn read(&self, host: &Element) -> ComposerText;
    /// The insertion techniques to try, in order (the next only when one had no effect).
    fn insertion_order(&self) -> &'static [Technique];
    /// How long after the document's `selectionchange` the editor may still be taking the DOM
    /// selection into its model (ms). Draft.js, Lexical and ProseMirror read it in their
    /// `selectionchange` handlers; Quill one timer (1 ms) later.
    fn selection_sync_ms(&self) -> i32 {
        2
    }
}

/// The technologies recognised by their DOM signature, in detection order.
pub const TECHNOLOGIES: &[&dyn Editor] = &[
    &text_field::TextField,
    &draft_js::DraftJs,
    &lexical::Lexical,
    &prosemirror::ProseMirror,
    &quill::Quill,
];

/// A rich editor none of [`TECHNOLOGIES`] recognises (Slate, CKEditor 5, a site's own): read as
/// blocks without decorations, and given the paste-first order, which is safe without knowing
/// the editor (a synthetic paste has no default action: it only acts where the editor handles it).
pub struct UnknownRich;

/// Signatures of rich editors that have no file of their own.
const OTHER_RICH: &str =
    "[data-slate-editor], .ck-editor__editable, .mce-content-body, trix-editor";

impl Editor for UnknownRich {
    fn id(&self) -> &'static str {
        "unknown-rich"
    }
    fn kind(&self) -> Option<EditorKind> {
        None
    }
    fn detect(&self, host: &Element) -> bool {
        host.matches(OTHER_RICH).unwrap_or(false)
    }
    fn read(&self, host: &Element) -> ComposerText {
        reading::read_blocks(host, &reading::Rules::DEFAULT)
    }
    fn insertion_order(&self) -> &'static [Technique] {
        &[Technique::SyntheticPaste, Technique::ExecCommand]
    }
    /// Slate throttles its selection sync to one per 100 ms; an unknown editor may too.
    fn selection_sync_ms(&self) -> i32 {
        120
    }
}

/// The technology of `host` (see [`editing_host`]). `hint` is what the site data expects there:
/// it is checked first, but the DOM decides. A bare-looking editable where the site expects a
/// rich editor is handled as an unknown rich editor (its signature changed: read it without
/// decorations, insert paste-first).
pub fn detect(host: &Element, hint: Option<EditorKind>) -> &'static dyn Editor {
    let hinted = hint.and_then(|k| TECHNOLOGIES.iter().find(|e| e.kind() == Some(k)));
    if let Some(editor) = hinted.filter(|e| e.detect(host)) {
        return *editor;
    }
    if let Some(editor) = TECHNOLOGIES.iter().find(|e| e.detect(host)) {
        return *editor;
    }
    let expects_rich = matches!(
        hint,
        Some(
            EditorKind::DraftJs | EditorKind::Lexical | EditorKind::ProseMirror | EditorKind::Quill
        )
    );
    if expects_rich || UnknownRich.detect(host) {
        &UnknownRich
    } else {
        &contenteditable::Bare
    }
}

/// The composer an element belongs to: a text field (`<textarea>`, a text `<input>`), or the
/// outermost editable element around it. `None` for anything else.
pub fn editing_host(el: &Element) -> Option<Element> {
    if text_field::is_text_field(el) {
        return Some(el.clone());
    }
    let html = el.dyn_ref::<HtmlElement>()?;
    if !html.is_content_editable() {
        return None;
    }
    let mut host = html.clone();
    while let Some(parent) = host
        .parent_element()
        .and_then(|p| p.dyn_into::<HtmlElement>().ok())
    {
        if !parent.is_content_editable() {
            break;
        }
        host = parent;
    }
    Some(host.into())
}

/// Any node inside `host` matching `selector`, or `host` itself.
fn has(host: &Element, selector: &str) -> bool {
    host.matches(selector).unwrap_or(false)
        || host.query_selector(selector).ok().flatten().is_some()
}

/// `node` is an element carrying class `class`.
fn has_class(node: &Node, class: &str) -> bool {
    node.dyn_ref::<Element>()
        .is_some_and(|e| e.class_name().split_ascii_whitespace().any(|c| c == class))
}
