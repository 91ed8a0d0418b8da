//! Mastodon statuses: 500 graphemes by default (an instance may raise it), URLs count 23,
//! `@user@domain` counts as `@user`, the content warning counts with the text.

use super::{Rule, Unit};

/// A status on an instance that did not change the default.
pub const STATUS: Rule = Rule {
    limit: 500,
    unit: Unit::Graphemes,
    certain: true,
    source: "https://github.com/mastodon/mastodon/blob/main/app/validators/status_length_validator.rb (MAX_CHARS = 500, grapheme clusters, URL_PLACEHOLDER 23 chars; instance value: /api/v2/instance configuration.statuses.max_characters)",
    checked: "2026-12-01",
};

/// The length every `http(s)` URL counts for.
pub const URL_LENGTH: u32 = 23;
