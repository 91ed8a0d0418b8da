//! Reply requests served from an in-memory library: the starter library installed through the
//! store requests, then triggers, renders, search and use counts as a page asks them.

use super::*;
use crate::protocol::{serve, BackgroundState, Envelope, Request, Response, Sender};
use crate::store::memory::{now_or_never, MemoryStore};
use crate::template::starter::starter;

const ORIGIN: &str = "chrome-extension://abcdefghijklmnopabcdefghijklmnop/";

fn library_page() -> Sender {
    Sender {
        url: Some(format!("{ORIGIN}library.html")),
        extension_origin: Some(ORIGIN.into()),
        ..Sender::default()
    }
}

fn x_tab() -> Sender {
    Sender {
        tab_id: Some(7),
        url: Some("https://x.com/marieeve/status/1".into()),
        extension_origin: Some(ORIGIN.into()),
        ..Sender::default()
    }
}

fn ask(store: &MemoryStore, id: &str, body: Request, sender: &Sender, now: u64) -> Response {
    let mut st = BackgroundState::default();
    let env = Envelope::new(id, body);
    now_or_never(serve(&mut st, &env, sender, store, now))
        .unwrap()
        .0
}

/// A store holding the starter library, put as the library page does.
fn library() -> MemoryStore {
    let store = MemoryStore::new().unwrap();
    for (i, t) in starter().into_iter().enumerate() {
        let put = Request::StorePut {
            collection: Collection::Templates,
            id: t.id.clone(),
            expected_revision: None,
            body: serde_json::to_value(&t).unwrap(),
        };
        let r = ask(&store, &format!("put-{i}"), put, &library_page(), 1_000);
        assert!(matches!(r, Response::StoreSaved { .. }), "{r:?}");
    }
    store
}

fn render(store: &MemoryStore, r: RenderRequest) -> RenderAnswer {
    match ask(store, "r", Request::Render(Box::new(r)), &x_tab(), 2_000) {
        Response::Rendered(a) => *a,
        other => panic!("{other:?}"),
    }
}

fn by_trigger(trigger: &str, context: PageContext, platform: Option<Platform>) -> RenderRequest {
    RenderRequest {
        id: None,
        trigger: Some(trigger.into()),
        context,
        platform,
        values: Filled::default(),
    }
}

#[test]
fn a_page_gets_the_triggers_only() {
    let store = library();
    let Response::Triggers { triggers } = ask(&store, "t", Request::TriggerList, &x_tab(), 0)
    else {
        panic!()
    };
    let expected: std::collections::BTreeSet<String> =
        starter().into_iter().filter_map(|t| t.trigger).collect();
    assert_eq!(triggers, expected.into_iter().collect::<Vec<_>>());
    assert!(triggers.contains(&";merci".to_string()));
    // the answer carries no body: no template's text is in it
    let json = serde_json::to_string(&Response::Triggers { triggers }).unwrap();
    assert!(!json.contains("plaisir"), "{json}");
    // the library itself stays closed to the page
    let list = Request::StoreList {
        collection: Collection::Templates,
    };
    assert!(
        matches!(ask(&store, "l", list, &x_tab(), 0), Response::Error { code, .. } if code == "protocol.forbidden")
    );
}

