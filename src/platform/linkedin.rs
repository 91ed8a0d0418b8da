//! LinkedIn: posts 3,000 characters, comments 1,250.

use super::{Rule, Unit};

/// A post (share commentary).
pub const POST: Rule = Rule {
    limit: 3000,
    unit: Unit::Utf16,
    certain: false,
    source: "https://www.linkedin.com/help/linkedin/answer/a528176 (posts up to 3,000 characters)",
    checked: "2026-12-01",
};

/// A comment.
pub const COMMENT: Rule = Rule {
    limit: 1250,
    unit: Unit::Utf16,
    certain: false,
    source:
        "https://www.linkedin.com/help/linkedin/answer/a528176 (comments up to 1,250 characters)",
    checked: "2026-12-01",
};
