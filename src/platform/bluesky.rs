//! Bluesky posts: 300 graphemes (after the app shortens links) and 3,000 UTF-8 bytes.

use super::{Rule, Unit};

/// A post: `app.bsky.feed.post` text `maxGraphemes: 300`.
pub const POST: Rule = Rule {
    limit: 300,
    unit: Unit::Graphemes,
    certain: true,
    source: "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json (text maxGraphemes 300, maxLength 3000 bytes); link shortening: bluesky-social/social-app src/lib/strings/url-helpers.ts toShortUrl",
    checked: "2026-12-01",
};

/// `maxLength` of the record's text, in UTF-8 bytes (checked on the text as typed).
pub const MAX_BYTES: u32 = 3000;

/// A shortened link's path is cut when longer than this …
pub const LINK_PATH_CUT_OVER: usize = 15;
/// … to this many characters, followed by `...`.
pub const LINK_PATH_KEEP: usize = 13;
