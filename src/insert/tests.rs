use super::*;

fn exp(before: &str, prefix: &str, text: &str, suffix: &str) -> Expectation {
    Expectation {
        before: before.into(),
        prefix: prefix.into(),
        text: text.into(),
        suffix: suffix.into(),
    }
}

const MERCI: &str =
    "Bonjour Chloé ! 👋🏽\n\nMerci pour votre message, on regarde ça.\nÀ bientôt, l’équipe ✅";

#[test]
fn messages_from_the_picker_and_the_trigger_parse() {
    let cases = [
        (
            r#"{"kind":"insert_text","text":"Merci Chloé 🙏"}"#,
            ContentMessage::InsertText {
                text: "Merci Chloé 🙏".into(),
                cursor: None,
                trigger: None,
            },
        ),
        (
            r#"{"kind":"insert_text","text":"Allo Gaétan,\n\nBonne journée!","cursor":12}"#,
            ContentMessage::InsertText {
                text: "Allo Gaétan,\n\nBonne journée!".into(),
                cursor: Some(12),
                trigger: None,
            },
        ),
        (
            r#"{"kind":"insert_text","text":"Thanks!","cursor":null,"trigger":";merci"}"#,
            ContentMessage::InsertText {
                text: "Thanks!".into(),
                cursor: None,
                trigger: Some(";merci".into()),
            },
        ),
    ];
    for (json, want) in cases {
        let got: ContentMessage = serde_json::from_str(json).unwrap();
        assert_eq!(got, want, "{json}");
        let back: ContentMessage =
            serde_json::from_str(&serde_json::to_string(&got).unwrap()).unwrap();
        assert_eq!(back, want);
    }
    for bad in [
        r#"{"kind":"insert_html","text":"<b>x</b>"}"#,
        r#"{"kind":"insert_text"}"#,
        r#"{"text":"Merci"}"#,
        r#"{"kind":"insert_text","text":"x","cursor":-1}"#,
    ] {
        assert!(
            serde_json::from_str::<ContentMessage>(bad).is_err(),
            "{bad}"
        );
    }
}

/// A JSON value's field as the content script reads it off the JS object (`JSON.parse` of the
/// same text): what [`ContentMessage::from_fields`] is given in the browser.
fn js_field(v: &serde_json::Value, name: &str) -> Field {
    match v.get(name) {
        None => Field::Absent,
        Some(serde_json::Value::Null) => Field::Null,
        Some(serde_json::Value::String(s)) => Field::Text(s.clone()),
        Some(serde_json::Value::Number(n)) => n.as_f64().map_or(Field::Other, Field::Number),
        Some(_) => Field::Other,
    }
}

#[test]
fn the_in_page_reader_accepts_and_refuses_what_serde_does() {
    let messages = [
        r#"{"kind":"insert_text","text":"Merci Chloé 🙏"}"#,
        r#"{"kind":"insert_text","text":"Allo Gaétan,\n\nBonne journée!","cursor":12}"#,
        r#"{"kind":"insert_text","text":"Thanks!","cursor":null,"trigger":";merci"}"#,
        r#"{"kind":"insert_text","text":"","cursor":0,"trigger":""}"#,
        r#"{"kind":"insert_text","text":"Bonjour « Zoé » 👩🏽‍💻","cursor":4294967295}"#,
        r#"{"kind":"insert_text","text":"x","cursor":4294967296}"#,
        r#"{"kind":"insert_text","text":"x","cursor":-1}"#,
        r#"{"kind":"insert_text","text":"x","cursor":1.5}"#,
        r#"{"kind":"insert_text","text":"x","cursor":"3"}"#,
        r#"{"kind":"insert_text","text":"x","cursor":true}"#,
        r#"{"kind":"insert_text","text":"x","trigger":7}"#,
        r#"{"kind":"insert_text","text":"x","trigger":[";a"]}"#,
        r#"{"kind":"insert_text","text":"x","extra":{"a":1}}"#,
        r#"{"kind":"insert_text","text":null}"#,
        r#"{"kind":"insert_text","text":42}"#,
        r#"{"kind":"insert_text"}"#,
        r#"{"kind":"insert_html","text":"<b>x</b>"}"#,
        r#"{"kind":"INSERT_TEXT","text":"x"}"#,
        r#"{"kind":null,"text":"x"}"#,
        r#"{"text":"Merci"}"#,
        r#"{}"#,
    ];
    let mut accepted = 0;
    for json in messages {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let by_serde = serde_json::from_str::<ContentMessage>(json).ok();
        let by_fields = ContentMessage::from_fields(|name| js_field(&value, name));
        assert_eq!(by_fields, by_serde, "{json}");
        accepted += usize::from(by_fields.is_some());
    }
    assert_eq!(accepted, 6, "the table has both kinds of cases");
}

