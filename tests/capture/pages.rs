//! Metadata chosen from saved article pages (news in French, Québec French and English, a blog
//! with a JSON-LD @graph and a <base>, a YouTube watch page, an institution's page with Dublin
//! Core, a page with no metadata), compared with the expected item written by hand in
//! `tests/fixtures/capture/<page>.json`.
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::capture::{choose, html::collect};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/capture")
}

#[test]
fn every_saved_page_gives_its_expected_item() {
    let pages: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(dir().join("pages.json")).unwrap()).unwrap();
    assert!(pages.len() >= 7);
    let mut failures = Vec::new();
    for (name, url) in &pages {
        let html = std::fs::read_to_string(dir().join(format!("{name}.html"))).unwrap();
        let item = choose(&collect(&html, url.as_str().unwrap()));
        let got = serde_json::to_value(&item).unwrap();
        let want: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir().join(format!("{name}.json"))).unwrap(),
        )
        .unwrap();
        if got != want {
            failures.push(format!(
                "{name}:\n  want {}\n  got  {}",
                serde_json::to_string(&want).unwrap(),
                serde_json::to_string(&got).unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn text_inside_scripts_is_not_metadata() {
    let html = r#"<html><head><script>var s = "<title>Faux</title><meta property='og:title' content='Faux'>";</script>
        <title>Vrai titre</title></head><body><h1>Vrai</h1></body></html>"#;
    let c = collect(html, "https://exemple.fr/");
    assert_eq!(c.title.as_deref(), Some("Vrai titre"));
    assert!(c.meta.is_empty());
}

#[test]
fn an_unclosed_title_or_h1_ends_with_the_file() {
    let c = collect("<h1>Sans fin <em>du tout</em>", "https://exemple.fr/");
    assert_eq!(c.first_h1.as_deref(), Some("Sans fin du tout"));
}
