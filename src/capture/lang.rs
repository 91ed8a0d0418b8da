//! The page's language: a declared tag reduced to its primary subtag (`fr-CA` → `fr`,
//! `en_US` → `en`), and, when the page declares none, a guess from its text. The guess is a
//! hook: today French or English by their commonest short words, nothing when unsure.

/// The primary language subtag of a declared tag, lower case; `None` for `und`, `*` or junk.
pub fn primary_subtag(tag: &str) -> Option<String> {
    let first = tag.split(',').next()?.trim();
    let primary = first.split(['-', '_']).next()?.trim();
    let ok = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    let p = primary.to_ascii_lowercase();
    (ok && p != "und").then_some(p)
}

const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "du", "un", "une", "et", "est", "pour", "dans", "sur", "que", "qui",
    "pas", "au", "aux", "avec", "ce", "cette", "sont", "mais", "nous", "vous", "il", "elle", "ont",
    "été", "leur", "plus",
];
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "is", "in", "for", "that", "with", "on", "are", "was", "this", "it",
    "by", "from", "be", "have", "has", "not", "but", "you", "we", "they", "their", "will", "at",
    "an", "or", "which",
];

/// `fr` or `en` when one clearly dominates the text's common words; otherwise `None`.
pub fn detect(text: &str) -> Option<&'static str> {
    let (mut fr, mut en) = (0u32, 0u32);
    for word in text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .take(2000)
    {
        let w = word.to_lowercase();
        let w = w.rsplit('\'').next().unwrap_or(&w);
        fr += u32::from(FRENCH.contains(&w));
        en += u32::from(ENGLISH.contains(&w));
    }
    if fr >= 3 && fr >= 2 * en.max(1) {
        Some("fr")
    } else if en >= 3 && en >= 2 * fr.max(1) {
        Some("en")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_tags() {
        let cases = [
            ("fr", Some("fr")),
            ("fr-CA", Some("fr")),
            ("en_US", Some("en")),
            ("EN-gb", Some("en")),
            ("fr, en", Some("fr")),
            ("und", None),
            ("", None),
            ("français", None),
        ];
        for (tag, want) in cases {
            assert_eq!(primary_subtag(tag).as_deref(), want, "{tag}");
        }
    }

    #[test]
    fn guesses_from_text() {
        let cases = [
            ("Le gouvernement a présenté mardi un plan pour la rénovation des écoles dans les régions.", Some("fr")),
            ("Au Québec, la tempête a privé d'électricité plus de 200 000 foyers, selon Hydro-Québec.", Some("fr")),
            ("The city council voted on Tuesday to expand the bike lanes that run through the center of town.", Some("en")),
            ("Breaking: the minister said that the plan was not final and will be reviewed.", Some("en")),
            ("Paris 2026", None),
            ("🎉🎉🎉", None),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), want, "{text}");
        }
    }
}
