//! Pinterest pins: title 100 characters, description 500.

use super::{Rule, Unit};

/// A pin title.
pub const TITLE: Rule = Rule {
    limit: 100,
    unit: Unit::Utf16,
    certain: false,
    source: "https://developers.pinterest.com/docs/api/v5/pins-create (title max 100, description max 500)",
    checked: "2026-12-01",
};

/// A pin description.
pub const DESCRIPTION: Rule = Rule {
    limit: 500,
    unit: Unit::Utf16,
    certain: false,
    source: "https://developers.pinterest.com/docs/api/v5/pins-create (title max 100, description max 500)",
    checked: "2026-12-01",
};
