//! Tokenisation for French and English: words (accents, elisions « l' », « qu' », « j' »,
//! hyphenated words), numbers, emoji, emoticons, punctuation runs; URLs, mentions and hashtags are
//! tokens of their own that the checks skip. Every token carries its UTF-16 span and a folded
//! form (lower case, accents removed, typographic apostrophes made ASCII) for lookups.
//!
//! No lexicon and no rule lives here: only where words are and how they are spelled.

use unicode_segmentation::UnicodeSegmentation;

use crate::text::Span16;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters (with inner apostrophes and hyphens), or an elided French article/pronoun.
    Word,
    /// Digits.
    Number,
    /// One emoji sequence (a grapheme cluster).
    Emoji,
    /// A text emoticon such as `:)` or `<3`.
    Emoticon,
    /// A run of punctuation (`!!!`, `?!`, `…`) or one other symbol.
    Punct,
    /// A web address.
    Url,
    /// `@name`.
    Mention,
    /// `#tag`.
    Hashtag,
}

/// One token of a text.
#[derive(Clone, Debug)]
pub struct Token {
    /// What it is.
    pub kind: Kind,
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// UTF-16 span in the text.
    pub span: Span16,
    /// Lower case, accents folded, `’` made `'` (inline up to 23 bytes: no allocation per word).
    pub norm: Norm,
    /// Letters, all upper case, at least two of them.
    pub caps: bool,
    /// [`hash`] of `norm`, for quick rejections in phrase and lexicon lookups.
    pub hash: u32,
    /// Index of the sentence the token belongs to.
    pub sentence: u32,
    /// Lexicon valence in French and in English (filled by `tone::read`, once per token).
    pub valence: [Option<f32>; 2],
    /// The word lists `norm` is in (`tags`: one look-up per token for every check).
    pub tags: u32,
}

/// A sentence: a range of tokens and its UTF-16 span.
#[derive(Clone, Copy, Debug)]
pub struct Sentence {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// UTF-16 span from its first to its last token.
    pub span: Span16,
}

/// A folded form: most words fit inline, longer ones go to the heap. Built only from a `&str`
/// (`new`), so its bytes are always whole code points.
#[derive(Clone)]
pub struct Norm(Repr);

#[derive(Clone)]
enum Repr {
    /// Length and bytes (valid UTF-8 up to the length).
    Inline(u8, [u8; 23]),
    /// A longer folded form.
    Heap(Box<str>),
}

impl Norm {
    /// From a folded string.
    pub fn new(s: &str) -> Norm {
        if s.len() <= 23 {
            let mut b = [0u8; 23];
            b[..s.len()].copy_from_slice(s.as_bytes());
            Norm(Repr::Inline(s.len() as u8, b))
        } else {
            Norm(Repr::Heap(s.into()))
        }
    }

    /// The folded form (read on every lookup: not validated again).
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // SAFETY: `Repr::Inline` is only made by `new`, from the bytes of a `&str` of at
            // most 23 bytes; its length is that `&str`'s, so the bytes up to it are valid UTF-8.
            Repr::Inline(n, b) => unsafe { std::str::from_utf8_unchecked(&b[..*n as usize]) },
            Repr::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Norm {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Norm {
    fn eq(&self, o: &Norm) -> bool {
        self.as_str() == o.as_str()
    }
}

impl PartialEq<str> for Norm {
    fn eq(&self, o: &str) -> bool {
        self.as_str() == o
    }
}

impl PartialEq<&str> for Norm {
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}

impl PartialEq<String> for Norm {
    fn eq(&self, o: &String) -> bool {
        self.as_str() == o.as_str()
    }
}

impl PartialEq<Norm> for &str {
    fn eq(&self, o: &Norm) -> bool {
        *self == o.as_str()
    }
}

/// French elisions: the part before the apostrophe becomes a token of its own.
const ELISIONS: &[&str] = &[
    "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2011}')
}

/// The combining diacritical marks (U+0300–U+036F): what a decomposed accent is made of.
fn is_combining_accent(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_accent(c)
    }
}

/// The character at byte `i` of `s` (a character boundary), if any; ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s[i..].chars().next(),
    }
}

