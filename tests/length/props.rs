//! Property tests of the length engine: no panic on any input for any platform, the report's
//! invariants, and additivity where the rule is additive.
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::length::{count, count_with, CountOptions, Unit};
use porte_voix::platform::Platform;
use porte_voix::text::utf16_len;
use proptest::prelude::*;

fn platform() -> impl Strategy<Value = Platform> {
    prop::sample::select(Platform::ALL.to_vec())
}

/// Text that exercises the tricky parts: URLs, mentions, emoji pieces, combining marks, CJK,
/// surrogates-adjacent characters and punctuation, mixed with arbitrary Unicode.
fn post() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<String>(),
        Just("https://example.com/a_(b)?q=1".to_string()),
        Just("lapresse.ca".to_string()),
        Just("t.co/abc".to_string()),
        Just("@alice@mastodon.social".to_string()),
        Just("#Québec".to_string()),
        Just("👨‍👩‍👧‍👦".to_string()),
        Just("🇨🇦".to_string()),
        Just("\u{200D}".to_string()),
        Just("\u{FE0F}".to_string()),
        Just("\u{0301}".to_string()),
        Just("東京".to_string()),
        Just(". ".to_string()),
        Just("(".to_string()),
        Just("\u{FFFF}".to_string()),
        "[a-z.:/@#-]{0,12}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = CountOptions> {
    (
        any::<bool>(),
        prop::option::of(1u32..2000),
        prop::option::of("[a-zé👍 ]{0,8}"),
    )
        .prop_map(
            |(x_premium, mastodon_limit, content_warning)| CountOptions {
                x_premium,
                mastodon_limit,
                content_warning,
            },
        )
}

const LENGTH_CHECKS: &[&str] = &["bluesky.bytes"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn no_panic_and_invariants(text in post(), p in platform(), opts in options()) {
        let r = count_with(&text, p, &opts);
        let len16 = utf16_len(&text);
        prop_assert_eq!(r.remaining, r.limit as i64 - r.length as i64);
        let too_long = r.length > r.limit
            || r.checks.iter().any(|c| !c.valid && LENGTH_CHECKS.contains(&c.code));
        // overflow is None exactly when the text is not too long …
        prop_assert_eq!(r.overflow.is_none(), !too_long);
        // … and valid is "not too long and every check holds".
        prop_assert_eq!(r.valid, !too_long && r.checks.iter().all(|c| c.valid));
        if let Some(o) = r.overflow {
            prop_assert!(o.start <= o.end && o.end == len16);
        }
        for s in r.urls.iter().chain(&r.mentions).chain(&r.hashtags) {
            prop_assert!(s.start < s.end && s.end <= len16, "{:?}", s);
        }
        // The report serialises.
        prop_assert!(serde_json::to_string(&r).is_ok());
    }

    #[test]
    fn overflow_none_iff_valid_without_count_checks(text in post(), p in platform()) {
        let r = count(&text, p);
        if r.checks.iter().all(|c| c.valid || LENGTH_CHECKS.contains(&c.code)) {
            prop_assert_eq!(r.overflow.is_none(), r.valid);
        }
    }

    #[test]
    fn utf16_rules_are_additive(a in any::<String>(), b in any::<String>()) {
        for &p in Platform::ALL {
            if p.rule().unit != Unit::Utf16 {
                continue;
            }
            let ab = format!("{a}{b}");
            prop_assert_eq!(count(&ab, p).length, count(&a, p).length + count(&b, p).length);
        }
    }

    #[test]
    fn grapheme_rules_are_additive_on_letters(a in "[a-zA-Z ]{0,300}", b in "[a-zA-Z ]{0,300}") {
        for p in [Platform::Mastodon, Platform::Bluesky] {
            let ab = format!("{a}{b}");
            prop_assert_eq!(count(&ab, p).length, count(&a, p).length + count(&b, p).length);
        }
    }

    #[test]
    fn x_is_additive_on_words_without_dots(a in "[a-zA-Zé東 ]{0,200}", b in "[a-zA-Zé東 ]{0,200}") {
        let ab = format!("{a}{b}");
        prop_assert_eq!(
            count(&ab, Platform::X).length,
            count(&a, Platform::X).length + count(&b, Platform::X).length
        );
    }

    #[test]
    fn bytes_rule_is_additive(a in any::<String>(), b in any::<String>()) {
        let p = Platform::YoutubeDescription;
        let ab = format!("{a}{b}");
        prop_assert_eq!(count(&ab, p).length, count(&a, p).length + count(&b, p).length);
    }
}

