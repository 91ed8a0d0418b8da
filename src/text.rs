//! Text primitives shared by the length rules: UTF-16 offsets (the DOM's unit), grapheme
//! boundaries, NFC with an offset map, and entity detection (URLs, mentions, hashtags, emoji).
//!
//! NFC itself is injected ([`Normalizer`]): the command line and the extension's engine use
//! unicode-normalization's tables ([`UNICODE_NFC`]); the in-page engine passes the browser's
//! `String.prototype.normalize` (what twitter-text itself calls), so the page does not download
//! the tables. [`Nfc`] decides when the text cannot change without asking either.
//!
//! The core works on `&str`; every offset that crosses to JavaScript is a UTF-16 code unit and is
//! converted here, once. Nothing in this module knows about a platform's limit: that is
//! `platform` (data) and `length` (the rules).

pub mod emoji;
pub mod entities;
pub mod lower;
pub mod punycode;
pub mod tld;
pub mod twitter;
pub mod url;

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};
use unicode_normalization::{is_nfc_quick, IsNormalized};
use unicode_segmentation::UnicodeSegmentation;

/// A half-open range `[start, end)` in UTF-16 code units of the original text (what
/// `String.length`, `setSelectionRange` and DOM `Range` offsets use).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Span16 {
    /// First code unit of the range.
    pub start: u32,
    /// One past the last code unit of the range.
    pub end: u32,
}

impl Span16 {
    /// A span from two offsets.
    pub const fn new(start: u32, end: u32) -> Self {
        Span16 { start, end }
    }
}

/// Number of UTF-16 code units of `s` (JavaScript's `s.length`), without allocating.
pub fn utf16_len(s: &str) -> u32 {
    // One unit per UTF-8 leading byte, plus one more for each 4-byte sequence (a surrogate pair).
    // Eight bytes at a time: in each byte, bit 7 of `w & !(w << 1)` is set for a continuation
    // byte (10xxxxxx), and bit 7 of `w & w << 1 & w << 2 & w << 3` for a 4-byte lead (11110xxx);
    // the shifts only move bits within their own byte as far as bit 7 is concerned.
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let b = s.as_bytes();
    let mut n = 0u32;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let continuation = (w & !(w << 1) & HIGH).count_ones();
        let four = (w & (w << 1) & (w << 2) & (w << 3) & HIGH).count_ones();
        n += 8 - continuation + four;
    }
    for &b in chunks.remainder() {
        n += (b & 0xC0 != 0x80) as u32 + (b >= 0xF0) as u32;
    }
    n
}

/// `s` as UTF-16 code units (what JavaScript sees), in one allocation.
pub fn to_utf16(s: &str) -> Vec<u16> {
    let b = s.as_bytes();
    // A UTF-8 text never has more UTF-16 units than bytes: write into a buffer of that size,
    // decoding by hand (the input is valid UTF-8), then cut it to length.
    let mut out = vec![0u16; b.len()];
    let (mut i, mut j) = (0, 0);
    while i < b.len() {
        // Eight ASCII bytes at a time.
        if let Some(chunk) = b.get(i..i + 8) {
            let word = u64::from_le_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]);
            if word & 0x8080_8080_8080_8080 == 0 {
                for (d, &c) in out[j..j + 8].iter_mut().zip(chunk) {
                    *d = c as u16;
                }
                i += 8;
                j += 8;
                continue;
            }
        }
        let b0 = b[i] as u32;
        if b0 < 0x80 {
            out[j] = b0 as u16;
            i += 1;
            j += 1;
        } else if b0 < 0xE0 {
            out[j] = (((b0 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F)) as u16;
            i += 2;
            j += 1;
        } else if b0 < 0xF0 {
            out[j] = (((b0 & 0x0F) << 12)
                | ((b[i + 1] as u32 & 0x3F) << 6)
                | (b[i + 2] as u32 & 0x3F)) as u16;
            i += 3;
            j += 1;
        } else {
            let cp = ((b0 & 0x07) << 18)
                | ((b[i + 1] as u32 & 0x3F) << 12)
                | ((b[i + 2] as u32 & 0x3F) << 6)
                | (b[i + 3] as u32 & 0x3F);
            let v = cp - 0x10000;
            out[j] = (0xD800 + (v >> 10)) as u16;
            out[j + 1] = (0xDC00 + (v & 0x3FF)) as u16;
            i += 4;
            j += 2;
        }
    }
    out.truncate(j);
    out
}

/// The UTF-16 offset of byte offset `byte` (which must be a char boundary) of `s`.
pub fn byte_to_utf16(s: &str, byte: usize) -> u32 {
    utf16_len(&s[..byte.min(s.len())])
}

