//! Table-driven length cases, one JSON file per platform family under
//! `tests/fixtures/length/` (emoji sequences, flags, skin tones, CJK, NFC/NFD, French
//! guillemets, Québec sacres, URLs with and without scheme, mentions with domains, and every
//! platform's limit and limit + 1).
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::length::{count_with, CountOptions};
use porte_voix::platform::Platform;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    platform: Platform,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    parts: Vec<(String, usize)>,
    #[serde(default)]
    options: CountOptions,
    length: u32,
    valid: bool,
    /// Absent: not checked; `null`: must be `None`.
    #[serde(default, deserialize_with = "some")]
    overflow: Option<Option<[u32; 2]>>,
    #[serde(default)]
    urls: Option<Vec<[u32; 2]>>,
    #[serde(default)]
    checks: BTreeMap<String, u32>,
}

fn some<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<[u32; 2]>>, D::Error> {
    Option::<[u32; 2]>::deserialize(d).map(Some)
}

fn run(file: &str) -> usize {
    let path = format!(
        "{}/tests/fixtures/length/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut failures = Vec::new();
    for c in &cases {
        let text = match &c.text {
            Some(t) => t.clone(),
            None => c.parts.iter().map(|(p, n)| p.repeat(*n)).collect(),
        };
        let r = count_with(&text, c.platform, &c.options);
        let mut bad = Vec::new();
        if r.length != c.length {
            bad.push(format!("length {} != {}", r.length, c.length));
        }
        if r.valid != c.valid {
            bad.push(format!("valid {} != {}", r.valid, c.valid));
        }
        if let Some(o) = c.overflow {
            let got = r.overflow.map(|s| [s.start, s.end]);
            if got != o {
                bad.push(format!("overflow {got:?} != {o:?}"));
            }
        }
        if let Some(u) = &c.urls {
            let got: Vec<[u32; 2]> = r.urls.iter().map(|s| [s.start, s.end]).collect();
            if &got != u {
                bad.push(format!("urls {got:?} != {u:?}"));
            }
        }
        for (code, value) in &c.checks {
            match r.checks.iter().find(|k| k.code == code) {
                Some(k) if k.value == *value => {}
                other => bad.push(format!("check {code}: {other:?}, want {value}")),
            }
        }
        // Invariants every report keeps.
        assert_eq!(r.remaining, r.limit as i64 - r.length as i64, "{}", c.name);
        if !bad.is_empty() {
            failures.push(format!("{} ({}): {}", c.name, c.platform, bad.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{file}:\n{}", failures.join("\n"));
    cases.len()
}

#[test]
fn x_fixtures() {
    assert!(run("x.json") >= 20);
}

#[test]
fn mastodon_fixtures() {
    assert!(run("mastodon.json") >= 10);
}

#[test]
fn bluesky_fixtures() {
    assert!(run("bluesky.json") >= 8);
}

#[test]
fn other_platform_fixtures() {
    assert!(run("others.json") >= 30);
}

#[test]
fn every_platform_has_fixtures() {
    let dir = format!("{}/tests/fixtures/length", env!("CARGO_MANIFEST_DIR"));
    let mut seen = std::collections::HashSet::new();
    for f in ["x.json", "mastodon.json", "bluesky.json", "others.json"] {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{f}")).unwrap()).unwrap();
        for c in v.as_array().unwrap() {
            seen.insert(c["platform"].as_str().unwrap().to_string());
        }
    }
    for p in Platform::ALL {
        assert!(seen.contains(p.id()), "no fixture for {p}");
    }
}
