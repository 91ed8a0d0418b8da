//! What the library page shows, decided in pure Rust so native tests cover it: the filters
//! (search words, tag, network, language) over the library, the body cut into plain and marked
//! pieces at the parser's UTF-16 error offsets, and the sample context of the live preview.
//! No DOM here (`src/web/library*` draws it).

use super::model::{Lang, Template};
use super::parse::ParseError;
use super::render::RenderContext;
use super::search::SearchIndex;
use super::Moment;
use crate::platform::Platform;

/// The networks a reply is written on, in the order of the library's menus and length lists.
pub const REPLY_NETWORKS: [Platform; 9] = [
    Platform::X,
    Platform::Mastodon,
    Platform::Bluesky,
    Platform::Threads,
    Platform::LinkedinComment,
    Platform::FacebookComment,
    Platform::Instagram,
    Platform::YoutubeComment,
    Platform::RedditComment,
];

/// The library page's filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub query: String,
    pub tag: Option<String>,
    pub network: Option<Platform>,
    pub lang: Option<Lang>,
}

/// The positions in `library` of the templates the filter keeps: best search match first when
/// there are search words, else in library order. A template meant for no network in
/// particular is kept by every network filter; a language filter keeps a template with that
/// language as its main text or as a variant.
pub fn filtered(library: &[Template], index: &SearchIndex, f: &Filter, now: i64) -> Vec<usize> {
    let keep = |t: &Template| {
        f.tag.as_ref().is_none_or(|g| t.tags.iter().any(|x| x == g))
            && f.network
                .is_none_or(|p| t.networks.is_empty() || t.networks.contains(&p))
            && f.lang
                .is_none_or(|l| t.lang == Some(l) || t.variants.iter().any(|v| v.lang == l))
    };
    let positions: Vec<usize> = if f.query.trim().is_empty() {
        (0..library.len()).collect()
    } else {
        index
            .search(&f.query, now, library.len())
            .into_iter()
            .map(|h| h.index as usize)
            .collect()
    };
    positions
        .into_iter()
        .filter(|&i| library.get(i).is_some_and(keep))
        .collect()
}

/// Every tag of the library, sorted, once each.
pub fn all_tags(library: &[Template]) -> Vec<String> {
    let mut tags: Vec<String> = library.iter().flat_map(|t| t.tags.clone()).collect();
    tags.sort_by_key(|t| t.to_lowercase());
    tags.dedup();
    tags
}

/// A piece of a body as the page shows it: plain text, or the text of an error (with its index
/// in the error list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Plain(String),
    Marked { text: String, error: usize },
}

/// The byte index of UTF-16 offset `at` in `s` (clamped to its end and to a char boundary).
pub fn byte_at_utf16(s: &str, at: u32) -> usize {
    let mut units = 0u32;
    for (i, c) in s.char_indices() {
        if units >= at {
            return i;
        }
        units += c.len_utf16() as u32;
    }
    s.len()
}

/// `body` cut at the errors' UTF-16 spans. An empty span (an unclosed `{{` at the end) marks
/// the character before it, so every error is visible.
pub fn pieces(body: &str, errors: &[ParseError]) -> Vec<Piece> {
    let mut spans: Vec<(usize, usize, usize)> = errors
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let mut a = byte_at_utf16(body, e.start);
            let b = byte_at_utf16(body, e.end.max(e.start));
            if a == b {
                a = body[..a].char_indices().last().map_or(0, |(i, _)| i);
            }
            (a, b.max(a), k)
        })
        .collect();
    spans.sort();
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b, k) in spans {
        if a < at || a == b {
            continue; // overlapping errors: the first one marks the place
        }
        if a > at {
            out.push(Piece::Plain(body[at..a].to_string()));
        }
        out.push(Piece::Marked {
            text: body[a..b].to_string(),
            error: k,
        });
        at = b;
    }
    if at < body.len() {
        out.push(Piece::Plain(body[at..].to_string()));
    }
    out
}

/// The person the preview answers.
pub const SAMPLE_AUTHOR: &str = "Dre Marie-Ève Tremblay, PhD";

