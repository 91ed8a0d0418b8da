//! Sets of phrases (« vous auriez dû », "as I already said") written as people write them,
//! tokenised once by the same tokeniser as the text, and found in a text's tokens: the same
//! folding (case, accents, apostrophes), commas of the text skipped, never across sentences.
//!
//! The lists themselves live in each check's file.

use super::token::{tokenize_untagged, Kind, Token};

/// A set of phrases, indexed by their first folded token.
pub struct PhraseSet {
    /// The phrases, sorted by their first token's hash, the longest first among those.
    items: Vec<Phrase>,
    /// The word tag (`tags`) of the phrases' first tokens: a token without it starts none
    /// (0: no tag, every token is tried).
    head: u32,
}

/// One phrase of a set.
struct Phrase {
    /// Its folded tokens.
    words: Vec<String>,
    /// Their [`hash`](super::token::hash)es (a token is compared by hash first).
    hashes: Vec<u32>,
    /// Its index in the source list.
    index: usize,
}

/// A phrase found: tokens `start..end` of the text, `index` in the source list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index of the phrase in the list the set was built from.
    pub index: usize,
}

impl PhraseSet {
    /// Builds the set from phrases as written (no word tag: every token is tried).
    pub fn new(list: &[&str]) -> PhraseSet {
        PhraseSet::build(list.iter().copied(), 0)
    }

    /// Builds the set from the lines of `joined` (see [`super::token::join`]), its first
    /// tokens tagged `head` in `tags`.
    pub fn from_joined(joined: &'static [u8], head: u32) -> PhraseSet {
        let text = std::str::from_utf8(joined).unwrap_or("");
        PhraseSet::build(text.strip_suffix('\n').unwrap_or(text).split('\n'), head)
    }

    /// The set in `cell`, built from `joined` on first use (one initialiser for every set).
    pub fn get(
        cell: &'static std::sync::OnceLock<PhraseSet>,
        joined: &'static [u8],
        head: u32,
    ) -> &'static PhraseSet {
        cell.get_or_init(|| PhraseSet::from_joined(joined, head))
    }

    /// The folded first tokens of the phrases, for the word tags.
    pub fn heads(&'static self) -> impl Iterator<Item = &'static str> {
        self.items.iter().map(|p| p.words[0].as_str())
    }

    fn build<'a>(list: impl Iterator<Item = &'a str>, head: u32) -> PhraseSet {
        let mut items: Vec<Phrase> = list
            .enumerate()
            .map(|(index, p)| {
                let toks = tokenize_untagged(p).0;
                Phrase {
                    words: toks.iter().map(|t| t.norm.to_string()).collect(),
                    hashes: toks.iter().map(|t| t.hash).collect(),
                    index,
                }
            })
            .filter(|p| !p.words.is_empty())
            .collect();
        // stable: phrases of the same length and first token keep the list's order
        super::token::sort_small(&mut items, |a, b| {
            (a.hashes[0], std::cmp::Reverse(a.words.len()))
                < (b.hashes[0], std::cmp::Reverse(b.words.len()))
        });
        PhraseSet { items, head }
    }

    /// The longest phrase starting at token `i` (whose tag `find` has checked).
    fn matches_at(&self, toks: &[Token], i: usize) -> Option<Match> {
        let (first, h) = (toks[i].norm.as_str(), toks[i].hash);
        let lo = self.items.partition_point(|p| p.hashes[0] < h);
        for p in self.items[lo..].iter().take_while(|p| p.hashes[0] == h) {
            if p.words[0] != first {
                continue;
            }
            let (mut j, mut ok) = (i, true);
            for (w, &wh) in p.words.iter().zip(&p.hashes) {
                // commas of the text are skipped unless the phrase has one here
                while j < toks.len()
                    && toks[j].kind == Kind::Punct
                    && toks[j].norm == ","
                    && w != ","
                {
                    j += 1;
                }
                if j >= toks.len()
                    || toks[j].hash != wh
                    || toks[j].norm != *w
                    || toks[j].sentence != toks[i].sentence
                {
                    ok = false;
                    break;
                }
                j += 1;
            }
            if ok {
                return Some(Match {
                    start: i,
                    end: j,
                    index: p.index,
                });
            }
        }
        None
    }

    /// Every non-overlapping occurrence in `toks`, left to right, longest first.
    pub fn find(&self, toks: &[Token]) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            // most tokens start no phrase: rejected by their tags before any call
            if self.head != 0 && !toks[i].is(self.head) {
                i += 1;
                continue;
            }
            if let Some(m) = self.matches_at(toks, i) {
                i = m.end;
                out.push(m);
            } else {
                i += 1;
            }
        }
        out
    }
}

/// Declares a lazily built phrase set: `phrase_set!(NAME, &[...], TAG)` makes
/// `fn NAME() -> &PhraseSet`, its first tokens tagged `TAG` (a `tags` constant).
#[macro_export]
#[doc(hidden)]
macro_rules! phrase_set {
    ($name:ident, $list:expr, $tag:expr) => {
        pub(super) fn $name() -> &'static $crate::tone::phrases::PhraseSet {
            static SET: std::sync::OnceLock<$crate::tone::phrases::PhraseSet> =
                std::sync::OnceLock::new();
            const JOINED: [u8; $crate::tone::token::joined_len($list)] =
                $crate::tone::token::join::<{ $crate::tone::token::joined_len($list) }>($list);
            $crate::tone::phrases::PhraseSet::get(&SET, &JOINED, $tag)
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tone::token::tokenize;

    #[test]
    fn folds_and_skips_commas() {
        let set = PhraseSet::new(&["comme déjà mentionné", "sure whatever", "t'es con"]);
        let (t, _) = tokenize("Comme DÉJÀ mentionné hier. Sure, whatever. T’es con.");
        let m = set.find(&t);
        assert_eq!(m.iter().map(|m| m.index).collect::<Vec<_>>(), [0, 1, 2]);
        let (t, _) = tokenize("comme déjà. Mentionné");
        assert!(set.find(&t).is_empty(), "not across sentences");
    }
}
