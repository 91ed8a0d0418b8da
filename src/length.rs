//! `count(text, platform)`: how long a text is for a platform, how much room is left, which part
//! overflows (UTF-16 offsets of the original text, ready for a DOM range), the URLs, mentions
//! and hashtags found, and the platform's secondary checks. Pure Rust: no browser code, no
//! regex engine, no allocation beyond a UTF-16 copy for the rules that need one.
//!
//! `valid` means every limit holds (length and checks). `overflow` is `Some` exactly when the
//! text is too long (the main limit, or a byte limit such as Bluesky's); a count check such as
//! Instagram's hashtags makes `valid` false without an overflow span.

use crate::platform::{bluesky, instagram, mastodon, x, youtube, Platform};
use crate::text::{self, entities, twitter, url, Nfc};

pub use crate::platform::Unit;
pub use crate::text::twitter::{x_weighted, XConfig, XReport};
pub use crate::text::Span16;

/// Per-account variations of the rules.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CountOptions {
    /// The X account has Premium: long posts up to 25,000.
    pub x_premium: bool,
    /// The Mastodon instance's own `max_characters`, when known.
    pub mastodon_limit: Option<u32>,
    /// A Mastodon content warning (spoiler text): it counts with the text.
    pub content_warning: Option<String>,
}

/// A secondary limit of a platform (a byte limit, a hashtag count, a forbidden character).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Check {
    /// Stable code: `bluesky.bytes`, `instagram.hashtags`, `instagram.mentions`,
    /// `youtube.angle-brackets`, `x.invalid-characters`.
    pub code: &'static str,
    /// The measured value.
    pub value: u32,
    /// The largest allowed value.
    pub limit: u32,
    /// `value <= limit`.
    pub valid: bool,
}

impl Check {
    fn new(code: &'static str, value: u32, limit: u32) -> Self {
        Check {
            code,
            value,
            limit,
            valid: value <= limit,
        }
    }
}

/// The result of counting a text for a platform.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct LengthReport {
    /// The platform counted for.
    pub platform: Platform,
    /// The length, in `unit`.
    pub length: u32,
    /// The limit, in `unit`.
    pub limit: u32,
    /// `limit - length` (negative when over).
    pub remaining: i64,
    /// Every limit holds: the length and every check.
    pub valid: bool,
    /// What `length` counts.
    pub unit: Unit,
    /// Whether the rule is documented exactly (else the count is the conservative UTF-16 one).
    pub certain: bool,
    /// UTF-16 `[start, end)` of the part past the limit, in the original text; `None` exactly
    /// when the text is not too long.
    pub overflow: Option<Span16>,
    /// URLs found (as the platform detects them), UTF-16 spans.
    pub urls: Vec<Span16>,
    /// Mentions found, UTF-16 spans.
    pub mentions: Vec<Span16>,
    /// Hashtags found, UTF-16 spans.
    pub hashtags: Vec<Span16>,
    /// The platform's secondary limits.
    pub checks: Vec<Check>,
}

impl LengthReport {
    /// Appends the report as JSON to `out`: byte for byte what `serde_json::to_string` writes
    /// (a test checks it on every platform), without serde's machinery. The browser's `count`
    /// export parses it with `JSON.parse`, and this is in its per-keystroke path.
    pub fn write_json(&self, out: &mut String) {
        fn num(out: &mut String, n: impl itoa::Integer) {
            out.push_str(itoa::Buffer::new().format(n));
        }
        fn span(out: &mut String, s: &Span16) {
            out.push_str("{\"start\":");
            num(out, s.start);
            out.push_str(",\"end\":");
            num(out, s.end);
            out.push('}');
        }
        fn spans(out: &mut String, key: &str, list: &[Span16]) {
            out.push_str(key);
            out.push('[');
            for (i, s) in list.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                span(out, s);
            }
            out.push(']');
        }
        fn boolean(out: &mut String, b: bool) {
            out.push_str(if b { "true" } else { "false" });
        }
        // ids and codes are plain ASCII: nothing to escape
        out.push_str("{\"platform\":\"");
        out.push_str(self.platform.id());
        out.push_str("\",\"length\":");
        num(out, self.length);
        out.push_str(",\"limit\":");
        num(out, self.limit);
        out.push_str(",\"remaining\":");
        num(out, self.remaining);
        out.push_str(",\"valid\":");
        boolean(out, self.valid);
        out.push_str(",\"unit\":\"");
        out.push_str(self.unit.id());
        out.push_str("\",\"certain\":");
        boolean(out, self.certain);
        out.push_str(",\"overflow\":");
        match &self.overflow {
            Some(s) => span(out, s),
            None => out.push_str("null"),
        }
        spans(out, ",\"urls\":", &self.urls);
        spans(out, ",\"mentions\":", &self.mentions);
        spans(out, ",\"hashtags\":", &self.hashtags);
        out.push_str(",\"checks\":[");
        for (i, c) in self.checks.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"code\":\"");
            out.push_str(c.code);
            out.push_str("\",\"value\":");
            num(out, c.value);
            out.push_str(",\"limit\":");
            num(out, c.limit);
            out.push_str(",\"valid\":");
            boolean(out, c.valid);
            out.push('}');
        }
        out.push_str("]}");
    }
}

