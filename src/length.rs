//! `count(text, platform)`: how long a text is for a platform, how much room is left, which part
//! overflows (UTF-16 offsets of the original text, ready for a DOM range), the URLs, mentions
//! and hashtags found, and the platform's secondary checks. Pure Rust: no browser code, no
//! regex engine, no allocation beyond a UTF-16 copy for the rules that need one.
//!
//! `valid` means every limit holds (length and checks). `overflow` is `Some` exactly when the
//! text is too long (the main limit, or a byte limit such as Bluesky's); a count check such as
//! Instagram's hashtags makes `valid` false without an overflow span.
//!
//! One counter per network family in `length/` (X's weighted count, Mastodon's and Bluesky's
//! graphemes, the plain UTF-16 and byte rules), each returning one `Counted`; this file holds the
//! report, the dispatch and what the counters share. The benchmark corpus lives with the
//! benchmarks (`benches/corpus.rs`), not here.

mod bluesky;
mod mastodon;
mod plain;
mod x;

use crate::platform::Platform;
use crate::text::{self, entities};

pub use crate::platform::Unit;
pub use crate::text::twitter::{x_weighted, XConfig, XReport};
pub use crate::text::Span16;

/// Per-account variations of the rules.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CountOptions {
    /// The X account has Premium: long posts up to 25,000.
    pub x_premium: bool,
    /// The Mastodon instance's own `max_characters`, when known.
    pub mastodon_limit: Option<u32>,
    /// A Mastodon content warning (spoiler text): it counts with the text.
    pub content_warning: Option<String>,
}

/// A secondary limit of a platform (a byte limit, a hashtag count, a forbidden character).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Check {
    /// Stable code: `bluesky.bytes`, `instagram.hashtags`, `instagram.mentions`,
    /// `youtube.angle-brackets`, `x.invalid-characters`.
    pub code: &'static str,
    /// The measured value.
    pub value: u32,
    /// The largest allowed value.
    pub limit: u32,
    /// `value <= limit`.
    pub valid: bool,
}

impl Check {
    pub(crate) fn new(code: &'static str, value: u32, limit: u32) -> Self {
        Check {
            code,
            value,
            limit,
            valid: value <= limit,
        }
    }
}

/// The result of counting a text for a platform.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct LengthReport {
    /// The platform counted for.
    pub platform: Platform,
    /// The length, in `unit`.
    pub length: u32,
    /// The limit, in `unit`.
    pub limit: u32,
    /// `limit - length` (negative when over).
    pub remaining: i64,
    /// Every limit holds: the length and every check.
    pub valid: bool,
    /// What `length` counts.
    pub unit: Unit,
    /// Whether the rule is documented exactly (else the count is the conservative UTF-16 one).
    pub certain: bool,
    /// UTF-16 `[start, end)` of the part past the limit, in the original text; `None` exactly
    /// when the text is not too long.
    pub overflow: Option<Span16>,
    /// URLs found (as the platform detects them), UTF-16 spans.
    pub urls: Vec<Span16>,
    /// Mentions found, UTF-16 spans.
    pub mentions: Vec<Span16>,
    /// Hashtags found, UTF-16 spans.
    pub hashtags: Vec<Span16>,
    /// The platform's secondary limits.
    pub checks: Vec<Check>,
}

/// What one network's counter measures; [`count_with`] adds the mentions, the hashtags and the
/// report's derived fields.
pub(crate) struct Counted {
    /// The length, in the rule's unit.
    length: u32,
    /// The limit applied (the rule's, or the account's: X Premium, the Mastodon instance's).
    limit: u32,
    /// UTF-16 offset, in the original text, where the part past a limit starts (the length
    /// limit or a byte limit), snapped to a grapheme start; `None` when nothing is too long.
    over_at: Option<u32>,
    /// URLs as the network detects them, UTF-16 spans of the original text.
    urls: Vec<Span16>,
    /// The network's own checks found while counting (X's invalid characters, Bluesky's bytes).
    checks: Vec<Check>,
}

/// Counts `text` for `platform` with the default options.
pub fn count(text: &str, platform: Platform) -> LengthReport {
    count_with(text, platform, &CountOptions::default())
}

/// Counts `text` for `platform`, NFC from unicode-normalization's tables.
pub fn count_with(text: &str, platform: Platform, opts: &CountOptions) -> LengthReport {
    count_with_normalizer(text, platform, opts, &text::UNICODE_NFC)
}

/// The limit `count_with(_, platform, opts)` counts against, without counting anything.
pub fn limit(platform: Platform, opts: &CountOptions) -> u32 {
    let rule = platform.rule();
    match platform {
        Platform::X => x::limit(opts.x_premium),
        Platform::Mastodon => opts.mastodon_limit.unwrap_or(rule.limit),
        _ => rule.limit,
    }
}

