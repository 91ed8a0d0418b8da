//! The tone of the text being typed, on every input: the words of each finding underlined in the
//! composer (a CSS custom highlight per kind in rich editors, never an edit of the editor's DOM;
//! a mirror over text fields, laid out like the field), a tone pill at the composer's bottom-left
//! edge (polarity and number of findings, coloured by the worst severity, a label for screen
//! readers) and the details (`tone/panel.rs`). The checks turned off and the brand's register come
//! from the settings, followed live. Runs on every composer.
//!
//! The comment answered is not read yet: [`reply_context`] is the one place it will come from.

use crate::tone::{analyse, ReplyContext, ToneReport};
use crate::web::content::{Feature, Snapshot};
use crate::web::dom::{geometry, highlight, page_sheet, Listener};
use crate::web::ext::t;
use crate::web::tone_text::{kind_of, message, POSITIVE};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement, HtmlTextAreaElement, KeyboardEvent};

mod mirror;
mod panel;

/// The highlights, one per kind of mark, and their look in the page's own sheets.
const KINDS: [&str; 4] = ["problem", "warning", "info", "positive"];
/// The highlight of each kind, in the order of `KINDS`.
const HIGHLIGHTS: [&str; 4] = [
    "porte-voix-tone-problem",
    "porte-voix-tone-warning",
    "porte-voix-tone-info",
    "porte-voix-tone-positive",
];
const PAGE_CSS: &str = r#"
::highlight(porte-voix-tone-problem) { text-decoration: underline wavy #b91c1c 2px; text-decoration-skip-ink: none; }
::highlight(porte-voix-tone-warning) { text-decoration: underline wavy #b45309 2px; text-decoration-skip-ink: none; }
::highlight(porte-voix-tone-info) { text-decoration: underline dotted #1d4ed8 2px; }
::highlight(porte-voix-tone-positive) { text-decoration: underline solid #15803d 2px; }
@media (prefers-color-scheme: dark) {
  ::highlight(porte-voix-tone-problem) { text-decoration-color: #fca5a5; }
  ::highlight(porte-voix-tone-warning) { text-decoration-color: #fcd34d; }
  ::highlight(porte-voix-tone-info) { text-decoration-color: #93c5fd; }
  ::highlight(porte-voix-tone-positive) { text-decoration-color: #86efac; }
}
"#;

/// The comment the reply answers, when the site layer can read it (not yet: every check that
/// needs it stays silent).
fn reply_context(_snapshot: &Snapshot) -> Option<ReplyContext> {
    None
}

struct Tone {
    document: Document,
    pill: panel::Pill,
    mirror: mirror::Mirror,
    /// The text and report last drawn: the same text is not analysed or drawn again.
    last: RefCell<Option<(String, ToneReport)>>,
    _keys: Listener,
}

pub fn make(document: &Document) -> Result<Rc<dyn Feature>, JsValue> {
    let pill = panel::Pill::new(document)?;
    // Alt+Shift+T opens or closes the details from the keyboard, Escape closes them
    let toggle = pill.toggler();
    let keys = Listener::capture(document.as_ref(), "keydown", move |e| {
        let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if k.alt_key() && k.shift_key() && k.code() == "KeyT" {
            e.prevent_default();
            toggle(None);
        } else if k.key() == "Escape" {
            toggle(Some(false));
        }
    })?;
    Ok(Rc::new(Tone {
        document: document.clone(),
        pill,
        mirror: mirror::Mirror::new(document)?,
        last: RefCell::new(None),
        _keys: keys,
    }))
}

impl Feature for Tone {
    fn update(&self, snapshot: &Snapshot) -> Result<(), JsValue> {
        let Some(c) = &snapshot.composer else {
            return self.leave();
        };
        if c.text.text.trim().is_empty() {
            return self.leave();
        }
        let settings = snapshot.settings.tone_settings(c.platform);
        let reply = reply_context(snapshot);
        let report = analyse(&c.text.text, &settings, reply.as_ref());
        let same = self
            .last
            .try_borrow()
            .map(|l| {
                l.as_ref()
                    .is_some_and(|(s, r)| *s == c.text.text && *r == report)
            })
            .unwrap_or(false);
        if !same {
            self.mark(snapshot, &report)?;
            self.pill.show(&self.document, &c.text.text, &report)?;
            if let Ok(mut l) = self.last.try_borrow_mut() {
                *l = Some((c.text.text.clone(), report));
            }
        }
        self.place(snapshot)
    }

    fn place(&self, snapshot: &Snapshot) -> Result<(), JsValue> {
        let Some(c) = &snapshot.composer else {
            return Ok(());
        };
        let rect = geometry::Rect::of(&c.element);
        self.pill.place(rect.left + 6.0, rect.bottom.max(0.0))?;
        if let Some(field) = c.element.dyn_ref::<HtmlTextAreaElement>() {
            self.mirror.place(field)?;
        }
        Ok(())
    }

    fn leave(&self) -> Result<(), JsValue> {
        if let Ok(mut l) = self.last.try_borrow_mut() {
            *l = None;
        }
        for name in HIGHLIGHTS {
            highlight::delete(name)?;
        }
        self.mirror.hide()?;
        self.pill.hide()
    }
}

impl Tone {
    /// Underlines the words of every finding: highlights in rich editors, the mirror over a field.
    fn mark(&self, snapshot: &Snapshot, report: &ToneReport) -> Result<(), JsValue> {
        let Some(c) = &snapshot.composer else {
            return Ok(());
        };
        let spans = report.findings.iter().flat_map(|f| {
            let kind = kind_of(f.code, f.severity);
            f.spans
                .iter()
                .filter(|s| s.end > s.start)
                .map(move |s| (s.start, s.end, kind))
        });
        if let Some(field) = c.element.dyn_ref::<HtmlTextAreaElement>() {
            return self
                .mirror
                .show(&self.document, field, &c.text.text, spans.collect());
        }
        let mut ranges: [Vec<web_sys::Range>; 4] = Default::default();
        for (start, end, kind) in spans {
            let (Some((a, ao)), Some((b, bo))) =
                (c.text.dom_position(start), c.text.dom_position(end - 1))
            else {
                continue;
            };
            let range = self.document.create_range()?;
            range.set_start(&a, ao)?;
            range.set_end(&b, bo + 1)?;
            if let Some(i) = KINDS.iter().position(|k| *k == kind) {
                ranges[i].push(range);
            }
        }
        page_sheet::ensure(&self.document, "porte-voix-tone", PAGE_CSS)?;
        for (name, ranges) in HIGHLIGHTS.iter().zip(&ranges) {
            if ranges.is_empty() {
                highlight::delete(name)?;
            } else {
                highlight::set_all(name, ranges)?;
            }
        }
        Ok(())
    }
}

/// A suggestion for a finding, where one is obvious (`tone_suggest_<name>`).
fn suggestion(f: &crate::tone::Finding) -> Option<String> {
    let name = f.code.strip_prefix("tone.").unwrap_or(f.code);
    let key = ["tone_suggest_", name].concat();
    let s = t(&key);
    (s != key).then_some(s)
}

/// The words of a finding, as typed.
fn words_of(text16: &[u16], f: &crate::tone::Finding) -> String {
    let mut out = String::new();
    for s in f.spans.iter() {
        if let Some(w) = text16.get(s.start as usize..s.end as usize) {
            if !out.is_empty() {
                out.push_str(" · ");
            }
            out.push_str(&String::from_utf16_lossy(w));
        }
    }
    out
}

fn hidden(el: &HtmlElement, hide: bool) -> Result<(), JsValue> {
    if hide {
        el.set_attribute("hidden", "")
    } else {
        el.remove_attribute("hidden")
    }
}