/// Text dense in what NFC reorders and composes: combining marks of several classes, Hangul
/// jamo, letters with and without their accents, singletons and compatibility characters.
fn normalisable() -> impl Strategy<Value = String> {
    let pool: Vec<char> = "aeouAEOUnNcCsSzZ\u{3B1}\u{3C9}\u{438}\u{5D0}\u{915}\u{E01}\
        \u{300}\u{301}\u{302}\u{303}\u{308}\u{30A}\u{323}\u{327}\u{328}\u{31B}\u{345}\u{5B7}\u{5B8}\u{93C}\u{94D}\u{E38}\u{E48}\u{1AB0}\u{20D2}\
        \u{1100}\u{1101}\u{1161}\u{1162}\u{11A8}\u{11A9}\u{AC00}\u{AC01}\u{D7A3}\
        \u{E9}\u{1EC7}\u{212B}\u{2126}\u{F900}\u{FB01}\u{1D15E}\u{1F1E6}\u{200D}\u{FE0F} "
        .chars()
        .collect();
    prop::collection::vec(prop::sample::select(pool), 0..24).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Our NFC (canonical tables only) equals unicode-normalization's own `nfc()`.
    #[test]
    fn nfc_equals_the_reference(s in prop_oneof![normalisable(), any::<String>()]) {
        use unicode_normalization::UnicodeNormalization;
        let mut ours = String::new();
        porte_voix::text::nfc_into(&mut ours, &s, &mut Vec::new());
        prop_assert_eq!(ours, s.nfc().collect::<String>());
    }
}

/// Where the product marks the overflow given `parseTweet`'s valid range: the grapheme holding
/// the first unit past it.
fn snapped_overflow(text: &str, valid_range_end: i64) -> u32 {
    use porte_voix::text::{byte_to_utf16, grapheme_start_at, utf16_to_byte};
    let first_over = (valid_range_end + 1) as u32;
    byte_to_utf16(
        text,
        grapheme_start_at(text, utf16_to_byte(text, first_over)),
    )
}

fn is_nfc(text: &str) -> bool {
    let mut out = String::new();
    porte_voix::text::nfc_into(&mut out, text, &mut Vec::new());
    out == text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// The product's X count (`count`, what the badge and the command line run) and
    /// twitter-text's `parseTweet` as `x_weighted` reproduces it (the function the conformance
    /// files check field by field) agree on any text: the same length, the same verdict, and the
    /// overflow at the grapheme right after `parseTweet`'s valid range.
    #[test]
    fn x_count_agrees_with_parse_tweet(
        text in prop_oneof![post(), prop::collection::vec(post(), 10..24).prop_map(|v| v.concat())],
        premium in any::<bool>(),
    ) {
        use porte_voix::length::{x_weighted, XConfig};
        let limit = if premium { 25_000 } else { 280 };
        let opts = CountOptions { x_premium: premium, ..CountOptions::default() };
        let ours = count_with(&text, Platform::X, &opts);
        let reference = x_weighted(&text, XConfig::V3.with_max(limit));
        prop_assert_eq!(ours.length, reference.weighted_length);
        prop_assert_eq!(ours.limit, limit);
        // parseTweet calls an empty text invalid; the badge does not
        prop_assert_eq!(ours.valid && ours.length > 0, reference.valid);
        prop_assert_eq!(ours.overflow.is_some(), reference.weighted_length > limit);
        if let Some(o) = ours.overflow {
            let want = snapped_overflow(&text, reference.valid_range_end);
            // parseTweet's valid range also stops at the first invalid character (U+FFFF…), and
            // is off on denormalised input (it subtracts the length NFC removed from an index in
            // the normalised text): compared where it is the length's range
            let invalid = ours.checks.iter().any(|c| c.code == "x.invalid-characters" && c.value > 0);
            if is_nfc(&text) && !invalid {
                prop_assert_eq!(o.start, want, "{:?}", reference);
            }
        }
    }
}
