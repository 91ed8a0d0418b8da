//! The template entries of the browser's context menu: which templates the "Insert a template"
//! submenu lists (the most used first), and the template "Save the selection as a template"
//! makes of a selection (its title from the first words, its body the selection as literal text).
//!
//! Pure: the background reads the library and builds the menu; no browser here.

use super::Template;
use unicode_segmentation::UnicodeSegmentation;

/// A menu shows at most this many characters of a template's title.
const LABEL_MAX: usize = 60;

/// Put between `%` and `s` in a label: the browsers replace every `%s` of a menu title with the
/// page's selection and have no escape for it (Chrome's `MenuItem::TitleWithReplacement`, always;
/// Firefox's menus, when text is selected; `%%s` would show `%` and the selection). A word
/// joiner is invisible and breaks the sequence.
const PERCENT_S_BREAK: &str = "%\u{2060}s";

/// A template's title as a menu entry shows it: shortened to [`LABEL_MAX`] characters (then
/// "…"), `&` doubled (a single one marks an access key in the browser's menus), and `%s` kept as
/// written (see [`PERCENT_S_BREAK`]).
pub fn menu_label(title: &str) -> String {
    let mut shown: String = title.graphemes(true).take(LABEL_MAX).collect();
    if shown.len() < title.len() {
        shown.push('…');
    }
    shown.replace('&', "&&").replace("%s", PERCENT_S_BREAK)
}

/// Templates listed in the submenu at most (a context menu longer than this is scanned, not read).
pub const MENU_SIZE: usize = 8;

/// A title made from a selection has at most this many words…
const TITLE_WORDS: usize = 6;
/// …and at most this many characters (graphemes), the ellipsis included.
const TITLE_MAX: usize = 48;

/// The indices of the `limit` templates to list: the most used first, then the most recently
/// used, then by title (case-insensitive), so a library never used yet still lists some.
pub fn most_used(list: &[Template], limit: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..list.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&list[a], &list[b]);
        y.uses
            .cmp(&x.uses)
            .then(y.last_used.cmp(&x.last_used))
            .then_with(|| x.title.to_lowercase().cmp(&y.title.to_lowercase()))
            .then_with(|| x.id.cmp(&y.id))
    });
    order.truncate(limit);
    order
}

/// A title from the first words of `text` (whitespace collapsed): at most [`TITLE_WORDS`] words
/// and [`TITLE_MAX`] graphemes, cut between words, "…" when something was left out. Empty when
/// the text has no words.
pub fn title_from_selection(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut title = String::new();
    let mut taken = 0;
    for word in &words {
        let candidate = if title.is_empty() {
            word.to_string()
        } else {
            format!("{title} {word}")
        };
        // room for the ellipsis unless this is the last word
        let room = if taken + 1 == words.len() {
            TITLE_MAX
        } else {
            TITLE_MAX - 1
        };
        if taken == TITLE_WORDS || candidate.graphemes(true).count() > room {
            break;
        }
        title = candidate;
        taken += 1;
    }
    let Some(first) = words.first() else {
        return String::new();
    };
    if taken == 0 {
        // one word longer than a title: cut inside it
        title = first.graphemes(true).take(TITLE_MAX - 1).collect();
    }
    if taken < words.len() {
        // a trailing comma or colon reads badly before the ellipsis
        let kept = title.trim_end_matches([',', ';', ':', '-', '–', '—']).len();
        title.truncate(kept);
        title.push('…');
    }
    title
}

/// The selection as a template body that renders back to the same text: line breaks made
/// `\n`, trailing spaces of the whole dropped, and every `{{` escaped (`\{{`), so a selection
/// that happens to contain braces is text, not a variable.
pub fn body_from_selection(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .replace("{{", "\\{{")
}

