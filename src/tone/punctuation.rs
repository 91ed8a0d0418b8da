//! `tone.repeated_punctuation`: `!!!`, `???`, `?!?`, `!!!!!1` — three or more `!`/`?` marks in a
//! row, also spaced out the French way (« Non ! ! ! », a no-break space before each mark).
//! « Quoi ?! », "Really?!" and "Merci !!" stay fine; dots (`...`, `…`) are never shouting.
//! Its one argument, `count`, is the number of marks in the longest run.

use super::token::Kind;
use super::{Ctx, Finding, Severity};
use crate::text::Span16;

fn is_mark(c: char) -> bool {
    matches!(c, '!' | '?' | '\u{203D}' | '\u{FF01}' | '\u{FF1F}')
}

/// Pushes one finding with every run.
pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut spans: Vec<Span16> = Vec::new();
    let mut longest = 0usize;
    // the run being read: its span, its marks, and where its last token ended (bytes)
    let mut run: Option<(Span16, usize, usize)> = None;
    let mut close = |run: &mut Option<(Span16, usize, usize)>| {
        if let Some((span, marks, _)) = run.take() {
            if marks >= 3 {
                spans.push(span);
                longest = longest.max(marks);
            }
        }
    };
    for t in ctx.toks {
        let marks = if t.kind == Kind::Punct {
            ctx.text[t.start..t.end]
                .chars()
                .filter(|&c| is_mark(c))
                .count()
        } else {
            0
        };
        if marks == 0 {
            close(&mut run);
            continue;
        }
        match &mut run {
            // only spaces between this mark and the run's last one: the same run
            Some((span, n, end)) if ctx.text[*end..t.start].chars().all(char::is_whitespace) => {
                span.end = t.span.end;
                *n += marks;
                *end = t.end;
            }
            _ => {
                close(&mut run);
                run = Some((t.span, marks, t.end));
            }
        }
    }
    close(&mut run);
    if !spans.is_empty() {
        out.push(
            Finding::new("tone.repeated_punctuation", Severity::Warning, spans)
                .arg("count", super::itoa(longest)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::tone::{analyse, ToneSettings};

    /// The count argument and the spanned text of the finding, if any.
    fn found(text: &str) -> Option<(String, Vec<String>)> {
        let r = analyse(text, &ToneSettings::default(), None);
        let f = r
            .findings
            .into_iter()
            .find(|f| f.code == "tone.repeated_punctuation")?;
        let t16: Vec<u16> = text.encode_utf16().collect();
        let words = f
            .spans
            .iter()
            .map(|s| String::from_utf16_lossy(&t16[s.start as usize..s.end as usize]))
            .collect();
        Some((f.args[0].1.clone(), words))
    }

    /// A text, and the count and runs expected (none: no finding).
    type Case = (
        &'static str,
        Option<(&'static str, &'static [&'static str])>,
    );

    #[test]
    fn runs_of_marks_are_counted_mark_by_mark() {
        let cases: &[Case] = &[
            ("C'est inadmissible!!!", Some(("3", &["!!!"]))),
            ("Vraiment ?!?", Some(("3", &["?!?"]))),
            ("What?!?!", Some(("4", &["?!?!"]))),
            ("Merci !!!!!1", Some(("5", &["!!!!!"]))),
            ("Sérieux ??? Encore ?!", Some(("3", &["???"]))),
            ("Non !!! Jamais ?????", Some(("5", &["!!!", "?????"]))),
            ("Incroyable‽‽‽", Some(("3", &["‽‽‽"]))),
            ("本当！！！", Some(("3", &["！！！"]))),
            // French spacing: a (narrow) no-break space before the marks, or between them
            ("Tabarnak\u{202F}!!!", Some(("3", &["!!!"]))),
            ("« C’est une honte\u{00A0}!!! »", Some(("3", &["!!!"]))),
            ("Non\u{202F}! ! !", Some(("3", &["! ! !"]))),
            (
                "Pourquoi\u{202F}?\u{202F}!\u{202F}?",
                Some(("3", &["?\u{202F}!\u{202F}?"])),
            ),
            ("Wow!!! 🎉🎉", Some(("3", &["!!!"]))),
            // not repeated: two marks, one mark, dots
            ("Merci !!", None),
            ("Really?!", None),
            ("Quoi ?!", None),
            ("Bonjour ! Merci ?", None),
            ("Je ne sais pas...", None),
            ("Hmm…… on verra.", None),
            ("Attendez. . . non", None),
            ("Oui ! Non ! Peut-être !", None),
        ];
        for (text, want) in cases {
            let got = found(text);
            let want = want.map(|(n, w)| {
                (
                    n.to_string(),
                    w.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                )
            });
            assert_eq!(got, want, "{text}");
        }
    }
}
