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
