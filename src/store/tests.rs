//! The store's decisions, idempotence and migrations, run on the in-memory store.

use super::memory::{now_or_never, upgrade_to, Database, MemoryStore};
use super::schema::{self, Step, MIGRATIONS, SCHEMA_VERSION};
use super::*;
use serde_json::json;

fn run<F: std::future::Future>(f: F) -> F::Output {
    now_or_never(f).expect("the in-memory store is never pending")
}

fn put(id: &str, expected: Option<u64>, body: serde_json::Value) -> Write {
    Write::Put {
        collection: Collection::Templates,
        id: id.into(),
        expected_revision: expected,
        body,
    }
}

fn delete(id: &str, expected: Option<u64>) -> Write {
    Write::Delete {
        collection: Collection::Templates,
        id: id.into(),
        expected_revision: expected,
    }
}

fn rec(id: &str, revision: u64, deleted: bool) -> Record {
    Record {
        id: id.into(),
        revision,
        created: 1_000,
        updated: 2_000,
        deleted,
        body: if deleted {
            serde_json::Value::Null
        } else {
            json!({"title": "Merci"})
        },
    }
}

#[test]
fn decide_table() {
    let live = rec("t1", 3, false);
    let tomb = rec("t1", 4, true);
    let body = json!({"title": "Désolé·e pour l’attente 🙏"});
    // (write, current, expected code or resulting (revision, deleted))
    type Case<'a> = (Write, Option<&'a Record>, Result<(u64, bool), &'a str>);
    let cases: Vec<Case> = vec![
        (put("t1", None, body.clone()), None, Ok((1, false))),
        (
            put("t1", Some(3), body.clone()),
            Some(&live),
            Ok((4, false)),
        ),
        // changed elsewhere: the client read revision 2, the store has 3
        (
            put("t1", Some(2), body.clone()),
            Some(&live),
            Err("store.conflict"),
        ),
        // a create over an existing record is a conflict, not an overwrite
        (
            put("t1", None, body.clone()),
            Some(&live),
            Err("store.conflict"),
        ),
        // an update of a record that does not exist
        (
            put("t1", Some(1), body.clone()),
            None,
            Err("store.conflict"),
        ),
        // deleted elsewhere: the update is refused
        (
            put("t1", Some(3), body.clone()),
            Some(&tomb),
            Err("store.conflict"),
        ),
        // re-created over its tombstone, naming the tombstone's revision
        (
            put("t1", Some(4), body.clone()),
            Some(&tomb),
            Ok((5, false)),
        ),
        (delete("t1", Some(3)), Some(&live), Ok((4, true))),
        (delete("t1", None), Some(&live), Ok((4, true))),
        (delete("t1", Some(2)), Some(&live), Err("store.conflict")),
        (delete("t1", None), Some(&tomb), Err("store.not_found")),
        (delete("t1", None), None, Err("store.not_found")),
        (put("", None, body.clone()), None, Err("store.invalid_id")),
        (
            put(&"é".repeat(201), None, body.clone()),
            None,
            Err("store.invalid_id"),
        ),
        (
            put(&"é".repeat(200), None, body.clone()),
            None,
            Ok((1, false)),
        ),
    ];
    for (i, (w, cur, want)) in cases.iter().enumerate() {
        let got = decide(w, *cur, 5_000);
        match (got, want) {
            (Ok(r), Ok((rev, deleted))) => {
                assert_eq!((r.revision, r.deleted), (*rev, *deleted), "case {i}");
                if *deleted {
                    assert_eq!(r.body, serde_json::Value::Null, "case {i}");
                } else {
                    assert_eq!(r.body, body, "case {i}");
                }
                // created is kept, updated moves forward
                assert_eq!(r.created, cur.map_or(5_000, |c| c.created), "case {i}");
                assert_eq!(r.updated, 5_000, "case {i}");
            }
            (Err(e), Err(code)) => assert_eq!(e.code(), *code, "case {i}: {e}"),
            (got, want) => panic!("case {i}: got {got:?}, want {want:?}"),
        }
    }
}

#[test]
fn updated_never_goes_back_when_the_clock_does() {
    let cur = rec("t1", 1, false);
    let r = decide(&put("t1", Some(1), json!({})), Some(&cur), 500).unwrap();
    assert_eq!(r.updated, 2_000);
}

