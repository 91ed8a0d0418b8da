//! The tone indicator and its details, drawn into the length badge's closed shadow root (one
//! badge: the count, then the tone). The indicator (a button: a mark coloured by the worst
//! severity with the polarity's sign, and the number of findings to fix; its accessible name from
//! `_locales`) opens a panel that lists each finding's message, its words and a suggestion where
//! one is obvious. A click opens and closes it without taking the focus from the composer;
//! Alt+Shift+T opens it with the focus in it, and Escape closes it (`tone.rs` gives the focus
//! back to the composer).

use super::{hidden, message, suggestion, words_of, POSITIVE};
use crate::tone::{PolarityClass, Severity, ToneReport};
use crate::web::dom::{shadow, Listener};
use crate::web::ext::{t, t_with};
use wasm_bindgen::JsValue;
use web_sys::{Document, HtmlElement};

/// The indicator's and the details' look, added to the badge's sheet.
pub const CSS: &str = r#"
.tone { pointer-events: auto; cursor: pointer; display: inline-flex; align-items: center; gap: 4px;
  vertical-align: top; margin: 0 -5px 0 8px; padding: 0 7px 0 0; border: 0; border-radius: 999px;
  font: inherit; line-height: inherit; background: #ffffff; color: #111827; }
.tone[hidden], .panel[hidden] { display: none; }
.mark { display: inline-grid; place-items: center; width: 15px; height: 15px; border-radius: 50%;
  font-size: 12px; line-height: 1; color: #ffffff; background: #15803d; }
.tone[data-worst="info"] .mark { background: #1d4ed8; }
.tone[data-worst="warning"] .mark { background: #a16207; }
.tone[data-worst="problem"] .mark { background: #b91c1c; }
.tone:focus-visible { outline: 2px solid #111827; outline-offset: 2px; }
.panel:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
.panel { pointer-events: auto; position: absolute; left: 0; top: 16px; transform: translateX(-100%);
  width: min(360px, 90vw); max-height: 45vh; overflow: auto; box-sizing: border-box; padding: 10px 12px;
  border-radius: 8px; background: #ffffff; color: #111827; border: 1px solid #d1d5db;
  box-shadow: 0 4px 16px rgba(0,0,0,.2); font: 400 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.panel[data-up] { top: auto; bottom: calc(100% + 16px); }
h2 { font-size: 13px; font-weight: 700; margin: 0 0 6px; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 6px 0 6px 10px; border-top: 1px solid #e5e7eb; border-left: 3px solid #1d4ed8; margin-top: 2px; }
li[data-kind="problem"] { border-left-color: #b91c1c; }
li[data-kind="warning"] { border-left-color: #a16207; }
li[data-kind="positive"] { border-left-color: #15803d; }
.words { display: block; font-style: italic; color: #374151; }
.suggestion { display: block; color: #1f2937; }
.suggestion::before { content: "→ "; }
@media (prefers-color-scheme: dark) {
  .tone { background: #111827; color: #f9fafb; }
  .mark { background: #86efac; color: #111827; }
  .tone[data-worst="info"] .mark { background: #93c5fd; }
  .tone[data-worst="warning"] .mark { background: #fcd34d; }
  .tone[data-worst="problem"] .mark { background: #fca5a5; }
  .tone:focus-visible { outline-color: #f9fafb; }
  .panel:focus-visible { outline-color: #93c5fd; }
  .panel { background: #111827; color: #f9fafb; border-color: #374151; }
  li { border-top-color: #374151; border-left-color: #93c5fd; }
  li[data-kind="problem"] { border-left-color: #fca5a5; }
  li[data-kind="warning"] { border-left-color: #fcd34d; }
  li[data-kind="positive"] { border-left-color: #86efac; }
  .words { color: #d1d5db; }
  .suggestion { color: #e5e7eb; }
}
"#;

/// The indicator in the badge and its details.
pub struct Indicator {
    /// The badge's host (the focus is in our details when it is the page's active element).
    pub host: HtmlElement,
    button: HtmlElement,
    mark: HtmlElement,
    count: web_sys::Text,
    pub panel: HtmlElement,
    list: HtmlElement,
    _mouse: [Listener; 2],
}

/// Opens (`Some(true)`), closes (`Some(false)`) or toggles (`None`) the details; the new state
/// when it changed.
fn set_open(button: &HtmlElement, panel: &HtmlElement, open: Option<bool>) -> Option<bool> {
    let was = !panel.has_attribute("hidden");
    // nothing to open while the indicator is not shown
    let open = open.unwrap_or(!was) && !button.has_attribute("hidden");
    if open == was {
        return None;
    }
    let done = hidden(panel, !open)
        .and_then(|_| button.set_attribute("aria-expanded", if open { "true" } else { "false" }));
    if let Err(e) = done {
        web_sys::console::warn_2(&"Porte-voix: tone details".into(), &e);
    }
    Some(open)
}

impl Indicator {
    /// The indicator at the end of the length badge, the details in its root.
    pub fn new(document: &Document) -> Result<Indicator, JsValue> {
        let (host, badge, root) = super::super::length_badge::slot()
            .ok_or_else(|| JsValue::from_str("no length badge to draw the tone in"))?;
        let button = shadow::child(document, &badge, "button", "tone")?;
        hidden(&button, true)?;
        button.set_attribute("type", "button")?;
        button.set_attribute("part", "tone")?;
        button.set_attribute("aria-expanded", "false")?;
        button.set_attribute("aria-controls", "details")?;
        button.set_attribute("title", &t("tone_pill_shortcut"))?;
        let mark = shadow::child(document, &button, "span", "mark")?;
        mark.set_attribute("aria-hidden", "true")?;
        let count = document.create_text_node("");
        button.append_child(&count)?;
        let panel = shadow::child(document, &root, "div", "panel")?;
        panel.set_id("details");
        panel.set_attribute("role", "region")?;
        // in the extension's language, as the badge, whatever the page's
        panel.set_attribute("lang", &t("ext_locale"))?;
        panel.set_attribute("aria-labelledby", "details-title")?;
        // focusable by script (the keyboard shortcut), not in the tab order
        panel.set_attribute("tabindex", "-1")?;
        hidden(&panel, true)?;
        let title = shadow::child(document, &panel, "h2", "title")?;
        title.set_id("details-title");
        title.set_text_content(Some(&t("tone_details_title")));
        let list = shadow::child(document, &panel, "ul", "list")?;
        // a press keeps the focus where it is (the composer), a click opens or closes
        let keep_focus = Listener::capture(button.as_ref(), "mousedown", |e| e.prevent_default())?;
        let (b, p) = (button.clone(), panel.clone());
        let on_click = Listener::capture(button.as_ref(), "click", move |_| {
            set_open(&b, &p, None);
        })?;
        Ok(Indicator {
            host,
            button,
            mark,
            count,
            panel,
            list,
            _mouse: [keep_focus, on_click],
        })
    }

    /// What the keyboard shortcut calls: see [`set_open`].
    pub fn toggler(&self) -> impl Fn(Option<bool>) -> Option<bool> + 'static {
        let (b, p) = (self.button.clone(), self.panel.clone());
        move |open| set_open(&b, &p, open)
    }

    /// Shows the report of `text`.
    pub fn show(
        &self,
        document: &Document,
        text: &str,
        report: &ToneReport,
    ) -> Result<(), JsValue> {
        let to_fix: Vec<_> = report
            .findings
            .iter()
            .filter(|f| !POSITIVE.contains(&f.code))
            .collect();
        let worst = to_fix.iter().map(|f| f.severity).max();
        let polarity = crate::web::tone_text::polarity_id(report.polarity);
        let polarity_label = crate::web::tone_text::polarity_label(report.polarity);
        let n = crate::tone::itoa(to_fix.len());
        self.mark.set_text_content(Some(match report.polarity {
            PolarityClass::Negative => "−",
            PolarityClass::Neutral => "=",
            PolarityClass::Positive => "+",
        }));
        self.count.set_data(&n);
        self.button.set_attribute(
            "aria-label",
            &t_with("tone_pill_label", &[&polarity_label, &n]),
        )?;
        self.button.set_attribute("data-polarity", polarity)?;
        let worst = match worst {
            Some(Severity::Problem) => "problem",
            Some(Severity::Warning) => "warning",
            Some(Severity::Info) => "info",
            None => "none",
        };
        self.button.set_attribute("data-worst", worst)?;

        // the details, drawn again from the report
        self.list.set_text_content(None);
        let text16: Vec<u16> = text.encode_utf16().collect();
        if report.findings.is_empty() {
            let li = shadow::child(document, &self.list, "li", "none")?;
            li.set_text_content(Some(&t("tone_details_none")));
        }
        for f in &report.findings {
            let li = shadow::child(document, &self.list, "li", "finding")?;
            li.set_attribute("data-code", f.code)?;
            li.set_attribute("data-kind", super::kind_of(f.code, f.severity))?;
            let msg = shadow::child(document, &li, "span", "message")?;
            msg.set_text_content(Some(&message(f)));
            let words = words_of(&text16, f);
            if !words.is_empty() {
                let w = shadow::child(document, &li, "span", "words")?;
                w.set_text_content(Some(&words));
            }
            if let Some(s) = suggestion(f) {
                let s_el = shadow::child(document, &li, "span", "suggestion")?;
                s_el.set_text_content(Some(&s));
            }
        }
        hidden(&self.button, false)
    }

    /// The details open below the badge, or above it when the composer's bottom (`bottom`) is
    /// in the lower part of the window.
    pub fn place(&self, bottom: f64) -> Result<(), JsValue> {
        let height = web_sys::window()
            .and_then(|w| w.inner_height().ok()?.as_f64())
            .unwrap_or(0.0);
        let up = bottom > height * 0.55;
        if up != self.panel.has_attribute("data-up") {
            if up {
                self.panel.set_attribute("data-up", "")?;
            } else {
                self.panel.remove_attribute("data-up")?;
            }
        }
        Ok(())
    }

    pub fn hide(&self) -> Result<(), JsValue> {
        set_open(&self.button, &self.panel, Some(false));
        hidden(&self.button, true)
    }
}
