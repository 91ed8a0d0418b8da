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

/// Walks `buf` (already NFC) the way `parseTweet` does, calling `f` for each item in order.
pub fn scan(buf: &[u16], config: &XConfig, mut f: impl FnMut(XItem)) {
    let urls = url::extract(buf, true);
    let mut next_url = 0;
    let mut i = 0;
    while i < buf.len() {
        while next_url < urls.len() && urls[next_url].start < i {
            next_url += 1;
        }
        let item = if next_url < urls.len() && urls[next_url].start == i {
            let u = urls[next_url];
            next_url += 1;
            XItem {
                start: i,
                end: u.end.max(i + 1),
                weight: config.transformed_url_length * config.scale,
                is_url: true,
            }
        } else if let Some(len) = config
            .emoji_parsing
            .then(|| emoji::sequence_len(&buf[i..]))
            .flatten()
        {
            XItem {
                start: i,
                end: i + len,
                weight: config.default_weight,
                is_url: false,
            }
        } else {
            let pair =
                i + 1 < buf.len() && is_high_surrogate(buf[i]) && is_low_surrogate(buf[i + 1]);
            let last = if pair { i + 1 } else { i };
            XItem {
                start: i,
                end: last + 1,
                // Like twitter-text, a surrogate pair is weighed by its second unit.
                weight: config.unit_weight(buf[last]),
                is_url: false,
            }
        };
        i = item.end;
        f(item);
    }
}

/// twitter-text's `parseTweet(text, config)`, exactly (NFC over the whole text first).
pub fn x_weighted(text: &str, config: XConfig) -> XReport {
    let normalized: String = text.nfc().collect();
    let buf: Vec<u16> = normalized.encode_utf16().collect();
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
