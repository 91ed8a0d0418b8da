//! Bluesky: graphemes after the app shortens each link (host + path, a long path cut), and at
//! most 3,000 UTF-8 bytes (`bluesky.bytes`), whichever is crossed first marks the overflow. The
//! rule's data is `platform/bluesky.rs`.

use super::{byte_limit_at, snap16, Acc, ByteTo16, Check, Counted};
use crate::platform::bluesky;
use crate::text::{self, entities, Span16};

/// Counts `text` as the Bluesky composer does, against `limit` graphemes.
pub(super) fn count(text: &str, limit: u32) -> Counted {
    let mut acc = Acc::new(limit as u64);
    let links = entities::bluesky_links(text);
    let mut conv = ByteTo16::new(text);
    let mut urls = Vec::with_capacity(links.len());
    let mut pos = 0usize;
    for l in &links {
        let seg_start16 = conv.at(pos);
        acc.add_graphemes(&text[pos..l.range.start], seg_start16);
        let s16 = conv.at(l.range.start);
        let e16 = conv.at(l.range.end);
        let slice = &text[l.range.clone()];
        let shown = if l.has_scheme {
            entities::bluesky_short_url(slice)
        } else {
            None
        };
        let n = text::grapheme_count(shown.as_deref().unwrap_or(slice));
        acc.add(s16, n as u64);
        urls.push(Span16::new(s16, e16));
        pos = l.range.end;
    }
    let seg_start16 = conv.at(pos);
    acc.add_graphemes(&text[pos..], seg_start16);
    let bytes = Check::new("bluesky.bytes", text.len() as u32, bluesky::MAX_BYTES);
    let over_bytes = (!bytes.valid).then(|| byte_limit_at(text, bluesky::MAX_BYTES as usize));
    let over_length = acc.over_at.map(|o| snap16(text, o));
    Counted {
        length: acc.total as u32,
        limit,
        over_at: match (over_length, over_bytes) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        },
        urls,
        checks: vec![bytes],
    }
}
