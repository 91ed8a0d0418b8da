//! Inserting text into a composer, the decisions only: the message that asks the content script
//! to insert, where the caret must land, who may ask, and how to judge what an attempt did from
//! the composer's text read back (unchanged, right, or wrong). The browser layer
//! (`web/editors/insert.rs`, `web/content/insert.rs`) runs the techniques and reads the DOM;
//! nothing here touches a browser.
//!
//! Offsets are UTF-16 code units, as the DOM counts them.

use crate::error::Coded;
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// A message to the content script of a tab, sent by the extension itself (the background, or an
/// extension page such as the template picker's frame).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ContentMessage {
    /// Insert `text` into the focused composer (or the last focused one).
    InsertText {
        text: String,
        /// Where the caret goes in `text` (UTF-16), from `{{curseur}}`; after the text if absent.
        #[serde(default)]
        cursor: Option<u32>,
        /// A typed trigger (`;merci`) just before the caret, to be replaced by the text.
        #[serde(default)]
        trigger: Option<String>,
    },
}

/// One field of a message as the content script reads it off the JS object it received.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    Absent,
    Null,
    Text(String),
    Number(f64),
    /// A boolean, an object, an array.
    Other,
}

impl ContentMessage {
    /// The message read field by field (`field(name)`), accepting and refusing exactly what its
    /// `Deserialize` does on the same message's JSON (a test checks they agree). The in-page
    /// engine reads its messages this way: a JSON parser and serde's machinery for internally
    /// tagged enums would weigh more in every page than the whole message is worth.
    pub fn from_fields(field: impl Fn(&str) -> Field) -> Option<ContentMessage> {
        if field("kind") != Field::Text("insert_text".into()) {
            return None;
        }
        let Field::Text(text) = field("text") else {
            return None;
        };
        let cursor = match field("cursor") {
            Field::Absent | Field::Null => None,
            Field::Number(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => {
                Some(n as u32)
            }
            _ => return None,
        };
        let trigger = match field("trigger") {
            Field::Absent | Field::Null => None,
            Field::Text(t) => Some(t),
            _ => return None,
        };
        Some(ContentMessage::InsertText {
            text,
            cursor,
            trigger,
        })
    }
}

/// How the text goes in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// At the caret (nothing selected).
    AtCaret,
    /// Over the selected text.
    ReplaceSelection,
    /// Over the typed trigger before the caret, selected backwards first.
    ReplaceTrigger(String),
}

impl Mode {
    /// The mode for a request: a trigger is replaced when one is given; otherwise a selection is
    /// replaced when there is one.
    pub fn choose(trigger: Option<&str>, has_selection: bool) -> Mode {
        match trigger.filter(|t| !t.is_empty()) {
            Some(t) => Mode::ReplaceTrigger(t.to_string()),
            None if has_selection => Mode::ReplaceSelection,
            None => Mode::AtCaret,
        }
    }
}

/// Why an insertion did not end as asked. The UI shows `error_insert_<name>` from `_locales`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InsertError {
    /// No composer has (or had) the focus on this page.
    #[error("no composer to insert into")]
    NoComposer,
    /// The typed trigger is not before the caret (any more).
    #[error("the trigger is not before the caret")]
    TriggerNotFound,
    /// No technique put the text in right: it is on the clipboard for Ctrl+V.
    #[error("not inserted; copied to the clipboard")]
    Copied,
    /// No technique put the text in right, and the clipboard refused it too.
    #[error("not inserted; the clipboard refused the text")]
    NotCopied,
    /// The text is in, but the network's send button stayed disabled.
    #[error("inserted, but the send button is disabled")]
    SendDisabled,
    /// The text was in, then the editor re-rendered without it.
    #[error("inserted, then lost when the editor re-rendered")]
    Reverted,
}

impl Coded for InsertError {
    fn code(&self) -> &'static str {
        match self {
            InsertError::NoComposer => "insert.no_composer",
            InsertError::TriggerNotFound => "insert.trigger_not_found",
            InsertError::Copied => "insert.copied",
            InsertError::NotCopied => "insert.not_copied",
            InsertError::SendDisabled => "insert.send_disabled",
            InsertError::Reverted => "insert.reverted",
        }
    }
}

impl InsertError {
    /// Every error, for the test that each has its message.
    pub const ALL: [InsertError; 6] = [
        InsertError::NoComposer,
        InsertError::TriggerNotFound,
        InsertError::Copied,
        InsertError::NotCopied,
        InsertError::SendDisabled,
        InsertError::Reverted,
    ];
}

/// The composer's text expected after inserting: what stays before, the text, what stays after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expectation {
    /// The composer's text before the attempt (the trigger or selection still in it).
    pub before: String,
    pub prefix: String,
    pub text: String,
    pub suffix: String,
}

/// What an attempt did, judged from the text read back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing changed: the next technique may be tried.
    Unchanged,
    /// The text is in, as expected.
    Right,
    /// Something changed, not as expected: stop (another technique would stack on it).
    Wrong,
    /// The attempt changed the composer, then the user changed it too (undo, typing, a paste
    /// of their own) before it was read back: the composer is theirs again. Not retried, not
    /// judged, nothing reported, the caret left where the user put it.
    Yielded,
}

/// `s` without any whitespace (editors differ on trailing spaces, non-breaking spaces and how a
/// blank line is kept; the words and their order must not).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Two consecutive non-empty lines of `text` ended up on one line of `now` (a paragraph break
/// lost: the post would be glued together).
pub fn lines_glued(now: &str, text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut from = 0;
    for pair in lines.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let Some(i) = now[from..].find(a).map(|i| i + from) else {
            return false;
        };
        let after = i + a.len();
        let Some(j) = now[after..].find(b).map(|j| j + after) else {
            return false;
        };
        if !now[after..j].contains('\n') {
            return true;
        }
        from = after;
    }
    false
}

