//! The tone of the previewed template, as the composer would show it once inserted: the core's
//! analysis (`tone::analyse`, the registry the page uses) with the user's settings (the checks
//! turned off in the options stay off, the brand's register, this platform), drawn as one
//! compact line under the preview: the polarity's label, then each finding's `_locales` message
//! (`web/tone_text.rs`, shared with the page's tone details), each marked with its kind in
//! `data-kind` and its code in `data-code`. The words say it all; the colours only repeat them.

use super::Picker;
use crate::tone::{analyse, ToneReport, ToneSettings};
use crate::web::ext::t;
use crate::web::pages::el;
use crate::web::tone_text::{kind_of, message, polarity_id, polarity_label};
use wasm_bindgen::prelude::*;

/// The tone settings for the page the picker is open on.
fn settings(p: &Picker) -> ToneSettings {
    let platform = p.opened.platform;
    let mut s = p
        .settings
        .tone_settings(platform.unwrap_or(crate::platform::Platform::X));
    s.platform = platform;
    s
}

/// The tone line of `text` (the rendered template), or nothing when there is no text.
pub(super) fn draw_tone(p: &Picker, text: &str) -> Result<(), JsValue> {
    if text.trim().is_empty() {
        p.tone.set_attribute("hidden", "")?;
        return Ok(());
    }
    let report = analyse(text, &settings(p), None);
    draw_report(p, &report)
}

fn draw_report(p: &Picker, report: &ToneReport) -> Result<(), JsValue> {
    let polarity = el(
        &p.doc,
        "span",
        &[
            ("class", "pk-tone-polarity"),
            ("data-polarity", polarity_id(report.polarity)),
        ],
        Some(&polarity_label(report.polarity)),
    )?;
    let list = el(&p.doc, "ul", &[("class", "pk-tone-list")], None)?;
    if report.findings.is_empty() {
        list.append_child(
            &el(
                &p.doc,
                "li",
                &[("data-kind", "none")],
                Some(&t("tone_details_none")),
            )?
            .into(),
        )?;
    }
    for f in &report.findings {
        list.append_child(
            &el(
                &p.doc,
                "li",
                &[
                    ("data-code", f.code),
                    ("data-kind", kind_of(f.code, f.severity)),
                ],
                Some(&message(f)),
            )?
            .into(),
        )?;
    }
    p.tone.replace_children_with_node_2(&polarity, &list);
    p.tone.remove_attribute("hidden")
}
