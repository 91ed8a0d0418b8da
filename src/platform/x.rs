//! X (Twitter) posts: twitter-text's weighted length, config v3.

use super::{Rule, Unit};

/// A post: 280 weighted characters (CJK and emoji weigh 2, URLs 23), per twitter-text v3.
pub const POST: Rule = Rule {
    limit: 280,
    unit: Unit::Weighted,
    certain: true,
    source: "https://github.com/twitter/twitter-text/blob/master/config/v3.json (twitter-text 3.1, the counting library X publishes; docs.x.com/resources/fundamentals/counting-characters)",
    checked: "2026-12-01",
};

/// The limit for an X Premium account's long posts.
pub const PREMIUM_LIMIT: u32 = 25_000;
