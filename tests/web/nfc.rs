//! The in-page count's NFC (the browser's `String.prototype.normalize`) against the core's
//! (unicode-normalization's tables): the twitter-text conformance texts and texts that need
//! composition count exactly alike, and the characters the core never sends to a normaliser are
//! ones the browser leaves alone.

use porte_voix::length::{count_with, count_with_normalizer, CountOptions, LengthReport};
use porte_voix::platform::Platform;
use porte_voix::text::{nfc_stable, Normalizer, UNICODE_NFC};
use porte_voix::web::nfc::BrowserNfc;
use serde_yaml::Value;
use wasm_bindgen_test::*;

const VALIDATE: &str = include_str!("../conformance/twitter-text/validate.yml");
const EXTRACT: &str = include_str!("../conformance/twitter-text/extract.yml");

fn texts_of(doc: &str, sections: &[&str]) -> Vec<(String, Value)> {
    let doc: Value = serde_yaml::from_str(doc).unwrap();
    let mut out = Vec::new();
    for section in sections {
        for case in doc["tests"][section].as_sequence().unwrap() {
            let text = case["text"].as_str().unwrap().to_string();
            out.push((text, case["expected"].clone()));
        }
    }
    out
}

/// Both counts of `text` for X, as a free account and a Premium one.
fn both(text: &str) -> [(LengthReport, LengthReport); 2] {
    [false, true].map(|x_premium| {
        let opts = CountOptions {
            x_premium,
            ..CountOptions::default()
        };
        (
            count_with_normalizer(text, Platform::X, &opts, &BrowserNfc),
            count_with(text, Platform::X, &opts),
        )
    })
}

#[wasm_bindgen_test]
fn conformance_texts_count_alike_through_the_browser() {
    let weighted = texts_of(
        VALIDATE,
        &[
            "WeightedTweetsCounterTest",
            "WeightedTweetsWithDiscountedEmojiCounterTest",
            "UnicodeDirectionalMarkerCounterTest",
        ],
    );
    assert_eq!(weighted.len(), 44);
    let mut compared = 0;
    for (text, _) in &weighted {
        for (page, core) in both(text) {
            assert_eq!(page, core, "{text:?}");
            compared += 1;
        }
    }
    // the v3 cases' weighted length, as twitter-text's `parseTweet` says, through the page's path
    for (text, expected) in texts_of(
        VALIDATE,
        &[
            "WeightedTweetsWithDiscountedEmojiCounterTest",
            "UnicodeDirectionalMarkerCounterTest",
        ],
    ) {
        let page = count_with_normalizer(&text, Platform::X, &CountOptions::default(), &BrowserNfc);
        assert_eq!(
            page.length as i64,
            expected["weightedLength"].as_i64().unwrap(),
            "{text:?}"
        );
    }
    let urls = texts_of(
        EXTRACT,
        &[
            "urls",
            "urls_with_indices",
            "urls_with_directional_markers",
            "tco_urls_with_params",
        ],
    );
    assert!(urls.len() > 100, "{}", urls.len());
    for (text, _) in &urls {
        for (page, core) in both(text) {
            assert_eq!(page, core, "{text:?}");
            compared += 1;
        }
    }
    assert_eq!(compared, 2 * (weighted.len() + urls.len()));
}

/// Texts that NFC changes: decomposed French and Vietnamese, Hangul jamo, singletons, CJK
/// compatibility ideographs, marks out of canonical order; with URLs and emoji around them.
const TO_COMPOSE: &[&str] = &[
    "Cafe\u{301} cre\u{300}me a\u{300} Montre\u{301}al, c\u{327}a va\u{A0}?",
    "Merci pour votre re\u{301}ponse, on s\u{2019}en occupe de\u{300}s demain ! https://exemple.fr/e\u{301}te\u{301}",
    "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t: ca\u{309}m o\u{31B}n ba\u{323}n ra\u{302}\u{301}t nhie\u{302}\u{300}u",
    "\u{1100}\u{1161}\u{11A8}\u{1109}\u{1161}\u{1112}\u{1161}\u{11B8}\u{1102}\u{1175}\u{1103}\u{1161} \u{AC00}\u{11A8}",
    "\u{212B}ngstro\u{308}m 5\u{2126} \u{212A}elvin \u{2000}\u{2001}",
    "\u{F900}\u{F901}\u{FA10} \u{2F800}\u{2F81F} \u{2329}x\u{232A}",
    "a\u{302}\u{323} e\u{301}\u{301}\u{327} \u{1E0A}\u{323}\u{307} \u{05D0}\u{05B8}\u{05B7}",
    "\u{0CC6}\u{0CC2}\u{0CD5} \u{0F73}\u{0F75}\u{0F81} \u{0958}\u{0959}",
    "👍\u{1F3FD} e\u{301}te\u{301} 🇨🇦 👨\u{200D}👩\u{200D}👧 1\u{FE0F}\u{20E3} ka\u{3099} \u{30AB}\u{3099}",
];

#[wasm_bindgen_test]
fn texts_that_compose_count_alike_through_the_browser() {
    for &t in TO_COMPOSE {
        let mut page = String::new();
        let mut core = String::new();
        BrowserNfc.nfc_into(t, &mut page);
        UNICODE_NFC.nfc_into(t, &mut core);
        assert_eq!(page, core, "{t:?}");
        assert_ne!(page, t, "{t:?} is already NFC");
        assert!(!BrowserNfc.is_nfc(t), "{t:?}");
        assert!(BrowserNfc.is_nfc(&page), "{page:?}");
        for (page, core) in both(t) {
            assert_eq!(page, core, "{t:?}");
        }
        // past the limit: the overflow and the URLs map back to the original's offsets alike
        let long = format!("{} {}", t.repeat(40), t);
        for (page, core) in both(&long) {
            assert!(page.overflow.is_some() || page.limit > 280, "{t:?}");
            assert_eq!(page, core, "{t:?}");
        }
    }
    // a decomposed accent counts once, as X counts it after NFC
    let decomposed = "e\u{301}".repeat(200);
    let (page, _) = &both(&decomposed)[0];
    assert_eq!(page.length, 200);
}

#[wasm_bindgen_test]
fn the_browser_leaves_the_stable_characters_alone() {
    let stable: String = (0..=0x10FFFF)
        .filter_map(char::from_u32)
        .filter(|&c| nfc_stable(c))
        .collect();
    assert!(BrowserNfc.is_nfc(&stable));
    let mut one = [0u8; 4];
    for c in stable.chars() {
        assert!(
            BrowserNfc.is_nfc(c.encode_utf8(&mut one)),
            "U+{:04X}",
            c as u32
        );
    }
}