#[test]
fn a_trigger_renders_with_the_first_name_in_the_comments_language() {
    let store = library();
    let cases: &[(&str, Option<&str>, &str, &str)] = &[
        // display name as the page shows it, comment language, user language, expected text start
        (
            "Dr Marie-Ève Tremblay, PhD",
            None,
            "fr-CA",
            "Merci beaucoup Marie-Ève\u{202f}!",
        ),
        (
            "JEAN-FRANÇOIS ROY 🇨🇦",
            Some("fr"),
            "fr-FR",
            "Merci beaucoup Jean-François\u{202f}!",
        ),
        (
            "chloé dubois",
            Some("en"),
            "fr-CA",
            "Thank you so much Chloé!",
        ),
        (
            "Boulangerie Chez Paul",
            None,
            "fr-CA",
            "Merci beaucoup\u{202f}!",
        ),
        // markup is no first name: the variable is left out
        (
            "<img src=x onerror=alert(1)>",
            Some("en-US"),
            "fr-CA",
            "Thank you so much!",
        ),
    ];
    for (author, comment_lang, lang, start) in cases {
        let context = PageContext {
            author: Some(author.to_string()),
            comment_lang: comment_lang.map(str::to_string),
            lang: Some(lang.to_string()),
            now: Some("2026-11-24T10:00:00-05:00".into()),
            ..PageContext::default()
        };
        let a = render(&store, by_trigger(";merci", context, Some(Platform::X)));
        assert!(a.text.starts_with(start), "{author}: {:?}", a.text);
        assert!(a.errors.is_empty() && a.fields.is_empty());
        assert_eq!(a.fits, Some(true));
        assert_eq!(a.id, "starter.merci");
    }
}

#[test]
fn names_read_from_the_page_are_text_in_full_name_and_handle() {
    let store = library();
    let mut t = Template::new(
        "mine.hello",
        "Hello",
        "Bonjour {{nom_complet}} ({{pseudo}}) !",
    );
    t.trigger = Some(";salut".into());
    let put = Request::StorePut {
        collection: Collection::Templates,
        id: t.id.clone(),
        expected_revision: None,
        body: serde_json::to_value(&t).unwrap(),
    };
    assert!(matches!(
        ask(&store, "p", put, &library_page(), 5),
        Response::StoreSaved { .. }
    ));
    let context = PageContext {
        author: Some("<img src=x onerror=alert(1)>".into()),
        handle: Some("@\"><script>".into()),
        ..PageContext::default()
    };
    let a = render(&store, by_trigger(";salut", context, None));
    // text in, text out: no character of the markup is escaped or dropped
    assert!(a.text.contains("(@\"><script>)"), "{}", a.text);
    assert!(
        a.text
            .to_lowercase()
            .contains("<img src=x onerror=alert(1)>"),
        "{}",
        a.text
    );
}

#[test]
fn an_unknown_trigger_is_an_error_with_a_code() {
    let store = library();
    let r = ask(
        &store,
        "r",
        Request::Render(Box::new(by_trigger(";nope", PageContext::default(), None))),
        &x_tab(),
        0,
    );
    assert!(matches!(r, Response::Error { code, .. } if code == "reply.unknown_template"));
}

#[test]
fn fill_in_fields_are_reported_and_filled() {
    let store = library();
    let t = starter()
        .into_iter()
        .find(|t| t.body.contains("{{champ:"))
        .unwrap();
    let mut r = RenderRequest {
        id: Some(t.id.clone()),
        trigger: None,
        context: PageContext {
            lang: t.lang.map(|l| l.tag().to_string()),
            ..PageContext::default()
        },
        platform: None,
        values: Filled::default(),
    };
    let empty = render(&store, r.clone());
    assert!(!empty.fields.is_empty());
    for f in &empty.fields {
        r.values.fields.insert(f.clone(), "4821".into());
    }
    let filled = render(&store, r);
    assert!(filled.text.contains("4821"), "{}", filled.text);
}

