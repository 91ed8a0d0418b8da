//! `porte-voix templates lint FILE`, run as a user would: a clean library, problems found
//! (parse errors with their place, a trigger, a text too long for a network), bad files.
#![cfg(not(target_arch = "wasm32"))]

use crate::support::{assert_ends_quietly, run, tmp};

fn library(templates: serde_json::Value) -> String {
    serde_json::json!({"format": "porte-voix.templates", "version": 1, "templates": templates})
        .to_string()
}

#[test]
fn the_starter_library_is_clean() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/template/starter.json");
    let o = run(&["templates", "lint", path], "");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("0 with problems"));
}

#[test]
fn problems_are_found_and_placed() {
    // fits X with a short first name, not with the long sample one
    let near = format!("Bonjour {{{{prenom}}}} {}", "a".repeat(262));
    let file = tmp(
        "problems.json",
        &library(serde_json::json!([
            {"id": "ok", "title": "Bien", "body": "Merci {{prenom}} !", "networks": ["x"]},
            {"id": "err", "title": "Erreurs", "lang": "fr-CA", "body": "Bonjour {{prenon}}",
             "variants": [{"lang": "en", "body": "Hi {{first_name", "short": "{{}}"}]},
            {"id": "trig", "title": "Raccourci", "body": "Merci", "trigger": "merci"},
            {"id": "long", "title": "Long", "body": near, "networks": ["x", "facebook-comment"]},
            {"id": "short", "title": "Court", "body": near, "short": "Bonjour {{prenom}} !",
             "networks": ["x"]}
        ])),
    );
    let o = run(&["templates", "lint", "--json", &file], "");
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["checked"], 5);
    assert_eq!(v["with_problems"], 3);
    let problems = |id: &str| -> Vec<serde_json::Value> {
        v["templates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap()["problems"]
            .as_array()
            .unwrap()
            .clone()
    };
    assert!(problems("ok").is_empty());
    assert!(problems("short").is_empty(), "the short text fits X");
    let err = problems("err");
    assert_eq!(err.len(), 3);
    assert_eq!(
        err[0],
        serde_json::json!({"code": "template.unknown_variable", "lang": "fr-CA", "short": false, "start": 8, "end": 18})
    );
    assert_eq!(
        (err[1]["code"].as_str(), err[1]["lang"].as_str()),
        (Some("template.unclosed"), Some("en"))
    );
    assert_eq!(
        (err[2]["code"].as_str(), err[2]["short"].as_bool()),
        (Some("template.empty_name"), Some(true))
    );
    assert_eq!(problems("trig")[0]["code"], "template.trigger_invalid");
    let long = problems("long");
    assert_eq!(long.len(), 1, "{long:?}");
    assert_eq!(long[0]["code"], "template.too_long");
    assert_eq!(long[0]["platform"], "x");
    assert_eq!(long[0]["limit"], 280);
    assert!(long[0]["length"].as_u64().unwrap() > 280);

    // the human summary names them
    let o = run(&["templates", "lint", &file], "");
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("err « Erreurs »"), "{out}");
    assert!(out.contains("template.unknown_variable at 8..18"), "{out}");
    assert!(out.contains("template.too_long on x:"), "{out}");
    assert!(
        out.contains("5 templates checked, 3 with problems"),
        "{out}"
    );
    assert!(!out.contains("ok « Bien »"));
}

#[test]
fn bad_files_exit_2_with_the_code() {
    let cases = [
        (
            "notjson.json",
            "{not json".to_string(),
            "template.import_malformed",
        ),
        (
            "other.json",
            "{\"a\": 1}".to_string(),
            "template.import_not_library",
        ),
        (
            "dup.json",
            library(serde_json::json!([
                {"id": "a", "title": "t", "body": "b"},
                {"id": "a", "title": "t", "body": "c"}
            ])),
            "template.import_duplicate_id",
        ),
    ];
    for (name, content, code) in cases {
        let o = run(&["templates", "lint", &tmp(name, &content)], "");
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(String::from_utf8_lossy(&o.stderr).contains(code), "{name}");
    }
    let o = run(&["templates", "lint", "/nonexistent/lib.json"], "");
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["templates", "lint"], "");
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["templates", "frobnicate", "x"], "");
    assert_eq!(o.status.code(), Some(2));
}

/// `porte-voix templates lint … | head`: the command stops quietly when its reader has gone.
#[test]
fn ends_quietly_when_the_reader_closes_the_pipe() {
    let templates: Vec<serde_json::Value> = (0..4500)
        .map(|i| match i % 3 {
            0 => serde_json::json!({"id": format!("merci-{i}"), "title": format!("Merci n° {i}"),
                "lang": "fr-CA", "body": "Merci {{prenon}} pour ton message !"}),
            1 => serde_json::json!({"id": format!("delai-{i}"), "title": format!("Délai {i}"),
                "lang": "fr-FR", "body": "Bonjour {{prenom}}, votre commande arrive {{date:+2jo",
                "networks": ["x"]}),
            _ => serde_json::json!({"id": format!("thanks-{i}"), "title": format!("Thanks {i}"),
                "lang": "en", "body": format!("Hi {{{{first_name}}}}, {}", "thanks! ".repeat(40)),
                "networks": ["x", "bluesky"]}),
        })
        .collect();
    let file = tmp(
        "closed-library.json",
        &library(serde_json::Value::Array(templates)),
    );
    assert_ends_quietly(&["templates", "lint", &file], "", 1);
    assert_ends_quietly(&["templates", "lint", "--json", &file], "", 0);
    let starter = concat!(env!("CARGO_MANIFEST_DIR"), "/src/template/starter.json");
    assert_ends_quietly(&["templates", "lint", starter], "", 0);
}
