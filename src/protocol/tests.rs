//! The background's decisions: tabs, idempotence, who may ask what, and the store's path.

use super::*;
use crate::store::memory::{now_or_never, MemoryStore};
use serde_json::json;

/// Serves one request on a fresh in-memory store (requests that do not touch the store).
fn decide(st: &mut BackgroundState, env: &Envelope<Request>, sender: &Sender) -> (Response, bool) {
    let store = MemoryStore::new().unwrap();
    now_or_never(serve(st, env, sender, &store, 0)).unwrap()
}

fn on(store: &MemoryStore, env: &Envelope<Request>, sender: &Sender, now: u64) -> Response {
    let mut st = BackgroundState::default();
    now_or_never(serve(&mut st, env, sender, store, now))
        .unwrap()
        .0
}

const ORIGIN: &str = "chrome-extension://abcdefghijklmnopabcdefghijklmnop/";

fn page(path: &str) -> Sender {
    Sender {
        tab_id: None,
        url: Some(format!("{ORIGIN}{path}")),
        extension_origin: Some(ORIGIN.into()),
        ..Sender::default()
    }
}

fn env(id: &str, body: Request) -> Envelope<Request> {
    Envelope {
        protocol_version: PROTOCOL_VERSION,
        request_id: id.into(),
        body,
    }
}

fn x_tab() -> Sender {
    Sender {
        tab_id: Some(7),
        url: Some("https://x.com/home".into()),
        ..Sender::default()
    }
}

