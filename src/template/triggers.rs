//! Typed triggers in a composer: which known trigger the text before the caret ends with. The
//! content script asks this on the trigger key, synchronously, with the list it keeps in memory;
//! nothing else runs between keystrokes. Pure: the caller reads the text before the caret.

/// The trigger of `triggers` that `before` (the composer's text up to the caret) ends with, when
/// it stands alone: at the start of the text or after a character that is not part of a word
/// (`merci;merci` is not a trigger, `Bonjour ;merci` and `(;merci` are). The longest wins
/// (`;merci-avis` over `;merci` can never both match, but `;rdv2` and `;v2` can).
pub fn trigger_before<'a>(before: &str, triggers: &'a [String]) -> Option<&'a str> {
    triggers
        .iter()
        .filter(|t| !t.is_empty() && before.ends_with(t.as_str()))
        .filter(|t| {
            let head = &before[..before.len() - t.len()];
            head.chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '-'))
        })
        .max_by_key(|t| t.len())
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> Vec<String> {
        [
            ";merci",
            ";merci-avis",
            "/rdv",
            ";v2",
            ";rdv2",
            ";délai",
            ";🙂",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    #[test]
    fn the_trigger_before_the_caret_must_stand_alone() {
        let l = list();
        let cases: &[(&str, Option<&str>)] = &[
            (";merci", Some(";merci")),
            ("Bonjour ;merci", Some(";merci")),
            ("Bonjour\n;merci", Some(";merci")),
            ("Allô\u{a0};merci", Some(";merci")),
            ("(;merci", Some(";merci")),
            ("« ;merci", Some(";merci")),
            ("👋🏽;merci", Some(";merci")),
            ("merci;merci", None),
            ("é;merci", None),
            (";merci ", None),
            (";merc", None),
            (";merci-avis", Some(";merci-avis")),
            ("Voir ;rdv2", Some(";rdv2")),
            ("x;rdv2", None),
            ("Le ;délai", Some(";délai")),
            ("Salut ;🙂", Some(";🙂")),
            ("", None),
            ("/rdv", Some("/rdv")),
            // a path in a link is not a trigger
            ("http://a.b/rdv", None),
        ];
        for (before, want) in cases {
            assert_eq!(trigger_before(before, &l), *want, "{before:?}");
        }
        assert_eq!(trigger_before(";merci", &[]), None);
        assert_eq!(trigger_before("", &[String::new()]), None);
    }
}
