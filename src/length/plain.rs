//! The plain rules: UTF-16 code units (every network whose rule is not published exactly, and
//! those that count as JavaScript's `String.length`) or UTF-8 bytes (YouTube's description), with
//! twitter-text's URL detection for the spans; and the checks on entities (Instagram's hashtag and
//! mention counts, YouTube's forbidden angle brackets). The rules' data is `platform/<net>.rs`.

use super::{byte_limit_at, snap16, Check, Counted, Unit};
use crate::platform::{instagram, youtube, Platform};
use crate::text::{self, url, Span16};

/// Counts `text` (`len16` UTF-16 units long) in `unit` (bytes, or UTF-16 units for anything
/// else) against `limit`.
pub(super) fn count(text: &str, len16: u32, unit: Unit, limit: u32) -> Counted {
    let (length, over_at) = match unit {
        Unit::Bytes => {
            let n = text.len() as u32;
            (n, (n > limit).then(|| byte_limit_at(text, limit as usize)))
        }
        _ => (len16, (len16 > limit).then(|| snap16(text, limit))),
    };
    Counted {
        length,
        limit,
        over_at,
        urls: url_spans(text),
        checks: Vec::new(),
    }
}

fn url_spans(text: &str) -> Vec<Span16> {
    if !text.contains('.') {
        return Vec::new();
    }
    let buf = text::to_utf16(text);
    url::extract(&buf, true)
        .into_iter()
        .map(|m| Span16::new(m.start as u32, m.end as u32))
        .collect()
}

/// The checks a platform makes on the entities of a text, whatever its length rule.
pub(super) fn entity_checks(
    platform: Platform,
    text: &str,
    mentions: &[Span16],
    hashtags: &[Span16],
) -> Vec<Check> {
    match platform {
        Platform::Instagram => vec![
            Check::new(
                "instagram.hashtags",
                hashtags.len() as u32,
                instagram::MAX_HASHTAGS,
            ),
            Check::new(
                "instagram.mentions",
                mentions.len() as u32,
                instagram::MAX_MENTIONS,
            ),
        ],
        Platform::YoutubeTitle | Platform::YoutubeDescription => {
            let n = text
                .chars()
                .filter(|c| youtube::FORBIDDEN.contains(c))
                .count() as u32;
            vec![Check::new("youtube.angle-brackets", n, 0)]
        }
        _ => Vec::new(),
    }
}
