//! `porte-voix capture`, run as a user would, on a saved page from the fixtures.
#![cfg(not(target_arch = "wasm32"))]

use crate::support::{assert_ends_quietly, run};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/capture/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn json_from_a_file_has_exactly_the_documented_keys_in_order() {
    let url = "https://carnet.example.org/?p=4821&utm_source=newsletter&utm_medium=email";
    let o = run(
        &[
            "capture",
            "--url",
            url,
            &fixture("blog-graph.html"),
            "--json",
        ],
        "",
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 1);
    let keys: Vec<&str> = [
        "url",
        "canonical",
        "title",
        "description",
        "image",
        "site_name",
        "author",
        "published",
        "lang",
    ]
    .to_vec();
    let mut at = 0;
    for k in &keys {
        let pos = out[at..]
            .find(&format!("\"{k}\":"))
            .unwrap_or_else(|| panic!("{k} missing or out of order in {out}"));
        at += pos;
    }
    let got: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(got.as_object().unwrap().len(), keys.len());
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("blog-graph.json")).unwrap())
            .unwrap();
    assert_eq!(got, want);
}

#[test]
fn json_from_standard_input_with_nulls() {
    let html = std::fs::read_to_string(fixture("no-metadata.html")).unwrap();
    let o = run(
        &[
            "capture",
            "--json",
            "--url",
            "http://notes.example.net/2026/scheduling.html",
            "-",
        ],
        &html,
    );
    assert_eq!(o.status.code(), Some(0));
    let got: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(got["title"], serde_json::Value::Null);
    assert_eq!(got["lang"], "en");
    assert_eq!(
        got["canonical"],
        "http://notes.example.net/2026/scheduling.html"
    );
}

#[test]
fn usage_errors() {
    let o = run(&["capture", "page.html"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--url"));
    let o = run(&["capture", "--url", "exemple.fr/page", "-"], "");
    assert_eq!(o.status.code(), Some(2));
    let o = run(
        &[
            "capture",
            "--url",
            "https://exemple.fr/",
            "/nonexistent/page.html",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cli.io"));
}

#[test]
fn without_json_one_field_a_line() {
    let html = std::fs::read_to_string(fixture("fr-news.html")).unwrap();
    let o = run(
        &["capture", "--url", "https://www.lequotidien.example/x", "-"],
        &html,
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.lines()
            .any(|l| l.starts_with("author") && l.ends_with("Camille Martin")),
        "{out}"
    );
    assert!(out
        .lines()
        .any(|l| l.starts_with("published") && l.ends_with("2026-11-24T10:00:00Z")));
}

/// `porte-voix capture … | true`: the command stops quietly when its reader has gone.
#[test]
fn ends_quietly_when_the_reader_closes_the_pipe() {
    let page = fixture("blog-graph.html");
    let url = "https://carnet.example.org/?p=4821&utm_source=newsletter";
    assert_ends_quietly(&["capture", "--url", url, &page, "--json"], "", 0);
    assert_ends_quietly(&["capture", "--url", url, &page], "", 0);
    let html = std::fs::read_to_string(fixture("fr-news.html")).unwrap();
    assert_ends_quietly(
        &["capture", "--url", "https://www.lequotidien.example/x", "-"],
        &html,
        0,
    );
}
