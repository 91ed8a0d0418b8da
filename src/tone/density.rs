//! `tone.too_many_hashtags`, `tone.too_many_mentions`, `tone.too_many_emoji` for the platform
//! the text goes to. The limits are the platforms' own advice where they give one (Threads
//! takes one tag per post, X advises one or two, Instagram three to five, LinkedIn three) and a
//! readability default elsewhere.

use super::token::Kind;
use super::{Ctx, Finding, Severity};
use crate::platform::Platform;

fn limits(p: Option<Platform>) -> (usize, usize, usize) {
    // (hashtags, mentions, emoji)
    match p {
        Some(Platform::X) => (2, 5, 6),
        Some(Platform::Threads) => (1, 5, 6),
        Some(Platform::Instagram) => (5, 5, 10),
        Some(Platform::Tiktok) => (5, 5, 10),
        Some(Platform::Linkedin | Platform::LinkedinComment) => (3, 5, 3),
        Some(Platform::Facebook | Platform::FacebookComment) => (3, 5, 6),
        Some(Platform::YoutubeTitle) => (3, 2, 3),
        _ => (3, 5, 6),
    }
}

/// Pushes a finding per kind over its limit, with every occurrence as a span.
pub fn run(ctx: &Ctx, out: &mut Vec<Finding>) {
    let (h, m, e) = limits(ctx.settings.platform);
    for (kind, max, code) in [
        (Kind::Hashtag, h, "tone.too_many_hashtags"),
        (Kind::Mention, m, "tone.too_many_mentions"),
        (Kind::Emoji, e, "tone.too_many_emoji"),
    ] {
        let spans: Vec<_> = ctx
            .toks
            .iter()
            .filter(|t| t.kind == kind)
            .map(|t| t.span)
            .collect();
        if spans.len() > max {
            let n = spans.len();
            out.push(
                Finding::new(code, Severity::Info, spans)
                    .arg("count", n.to_string())
                    .arg("max", max.to_string()),
            );
        }
    }
}
