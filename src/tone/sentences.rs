//! `tone.long_sentence`: a sentence with more words than the setting allows (35 by default;
//! readability guides for social media put the comfortable length near 20).

use super::{Ctx, Finding, Severity};

/// Pushes one finding per overlong sentence (its span, its word count and the maximum).
pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let max = match ctx.settings.max_sentence_words {
        0 => 35,
        n => n,
    };
    for s in ctx.sentences {
        let words = ctx.toks[s.first..s.end]
            .iter()
            .filter(|t| t.is_wordlike())
            .count() as u32;
        if words > max {
            out.push(
                Finding::new("tone.long_sentence", Severity::Info, vec![s.span])
                    .arg("words", words.to_string())
                    .arg("max", max.to_string()),
            );
        }
    }
}