/// Counts `text` for `platform`, its NFC form (X counts after NFC) made by `normalizer`: the
/// in-page engine passes the browser's `String.prototype.normalize`, everything else
/// [`text::UNICODE_NFC`].
pub fn count_with_normalizer(
    text: &str,
    platform: Platform,
    opts: &CountOptions,
    normalizer: &dyn text::Normalizer,
) -> LengthReport {
    let rule = platform.rule();
    let len16 = text::utf16_len(text);
    let counted = match platform {
        Platform::X => x::count(text, opts.x_premium, normalizer),
        Platform::Mastodon => mastodon::count(
            text,
            opts.mastodon_limit.unwrap_or(rule.limit),
            opts.content_warning.as_deref().unwrap_or(""),
        ),
        Platform::Bluesky => bluesky::count(text, rule.limit),
        _ => plain::count(text, len16, rule.unit, rule.limit),
    };
    let mentions = mention_spans(text);
    let hashtags = hashtag_spans(text);
    let mut checks = counted.checks;
    checks.extend(plain::entity_checks(platform, text, &mentions, &hashtags));
    let Counted {
        length,
        limit,
        over_at,
        urls,
        ..
    } = counted;
    LengthReport {
        platform,
        length,
        limit,
        remaining: limit as i64 - length as i64,
        valid: length <= limit && checks.iter().all(|c| c.valid),
        unit: rule.unit,
        certain: rule.certain,
        overflow: over_at.map(|s| Span16::new(s.min(len16), len16)),
        urls,
        mentions,
        hashtags,
        checks,
    }
}

/// Accumulates weights and remembers where the limit was first crossed.
struct Acc {
    limit: u64,
    total: u64,
    over_at: Option<u32>,
}

impl Acc {
    fn new(limit: u64) -> Self {
        Acc {
            limit,
            total: 0,
            over_at: None,
        }
    }

    #[inline]
    fn add(&mut self, at16: u32, weight: u64) {
        self.total += weight;
        if self.total > self.limit && self.over_at.is_none() {
            self.over_at = Some(at16);
        }
    }

    /// Adds `count` items of weight 1, `len16` units each, the first at `at16`.
    #[inline]
    fn add_run(&mut self, at16: u32, len16: u32, count: u32) {
        let before = self.total;
        self.total += count as u64;
        if self.total > self.limit && self.over_at.is_none() {
            // The item that takes the total past the limit (`before <= limit` here).
            let k = self.limit.saturating_sub(before) as u32;
            self.over_at = Some(at16 + k * len16);
        }
    }

    /// Adds one grapheme per cluster of `seg` (which starts at UTF-16 offset `at16`).
    fn add_graphemes(&mut self, seg: &str, mut at16: u32) {
        text::for_each_grapheme_len16(seg, &mut |len16, count| {
            if count == 1 {
                self.add(at16, 1);
            } else {
                self.add_run(at16, len16, count);
            }
            at16 += len16 * count;
        });
    }
}

/// Converts increasing byte offsets of one text to UTF-16 offsets in one pass.
struct ByteTo16<'a> {
    text: &'a str,
    byte: usize,
    unit: u32,
}

impl<'a> ByteTo16<'a> {
    fn new(text: &'a str) -> Self {
        ByteTo16 {
            text,
            byte: 0,
            unit: 0,
        }
    }

    fn at(&mut self, byte: usize) -> u32 {
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += text::utf16_len(&self.text[self.byte..byte]);
        self.byte = byte;
        self.unit
    }
}

/// Snaps a UTF-16 offset down to the start of its grapheme cluster (an emoji sequence or a
/// letter with its accents is either entirely within the limit or entirely over it).
fn snap16(text: &str, unit: u32) -> u32 {
    let b = text::utf16_to_byte(text, unit);
    text::byte_to_utf16(text, text::grapheme_start_at(text, b))
}

/// The UTF-16 start of the grapheme that holds byte `max` of `text`: where a byte limit of
/// `max` is first crossed.
fn byte_limit_at(text: &str, max: usize) -> u32 {
    let cut = text.floor_char_boundary(max);
    text::byte_to_utf16(text, text::grapheme_start_at(text, cut))
}

fn mention_spans(text: &str) -> Vec<Span16> {
    let mut conv = ByteTo16::new(text);
    let mut out = Vec::new();
    entities::for_each_mention(text, &mut |m| {
        let s = conv.at(m.range.start);
        out.push(Span16::new(s, conv.at(m.range.end)));
    });
    out
}

fn hashtag_spans(text: &str) -> Vec<Span16> {
    let mut conv = ByteTo16::new(text);
    let mut out = Vec::new();
    entities::for_each_hashtag(text, &mut |r| {
        let s = conv.at(r.start);
        out.push(Span16::new(s, conv.at(r.end)));
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_is_the_limit_the_count_applies() {
        let cw = Some("Divulgâchage : la fin du film".to_string());
        let options = [
            CountOptions::default(),
            CountOptions {
                x_premium: true,
                ..CountOptions::default()
            },
            CountOptions {
                mastodon_limit: Some(1500),
                content_warning: cw.clone(),
                ..CountOptions::default()
            },
            CountOptions {
                x_premium: true,
                mastodon_limit: Some(11),
                content_warning: cw,
            },
        ];
        let texts = ["", "Merci Marie-Ève ! 🇨🇦", &"é".repeat(30_000)];
        for &p in Platform::ALL {
            for opts in &options {
                for t in texts {
                    assert_eq!(
                        limit(p, opts),
                        count_with(t, p, opts).limit,
                        "{p:?} {opts:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn json_shape() {
        let r = count("Bonjour https://example.com", Platform::X);
        let j = serde_json::to_value(&r).unwrap();
        assert_eq!(j["platform"], "x");
        assert_eq!(j["unit"], "weighted");
        assert_eq!(j["length"], 31);
        assert_eq!(j["limit"], 280);
        assert_eq!(j["urls"][0]["start"], 8);
        assert!(j["overflow"].is_null());
    }
}
