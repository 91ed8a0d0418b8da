//! The template library's own requests, beyond the generic store ones (the library page reads,
//! saves, deletes and restores templates with `store_list`/`store_put`/`store_delete`): the
//! starter library installed once, and an import applied in chunks (one transaction per chunk).
//! Pure decisions over a
//! [`Store`]; only the extension's pages may ask (a content script never writes the library).
//!
//! The starter library is installed on first run and on every update, but a starter id the
//! store has ever held (live or deleted) or recorded in the `meta` store is never added again:
//! a deleted starter reply stays deleted, an update never duplicates one.

use crate::store::{self, Applied, Collection, Record, Store, StoreError, Write, WriteTx};
use crate::template::starter::to_install;
use crate::template::Template;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The `meta` key listing the starter ids ever installed.
pub const STARTER_META_KEY: &str = "starter_installed";

/// The most items in one import request (the page sends a long import in chunks and shows the
/// progress between them).
pub const MAX_IMPORT_CHUNK: usize = 500;

/// One template of an import, as the page planned it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportItem {
    pub id: String,
    /// The revision the plan was made against (a merge); absent for an addition, which may
    /// replace a tombstone of the same id but never a live template.
    #[serde(default)]
    pub expected_revision: Option<u64>,
    /// The template's JSON.
    pub body: serde_json::Value,
}

/// What an import chunk wrote.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub written: u32,
    /// Ids changed elsewhere since the plan: not written.
    pub conflicts: Vec<String>,
}