#[test]
fn use_counts_order_the_empty_search_and_a_retry_counts_once() {
    let store = library();
    let used = |id: &str, req: &str, now: u64| {
        ask(
            &store,
            req,
            Request::TemplateUsed { id: id.into() },
            &x_tab(),
            now,
        )
    };
    assert_eq!(used("starter.merci", "u1", 10_000), Response::Ack);
    assert_eq!(used("starter.merci", "u1", 10_000), Response::Ack); // retried: same id
    assert_eq!(used("starter.merci-avis", "u2", 20_000), Response::Ack);
    let search = |q: &str| match ask(
        &store,
        "s",
        Request::TemplateSearch {
            query: q.into(),
            limit: Some(5),
        },
        &x_tab(),
        30_000,
    ) {
        Response::SearchResults { results } => results,
        other => panic!("{other:?}"),
    };
    let recent = search("");
    assert_eq!(recent[0].id, "starter.merci-avis");
    assert_eq!(recent[1].id, "starter.merci");
    assert_eq!(recent.len(), 5);
    let get = Request::StoreGet {
        collection: Collection::Templates,
        id: "starter.merci".into(),
    };
    let Response::StoreRecord { record: Some(r) } = ask(&store, "g", get, &library_page(), 0)
    else {
        panic!()
    };
    assert_eq!(r.body["uses"], 1);
    assert_eq!(r.body["last_used"], 10_000);
    // a query finds by trigger and title
    assert_eq!(search("merci")[0].trigger.as_deref(), Some(";merci"));
}

#[test]
fn without_a_moment_the_page_gets_utc_now() {
    let c = render_context(&PageContext::default(), 86_400_000 + 90 * 60_000);
    assert_eq!((c.now.day, c.now.minute, c.now.offset), (1, 90, 0));
    let c = render_context(
        &PageContext {
            now: Some("2026-11-24T10:00:00-05:00".into()),
            lang: Some("en".into()),
            ..PageContext::default()
        },
        0,
    );
    assert_eq!((c.now.minute, c.now.offset, c.lang), (600, -300, Lang::En));
}

#[test]
fn every_reply_code_has_its_message_in_french_and_english() {
    use crate::error::Coded;
    for lang in ["fr", "en"] {
        let path = format!(
            "{}/extension/_locales/{lang}/messages.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let messages: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for e in ReplyError::ALL {
            assert!(e.code().starts_with("reply."));
            let key = crate::error::message_key(e.code());
            let text = messages[&key]["message"].as_str().unwrap_or("");
            assert!(!text.is_empty(), "{key} missing in {lang}");
            if lang == "fr" {
                assert!(
                    !text.contains(" :") && !text.contains(" !"),
                    "{key}: {text}"
                );
            }
        }
    }
}

#[test]
fn content_scripts_read_the_triggers_again_after_any_write_of_templates() {
    use crate::protocol::templates::ImportOutcome;
    let put = |collection| Request::StorePut {
        collection,
        id: "t1".into(),
        expected_revision: None,
        body: serde_json::json!({}),
    };
    let saved = Response::StoreSaved {
        record: crate::store::Record {
            id: "t1".into(),
            revision: 2,
            created: 1,
            updated: 2,
            deleted: false,
            body: serde_json::json!({}),
        },
    };
    let imported = |written| Response::TemplatesImported {
        outcome: ImportOutcome {
            written,
            conflicts: vec![],
        },
    };
    let import = Request::TemplatesImport { items: vec![] };
    let cases: Vec<(Request, Response, bool)> = vec![
        (put(Collection::Templates), saved.clone(), true),
        (put(Collection::Backlog), saved.clone(), false),
        (
            put(Collection::Templates),
            Response::Error {
                code: "store.conflict".into(),
                message: String::new(),
            },
            false,
        ),
        (
            Request::StoreDelete {
                collection: Collection::Templates,
                id: "t1".into(),
                expected_revision: Some(2),
            },
            saved.clone(),
            true,
        ),
        (import.clone(), imported(12), true),
        (import, imported(0), false),
        (
            Request::TemplatesInstallStarter,
            Response::TemplatesInstalled { added: 30 },
            true,
        ),
        (
            Request::TemplatesInstallStarter,
            Response::TemplatesInstalled { added: 0 },
            false,
        ),
        (
            Request::TemplateUsed { id: "t1".into() },
            Response::Ack,
            false,
        ),
    ];
    for (request, response, want) in cases {
        assert_eq!(
            changes_triggers(&request, &response),
            want,
            "{request:?} → {response:?}"
        );
    }
}