#[test]
fn a_retry_of_the_same_request_id_writes_once_and_answers_the_same() {
    let store = MemoryStore::new().unwrap();
    let w = put("t1", None, json!({"title": "Bonjour {{prenom}}"}));
    let first = run(write(&store, "req-1", &w, 10)).unwrap();
    let before = store.snapshot();
    // the same request again (the answer was lost when the worker stopped): same record,
    // nothing written, not a conflict although the record now exists
    let again = run(write(&store, "req-1", &w, 99)).unwrap();
    assert_eq!(again, first);
    assert_eq!(store.snapshot(), before);
    // the same write under a new id is a new request: it conflicts
    let other = run(write(&store, "req-2", &w, 11)).unwrap_err();
    assert_eq!(other.code(), "store.conflict");
    assert_eq!(
        run(list_live(&store, Collection::Templates)).unwrap().len(),
        1
    );
}

#[test]
fn a_write_that_did_not_commit_left_nothing_and_its_retry_applies_once() {
    let store = MemoryStore::new().unwrap();
    let w = put("b1", None, json!({"url": "https://www.lapresse.ca/"}));
    let w = match w {
        Write::Put {
            id,
            expected_revision,
            body,
            ..
        } => Write::Put {
            collection: Collection::Backlog,
            id,
            expected_revision,
            body,
        },
        other => other,
    };
    store.fail_next_commit();
    let e = run(write(&store, "cap-1", &w, 10)).unwrap_err();
    assert_eq!(e.code(), "store.not_committed");
    assert_eq!(run(store.get(Collection::Backlog, "b1")).unwrap(), None);
    let r = run(write(&store, "cap-1", &w, 11)).unwrap();
    assert_eq!(r.revision, 1);
    run(write(&store, "cap-1", &w, 12)).unwrap();
    assert_eq!(run(store.all(Collection::Backlog)).unwrap(), vec![r]);
    // the request id sits beside the record
    assert!(store.snapshot().stores[schema::APPLIED]
        .rows
        .contains_key("cap-1"));
}

#[test]
fn deletion_keeps_a_tombstone_that_lists_hide() {
    let store = MemoryStore::new().unwrap();
    run(write(&store, "a", &put("t1", None, json!({"n": 1})), 1)).unwrap();
    run(write(&store, "b", &put("t2", None, json!({"n": 2})), 2)).unwrap();
    let tomb = run(write(&store, "c", &delete("t1", Some(1)), 3)).unwrap();
    assert!(tomb.deleted);
    assert_eq!(tomb.revision, 2);
    let live = run(list_live(&store, Collection::Templates)).unwrap();
    assert_eq!(
        live.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["t2"]
    );
    assert_eq!(
        run(get_live(&store, Collection::Templates, "t1")).unwrap(),
        None
    );
    // the tombstone is still there for a sync layer
    let all = run(store.all(Collection::Templates)).unwrap();
    assert_eq!(all.len(), 2);
    // and the other collection is untouched
    assert!(run(store.all(Collection::Backlog)).unwrap().is_empty());
}

#[test]
fn the_chain_is_contiguous_and_ends_at_the_current_version() {
    for (i, m) in MIGRATIONS.iter().enumerate() {
        assert_eq!(m.to, i as u32 + 1);
        assert!(!m.steps.is_empty());
    }
    assert_eq!(MIGRATIONS.last().map(|m| m.to), Some(SCHEMA_VERSION));
}

#[test]
fn every_older_version_upgrades_to_the_fresh_layout_with_its_records() {
    let fresh = upgrade_to(&Database::default(), SCHEMA_VERSION).unwrap();
    assert_eq!(fresh.version, SCHEMA_VERSION);
    for from in 0..=SCHEMA_VERSION {
        // the database as version `from` wrote it, with records in every store it had
        let mut old = upgrade_to(&Database::default(), from).unwrap();
        assert_eq!(old.version, from);
        let names: Vec<String> = old.stores.keys().cloned().collect();
        for name in &names {
            let key = old.stores[name].key_path.clone();
            old.put(
                name,
                json!({ key: format!("{name}-1"), "id": "x", "request_id": "y", "key": "z",
                        "revision": 1, "created": 1, "updated": 1, "body": {"titre": "Allô 👋"} }),
            )
            .unwrap();
        }
        let store = MemoryStore::open(old.clone()).unwrap();
        let now = store.snapshot();
        assert_eq!(now.version, SCHEMA_VERSION, "from {from}");
        // same layout as a fresh database
        for (name, s) in &fresh.stores {
            let got = now
                .stores
                .get(name)
                .unwrap_or_else(|| panic!("from {from}: no {name}"));
            assert_eq!(got.key_path, s.key_path, "from {from}: {name}");
            assert_eq!(got.indexes, s.indexes, "from {from}: {name}");
            assert_eq!(got.multi_entry, s.multi_entry, "from {from}: {name}");
        }
        assert_eq!(now.stores.len(), fresh.stores.len(), "from {from}");
        // every record kept as it was
        for name in &names {
            assert_eq!(
                now.stores[name].rows, old.stores[name].rows,
                "from {from}: {name}"
            );
        }
    }
}