/// Counts `text` for `platform` with the default options.
pub fn count(text: &str, platform: Platform) -> LengthReport {
    count_with(text, platform, &CountOptions::default())
}

/// Accumulates weights and remembers where the limit was first crossed.
struct Acc {
    limit: u64,
    total: u64,
    over_at: Option<u32>,
}

impl Acc {
    fn new(limit: u64) -> Self {
        Acc {
            limit,
            total: 0,
            over_at: None,
        }
    }

    #[inline]
    fn add(&mut self, at16: u32, weight: u64) {
        self.total += weight;
        if self.total > self.limit && self.over_at.is_none() {
            self.over_at = Some(at16);
        }
    }
}

impl Acc {
    /// Adds `count` items of weight 1, `len16` units each, the first at `at16`.
    #[inline]
    fn add_run(&mut self, at16: u32, len16: u32, count: u32) {
        let before = self.total;
        self.total += count as u64;
        if self.total > self.limit && self.over_at.is_none() {
            // The item that takes the total past the limit (`before <= limit` here).
            let k = self.limit.saturating_sub(before) as u32;
            self.over_at = Some(at16 + k * len16);
        }
    }
}

/// Converts increasing byte offsets of one text to UTF-16 offsets in one pass.
struct ByteTo16<'a> {
    text: &'a str,
    byte: usize,
    unit: u32,
}

impl<'a> ByteTo16<'a> {
    fn new(text: &'a str) -> Self {
        ByteTo16 {
            text,
            byte: 0,
            unit: 0,
        }
    }

    fn at(&mut self, byte: usize) -> u32 {
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += text::utf16_len(&self.text[self.byte..byte]);
        self.byte = byte;
        self.unit
    }
}

/// Snaps a UTF-16 offset down to the start of its grapheme cluster (an emoji sequence or a
/// letter with its accents is either entirely within the limit or entirely over it).
fn snap16(text: &str, unit: u32) -> u32 {
    let b = text::utf16_to_byte(text, unit);
    text::byte_to_utf16(text, text::grapheme_start_at(text, b))
}

fn mention_spans(text: &str) -> Vec<Span16> {
    let mut conv = ByteTo16::new(text);
    let mut out = Vec::new();
    entities::for_each_mention(text, &mut |m| {
        let s = conv.at(m.range.start);
        out.push(Span16::new(s, conv.at(m.range.end)));
    });
    out
}

fn hashtag_spans(text: &str) -> Vec<Span16> {
    let mut conv = ByteTo16::new(text);
    let mut out = Vec::new();
    entities::for_each_hashtag(text, &mut |r| {
        let s = conv.at(r.start);
        out.push(Span16::new(s, conv.at(r.end)));
    });
    out
}

/// Counts `text` for `platform`.
pub fn count_with(text: &str, platform: Platform, opts: &CountOptions) -> LengthReport {
    let rule = platform.rule();
    let len16 = text::utf16_len(text);
    let mut limit = rule.limit;
    let mut checks = Vec::new();
    let mut length_over_extra: Option<u32> = None; // overflow start from a byte check
    let (length, over_at, urls) = match platform {
        Platform::X => {
            if opts.x_premium {
                limit = x::PREMIUM_LIMIT;
            }
            let (length, over, urls, invalid) = count_x(text, limit);
            checks.push(Check::new("x.invalid-characters", invalid, 0));
            (length, over, urls)
        }
        Platform::Mastodon => {
            limit = opts.mastodon_limit.unwrap_or(limit);
            count_mastodon(text, limit, opts.content_warning.as_deref().unwrap_or(""))
        }
        Platform::Bluesky => {
            let (length, over, urls) = count_bluesky(text, limit);
            let bytes = text.len() as u32;
            let check = Check::new("bluesky.bytes", bytes, bluesky::MAX_BYTES);
            if !check.valid {
                let cut = text.floor_char_boundary(bluesky::MAX_BYTES as usize);
                length_over_extra = Some(text::byte_to_utf16(
                    text,
                    text::grapheme_start_at(text, cut),
                ));
            }
            checks.push(check);
            (length, over, urls)
        }
        _ => {
            let urls = url_spans_generic(text);
            let (length, over) = match rule.unit {
                Unit::Bytes => {
                    let n = text.len() as u32;
                    let over = (n > limit).then(|| {
                        let cut = text.floor_char_boundary(limit as usize);
                        text::byte_to_utf16(text, text::grapheme_start_at(text, cut))
                    });
                    (n, over)
                }
                _ => (len16, (len16 > limit).then(|| snap16(text, limit))),
            };
            (length, over, urls)
        }
    };
    let mentions = mention_spans(text);
    let hashtags = hashtag_spans(text);
    match platform {
        Platform::Instagram => {
            checks.push(Check::new(
                "instagram.hashtags",
                hashtags.len() as u32,
                instagram::MAX_HASHTAGS,
            ));
            checks.push(Check::new(
                "instagram.mentions",
                mentions.len() as u32,
                instagram::MAX_MENTIONS,
            ));
        }
        Platform::YoutubeTitle | Platform::YoutubeDescription => {
            let n = text
                .chars()
                .filter(|c| youtube::FORBIDDEN.contains(c))
                .count() as u32;
            checks.push(Check::new("youtube.angle-brackets", n, 0));
        }
        _ => {}
    }
    let over_start = match (over_at, length_over_extra) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let overflow = over_start.map(|s| Span16::new(s.min(len16), len16));
    let valid = length <= limit && checks.iter().all(|c| c.valid);
    LengthReport {
        platform,
        length,
        limit,
        remaining: limit as i64 - length as i64,
        valid,
        unit: rule.unit,
        certain: rule.certain,
        overflow,
        urls,
        mentions,
        hashtags,
        checks,
    }
}

