//! twitter-text conformance: the weighted-length cases of `validate.yml` and the URL extraction
//! cases of `extract.yml` and `tlds.yml`, loaded from the files (never copied by hand). Each case
//! runs twice: through `x_weighted` (twitter-text's `parseTweet`, field by field) and through the
//! product's path, `length::count(text, Platform::X)`, which the badge and the command line use
//! (`tests/length/props.rs` checks that the two agree on arbitrary text).
//!
//! Out of scope, on purpose: `validate.yml`'s `tweets` section (the 140-character era; the
//! README of the copied data explains twitter-text 3.x itself fails it) and its single-entity
//! validators (`usernames`, `lists`, `hashtags`, `urls`, `urls_without_protocol`), which do not
//! decide any length; `extract.yml`'s mention, hashtag, cashtag and reply sections, for the same
//! reason. Every URL section that decides what counts as 23 runs in full.
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::length::{count, x_weighted, XConfig};
use porte_voix::platform::Platform;
use porte_voix::text::{tld, url};
use serde_yaml::Value;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/conformance/twitter-text/"
);

fn load(name: &str) -> Value {
    let s = std::fs::read_to_string(format!("{DIR}{name}")).expect("conformance file");
    serde_yaml::from_str(&s).expect("valid YAML")
}

fn cases<'a>(doc: &'a Value, section: &str) -> &'a Vec<Value> {
    doc["tests"][section]
        .as_sequence()
        .unwrap_or_else(|| panic!("section {section} missing"))
}

fn s(v: &Value) -> &str {
    v.as_str().expect("string")
}

fn int(v: &Value) -> i64 {
    v.as_i64().expect("integer")
}

/// Counts the cases that pass and collects every failure, so one run reports them all.
#[derive(Default)]
struct Tally {
    passed: usize,
    failures: Vec<String>,
}

impl Tally {
    fn check<T, U>(&mut self, label: String, got: T, want: U)
    where
        T: PartialEq<U> + std::fmt::Debug,
        U: std::fmt::Debug,
    {
        if got == want {
            self.passed += 1;
        } else {
            self.failures
                .push(format!("{label}: got {got:?}, want {want:?}"));
        }
    }