#[test]
fn records_written_at_version_one_are_read_and_updated_after_the_upgrade() {
    let mut v1 = upgrade_to(&Database::default(), 1).unwrap();
    let old = Record {
        id: "t-ancien".into(),
        revision: 2,
        created: 100,
        updated: 200,
        deleted: false,
        body: json!({"title": "Bonne fin de semaine!"}),
    };
    v1.put(schema::TEMPLATES, serde_json::to_value(&old).unwrap())
        .unwrap();
    let store = MemoryStore::open(v1).unwrap();
    assert_eq!(
        run(get_live(&store, Collection::Templates, "t-ancien")).unwrap(),
        Some(old)
    );
    let r = run(write(
        &store,
        "u",
        &put("t-ancien", Some(2), json!({"title": "Bon week-end !"})),
        300,
    ))
    .unwrap();
    assert_eq!((r.revision, r.created, r.updated), (3, 100, 300));
}

#[test]
fn a_newer_database_is_refused_and_a_failed_migration_keeps_the_old_one() {
    let newer = Database {
        version: SCHEMA_VERSION + 1,
        ..Database::default()
    };
    assert_eq!(
        MemoryStore::open(newer).unwrap_err().code(),
        "store.newer_schema"
    );
    // version 1 with a store the next step wants to create: the step fails, nothing changes
    let mut broken = upgrade_to(&Database::default(), 1).unwrap();
    let clash = MIGRATIONS[1]
        .steps
        .iter()
        .find_map(|s| match s {
            Step::CreateStore { name, .. } => Some(*name),
            _ => None,
        })
        .unwrap();
    broken.stores.insert(clash.to_string(), Default::default());
    broken
        .put(
            schema::TEMPLATES,
            json!({"id": "t1", "revision": 1, "created": 1, "updated": 1, "body": {}}),
        )
        .unwrap();
    let e = memory::upgrade(&broken).unwrap_err();
    assert_eq!(e.code(), "store.migration");
    // the caller still has the old database, readable at its version
    assert_eq!(broken.version, 1);
    assert!(broken.stores[schema::TEMPLATES].rows.contains_key("t1"));
}

#[test]
fn records_and_writes_round_trip_through_json() {
    let w = Write::Delete {
        collection: Collection::Backlog,
        id: "b-9".into(),
        expected_revision: Some(7),
    };
    let j = serde_json::to_value(&w).unwrap();
    assert_eq!(j["op"], "delete");
    assert_eq!(j["collection"], "backlog");
    assert_eq!(serde_json::from_value::<Write>(j).unwrap(), w);
    // a tombstone written without a body reads back
    let t: Record = serde_json::from_value(
        json!({"id": "x", "revision": 2, "created": 1, "updated": 2, "deleted": true}),
    )
    .unwrap();
    assert!(t.deleted && t.body.is_null());
}

#[test]
fn request_ids_older_than_the_retry_window_are_forgotten_a_few_per_write() {
    let store = MemoryStore::new().unwrap();
    let day = 24 * 60 * 60 * 1000;
    for i in 0..30u64 {
        let w = put(&format!("t{i}"), None, json!({"n": i}));
        run(write(&store, &format!("old-{i:02}"), &w, 1_000 + i)).unwrap();
    }
    let applied = |s: &MemoryStore| s.snapshot().stores[schema::APPLIED].rows.len();
    assert_eq!(applied(&store), 30);
    // a write within the window forgets nothing
    let soon = 1_000 + APPLIED_KEPT_MS - 1;
    run(write(&store, "recent", &put("r0", None, json!({})), soon)).unwrap();
    assert_eq!(applied(&store), 31);
    // past it, each write forgets at most 20, oldest first
    let later = 1_000 + APPLIED_KEPT_MS + day;
    run(write(&store, "new-1", &put("r1", None, json!({})), later)).unwrap();
    let rows = store.snapshot().stores[schema::APPLIED].rows.clone();
    assert_eq!(rows.len(), 31 + 1 - 20);
    assert!(!rows.contains_key("old-00") && !rows.contains_key("old-19"));
    assert!(rows.contains_key("old-20") && rows.contains_key("recent"));
    run(write(&store, "new-2", &put("r2", None, json!({})), later)).unwrap();
    let rows = store.snapshot().stores[schema::APPLIED].rows.clone();
    assert_eq!(
        rows.keys().map(String::as_str).collect::<Vec<_>>(),
        ["new-1", "new-2", "recent"]
    );
    // the records themselves are all kept
    assert_eq!(
        run(list_live(&store, Collection::Templates)).unwrap().len(),
        33
    );
}

