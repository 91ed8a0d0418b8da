//! `tone.profanity` (swear words, French, English and Québec sacres in their many spellings)
//! and `tone.insult` (an insult aimed at the reader: « t'es con », « espèce d'imbécile », "you
//! idiot", "you're pathetic"). Sacres are compared by a spelling skeleton (`skeleton`) so that
//! « tabarnak », « tabarnac », « tabarnaque » and « TABARNAK » are one word, and their derived
//! forms (« câlisser », « crisser », « estifie ») are found by prefix.

use super::token::Kind;
use super::{Ctx, Finding, Severity};

/// Québec sacres (strong) as commonly spelled; compared by skeleton, prefix for long ones.
const SACRES: &[&str] = &[
    "tabarnak",
    "tabernacle",
    "câlisse",
    "calice",
    "crisse",
    "christ",
    "ostie",
    "hostie",
    "esti",
    "astie",
    "ciboire",
    "sacrament",
    "sacrement",
    "viarge",
    "calvaire",
    "baptême",
    "maudit",
    "torrieux",
];

/// Minced Québec sacres: « tabarouette », « câline », « mautadit »… (mild: info).
const MINCED: &[&str] = &[
    "tabarouette",
    "tabarnouche",
    "tabarslaque",
    "câline",
    "câlique",
    "mautadit",
    "mosusse",
    "batinse",
    "sacrifice",
    "cibole",
    "ciboulette",
    "saint-sicroche",
    "torvis",
    "crime",
    "jériboire",
];

/// French and English swear words (folded); strong ones.
const SWEARS: &[&str] = &[
    "merde",
    "putain",
    "bordel",
    "chier",
    "fait chier",
    "emmerde",
    "emmerder",
    "foutre",
    "fous",
    "enculé",
    "encule",
    "bite",
    "couilles",
    "niquer",
    "nique",
    "ta gueule",
    "ferme ta gueule",
    "fuck",
    "fucking",
    "fucked",
    "fuckin",
    "motherfucker",
    "shit",
    "shitty",
    "bullshit",
    "crap",
    "damn",
    "dammit",
    "goddamn",
    "bitch",
    "bastard",
    "asshole",
    "piss",
    "pissed",
    "wtf",
    "ffs",
    "stfu",
    "fml",
    "bloody hell",
    "pute",
    "salope",
    "batard",
    "bâtard",
];

/// Insults: hostile when aimed at the reader, profanity anyway for the strongest.
const INSULTS: &[&str] = &[
    "con",
    "conne",
    "connard",
    "connasse",
    "abruti",
    "idiot",
    "idiote",
    "imbécile",
    "crétin",
    "débile",
    "stupide",
    "nul",
    "nuls",
    "nulle",
    "incompétent",
    "incompétents",
    "incompétente",
    "minable",
    "minables",
    "pathétique",
    "ridicule",
    "ridicules",
    "salaud",
    "ordure",
    "enfoiré",
    "tocard",
    "boulet",
    "bouffon",
    "clown",
    "clowns",
    "guignol",
    "guignols",
    "naze",
    "nazes",
    "niaiseux",
    "niaiseuse",
    "épais",
    "twit",
    "gnochon",
    "innocent",
    "mongol",
    "cave",
    "caves",
    "idiot",
    "idiots",
    "moron",
    "morons",
    "stupid",
    "dumb",
    "dumbass",
    "loser",
    "losers",
    "pathetic",
    "useless",
    "incompetent",
    "clueless",
    "fool",
    "jerk",
    "jerks",
    "scammer",
    "scammers",
    "liar",
    "liars",
    "menteur",
    "menteurs",
    "voleur",
    "voleurs",
    "escroc",
    "escrocs",
    "arnaqueur",
    "arnaqueurs",
    "clown",
    "joke",
    "trash",
    "garbage",
    "pitoyable",
    "lamentable",
];

/// Endings of verbs and nouns derived from sacres, in skeleton form (« câlisser », « estifie »).
const DERIVATIONS: &[&str] = &["", "s", "er", "ers", "ez", "e", "fi", "fis", "ri"];

/// Words that aim what follows at the reader.
const AIMED: &[&str] = &[
    "you", "you're", "youre", "u", "ur", "your", "tu", "t'", "es", "vous", "etes", "espece",
    "bande", "gang", "sale", "sales", "such", "are", "t'es", "t",
];

/// A spelling skeleton: folded, `qu`/`c`(hard)/`ck` → `k`, soft `c` → `s`, `g` before e/i →
/// `j`, an initial `h` dropped, doubled letters collapsed, a final `e` dropped.
pub fn skeleton(folded: &str) -> String {
    let b: Vec<char> = folded.chars().filter(|c| c.is_alphabetic()).collect();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        let mapped = match c {
            'h' if i == 0 => None,
            'q' if next == Some('u') => {
                i += 1;
                Some('k')
            }
            'q' => Some('k'),
            'c' if next == Some('k') => {
                i += 1;
                Some('k')
            }
            'c' if matches!(next, Some('e' | 'i' | 'y')) => Some('s'),
            'c' => Some('k'),
            'g' if matches!(next, Some('e' | 'i')) => Some('j'),
            _ => Some(c),
        };
        if let Some(m) = mapped {
            if !out.ends_with(m) {
                out.push(m);
            }
        }
        i += 1;
    }
    if out.len() > 3 && out.ends_with('e') {
        out.pop();
    }
    out
}