/// The unaccented lower-case ASCII letter of each character from U+00C0 to U+017F (Latin-1
/// Supplement's letters and Latin Extended-A), or `.` where the character has no canonical
/// decomposition to one (`ø`, `đ`, `ł`, `×`…: only lowered). Built from the Unicode
/// decompositions; the tests compare it with them on every character.
const ACCENT_FOLD: &[u8; 0xC0] =
    b"aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y\
aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll....nnnnnn...oooooo..rrrrrrss\
sssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.";

/// Lower case, accents removed, `œ` → `oe`, typographic apostrophes → `'`.
pub fn fold_into(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match c {
            '\u{2019}' | '\u{02BC}' => out.push('\''),
            '\u{2011}' => out.push('-'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            _ if is_combining_accent(c) => {}
            '\u{00C0}'..='\u{017F}' if ACCENT_FOLD[c as usize - 0xC0] != b'.' => {
                out.push(ACCENT_FOLD[c as usize - 0xC0] as char)
            }
            _ => out.push(crate::text::lower::simple_lower(c)),
        }
    }
}

/// FNV-1a of a folded word (the key of the quick-rejection bit sets).
pub fn hash(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in s.as_bytes() {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    h
}

/// An open-addressing index of hashes: `find` returns the position of an entry whose hash
/// matches and for which `eq` holds, comparing strings only on a hash match.
pub struct HashIndex {
    /// Entry position + 1, or 0 for an empty slot.
    slots: Vec<u32>,
    hashes: Vec<u32>,
}

impl HashIndex {
    /// Indexes entries by their hashes (`hashes[i]` is entry `i`'s).
    pub fn new(hashes: Vec<u32>) -> Self {
        let size = (hashes.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![0u32; size];
        for (i, &h) in hashes.iter().enumerate() {
            let mut k = h as usize & (size - 1);
            while slots[k] != 0 {
                k = (k + 1) & (size - 1);
            }
            slots[k] = i as u32 + 1;
        }
        HashIndex { slots, hashes }
    }

    /// The entry with hash `h` for which `eq` holds.
    pub fn find(&self, h: u32, eq: impl Fn(usize) -> bool) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut k = h as usize & mask;
        loop {
            let e = self.slots[k];
            if e == 0 {
                return None;
            }
            let i = (e - 1) as usize;
            if self.hashes[i] == h && eq(i) {
                return Some(i);
            }
            k = (k + 1) & mask;
        }
    }
}

/// Drops every item whose word an earlier item has (the first stays, the order is kept), by
/// hash: no sort, whose generic code would weigh on the in-page engine.
pub fn dedup_words<T>(items: &mut Vec<T>, word: impl Fn(&T) -> &str) {
    let index = HashIndex::new(items.iter().map(|t| hash(word(t))).collect());
    let keep: Vec<bool> = (0..items.len())
        .map(|i| {
            let w = word(&items[i]);
            index.find(hash(w), |j| word(&items[j]) == w) == Some(i)
        })
        .collect();
    let mut keep = keep.into_iter();
    items.retain(|_| keep.next().unwrap_or(false));
}

/// A stable insertion sort by `less`, for the short lists of the checks (spans, findings, the
/// phrase tables once): a few hundred bytes of code per use where the standard sorts cost
/// kilobytes in the in-page engine.
pub fn sort_small<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// The bytes of [`join`]ed `list`: each entry followed by a newline.
pub const fn joined_len(list: &[&str]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < list.len() {
        n += list[i].len() + 1;
        i += 1;
    }
    n
}

/// A table of words or phrases as one string, each entry followed by a newline, built at compile
/// time: the table ships as its bytes alone, without a pointer and a length per entry (the
/// `&[&str]` it is written as is only read by the compiler).
pub const fn join<const N: usize>(list: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut k, mut i) = (0, 0);
    while i < list.len() {
        let b = list[i].as_bytes();
        let mut j = 0;
        while j < b.len() {
            out[k] = b[j];
            k += 1;
            j += 1;
        }
        out[k] = b'\n';
        k += 1;
        i += 1;
    }
    out
}

/// Declares `NAME`, the word list `LIST` joined into one byte string (see [`join`]), for the
/// word tags (`tags`): `words_joined!(NAME, LIST)`.
#[macro_export]
#[doc(hidden)]
macro_rules! words_joined {
    ($name:ident, $list:expr) => {
        pub(super) const $name: [u8; $crate::tone::token::joined_len($list)] =
            $crate::tone::token::join::<{ $crate::tone::token::joined_len($list) }>($list);
    };
}

