//! The platforms Porte-voix counts for. Each network's length rule is data in
//! `platform/<net>.rs` (limit, unit, whether the rule is certain, its source and the date it was
//! checked); the counting itself lives in `length`. No browser code here.
//!
//! A rule that is not certain counts UTF-16 code units: that is at least the number of code
//! points and of graphemes, so the badge never shows more room than the literal reading of the
//! published limit allows.

pub mod bluesky;
pub mod facebook;
pub mod gbp;
pub mod instagram;
pub mod linkedin;
pub mod mastodon;
pub mod pinterest;
pub mod reddit;
pub mod threads;
pub mod tiktok;
pub mod x;
pub mod youtube;

/// Where a text is going to be posted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Platform {
    /// An X (Twitter) post.
    X,
    /// A Mastodon status.
    Mastodon,
    /// A Bluesky post.
    Bluesky,
    /// A Threads post.
    Threads,
    /// A LinkedIn post.
    Linkedin,
    /// A LinkedIn comment.
    LinkedinComment,
    /// A Facebook post.
    Facebook,
    /// A Facebook comment.
    FacebookComment,
    /// An Instagram caption.
    Instagram,
    /// A TikTok caption.
    Tiktok,
    /// A TikTok comment.
    TiktokComment,
    /// A YouTube comment.
    YoutubeComment,
    /// A YouTube video title.
    YoutubeTitle,
    /// A YouTube video description.
    YoutubeDescription,
    /// A Pinterest pin title.
    PinterestTitle,
    /// A Pinterest pin description.
    PinterestDescription,
    /// A Reddit post title.
    RedditTitle,
    /// A Reddit text post body.
    RedditBody,
    /// A Reddit comment.
    RedditComment,
    /// A Google Business Profile post.
    Gbp,
}

/// What a rule counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// X's weighted characters (weights 1 or 2, URLs 23, emoji sequences 2).
    Weighted,
    /// Extended grapheme clusters (what a person sees as one character).
    Graphemes,
    /// UTF-16 code units (JavaScript's `String.length`).
    Utf16,
    /// UTF-8 bytes.
    Bytes,
    /// Unicode code points.
    Characters,
}

impl Unit {
    /// The stable identifier (`"weighted"`, `"graphemes"`, `"utf16"`, `"bytes"`, `"characters"`).
    pub fn id(self) -> &'static str {
        match self {
            Unit::Weighted => "weighted",
            Unit::Graphemes => "graphemes",
            Unit::Utf16 => "utf16",
            Unit::Bytes => "bytes",
            Unit::Characters => "characters",
        }
    }
}

/// One length rule, as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Rule {
    /// The limit, in `unit`.
    pub limit: u32,
    /// What is counted.
    pub unit: Unit,
    /// Whether the platform's own code or reference documents the rule exactly. When false,
    /// `unit` is UTF-16 (the conservative reading).
    pub certain: bool,
    /// Where the rule comes from (URL and what it says).
    pub source: &'static str,
    /// The date (YYYY-MM-DD) the rule was last written down against its source.
    pub checked: &'static str,
}

/// The error of `"…".parse::<Platform>()`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown platform `{0}`")]
pub struct UnknownPlatform(pub String);

impl crate::error::Coded for UnknownPlatform {
    fn code(&self) -> &'static str {
        "platform.unknown"
    }
}

impl Platform {
    /// Every platform, in a stable order (the order of the `--help` list and the UI menus).
    pub const ALL: &'static [Platform] = &[
        Platform::X,
        Platform::Mastodon,
        Platform::Bluesky,
        Platform::Threads,
        Platform::Linkedin,
        Platform::LinkedinComment,
        Platform::Facebook,
        Platform::FacebookComment,
        Platform::Instagram,
        Platform::Tiktok,
        Platform::TiktokComment,
        Platform::YoutubeComment,
        Platform::YoutubeTitle,
        Platform::YoutubeDescription,
        Platform::PinterestTitle,
        Platform::PinterestDescription,
        Platform::RedditTitle,
        Platform::RedditBody,
        Platform::RedditComment,
        Platform::Gbp,
    ];

    /// The stable identifier, as serialised (`"x"`, `"linkedin-comment"`, …).
    pub fn id(self) -> &'static str {
        match self {
            Platform::X => "x",
            Platform::Mastodon => "mastodon",
            Platform::Bluesky => "bluesky",
            Platform::Threads => "threads",
            Platform::Linkedin => "linkedin",
            Platform::LinkedinComment => "linkedin-comment",
            Platform::Facebook => "facebook",
            Platform::FacebookComment => "facebook-comment",
            Platform::Instagram => "instagram",
            Platform::Tiktok => "tiktok",
            Platform::TiktokComment => "tiktok-comment",
            Platform::YoutubeComment => "youtube-comment",
            Platform::YoutubeTitle => "youtube-title",
            Platform::YoutubeDescription => "youtube-description",
            Platform::PinterestTitle => "pinterest-title",
            Platform::PinterestDescription => "pinterest-description",
            Platform::RedditTitle => "reddit-title",
            Platform::RedditBody => "reddit-body",
            Platform::RedditComment => "reddit-comment",
            Platform::Gbp => "gbp",
        }
    }

    /// The platform with identifier `s`, if any.
    pub fn from_id(s: &str) -> Option<Platform> {
        Platform::ALL.iter().copied().find(|p| p.id() == s)
    }

    /// The platform's length rule (its default limit; see `length::CountOptions` for the
    /// per-account variations).
    pub fn rule(self) -> &'static Rule {
        match self {
            Platform::X => &x::POST,
            Platform::Mastodon => &mastodon::STATUS,
            Platform::Bluesky => &bluesky::POST,
            Platform::Threads => &threads::POST,
            Platform::Linkedin => &linkedin::POST,
            Platform::LinkedinComment => &linkedin::COMMENT,
            Platform::Facebook => &facebook::POST,
            Platform::FacebookComment => &facebook::COMMENT,
            Platform::Instagram => &instagram::CAPTION,
            Platform::Tiktok => &tiktok::CAPTION,
            Platform::TiktokComment => &tiktok::COMMENT,
            Platform::YoutubeComment => &youtube::COMMENT,
            Platform::YoutubeTitle => &youtube::TITLE,
            Platform::YoutubeDescription => &youtube::DESCRIPTION,
            Platform::PinterestTitle => &pinterest::TITLE,
            Platform::PinterestDescription => &pinterest::DESCRIPTION,
            Platform::RedditTitle => &reddit::TITLE,
            Platform::RedditBody => &reddit::BODY,
            Platform::RedditComment => &reddit::COMMENT,
            Platform::Gbp => &gbp::POST,
        }
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl std::str::FromStr for Platform {
    type Err = UnknownPlatform;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Platform::from_id(s).ok_or_else(|| UnknownPlatform(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_serde() {
        for &p in Platform::ALL {
            assert_eq!(Platform::from_id(p.id()), Some(p));
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.id())
            );
            let r = p.rule();
            assert!(
                r.certain || r.unit == Unit::Utf16,
                "{p}: uncertain rules count UTF-16"
            );
            assert!(!r.source.is_empty() && r.checked.len() == 10);
        }
        assert_eq!(Platform::from_id("myspace"), None);
    }
}
