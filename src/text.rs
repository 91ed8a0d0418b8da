//! Text primitives shared by the length rules: UTF-16 offsets (the DOM's unit), grapheme
//! boundaries, NFC with an offset map, and entity detection (URLs, mentions, hashtags, emoji).
//!
//! The core works on `&str`; every offset that crosses to JavaScript is a UTF-16 code unit and is
//! converted here, once. Nothing in this module knows about a platform's limit: that is
//! `platform` (data) and `length` (the rules).

pub mod emoji;
pub mod entities;
pub mod punycode;
pub mod tld;
pub mod twitter;
pub mod url;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
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
    let mut n = 0u32;
    for &b in s.as_bytes() {
        if b & 0xC0 != 0x80 {
            n += 1;
            if b >= 0xF0 {
                n += 1;
            }
        }
    }
    n
}

/// The UTF-16 offset of byte offset `byte` (which must be a char boundary) of `s`.
pub fn byte_to_utf16(s: &str, byte: usize) -> u32 {
    utf16_len(&s[..byte.min(s.len())])
}

/// The byte offset of UTF-16 offset `unit` of `s`; an offset inside a surrogate pair maps to the
/// start of its character, an offset past the end to `s.len()`.
pub fn utf16_to_byte(s: &str, unit: u32) -> usize {
    let mut acc = 0u32;
    for (i, c) in s.char_indices() {
        let next = acc + c.len_utf16() as u32;
        if next > unit {
            return i;
        }
        acc = next;
    }
    s.len()
}

/// Number of extended grapheme clusters (what a person calls "characters").
pub fn grapheme_count(s: &str) -> u32 {
    s.graphemes(true).count() as u32
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

/// Text in NFC together with a map back to the original's UTF-16 offsets.
///
/// When the input is already NFC (the usual case: browsers and keyboards produce NFC) nothing is
/// allocated for the text and offsets are the identity. Otherwise each grapheme cluster is
/// normalised on its own (canonical composition never crosses a cluster boundary in practice) so
/// that every cluster boundary of the result maps exactly to one of the original.
#[derive(Debug)]
pub struct Nfc<'a> {
    text: std::borrow::Cow<'a, str>,
    /// `(normalized_utf16, original_utf16)` at each grapheme boundary; empty when identity.
    map: Vec<(u32, u32)>,
}

impl<'a> Nfc<'a> {
    /// Normalise `s`.
    pub fn new(s: &'a str) -> Self {
        if is_nfc_quick(s.chars()) == IsNormalized::Yes {
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
            out.extend(g.nfc());
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