/// [`fold_into`] into a new string.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    out
}

/// Text emoticons, longest first where one is the start of another (one byte string in the
/// binary: [`EMOTICONS_JOINED`]).
const EMOTICONS: &[&str] = &[
    ">:-(", ">:(", ":'-(", ":'(", ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-|", ":-o", ":-O",
    ";-)", "</3", "^_^", "-_-", ":)", ":(", ":D", ":P", ":p", ":/", ":|", ":o", ":O", ":s", ":S",
    ";)", "=)", "=(", "<3", "xD", "XD", "^^", "D:", ":3", "B)",
];
const EMOTICONS_JOINED: [u8; joined_len(EMOTICONS)] = join::<{ joined_len(EMOTICONS) }>(EMOTICONS);

fn emoticon_at(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let plausible = match b.first() {
        Some(b'>' | b':' | b';' | b'<' | b'^' | b'-' | b'=') => true,
        Some(b'x' | b'X' | b'D' | b'B') => b.get(1).is_some_and(|c| !c.is_ascii_lowercase()),
        _ => false,
    };
    if !plausible {
        return None;
    }
    for e in std::str::from_utf8(&EMOTICONS_JOINED).unwrap_or("").lines() {
        if let Some(after) = rest.strip_prefix(e) {
            // a repeated last character belongs to it: ":)))", "<333"
            let last = e.chars().last().unwrap_or(' ');
            let extra = after.chars().take_while(|&c| c == last).count();
            let len = e.len() + extra * last.len_utf8();
            let next = rest[len..].chars().next();
            if next.is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | '!' | '?')) {
                return Some(len);
            }
        }
    }
    None
}

fn is_emoji_start(c: char) -> bool {
    use unicode_properties::UnicodeEmoji;
    !c.is_ascii()
        && (c.is_emoji_char() || ('\u{1F1E6}'..='\u{1F1FF}').contains(&c))
        && !c.is_alphanumeric()
}

/// Splits `text` into tokens and sentences, each token with its word tags.
pub fn tokenize(text: &str) -> (Vec<Token>, Vec<Sentence>) {
    tokenize_with(text, true)
}

/// [`tokenize`] without the word tags (`tags` 0): for the phrase lists the tags are made of.
pub fn tokenize_untagged(text: &str) -> (Vec<Token>, Vec<Sentence>) {
    tokenize_with(text, false)
}