/// The live preview's context: a sample commenter, the brand given for the network, now.
pub fn preview_context(lang: Lang, now: Moment, brand: Option<String>) -> RenderContext {
    RenderContext {
        author: Some(SAMPLE_AUTHOR.into()),
        handle: Some("@marieeve".into()),
        brand,
        url: Some("https://exemple.ca/publication/42".into()),
        page_title: Some("Nouvelle collection".into()),
        ..RenderContext::new(lang, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{parse, render_template, Values};

    fn lib() -> Vec<Template> {
        let mut a = Template::new("a", "Merci", "Merci {{prenom}} pour votre message !");
        a.tags = vec!["remerciement".into()];
        a.lang = Some(Lang::FrCa);
        a.networks = vec![Platform::X];
        let mut b = Template::new("b", "Livraison", "Votre commande {{champ:Numéro}} arrive.");
        b.tags = vec!["commande".into(), "remerciement".into()];
        b.lang = Some(Lang::FrFr);
        let mut c = Template::new("c", "Thanks", "Thanks {{first_name}}! 🎉");
        c.lang = Some(Lang::En);
        c.networks = vec![Platform::Mastodon];
        vec![a, b, c]
    }

    #[test]
    fn filters_by_words_tag_network_and_language() {
        let l = lib();
        let idx = SearchIndex::new(&l);
        let f = |query: &str, tag: Option<&str>, network, lang| Filter {
            query: query.into(),
            tag: tag.map(str::to_string),
            network,
            lang,
        };
        let cases: Vec<(Filter, Vec<usize>)> = vec![
            (Filter::default(), vec![0, 1, 2]),
            (f("", Some("remerciement"), None, None), vec![0, 1]),
            (f("", None, Some(Platform::X), None), vec![0, 1]),
            (f("", None, Some(Platform::Mastodon), None), vec![1, 2]),
            (f("", None, None, Some(Lang::En)), vec![2]),
            (f("livraison", None, None, None), vec![1]),
            (f("merci", None, None, Some(Lang::En)), vec![]),
            (
                f("commande", Some("commande"), Some(Platform::Bluesky), None),
                vec![1],
            ),
        ];
        for (filter, want) in cases {
            assert_eq!(filtered(&l, &idx, &filter, 0), want, "{filter:?}");
        }
        assert_eq!(all_tags(&l), vec!["commande", "remerciement"]);
    }

    fn marked(body: &str) -> Vec<String> {
        pieces(body, &parse(body).errors)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Marked { text, .. } => Some(text),
                Piece::Plain(_) => None,
            })
            .collect()
    }

    #[test]
    fn errors_are_marked_where_they_are_even_after_emoji_and_accents() {
        let cases: &[(&str, &[&str])] = &[
            ("Bonjour {{prenon}} !", &["{{prenon}}"]),
            ("🎉🇨🇦 Élodie, {{inconnu}} merci", &["{{inconnu}}"]),
            ("Merci {{prenom}} !", &[]),
            ("{{}} et {{nom_complet}}", &["{{}}"]),
        ];
        for (body, want) in cases {
            assert_eq!(marked(body), *want, "{body}");
        }
        // an unclosed `{{` is marked, not dropped; the pieces give the body back whole
        let body = "Salut « {{prenom » à demain";
        let ps = pieces(body, &parse(body).errors);
        assert!(ps.iter().any(|p| matches!(p, Piece::Marked { .. })));
        let whole: String = ps
            .iter()
            .map(|p| match p {
                Piece::Plain(t) | Piece::Marked { text: t, .. } => t.as_str(),
            })
            .collect();
        assert_eq!(whole, body);
    }

    #[test]
    fn utf16_offsets_land_on_characters() {
        let s = "é🎉a";
        assert_eq!(byte_at_utf16(s, 0), 0);
        assert_eq!(byte_at_utf16(s, 1), 2);
        assert_eq!(byte_at_utf16(s, 3), 6);
        assert_eq!(byte_at_utf16(s, 99), s.len());
    }

    #[test]
    fn the_preview_greets_the_sample_commenter_by_first_name() {
        let now = Moment::new(2026, 11, 26, 14, 30, -300).unwrap();
        let t = Template::new("t", "x", "Merci {{prenom}}, de {{marque}} !");
        let ctx = preview_context(Lang::FrCa, now, Some("Café Paulette".into()));
        let r = render_template(&t, &ctx, &Values::default(), None);
        assert_eq!(r.text, "Merci Marie-Ève, de Café Paulette !");
    }
}
