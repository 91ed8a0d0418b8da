//! Reading stored backlog records in bulk, the way the backlog page loads them: a batch of
//! records as one JSON array (what IndexedDB hands over, serialised once on the browser's side)
//! turned into items with their revisions. Tombstones are left out; a damaged record or one
//! written by a newer version is counted, never fails the whole batch. Nothing here touches
//! storage or the browser.

use super::item::{Item, ITEM_SCHEMA};
use super::BacklogError;
use serde::Deserialize;

/// One stored record as the page needs it: the item and the revision it read.
#[derive(Deserialize)]
struct Typed {
    revision: u64,
    #[serde(default)]
    deleted: bool,
    #[serde(default)]
    body: Option<Item>,
}

/// The same record with its body kept as JSON (the slow path, record by record).
#[derive(Deserialize)]
struct Loose {
    #[serde(default)]
    revision: u64,
    #[serde(default)]
    deleted: bool,
    #[serde(default)]
    body: serde_json::Value,
}

/// What a batch held.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    /// The live items, each with the revision read, in the batch's order.
    pub items: Vec<(Item, u64)>,
    /// Records that could not be read as items (damaged, or from a newer version).
    pub damaged: usize,
}

/// Reads a JSON array of stored records (`store::Record`s). The whole batch is parsed straight
/// into items in one pass; only when one record in it is damaged is it read again record by
/// record, so that the good ones still load. A text that is not an array of objects at all is
/// `backlog.damaged_item`.
pub fn decode(json: &str) -> Result<Batch, BacklogError> {
    if let Ok(records) = serde_json::from_str::<Vec<Typed>>(json) {
        let mut batch = Batch::default();
        for r in records {
            match r.body {
                _ if r.deleted => {}
                Some(item) if item.schema <= ITEM_SCHEMA => {
                    let mut item = item;
                    item.schema = ITEM_SCHEMA;
                    batch.items.push((item, r.revision));
                }
                _ => batch.damaged += 1,
            }
        }
        return Ok(batch);
    }
    let records: Vec<serde_json::Value> =
        serde_json::from_str(json).map_err(|e| BacklogError::DamagedItem(e.to_string()))?;
    let mut batch = Batch::default();
    for value in records {
        let Ok(r) = serde_json::from_value::<Loose>(value) else {
            batch.damaged += 1;
            continue;
        };
        if r.deleted {
            continue;
        }
        match Item::from_stored(&r.body) {
            Ok(item) => batch.items.push((item, r.revision)),
            Err(_) => batch.damaged += 1,
        }
    }
    Ok(batch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(id: &str, revision: u64, body: serde_json::Value) -> serde_json::Value {
        json!({"id": id, "revision": revision, "created": 1, "updated": 2, "deleted": false, "body": body})
    }

    fn body(id: &str, title: &str) -> serde_json::Value {
        json!({"schema": 1, "id": id, "state": "idea", "title": title, "tags": ["Québec"],
               "created_ms": 1, "updated_ms": 2})
    }

    #[test]
    fn a_batch_reads_items_with_their_revisions_and_leaves_tombstones_out() {
        let batch = json!([
            record("a", 3, body("a", "Été indien à Montréal 🍁")),
            {"id": "b", "revision": 4, "created": 1, "updated": 5, "deleted": true, "body": null},
            // written before items had a schema number
            record("c", 1, json!({"id": "c", "state": "draft", "created_ms": 1, "updated_ms": 1})),
        ]);
        let out = decode(&batch.to_string()).unwrap();
        assert_eq!(out.damaged, 0);
        let got: Vec<(&str, u64, &str)> = out
            .items
            .iter()
            .map(|(i, r)| (i.id.as_str(), *r, i.title.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![("a", 3, "Été indien à Montréal 🍁"), ("c", 1, "")]
        );
        assert!(out.items.iter().all(|(i, _)| i.schema == ITEM_SCHEMA));
    }

    #[test]
    fn a_damaged_or_newer_record_is_counted_and_the_others_still_load() {
        let cases = [
            // (the odd record, what it is)
            (
                record(
                    "x",
                    1,
                    json!({"id": "x", "state": "oublié", "created_ms": 1, "updated_ms": 1}),
                ),
                "unknown state",
            ),
            (
                record(
                    "x",
                    1,
                    json!({"schema": 9, "id": "x", "state": "idea", "created_ms": 1, "updated_ms": 1}),
                ),
                "newer schema",
            ),
            (record("x", 1, json!("du texte")), "not an object"),
            (
                json!({"id": "x", "revision": "deux", "body": body("x", "X")}),
                "revision not a number",
            ),
            (
                record("x", 1, serde_json::Value::Null),
                "a live record without a body",
            ),
        ];
        for (odd, what) in cases {
            let batch = json!([
                record("a", 1, body("a", "Bibliothèques")),
                odd,
                record("z", 2, body("z", "Vélo"))
            ]);
            let out = decode(&batch.to_string()).unwrap();
            assert_eq!(out.damaged, 1, "{what}");
            let ids: Vec<&str> = out.items.iter().map(|(i, _)| i.id.as_str()).collect();
            assert_eq!(ids, vec!["a", "z"], "{what}");
        }
    }

    #[test]
    fn a_text_that_is_not_a_batch_is_an_error() {
        use crate::error::Coded;
        for text in ["", "{}", "[1, 2", "null"] {
            assert_eq!(
                decode(text).unwrap_err().code(),
                "backlog.damaged_item",
                "{text:?}"
            );
        }
        assert_eq!(decode("[]").unwrap(), Batch::default());
    }
}
