//! Properties of the tone report on arbitrary text (accents, emoji sequences, apostrophes,
//! capitals, punctuation runs, URLs, CJK, control characters): it never panics, every span is
//! inside the text, non-empty and on UTF-16 code-point boundaries, and the score is in −1…1.
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::tone::{analyse, reply_context, Lang, ToneSettings};
use proptest::prelude::*;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("C'EST".to_string()),
        Just("l’avis".to_string()),
        Just("qu'".to_string()),
        Just("tabarnak".to_string()),
        Just("😡".to_string()),
        Just("👨‍👩‍👧".to_string()),
        Just("🇫🇷".to_string()),
        Just("e\u{301}".to_string()),
        Just("!!!".to_string()),
        Just("?!".to_string()),
        Just("…".to_string()),
        Just(":)".to_string()),
        Just("<3".to_string()),
        Just("#tag".to_string()),
        Just("@nom".to_string()),
        Just("https://ex.fr/a".to_string()),
        Just("pas".to_string()),
        Just("not".to_string()),
        Just("mais".to_string()),
        Just("très".to_string()),
        Just("désolé".to_string()),
        Just("vous".to_string()),
        Just("tu".to_string()),
        Just("漢字".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just(",".to_string()),
        Just("'".to_string()),
        Just("-".to_string()),
        "[a-zA-Zéàç0-9]{1,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_are_inside_and_on_boundaries(t in text(), reply in text(), fr in any::<bool>()) {
        let settings = ToneSettings {
            lang: if fr { None } else { Some(Lang::En) },
            ..Default::default()
        };
        let ctx = reply_context(&reply, &settings);
        let r = analyse(&t, &settings, Some(&ctx));
        prop_assert!((-1.0..=1.0).contains(&r.score));
        let units: Vec<u16> = t.encode_utf16().collect();
        for f in &r.findings {
            for s in &f.spans {
                prop_assert!(s.start < s.end, "{} {:?}", f.code, s);
                prop_assert!(s.end as usize <= units.len());
                // not inside a surrogate pair
                for &p in &[s.start as usize, s.end as usize] {
                    if p < units.len() {
                        prop_assert!(!(0xDC00..0xE000).contains(&units[p]), "{} {:?}", f.code, s);
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// Each token as the general path per character would give it, whichever path read it (the
    /// tokeniser reads ASCII without decoding): its folded form, its hash and tags, its UTF-16
    /// span, its capitals, its bytes on character boundaries, and the words it starts a phrase of
    /// found by hash as by string.
    #[test]
    fn each_token_is_what_the_character_path_gives(t in text()) {
        use porte_voix::text::utf16_len;
        use porte_voix::tone::token::{fold, hash, tokenize, Kind};
        let (toks, sentences) = tokenize(&t);
        let mut last_end = 0;
        for tok in &toks {
            prop_assert!(tok.start >= last_end && tok.start < tok.end && tok.end <= t.len());
            prop_assert!(t.is_char_boundary(tok.start) && t.is_char_boundary(tok.end));
            // nothing but white space between tokens
            prop_assert!(t[last_end..tok.start].chars().all(char::is_whitespace), "{:?}", &t[last_end..tok.start]);
            last_end = tok.end;
            let s = tok.text(&t);
            let folded = fold(s);
            prop_assert_eq!(tok.norm.as_str(), folded.as_str(), "{:?}", s);
            prop_assert_eq!(tok.hash, hash(&tok.norm));
            prop_assert_eq!(tok.tags, porte_voix::tone::tags::of_str(&tok.norm), "{:?}", s);
            prop_assert_eq!(tok.span.start, utf16_len(&t[..tok.start]));
            prop_assert_eq!(tok.span.end - tok.span.start, utf16_len(s));
            let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
            let caps = tok.kind == Kind::Word
                && !letters.iter().any(|c| c.is_lowercase())
                && (letters.len() >= 2
                    || (letters.len() == 1 && s.ends_with(['\'', '\u{2019}', '\u{02BC}'])));
            prop_assert_eq!(tok.caps, caps, "{:?}", s);
            if tok.kind == Kind::Number {
                prop_assert!(s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ','), "{:?}", s);
            }
        }
        prop_assert!(t[last_end..].chars().all(char::is_whitespace));
        // the sentences cover the tokens in order
        let mut next = 0;
        for s in &sentences {
            prop_assert_eq!(s.first, next);
            prop_assert!(s.end > s.first);
            next = s.end;
        }
        prop_assert_eq!(next, toks.len());
    }
}