/// Installs the starter templates not installed before. Returns how many were added.
pub async fn install_starter<S: Store>(store: &S, now: u64) -> Result<u32, StoreError> {
    let mut known: Vec<String> = match store.meta(STARTER_META_KEY).await? {
        Some(v) => serde_json::from_value(v).unwrap_or_default(),
        None => Vec::new(),
    };
    let all = store.all(Collection::Templates).await?;
    let library: Vec<Template> = all
        .iter()
        .filter(|r| !r.deleted)
        .filter_map(|r| serde_json::from_value(r.body.clone()).ok())
        .collect();
    // a tombstone counts as installed: the user deleted it
    let mut seen = known.clone();
    seen.extend(all.iter().map(|r| r.id.clone()));
    let mut added = 0;
    for t in to_install(&library, &seen) {
        let body = serde_json::to_value(&t).map_err(|e| StoreError::Damaged(e.to_string()))?;
        let put = Write::Put {
            collection: Collection::Templates,
            id: t.id.clone(),
            expected_revision: None,
            body,
        };
        // one request id per starter id: a retry after a stop writes nothing twice
        match store::write(store, &format!("starter:{}", t.id), &put, now).await {
            Ok(_) => added += 1,
            // another page installed it meanwhile
            Err(StoreError::Conflict { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    let present: Vec<String> = store
        .all(Collection::Templates)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    for s in crate::template::starter::starter() {
        if present.contains(&s.id) && !known.contains(&s.id) {
            known.push(s.id);
        }
    }
    store
        .set_meta(STARTER_META_KEY, &serde_json::json!(known))
        .await?;
    Ok(added)
}

/// Writes one chunk of a planned import in one transaction: each template decided on its own
/// (a conflict is reported and the others go on), each idempotent by `request_id` and the item's
/// place (a retried chunk writes nothing twice), all committed together. One transaction rather
/// than one per template: a 5,000-template import was 10,000 transactions.
pub async fn import_chunk<S: Store>(
    store: &S,
    request_id: &str,
    items: &[ImportItem],
    now: u64,
) -> Result<ImportOutcome, StoreError> {
    let mut out = ImportOutcome::default();
    let mut tx = store.begin(Collection::Templates).await?;
    // what this chunk has written so far: an id named twice sees its first write
    let mut queued: HashMap<&str, Record> = HashMap::new();
    for (i, item) in items.iter().take(MAX_IMPORT_CHUNK).enumerate() {
        let item_request = format!("{request_id}:{i}");
        if tx.applied(&item_request).await?.is_some() {
            out.written += 1;
            continue;
        }
        let current = match queued.get(item.id.as_str()) {
            Some(r) => Some(r.clone()),
            None => tx.current(&item.id).await?,
        };
        // a live one is left to the decision: anything but its revision is a conflict
        let expected = match item.expected_revision {
            Some(r) => Some(r),
            None => current.as_ref().filter(|r| r.deleted).map(|r| r.revision),
        };
        let put = Write::Put {
            collection: Collection::Templates,
            id: item.id.clone(),
            expected_revision: expected,
            body: item.body.clone(),
        };
        match store::decide(&put, current.as_ref(), now) {
            Ok(record) => {
                tx.put(&record)?;
                tx.put_applied(&Applied {
                    request_id: item_request,
                    at: now,
                    collection: Collection::Templates,
                    record: record.clone(),
                })?;
                queued.insert(item.id.as_str(), record);
                out.written += 1;
            }
            Err(StoreError::Conflict { .. }) => out.conflicts.push(item.id.clone()),
            Err(e) => return Err(e),
        }
    }
    store::forget_expired(&mut tx, now).await?;
    tx.commit().await?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::memory::{now_or_never, MemoryStore};
    use crate::template::starter::starter;

    fn run<F: std::future::Future>(f: F) -> F::Output {
        match now_or_never(f) {
            Some(v) => v,
            None => panic!("the in-memory store answers at once"),
        }
    }

    fn live_ids(s: &MemoryStore) -> Vec<String> {
        run(store::list_live(s, Collection::Templates))
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.id)
            .collect()
    }

    #[test]
    fn the_starter_library_is_installed_once_and_a_deleted_one_stays_deleted() {
        let s = MemoryStore::new().unwrap();
        let n = starter().len();
        assert!(n >= 25, "{n}");
        assert_eq!(run(install_starter(&s, 1_000)).unwrap() as usize, n);
        assert_eq!(live_ids(&s).len(), n);
        // an update runs it again: nothing added
        assert_eq!(run(install_starter(&s, 2_000)).unwrap(), 0);
        assert_eq!(live_ids(&s).len(), n);
        // the user deletes one: it is not re-added
        let gone = live_ids(&s)[0].clone();
        let del = Write::Delete {
            collection: Collection::Templates,
            id: gone.clone(),
            expected_revision: Some(1),
        };
        run(store::write(&s, "del", &del, 3_000)).unwrap();
        assert_eq!(run(install_starter(&s, 4_000)).unwrap(), 0);
        assert!(!live_ids(&s).contains(&gone));
        assert_eq!(live_ids(&s).len(), n - 1);
        // the meta store lists every starter id
        let meta: Vec<String> =
            serde_json::from_value(run(s.meta(STARTER_META_KEY)).unwrap().unwrap()).unwrap();
        assert_eq!(meta.len(), n);
    }

    #[test]
    fn a_starter_recorded_in_meta_but_absent_is_not_re_added() {
        let s = MemoryStore::new().unwrap();
        let first = starter()[0].id.clone();
        run(s.set_meta(STARTER_META_KEY, &serde_json::json!([first.clone()]))).unwrap();
        let n = run(install_starter(&s, 1)).unwrap() as usize;
        assert_eq!(n, starter().len() - 1);
        assert!(!live_ids(&s).contains(&first));
    }

    #[test]
    fn a_starter_install_stopped_before_commit_is_finished_by_the_next_run() {
        let s = MemoryStore::new().unwrap();
        s.fail_next_commit();
        assert!(run(install_starter(&s, 1)).is_err());
        assert_eq!(live_ids(&s).len(), 0);
        assert_eq!(
            run(install_starter(&s, 2)).unwrap() as usize,
            starter().len()
        );
        assert_eq!(live_ids(&s).len(), starter().len());
    }

    fn item(id: &str, expected: Option<u64>, title: &str) -> ImportItem {
        let t = Template::new(id, title, "Merci {{prenom}} !");
        ImportItem {
            id: id.into(),
            expected_revision: expected,
            body: serde_json::to_value(t).unwrap(),
        }
    }

    #[test]
    fn an_import_chunk_adds_merges_replaces_tombstones_and_reports_conflicts() {
        let s = MemoryStore::new().unwrap();
        let put = |id: &str, rid: &str| {
            let w = Write::Put {
                collection: Collection::Templates,
                id: id.into(),
                expected_revision: None,
                body: serde_json::json!({}),
            };
            run(store::write(&s, rid, &w, 1)).unwrap()
        };
        put("a", "r1");
        put("b", "r2");
        let del = Write::Delete {
            collection: Collection::Templates,
            id: "b".into(),
            expected_revision: None,
        };
        run(store::write(&s, "r3", &del, 2)).unwrap();
        put("c", "r4");
        let items = vec![
            item("a", Some(1), "fusion"),         // merge of revision 1
            item("b", None, "après suppression"), // over a tombstone
            item("c", None, "déjà là"),           // a live one: not replaced
            item("d", None, "nouveau"),
            item("a", Some(1), "périmé"), // revision 1 is gone now
        ];
        let out = run(import_chunk(&s, "imp", &items, 5)).unwrap();
        assert_eq!(out.written, 3);
        assert_eq!(out.conflicts, vec!["c".to_string(), "a".to_string()]);
        // the same chunk again (a retry): nothing written twice
        let again = run(import_chunk(&s, "imp", &items, 6)).unwrap();
        let a = run(store::get_live(&s, Collection::Templates, "a"))
            .unwrap()
            .unwrap();
        assert_eq!(a.revision, 2);
        assert_eq!(a.body["title"], "fusion");
        assert_eq!(again.written, 3);
        assert_eq!(live_ids(&s), vec!["a", "b", "c", "d"]);
    }

    #[test]
    fn an_import_chunk_stopped_before_its_commit_writes_nothing_and_its_retry_writes_it_once() {
        let s = MemoryStore::new().unwrap();
        let items: Vec<ImportItem> = (0..MAX_IMPORT_CHUNK + 3)
            .map(|i| item(&format!("modèle.{i}"), None, &format!("Réponse n° {i} 🎉")))
            .collect();
        s.fail_next_commit();
        assert!(run(import_chunk(&s, "imp", &items, 1)).is_err());
        assert_eq!(
            live_ids(&s),
            Vec::<String>::new(),
            "none of the chunk is written"
        );
        // the retry writes the chunk whole, at most MAX_IMPORT_CHUNK items, each at revision 1
        let out = run(import_chunk(&s, "imp", &items, 2)).unwrap();
        assert_eq!(out.written as usize, MAX_IMPORT_CHUNK);
        assert!(out.conflicts.is_empty());
        let records = run(store::list_live(&s, Collection::Templates)).unwrap();
        assert_eq!(records.len(), MAX_IMPORT_CHUNK);
        assert!(records.iter().all(|r| r.revision == 1 && r.created == 2));
        assert!(!records
            .iter()
            .any(|r| r.id == format!("modèle.{MAX_IMPORT_CHUNK}")));
        // and once more: every item is answered from its applied request, nothing rewritten
        let again = run(import_chunk(&s, "imp", &items, 3)).unwrap();
        assert_eq!(again.written as usize, MAX_IMPORT_CHUNK);
        let after = run(store::list_live(&s, Collection::Templates)).unwrap();
        assert_eq!(after, records);
    }
}
