//! X: twitter-text v3's weighted count over the NFC form of the text (weights 1 or 2, every URL
//! 23, emoji sequences 2), mapped back to the original text's UTF-16 offsets; U+FEFF, U+FFFE and
//! U+FFFF make a post invalid (`x.invalid-characters`). The rule's data is `platform/x.rs`.

use super::{snap16, Check, Counted};
use crate::platform::x;
use crate::text::twitter::XConfig;
use crate::text::{self, twitter, Nfc, Normalizer, Span16};

/// The limit for a Premium account (25,000) or not (280).
pub(super) fn limit(premium: bool) -> u32 {
    if premium {
        x::PREMIUM_LIMIT
    } else {
        x::POST.limit
    }
}

/// Counts `text` as X does, for a Premium account (25,000) or not (280), its NFC form made by
/// `normalizer`.
pub(super) fn count(text: &str, premium: bool, normalizer: &dyn Normalizer) -> Counted {
    let limit = limit(premium);
    let nfc = Nfc::new(text, normalizer);
    let buf = text::to_utf16(nfc.as_str());
    let config = XConfig::V3.with_max(limit);
    let mut urls = Vec::new();
    let (total, over_at) = twitter::weigh(
        &buf,
        &config,
        limit as u64 * config.scale as u64,
        |start, end| {
            urls.push(Span16::new(
                nfc.to_original_floor(start as u32),
                nfc.to_original_ceil(end as u32),
            ));
        },
    );
    // U+FEFF, U+FFFE and U+FFFF all start with the byte 0xEF in UTF-8: most texts have none.
    let invalid = if nfc.as_str().as_bytes().contains(&0xEF) {
        buf.iter().filter(|&&u| twitter::is_invalid_unit(u)).count() as u32
    } else {
        0
    };
    Counted {
        length: (total / config.scale as u64) as u32,
        limit,
        over_at: over_at.map(|n16| snap16(text, nfc.to_original_floor(n16 as u32))),
        urls,
        checks: vec![Check::new("x.invalid-characters", invalid, 0)],
    }
}