#[test]
fn the_mode_follows_trigger_then_selection() {
    assert_eq!(
        Mode::choose(Some(";merci"), false),
        Mode::ReplaceTrigger(";merci".into())
    );
    assert_eq!(
        Mode::choose(Some(";merci"), true),
        Mode::ReplaceTrigger(";merci".into())
    );
    assert_eq!(Mode::choose(Some(""), true), Mode::ReplaceSelection);
    assert_eq!(Mode::choose(None, true), Mode::ReplaceSelection);
    assert_eq!(Mode::choose(None, false), Mode::AtCaret);
}

#[test]
fn rich_read_back_is_judged_whitespace_insensitively() {
    let e = exp("Salut  — fin", "Salut ", MERCI, " — fin");
    let right = [
        // as typed
        format!("Salut {MERCI} — fin"),
        // a blank line kept as two breaks, non-breaking spaces, a trailing space dropped
        "Salut Bonjour Chloé\u{a0}! 👋🏽\n\n\nMerci pour votre message, on regarde ça.\nÀ bientôt, l’équipe ✅ — fin".to_string(),
        // ProseMirror merges the blank line, as a real paste does
        "Salut Bonjour Chloé ! 👋🏽\nMerci pour votre message, on regarde ça.\nÀ bientôt, l’équipe ✅ — fin".to_string(),
    ];
    for now in &right {
        assert_eq!(judge_rich(now, &e), Outcome::Right, "{now:?}");
    }
    let unchanged = ["Salut  — fin", "Salut — fin", "Salut\u{a0}— fin\n"];
    for now in unchanged {
        assert_eq!(judge_rich(now, &e), Outcome::Unchanged, "{now:?}");
    }
    let wrong = [
        // Draft.js + multi-line execCommand: the model keeps the last paragraph only
        "Salut À bientôt, l’équipe ✅ — fin".to_string(),
        // lines glued: the post would read as one sentence
        "Salut Bonjour Chloé ! 👋🏽 Merci pour votre message, on regarde ça. À bientôt, l’équipe ✅ — fin".to_string(),
        // inserted twice (two techniques stacked)
        format!("Salut {MERCI}{MERCI} — fin"),
        // the text after the caret dropped (Lexical when its DOM is rewritten)
        format!("Salut {MERCI}"),
        // an accent lost
        format!("Salut {} — fin", MERCI.replace('é', "e")),
    ];
    for now in &wrong {
        assert_eq!(judge_rich(now, &e), Outcome::Wrong, "{now:?}");
    }
}

#[test]
fn a_trigger_still_there_is_unchanged_and_its_replacement_right() {
    let e = exp("Merci ;merci", "Merci ", "Thanks a lot, Zoë 🇨🇦!", "");
    assert_eq!(judge_rich("Merci ;merci", &e), Outcome::Unchanged);
    assert_eq!(
        judge_rich("Merci Thanks a lot, Zoë 🇨🇦!", &e),
        Outcome::Right
    );
    // inserted after the trigger instead of over it
    assert_eq!(
        judge_rich("Merci ;merciThanks a lot, Zoë 🇨🇦!", &e),
        Outcome::Wrong
    );
}

#[test]
fn text_fields_are_judged_exactly() {
    let e = exp("Bonjour !", "Bonjour", " Chloé", " !");
    assert_eq!(judge_field("Bonjour Chloé !", &e), Outcome::Right);
    assert_eq!(judge_field("Bonjour !", &e), Outcome::Unchanged);
    assert_eq!(judge_field("Bonjour  Chloé !", &e), Outcome::Wrong);
    assert_eq!(judge_field("Bonjour Chloé", &e), Outcome::Wrong);
    let e = exp("", "", "Ligne 1\n\nLigne 3", "");
    assert_eq!(judge_field("Ligne 1\nLigne 3", &e), Outcome::Wrong);
    assert_eq!(judge_field("Ligne 1\n\nLigne 3", &e), Outcome::Right);
}

