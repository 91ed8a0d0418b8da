//! The tone of the text being typed, on every input: the words of each finding underlined in the
//! composer (a CSS custom highlight per kind in rich editors, never an edit of the editor's DOM;
//! a mirror over text fields, laid out like the field), a tone indicator inside the length badge
//! (the polarity and the number of findings, coloured by the worst severity, a label for screen
//! readers) and the details that open from it (`tone/panel.rs`). The checks turned off and the
//! brand's register come from the settings, followed live. Runs on every composer.
//!
//! The comment answered (the site layer's [`reply_context`], read once per composer, not per
//! keystroke) feeds the courtesy checks: no greeting, thanks, apology or next step in a reply to a
//! complaint.

use crate::tone::{analyse, ReplyContext, ToneReport, ToneSettings};
use crate::web::content::{reply_context, Feature, Snapshot};
use crate::web::dom::{geometry, highlight, page_sheet, Listener};
use crate::web::tone_text::{kind_of, message, suggestion, POSITIVE};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, HtmlTextAreaElement, KeyboardEvent};

mod mirror;
mod panel;

/// The indicator's and the details' look, in the length badge's sheet.
pub use panel::CSS as BADGE_CSS;

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

struct Tone {
    document: Document,
    indicator: panel::Indicator,
    mirror: mirror::Mirror,
    /// The text and report last drawn: the same text is not analysed or drawn again.
    last: RefCell<Option<(String, ToneReport)>>,
    /// The composer last seen and the comment it answers, analysed (`None`: none found).
    answered: RefCell<Option<(Element, Option<ReplyContext>)>>,
    /// The keyboard shortcut and Escape; a press inside the details.
    _keys: [Listener; 2],
}

pub fn make(document: &Document) -> Result<Rc<dyn Feature>, JsValue> {
    let indicator = panel::Indicator::new(document)?;
    // Alt+Shift+T opens the details with the focus in them, or closes them; Escape closes them.
    // Closed, they give the focus back to the composer.
    let toggle = indicator.toggler();
    let (host, details) = (indicator.host.clone(), indicator.panel.clone());
    // The composer's caret, saved as the focus leaves the composer for the details: when the
    // shortcut opens them, or when a press inside them takes the focus (details opened by a
    // click leave the focus in the composer until then). Focusing them clears the page's
    // selection, and an editor focused again would put the caret at its start.
    let caret = Rc::new(RefCell::new(None::<web_sys::Range>));
    let doc = document.clone();
    let saved = caret.clone();
    let press = Listener::capture(details.as_ref(), "pointerdown", move |_| {
        save_caret(&doc, &saved);
    })?;
    let doc = document.clone();
    let keys = Listener::capture(document.as_ref(), "keydown", move |e| {
        let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        let shortcut = k.alt_key() && k.shift_key() && k.code() == "KeyT";
        if !shortcut && k.key() != "Escape" {
            return;
        }
        // the focus is in our details (read before they close: a hidden element loses it)
        let ours = doc.active_element().as_ref() == Some(host.as_ref());
        let changed = if shortcut {
            e.prevent_default();
            toggle(None)
        } else {
            toggle(Some(false))
        };
        let Some(open) = changed else {
            return;
        };
        // a key that opened or closed the details is ours: an Escape does not close the page's
        // composer too
        e.stop_propagation();
        let done = if open {
            save_caret(&doc, &caret);
            details.focus()
        } else {
            // a caret saved for these details is for them only, whoever closes them
            let range = caret.try_borrow_mut().ok().and_then(|mut c| c.take());
            if ours {
                give_back(&doc, range)
            } else {
                Ok(())
            }
        };
        if let Err(e) = done {
            web_sys::console::warn_2(&"Porte-voix: tone details".into(), &e);
        }
    })?;
    Ok(Rc::new(Tone {
        document: document.clone(),
        indicator,
        mirror: mirror::Mirror::new(document)?,
        last: RefCell::new(None),
        answered: RefCell::new(None),
        _keys: [keys, press],
    }))
}

/// Saves the page's caret when it is in the composer (a copy: the selection's own range follows
/// the focus into the details); a caret elsewhere (the focus already in the details) leaves the
/// one saved before.
fn save_caret(document: &Document, caret: &RefCell<Option<web_sys::Range>>) {
    let Some((composer, ..)) = super::super::session::current() else {
        return;
    };
    let range = document
        .get_selection()
        .ok()
        .flatten()
        .filter(|s| s.range_count() > 0)
        .and_then(|s| s.get_range_at(0).ok())
        .filter(|r| composer.contains(r.start_container().ok().as_ref()));
    if let (Some(r), Ok(mut c)) = (range, caret.try_borrow_mut()) {
        *c = Some(r.clone_range());
    }
}

/// Gives the focus back to the composer with the caret `range` saved when the details took it.
/// The selection is set right after the focus, in the same task: an editor that keeps its own
/// model of the selection (Draft.js) reads it on the `selectionchange` that follows, so it takes
/// this caret rather than the start where a focused editor puts it.
fn give_back(document: &Document, range: Option<web_sys::Range>) -> Result<(), JsValue> {
    let Some(el) =
        super::super::session::current().and_then(|(el, ..)| el.dyn_into::<HtmlElement>().ok())
    else {
        return Ok(());
    };
    el.focus()?;
    match (range, document.get_selection()?) {
        (Some(r), Some(s)) if el.contains(r.start_container().ok().as_ref()) => {
            s.remove_all_ranges()?;
            s.add_range(&r)
        }
        _ => Ok(()),
    }
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
        self.follow_answered(snapshot, &settings);
        let report = {
            let answered = self.answered.try_borrow().ok();
            let reply = answered.as_ref().and_then(|a| a.as_ref()?.1.as_ref());
            analyse(&c.text.text, &settings, reply)
        };
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
            self.indicator.show(&self.document, &c.text.text, &report)?;
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
        self.indicator
            .place(geometry::Rect::of(&c.element).bottom)?;
        if let Some(field) = c.element.dyn_ref::<HtmlTextAreaElement>() {
            self.mirror.place(field)?;
        }
        Ok(())
    }

    fn leave(&self) -> Result<(), JsValue> {
        if let Ok(mut l) = self.last.try_borrow_mut() {
            *l = None;
        }
        if let Ok(mut a) = self.answered.try_borrow_mut() {
            *a = None;
        }
        for name in HIGHLIGHTS {
            highlight::delete(name)?;
        }
        self.mirror.hide()?;
        self.indicator.hide()
    }
}

impl Tone {
    /// Reads the comment the composer answers when the composer is a new one (the page is read
    /// with no borrow held).
    fn follow_answered(&self, snapshot: &Snapshot, settings: &ToneSettings) {
        let (Some(c), Some(site)) = (&snapshot.composer, snapshot.env.site) else {
            return;
        };
        let known = self
            .answered
            .try_borrow()
            .map(|a| a.as_ref().is_some_and(|(el, _)| *el == c.element))
            .unwrap_or(true);
        if known {
            return;
        }
        let reply = reply_context::read(site, &c.element)
            .text
            .filter(|t| !t.trim().is_empty())
            .map(|t| crate::tone::reply_context(&t, settings));
        if let Ok(mut a) = self.answered.try_borrow_mut() {
            *a = Some((c.element.clone(), reply));
        }
    }

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
