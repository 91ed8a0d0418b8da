//! Missing courtesy when answering a complaint: `tone.missing_greeting`, `tone.missing_thanks`,
//! `tone.missing_apology`, `tone.missing_next_step`. Runs only when the comment answered is
//! known (the site layer reads it) and reads as a complaint. The phrase lists are shared with
//! `positive`, which reports what is there.

use super::phrases::PhraseSet;
use super::{Ctx, Finding, Severity};

/// Greetings, at the start of a reply.
pub const GREETINGS: &[&str] = &[
    "bonjour",
    "bonsoir",
    "salut",
    "slt",
    "coucou",
    "allo",
    "allô",
    "bjr",
    "cher",
    "chère",
    "hello",
    "hi",
    "hey",
    "dear",
    "good morning",
    "good afternoon",
    "good evening",
    "greetings",
];

/// Thanks.
pub const THANKS: &[&str] = &[
    "merci",
    "mrc",
    "remercie",
    "remercions",
    "thank",
    "thanks",
    "thx",
    "ty",
    "grateful",
    "appreciate",
    "reconnaissant",
    "reconnaissante",
];

/// Apologies.
pub const APOLOGIES: &[&str] = &[
    "désolé",
    "désolée",
    "désolés",
    "dsl",
    "navré",
    "navrée",
    "navrés",
    "excuses",
    "excusez",
    "pardon",
    "nous regrettons",
    "je regrette",
    "sorry",
    "apologize",
    "apologise",
    "apologies",
    "we regret",
    "i regret",
];

/// Concrete next steps.
pub const NEXT_STEPS: &[&str] = &[
    "écrivez-nous",
    "écris-nous",
    "contactez-nous",
    "contacte-nous",
    "envoyez-nous",
    "envoie-nous",
    "en message privé",
    "en privé",
    "en mp",
    "par mp",
    "en dm",
    "par dm",
    "par message",
    "par courriel",
    "par e-mail",
    "par email",
    "nous allons",
    "on va",
    "je vais",
    "nous vérifions",
    "nous regardons",
    "on regarde",
    "on s'en occupe",
    "nous nous en occupons",
    "nous revenons vers vous",
    "je reviens vers vous",
    "on revient vers toi",
    "notre équipe",
    "notre service client",
    "pourriez-vous",
    "pouvez-vous",
    "peux-tu",
    "pourrais-tu",
    "merci de nous envoyer",
    "dès que",
    "d'ici",
    "sous 24",
    "sous 48",
    "dm us",
    "send us",
    "message us",
    "contact us",
    "reach out",
    "we will",
    "we'll",
    "i will",
    "i'll",
    "we are looking",
    "we're looking",
    "our team",
    "could you",
    "can you",
    "please send",
    "please dm",
    "please contact",
    "let us know",
    "follow up",
    "within 24",
    "within 48",
];

/// Words of a complaint (folded), beyond a negative polarity.
const COMPLAINT: &[&str] = &[
    "plainte",
    "rembourser",
    "remboursement",
    "retard",
    "colis",
    "jamais recu",
    "arnaque",
    "inadmissible",
    "inacceptable",
    "honte",
    "toujours pas",
    "refund",
    "complaint",
    "delay",
    "late",
    "never",
    "broken",
    "still",
    "unacceptable",
    "scam",
    "waiting",
    "attends",
];

crate::phrase_set!(greetings, GREETINGS, super::tags::GREETING_HEAD);
crate::phrase_set!(thanks, THANKS, super::tags::THANKS_HEAD);
crate::phrase_set!(apologies, APOLOGIES, super::tags::APOLOGIES_HEAD);
crate::phrase_set!(next_steps, NEXT_STEPS, super::tags::NEXT_STEP_HEAD);

/// The four sets, for `positive`.
pub fn sets() -> [(&'static PhraseSet, &'static str); 4] {
    [
        (greetings(), "greeting"),
        (thanks(), "thanks"),
        (apologies(), "apology"),
        (next_steps(), "next_step"),
    ]
}

/// Whether a folded word marks a complaint.
pub fn is_complaint_word(w: &str) -> bool {
    COMPLAINT.contains(&w)
}

/// Pushes a `tone.missing_*` finding (no spans) for each courtesy the reply lacks.
pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(reply) = ctx.reply else { return };
    if !reply.complaint {
        return;
    }
    let toks = ctx.toks;
    // a greeting counts only in the reply's first sentence
    let first_end = ctx.sentences.first().map_or(0, |s| s.end);
    let greeted = greetings()
        .find(&toks[..first_end.min(toks.len())])
        .first()
        .is_some_and(|m| m.start <= 2)
        || toks
            .first()
            .is_some_and(|t| t.kind == super::token::Kind::Mention);
    if !greeted {
        out.push(Finding::new(
            "tone.missing_greeting",
            Severity::Info,
            Vec::new(),
        ));
    }
    if thanks().find(toks).is_empty() {
        out.push(Finding::new(
            "tone.missing_thanks",
            Severity::Info,
            Vec::new(),
        ));
    }
    if apologies().find(toks).is_empty() {
        out.push(Finding::new(
            "tone.missing_apology",
            Severity::Warning,
            Vec::new(),
        ));
    }
    if next_steps().find(toks).is_empty() {
        out.push(Finding::new(
            "tone.missing_next_step",
            Severity::Warning,
            Vec::new(),
        ));
    }
}
