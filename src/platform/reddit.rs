//! Reddit: titles 300 characters, text posts 40,000, comments 10,000.

use super::{Rule, Unit};

/// A post title.
pub const TITLE: Rule = Rule {
    limit: 300,
    unit: Unit::Utf16,
    certain: false,
    source: "https://support.reddithelp.com/ (title up to 300 characters)",
    checked: "2026-12-01",
};

/// A text post's body.
pub const BODY: Rule = Rule {
    limit: 40_000,
    unit: Unit::Utf16,
    certain: false,
    source: "https://support.reddithelp.com/ (text posts up to 40,000 characters)",
    checked: "2026-12-01",
};

/// A comment.
pub const COMMENT: Rule = Rule {
    limit: 10_000,
    unit: Unit::Utf16,
    certain: false,
    source: "https://support.reddithelp.com/ (comments up to 10,000 characters)",
    checked: "2026-12-01",
};