fn tokenize_with(text: &str, tagged: bool) -> (Vec<Token>, Vec<Sentence>) {
    let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 3 + 4);
    let mut sentences = Vec::new();

    let (mut i, mut u) = (0usize, 0u32);
    let mut sentence = 0u32;
    let mut sentence_first = 0usize;
    // true right after whitespace or at the start: where URLs, mentions and emoticons may begin
    let mut at_boundary = true;
    let u16_of = crate::text::utf16_len;
    let mut scratch = String::with_capacity(32);
    let close = |toks: &Vec<Token>,
                 sentence: &mut u32,
                 first: &mut usize,
                 sentences: &mut Vec<Sentence>| {
        if toks.len() > *first {
            sentences.push(Sentence {
                first: *first,
                end: toks.len(),
                span: Span16::new(toks[*first].span.start, toks[toks.len() - 1].span.end),
            });
            *first = toks.len();
            *sentence += 1;
        }
    };
    while i < text.len() {
        let Some(c) = char_at(text, i) else { break };
        let rest = &text[i..];
        let space = if c.is_ascii() {
            matches!(c, ' ' | '\t'..='\r')
        } else {
            c.is_whitespace()
        };
        if space {
            if c == '\n' {
                close(&toks, &mut sentence, &mut sentence_first, &mut sentences);
            }
            i += c.len_utf8();
            u += c.len_utf16() as u32;
            at_boundary = true;
            continue;
        }
        let mut push = |kind: Kind, len: usize, toks: &mut Vec<Token>, u: &mut u32| {
            let s = &text[i..i + len];
            scratch.clear();
            let (mut letters, mut lower) = (0u32, false);
            // most tokens are ASCII: folded by lowering the bytes, one UTF-16 unit per byte
            let n16 = if s.is_ascii() {
                scratch.push_str(s);
                scratch.make_ascii_lowercase();
                if kind == Kind::Word {
                    for b in s.bytes() {
                        if b.is_ascii_alphabetic() {
                            letters += 1;
                            lower |= b.is_ascii_lowercase();
                        }
                    }
                }
                len as u32
            } else {
                fold_into(&mut scratch, s);
                if kind == Kind::Word {
                    for ch in s.chars() {
                        if ch.is_alphabetic() {
                            letters += 1;
                            lower |= ch.is_lowercase();
                        }
                    }
                }
                u16_of(s)
            };
            let h = hash(&scratch);
            toks.push(Token {
                kind,
                start: i,
                end: i + len,
                span: Span16::new(*u, *u + n16),
                // « C'EST » : the elided « C' » is in capitals too
                caps: !lower && (letters >= 2 || (letters == 1 && s.ends_with(is_apostrophe))),
                hash: h,
                norm: Norm::new(&scratch),
                sentence,
                valence: [None, None],
                tags: if tagged {
                    super::tags::of(h, &scratch)
                } else {
                    0
                },
            });
            *u += n16;
        };
        // web addresses, mentions, hashtags, emoticons start after a space
        if at_boundary {
            let starts = |p: &str| {
                rest.len() >= p.len()
                    && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
            };
            if matches!(c, 'h' | 'H' | 'w' | 'W')
                && (starts("http://") || starts("https://") || starts("www."))
            {
                let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
                push(Kind::Url, len, &mut toks, &mut u);
                i += len;
                at_boundary = false;
                continue;
            }
            if c == '@' || c == '#' || c == '\u{FF03}' {
                let body = &rest[c.len_utf8()..];
                let n: usize = body
                    .chars()
                    .take_while(|&d| is_word_char(d) || d == '_' || (c == '@' && d == '.'))
                    .map(char::len_utf8)
                    .sum();
                let n = body[..n].trim_end_matches('.').len();
                if n > 0 {
                    let kind = if c == '@' {
                        Kind::Mention
                    } else {
                        Kind::Hashtag
                    };
                    push(kind, c.len_utf8() + n, &mut toks, &mut u);
                    i += c.len_utf8() + n;
                    at_boundary = false;
                    continue;
                }
            }
            if let Some(len) = emoticon_at(rest) {
                push(Kind::Emoticon, len, &mut toks, &mut u);
                i += len;
                at_boundary = false;
                continue;
            }
        }
        at_boundary = false;
        if is_word_char(c) {
            // letters and digits, with apostrophes, hyphens and (between digits) . or , inside
            // (the first apostrophe kept, and whether it is all digits, found on the way)
            let (mut len, mut prev, mut d) = (0, ' ', c);
            let (mut apostrophe, mut number) = (None, true);
            loop {
                let after = len + d.len_utf8();
                let next = char_at(rest, after);
                let ok = is_word_char(d)
                    || ((is_apostrophe(d) || is_hyphen(d))
                        && prev.is_alphabetic()
                        && next.is_some_and(char::is_alphabetic))
                    || (matches!(d, '.' | ',')
                        && prev.is_ascii_digit()
                        && next.is_some_and(|n| n.is_ascii_digit()));
                if !ok {
                    break;
                }
                if apostrophe.is_none() && is_apostrophe(d) {
                    apostrophe = Some(len);
                }
                number &= d.is_ascii_digit() || d == '.' || d == ',';
                len = after;
                prev = d;
                let Some(n) = next else { break };
                d = n;
            }
            let word = &rest[..len];
            // elision: « l'avis » → « l' » + « avis »
            if let Some(ap) = apostrophe {
                let head = &word[..ap];
                let elided = if head.is_ascii() {
                    ELISIONS
                        .iter()
                        .any(|e| e.as_bytes().eq_ignore_ascii_case(head.as_bytes()))
                } else {
                    head.len() <= 8 && ELISIONS.contains(&fold(head).as_str())
                };
                if elided {
                    let ap_len = word[ap..].chars().next().map_or(1, char::len_utf8);
                    push(Kind::Word, ap + ap_len, &mut toks, &mut u);
                    i += ap + ap_len;
                    continue;
                }
            }
            let kind = if number { Kind::Number } else { Kind::Word };
            push(kind, len, &mut toks, &mut u);
            i += len;
            continue;
        }
        if is_emoji_start(c) {
            let len = rest.graphemes(true).next().map_or(c.len_utf8(), str::len);
            push(Kind::Emoji, len, &mut toks, &mut u);
            i += len;
            continue;
        }
        // punctuation: runs of ! and ?, runs of dots; anything else one character
        let len = if matches!(c, '!' | '?' | '\u{203D}' | '\u{FF01}' | '\u{FF1F}') {
            rest.chars()
                .take_while(|&d| matches!(d, '!' | '?' | '\u{203D}' | '\u{FF01}' | '\u{FF1F}'))
                .map(char::len_utf8)
                .sum()
        } else if matches!(c, '.' | '\u{2026}') {
            rest.chars()
                .take_while(|&d| matches!(d, '.' | '\u{2026}'))
                .map(char::len_utf8)
                .sum()
        } else {
            c.len_utf8()
        };
        push(Kind::Punct, len, &mut toks, &mut u);
        i += len;
        if matches!(
            c,
            '.' | '!' | '?' | '\u{2026}' | '\u{203D}' | '\u{FF01}' | '\u{FF1F}'
        ) {
            close(&toks, &mut sentence, &mut sentence_first, &mut sentences);
        }
    }
    close(&toks, &mut sentence, &mut sentence_first, &mut sentences);
    (toks, sentences)
}

