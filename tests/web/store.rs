//! The background's IndexedDB connection (`web::background::idb`) in a real browser: two
//! first uses at once leave one connection open, so the database can still be deleted or
//! upgraded by another context, and the next use opens it again.
#![cfg(feature = "extension")]

use porte_voix::store::{schema::DB_NAME, Collection};
use porte_voix::web::background::idb;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use wasm_bindgen_test::*;

/// A use of the store started now (not when awaited), as two messages handled at once are.
fn count_now(collection: Collection) -> js_sys::Promise {
    future_to_promise(async move {
        idb::count(collection)
            .await
            .map(JsValue::from)
            .map_err(|e| JsValue::from_str(&e.to_string()))
    })
}

/// Deletes the database: "deleted", or "blocked" when a connection stays open.
async fn delete_database() -> String {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).unwrap();
    let factory = get(&js_sys::global(), "indexedDB");
    let delete: js_sys::Function = get(&factory, "deleteDatabase").unchecked_into();
    let request = delete.call1(&factory, &DB_NAME.into()).unwrap();
    let set = |key: &str, f: JsValue| {
        js_sys::Reflect::set(&request, &key.into(), &f).unwrap();
    };
    let done = js_sys::Promise::new(&mut |resolve, _| {
        let ok = resolve.clone();
        let on_success = Closure::once_into_js(move || ok.call1(&JsValue::NULL, &"deleted".into()));
        let on_blocked =
            Closure::once_into_js(move || resolve.call1(&JsValue::NULL, &"blocked".into()));
        set("onsuccess", on_success);
        set("onblocked", on_blocked);
    });
    JsFuture::from(done).await.unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
async fn two_first_uses_at_once_leave_one_connection() {
    assert_eq!(delete_database().await, "deleted", "a clean start");
    let both = js_sys::Array::of2(
        &count_now(Collection::Backlog),
        &count_now(Collection::Templates),
    );
    let counts = JsFuture::from(js_sys::Promise::all(&both)).await.unwrap();
    assert_eq!(js_sys::Array::from(&counts).length(), 2);
    // the connection kept closes itself for the deletion; an extra one would block it
    assert_eq!(delete_database().await, "deleted");
    // and the store opens the (new, empty) database again on its next use
    assert_eq!(
        idb::count(Collection::Backlog)
            .await
            .map_err(|e| e.to_string()),
        Ok(0)
    );
}

/// A small backlog in French (France, Québec) and English, with tags in several spellings.
fn filter_items() -> Vec<porte_voix::backlog::Item> {
    use porte_voix::backlog::{Item, Planned, State};
    let rows: [(&str, State, &[&str], Option<&str>); 9] = [
        (
            "Festival d'été de Québec",
            State::Draft,
            &["Été", "Québec"],
            Some("2026-12-03T09:30"),
        ),
        (
            "La tempête de verglas",
            State::Idea,
            &["météo", "québec"],
            None,
        ),
        (
            "Back to school: 10 tips",
            State::Draft,
            &["ete", "school"],
            Some("2026-12-03"),
        ),
        (
            "Le vélo d'hiver à Montréal 🚲",
            State::Scheduled,
            &["🚲 vélo", "ÉTÉ"],
            Some("2026-12-07T18:05"),
        ),
        (
            "Élections municipales à Lyon",
            State::Published,
            &["élections"],
            Some("2026-11-30"),
        ),
        ("Café et coworking", State::Archived, &["café", "Été"], None),
        (
            "Climate report",
            State::Draft,
            &["climate"],
            Some("2027-01-02T08:00"),
        ),
        (
            "Théâtre : la saison 2027",
            State::Idea,
            &[],
            Some("2026-12-08"),
        ),
        (
            "Marché de Noël 🎄",
            State::Scheduled,
            &["🎄", "noël"],
            Some("2026-12-24T10:00"),
        ),
    ];
    rows.iter()
        .enumerate()
        .map(|(k, (title, state, tags, planned))| {
            let mut item = Item::idea(format!("page-{k}"), *title, 1_764_000_000_000 + k as u64);
            item.state = *state;
            item.tags = tags.iter().map(|t| t.to_string()).collect();
            item.planned = planned.and_then(Planned::parse);
            item
        })
        .collect()
}