/// The byte offset of UTF-16 offset `unit` of `s`; an offset inside a surrogate pair maps to the
/// start of its character, an offset past the end to `s.len()`.
pub fn utf16_to_byte(s: &str, unit: u32) -> usize {
    let mut acc = 0u32;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        // At each character's first byte: its UTF-16 width is 2 for a 4-byte sequence.
        if b & 0xC0 != 0x80 {
            acc += 1 + (b >= 0xF0) as u32;
            if acc > unit {
                return i;
            }
        }
    }
    s.len()
}

/// Number of extended grapheme clusters (what a person calls "characters").
pub fn grapheme_count(s: &str) -> u32 {
    let mut n = 0;
    for_each_grapheme_len16(s, &mut |_, count| n += count);
    n
}

/// Whether a grapheme cluster boundary at byte `j` of `b` (`0 < j < b.len()`) is certain from
/// the two bytes around it alone: between two ASCII characters other than CR LF, UAX #29
/// always breaks, and no rule looks back across an ASCII character (emoji ZWJ sequences,
/// regional-indicator pairs and Indic conjuncts are made of non-ASCII characters only).
#[inline]
fn ascii_cut(b: &[u8], j: usize) -> bool {
    b[j - 1] < 0x80 && b[j] < 0x80 && !(b[j - 1] == b'\r' && b[j] == b'\n')
}

/// Calls `f(len16, count)` for the extended grapheme clusters of `s`, in order: `count`
/// consecutive clusters of `len16` UTF-16 units each. ASCII characters between certain
/// boundaries are one cluster each (reported as one run); the text between them is segmented by
/// `unicode-segmentation`, which gives the same clusters as segmenting the whole text since each
/// piece starts and ends at a boundary that does not depend on context.
pub(crate) fn for_each_grapheme_len16(s: &str, f: &mut dyn FnMut(u32, u32)) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let mut k = i;
        while k < b.len() && b[k] < 0x80 && (k + 1 == b.len() || ascii_cut(b, k + 1)) {
            k += 1;
        }
        if k > i {
            f(1, (k - i) as u32);
            i = k;
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && !ascii_cut(b, j) {
            j += 1;
        }
        for g in s[i..j].graphemes(true) {
            f(utf16_len(g), 1);
        }
        i = j;
    }
}

/// The start (byte offset) of the grapheme cluster that contains byte `byte` of `s`.
pub fn grapheme_start_at(s: &str, byte: usize) -> usize {
    if byte >= s.len() {
        return s.len();
    }
    let mut cursor = unicode_segmentation::GraphemeCursor::new(byte, s.len(), true);
    match cursor.is_boundary(s, 0) {
        Ok(true) => byte,
        _ => cursor.prev_boundary(s, 0).ok().flatten().unwrap_or(0),
    }
}

/// Canonical composition (NFC), as the core needs it: whether a text is already NFC, and the NFC
/// form of a short text (one grapheme cluster at a time, see [`Nfc`]).
///
/// Implementations must agree with Unicode's NFC; [`Nfc`] only calls them on texts that hold a
/// character outside [`nfc_stable`]'s ranges.
pub trait Normalizer {
    /// Whether `s` is in NFC.
    fn is_nfc(&self, s: &str) -> bool;
    /// Appends the NFC form of `s` to `out`.
    fn nfc_into(&self, s: &str, out: &mut String);
}

/// NFC from unicode-normalization's tables (the command line, the extension's engine, tests).
pub struct UnicodeNfc;

/// The tables' normaliser.
pub const UNICODE_NFC: UnicodeNfc = UnicodeNfc;

impl Normalizer for UnicodeNfc {
    fn is_nfc(&self, s: &str) -> bool {
        match is_nfc_quick(s.chars()) {
            IsNormalized::Yes => true,
            IsNormalized::No => false,
            IsNormalized::Maybe => {
                let mut out = String::with_capacity(s.len());
                nfc_into(&mut out, s, &mut Vec::new());
                out == s
            }
        }
    }

    fn nfc_into(&self, s: &str, out: &mut String) {
        nfc_into(out, s, &mut Vec::new());
    }
}

