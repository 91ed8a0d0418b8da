//! Instagram captions: 2,200 characters, at most 5 hashtags (since December 2025) and 20
//! mentions.

use super::{Rule, Unit};

/// A caption.
pub const CAPTION: Rule = Rule {
    limit: 2200,
    unit: Unit::Utf16,
    certain: false,
    source: "https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media (caption max 2,200 characters, 30 hashtags, 20 @ tags; hashtags limited to 5 per post since December 2025, Instagram announcement)",
    checked: "2026-12-01",
};

/// Hashtags allowed in one post.
pub const MAX_HASHTAGS: u32 = 5;
/// Mentions allowed in one post.
pub const MAX_MENTIONS: u32 = 20;
