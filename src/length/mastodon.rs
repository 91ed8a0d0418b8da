//! Mastodon: graphemes, every `http(s)` URL 23 whatever its length, `@user@domain` counted as
//! `@user`, and the content warning counted with the text (before it). The limit is the
//! instance's own when known. The rule's data is `platform/mastodon.rs`.

use super::{snap16, Acc, ByteTo16, Counted};
use crate::platform::mastodon;
use crate::text::{self, entities, url, Span16};

/// Counts `text` with its content warning `cw` against an instance's `limit`.
pub(super) fn count(text: &str, limit: u32, cw: &str) -> Counted {
    let mut acc = Acc::new(limit as u64);
    acc.add(0, text::grapheme_count(cw) as u64);
    let buf = text::to_utf16(text);
    let url_matches = url::extract(&buf, false);
    // Entities as (start16, end16, counted length), by start, without overlaps.
    let mut ents: Vec<(u32, u32, u64)> = url_matches
        .iter()
        .map(|m| (m.start as u32, m.end as u32, mastodon::URL_LENGTH as u64))
        .collect();
    let mut conv = ByteTo16::new(text);
    entities::for_each_mention(text, &mut |m| {
        let s = conv.at(m.range.start);
        let e = conv.at(m.range.end);
        ents.push((s, e, (m.user_end - m.range.start) as u64));
    });
    // by start, stable: an insertion sort (two runs already in order, URLs then mentions),
    // where the standard library's sort would weigh kilobytes in the in-page engine
    for i in 1..ents.len() {
        let mut j = i;
        while j > 0 && ents[j].0 < ents[j - 1].0 {
            ents.swap(j, j - 1);
            j -= 1;
        }
    }
    let mut kept: Vec<(u32, u32, u64)> = Vec::with_capacity(ents.len());
    for e in ents {
        if kept.last().is_none_or(|k| e.0 >= k.1) {
            kept.push(e);
        }
    }
    let mut pos16 = 0u32;
    for &(s, e, w) in &kept {
        let a = text::utf16_to_byte(text, pos16);
        let b = text::utf16_to_byte(text, s);
        acc.add_graphemes(&text[a..b], pos16);
        acc.add(s, w);
        pos16 = e;
    }
    let a = text::utf16_to_byte(text, pos16);
    acc.add_graphemes(&text[a..], pos16);
    Counted {
        length: acc.total as u32,
        limit,
        over_at: acc.over_at.map(|o| snap16(text, o)),
        urls: url_matches
            .iter()
            .map(|m| Span16::new(m.start as u32, m.end as u32))
            .collect(),
        checks: Vec::new(),
    }
}