#[test]
fn a_failed_step_to_version_three_keeps_the_version_two_database_readable() {
    // version 2 with backlog items, and an index the next step wants to create already there
    let mut v2 = upgrade_to(&Database::default(), 2).unwrap();
    let item = crate::backlog::Item::idea("b-1", "Rentrée littéraire à Québec", 1_000);
    let record = Record {
        id: "b-1".into(),
        revision: 1,
        created: 1_000,
        updated: 1_000,
        deleted: false,
        body: serde_json::to_value(&item).unwrap(),
    };
    v2.put(schema::BACKLOG, serde_json::to_value(&record).unwrap())
        .unwrap();
    v2.stores
        .get_mut(schema::BACKLOG)
        .unwrap()
        .indexes
        .insert(schema::BY_TAG.into(), "tags".into());
    let e = memory::upgrade(&v2).unwrap_err();
    assert_eq!(
        e,
        StoreError::Migration {
            to: 3,
            reason: format!("index {} exists on {}", schema::BY_TAG, schema::BACKLOG)
        }
    );
    // nothing of the steps before the failing one stays, and the items read as before
    assert_eq!(v2.version, 2);
    let backlog = &v2.stores[schema::BACKLOG];
    assert!(!backlog.indexes.contains_key(schema::BY_STATE));
    assert_eq!(
        backlog
            .rows
            .get("b-1")
            .cloned()
            .map(serde_json::from_value::<Record>)
            .transpose()
            .unwrap(),
        Some(record)
    );
}

/// A backlog record as the background stores it, from a real item.
fn backlog_record(
    id: &str,
    state: crate::backlog::State,
    tags: &[&str],
    planned: Option<&str>,
) -> serde_json::Value {
    let mut item = crate::backlog::Item::idea(id, format!("Article {id}"), 1_000);
    item.state = state;
    item.tags = tags.iter().map(|t| t.to_string()).collect();
    item.planned = planned.map(|p| serde_json::from_value(json!(p)).unwrap());
    serde_json::to_value(Record {
        id: id.into(),
        revision: 1,
        created: 1_000,
        updated: 1_000,
        deleted: false,
        body: serde_json::to_value(&item).unwrap(),
    })
    .unwrap()
}

#[test]
fn the_backlog_indexes_find_items_by_state_planned_date_and_each_tag() {
    use crate::backlog::State;
    // upgraded from version 2 with the items already there: the indexes cover them
    let mut v2 = upgrade_to(&Database::default(), 2).unwrap();
    let rows = [
        backlog_record(
            "a",
            State::Scheduled,
            &["vélo", "Montréal"],
            Some("2026-12-01T09:30"),
        ),
        backlog_record("b", State::Idea, &["café"], None),
        backlog_record("c", State::Scheduled, &["vélo"], Some("2026-11-30")),
        backlog_record("d", State::Draft, &[], Some("2026-12-01")),
        backlog_record("e", State::Draft, &["🎉 fête", "vélo", "vélo"], None),
    ];
    for r in rows {
        v2.put(schema::BACKLOG, r).unwrap();
    }
    // a tombstone has no body: in no index
    v2.put(
        schema::BACKLOG,
        json!({"id": "z", "revision": 3, "created": 1, "updated": 2, "deleted": true, "body": null}),
    )
    .unwrap();
    let db = memory::upgrade(&v2).unwrap();
    let backlog = &db.stores[schema::BACKLOG];
    let entries = |name: &str| -> Vec<(String, String)> {
        backlog
            .index_entries(name)
            .unwrap()
            .into_iter()
            .map(|(k, p)| (k.as_str().unwrap_or_default().to_string(), p))
            .collect()
    };
    let pairs = |xs: &[(&str, &str)]| -> Vec<(String, String)> {
        xs.iter()
            .map(|(k, p)| (k.to_string(), p.to_string()))
            .collect()
    };
    assert_eq!(
        entries(schema::BY_STATE),
        pairs(&[
            ("draft", "d"),
            ("draft", "e"),
            ("idea", "b"),
            ("scheduled", "a"),
            ("scheduled", "c")
        ])
    );
    // by date then time; a day without a time sorts first on its day
    assert_eq!(
        entries(schema::BY_PLANNED),
        pairs(&[
            ("2026-11-30", "c"),
            ("2026-12-01", "d"),
            ("2026-12-01T09:30", "a")
        ])
    );
    // one entry per distinct tag, an item without tags in none
    assert_eq!(
        entries(schema::BY_TAG),
        pairs(&[
            ("Montréal", "a"),
            ("café", "b"),
            ("vélo", "a"),
            ("vélo", "c"),
            ("vélo", "e"),
            ("🎉 fête", "e")
        ])
    );
    assert!(backlog.multi_entry.contains(schema::BY_TAG));
    assert!(!backlog.multi_entry.contains(schema::BY_STATE));
}