/// The template made of a selection, created at `now` (ms), or `None` when the selection holds
/// no words.
pub fn from_selection(id: &str, text: &str, now: i64) -> Option<Template> {
    let title = title_from_selection(text);
    if title.is_empty() {
        return None;
    }
    let mut t = Template::new(id, &title, &body_from_selection(text));
    t.created = now;
    t.updated = now;
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{render_template, Lang, Moment, RenderContext, Values};

    fn tpl(id: &str, title: &str, uses: u32, last_used: Option<i64>) -> Template {
        let mut t = Template::new(id, title, "Merci !");
        t.uses = uses;
        t.last_used = last_used;
        t
    }

    #[test]
    fn most_used_first_then_recent_then_title() {
        let list = vec![
            tpl("a", "Remerciement", 3, Some(100)),
            tpl("b", "Excuses pour le délai", 12, Some(50)),
            tpl("c", "Passer en message privé", 3, Some(900)),
            tpl("d", "Événement — infos", 0, None),
            tpl("e", "avis négatif", 0, None),
            tpl("f", "Hors des heures d’ouverture", 1, Some(10)),
        ];
        let titles: Vec<&str> = most_used(&list, MENU_SIZE)
            .into_iter()
            .map(|i| list[i].id.as_str())
            .collect();
        // 12 uses; 3 uses, the later use first; 1 use; never used, by title ignoring case
        assert_eq!(titles, ["b", "c", "a", "f", "e", "d"]);
    }

    #[test]
    fn most_used_keeps_the_limit_and_an_empty_library_lists_nothing() {
        let list: Vec<Template> = (0..20)
            .map(|n| {
                tpl(
                    &format!("t{n}"),
                    &format!("Modèle {n:02}"),
                    n,
                    Some(n as i64),
                )
            })
            .collect();
        let order = most_used(&list, MENU_SIZE);
        assert_eq!(order.len(), MENU_SIZE);
        let uses: Vec<u32> = order.iter().map(|&i| list[i].uses).collect();
        assert_eq!(uses, [19, 18, 17, 16, 15, 14, 13, 12]);
        assert!(most_used(&[], MENU_SIZE).is_empty());
    }

    #[test]
    fn most_used_moves_a_template_up_after_uses() {
        let mut list = vec![
            tpl("merci", "Merci", 2, Some(10)),
            tpl("dm", "En privé", 1, Some(20)),
        ];
        assert_eq!(most_used(&list, 2), [0, 1]);
        list[1].uses += 2;
        list[1].last_used = Some(30);
        assert_eq!(most_used(&list, 2), [1, 0]);
    }

    #[test]
    fn titles_from_selections() {
        let cases = [
            (
                "Merci beaucoup pour votre message !",
                "Merci beaucoup pour votre message !",
            ),
            (
                "Bonjour, nous sommes désolés pour le retard de votre commande.",
                "Bonjour, nous sommes désolés pour le…",
            ),
            (
                "  Salut!\n\nOn regarde ça   pis on te revient en fin de semaine.",
                "Salut! On regarde ça pis on…",
            ),
            (
                "Thanks so much, we'll look into it",
                "Thanks so much, we'll look into…",
            ),
            (
                "Merci 🙏🏽 à toute l’équipe 👩‍👩‍👧",
                "Merci 🙏🏽 à toute l’équipe 👩‍👩‍👧",
            ),
            (
                "Écrivez-nous par courriel, s’il vous plaît, merci",
                "Écrivez-nous par courriel, s’il vous plaît…",
            ),
            ("Bonjour, merci", "Bonjour, merci"),
            ("   \n\t ", ""),
            ("", ""),
        ];
        for (text, title) in cases {
            assert_eq!(title_from_selection(text), title, "{text:?}");
        }
    }

    #[test]
    fn titles_stay_short_and_cut_long_words() {
        let long = "Anticonstitutionnellement".repeat(3);
        let title = title_from_selection(&long);
        assert_eq!(title.graphemes(true).count(), TITLE_MAX);
        assert!(title.ends_with('…'));
        assert!(long.starts_with(title.trim_end_matches('…')));
        let wordy = "Nous avons bien reçu votre demande concernant la livraison";
        for text in [
            wordy,
            "Un deux trois quatre cinq six sept",
            "On vous répond d’ici 24 h, promis !",
        ] {
            let t = title_from_selection(text);
            assert!(t.graphemes(true).count() <= TITLE_MAX, "{t}");
            assert!(t.split_whitespace().count() <= TITLE_WORDS, "{t}");
        }
        // a trailing comma is dropped before the ellipsis
        assert_eq!(
            title_from_selection("Bonjour, merci, vraiment, beaucoup, à, vous, tous"),
            "Bonjour, merci, vraiment, beaucoup, à, vous…"
        );
    }

    #[test]
    fn menu_labels_are_short_and_keep_ampersands() {
        assert_eq!(menu_label("Questions & réponses"), "Questions && réponses");
        let long = "Réponse très longue ".repeat(5);
        let shown = menu_label(&long);
        assert_eq!(shown.graphemes(true).count(), LABEL_MAX + 1);
        assert!(shown.ends_with('…'));
        assert!(long.starts_with(shown.trim_end_matches('…')));
        assert_eq!(menu_label("Merci 🙏🏽 👩‍👩‍👧"), "Merci 🙏🏽 👩‍👩‍👧");
    }

    /// What Chrome shows for a menu title: every `%s` replaced with the selection.
    fn as_chrome_shows(label: &str, selection: &str) -> String {
        label.replace("%s", selection).replace('\u{2060}', "")
    }

    #[test]
    fn menu_labels_keep_percent_s_as_written() {
        let titles = [
            "Rabais de 15 %sur tout",
            "Code %s pour l’infolettre",
            "%s%s%%s",
            "Remise 20%,soldes",
            "100 % satisfait 🎉",
        ];
        for title in titles {
            let label = menu_label(title);
            assert!(!label.contains("%s"), "{label:?}");
            // whatever the page's selection, the menu reads as the title
            for selection in ["", "Chloé", "%s"] {
                assert_eq!(as_chrome_shows(&label, selection), title, "{title:?}");
            }
        }
        // with an ampersand too, and cut to its length
        let label = menu_label(&format!("Q&R %s {}", "très long ".repeat(10)));
        assert!(label.starts_with("Q&&R %\u{2060}s très long"), "{label:?}");
        assert!(label.ends_with('…'));
    }

    #[test]
    fn a_selection_renders_back_to_itself() {
        let ctx = RenderContext::new(
            Lang::FrCa,
            Moment::new(2026, 11, 24, 10, 0, -300).unwrap_or_else(|| unreachable!()),
        );
        for text in [
            "Merci Marie-Ève !\nOn s’en occupe.",
            "Le code est {{prenom}} et {{ pas une variable",
            "Deux lignes\r\n\r\net un emoji 🎉",
            "  Salut 👋  ",
            "a\\b {{x}} }}",
        ] {
            let t = from_selection("t-1", text, 5).unwrap_or_else(|| unreachable!());
            let out = render_template(&t, &ctx, &Values::default(), None);
            assert!(out.errors.is_empty(), "{text:?}: {:?}", out.errors);
            let expected = text.replace("\r\n", "\n");
            assert_eq!(out.text, expected.trim(), "{text:?}");
            assert_eq!((t.created, t.updated, t.uses), (5, 5, 0));
        }
        assert!(from_selection("t-2", " \n ", 5).is_none());
    }
}
