//! Emoji sequences (UTS #51): ZWJ sequences, flags, skin tones, keycaps and tag sequences, so
//! that X's v3 rule can count each one as a single weight-200 unit.
//!
//! Property data comes from `unicode-properties` (`Emoji`, `Emoji_Presentation`, `Emoji_Modifier`;
//! Unicode 18 in 0.1.5). Why that crate: it is `no_std`, feature-gated (we enable only `emoji`,
//! a few KB of tables), maintained by the unicode-rs group alongside `unicode-segmentation` so the
//! two move to new Unicode versions together, and it is current — X's own reference
//! (twemoji-parser 11) is frozen at Emoji 11, which would count newer sequences piece by piece.
//! A character too new for the table is simply counted on its own (weight 200 for any astral
//! character), which never shows more room than X gives.

use super::code_point_at;
use unicode_properties::emoji::{EmojiStatus, UnicodeEmoji};

const ZWJ: u32 = 0x200D;
const VS16: u32 = 0xFE0F;
const KEYCAP: u32 = 0x20E3;
const TAG_END: u32 = 0xE007F;

#[inline]
fn status(cp: u32) -> Option<EmojiStatus> {
    char::from_u32(cp).map(|c| c.emoji_status())
}

#[inline]
fn is_emoji(cp: u32) -> bool {
    char::from_u32(cp).is_some_and(|c| c.is_emoji_char())
}

#[inline]
fn is_presentation(cp: u32) -> bool {
    matches!(
        status(cp),
        Some(
            EmojiStatus::EmojiPresentation
                | EmojiStatus::EmojiPresentationAndModifierBase
                | EmojiStatus::EmojiPresentationAndEmojiComponent
                | EmojiStatus::EmojiPresentationAndModifierAndEmojiComponent
        )
    )
}

#[inline]
fn is_modifier(cp: u32) -> bool {
    (0x1F3FB..=0x1F3FF).contains(&cp)
}

#[inline]
fn is_regional_indicator(cp: u32) -> bool {
    (0x1F1E6..=0x1F1FF).contains(&cp)
}

#[inline]
fn is_tag(cp: u32) -> bool {
    (0xE0020..=0xE007E).contains(&cp)
}

struct Cursor<'a> {
    buf: &'a [u16],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<(u32, usize)> {
        (self.pos < self.buf.len()).then(|| code_point_at(self.buf, self.pos))
    }
    fn peek2(&self) -> Option<u32> {
        let (_, l) = self.peek()?;
        (self.pos + l < self.buf.len()).then(|| code_point_at(self.buf, self.pos + l).0)
    }
    fn eat_if(&mut self, f: impl Fn(u32) -> bool) -> bool {
        match self.peek() {
            Some((cp, l)) if f(cp) => {
                self.pos += l;
                true
            }
            _ => false,
        }
    }
}

/// If an emoji sequence starts at `buf[0]`, its length in UTF-16 code units.
///
/// A sequence is: a flag (two regional indicators); a keycap (`[0-9#*]` FE0F? U+20E3); or
/// emoji elements (an `Emoji` character, then an optional FE0F or skin-tone modifier, then an
/// optional tag run ending in U+E007F) joined by ZWJ. A lone text-default character (`©`, `☺`)
/// is not grouped: it only counts as an emoji when something marks it as one (FE0F, a modifier,
/// a ZWJ join, tags) or when it has emoji presentation by default — the way twemoji does it.
pub fn sequence_len(buf: &[u16]) -> Option<usize> {
    let mut c = Cursor { buf, pos: 0 };
    let (first, first_len) = c.peek()?;
    if is_regional_indicator(first) {
        c.pos += first_len;
        c.eat_if(is_regional_indicator);
        return Some(c.pos);
    }
    if first < 0x80 {
        if !matches!(first as u8, b'0'..=b'9' | b'#' | b'*') {
            return None;
        }
        c.pos += first_len;
        c.eat_if(|cp| cp == VS16);
        return c.eat_if(|cp| cp == KEYCAP).then_some(c.pos);
    }
    // Below U+2000 the only `Emoji` characters are # * 0-9 (handled above), © and ®.
    if (first < 0x2000 && first != 0xA9 && first != 0xAE) || !is_emoji(first) {
        return None;
    }
    let mut marked = is_presentation(first);
    let mut elements = 0;
    loop {
        // One element: the emoji character itself was checked by the caller of this iteration.
        let (_, l) = c.peek()?;
        c.pos += l;
        elements += 1;
        if c.eat_if(|cp| cp == VS16) {
            marked = true;
        }
        if c.eat_if(is_modifier) {
            marked = true;
            c.eat_if(|cp| cp == VS16);
        }
        if c.peek().is_some_and(|(cp, _)| is_tag(cp)) {
            let save = c.pos;
            while c.eat_if(is_tag) {}
            if c.eat_if(|cp| cp == TAG_END) {
                marked = true;
            } else {
                c.pos = save;
            }
        }
        // A ZWJ continues the sequence only when an emoji follows it.
        match (c.peek(), c.peek2()) {
            (Some((ZWJ, zl)), Some(next)) if is_emoji(next) && next >= 0x80 => {
                c.pos += zl;
            }
            _ => break,
        }
    }
    (marked || elements > 1).then_some(c.pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn len(s: &str) -> Option<usize> {
        let b: Vec<u16> = s.encode_utf16().collect();
        sequence_len(&b)
    }

    #[test]
    fn sequences() {
        assert_eq!(len("👨‍👩‍👧‍👦x"), Some(11));
        assert_eq!(len("🇫🇷🇨🇦"), Some(4));
        assert_eq!(len("👍🏽"), Some(4));
        assert_eq!(len("1⃣"), Some(2));
        assert_eq!(len("1️⃣"), Some(3));
        assert_eq!(len("🏴󠁧󠁢󠁥󠁮󠁧󠁿"), Some(14));
        assert_eq!(len("🏳️‍🌈"), Some(6));
        assert_eq!(len("❤️‍🔥"), Some(5));
        assert_eq!(len("©"), None);
        assert_eq!(len("©️"), Some(2));
        assert_eq!(len("a"), None);
        assert_eq!(len("1"), None);
        assert_eq!(len("😷‍"), Some(2));
    }
}
