//! The tone pill and its details, in a closed shadow root: the pill (a button: polarity and
//! number of findings, coloured by the worst severity, its label for screen readers) opens a
//! panel that lists each finding's message from `_locales`, its words and a suggestion where one
//! is obvious. The pill, Alt+Shift+T from the keyboard, and Escape open and close it.

use super::{hidden, message, suggestion, words_of, POSITIVE};
use crate::tone::{Severity, ToneReport};
use crate::web::dom::{geometry, shadow};
use crate::web::ext::{t, t_with};
use crate::web::tone_text::{polarity_id, polarity_label};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

const CSS: &str = r#"
:host { all: initial; position: fixed; z-index: 2147483646; pointer-events: none; display: none; }
:host([data-visible]) { display: block; }
.pill { pointer-events: auto; cursor: pointer; transform: translateY(-50%); border: 0; margin: 0;
  font: 600 12px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 3px 8px;
  border-radius: 999px; white-space: nowrap; box-shadow: 0 1px 3px rgba(0,0,0,.25);
  background: #15803d; color: #ffffff; }
.pill[data-worst="info"] { background: #1d4ed8; }
.pill[data-worst="warning"] { background: #a16207; }
.pill[data-worst="problem"] { background: #b91c1c; }
.pill:focus-visible { outline: 2px solid #111827; outline-offset: 2px; }
.panel { pointer-events: auto; position: absolute; left: 0; top: 14px; width: min(360px, 90vw);
  max-height: 50vh; overflow: auto; box-sizing: border-box; padding: 10px 12px; border-radius: 8px;
  background: #ffffff; color: #111827; border: 1px solid #d1d5db; box-shadow: 0 4px 16px rgba(0,0,0,.2);
  font: 400 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.panel[hidden] { display: none; }
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
  .pill { background: #86efac; color: #052e16; }
  .pill[data-worst="info"] { background: #93c5fd; color: #0b1220; }
  .pill[data-worst="warning"] { background: #fcd34d; color: #1f1300; }
  .pill[data-worst="problem"] { background: #fca5a5; color: #2a0505; }
  .pill:focus-visible { outline-color: #f9fafb; }
  .panel { background: #111827; color: #f9fafb; border-color: #374151; }
  li { border-top-color: #374151; border-left-color: #93c5fd; }
  li[data-kind="problem"] { border-left-color: #fca5a5; }
  li[data-kind="warning"] { border-left-color: #fcd34d; }
  li[data-kind="positive"] { border-left-color: #86efac; }
  .words { color: #d1d5db; }
  .suggestion { color: #e5e7eb; }
}
"#;

/// The pill and its panel.
pub struct Pill {
    host: HtmlElement,
    button: HtmlElement,
    panel: HtmlElement,
    list: HtmlElement,
    _on_click: Closure<dyn Fn()>,
}

/// Opens (`Some(true)`), closes (`Some(false)`) or toggles (`None`) the details.
fn set_open(host: &HtmlElement, button: &HtmlElement, panel: &HtmlElement, open: Option<bool>) {
    if !host.has_attribute("data-visible") {
        return;
    }
    let open = open.unwrap_or(panel.has_attribute("hidden"));
    let done = hidden(panel, !open)
        .and_then(|_| button.set_attribute("aria-expanded", if open { "true" } else { "false" }));
    if let Err(e) = done {
        web_sys::console::warn_2(&"Porte-voix: tone details".into(), &e);
    }
}

impl Pill {
    pub fn new(document: &Document) -> Result<Pill, JsValue> {
        let (host, root) = shadow::closed_host(document, "porte-voix-tone", CSS)?;
        let button = shadow::child(document, &root, "button", "pill")?;
        button.set_attribute("type", "button")?;
        button.set_attribute("part", "tone")?;
        button.set_attribute("aria-expanded", "false")?;
        button.set_attribute("aria-controls", "details")?;
        let panel = shadow::child(document, &root, "div", "panel")?;
        panel.set_id("details");
        panel.set_attribute("role", "region")?;
        panel.set_attribute("aria-labelledby", "details-title")?;
        hidden(&panel, true)?;
        let title = shadow::child(document, &panel, "h2", "title")?;
        title.set_id("details-title");
        title.set_text_content(Some(&t("tone_details_title")));
        let list = shadow::child(document, &panel, "ul", "list")?;
        let (h, b, p) = (host.clone(), button.clone(), panel.clone());
        let on_click = Closure::<dyn Fn()>::new(move || set_open(&h, &b, &p, None));
        button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
        Ok(Pill {
            host,
            button,
            panel,
            list,
            _on_click: on_click,
        })
    }

    /// What the keyboard shortcut calls.
    pub fn toggler(&self) -> impl Fn(Option<bool>) + 'static {
        let (h, b, p) = (self.host.clone(), self.button.clone(), self.panel.clone());
        move |open| set_open(&h, &b, &p, open)
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
        let polarity = polarity_id(report.polarity);
        let polarity_label = polarity_label(report.polarity);
        let n = crate::tone::itoa(to_fix.len());
        self.button
            .set_text_content(Some(&t_with("tone_pill", &[&polarity_label, &n])));
        self.button.set_attribute(
            "aria-label",
            &t_with("tone_pill_label", &[&polarity_label, &n]),
        )?;
        self.button
            .set_attribute("title", &t("tone_pill_shortcut"))?;
        self.button.set_attribute("data-polarity", polarity)?;
        let worst = match worst {
            Some(Severity::Problem) => "problem",
            Some(Severity::Warning) => "warning",
            Some(Severity::Info) => "info",
            None => "none",
        };
        self.button.set_attribute("data-worst", worst)?;
        self.button.set_attribute("data-count", &n)?;

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
        shadow::show(document, &self.host)
    }

    pub fn place(&self, left: f64, top: f64) -> Result<(), JsValue> {
        geometry::pin(&self.host, left, top)
    }

    pub fn hide(&self) -> Result<(), JsValue> {
        set_open(&self.host, &self.button, &self.panel, Some(false));
        shadow::hide(&self.host)
    }
}
