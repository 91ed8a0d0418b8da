//! The tone check in the user's words, one mapping for every surface that shows it (the in-page
//! pill and panel, the picker's preview, the backlog's drafts): a finding's message from `_locales` (`tone.shouting` →
//! `tone_shouting`, its arguments in the order the core gives them), its suggestion where one is
//! obvious (`tone_suggest_<name>`), the kind of a finding (praise is never counted as something
//! to fix), and the polarity's name (`tone_polarity_<name>`). No drawing here.

use crate::tone::{Finding, PolarityClass, Severity};
use crate::web::ext::{t, t_with};

/// The positive signals (marked in green, never counted as something to fix).
pub(crate) const POSITIVE: &[&str] = &["tone.empathy", "tone.thanks", "tone.next_step"];

/// The kind of a finding: `positive`, or its severity (`problem`, `warning`, `info`).
pub(crate) fn kind_of(code: &str, severity: Severity) -> &'static str {
    if POSITIVE.contains(&code) {
        return "positive";
    }
    match severity {
        Severity::Problem => "problem",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The message of a finding. How negative a text reads is said in words, from the finding's
/// severity (« un peu négatif », « nettement négatif »), not with the core's score: a number
/// whose scale the user does not know says less, and would need a locale's decimal comma.
pub(crate) fn message(f: &Finding) -> String {
    if f.code == "tone.negative" && f.severity == Severity::Info {
        return t("tone_negative_slight");
    }
    let args: Vec<&str> = f.args.iter().map(|(_, v)| v.as_str()).collect();
    t_with(&f.code.replace('.', "_"), &args)
}

/// A suggestion for a finding, where one is obvious (the in-page panel shows it).
#[cfg(feature = "inpage")]
pub(crate) fn suggestion(f: &Finding) -> Option<String> {
    let name = f.code.strip_prefix("tone.").unwrap_or(f.code);
    let key = ["tone_suggest_", name].concat();
    let s = t(&key);
    (s != key).then_some(s)
}

/// The polarity's id (`negative`, `neutral`, `positive`: a `data-polarity` value).
pub(crate) fn polarity_id(p: PolarityClass) -> &'static str {
    match p {
        PolarityClass::Negative => "negative",
        PolarityClass::Neutral => "neutral",
        PolarityClass::Positive => "positive",
    }
}

/// The polarity in the user's words (« Ton neutre », "Neutral tone").
pub(crate) fn polarity_label(p: PolarityClass) -> String {
    t(&["tone_polarity_", polarity_id(p)].concat())
}
