//! `porte-voix tone`, run as a user would: JSON lines in and out, the human summary, exit codes.
#![cfg(not(target_arch = "wasm32"))]

use crate::support::{assert_ends_quietly, lines, run, stdout};

#[test]
fn jsonl_one_report_per_line_in_the_issue_shape() {
    let input = concat!(
        r#"{"text": "C'EST UNE HONTE, tabarnak!!!", "lang": "fr"}"#,
        "\n",
        r#"{"text": "Thanks so much, we love it 😍"}"#,
        "\n",
        r#"{"text": "Merci pour votre message, on regarde ça."}"#,
        "\n",
        r#"{"text": "Votre colis part demain.", "lang": "en"}"#,
        "\n",
    );
    let o = run(&["tone", "--jsonl"], input);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = lines(&o);
    assert_eq!(v.len(), 4);
    // the shape: lang, polarity, score, findings [{code, severity, spans [[start, end]]}]
    assert_eq!(v[0]["lang"], "fr");
    assert_eq!(v[0]["polarity"], "negative");
    assert!(v[0]["score"].as_f64().unwrap() < -0.3);
    let shout = v[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "tone.shouting")
        .unwrap();
    assert_eq!(shout["severity"], "warning");
    assert_eq!(shout["spans"], serde_json::json!([[0, 15]]));
    let prof = v[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "tone.profanity")
        .unwrap();
    assert_eq!(prof["spans"], serde_json::json!([[17, 25]]));
    assert_eq!(prof["args"]["words"], "tabarnak");
    // detected language, UTF-16 offsets after an emoji
    assert_eq!(v[1]["lang"], "en");
    assert_eq!(v[1]["polarity"], "positive");
    assert_eq!(v[2]["lang"], "fr");
    assert_eq!(v[2]["polarity"], "positive");
    // a forced language is kept
    assert_eq!(v[3]["lang"], "en");
    assert_eq!(v[3]["polarity"], "neutral");
    // a neutral score is written 0, never -0
    let out = stdout(&o);
    let neutral = out.lines().nth(3).unwrap();
    assert!(neutral.contains(r#""score":0.0"#), "{neutral}");
}

#[test]
fn jsonl_reply_context_and_register() {
    let input = concat!(
        r#"{"text": "Le colis est parti.", "reply_to": "Toujours pas reçu mon colis, c'est une honte"}"#,
        "\n",
        r#"{"text": "Tu peux nous écrire ?", "register": "vous"}"#,
        "\n",
    );
    let o = run(&["tone", "--jsonl"], input);
    assert_eq!(o.status.code(), Some(0));
    let v = lines(&o);
    let codes = |i: usize| -> Vec<String> {
        v[i]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(codes(0).contains(&"tone.missing_apology".to_string()));
    assert!(codes(1).contains(&"tone.register_mismatch".to_string()));
}

#[test]
fn jsonl_bad_lines_exit_2_and_the_others_still_answer() {
    let input = concat!(
        r#"{"text": "Super, merci"}"#,
        "\n",
        "not json\n",
        r#"{"text": "Hello", "lang": "de"}"#,
        "\n",
        r#"{"lang": "fr"}"#,
        "\n",
        r#"{"text": "Bravo"}"#,
        "\n",
    );
    let o = run(&["tone", "--jsonl"], input);
    assert_eq!(o.status.code(), Some(2));
    let v = lines(&o);
    assert_eq!(v.len(), 5);
    assert_eq!(v[0]["polarity"], "positive");
    assert_eq!(v[1]["error"]["code"], "jsonl.malformed");
    assert_eq!(v[1]["error"]["line"], 2);
    assert_eq!(v[2]["error"]["code"], "tone.unknown_lang");
    assert_eq!(v[3]["error"]["code"], "jsonl.malformed");
    assert_eq!(v[4]["polarity"], "positive");
}

#[test]
fn human_summary() {
    let o = run(&["tone", "Vous auriez dû lire les conditions!!!"], "");
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with("fr: "), "{out}");
    assert!(out.contains("tone.blame: «Vous auriez dû»"), "{out}");
    assert!(out.contains("tone.repeated_punctuation: «!!!»"), "{out}");
    let o = run(
        &["tone", "--lang", "en", "-"],
        "Thanks a lot, see you soon\n",
    );
    assert!(stdout(&o).starts_with("en: positive"), "{}", stdout(&o));
    let o = run(&["tone", "--json", "Merci"], "");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["polarity"], "positive");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["tone", "--lang", "de", "x"][..],
        &["tone", "--register", "il", "x"],
        &["tone", "--off", "nothing", "x"],
        &["tone", "--jsonl", "text"],
    ] {
        let o = run(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
    let o = run(&["--help"], "");
    assert!(stdout(&o).contains("porte-voix tone"));
}

/// `porte-voix tone … | head`: the command stops quietly when its reader has gone, with JSON
/// lines as with one text.
#[test]
fn ends_quietly_when_the_reader_closes_the_pipe() {
    let texts = [
        serde_json::json!({"text": "C'EST UNE HONTE, tabarnak!!!", "lang": "fr"}),
        serde_json::json!({"text": "Merci beaucoup pour votre patience 🙏", "lang": "fr"}),
        serde_json::json!({"text": "Vous auriez dû lire les conditions.", "register": "tu"}),
        serde_json::json!({"text": "Thanks so much, see you soon! 😊", "lang": "en"}),
        serde_json::json!({"text": "Oh great, another delay. Just perfect.", "reply_to": "Where is my order?"}),
    ];
    let input: String = (0..5000)
        .map(|i| format!("{}\n", texts[i % texts.len()]))
        .collect();
    assert_ends_quietly(&["tone", "--jsonl"], &input, 1);
    assert_ends_quietly(&["tone", "--jsonl"], &input, 0);
    assert_ends_quietly(&["tone", "Vous auriez dû lire les conditions!!!"], "", 0);
    assert_ends_quietly(&["tone", "--json", "-"], "Allô, c'est ben correct 👍", 0);
}