/// Whether every text made only of characters like `c` is already NFC, so that no normaliser
/// needs to be asked: `c` is a starter (combining class 0) whose NFC quick check is "yes" (it
/// never decomposes and never composes with what precedes it). The ranges cover what posts are
/// made of in the languages Porte-voix serves — Latin with its precomposed accents (French,
/// Vietnamese), general punctuation (’ « » narrow no-break space), symbols, arrows and
/// dingbats, CJK punctuation, kana and ideographs, fullwidth forms, Hangul syllables, variation
/// selectors and emoji; a test checks every character of every range against
/// unicode-normalization.
#[inline]
pub fn nfc_stable(c: char) -> bool {
    matches!(
        c as u32,
        0..=0x2FF
            | 0x1E00..=0x1EFF
            | 0x2002..=0x20CF
            | 0x232B..=0x2ADB
            | 0x2ADD..=0x2BFF
            | 0x2E00..=0x3029
            | 0x3030..=0x3098
            | 0x309B..=0xA66E
            | 0xAC00..=0xD7A3
            | 0xFE00..=0xFE0F
            | 0xFE30..=0xFFFF
            | 0x1F000..=0x1FAFF
    )
}

/// Appends the NFC form of `s` to `out` (`scratch` is reused between calls).
///
/// Built from the crate's per-character canonical functions rather than its `nfc()` iterator:
/// that iterator chooses canonical or compatibility decomposition at run time, which links the
/// compatibility tables (about 60 KB of wasm) that NFC never reads. The three steps are UAX #15's:
/// full canonical decomposition, canonical ordering of each run of non-starters by combining
/// class (stable), then canonical composition, where a character composes with the last starter
/// unless a character between them has class 0 or a class not lower than its own.
pub fn nfc_into(out: &mut String, s: &str, scratch: &mut Vec<(u8, char)>) {
    scratch.clear();
    for c in s.chars() {
        decompose_canonical(c, |d| scratch.push((canonical_combining_class(d), d)));
    }
    let mut i = 0;
    while i < scratch.len() {
        if scratch[i].0 == 0 {
            i += 1;
            continue;
        }
        let run = i;
        while i < scratch.len() && scratch[i].0 != 0 {
            i += 1;
        }
        scratch[run..i].sort_by_key(|&(ccc, _)| ccc);
    }
    let mut composed: Vec<char> = Vec::with_capacity(scratch.len());
    let mut starter: Option<usize> = None;
    // class of the last character kept after the starter; None when nothing is between
    let mut last: Option<u8> = None;
    for &(ccc, c) in scratch.iter() {
        if let Some(si) = starter {
            let blocked = last.is_some_and(|l| l == 0 || l >= ccc);
            if !blocked {
                if let Some(merged) = compose(composed[si], c) {
                    composed[si] = merged;
                    continue;
                }
            }
        }
        if ccc == 0 {
            starter = Some(composed.len());
            last = None;
        } else {
            last = Some(ccc);
        }
        composed.push(c);
    }
    out.extend(composed);
}

/// Whether `s` holds only [`nfc_stable`] characters (then it is its own NFC). Characters below
/// U+0300 (UTF-8 bytes below 0xCC) are passed over without decoding.
fn all_nfc_stable(s: &str) -> bool {
    // a byte below 0xCC is ASCII, a continuation byte or the lead of a character below U+0300
    // (all stable): only the characters led by a higher byte are decoded
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0xCC {
            i += 1;
            continue;
        }
        match s[i..].chars().next() {
            Some(c) if nfc_stable(c) => i += c.len_utf8(),
            _ => return false,
        }
    }
    true
}

/// Text in NFC together with a map back to the original's UTF-16 offsets.
///
/// When the input is already NFC (the usual case: browsers and keyboards produce NFC) nothing is
/// allocated for the text and offsets are the identity; a text of [`nfc_stable`] characters
/// does not even ask the normaliser. Otherwise each grapheme cluster is normalised on its own
/// (canonical composition never crosses a cluster boundary in practice) so that every cluster
/// boundary of the result maps exactly to one of the original; clusters of stable characters are
/// copied as they are.
#[derive(Debug)]
pub struct Nfc<'a> {
    text: std::borrow::Cow<'a, str>,
    /// `(normalized_utf16, original_utf16)` at each grapheme boundary; empty when identity.
    map: Vec<(u32, u32)>,
}

