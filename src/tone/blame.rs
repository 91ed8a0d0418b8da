//! `tone.blame` (the reader is told it is their fault: « vous auriez dû », « c'est de votre
//! faute », "you should have", "you failed to") and `tone.passive_aggressive` (« comme déjà
//! mentionné », « pour la énième fois », "as I already said", "per my last message").

use super::{Ctx, Finding, Severity};

const BLAME: &[&str] = &[
    "vous auriez dû",
    "tu aurais dû",
    "vous auriez pu",
    "tu aurais pu",
    "vous n'aviez qu'à",
    "t'avais qu'à",
    "tu n'avais qu'à",
    "c'est de votre faute",
    "c'est votre faute",
    "c'est ta faute",
    "c'est de ta faute",
    "par votre faute",
    "vous n'avez pas lu",
    "tu n'as pas lu",
    "vous n'avez pas compris",
    "tu n'as pas compris",
    "vous ne savez pas lire",
    "vous devriez savoir",
    "vous êtes censé",
    "tu es censé",
    "vous avez mal",
    "tu as mal",
    "vous vous êtes trompé",
    "lisez les conditions",
    "il fallait lire",
    "you should have",
    "you shouldn't have",
    "you should've",
    "you could have",
    "your fault",
    "you failed to",
    "you didn't read",
    "did you even read",
    "you didn't follow",
    "you were supposed to",
    "you need to read",
    "it's on you",
    "that's on you",
    "you obviously",
    "you clearly didn't",
    "if you had read",
    "if you had bothered",
];

const PASSIVE: &[&str] = &[
    "comme déjà mentionné",
    "comme déjà dit",
    "comme déjà indiqué",
    "comme indiqué précédemment",
    "comme mentionné précédemment",
    "comme je l'ai déjà dit",
    "comme je vous l'ai déjà dit",
    "comme je te l'ai déjà dit",
    "comme nous l'avons déjà dit",
    "je répète",
    "je le répète",
    "pour la énième fois",
    "pour la dernière fois",
    "encore une fois",
    "je me permets de vous rappeler",
    "je vous rappelle que",
    "sans vouloir vous offenser",
    "avec tout le respect que je vous dois",
    "merci de lire",
    "relisez",
    "si vous aviez lu",
    "bien cordialement",
    "as i already said",
    "as i said",
    "as i've said",
    "as i have said",
    "as previously stated",
    "as previously mentioned",
    "as mentioned before",
    "as already mentioned",
    "as stated",
    "per my last email",
    "per my last message",
    "per my previous",
    "for the last time",
    "once again",
    "i repeat",
    "friendly reminder",
    "just a friendly reminder",
    "with all due respect",
    "no offense",
    "no offence",
    "not sure if you saw",
    "in case you missed it",
    "going forward",
    "thanks in advance for your cooperation",
    "please advise",
];

crate::phrase_set!(blame, BLAME, super::tags::BLAME_HEAD);
crate::phrase_set!(passive, PASSIVE, super::tags::PASSIVE_HEAD);

/// Pushes `tone.blame` and `tone.passive_aggressive`.
pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (set, code, sev) in [
        (blame(), "tone.blame", Severity::Warning),
        (passive(), "tone.passive_aggressive", Severity::Warning),
    ] {
        let found = set.find(ctx.toks);
        if !found.is_empty() {
            let words: Vec<&str> = found.iter().map(|m| ctx.words(m.start, m.end)).collect();
            out.push(
                Finding::new(
                    code,
                    sev,
                    found.iter().map(|m| ctx.span(m.start, m.end)).collect(),
                )
                .arg("words", words.join(", ")),
            );
        }
    }
}
