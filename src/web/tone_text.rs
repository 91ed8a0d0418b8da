//! Tone findings in the user's words, for every place that shows them (the content script's tone
//! details, the picker's preview, the backlog's drafts): a finding's `_locales` message
//! (`tone.shouting` → `tone_shouting`, its arguments in the core's order), its kind of mark
//! (problem, warning, info, or a positive signal), and the polarity's label.
//!
//! No DOM here and no check: the findings are the core's (`tone::analyse`).

use crate::tone::{Finding, PolarityClass, Severity};
use crate::web::ext::{t, t_with};

/// The positive signals (marked in green, never counted as something to fix).
pub const POSITIVE: &[&str] = &["tone.empathy", "tone.thanks", "tone.next_step"];

/// The kind of mark of a finding: `positive`, `problem`, `warning` or `info`.
pub fn kind_of(code: &str, severity: Severity) -> &'static str {
    if POSITIVE.contains(&code) {
        return "positive";
    }
    match severity {
        Severity::Problem => "problem",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The message of a finding, from `_locales` (`tone.shouting` → `tone_shouting`), its arguments
/// in the order the core gives them.
pub fn message(f: &Finding) -> String {
    let args: Vec<&str> = f.args.iter().map(|(_, v)| v.as_str()).collect();
    t_with(&f.code.replace('.', "_"), &args)
}

/// The polarity's name: `negative`, `neutral` or `positive`.
pub fn polarity_id(p: PolarityClass) -> &'static str {
    match p {
        PolarityClass::Negative => "negative",
        PolarityClass::Neutral => "neutral",
        PolarityClass::Positive => "positive",
    }
}

/// The polarity's label (`tone_polarity_<name>`).
pub fn polarity_label(p: PolarityClass) -> String {
    t(&["tone_polarity_", polarity_id(p)].concat())
}