/// Judges a rich editor's text read back: whitespace-insensitively equal to prefix + text +
/// suffix with no lines glued is right; equal to the text before is unchanged; anything else is
/// wrong.
pub fn judge_rich(now: &str, e: &Expectation) -> Outcome {
    let want = format!("{}{}{}", e.prefix, e.text, e.suffix);
    if squeeze(now) == squeeze(&want) && !lines_glued(now, &e.text) {
        Outcome::Right
    } else if squeeze(now) == squeeze(&e.before) {
        Outcome::Unchanged
    } else {
        Outcome::Wrong
    }
}

/// Judges a text field's value read back: exactly prefix + text + suffix is right.
pub fn judge_field(now: &str, e: &Expectation) -> Outcome {
    let want = format!("{}{}{}", e.prefix, e.text, e.suffix);
    if now == want {
        Outcome::Right
    } else if now == e.before {
        Outcome::Unchanged
    } else {
        Outcome::Wrong
    }
}

/// Judges the second read-back of an attempt (~200 ms after the first): right when right again,
/// and also when the first was right and the composer now holds what was expected with more typed
/// at the caret after the text (the user went on typing: that must not turn a good insertion
/// into a failure and a clipboard notice). `field`: a text field, compared exactly; otherwise
/// whitespace aside, as [`judge_rich`].
pub fn judge_again(first: Outcome, now: &str, e: &Expectation, field: bool) -> Outcome {
    let again = if field {
        judge_field(now, e)
    } else {
        judge_rich(now, e)
    };
    match (first, again) {
        (_, Outcome::Right) => Outcome::Right,
        (Outcome::Right, _) if typed_after(now, e, field) => Outcome::Right,
        (Outcome::Unchanged, Outcome::Unchanged) => Outcome::Unchanged,
        _ => Outcome::Wrong,
    }
}

/// The user took the composer over from an attempt: they acted on it (`at_action`: its text
/// when they did, before their action took effect) after the attempt had changed it from the
/// text `before`. An attempt with no effect yet is not taken over: its read-back judges it.
/// `field`: a text field, compared exactly; otherwise whitespace aside, as [`judge_rich`].
pub fn taken_over(before: &str, at_action: Option<&str>, field: bool) -> bool {
    at_action.is_some_and(|then| {
        if field {
            then != before
        } else {
            squeeze(then) != squeeze(before)
        }
    })
}

/// `now` is prefix + text + something more + suffix, the more not the text again.
fn typed_after(now: &str, e: &Expectation, field: bool) -> bool {
    let norm = |s: &str| if field { s.to_string() } else { squeeze(s) };
    let (now, head, tail) = (
        norm(now),
        norm(&format!("{}{}", e.prefix, e.text)),
        norm(&e.suffix),
    );
    if now.len() <= head.len() + tail.len() || !now.starts_with(&head) || !now.ends_with(&tail) {
        return false;
    }
    // what was typed after the text; the text once more is an editor's late duplicate, not typing
    let typed = &now[head.len()..now.len() - tail.len()];
    let text = norm(&e.text);
    text.is_empty() || !typed.contains(&text)
}

/// UTF-16 length of `s`.
pub fn len16(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

/// Where the caret lands in the composer's text: at `cursor` in the text (clamped to it), or
/// after the text. A rich editor's text may hold a line break where `text` has one.
pub fn caret_offset(prefix: &str, text: &str, cursor: Option<u32>) -> u32 {
    let n = len16(text);
    len16(prefix) + cursor.map_or(n, |c| c.min(n))
}

/// How many characters (grapheme clusters, a line break one) the caret must move back from the
/// end of the inserted text to reach `cursor` (UTF-16 offset in `text`): the techniques leave it
/// after the text, and the selection moves by characters.
pub fn caret_back(text: &str, cursor: Option<u32>) -> u32 {
    let Some(cursor) = cursor else {
        return 0;
    };
    let tail = &text[byte_at16(text, cursor)..];
    tail.replace("\r\n", "\n").graphemes(true).count() as u32
}

/// The byte index of UTF-16 offset `at16` in `s` (clamped to its end, never inside a char).
pub fn byte_at16(s: &str, at16: u32) -> usize {
    let mut n = 0u32;
    for (i, c) in s.char_indices() {
        if n >= at16 {
            return i;
        }
        n += c.len_utf16() as u32;
    }
    s.len()
}

/// The inserted text is still in the composer (whitespace aside), wherever the user typed since.
pub fn survived(now: &str, text: &str) -> bool {
    squeeze(now).contains(&squeeze(text))
}

/// The lines of `text` (`\r\n` and `\r` made `\n`), for editors fed one line at a time.
pub fn lines(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(str::to_string)
        .collect()
}

/// A message reached the content script from the extension itself: the sender is this
/// extension, and either not in a tab (the background) or an extension page in a tab (the
/// picker's frame). A page's script cannot send runtime messages to us at all; this guards
/// against another extension and against our own content scripts in other tabs.
pub fn sender_allowed(
    sender_id: Option<&str>,
    own_id: &str,
    from_tab: bool,
    sender_url: Option<&str>,
    own_base_url: &str,
) -> bool {
    if sender_id != Some(own_id) {
        return false;
    }
    !from_tab || sender_url.is_some_and(|u| !own_base_url.is_empty() && u.starts_with(own_base_url))
}

#[cfg(test)]
mod tests;