fn url_spans_generic(text: &str) -> Vec<Span16> {
    if !text.contains('.') {
        return Vec::new();
    }
    let buf = text::to_utf16(text);
    url::extract(&buf, true)
        .into_iter()
        .map(|m| Span16::new(m.start as u32, m.end as u32))
        .collect()
}

/// X: `(length, overflow start, url spans, invalid characters)`.
fn count_x(text: &str, limit: u32) -> (u32, Option<u32>, Vec<Span16>, u32) {
    let nfc = Nfc::new(text);
    let buf = text::to_utf16(nfc.as_str());
    let config = XConfig::V3.with_max(limit);
    let mut urls = Vec::new();
    let (total, over_at) = twitter::weigh(
        &buf,
        &config,
        limit as u64 * config.scale as u64,
        |start, end| {
            urls.push(Span16::new(
                nfc.to_original_floor(start as u32),
                nfc.to_original_ceil(end as u32),
            ));
        },
    );
    // U+FEFF, U+FFFE and U+FFFF all start with the byte 0xEF in UTF-8: most texts have none.
    let invalid = if nfc.as_str().as_bytes().contains(&0xEF) {
        buf.iter().filter(|&&u| twitter::is_invalid_unit(u)).count() as u32
    } else {
        0
    };
    let over = over_at.map(|n16| snap16(text, nfc.to_original_floor(n16 as u32)));
    ((total / config.scale as u64) as u32, over, urls, invalid)
}

/// Adds one grapheme per cluster of `seg` (which starts at UTF-16 offset `at16`).
fn add_graphemes(acc: &mut Acc, seg: &str, mut at16: u32) {
    text::for_each_grapheme_len16(seg, &mut |len16, count| {
        if count == 1 {
            acc.add(at16, 1);
        } else {
            acc.add_run(at16, len16, count);
        }
        at16 += len16 * count;
    });
}

/// Mastodon: graphemes, `http(s)` URLs 23, `@user@domain` as `@user`, the content warning first.
fn count_mastodon(text: &str, limit: u32, cw: &str) -> (u32, Option<u32>, Vec<Span16>) {
    let mut acc = Acc::new(limit as u64);
    let cw_len = text::grapheme_count(cw) as u64;
    acc.add(0, cw_len);
    let buf = text::to_utf16(text);
    let url_matches = url::extract(&buf, false);
    // Entities as (start16, end16, counted length), by start, without overlaps.
    let mut ents: Vec<(u32, u32, u64)> = url_matches
        .iter()
        .map(|m| (m.start as u32, m.end as u32, mastodon::URL_LENGTH as u64))
        .collect();
    let mut conv = ByteTo16::new(text);
    entities::for_each_mention(text, &mut |m| {
        let s = conv.at(m.range.start);
        let e = conv.at(m.range.end);
        ents.push((s, e, (m.user_end - m.range.start) as u64));
    });
    ents.sort_by_key(|e| e.0);
    let mut kept: Vec<(u32, u32, u64)> = Vec::with_capacity(ents.len());
    for e in ents {
        if kept.last().is_none_or(|k| e.0 >= k.1) {
            kept.push(e);
        }
    }
    let mut pos16 = 0u32;
    for &(s, e, w) in &kept {
        let a = text::utf16_to_byte(text, pos16);
        let b = text::utf16_to_byte(text, s);
        add_graphemes(&mut acc, &text[a..b], pos16);
        acc.add(s, w);
        pos16 = e;
    }
    let a = text::utf16_to_byte(text, pos16);
    add_graphemes(&mut acc, &text[a..], pos16);
    let urls = url_matches
        .iter()
        .map(|m| Span16::new(m.start as u32, m.end as u32))
        .collect();
    let over = acc.over_at.map(|o| snap16(text, o));
    (acc.total as u32, over, urls)
}

