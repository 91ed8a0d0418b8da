//! The valence lexicons (English, French, emoji and emoticons) as compact data files, read once
//! into sorted tables. Valences are on VADER's scale (−4…4), stored in tenths.
//!
//! Data and licences: `lexicon_en.txt` is VADER's lexicon (MIT, C.J. Hutto) with Pattern's
//! English adjectives (PDDL) where VADER has none, both cut to the words of SCOWL's size-35 list
//! and what is not a plain word (phrases, slang of four letters at most), an inflected form left
//! out where its base has nearly its valence (see [`en_candidates`]), and our own entries;
//! `lexicon_fr.txt` is
//! Pattern's French adjectives (PDDL) under our own entries (France and Québec);
//! `emoji.txt` is ours. `tests/eval/tone/build_lexicons.py` rebuilds the two word lexicons;
//! `NOTICE.md` beside them carries the licences.
//! Format: one line per valence, `tenths|word|word|…`; words are folded (lower case, no
//! accents). No rule lives here: negation, boosters and the rest are in `polarity`.

use std::sync::OnceLock;

use super::token::{dedup_words, hash, HashIndex};
use super::Lang;

/// A table of folded words (or emoji) and their valence in tenths.
pub struct Lexicon {
    entries: Vec<(&'static str, i8)>,
    /// The entries by hash.
    index: HashIndex,
}

impl Lexicon {
    fn parse(data: &'static str) -> Lexicon {
        let mut entries = Vec::with_capacity(data.len() / 9);
        for line in data.lines() {
            let mut parts = line.split('|');
            let Some(Ok(v)) = parts.next().map(str::parse::<i8>) else {
                continue;
            };
            entries.extend(parts.filter(|w| !w.is_empty()).map(|w| (w, v)));
        }
        dedup_words(&mut entries, |e| e.0);
        let index = HashIndex::new(entries.iter().map(|e| hash(e.0)).collect());
        Lexicon { entries, index }
    }

    /// The valence of exactly this folded form.
    pub fn exact(&self, w: &str) -> Option<f32> {
        self.exact_hashed(w, hash(w))
    }

    /// [`exact`](Self::exact) of a form whose [`hash`] is known (a token's).
    fn exact_hashed(&self, w: &str, h: u32) -> Option<f32> {
        self.index
            .find(h, |i| self.entries[i].0 == w)
            .map(|i| self.entries[i].1 as f32 / 10.0)
    }

