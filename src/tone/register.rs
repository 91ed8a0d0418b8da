//! French register: `tone.mixed_register` (« tu » and « vous » in one reply) and
//! `tone.register_mismatch` (the reply uses the form the brand does not: its setting is « tu »
//! or « vous »). English has no register to check.

use super::{Ctx, Finding, Lang, Register, Severity};

/// Folded forms of « tu » (second person singular).
const TU: &[&str] = &[
    "tu", "t'", "te", "toi", "ton", "ta", "tes", "t'es", "tiens", "peux-tu", "as-tu", "es-tu",
    "veux-tu", "dis-moi",
];
/// Folded forms of « vous ».
const VOUS: &[&str] = &[
    "vous",
    "votre",
    "vos",
    "pouvez-vous",
    "avez-vous",
    "voulez-vous",
    "etes-vous",
    "dites-moi",
    "ecrivez-nous",
    "contactez-nous",
    "envoyez-nous",
];

crate::words_joined!(TU_JOINED, TU);
crate::words_joined!(VOUS_JOINED, VOUS);

/// Pushes the register findings.
pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    if ctx.lang != Lang::Fr {
        return;
    }
    let mut tu_spans = Vec::new();
    let mut vous_spans = Vec::new();
    for (i, t) in ctx.toks.iter().enumerate() {
        if ctx.langs.get(t.sentence as usize) != Some(&Lang::Fr) {
            continue;
        }
        // « te » and « ta » are also English-looking or Québec fillers only with a verb after;
        // « t' » before « as/es/avais/étais » or a verb is tu
        if t.is(super::tags::TU) {
            tu_spans.push(ctx.span(i, i + 1));
        } else if t.is(super::tags::VOUS) {
            vous_spans.push(ctx.span(i, i + 1));
        }
    }
    if !tu_spans.is_empty() && !vous_spans.is_empty() {
        let mut spans = tu_spans.clone();
        spans.extend(vous_spans.iter().copied());
        super::token::sort_small(&mut spans, |a, b| a.start < b.start);
        out.push(Finding::new(
            "tone.mixed_register",
            Severity::Warning,
            spans,
        ));
    }
    let wrong = match ctx.settings.register {
        Some(Register::Vous) if !tu_spans.is_empty() => Some((tu_spans, "vous")),
        Some(Register::Tu) if !vous_spans.is_empty() => Some((vous_spans, "tu")),
        _ => None,
    };
    if let Some((spans, expected)) = wrong {
        out.push(
            Finding::new("tone.register_mismatch", Severity::Warning, spans)
                .arg("expected", expected),
        );
    }
}
