//! Google Business Profile posts: 1,500 characters.

use super::{Rule, Unit};

/// An update post.
pub const POST: Rule = Rule {
    limit: 1500,
    unit: Unit::Utf16,
    certain: false,
    source: "https://support.google.com/business/answer/7662907 (post text up to 1,500 characters)",
    checked: "2026-12-01",
};