impl<'a> Nfc<'a> {
    /// Normalise `s` with `normalizer`.
    pub fn new(s: &'a str, normalizer: &dyn Normalizer) -> Self {
        if all_nfc_stable(s) || normalizer.is_nfc(s) {
            return Nfc {
                text: std::borrow::Cow::Borrowed(s),
                map: Vec::new(),
            };
        }
        let mut out = String::with_capacity(s.len() + 8);
        let mut map = Vec::new();
        let (mut n16, mut o16) = (0u32, 0u32);
        map.push((0, 0));
        for g in s.graphemes(true) {
            let before = out.len();
            if g.chars().all(nfc_stable) {
                out.push_str(g);
            } else {
                normalizer.nfc_into(g, &mut out);
            }
            n16 += utf16_len(&out[before..]);
            o16 += utf16_len(g);
            map.push((n16, o16));
        }
        Nfc {
            text: std::borrow::Cow::Owned(out),
            map,
        }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a UTF-16 offset of the normalised text to the original, snapping down to the start
    /// of the grapheme cluster that contains it.
    pub fn to_original_floor(&self, n16: u32) -> u32 {
        if self.map.is_empty() {
            return n16;
        }
        let i = self.map.partition_point(|&(n, _)| n <= n16);
        self.map[i.saturating_sub(1)].1
    }

    /// Maps a UTF-16 offset of the normalised text to the original, snapping up to the end of
    /// the grapheme cluster that contains it.
    pub fn to_original_ceil(&self, n16: u32) -> u32 {
        if self.map.is_empty() {
            return n16;
        }
        let i = self.map.partition_point(|&(n, _)| n < n16);
        self.map
            .get(i)
            .map_or_else(|| self.map.last().map_or(0, |m| m.1), |m| m.1)
    }
}

/// Whether a code unit is a UTF-16 high (leading) surrogate.
#[inline]
pub(crate) fn is_high_surrogate(u: u16) -> bool {
    (0xD800..=0xDBFF).contains(&u)
}

/// Whether a code unit is a UTF-16 low (trailing) surrogate.
#[inline]
pub(crate) fn is_low_surrogate(u: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&u)
}