/// The list's filters read through IndexedDB's indexes answer what the in-memory store (the
/// native tests' model of IndexedDB) answers: the tags in use, each read's count and records,
/// and the records the core's choice of index reads for a query.
#[wasm_bindgen_test]
async fn the_indexes_answer_as_the_in_memory_store() {
    use porte_voix::backlog::filter;
    use porte_voix::backlog::search::Query;
    use porte_voix::backlog::{Date, State};
    use porte_voix::store::memory::{now_or_never, MemoryStore};
    use porte_voix::store::schema::{BY_PLANNED, BY_STATE, BY_TAG};
    use porte_voix::store::{write, IndexRead, KeyRange, Store, Write};
    assert_eq!(delete_database().await, "deleted", "a clean start");
    let memory = MemoryStore::new().unwrap();
    let browser = idb::IdbStore;
    let items = filter_items();
    for (k, item) in items.iter().enumerate() {
        let w = Write::Put {
            collection: Collection::Backlog,
            id: item.id.clone(),
            expected_revision: None,
            body: serde_json::to_value(item).unwrap(),
        };
        let request = format!("filter-{k}");
        now_or_never(write(&memory, &request, &w, 1_000))
            .unwrap()
            .unwrap();
        write(&browser, &request, &w, 1_000).await.unwrap();
    }
    // a deleted item: its tombstone is under no index
    let gone = Write::Delete {
        collection: Collection::Backlog,
        id: "page-1".into(),
        expected_revision: Some(1),
    };
    now_or_never(write(&memory, "gone", &gone, 2_000))
        .unwrap()
        .unwrap();
    write(&browser, "gone", &gone, 2_000).await.unwrap();

    for index in [BY_STATE, BY_TAG, BY_PLANNED] {
        let mut want = now_or_never(memory.index_keys(Collection::Backlog, index))
            .unwrap()
            .unwrap();
        let mut got = browser
            .index_keys(Collection::Backlog, index)
            .await
            .unwrap();
        // the browser orders keys by UTF-16 code units, Rust by bytes: the same set
        want.sort();
        got.sort();
        assert_eq!(got, want, "{index}");
        assert!(!got.is_empty());
    }
    let range = |lower: Option<&str>, upper: Option<&str>| KeyRange {
        lower: lower.map(str::to_string),
        upper: upper.map(str::to_string),
        upper_open: true,
    };
    let reads = [
        IndexRead {
            index: BY_STATE,
            ranges: vec![KeyRange::only("draft")],
        },
        IndexRead {
            index: BY_STATE,
            ranges: vec![KeyRange::only("idea"), KeyRange::only("scheduled")],
        },
        IndexRead {
            index: BY_TAG,
            ranges: vec![
                KeyRange::only("Été"),
                KeyRange::only("ete"),
                KeyRange::only("ÉTÉ"),
            ],
        },
        IndexRead {
            index: BY_TAG,
            ranges: vec![KeyRange::only("🎄")],
        },
        IndexRead {
            index: BY_TAG,
            ranges: vec![],
        },
        IndexRead {
            index: BY_PLANNED,
            ranges: vec![range(Some("2026-12-03"), Some("2026-12-07U"))],
        },
        IndexRead {
            index: BY_PLANNED,
            ranges: vec![range(None, Some("2026-12-03U"))],
        },
        IndexRead {
            index: BY_PLANNED,
            ranges: vec![range(Some("2026-12-08"), None)],
        },
        IndexRead {
            index: BY_PLANNED,
            ranges: vec![range(Some("2026-12-09"), Some("2026-12-01U"))],
        },
    ];
    for read in &reads {
        let want = now_or_never(memory.index_count(Collection::Backlog, read))
            .unwrap()
            .unwrap();
        assert_eq!(
            browser
                .index_count(Collection::Backlog, read)
                .await
                .unwrap(),
            want,
            "{read:?}"
        );
        let ids = |records: Vec<porte_voix::store::Record>| -> Vec<String> {
            records.into_iter().map(|r| r.id).collect()
        };
        let want = ids(
            now_or_never(memory.index_records(Collection::Backlog, read))
                .unwrap()
                .unwrap(),
        );
        let got = ids(browser
            .index_records(Collection::Backlog, read)
            .await
            .unwrap());
        assert_eq!(got, want, "{read:?}");
    }
    let day = |s: &str| Date::parse(s);
    let queries = [
        Query {
            states: vec![State::Draft],
            ..Query::default()
        },
        Query {
            tag: Some("ete".into()),
            ..Query::default()
        },
        Query {
            tag: Some("QUÉBEC".into()),
            ..Query::default()
        },
        Query {
            tag: Some("hockey".into()),
            ..Query::default()
        },
        Query {
            from: day("2026-12-03"),
            to: day("2026-12-08"),
            ..Query::default()
        },
        Query {
            states: vec![State::Draft],
            tag: Some("été".into()),
            from: day("2026-12-01"),
            ..Query::default()
        },
        Query {
            states: vec![State::Archived, State::Scheduled],
            tag: Some("ete".into()),
            ..Query::default()
        },
    ];
    for q in &queries {
        let want = now_or_never(filter::candidates(&memory, q))
            .unwrap()
            .unwrap()
            .unwrap();
        let got = filter::candidates(&browser, q).await.unwrap().unwrap();
        let ids =
            |rs: &[porte_voix::store::Record]| rs.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&got), ids(&want), "{q:?}");
        // and the raw read the page makes, as the core would choose it
        let plan = filter::plan(&browser, q).await.unwrap().unwrap();
        assert_eq!(
            plan,
            now_or_never(filter::plan(&memory, q))
                .unwrap()
                .unwrap()
                .unwrap()
        );
        let raw = idb::index_raw(Collection::Backlog, &plan).await.unwrap();
        let raw_live = raw
            .iter()
            .filter(|r| {
                js_sys::Reflect::get(r, &"deleted".into())
                    .unwrap()
                    .as_bool()
                    != Some(true)
            })
            .count();
        assert_eq!(raw_live, want.len(), "{q:?}");
    }
    // key-only reads: the same ids in the same order, the whole `by_updated` index included
    for read in reads.iter().chain([&filter::by_change()]) {
        let want = now_or_never(memory.index_ids(Collection::Backlog, read))
            .unwrap()
            .unwrap();
        let got = browser.index_ids(Collection::Backlog, read).await.unwrap();
        assert_eq!(got, want, "{read:?}");
    }
    assert_eq!(
        browser
            .index_ids(Collection::Backlog, &filter::by_change())
            .await
            .unwrap()
            .len(),
        items.len(),
        "every record, the tombstone too"
    );
    // the list's answer by keys (the default list too): the same ids and count; the walk over
    // `by_updated` newest first, a few ids a step, gives the memory store's order; the rows'
    // records read by id
    let mut order = now_or_never(memory.index_ids(Collection::Backlog, &filter::by_change()))
        .unwrap()
        .unwrap();
    order.reverse();
    for q in queries.iter().chain([&Query::default()]) {
        let want = now_or_never(filter::keyed(&memory, q))
            .unwrap()
            .unwrap()
            .unwrap();
        let got = filter::keyed(&browser, q).await.unwrap().unwrap();
        assert_eq!(got, want, "{q:?}");
        let mut walked = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut from = None;
        loop {
            let (ids, last, ended) =
                idb::walk_by_change(Collection::Backlog, from, &seen, |id| got.admits(id), 3)
                    .await
                    .unwrap();
            assert!(ids.len() <= 3);
            seen.extend(ids.iter().cloned());
            walked.extend(ids);
            from = last;
            if ended {
                break;
            }
        }
        let want_order: Vec<String> = order.iter().filter(|id| got.admits(id)).cloned().collect();
        assert_eq!(walked, want_order, "{q:?}");
        let rows = idb::by_ids(Collection::Backlog, &walked).await.unwrap();
        let read: Vec<String> = rows
            .iter()
            .map(|r| {
                js_sys::Reflect::get(&r, &"id".into())
                    .unwrap()
                    .as_string()
                    .unwrap()
            })
            .collect();
        assert_eq!(read, walked, "{q:?}");
    }
    assert_eq!(delete_database().await, "deleted");
}
