//! `porte-voix render --jsonl`, run as a user would: one line out per line in, values from
//! the context, positioned errors, the length report, exit codes.
#![cfg(not(target_arch = "wasm32"))]

use crate::support::{assert_ends_quietly, lines, run};

const NB: &str = "\u{a0}";

#[test]
fn the_example_of_the_issue() {
    let input = serde_json::json!({
        "template": "{{choix:Bonjour|Salut}} {{prenom}}, votre commande {{champ:Numéro de commande}} \
                     arrive le {{date:+2jo}} ({{jour:+2jo}}). {{curseur}}Bonne journée !",
        "lang": "fr-CA",
        "now": "2026-11-24T10:00:00-05:00",
        "context": {"author": "Dr Marie-Ève Tremblay, PhD", "handle": "@marieeve",
                    "brand": "Café Soleil", "url": "https://exemple.ca", "page_title": "Accueil"},
        "values": {"Numéro de commande": "4821"},
        "platform": "x"
    });
    let o = run(&["render", "--jsonl"], &format!("{input}\n"));
    assert_eq!(o.status.code(), Some(0), "{:?}", o);
    let out = &lines(&o)[0];
    let text = format!(
        "Bonjour Marie-Ève, votre commande 4821 arrive le 26{NB}novembre (jeudi). Bonne journée !"
    );
    assert_eq!(out["text"], text);
    let cursor = text.find("Bonne").unwrap();
    assert_eq!(out["cursor"], text[..cursor].encode_utf16().count());
    assert_eq!(out["fields"], serde_json::json!(["Numéro de commande"]));
    assert_eq!(out["errors"], serde_json::json!([]));
    assert_eq!(out["length"]["platform"], "x");
    assert_eq!(out["length"]["valid"], true);
    // the keys in the documented order
    let raw = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(raw.starts_with("{\"text\":"), "{raw}");
}

#[test]
fn one_line_out_per_line_in_with_errors_and_exit_1() {
    let input = [
        r#"{"template": "Bonjour {{foo}}"}"#,
        r#"{"template": "Merci {{prenom}} !", "context": {"author": "Boulangerie Chez Paul"}}"#,
        r#"{"template": "Thanks {{first_name|friend}}! See you {{weekday:+1d}} at {{time}}.", "lang": "en", "now": "2026-11-24T14:30:00-05:00", "context": {"author": "JOHN SMITH"}}"#,
        r#"{"template": "{{heure}}", "lang": "fr-FR", "now": "2026-11-24T14:30:00+01:00"}"#,
        r#"{"template": "x", "platform": "bluesky"}"#,
    ]
    .join("\n");
    let o = run(&["render", "--jsonl"], &input);
    assert_eq!(o.status.code(), Some(1));
    let out = lines(&o);
    assert_eq!(out.len(), 5);
    assert_eq!(
        out[0]["errors"],
        serde_json::json!([{"code": "template.unknown_variable", "start": 8, "end": 15}])
    );
    assert_eq!(out[0]["cursor"], serde_json::Value::Null);
    assert_eq!(out[0]["length"], serde_json::Value::Null);
    assert_eq!(out[1]["text"], "Merci !");
    assert_eq!(out[1]["left_out"][0]["name"], "first_name");
    assert_eq!(out[2]["text"], "Thanks John! See you Wednesday at 2:30 PM.");
    assert_eq!(out[3]["text"], "14:30");
    assert_eq!(out[4]["length"]["platform"], "bluesky");
}

#[test]
fn without_now_the_machines_clock_is_used() {
    let o = run(
        &["render", "--jsonl"],
        "{\"template\": \"{{date}} {{heure}}\", \"lang\": \"en\"}\n",
    );
    assert_eq!(o.status.code(), Some(0));
    let text = lines(&o)[0]["text"].as_str().unwrap().to_string();
    assert!(text.ends_with(" AM") || text.ends_with(" PM"), "{text}");
}

#[test]
fn bad_input_is_reported_on_its_line_and_exits_2() {
    let input = [
        "not json",
        r#"{"text": "the check command's shape"}"#,
        r#"{"template": "x", "lang": "de"}"#,
        r#"{"template": "x", "now": "tomorrow"}"#,
        r#"{"template": "x", "platform": "myspace"}"#,
        r#"{"template": 3}"#,
        r#"{"template": "fine"}"#,
    ]
    .join("\n");
    let o = run(&["render", "--jsonl"], &input);
    assert_eq!(o.status.code(), Some(2));
    let out = lines(&o);
    assert_eq!(out.len(), 7);
    let codes: Vec<&str> = out[..6]
        .iter()
        .map(|l| l["error"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "jsonl.malformed",
            "jsonl.malformed",
            "template.unknown_lang",
            "template.bad_moment",
            "platform.unknown",
            "jsonl.malformed"
        ]
    );
    for (i, l) in out[..6].iter().enumerate() {
        assert_eq!(l["error"]["line"], i + 1);
    }
    assert_eq!(out[6]["text"], "fine");
}

#[test]
fn usage() {
    let o = run(&["render"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--jsonl"));
    let o = run(&["render", "--jsonl", "file.txt"], "");
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["render", "--help"], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("render --jsonl"));
}

/// `porte-voix render --jsonl … | head`: the command stops quietly when its reader has gone.
#[test]
fn ends_quietly_when_the_reader_closes_the_pipe() {
    let input: String = (0..3000)
        .map(|i| {
            let line = match i % 3 {
                0 => serde_json::json!({
                    "template": "Bonjour {{prenom}}, votre commande n° {{champ:Numéro}} part le {{date:+2jo}}. Merci ! 📦",
                    "lang": "fr-CA", "now": "2026-11-24T10:00:00-05:00",
                    "context": {"author": "Dre Marie-Ève Tremblay, PhD"},
                    "values": {"Numéro": (4821 + i).to_string()}, "platform": "x"}),
                1 => serde_json::json!({
                    "template": "Merci {{prenom}} pour votre message, nous revenons vers vous {{jour:+1jo}}.",
                    "lang": "fr-FR", "now": "2026-11-24T10:00:00+01:00",
                    "context": {"author": "Jean-Pierre Durand"}, "platform": "linkedin-comment"}),
                _ => serde_json::json!({
                    "template": "Hi {{first_name}}, thanks for reaching out to {{brand}}! {{cursor}}",
                    "lang": "en", "now": "2026-11-24T10:00:00-05:00",
                    "context": {"author": "Sam O'Neil", "brand": "Café Bonjour"}}),
            };
            format!("{line}\n")
        })
        .collect();
    assert_ends_quietly(&["render", "--jsonl"], &input, 1);
    assert_ends_quietly(&["render", "--jsonl"], &input, 0);
}
