//! TikTok captions: 2,200 characters.

use super::{Rule, Unit};

/// A video caption.
pub const CAPTION: Rule = Rule {
    limit: 2200,
    unit: Unit::Utf16,
    certain: false,
    source: "https://developers.tiktok.com/doc/content-posting-api-reference-direct-post (title/caption max 2,200 UTF-16 runes)",
    checked: "2026-12-01",
};
