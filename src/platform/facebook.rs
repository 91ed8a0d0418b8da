//! Facebook: posts 63,206 characters, comments 8,000.

use super::{Rule, Unit};

/// A post (status update).
pub const POST: Rule = Rule {
    limit: 63_206,
    unit: Unit::Utf16,
    certain: false,
    source: "Facebook status limit 63,206 characters (widely reported since 2011; no current official page)",
    checked: "2026-12-01",
};

/// A comment.
pub const COMMENT: Rule = Rule {
    limit: 8000,
    unit: Unit::Utf16,
    certain: false,
    source: "Facebook comment limit 8,000 characters (reported; no current official page)",
    checked: "2026-12-01",
};