impl Token {
    /// A word or number (what phrases and lexicons match).
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Number)
    }

    /// Whether its folded form is in one of the word lists of `tag` (a `tags` constant).
    pub fn is(&self, tag: u32) -> bool {
        self.tags & tag != 0
    }

    /// Its lexicon valence in a language (see `valence`).
    pub fn valence_in(&self, lang: super::Lang) -> Option<f32> {
        self.valence[lang as usize]
    }

    /// The text of the token.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s)
            .0
            .into_iter()
            .map(|t| t.norm.to_string())
            .collect()
    }

    #[test]
    fn elisions_split_and_apostrophes_fold() {
        assert_eq!(
            norms("L’avis qu'il m'a donné"),
            ["l'", "avis", "qu'", "il", "m'", "a", "donne"]
        );
        assert_eq!(norms("jusqu'à aujourd'hui"), ["jusqu'", "a", "aujourd'hui"]);
        assert_eq!(norms("I don't care"), ["i", "don't", "care"]);
    }

    /// The accent table against the Unicode decompositions (lower case, canonical
    /// decomposition, combining marks dropped) on every character it covers.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn accent_table_matches_the_unicode_decompositions() {
        use unicode_normalization::char::{decompose_canonical, is_combining_mark};
        let special = ['œ', 'Œ', 'æ', 'Æ', 'ß'];
        let mut covered = 0;
        for c in ('\u{00C0}'..='\u{017F}').chain('\u{0300}'..='\u{036F}') {
            if special.contains(&c) {
                continue;
            }
            let mut expected = String::new();
            for l in c.to_lowercase() {
                decompose_canonical(l, |d| {
                    if !is_combining_mark(d) {
                        expected.push(d);
                    }
                });
            }
            assert_eq!(fold(&c.to_string()), expected, "U+{:04X} {c}", c as u32);
            covered += 1;
        }
        assert_eq!(covered, 192 - special.len() + 112);
        // decomposed input (NFD, as some keyboards and pastes give it) folds the same
        for (composed, decomposed) in [
            (
                "Très déçu, ça c’est NUL",
                "Tre\u{300}s de\u{301}c\u{327}u, c\u{327}a c’est NUL",
            ),
            (
                "Ôtez-moi ça, tabarnak",
                "O\u{302}tez-moi c\u{327}a, tabarnak",
            ),
            (
                "naïve Zoë, Łódź",
                "nai\u{308}ve Zoe\u{308}, Ło\u{301}dz\u{301}",
            ),
        ] {
            assert_eq!(fold(composed), fold(decomposed));
            assert_eq!(norms(composed), norms(decomposed));
        }
        assert_eq!(
            fold("ŒUVRE Ægir Straße ÀÉÎÕÜŸ"),
            "oeuvre aegir strasse aeiouy"
        );
    }

    #[test]
    fn spans_are_utf16() {
        let (t, _) = tokenize("😀 Très bien");
        assert_eq!(t[0].kind, Kind::Emoji);
        assert_eq!(t[0].span, Span16::new(0, 2));
        assert_eq!(t[1].span, Span16::new(3, 7));
        assert_eq!(t[1].norm, "tres");
    }
}
