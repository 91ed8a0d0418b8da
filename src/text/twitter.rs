//! X's weighted length: twitter-text's `parseTweet`, configs v2 (no emoji grouping) and v3 (the
//! current default: every emoji sequence weighs 200), reproduced field for field.

use super::{emoji, is_high_surrogate, is_low_surrogate, url};
use unicode_normalization::UnicodeNormalization;

/// One weight range of a twitter-text config (inclusive code-unit bounds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeightRange {
    /// First code unit of the range.
    pub start: u32,
    /// Last code unit of the range (inclusive).
    pub end: u32,
    /// Weight of a character in the range.
    pub weight: u32,
}

/// A twitter-text configuration (`config/v2.json`, `config/v3.json`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct XConfig {
    /// `maxWeightedTweetLength`.
    pub max_weighted_length: u32,
    /// `scale`: weights are in hundredths of a character.
    pub scale: u32,
    /// `defaultWeight`: the weight of a character outside every range.
    pub default_weight: u32,
    /// `transformedURLLength`: the length every URL counts for (t.co).
    pub transformed_url_length: u32,
    /// `emojiParsingEnabled`: whether an emoji sequence counts once (v3) or per code unit (v2).
    pub emoji_parsing: bool,
    /// `ranges`.
    pub ranges: &'static [WeightRange],
}

/// The ranges shared by v2 and v3: Latin-1 to Georgian, spaces and punctuation count 100.
pub const X_RANGES: &[WeightRange] = &[
    WeightRange {
        start: 0x0000,
        end: 0x10FF,
        weight: 100,
    },
    WeightRange {
        start: 0x2000,
        end: 0x200D,
        weight: 100,
    },
    WeightRange {
        start: 0x2010,
        end: 0x201F,
        weight: 100,
    },
    WeightRange {
        start: 0x2032,
        end: 0x2037,
        weight: 100,
    },
];

impl XConfig {
    /// `config/v2.json`: weighted, no emoji grouping.
    pub const V2: XConfig = XConfig {
        max_weighted_length: 280,
        scale: 100,
        default_weight: 200,
        transformed_url_length: 23,
        emoji_parsing: false,
        ranges: X_RANGES,
    };
    /// `config/v3.json`: v2 plus emoji sequences counted as one (twitter-text's default).
    pub const V3: XConfig = XConfig {
        emoji_parsing: true,
        ..XConfig::V2
    };

    /// The same config with another limit (X Premium: 25,000).
    pub const fn with_max(self, max_weighted_length: u32) -> XConfig {
        XConfig {
            max_weighted_length,
            ..self
        }
    }

    /// The weight of one UTF-16 code unit (twitter-text's `getCharacterWeight`).
    #[inline]
    pub fn unit_weight(&self, unit: u16) -> u32 {
        let u = unit as u32;
        self.ranges
            .iter()
            .find(|r| r.start <= u && u <= r.end)
            .map_or(self.default_weight, |r| r.weight)
    }
}

/// twitter-text's `parseTweet` result. Ranges are inclusive UTF-16 offsets into the original
/// (un-normalised) text, with twitter-text's own normalisation offset arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct XReport {
    /// `weightedLength` (in characters, i.e. weight / scale).
    pub weighted_length: u32,
    /// `valid`: non-empty, within the limit, no invalid character.
    pub valid: bool,
    /// `permillage`: thousandths of the limit used.
    pub permillage: u32,
    /// `displayRangeStart`.
    pub display_range_start: i64,
    /// `displayRangeEnd` (inclusive).
    pub display_range_end: i64,
    /// `validRangeStart`.
    pub valid_range_start: i64,
    /// `validRangeEnd` (inclusive; may be off for denormalised input, as in twitter-text).
    pub valid_range_end: i64,
}

/// One counted item of a post: a URL, an emoji sequence or a single character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct XItem {
    /// UTF-16 start in the scanned (NFC) buffer.
    pub start: usize,
    /// UTF-16 end in the scanned buffer.
    pub end: usize,
    /// Weight, in hundredths.
    pub weight: u32,
    /// Whether the item is a URL.
    pub is_url: bool,
}

/// `hasInvalidCharacters` for one code unit.
#[inline]
pub fn is_invalid_unit(u: u16) -> bool {
    matches!(u, 0xFFFE | 0xFEFF | 0xFFFF)
}

/// The ASCII characters that can start an emoji sequence (a keycap): `#`, `*` and the digits,
/// all below 64.
const KEYCAP_BASES: u64 = (1 << b'#') | (1 << b'*') | (0x3FF << b'0');

/// A unit that is one item on its own, weighed by itself: below U+2000 only `#`, `*`, the
/// digits (keycaps), `©` and `®` can start an emoji sequence, and nothing is a surrogate.
#[inline]
fn is_plain(u: u16) -> bool {
    if u < 64 {
        (KEYCAP_BASES >> u) & 1 == 0
    } else {
        u < 0x2000 && u != 0xA9 && u != 0xAE
    }
}

