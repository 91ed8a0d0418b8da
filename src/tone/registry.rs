//! The registry of tone checks: one line per check, in the order their findings are reported.
//! A check is a function of the analysed text (`Ctx`) that pushes findings; its id is what the
//! settings name to turn it off. A new check = one file under `tone/`, one line here, its
//! `_locales` keys.

use super::{
    blame, courtesy, density, hostility, positive, punctuation, register, sarcasm, sentences,
    shouting, texting, Ctx, Finding, Severity,
};

/// One check.
pub struct Check {
    /// Id used by the settings (`disabled`).
    pub id: &'static str,
    /// The codes its findings may have.
    pub codes: &'static [&'static str],
    /// Runs it.
    pub run: fn(&Ctx, &mut Vec<Finding>),
}

/// Every check, in report order.
pub const CHECKS: &[Check] = &[
    Check {
        id: "polarity",
        codes: &["tone.negative"],
        run: negative,
    },
    Check {
        id: "hostility",
        codes: &["tone.insult", "tone.profanity"],
        run: hostility::run,
    },
    Check {
        id: "shouting",
        codes: &["tone.shouting"],
        run: shouting::run,
    },
    Check {
        id: "punctuation",
        codes: &["tone.repeated_punctuation"],
        run: punctuation::run,
    },
    Check {
        id: "blame",
        codes: &["tone.blame", "tone.passive_aggressive"],
        run: blame::run,
    },
    Check {
        id: "sarcasm",
        codes: &["tone.sarcasm"],
        run: sarcasm::run,
    },
    Check {
        id: "courtesy",
        codes: &[
            "tone.missing_greeting",
            "tone.missing_thanks",
            "tone.missing_apology",
            "tone.missing_next_step",
        ],
        run: courtesy::run,
    },
    Check {
        id: "register",
        codes: &["tone.mixed_register", "tone.register_mismatch"],
        run: register::run,
    },
    Check {
        id: "sentences",
        codes: &["tone.long_sentence"],
        run: sentences::run,
    },
    Check {
        id: "density",
        codes: &[
            "tone.too_many_hashtags",
            "tone.too_many_mentions",
            "tone.too_many_emoji",
        ],
        run: density::run,
    },
    Check {
        id: "texting",
        codes: &["tone.texting"],
        run: texting::run,
    },
    Check {
        id: "positive",
        codes: &["tone.empathy", "tone.thanks", "tone.next_step"],
        run: positive::run,
    },
];

/// `tone.negative`: the text reads negative; its spans are the words that pulled it down.
fn negative(ctx: &Ctx, out: &mut Vec<Finding>) {
    let score = ctx.polarity.score;
    if score > -0.05 {
        return;
    }
    let spans = ctx
        .polarity
        .contributions
        .iter()
        .filter(|c| c.1 < 0.0)
        .map(|c| ctx.toks[c.0].span)
        .collect();
    let severity = if score <= -0.5 {
        Severity::Warning
    } else {
        Severity::Info
    };
    out.push(Finding::new("tone.negative", severity, spans).arg("score", format!("{:.2}", score)));
}
