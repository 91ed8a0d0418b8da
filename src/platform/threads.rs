//! Threads posts: 500 characters.

use super::{Rule, Unit};

/// A post. The unit the app counts is not documented: counted in UTF-16 units (never more room
/// than the literal reading allows).
pub const POST: Rule = Rule {
    limit: 500,
    unit: Unit::Utf16,
    certain: false,
    source: "https://developers.facebook.com/docs/threads/overview#text-posts (text posts up to 500 characters)",
    checked: "2026-12-01",
};
