//! The library's JSON export and import: a lossless round trip, the import plan (added,
//! merged, skipped with reasons), and hostile files refused whole with a coded error.
#![cfg(not(target_arch = "wasm32"))]

use porte_voix::error::Coded;
use porte_voix::platform::Platform;
use porte_voix::template::transfer::{
    export_json, plan_json_import, read_export, ImportError, SkipReason, MAX_BYTES,
};
use porte_voix::template::{Lang, Template, Variant};
use proptest::prelude::*;

fn tpl(id: &str, trigger: Option<&str>, revision: u32) -> Template {
    let mut t = Template::new(id, &format!("Titre {id}"), "Merci {{prenom}} !");
    t.trigger = trigger.map(str::to_string);
    t.revision = revision;
    t.updated = 1_700_000_000_000 + revision as i64;
    t
}

fn arb_lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::FrCa), Just(Lang::FrFr), Just(Lang::En)]
}

prop_compose! {
    fn arb_template()(
        id in "[a-z0-9.-]{1,12}",
        title in "\\PC{0,30}",
        lang in proptest::option::of(arb_lang()),
        body in "\\PC{0,80}",
        short in proptest::option::of("\\PC{0,30}"),
        variants in proptest::collection::vec(
            (arb_lang(), "\\PC{0,40}", proptest::option::of("\\PC{0,20}")), 0..3),
        trigger in proptest::option::of(";[a-zé]{1,10}"),
        tags in proptest::collection::vec("\\PC{0,10}", 0..4),
        networks in proptest::collection::vec(proptest::sample::select(Platform::ALL.to_vec()), 0..4),
        created in any::<i64>(),
        updated in any::<i64>(),
        revision in any::<u32>(),
        uses in any::<u32>(),
        last_used in proptest::option::of(any::<i64>()),
    ) -> Template {
        Template {
            id, title, lang, body, short,
            variants: variants.into_iter().map(|(lang, body, short)| Variant { lang, body, short }).collect(),
            trigger, tags, networks, created, updated, revision, uses, last_used,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn export_then_import_is_lossless(lib in proptest::collection::vec(arb_template(), 0..8)) {
        let json = export_json(&lib);
        prop_assert_eq!(read_export(&json).unwrap(), lib);
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        let _ = read_export(&s);
    }
}

#[test]
fn the_plan_adds_merges_and_skips_with_reasons() {
    let mut mine = tpl("a", Some(";merci"), 3);
    mine.uses = 40;
    mine.last_used = Some(99);
    let library = vec![
        mine.clone(),
        tpl("b", Some(";mp"), 1),
        tpl("c", Some(";rdv"), 5),
    ];
    let mut newer_a = tpl("a", Some(";merci"), 4);
    newer_a.body = "Merci beaucoup {{prenom}} !".into();
    let incoming = vec![
        newer_a,                           // merged (newer revision), keeps the local uses
        tpl("b", Some(";mp"), 1),          // unchanged
        tpl("c", None, 2),                 // older
        tpl("d", Some(";RDV"), 1),         // the trigger is c's
        tpl("e", Some("merci"), 1),        // not a trigger
        tpl("f", Some(";nouveau"), 1),     // added
        tpl("", None, 1),                  // no id
        Template::new("g", "vide", "   "), // empty body
        Template::new("h", "long", &"x".repeat(20_001)),
    ];
    let file = export_json(&incoming);
    let plan = plan_json_import(&library, &file).unwrap();
    let report = plan.report();
    assert_eq!(report.added, 1);
    assert_eq!(report.merged, 1);
    let reasons: Vec<(&str, SkipReason)> = report
        .skipped
        .iter()
        .map(|s| (s.id.as_str(), s.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("b", SkipReason::Unchanged),
            ("c", SkipReason::Older),
            ("d", SkipReason::TriggerTaken),
            ("e", SkipReason::TriggerInvalid),
            ("", SkipReason::BadId),
            ("g", SkipReason::EmptyBody),
            ("h", SkipReason::TooLong),
        ]
    );
    let mut lib = library.clone();
    plan.apply(&mut lib);
    assert_eq!(lib.len(), 4);
    let a = lib.iter().find(|t| t.id == "a").unwrap();
    assert_eq!((a.revision, a.uses, a.last_used), (4, 40, Some(99)));
    assert_eq!(a.body, "Merci beaucoup {{prenom}} !");
    assert!(lib.iter().any(|t| t.id == "f"));
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let file = export_json(&[tpl("a", Some(";a"), 1), tpl("b", Some(";b"), 1)]);
    let mut lib = Vec::new();
    plan_json_import(&lib, &file).unwrap().apply(&mut lib);
    let again = plan_json_import(&lib, &file).unwrap();
    assert_eq!((again.add.len(), again.merge.len()), (0, 0));
    assert!(again
        .skipped
        .iter()
        .all(|s| s.reason == SkipReason::Unchanged));
}

fn code_of(text: &str) -> &'static str {
    match plan_json_import(&[tpl("x", Some(";x"), 1)], text) {
        Ok(p) => panic!("accepted: {:?}", p.report()),
        Err(e) => e.code(),
    }
}

#[test]
fn hostile_files_are_refused_whole() {
    let wrap = |templates: &str| {
        format!(r#"{{"format": "porte-voix.templates", "version": 1, "templates": {templates}}}"#)
    };
    // 50 MB
    let huge = wrap(&format!(
        "[{{\"id\":\"a\",\"title\":\"t\",\"body\":\"{}\"}}]",
        "x".repeat(50 << 20)
    ));
    assert!(huge.len() > MAX_BYTES);
    assert_eq!(code_of(&huge), "template.import_too_large");
    // deep nesting, in and out of the templates
    assert_eq!(code_of(&"[".repeat(100_000)), "template.import_too_deep");
    assert_eq!(
        code_of(&wrap(&format!(
            "[{{\"id\":\"a\",\"title\":\"t\",\"body\":\"b\",\"tags\":{}1{}}}]",
            "[".repeat(50),
            "]".repeat(50)
        ))),
        "template.import_too_deep"
    );
    // brackets inside strings are text
    assert!(plan_json_import(
        &[],
        &wrap(r#"[{"id":"a","title":"[[[[[[[[[[[[[[[[[[[[","body":"{{{{{{{{{{{{{{{{{{{{{{{"}]"#)
    )
    .is_ok());
    // not JSON, not ours, a newer version
    assert_eq!(
        code_of("{\"format\": \"porte-voix.templates\""),
        "template.import_malformed"
    );
    assert_eq!(code_of(""), "template.import_malformed");
    assert_eq!(code_of("[]"), "template.import_not_library");
    assert_eq!(
        code_of(r#"{"templates": []}"#),
        "template.import_not_library"
    );
    assert_eq!(
        code_of(r#"{"format": "porte-voix.templates", "version": 2, "templates": []}"#),
        "template.import_version"
    );
    assert_eq!(
        code_of(r#"{"format": "porte-voix.templates", "version": "1", "templates": []}"#),
        "template.import_not_library"
    );
    // wrong types
    for bad in [
        r#"[{"id": 1, "title": "t", "body": "b"}]"#,
        r#"[{"id": "a", "title": "t", "body": ["b"]}]"#,
        r#"[{"id": "a", "title": "t", "body": "b", "networks": ["myspace"]}]"#,
        r#"[{"id": "a", "title": "t", "body": "b", "lang": "de"}]"#,
        r#"[{"id": "a", "title": "t", "body": "b", "revision": -1}]"#,
        r#"[{"id": "a", "title": "t"}]"#,
        r#"[null]"#,
        r#"{"a": 1}"#,
    ] {
        let code = code_of(&wrap(bad));
        assert!(
            code == "template.import_malformed" || code == "template.import_not_library",
            "{bad}: {code}"
        );
    }
    // duplicate ids, a trigger used twice (whatever the case)
    assert_eq!(
        code_of(&export_json(&[tpl("a", None, 1), tpl("a", None, 2)])),
        "template.import_duplicate_id"
    );
    assert_eq!(
        code_of(&export_json(&[
            tpl("a", Some(";merci"), 1),
            tpl("b", Some(";Merci"), 1)
        ])),
        "template.import_duplicate_trigger"
    );
    // too many
    let many: Vec<Template> = (0..20_001).map(|i| tpl(&i.to_string(), None, 1)).collect();
    assert_eq!(code_of(&export_json(&many)), "template.import_too_many");
}

#[test]
fn every_error_code_has_a_message_in_french_and_english() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let codes: Vec<&str> = [
        ImportError::TooLarge { bytes: 0, max: 0 },
        ImportError::TooDeep { max: 0 },
        ImportError::Malformed {
            detail: String::new(),
        },
        ImportError::NotALibrary,
        ImportError::Version {
            found: 2,
            supported: 1,
        },
        ImportError::TooMany { count: 0, max: 0 },
        ImportError::DuplicateId { id: String::new() },
        ImportError::DuplicateTrigger {
            trigger: String::new(),
        },
    ]
    .iter()
    .map(|e| e.code())
    .chain(
        [
            porte_voix::template::TemplateError::UnknownVariable,
            porte_voix::template::TemplateError::Unclosed,
            porte_voix::template::TemplateError::EmptyName,
            porte_voix::template::TemplateError::BadArgument,
            porte_voix::template::TemplateError::DuplicateCursor,
            porte_voix::template::TemplateError::TriggerInvalid,
            porte_voix::template::TemplateError::TooLong,
        ]
        .iter()
        .map(|e| e.code()),
    )
    .collect();
    for lang in ["fr", "en"] {
        let path = root.join(format!("extension/_locales/{lang}/messages.json"));
        let messages: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for code in &codes {
            let key = porte_voix::error::message_key(code);
            assert!(
                messages[&key]["message"]
                    .as_str()
                    .is_some_and(|m| !m.is_empty()),
                "{lang}: no {key}"
            );
        }
    }
}

/// A template may name any network (an import can), and so may a backlog item: the library page
/// names each one (`library_net_<id>`, as `web::library::list::network_key` builds the key) and the
/// backlog too (`network_<id>`, as `web::backlog::list::network_name` does), in both languages.
#[test]
fn every_network_a_template_can_name_has_a_name_in_both_languages() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for lang in ["fr", "en"] {
        let path = root.join(format!("extension/_locales/{lang}/messages.json"));
        let messages: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for p in porte_voix::platform::Platform::ALL {
            for prefix in ["library_net_", "network_"] {
                let key = format!("{prefix}{}", p.id().replace('-', "_"));
                assert!(
                    messages[&key]["message"]
                        .as_str()
                        .is_some_and(|m| !m.is_empty()),
                    "{lang}: no {key}"
                );
            }
        }
    }
}
