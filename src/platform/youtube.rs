//! YouTube: comments 10,000 characters, titles 100 characters without `<` `>`, descriptions
//! 5,000 UTF-8 bytes without `<` `>`.

use super::{Rule, Unit};

/// A comment.
pub const COMMENT: Rule = Rule {
    limit: 10_000,
    unit: Unit::Utf16,
    certain: false,
    source: "https://developers.google.com/youtube/v3/docs/comments (textOriginal; 10,000 characters reported by the Studio UI)",
    checked: "2026-12-01",
};

/// A video title.
pub const TITLE: Rule = Rule {
    limit: 100,
    unit: Unit::Utf16,
    certain: false,
    source: "https://developers.google.com/youtube/v3/docs/videos#snippet.title (max 100 characters, no < or >)",
    checked: "2026-12-01",
};

/// A video description: the API states the limit in bytes.
pub const DESCRIPTION: Rule = Rule {
    limit: 5000,
    unit: Unit::Bytes,
    certain: true,
    source: "https://developers.google.com/youtube/v3/docs/videos#snippet.description (max 5000 bytes, all valid UTF-8 except < and >)",
    checked: "2026-12-01",
};

/// Characters a title or description may not contain.
pub const FORBIDDEN: [char; 2] = ['<', '>'];