#[test]
fn hello_registers_the_tab_and_names_the_site() {
    let mut st = BackgroundState::default();
    let (r, changed) = decide(&mut st, &env("1", Request::Hello), &x_tab());
    assert!(changed);
    match r {
        Response::Hello { site, platform, .. } => {
            assert_eq!(site.as_deref(), Some("x"));
            assert_eq!(platform, Some(Platform::X));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(st.tabs["7"].site_name, "X");
    // the same hello again changes nothing
    assert!(!decide(&mut st, &env("2", Request::Hello), &x_tab()).1);
}

fn says_wasm_refused(st: &mut BackgroundState, id: &str, sender: &Sender) -> bool {
    match decide(st, &env(id, Request::Hello), sender).0 {
        Response::Hello { wasm_refused, .. } => wasm_refused,
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_host_that_refused_wasm_is_told_so_at_the_next_hello() {
    let mut st = BackgroundState::default();
    assert!(!says_wasm_refused(&mut st, "1", &x_tab()));
    let (r, changed) = decide(&mut st, &env("2", Request::WasmRefused), &x_tab());
    assert_eq!((r, changed), (Response::Ack, true));
    // any page of that host, in any tab, upper or lower case; not another host
    let other_tab = Sender {
        tab_id: Some(9),
        url: Some("https://X.com/compose/post".into()),
        ..Sender::default()
    };
    assert!(says_wasm_refused(&mut st, "3", &other_tab));
    let bluesky = Sender {
        tab_id: Some(9),
        url: Some("https://bsky.app/".into()),
        ..Sender::default()
    };
    assert!(!says_wasm_refused(&mut st, "4", &bluesky));
    // told again: nothing changes
    assert!(!decide(&mut st, &env("5", Request::WasmRefused), &other_tab).1);
    assert_eq!(st.wasm_refused, vec!["x.com".to_string()]);
    // it travels in the persisted state (session storage) and reads back
    let json = serde_json::to_string(&st).unwrap();
    let mut back: BackgroundState = serde_json::from_str(&json).unwrap();
    assert!(says_wasm_refused(&mut back, "6", &x_tab()));
    // a state persisted before this field existed reads as "nothing refused"
    let old: BackgroundState =
        serde_json::from_str(r#"{"schema":1,"tabs":{},"applied":[]}"#).unwrap();
    assert!(old.wasm_refused.is_empty());
}

#[test]
fn the_hosts_that_refused_wasm_are_bounded_the_oldest_forgotten() {
    let mut st = BackgroundState::default();
    let from = |h: String| Sender {
        tab_id: Some(1),
        url: Some(format!("https://{h}/")),
        ..Sender::default()
    };
    for i in 0..100 {
        decide(
            &mut st,
            &env(&format!("r{i}"), Request::WasmRefused),
            &from(format!("h{i}.example")),
        );
    }
    assert!(st.wasm_refused.len() < 100);
    assert!(says_wasm_refused(&mut st, "a", &from("h99.example".into())));
    assert!(!says_wasm_refused(&mut st, "b", &from("h0.example".into())));
    // a host told again moves to the most recent end
    let oldest = st.wasm_refused[0].clone();
    decide(
        &mut st,
        &env("again", Request::WasmRefused),
        &from(oldest.clone()),
    );
    assert_eq!(st.wasm_refused.last(), Some(&oldest));
}

#[test]
fn wasm_refused_without_a_page_is_ignored() {
    let mut st = BackgroundState::default();
    let none = Sender {
        tab_id: Some(1),
        url: None,
        ..Sender::default()
    };
    assert_eq!(
        decide(&mut st, &env("1", Request::WasmRefused), &none),
        (Response::Ack, false)
    );
    assert!(st.wasm_refused.is_empty());
}

#[test]
fn hello_from_an_unknown_site_registers_nothing() {
    let mut st = BackgroundState::default();
    let s = Sender {
        tab_id: Some(1),
        url: Some("https://example.org/".into()),
        ..Sender::default()
    };
    let (r, changed) = decide(&mut st, &env("1", Request::Hello), &s);
    assert!(!changed);
    assert!(matches!(r, Response::Hello { site: None, .. }));
    assert!(st.tabs.is_empty());
}

#[test]
fn hello_from_an_enabled_instance_is_a_mastodon_tab() {
    let mut st = BackgroundState::default();
    let mut s = Sender {
        tab_id: Some(3),
        url: Some("https://piaille.fr/home".into()),
        ..Sender::default()
    };
    // not served (not enabled, or access withdrawn): nothing registered
    let (r, _) = decide(&mut st, &env("1", Request::Hello), &s);
    assert!(matches!(r, Response::Hello { site: None, .. }));
    s.instances = vec!["piaille.fr".into()];
    let (r, changed) = decide(&mut st, &env("2", Request::Hello), &s);
    assert!(changed);
    assert!(matches!(
        r,
        Response::Hello {
            platform: Some(Platform::Mastodon),
            ..
        }
    ));
    assert_eq!(st.tabs["3"].site, "mastodon");
    assert_eq!(st.tabs["3"].host.as_deref(), Some("piaille.fr"));
}

#[test]
fn engine_ready_is_idempotent_by_request_id() {
    let mut st = BackgroundState::default();
    decide(&mut st, &env("1", Request::Hello), &x_tab());
    let ready = env(
        "r-1",
        Request::EngineReady {
            engine: Engine::Wasm2js,
        },
    );
    assert_eq!(decide(&mut st, &ready, &x_tab()), (Response::Ack, true));
    assert_eq!(decide(&mut st, &ready, &x_tab()), (Response::Ack, false));
    assert_eq!(st.applied, vec!["r-1".to_string()]);
    let (r, _) = decide(
        &mut st,
        &env("3", Request::TabStatus { tab_id: 7 }),
        &page("popup.html"),
    );
    match r {
        Response::TabStatus { tab: Some(t) } => assert_eq!(t.engine, Some(Engine::Wasm2js)),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn remembered_ids_are_bounded() {
    let mut st = BackgroundState::default();
    for i in 0..200 {
        decide(
            &mut st,
            &env(
                &format!("id{i}"),
                Request::EngineReady {
                    engine: Engine::Wasm,
                },
            ),
            &x_tab(),
        );
    }
    assert_eq!(st.applied.len(), REMEMBERED_IDS);
    assert_eq!(st.applied.last().map(String::as_str), Some("id199"));
}

#[test]
fn requests_round_trip_through_json_with_their_kind_tag() {
    let e = env("abc", Request::TabStatus { tab_id: 3 });
    let json = serde_json::to_string(&e).unwrap();
    assert!(json.contains(r#""kind":"tab_status""#), "{json}");
    assert_eq!(parse_request(&json).unwrap(), e);
}

#[test]
fn bad_messages_get_stable_error_codes() {
    let wrong = r#"{"protocol_version":99,"request_id":"1","body":{"kind":"hello"}}"#;
    assert_eq!(parse_request(wrong).unwrap_err().code(), "protocol.version");
    let unknown = r#"{"protocol_version":1,"request_id":"1","body":{"kind":"nope"}}"#;
    assert_eq!(
        parse_request(unknown).unwrap_err().code(),
        "protocol.malformed"
    );
    assert_eq!(parse_request("{").unwrap_err().code(), "protocol.malformed");
}

#[test]
fn count_is_served_in_the_background() {
    let mut st = BackgroundState::default();
    let req = env(
        "c",
        Request::Count {
            text: "Bonjour".into(),
            platform: Platform::Threads,
            options: CountOptions::default(),
        },
    );
    match decide(&mut st, &req, &Sender::default()).0 {
        Response::Count { report } => {
            assert_eq!(report.length, 7);
            assert_eq!(report.limit, 500);
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn the_sender_context_is_a_page_only_under_our_own_origin() {
    let moz = "moz-extension://4b5f0c1e-9d8a-4c1e-8f00-123456789abc/";
    let (options, popup, moz_options, evil) = (
        format!("{ORIGIN}options.html"),
        format!("{ORIGIN}popup.html"),
        format!("{moz}options.html"),
        format!("https://evil.example/?{ORIGIN}"),
    );
    type Case<'a> = (Option<&'a str>, Option<i64>, Option<&'a str>, Context);
    let cases: Vec<Case> = vec![
        (
            Some("https://x.com/home"),
            Some(3),
            Some(ORIGIN),
            Context::ContentScript,
        ),
        (Some(&options), None, Some(ORIGIN), Context::ExtensionPage),
        // the popup opened in a tab still is our page
        (Some(&popup), Some(9), Some(ORIGIN), Context::ExtensionPage),
        (Some(&moz_options), None, Some(moz), Context::ExtensionPage),
        // another extension's page is not ours
        (
            Some("chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/p.html"),
            None,
            Some(ORIGIN),
            Context::ContentScript,
        ),
        // a page whose URL merely contains our id
        (Some(&evil), Some(1), Some(ORIGIN), Context::ContentScript),
        // unknown origin or URL: the narrowest rights
        (Some(&options), None, None, Context::ContentScript),
        (Some(&options), None, Some(""), Context::ContentScript),
        (None, None, Some(ORIGIN), Context::ContentScript),
    ];
    for (url, tab, origin, want) in cases {
        let s = Sender {
            tab_id: tab,
            url: url.map(str::to_string),
            extension_origin: origin.map(str::to_string),
            ..Sender::default()
        };
        assert_eq!(s.context(), want, "{url:?} from {origin:?}");
    }
}

fn every_request_kind() -> Vec<Request> {
    vec![
        Request::Hello,
        Request::EngineReady {
            engine: Engine::Wasm,
        },
        Request::TabLimit {
            platform: Platform::X,
            limit: 280,
        },
        Request::TabStatus { tab_id: 1 },
        Request::Count {
            text: "Allô".into(),
            platform: Platform::Mastodon,
            options: CountOptions::default(),
        },
        Request::StorePut {
            collection: Collection::Templates,
            id: "t".into(),
            expected_revision: None,
            body: json!({}),
        },
        Request::StoreDelete {
            collection: Collection::Backlog,
            id: "b".into(),
            expected_revision: None,
        },
        Request::StoreGet {
            collection: Collection::Templates,
            id: "t".into(),
        },
        Request::StoreList {
            collection: Collection::Backlog,
        },
        Request::TemplatesInstallStarter,
        Request::TemplatesImport {
            items: vec![super::templates::ImportItem {
                id: "i".into(),
                expected_revision: None,
                body: json!({"id": "i", "title": "Merci", "body": "Merci !"}),
            }],
        },
    ]
}

#[test]
fn a_content_script_may_not_read_or_write_the_library_or_the_backlog() {
    let allowed = ["hello", "engine_ready", "tab_limit", "count"];
    for req in every_request_kind() {
        let kind = req.kind();
        // the kind tag is the serialised one
        assert_eq!(serde_json::to_value(&req).unwrap()["kind"], kind);
        let store = MemoryStore::new().unwrap();
        let mut st = BackgroundState::default();
        let (r, changed) =
            now_or_never(serve(&mut st, &env("f", req.clone()), &x_tab(), &store, 5)).unwrap();
        if allowed.contains(&kind) {
            assert!(
                !matches!(&r, Response::Error { code, .. } if code == "protocol.forbidden"),
                "{kind}: {r:?}"
            );
        } else {
            match &r {
                Response::Error { code, message } => {
                    assert_eq!(code, "protocol.forbidden", "{kind}");
                    assert!(message.contains(kind), "{message}");
                }
                other => panic!("{kind} from a content script was served: {other:?}"),
            }
            assert!(!changed);
            // and nothing reached the store
            assert_eq!(
                store.snapshot(),
                MemoryStore::new().unwrap().snapshot(),
                "{kind}"
            );
        }
        // our own pages may send every kind
        let (r, _) = now_or_never(serve(
            &mut st,
            &env("g", req),
            &page("options.html"),
            &store,
            6,
        ))
        .unwrap();
        assert!(
            !matches!(&r, Response::Error { code, .. } if code == "protocol.forbidden"),
            "{kind}: {r:?}"
        );
    }
}

#[test]
fn a_page_puts_gets_lists_and_deletes_records_through_the_background() {
    let store = MemoryStore::new().unwrap();
    let options = page("options.html");
    let put = |id: &str, rev: Option<u64>, title: &str| Request::StorePut {
        collection: Collection::Templates,
        id: id.into(),
        expected_revision: rev,
        body: json!({"title": title, "body": "Merci {{prenom}} !"}),
    };
    let saved = match on(
        &store,
        &env("p1", put("t1", None, "Remerciement")),
        &options,
        100,
    ) {
        Response::StoreSaved { record } => record,
        other => panic!("{other:?}"),
    };
    assert_eq!((saved.revision, saved.created), (1, 100));
    // the retry of the same request (worker stopped before answering) is not a second record
    // and not a conflict
    assert_eq!(
        on(
            &store,
            &env("p1", put("t1", None, "Remerciement")),
            &options,
            200
        ),
        Response::StoreSaved {
            record: saved.clone()
        }
    );
    // a second page still holding revision 1 after an update elsewhere is refused
    on(
        &store,
        &env("p2", put("t1", Some(1), "Merci, Québec")),
        &options,
        300,
    );
    match on(
        &store,
        &env("p3", put("t1", Some(1), "Merci, France")),
        &options,
        400,
    ) {
        Response::Error { code, .. } => assert_eq!(code, "store.conflict"),
        other => panic!("{other:?}"),
    }
    let get = env(
        "g",
        Request::StoreGet {
            collection: Collection::Templates,
            id: "t1".into(),
        },
    );
    match on(&store, &get, &options, 0) {
        Response::StoreRecord { record: Some(r) } => {
            assert_eq!(r.revision, 2);
            assert_eq!(r.body["title"], "Merci, Québec");
        }
        other => panic!("{other:?}"),
    }
    on(
        &store,
        &env("p4", put("t2", None, "Excuses")),
        &options,
        500,
    );
    let list = env(
        "l",
        Request::StoreList {
            collection: Collection::Templates,
        },
    );
    let ids = |r: Response| match r {
        Response::StoreRecords { records } => records.into_iter().map(|r| r.id).collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert_eq!(ids(on(&store, &list, &options, 0)), ["t1", "t2"]);
    let del = env(
        "d",
        Request::StoreDelete {
            collection: Collection::Templates,
            id: "t1".into(),
            expected_revision: Some(2),
        },
    );
    match on(&store, &del, &options, 600) {
        Response::StoreSaved { record } => assert!(record.deleted && record.revision == 3),
        other => panic!("{other:?}"),
    }
    assert_eq!(ids(on(&store, &list, &options, 0)), ["t2"]);
    assert_eq!(
        on(&store, &get, &options, 0),
        Response::StoreRecord { record: None }
    );
}

#[test]
fn the_tab_limit_is_what_the_popup_reads() {
    let mut st = BackgroundState::default();
    decide(&mut st, &env("1", Request::Hello), &x_tab());
    let status = |st: &mut BackgroundState| match decide(
        st,
        &env("s", Request::TabStatus { tab_id: 7 }),
        &page("popup.html"),
    )
    .0
    {
        Response::TabStatus { tab: Some(t) } => t.limit,
        other => panic!("{other:?}"),
    };
    assert_eq!(status(&mut st), None, "not reported before the core loads");
    let lim = |platform, limit| env("l", Request::TabLimit { platform, limit });
    assert_eq!(
        decide(&mut st, &lim(Platform::X, 25_000), &x_tab()),
        (Response::Ack, true)
    );
    assert_eq!(status(&mut st), Some(25_000));
    assert_eq!(
        decide(&mut st, &lim(Platform::X, 25_000), &x_tab()),
        (Response::Ack, false)
    );
    // another platform's limit is not this tab's
    assert!(!decide(&mut st, &lim(Platform::Bluesky, 300), &x_tab()).1);
    assert_eq!(status(&mut st), Some(25_000));
    // a content script on a tab the background does not know changes nothing
    let other = Sender {
        tab_id: Some(99),
        ..x_tab()
    };
    assert_eq!(
        decide(&mut st, &lim(Platform::X, 280), &other),
        (Response::Ack, false)
    );
}

#[test]
fn responses_read_back_typed_from_their_json() {
    let cases = vec![
        Response::Ack,
        Response::Hello {
            version: "0.1.0".into(),
            site: Some("mastodon".into()),
            platform: Some(Platform::Mastodon),
            wasm_refused: false,
        },
        Response::Hello {
            version: "0.1.0".into(),
            site: Some("x".into()),
            platform: Some(Platform::X),
            wasm_refused: true,
        },
        Response::TabStatus {
            tab: Some(TabInfo {
                site: "x".into(),
                site_name: "X".into(),
                platform: Platform::X,
                engine: Some(Engine::Wasm2js),
                host: Some("x.com".into()),
                limit: Some(280),
            }),
        },
        Response::TabStatus { tab: None },
        Response::StoreRecord { record: None },
        Response::Error {
            code: "store.conflict".into(),
            message: "changed".into(),
        },
    ];
    for r in cases {
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(
            serde_json::from_str::<Response>(&json).unwrap(),
            r,
            "{json}"
        );
    }
    // a tab status stored by an older version (no limit field) still reads
    let old = r#"{"kind":"tab_status","tab":{"site":"x","site_name":"X","platform":"x","engine":"wasm"}}"#;
    assert!(matches!(
        serde_json::from_str::<Response>(old).unwrap(),
        Response::TabStatus {
            tab: Some(TabInfo { limit: None, .. })
        }
    ));
}

#[test]
fn the_tab_limit_written_by_hand_is_the_request_serde_writes_and_reads() {
    for &platform in Platform::ALL {
        for limit in [0, 1, 280, 300, 500, 25_000, u32::MAX] {
            for id in AWKWARD_IDS {
                let text = tab_limit_json(id, platform, limit);
                let expected = Envelope::new(id, Request::TabLimit { platform, limit });
                let ours: serde_json::Value = serde_json::from_str(&text).unwrap();
                assert_eq!(ours, serde_json::to_value(&expected).unwrap(), "{text}");
                assert_eq!(parse_request(&text).unwrap(), expected, "{text}");
            }
        }
    }
}

const AWKWARD_IDS: [&str; 7] = [
    "18c3f2a9b10-0badc0de",
    "",
    "a \"quoted\" id",
    "back\\slash",
    "line\nbreak\ttab\r",
    "bell\u{7}\u{1f}",
    "émoji 👩🏽‍💻 « id »",
];

/// Each request the in-page engine writes by hand is the JSON serde writes for it, and the
/// background reads it back as that request.
#[test]
fn the_page_requests_written_by_hand_are_the_requests_serde_writes_and_reads() {
    use reply::{Filled, PageContext, RenderRequest};
    let check = |text: String, expected: Envelope<Request>| {
        let ours: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(ours, serde_json::to_value(&expected).unwrap(), "{text}");
        assert_eq!(parse_request(&text).unwrap(), expected, "{text}");
    };
    let renders = [
        RenderRequest {
            id: None,
            trigger: Some(";merci".into()),
            context: PageContext::default(),
            platform: None,
            values: Filled::default(),
        },
        RenderRequest {
            id: Some("starter.commande".into()),
            trigger: None,
            context: PageContext {
                author: Some("<img src=x onerror=alert(1)> \"Dre\" Anne-Sophie ✨".into()),
                handle: Some("@anne_so\\phie".into()),
                comment_lang: Some("fr-CA".into()),
                brand: Some("Café Chez Camille ☕".into()),
                url: Some("https://x.com/cafe/status/1?s=20#:~:text=a".into()),
                page_title: Some("Ligne 1\nligne 2\t«»".into()),
                now: Some("2026-11-24T10:00:00-05:00".into()),
                lang: Some("fr".into()),
            },
            platform: Some(Platform::Bluesky),
            values: Filled {
                fields: [("Numéro de commande".to_string(), "4821 \"B\"".to_string())].into(),
                choices: vec![0, 2],
            },
        },
    ];
    for id in AWKWARD_IDS {
        check(
            page::trigger_list_json(id),
            Envelope::new(id, Request::TriggerList),
        );
        for template in ["starter.merci", "", "id \"x\" \\ é 🙂"] {
            check(
                page::template_used_json(id, template),
                Envelope::new(
                    id,
                    Request::TemplateUsed {
                        id: template.into(),
                    },
                ),
            );
        }
        for r in &renders {
            // the picker's state carries the same context, read by the frame with serde
            for (open, closed, template) in [
                (Some(3), None, None),
                (Some(4), None, Some("t-\"délai\" 🎉".to_string())),
                (None, Some(3), None),
                (None, None, None),
            ] {
                let state = reply::PickerState {
                    context: r.context.clone(),
                    platform: r.platform,
                    open,
                    closed,
                    template,
                };
                let text = page::picker_state_json(&state);
                let ours: serde_json::Value = serde_json::from_str(&text).unwrap();
                assert_eq!(ours, serde_json::to_value(&state).unwrap(), "{text}");
                assert_eq!(
                    serde_json::from_str::<reply::PickerState>(&text).unwrap(),
                    state
                );
            }
            check(
                page::render_json(id, r),
                Envelope::new(id, Request::Render(Box::new(r.clone()))),
            );
        }
    }
}

/// A page reads the answers its requests get as serde writes them, and anything else as
/// unexpected, with its kind.
#[test]
fn a_page_reads_the_answers_serde_writes() {
    use page::PageAnswer;
    let rendered = reply::RenderAnswer {
        id: "starter.merci".into(),
        text: "Merci beaucoup Marie-Ève ! 😊\n\nÀ bientôt".into(),
        cursor: Some(12),
        fields: vec!["Numéro de commande".into()],
        choices: vec![vec!["Bonjour".into(), "Salut".into()]],
        left_out: vec!["prenom".into()],
        errors: vec![],
        lang: "fr-CA".into(),
        short: true,
        length: Some(31),
        limit: Some(300),
        fits: Some(true),
    };
    // the rendered answer with one member changed (`null`: removed)
    let rendered_with = |member: &str, value: serde_json::Value| {
        let mut v = serde_json::to_value(Response::Rendered(Box::new(rendered.clone()))).unwrap();
        let map = v.as_object_mut().unwrap();
        if value.is_null() {
            map.remove(member);
        } else {
            map.insert(member.into(), value);
        }
        v
    };
    // optional members absent or null are `None`, as serde reads them
    let mut sparse = rendered.clone();
    sparse.cursor = None;
    sparse.length = None;
    sparse.fits = None;
    let mut sparse_json =
        serde_json::to_value(Response::Rendered(Box::new(rendered.clone()))).unwrap();
    sparse_json["cursor"] = json!(null);
    sparse_json.as_object_mut().unwrap().remove("length");
    sparse_json.as_object_mut().unwrap().remove("fits");
    assert_eq!(
        PageAnswer::read(sparse_json),
        PageAnswer::Rendered(Box::new(sparse))
    );
    let cases = [
        (Response::Ack, PageAnswer::Ack),
        (
            Response::Triggers {
                triggers: vec![";merci".into(), ";désolé".into()],
            },
            PageAnswer::Triggers(vec![";merci".into(), ";désolé".into()]),
        ),
        (
            Response::Triggers { triggers: vec![] },
            PageAnswer::Triggers(vec![]),
        ),
        (
            Response::Rendered(Box::new(rendered.clone())),
            PageAnswer::Rendered(Box::new(rendered.clone())),
        ),
        (
            Response::Error {
                code: "reply.unknown_template".into(),
                message: "no such template".into(),
            },
            PageAnswer::Error("reply.unknown_template".into()),
        ),
        (
            Response::TemplatesInstalled { added: 3 },
            PageAnswer::Unexpected("templates_installed".into()),
        ),
    ];
    for (response, expected) in cases {
        let json = serde_json::to_value(&response).unwrap();
        assert_eq!(PageAnswer::read(json), expected, "{response:?}");
    }
    let malformed = [
        (json!(null), ""),
        (json!({"triggers": [";merci"]}), ""),
        (
            json!({"kind": "triggers", "triggers": [";merci", 3]}),
            "triggers",
        ),
        (json!({"kind": "triggers"}), "triggers"),
        (json!({"kind": "rendered", "id": "x"}), "rendered"),
        (rendered_with("cursor", json!(1.5)), "rendered"),
        (rendered_with("cursor", json!(-1)), "rendered"),
        (
            rendered_with("length", json!(u64::from(u32::MAX) + 1)),
            "rendered",
        ),
        (rendered_with("short", json!("yes")), "rendered"),
        (rendered_with("fits", json!(1)), "rendered"),
        (rendered_with("choices", json!([["a"], [2]])), "rendered"),
        (rendered_with("text", json!(null)), "rendered"),
        (json!({"kind": "error", "message": "no code"}), "error"),
    ];
    for (json, kind) in malformed {
        assert_eq!(
            PageAnswer::read(json.clone()),
            PageAnswer::Unexpected(kind.into()),
            "{json}"
        );
    }
}
