//! `tone.repeated_punctuation`: `!!!`, `???`, `?!?`, `!!!!!1` — three or more marks in a row
//! (« Quoi ?! » and "Really?!" stay fine).

use super::token::Kind;
use super::{Ctx, Finding, Severity};

/// Pushes one finding with every run.
pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let spans: Vec<_> = ctx
        .toks
        .iter()
        .filter(|t| {
            t.kind == Kind::Punct
                && t.norm
                    .chars()
                    .filter(|c| matches!(c, '!' | '?' | '\u{203D}' | '\u{FF01}' | '\u{FF1F}'))
                    .count()
                    >= 3
        })
        .map(|t| t.span)
        .collect();
    if !spans.is_empty() {
        let n = spans.len();
        out.push(
            Finding::new("tone.repeated_punctuation", Severity::Warning, spans)
                .arg("count", n.to_string()),
        );
    }
}