/// Bluesky: graphemes after the app shortens each link.
fn count_bluesky(text: &str, limit: u32) -> (u32, Option<u32>, Vec<Span16>) {
    let mut acc = Acc::new(limit as u64);
    let links = entities::bluesky_links(text);
    let mut conv = ByteTo16::new(text);
    let mut urls = Vec::with_capacity(links.len());
    let mut pos = 0usize;
    for l in &links {
        let seg_start16 = conv.at(pos);
        add_graphemes(&mut acc, &text[pos..l.range.start], seg_start16);
        let s16 = conv.at(l.range.start);
        let e16 = conv.at(l.range.end);
        let slice = &text[l.range.clone()];
        let shown = if l.has_scheme {
            entities::bluesky_short_url(slice)
        } else {
            None
        };
        let n = text::grapheme_count(shown.as_deref().unwrap_or(slice));
        acc.add(s16, n as u64);
        urls.push(Span16::new(s16, e16));
        pos = l.range.end;
    }
    let seg_start16 = conv.at(pos);
    add_graphemes(&mut acc, &text[pos..], seg_start16);
    let over = acc.over_at.map(|o| snap16(text, o));
    (acc.total as u32, over, urls)
}

/// A deterministic corpus of realistic posts (short replies, ~280-character posts with URLs,
/// emoji and French), for the benchmarks: the same `(count, seed)` always gives the same texts.
/// Hidden: it exists so that the native criterion bench and the in-browser benchmark share one
/// corpus.
#[doc(hidden)]
pub fn sample_corpus(count: usize, seed: u64) -> Vec<String> {
    const OPENERS: &[&str] = &[
        "Merci pour votre message!",
        "Bonjour à toute l'équipe,",
        "Thanks for reaching out,",
        "Bonne nouvelle :",
        "Ayoye, quelle semaine!",
        "Allô @marie_tremblay,",
        "Petit rappel 📣",
        "On vous écoute 👂",
    ];
    const MIDDLES: &[&str] = &[
        "notre nouvelle collection est arrivée en magasin",
        "le service à la clientèle est ouvert jusqu'à 21 h ce soir",
        "vous pouvez lire l'article complet sur https://www.lapresse.ca/actualites/2025-06-24/fete-nationale.php",
        "« C'est pas mal câlice de beau » comme dirait mon oncle",
        "tabarnak que c'était bon, le pouding chômeur",
        "the full thread is on https://mastodon.social/@porte_voix/112233445566",
        "inscrivez-vous ici : example.com/inscription?utm_source=x",
        "on se voit au festival d'été de Québec",
        "nos bureaux de Montréal et de Trois-Rivières seront fermés lundi",
        "réponse en moins de 24 h, promis",
        "東京でもお待ちしています",
        "détails : bit.ly/3xYzAbc.",
    ];
    const CLOSERS: &[&str] = &[
        "#Québec #MTL",
        "👨‍👩‍👧‍👦🇨🇦",
        "👍🏽",
        "Bonne journée! ☀️",
        "— L'équipe",
        "#fêtenationale 🎉",
        "@support@mastodon.social",
        "",
    ];
    let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        // Knuth's MMIX linear congruential generator: deterministic, no dependency.
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    (0..count)
        .map(|_| {
            let mut s = String::with_capacity(320);
            s.push_str(OPENERS[next(OPENERS.len())]);
            // Short replies about a third of the time, ~280-character posts otherwise.
            let parts = if next(3) == 0 { 1 } else { 3 + next(3) };
            for _ in 0..parts {
                s.push(' ');
                s.push_str(MIDDLES[next(MIDDLES.len())]);
                s.push('.');
            }
            let closer = CLOSERS[next(CLOSERS.len())];
            if !closer.is_empty() {
                s.push(' ');
                s.push_str(closer);
            }
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape() {
        let r = count("Bonjour https://example.com", Platform::X);
        let j = serde_json::to_value(&r).unwrap();
        assert_eq!(j["platform"], "x");
        assert_eq!(j["unit"], "weighted");
        assert_eq!(j["length"], 31);
        assert_eq!(j["limit"], 280);
        assert_eq!(j["urls"][0]["start"], 8);
        assert!(j["overflow"].is_null());
    }

    #[test]
    fn corpus_is_deterministic() {
        assert_eq!(sample_corpus(50, 7), sample_corpus(50, 7));
        assert_ne!(sample_corpus(50, 7), sample_corpus(50, 8));
    }
}