/// Decodes the code point at `i` of a UTF-16 buffer, returning it and its length in units
/// (a lone surrogate is returned as itself, like JavaScript's `codePointAt`).
#[inline]
pub(crate) fn code_point_at(buf: &[u16], i: usize) -> (u32, usize) {
    let u = buf[i];
    if is_high_surrogate(u) && i + 1 < buf.len() && is_low_surrogate(buf[i + 1]) {
        let cp = 0x10000 + (((u as u32) - 0xD800) << 10) + ((buf[i + 1] as u32) - 0xDC00);
        (cp, 2)
    } else {
        (u as u32, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLES: &[&str] = &[
        "",
        "a",
        "Bonjour à toute l'équipe, 東京でも 👨‍👩‍👧‍👦🇨🇦 👍🏽 ok",
        "a\r\nb\r\r\n\n\ré\u{301}x",
        "e\u{301}\u{302}a🏳️‍🌈b\u{600}c\u{915}\u{94D}\u{915}d 1\u{20E3}",
        "\u{1F1E6}\u{1F1E8}\u{1F1E6}x\u{200D}a\u{FEFF}\u{FFFF}",
        "𝒜𝒝 long ASCII text that spans several eight-byte chunks 12345678",
    ];

    #[test]
    fn utf16_helpers_agree_with_std() {
        for s in SAMPLES {
            let std16: Vec<u16> = s.encode_utf16().collect();
            assert_eq!(to_utf16(s), std16, "{s:?}");
            assert_eq!(utf16_len(s) as usize, std16.len(), "{s:?}");
            for unit in 0..=std16.len() as u32 + 1 {
                let mut acc = 0;
                let expected = s
                    .char_indices()
                    .find(|&(_, c)| {
                        acc += c.len_utf16() as u32;
                        acc > unit
                    })
                    .map_or(s.len(), |(i, _)| i);
                assert_eq!(utf16_to_byte(s, unit), expected, "{s:?} {unit}");
            }
        }
    }

    #[test]
    fn nfc_agrees_with_the_crates_iterator() {
        use unicode_normalization::UnicodeNormalization;
        let cases = [
            "e\u{301}",
            "a\u{323}\u{302}",
            "a\u{302}\u{323}",
            "\u{1100}\u{1161}\u{11A8}",
            "\u{AC00}\u{11A8}",
            "\u{1100}\u{1161}\u{0301}\u{11A8}",
            "\u{0301}e",
            "e\u{0301}\u{0301}\u{0327}",
            "\u{212B}\u{2126}\u{F900}",
            "\u{0F73}\u{0F75}\u{0F81}",
            "\u{1E0A}\u{0323}\u{0307}",
            "\u{0CC6}\u{0CC2}\u{0CD5}",
            "\u{05D0}\u{05B8}\u{05B7}",
            "ǆ ﬁ ² ① Ⅻ",
        ];
        let mut scratch = Vec::new();
        for s in SAMPLES.iter().copied().chain(cases) {
            let mut ours = String::new();
            nfc_into(&mut ours, s, &mut scratch);
            let theirs = s.nfc().collect::<String>();
            assert_eq!(ours, theirs, "{s:?}");
            assert_eq!(UNICODE_NFC.is_nfc(s), theirs == s, "{s:?}");
            assert_eq!(Nfc::new(s, &UNICODE_NFC).as_str(), theirs, "{s:?}");
        }
    }

    #[test]
    fn stable_characters_are_starters_that_nfc_keeps() {
        // Every character of every range: combining class 0 and quick check "yes". By UAX #15's
        // quick-check algorithm, a text of such characters is then NFC, whatever their order.
        let mut stable = 0;
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| nfc_stable(c))
        {
            stable += 1;
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
        }
        assert!(stable > 40_000, "{stable}");
        // Below U+0300, directly: every pair is its own NFC.
        let low: Vec<char> = (0..0x300).filter_map(char::from_u32).collect();
        let (mut pair, mut out, mut scratch) = (String::new(), String::new(), Vec::new());
        for &a in &low {
            for &b in &low {
                pair.clear();
                pair.push(a);
                pair.push(b);
                out.clear();
                nfc_into(&mut out, &pair, &mut scratch);
                assert_eq!(out, pair);
            }
        }
        // The characters right outside a range that do change, or compose with what precedes.
        for c in [
            '\u{300}', '\u{2000}', '\u{20D0}', '\u{212B}', '\u{2329}', '\u{3099}', '\u{F900}',
        ] {
            assert!(!nfc_stable(c), "U+{:04X}", c as u32);
        }
    }

    /// A normaliser that records what it is asked, answering with the tables.
    #[derive(Default)]
    struct Spy(std::cell::RefCell<Vec<String>>);

    impl Normalizer for Spy {
        fn is_nfc(&self, s: &str) -> bool {
            self.0.borrow_mut().push(format!("is_nfc {s}"));
            UNICODE_NFC.is_nfc(s)
        }
        fn nfc_into(&self, s: &str, out: &mut String) {
            self.0.borrow_mut().push(format!("nfc {s}"));
            UNICODE_NFC.nfc_into(s, out)
        }
    }

    #[test]
    fn the_normaliser_is_asked_only_when_the_text_could_change() {
        let untouched = [
            "",
            "Bonjour à toute l’équipe, « merci » !",
            "Merci\u{202F}! Ça coûte 12\u{A0}€ — à bientôt…",
            "Cảm ơn bạn rất nhiều, chúc một ngày tốt lành",
            "東京でも大阪でも、ありがとうございます 감사합니다",
            "👨\u{200D}👩\u{200D}👧\u{200D}👦 🇨🇦 👍🏽 ❤\u{FE0F} ✅ ⭐",
        ];
        for t in untouched {
            let spy = Spy::default();
            let n = Nfc::new(t, &spy);
            assert_eq!(n.as_str(), t);
            assert!(spy.0.borrow().is_empty(), "{t:?}: {:?}", spy.0.borrow());
        }
        // Not stable but already NFC: asked once, nothing normalised.
        let spy = Spy::default();
        let t = "Привет, café ⌘ 1\u{20E3}";
        assert_eq!(Nfc::new(t, &spy).as_str(), t);
        assert_eq!(spy.0.borrow().len(), 1);
        // To compose: only the clusters that hold an unstable character are normalised.
        let spy = Spy::default();
        let n = Nfc::new("Cafe\u{301} à Montre\u{301}al 🇨🇦", &spy);
        assert_eq!(n.as_str(), "Café à Montréal 🇨🇦");
        assert_eq!(
            *spy.0.borrow(),
            [
                "is_nfc Cafe\u{301} à Montre\u{301}al 🇨🇦",
                "nfc e\u{301}",
                "nfc e\u{301}"
            ]
        );
        // "é" is [3, 4) in the result and [3, 5) in the original
        assert_eq!((n.to_original_floor(3), n.to_original_ceil(4)), (3, 5));
        assert_eq!(n.to_original_floor(4), 5);
    }

    #[test]
    fn grapheme_runs_agree_with_unicode_segmentation() {
        for s in SAMPLES {
            let expected: Vec<u32> = s.graphemes(true).map(utf16_len).collect();
            let mut got = Vec::new();
            for_each_grapheme_len16(s, &mut |len16, count| {
                got.extend(std::iter::repeat_n(len16, count as usize))
            });
            assert_eq!(got, expected, "{s:?}");
            assert_eq!(grapheme_count(s) as usize, expected.len());
        }
    }
}
