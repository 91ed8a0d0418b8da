//! `tone.sarcasm`: markers of irony that a reader takes badly (« bien sûr… », « c'est ça,
//! oui », « merci du cadeau », "sure, whatever", "yeah right", "oh great", "thanks for nothing",
//! 🙄), and a positive word trailed off by an ellipsis at the start of a reply (« Génial… »,
//! "Great...").

use super::token::Kind;
use super::{Ctx, Finding, Severity};

const MARKERS: &[&str] = &[
    "bien sûr…",
    "bien sûr...",
    "mais bien sûr",
    "c'est ça oui",
    "c'est ça, oui",
    "merci du cadeau",
    "quelle surprise",
    "sans blague",
    "ben voyons",
    "ben voyons donc",
    "tu parles",
    "vous parlez d'un",
    "tu parles d'un",
    "on n'est pas sortis",
    "on est pas sortis",
    "bravo le",
    "bravo la",
    "bravo les",
    "chapeau bas",
    "quel génie",
    "trop fort",
    "vraiment bravo",
    "ah ben bravo",
    "c'est du propre",
    "sure, whatever",
    "sure whatever",
    "yeah right",
    "yeah, right",
    "oh great",
    "oh, great",
    "oh wonderful",
    "oh, wonderful",
    "thanks for nothing",
    "thanks a lot…",
    "thanks a lot...",
    "what a surprise",
    "big surprise",
    "good luck with that",
    "slow clap",
    "wow, just wow",
    "whatever you say",
    "if you say so",
    "nice job",
    "well done…",
    "well done...",
    "great job…",
    "as if",
    "oh really",
    "👏👏👏",
    "🙄",
];

crate::phrase_set!(markers, MARKERS, super::tags::SARCASM_HEAD);

/// Pushes one finding with every marker.
pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut spans = Vec::new();
    let mut words = Vec::new();
    for m in markers().find(ctx.toks) {
        spans.push(ctx.span(m.start, m.end));
        words.push(ctx.words(m.start, m.end).to_string());
    }
    // « Génial… », "Great..." opening a sentence: one positive word and a trailing ellipsis
    for s in ctx.sentences {
        let toks = &ctx.toks[s.first..s.end];
        if let [w, p, ..] = toks {
            let lang = ctx
                .langs
                .get(w.sentence as usize)
                .copied()
                .unwrap_or(ctx.lang);
            if w.kind == Kind::Word
                && p.kind == Kind::Punct
                && (p.norm.starts_with("..") || p.norm == "\u{2026}")
                && w.valence_in(lang).is_some_and(|v| v >= 1.5)
                && !spans
                    .iter()
                    .any(|sp: &crate::text::Span16| sp.start == w.span.start)
            {
                spans.push(ctx.span(s.first, s.first + 2));
                words.push(ctx.words(s.first, s.first + 2).to_string());
            }
        }
    }
    if !spans.is_empty() {
        out.push(
            Finding::new("tone.sarcasm", Severity::Warning, spans).arg("words", words.join(", ")),
        );
    }
}