/// The item at `i` of `buf` when no URL starts there: a plain unit, an emoji sequence, a
/// surrogate pair or a single unit.
#[inline]
fn unit_item(buf: &[u16], i: usize, config: &XConfig) -> XItem {
    let u = buf[i];
    if is_plain(u) {
        return XItem {
            start: i,
            end: i + 1,
            weight: config.unit_weight(u),
            is_url: false,
        };
    }
    if let Some(len) = config
        .emoji_parsing
        .then(|| emoji::sequence_len(&buf[i..]))
        .flatten()
    {
        return XItem {
            start: i,
            end: i + len,
            weight: config.default_weight,
            is_url: false,
        };
    }
    let pair = i + 1 < buf.len() && is_high_surrogate(u) && is_low_surrogate(buf[i + 1]);
    let last = if pair { i + 1 } else { i };
    XItem {
        start: i,
        end: last + 1,
        // Like twitter-text, a surrogate pair is weighed by its second unit.
        weight: config.unit_weight(buf[last]),
        is_url: false,
    }
}

/// The URLs of `buf` in order, with the start of the next one not yet passed.
struct Urls {
    list: Vec<url::UrlMatch>,
    next: usize,
    /// `list[next].start`, or `usize::MAX` when none is left.
    start: usize,
}

impl Urls {
    fn new(buf: &[u16]) -> Self {
        let list = url::extract(buf, true);
        let start = list.first().map_or(usize::MAX, |u| u.start);
        Urls {
            list,
            next: 0,
            start,
        }
    }

    /// Skips the URLs that start before `i` (inside an item already counted).
    #[inline]
    fn skip_before(&mut self, i: usize) {
        while self.start < i {
            self.advance();
        }
    }

    #[inline]
    fn advance(&mut self) {
        self.next += 1;
        self.start = self.list.get(self.next).map_or(usize::MAX, |u| u.start);
    }

    /// The URL item starting at `i` (which is `self.start`).
    fn take(&mut self, i: usize, config: &XConfig) -> XItem {
        let u = self.list[self.next];
        self.advance();
        XItem {
            start: i,
            end: u.end.max(i + 1),
            weight: config.transformed_url_length * config.scale,
            is_url: true,
        }
    }
}

/// Walks `buf` (already NFC) the way `parseTweet` does, calling `f` for each item in order.
pub fn scan(buf: &[u16], config: &XConfig, mut f: impl FnMut(XItem)) {
    let mut urls = Urls::new(buf);
    let mut i = 0;
    while i < buf.len() {
        urls.skip_before(i);
        let item = if urls.start == i {
            urls.take(i, config)
        } else {
            unit_item(buf, i, config)
        };
        i = item.end;
        f(item);
    }
}

/// The sum `scan` adds up, for a count that needs only the total: `(total weight, start of the
/// item that first takes the total past max)`, calling `on_url(start, end)` for each URL item.
/// Runs of plain units that share the weight of U+0000 (all of Latin-1 for X) are added at once.
pub(crate) fn weigh(
    buf: &[u16],
    config: &XConfig,
    max: u64,
    mut on_url: impl FnMut(usize, usize),
) -> (u64, Option<usize>) {
    // The first range, when it holds U+0000, decides the weight of every unit up to its end.
    let low = config
        .ranges
        .first()
        .filter(|r| r.start == 0 && r.weight > 0)
        .map(|r| (r.end.min(0xFFFF) as u16, r.weight as u64));
    let mut urls = Urls::new(buf);
    let (mut total, mut over) = (0u64, None);
    let mut i = 0;
    while i < buf.len() {
        urls.skip_before(i);
        if let Some((low_end, w)) = low {
            let stop = urls.start.min(buf.len());
            let mut j = i;
            while j < stop && buf[j] <= low_end && is_plain(buf[j]) {
                j += 1;
            }
            if j > i {
                let before = total;
                total += w * (j - i) as u64;
                if total > max && over.is_none() {
                    // The unit whose weight takes the running total past `max`.
                    over = Some(i + (max.saturating_sub(before) / w) as usize);
                }
                i = j;
                continue;
            }
        }
        let item = if urls.start == i {
            let item = urls.take(i, config);
            on_url(item.start, item.end);
            item
        } else {
            unit_item(buf, i, config)
        };
        total += item.weight as u64;
        if total > max && over.is_none() {
            over = Some(item.start);
        }
        i = item.end;
    }
    (total, over)
}

/// twitter-text's `parseTweet(text, config)`, exactly (NFC over the whole text first).
pub fn x_weighted(text: &str, config: XConfig) -> XReport {
    let normalized: String = text.nfc().collect();
    let buf = super::to_utf16(&normalized);
    let max = config.max_weighted_length as u64 * config.scale as u64;
    let mut weighted: u64 = 0;
    let mut valid = true;
    let mut valid_display_index: i64 = 0;
    scan(&buf, &config, |item| {
        weighted += item.weight as u64;
        let last = item.end - 1;
        if valid {
            valid = !is_invalid_unit(buf[last]);
        }
        if valid && weighted <= max {
            valid_display_index = last as i64;
        }
    });
    let text_len = super::utf16_len(text) as i64;
    let weighted_length = (weighted / config.scale as u64) as u32;
    let valid = valid && weighted_length > 0 && weighted_length <= config.max_weighted_length;
    // Math.floor(weightedLength / max * 1000), in floating point like the reference.
    let permillage = ((weighted_length as f64 / config.max_weighted_length.max(1) as f64) * 1000.0)
        .floor() as u32;
    valid_display_index += text_len - buf.len() as i64;
    XReport {
        weighted_length,
        valid,
        permillage,
        display_range_start: 0,
        display_range_end: (text_len - 1).max(0),
        valid_range_start: 0,
        valid_range_end: valid_display_index,
    }
}
