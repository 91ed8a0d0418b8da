//! Positive signals, reported so the UI can show what is already right: `tone.empathy`
//! (« je comprends votre frustration », "sorry to hear", an apology), `tone.thanks`,
//! `tone.next_step` (a concrete next step: « écrivez-nous en MP », "we'll look into it").

use super::{courtesy, Ctx, Finding, Severity};

const EMPATHY: &[&str] = &[
    "je comprends",
    "nous comprenons",
    "on comprend",
    "je comprends votre",
    "je te comprends",
    "je vous comprends",
    "désolé d'apprendre",
    "désolés d'apprendre",
    "navré d'apprendre",
    "ça doit être",
    "c'est frustrant",
    "vous avez raison",
    "tu as raison",
    "on est là",
    "i understand",
    "we understand",
    "i hear you",
    "sorry to hear",
    "that must be",
    "that sounds frustrating",
    "you're right",
    "you are right",
    "we're here",
];

crate::phrase_set!(empathy, EMPATHY, super::tags::EMPATHY_PHRASE_HEAD);

/// Pushes `tone.empathy`, `tone.thanks` and `tone.next_step` where present.
pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let [_, (thanks, _), (apologies, _), (next, _)] = courtesy::sets();
    let mut emp: Vec<_> = empathy().find(ctx.toks);
    emp.extend(apologies.find(ctx.toks));
    super::token::sort_small(&mut emp, |a, b| a.start < b.start);
    for (code, found) in [
        ("tone.empathy", emp),
        ("tone.thanks", thanks.find(ctx.toks)),
        ("tone.next_step", next.find(ctx.toks)),
    ] {
        if !found.is_empty() {
            out.push(Finding::new(
                code,
                Severity::Info,
                found.iter().map(|m| ctx.span(m.start, m.end)).collect(),
            ));
        }
    }
}