fn skeletons(list: &'static [&'static str]) -> Vec<String> {
    list.iter()
        .map(|w| skeleton(&super::token::fold(w)))
        .collect()
}

fn sacre_kind(folded: &str) -> Option<Severity> {
    use std::sync::OnceLock;
    static S: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    let (strong, mild) = S.get_or_init(|| (skeletons(SACRES), skeletons(MINCED)));
    // every spelling of a sacre starts with one of these pairs of letters
    // (compared as pairs of bytes: no string comparison per word)
    let plausible = match folded.as_bytes() {
        [a, b, ..] => matches!(
            (a, b),
            (b't', b'a' | b'o')
                | (b'c', b'a' | b'r' | b'h' | b'i')
                | (b'k', b'r' | b'a')
                | (b'o' | b'a', b's')
                | (b'h', b'o')
                | (b'e', b's')
                | (b's', b'a')
                | (b'v', b'i')
                | (b'b', b'a')
                | (b'm', b'a' | b'o')
                | (b'j', b'e')
        ),
        _ => false,
    };
    if folded.len() > 18 || !plausible {
        return None;
    }
    let sk = skeleton(folded);
    let hit = |list: &Vec<String>| {
        list.iter().any(|s| {
            sk.strip_prefix(s.as_str())
                .is_some_and(|rest| DERIVATIONS.contains(&rest))
        })
    };
    if matches!(
        folded,
        "crise" | "crises" | "calices" | "hosties" | "christs"
    ) {
        return None;
    }
    if hit(mild) {
        Some(Severity::Info)
    } else if hit(strong) {
        Some(Severity::Warning)
    } else {
        None
    }
}

crate::phrase_set!(swears, SWEARS, super::tags::SWEAR_HEAD);
crate::words_joined!(AIMED_JOINED, AIMED);
crate::phrase_set!(insults, INSULTS, super::tags::INSULT_HEAD);

/// Pushes `tone.profanity` and `tone.insult`.
pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let toks = ctx.toks;
    let mut prof: Vec<(usize, usize, Severity)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Kind::Word || t.norm.len() < 4 {
            continue;
        }
        // "crime" and "christ" are ordinary words in a sentence without another sacre nearby;
        // they count only in Québec's exclamative use, next to another sacre or a « de ».
        if let Some(sev) = sacre_kind(&t.norm) {
            let plain_word = matches!(
                t.norm.as_str(),
                "crime"
                    | "crimes"
                    | "christ"
                    | "sacrifice"
                    | "maudit"
                    | "maudite"
                    | "bapteme"
                    | "calvaire"
            );
            if plain_word {
                let neighbour = toks.get(i + 1).is_some_and(|n| {
                    n.norm == "de"
                        || n.norm == "d'"
                        || n.kind == Kind::Punct && n.norm.contains('!')
                }) && (i == 0 || toks[i - 1].kind == Kind::Punct);
                if !neighbour {
                    continue;
                }
            }
            prof.push((i, i + 1, sev));
        }
    }
    for m in swears().find(toks) {
        if !prof.iter().any(|p| p.0 == m.start) {
            prof.push((m.start, m.end, Severity::Warning));
        }
    }
    let mut insult_spans = Vec::new();
    let mut insult_words = Vec::new();
    for m in insults().find(toks) {
        let before = &toks[m.start.saturating_sub(4)..m.start];
        let aimed = before
            .iter()
            .any(|t| t.sentence == toks[m.start].sentence && t.is(super::tags::AIMED));
        if aimed {
            let first = before
                .iter()
                .position(|t| t.is(super::tags::AIMED) && t.sentence == toks[m.start].sentence)
                .map_or(m.start, |p| m.start - before.len() + p);
            insult_spans.push(ctx.span(first, m.end));
            insult_words.push(ctx.words(m.start, m.end).to_string());
        }
    }
    super::token::sort_small(&mut prof, |a, b| a.0 < b.0);
    if !prof.is_empty() {
        let sev = prof.iter().map(|p| p.2).max().unwrap_or(Severity::Warning);
        let words: Vec<&str> = prof.iter().map(|p| ctx.words(p.0, p.1)).collect();
        out.push(
            Finding::new(
                "tone.profanity",
                sev,
                prof.iter().map(|p| ctx.span(p.0, p.1)).collect(),
            )
            .arg("words", words.join(", ")),
        );
    }
    if !insult_spans.is_empty() {
        out.push(
            Finding::new("tone.insult", Severity::Problem, insult_spans)
                .arg("words", insult_words.join(", ")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sacre_spellings_share_a_skeleton() {
        for group in [
            &[
                "tabarnak",
                "tabarnac",
                "tabarnaque",
                "TABARNAK",
                "tabarnack",
            ][..],
            &["câlisse", "calice", "câlice", "caliss", "calisse"],
            &["crisse", "criss", "CRISSE"],
            &["ostie", "hostie", "osti"],
        ] {
            let want = skeleton(&super::super::token::fold(group[0]));
            for w in group {
                assert_eq!(skeleton(&super::super::token::fold(w)), want, "{w}");
            }
        }
        assert_eq!(sacre_kind("tabarouette"), Some(Severity::Info));
        assert_eq!(sacre_kind("calisser"), Some(Severity::Warning));
        assert_eq!(sacre_kind("table"), None);
        assert_eq!(sacre_kind("christine"), None);
        assert_eq!(sacre_kind("crise"), None);
        assert_eq!(sacre_kind("estifie"), Some(Severity::Warning));
    }
}