    /// Fails with every failure listed, then checks that `expected` cases ran.
    fn finish(self, expected: usize) -> usize {
        assert!(
            self.failures.is_empty(),
            "{} failures:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
        assert_eq!(self.passed, expected);
        self.passed
    }
}

#[test]
fn validate_yml_weighted_length_cases() {
    let doc = load("validate.yml");
    let sections = [
        ("WeightedTweetsCounterTest", XConfig::V2, 20),
        (
            "WeightedTweetsWithDiscountedEmojiCounterTest",
            XConfig::V3,
            22,
        ),
        ("UnicodeDirectionalMarkerCounterTest", XConfig::V3, 2),
    ];
    let mut tally = Tally::default();
    let mut product = Tally::default();
    for (section, config, expected_count) in sections {
        let list = cases(&doc, section);
        assert_eq!(list.len(), expected_count, "{section} case count");
        for case in list {
            let text = s(&case["text"]);
            let e = &case["expected"];
            let r = x_weighted(text, config);
            let got = (
                r.weighted_length as i64,
                r.valid,
                r.permillage as i64,
                r.display_range_start,
                r.display_range_end,
                r.valid_range_start,
                r.valid_range_end,
            );
            let want = (
                int(&e["weightedLength"]),
                e["valid"].as_bool().unwrap(),
                int(&e["permillage"]),
                int(&e["displayRangeStart"]),
                int(&e["displayRangeEnd"]),
                int(&e["validRangeStart"]),
                int(&e["validRangeEnd"]),
            );
            let label = format!("{section} / {}", s(&case["description"]));
            tally.check(label.clone(), got, want);
            // The product counts with v3 (the v2 section's weights are the 2017 configuration).
            if config == XConfig::V3 {
                product.check(label, product_view(text), want_product(e));
            }
        }
    }
    tally.finish(44);
    product.finish(24);
}

/// What `count(text, Platform::X)` says of a text: the weighted length, whether it may be
/// posted, and where the part past the limit starts (UTF-16, `None` when within the limit).
fn product_view(text: &str) -> (i64, bool, Option<i64>) {
    let r = count(text, Platform::X);
    (
        r.length as i64,
        r.valid && r.length > 0,
        r.overflow.map(|o| o.start as i64),
    )
}

/// The same, from a `parseTweet` expectation: over the limit, the overflow starts right after
/// the valid range.
fn want_product(e: &Value) -> (i64, bool, Option<i64>) {
    let length = int(&e["weightedLength"]);
    (
        length,
        e["valid"].as_bool().unwrap(),
        (length > 280).then(|| int(&e["validRangeEnd"]) + 1),
    )
}

fn extracted(text: &str) -> Vec<(u32, u32, String)> {
    url::extract_str(text, true)
}

/// The URLs the product finds (`count(text, Platform::X).urls`), as `(start, end, url)` in UTF-16
/// offsets of the text.
fn counted_urls(text: &str) -> Vec<(u32, u32, String)> {
    let units: Vec<u16> = text.encode_utf16().collect();
    count(text, Platform::X)
        .urls
        .iter()
        .map(|u| {
            let s = String::from_utf16_lossy(&units[u.start as usize..u.end as usize]);
            (u.start, u.end, s)
        })
        .collect()
}

/// A case whose `expected` is a list of URLs: `(text, URLs we extract, URLs the product finds,
/// URLs expected)`.
fn url_list_case(case: &Value) -> (&str, Vec<String>, Vec<String>, Vec<&str>) {
    let text = s(&case["text"]);
    let want = case["expected"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(s)
        .collect();
    let got = extracted(text).into_iter().map(|u| u.2).collect();
    let product = counted_urls(text).into_iter().map(|u| u.2).collect();
    (text, got, product, want)
}

#[test]
fn extract_yml_url_cases() {
    let doc = load("extract.yml");
    let mut tally = Tally::default();
    let mut product = Tally::default();
    for section in ["urls", "tco_urls_with_params"] {
        for case in cases(&doc, section) {
            let (_, got, counted, want) = url_list_case(case);
            let label = format!("{section} / {}", s(&case["description"]));
            product.check(label.clone(), counted, want.clone());
            tally.check(label, got, want);
        }
    }
    for section in ["urls_with_indices", "urls_with_directional_markers"] {
        for case in cases(&doc, section) {
            let text = s(&case["text"]);
            let want: Vec<(String, i64, i64)> = case["expected"]
                .as_sequence()
                .unwrap()
                .iter()
                .map(|u| {
                    let i = u["indices"].as_sequence().unwrap();
                    (s(&u["url"]).to_string(), int(&i[0]), int(&i[1]))
                })
                .collect();
            let as_expected = |found: Vec<(u32, u32, String)>| -> Vec<(String, i64, i64)> {
                found
                    .into_iter()
                    .map(|(a, b, u)| (u, a as i64, b as i64))
                    .collect()
            };
            let label = format!("{section} / {}", s(&case["description"]));
            product.check(label.clone(), as_expected(counted_urls(text)), want.clone());
            tally.check(label, as_expected(extracted(text)), want);
        }
    }
    let total: usize = [
        "urls",
        "tco_urls_with_params",
        "urls_with_indices",
        "urls_with_directional_markers",
    ]
    .iter()
    .map(|sec| cases(&doc, sec).len())
    .sum();
    let passed = tally.finish(total);
    product.finish(total);
    println!("extract.yml: {passed}/{total} URL cases pass, through x_weighted and count");
}

#[test]
fn tlds_yml_cases() {
    let doc = load("tlds.yml");
    let mut tally = Tally::default();
    let mut product = Tally::default();
    for section in ["country", "generic"] {
        for case in cases(&doc, section) {
            let (text, got, counted, want) = url_list_case(case);
            product.check(format!("{section} / {text}"), counted, want.clone());
            tally.check(format!("{section} / {text}"), got, want);
        }
    }
    tally.finish(315 + 1259);
    product.finish(315 + 1259);
}

#[test]
fn embedded_tld_list_matches_tld_lib_yml() {
    let doc = load("tld_lib.yml");
    let list = |k: &str| -> Vec<String> {
        doc[k]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other).unwrap().trim().to_string(),
            })
            .collect()
    };
    let (generic, country) = tld::lists();
    for (ours, theirs) in [(generic, list("generic")), (country, list("country"))] {
        let diff: Vec<_> = ours
            .iter()
            .zip(&theirs)
            .filter(|(a, b)| **a != b.as_str())
            .collect();
        assert!(
            diff.is_empty(),
            "tlds.txt differs from tld_lib.yml: {diff:?}"
        );
        assert_eq!(ours.len(), theirs.len());
    }
}