#[test]
fn glued_lines_are_found_only_when_a_break_is_lost() {
    let text = "Bonjour Chloé,\n\nMerci !\nL’équipe";
    let cases = [
        ("Bonjour Chloé,\n\nMerci !\nL’équipe", false),
        ("Bonjour Chloé,\nMerci !\nL’équipe", false),
        ("Bonjour Chloé, Merci !\nL’équipe", true),
        ("Bonjour Chloé,\nMerci !L’équipe", true),
        ("avant Bonjour Chloé,\n\nMerci !\nL’équipe après", false),
        // a line missing is not "glued" (the comparison catches it)
        ("Bonjour Chloé,\nL’équipe", false),
    ];
    for (now, glued) in cases {
        assert_eq!(lines_glued(now, text), glued, "{now:?}");
    }
    assert!(!lines_glued("n’importe quoi", "une seule ligne"));
}

#[test]
fn the_caret_lands_at_the_cursor_or_after_the_text() {
    // UTF-16: 👋🏽 is 4 units and one character, é 1
    let cases: [(&str, &str, Option<u32>, u32, u32); 6] = [
        ("", "Merci !", None, 7, 0),
        ("Allo ", "Merci 👋🏽", None, 5 + 10, 0),
        ("Allo ", "Bonjour , merci", Some(8), 5 + 8, 7),
        ("", "Salut Zoë", Some(0), 0, 9),
        // the flag and the emoji with a skin tone are one character each; a line break one
        ("", "Bonjour  🇨🇦\n👋🏽 !", Some(8), 8, 6),
        // a cursor past the end is clamped
        ("é", "ok", Some(99), 3, 0),
    ];
    for (prefix, text, cursor, at, back) in cases {
        assert_eq!(caret_offset(prefix, text, cursor), at, "{text}");
        assert_eq!(caret_back(text, cursor), back, "{text}");
    }
}

#[test]
fn utf16_offsets_map_to_char_boundaries() {
    let s = "é👋🏽a";
    let cases = [(0, 0), (1, 2), (3, 6), (5, 10), (6, 11), (40, 11)];
    for (at16, byte) in cases {
        assert_eq!(byte_at16(s, at16), byte, "{at16}");
    }
    // an offset inside a surrogate pair lands after the character, never inside it
    assert!(s.is_char_boundary(byte_at16(s, 2)));
}

#[test]
fn the_text_survives_edits_around_it_but_not_its_loss() {
    let text = "Merci Chloé !\n\nÀ bientôt 👋🏽";
    assert!(survived("Merci Chloé !\n\nÀ bientôt 👋🏽", text));
    assert!(survived("x Merci Chloé !\nÀ bientôt 👋🏽 et la suite", text));
    assert!(!survived("", text));
    assert!(!survived("Merci Chloé !", text));
    assert!(!survived("À bientôt 👋🏽", text));
}

#[test]
fn lines_split_every_kind_of_break() {
    assert_eq!(lines("a\r\nb\rc\n\nd"), vec!["a", "b", "c", "", "d"]);
    assert_eq!(lines("seule"), vec!["seule"]);
    assert_eq!(lines("fin\n"), vec!["fin", ""]);
}

#[test]
fn only_the_extension_itself_may_ask() {
    let id = "abcdefghijklmnopabcdefghijklmnop";
    let base = "chrome-extension://abcdefghijklmnopabcdefghijklmnop/";
    let cases = [
        // the background
        (Some(id), false, None, true),
        // the picker's frame, an extension page inside a tab
        (
            Some(id),
            true,
            Some("chrome-extension://abcdefghijklmnopabcdefghijklmnop/picker.html"),
            true,
        ),
        // our own content script in another tab
        (Some(id), true, Some("https://x.com/home"), false),
        (Some(id), true, None, false),
        // another extension
        (Some("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"), false, None, false),
        (None, false, None, false),
        // a page pretending to be us by its path
        (
            Some(id),
            true,
            Some("https://evil.example/chrome-extension://abcdefghijklmnopabcdefghijklmnop/"),
            false,
        ),
    ];
    for (sender, tab, url, ok) in cases {
        assert_eq!(
            sender_allowed(sender, id, tab, url, base),
            ok,
            "{sender:?} {tab} {url:?}"
        );
    }
    // Firefox: moz-extension origins
    assert!(sender_allowed(
        Some("porte-voix@example"),
        "porte-voix@example",
        true,
        Some("moz-extension://1234-uuid/picker.html"),
        "moz-extension://1234-uuid/"
    ));
}

