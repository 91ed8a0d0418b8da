//! TikTok: video captions (2,200 characters) and comments (150 characters).

use super::{Rule, Unit};

/// A video caption.
pub const CAPTION: Rule = Rule {
    limit: 2200,
    unit: Unit::Utf16,
    certain: false,
    source: "https://developers.tiktok.com/doc/content-posting-api-reference-direct-post (title/caption max 2,200 UTF-16 runes)",
    checked: "2026-12-01",
};

/// A comment or a reply to a comment. TikTok publishes no reference for it: the 150 comes from
/// users' reports of the comment form's limit (the github.com/dayanch96/BHTikTok-Plus discussion
/// #25, "only limits you to 150 characters", and third-party guides), read 2026-12-01; how emoji
/// count is not documented, hence UTF-16 units.
pub const COMMENT: Rule = Rule {
    limit: 150,
    unit: Unit::Utf16,
    certain: false,
    source: "https://github.com/dayanch96/BHTikTok-Plus/discussions/25 (users: the comment form stops at 150 characters; no official reference)",
    checked: "2026-12-01",
};