    /// The first words of the entries that are phrases (`à fuir`), for the word tags
    /// (`tags::LEXICON_PHRASE_FR`, `_EN`).
    pub fn phrase_heads(&'static self) -> impl Iterator<Item = &'static str> {
        self.entries
            .iter()
            .filter_map(|(w, _)| w.split_once(' ').map(|(h, _)| h))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Base forms the French reader tries after the form itself (plural, feminine); the lexicon
/// builder drops a form when one of these finds the same valence.
pub fn fr_candidates(w: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    let mut s = w;
    if s.len() > 3 && (s.ends_with('s') || s.ends_with('x')) && !s.ends_with("eux") {
        s = &s[..s.len() - 1];
        if f(s) {
            return true;
        }
    }
    // every ending below ends in « e »
    if !s.ends_with('e') {
        return false;
    }
    const SUFFIXES: &[(&str, &str)] = &[
        ("euse", "eux"),
        ("ive", "if"),
        ("elle", "el"),
        ("enne", "en"),
        ("onne", "on"),
        ("ette", "et"),
        ("ere", "er"),
        ("rice", "eur"),
        ("ee", "e"),
    ];
    let mut buf = String::new();
    for (suf, rep) in SUFFIXES {
        if s.len() > suf.len() + 1 {
            if let Some(stem) = s.strip_suffix(suf) {
                buf.clear();
                buf.push_str(stem);
                buf.push_str(rep);
                if f(&buf) {
                    return true;
                }
            }
        }
    }
    if s.len() > 3 {
        if let Some(stem) = s.strip_suffix('e') {
            if f(stem) {
                return true;
            }
        }
    }
    false
}

/// Base forms the English reader tries after the form itself (plural or third person, past,
/// gerund, adverb: `hates` → `hate`, `loved` → `love`, `stopping` → `stop`, `angrily` → `angry`);
/// the lexicon builder drops a form when one of these finds a valence within 0.5 of its own.
pub fn en_candidates(w: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    let n = w.len();
    // every ending below ends in one of these letters
    if !matches!(w.as_bytes().last(), Some(b's' | b'd' | b'g' | b'y')) {
        return false;
    }
    let mut buf = String::new();
    let mut stem_then = |stem: &str, tail: &str, f: &mut dyn FnMut(&str) -> bool| {
        buf.clear();
        buf.push_str(stem);
        buf.push_str(tail);
        buf.len() >= 3 && f(&buf)
    };
    if n > 4 {
        if let Some(st) = w.strip_suffix("ies") {
            if stem_then(st, "y", &mut f) {
                return true;
            }
        }
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && f(&w[..n - 1]) {
        return true;
    }
    for suf in ["ed", "ing"] {
        if let Some(st) = w.strip_suffix(suf) {
            if n > suf.len() + 2 {
                if stem_then(st, "", &mut f) || stem_then(st, "e", &mut f) {
                    return true;
                }
                let b = st.as_bytes();
                if b.len() >= 2
                    && b[b.len() - 1] == b[b.len() - 2]
                    && stem_then(&st[..st.len() - 1], "", &mut f)
                {
                    return true;
                }
            }
        }
    }
    if n > 5 {
        if let Some(st) = w.strip_suffix("ily") {
            if stem_then(st, "y", &mut f) {
                return true;
            }
        }
    }
    if n > 4 {
        if let Some(st) = w.strip_suffix("ly") {
            if stem_then(st, "", &mut f) {
                return true;
            }
        }
    }
    false
}

static EN: OnceLock<Lexicon> = OnceLock::new();
static FR: OnceLock<Lexicon> = OnceLock::new();
static EMOJI: OnceLock<Lexicon> = OnceLock::new();

/// The lexicon in `cell`, parsed from `data` on first use (one initialiser for the three).
fn lexicon(cell: &'static OnceLock<Lexicon>, data: &'static str) -> &'static Lexicon {
    cell.get_or_init(|| Lexicon::parse(data))
}

/// The word lexicon of a language.
pub fn words(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::En => lexicon(&EN, include_str!("lexicon_en.txt")),
        Lang::Fr => lexicon(&FR, include_str!("lexicon_fr.txt")),
    }
}

/// Emoji and emoticons.
pub fn emoji() -> &'static Lexicon {
    lexicon(&EMOJI, include_str!("emoji.txt"))
}

/// The valence of a folded word in a language, trying its base forms.
pub fn valence(lang: Lang, w: &str) -> Option<f32> {
    valence_hashed(lang, w, hash(w))
}

/// [`valence`] of a folded word whose [`hash`] is `h` (a token's: not hashed again).
pub fn valence_hashed(lang: Lang, w: &str, h: u32) -> Option<f32> {
    let lex = words(lang);
    if let Some(v) = lex.exact_hashed(w, h) {
        return Some(v);
    }
    let mut found = None;
    let f = |c: &str| {
        found = lex.exact(c);
        found.is_some()
    };
    match lang {
        Lang::Fr => fr_candidates(w, f),
        Lang::En => en_candidates(w, f),
    };
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_inflections_find_their_base() {
        for (w, sign) in [
            ("decevantes", -1.0),
            ("genial", 1.0),
            ("geniales", 1.0),
            ("nulle", -1.0),
            ("merveilleuses", 1.0),
            ("tabarnak", -1.0),
        ] {
            let v = valence(Lang::Fr, w).unwrap_or(0.0);
            assert!(v * sign > 0.5, "{w}: {v}");
        }
        assert_eq!(valence(Lang::Fr, "table"), None);
    }

    #[test]
    fn english_inflections_find_their_base() {
        // forms the lexicon may leave out, each with the base the reader finds for it
        let mut tried = Vec::new();
        for (w, base) in [
            ("hates", "hate"),
            ("worries", "worry"),
            ("loved", "love"),
            ("hated", "hate"),
            ("stopped", "stop"),
            ("annoying", "annoy"),
            ("loving", "love"),
            ("hugging", "hug"),
            ("angrily", "angry"),
            ("sadly", "sad"),
        ] {
            tried.clear();
            let hit = en_candidates(w, |c| {
                tried.push(c.to_string());
                c == base
            });
            assert!(hit, "{w}: tried {tried:?}");
        }
        // too short to strip, or not an ending: nothing but the word itself
        for w in ["bus", "less", "red", "king", "fly", "news"] {
            let mut seen = Vec::new();
            en_candidates(w, |c| {
                seen.push(c.to_string());
                false
            });
            assert!(seen.iter().all(|c| c.len() >= 3 && c != w), "{w}: {seen:?}");
        }
        for w in ["bus", "red", "fly"] {
            assert!(!en_candidates(w, |_| true), "{w}");
        }
        // the lexicon's entries read through their bases
        for (w, sign) in [
            ("hates", -1.0),
            ("loves", 1.0),
            ("disappointing", -1.0),
            ("thanked", 1.0),
        ] {
            let v = valence(Lang::En, w).unwrap_or(0.0);
            assert!(v * sign > 0.5, "{w}: {v}");
        }
    }

    #[test]
    fn english_and_emoji() {
        assert!(valence(Lang::En, "great").unwrap_or(0.0) > 1.0);
        assert!(valence(Lang::En, "horrible").unwrap_or(0.0) < -1.0);
        assert!(emoji().exact("😡").unwrap_or(0.0) < -2.0);
        assert!(emoji().exact(":)").unwrap_or(0.0) > 1.0);
        assert!(words(Lang::Fr).phrase_heads().any(|h| h == "a"));
        assert_ne!(
            super::super::tags::of_str("a") & super::super::tags::LEXICON_PHRASE_FR,
            0
        );
    }
}