#[test]
fn every_error_has_its_code_in_the_insert_area() {
    let codes: Vec<&str> = InsertError::ALL.iter().map(|e| e.code()).collect();
    for c in &codes {
        assert!(c.starts_with("insert."), "{c}");
    }
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), codes.len());
}

#[test]
fn every_error_has_its_message_in_french_and_english() {
    for lang in ["fr", "en"] {
        let path = format!(
            "{}/extension/_locales/{lang}/messages.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let messages: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for e in InsertError::ALL {
            let key = crate::error::message_key(e.code());
            let text = messages[&key]["message"].as_str().unwrap_or("");
            assert!(!text.is_empty(), "{key} missing in {lang}");
            if lang == "fr" {
                // French typography: a non-breaking space before the colon
                assert!(!text.contains(" :"), "{key}: {text}");
            }
        }
    }
}

#[test]
fn typing_on_after_a_right_insertion_keeps_it_right() {
    let e = exp("Salut  — fin", "Salut ", MERCI, " — fin");
    let typed = format!("Salut {MERCI} À bientôt ! 🙏 — fin");
    for field in [false, true] {
        // right at the first read, typed on before the second: still right
        assert_eq!(
            judge_again(Outcome::Right, &typed, &e, field),
            Outcome::Right,
            "{field}"
        );
        // right twice
        let exact = format!("Salut {MERCI} — fin");
        assert_eq!(
            judge_again(Outcome::Right, &exact, &e, field),
            Outcome::Right
        );
        // right at first, then reverted, cut or doubled by the editor: wrong
        let later_wrong = [
            "Salut  — fin".to_string(),
            format!("Salut {}", &MERCI[..10]),
            format!("Salut {MERCI}{MERCI} — fin"),
            format!("Salut {MERCI} ok {MERCI} — fin"),
            format!("Salut {MERCI} À bientôt"),
        ];
        for now in &later_wrong {
            assert_eq!(
                judge_again(Outcome::Right, now, &e, field),
                Outcome::Wrong,
                "{now:?}"
            );
        }
        // more text after an attempt that had no visible effect at first is not the user's typing
        assert_eq!(
            judge_again(Outcome::Unchanged, &typed, &e, field),
            Outcome::Wrong
        );
        assert_eq!(
            judge_again(Outcome::Unchanged, "Salut  — fin", &e, field),
            Outcome::Unchanged
        );
        // an editor that re-rendered into the right text by the second read
        assert_eq!(
            judge_again(Outcome::Wrong, &exact, &e, field),
            Outcome::Right
        );
    }
}

#[test]
fn the_user_takes_the_composer_over_only_from_an_attempt_that_had_effect() {
    // (text before the attempt, text when the user acted — before their action applied, field)
    let taken = [
        // Ctrl+Z pressed at once after the paste into Draft.js / Lexical: the text was in
        ("Bonjour ;merci", format!("Bonjour {MERCI}"), false),
        // typing went on right after the template (textarea): the value had changed
        (
            "Merci ;merci",
            "Merci Thanks a lot, Zoë 🇨🇦!".to_string(),
            true,
        ),
        // an attempt with a wrong effect (a paragraph lost) is the user's too once they act
        ("Salut ", "Salut À bientôt, l’équipe ✅".to_string(), false),
        // into an empty composer, Québec French with emoji
        ("", "Allô Chloé, merci ben gros 🙏".to_string(), false),
        // a text field counts one more space
        ("Bonjour !", "Bonjour  !".to_string(), true),
    ];
    for (before, then, field) in &taken {
        assert!(taken_over(before, Some(then), *field), "{then:?}");
    }
    let not_taken = [
        // the attempt had no effect yet (a paste a textarea ignores): its read-back judges it
        ("Bonjour ;merci", Some("Bonjour ;merci"), false),
        ("Merci ;merci", Some("Merci ;merci"), true),
        // a rich editor's whitespace only (a non-breaking space, a trailing break) is no effect
        ("Salut — fin", Some("Salut\u{a0}— fin\n"), false),
        // the user did nothing
        ("Bonjour ", None, false),
        ("", None, true),
    ];
    for (before, then, field) in not_taken {
        assert!(!taken_over(before, then, field), "{then:?}");
    }
}
