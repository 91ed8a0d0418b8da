//! The pages' bulk reads, records handed over as IndexedDB gives them (JavaScript values, not
//! parsed here): the items changed last, everything in batches by id, the count, the days of a
//! calendar, reads through an index described by the core (`store::IndexRead`: the list's
//! filters), by keys alone or whole, and the records of a list's rows by id. Read-only
//! transactions; nothing here writes.

use super::failed;
use super::open::transaction;
use crate::store::schema;
use crate::store::{Collection, IndexRead, KeyRange, StoreError};
use ::idb::TransactionMode;
use wasm_bindgen::prelude::*;

/// Whether a raw record (as IndexedDB hands it) is a tombstone.
fn is_tombstone(value: &JsValue) -> bool {
    js_sys::Reflect::get(value, &JsValue::from_str("deleted"))
        .ok()
        .and_then(|d| d.as_bool())
        .unwrap_or(false)
}

/// The `limit` live records of `collection` changed last, newest first, as IndexedDB hands them
/// (read through the `by_updated` index backwards, so the cost does not depend on how many
/// records there are), and whether they are all of them.
pub async fn latest(
    collection: Collection,
    limit: u32,
) -> Result<(js_sys::Array, bool), StoreError> {
    let name = collection.store_name();
    let tx = transaction(&[name], TransactionMode::ReadOnly).await?;
    let index = tx
        .object_store(name)
        .map_err(failed)?
        .index(schema::BY_UPDATED)
        .map_err(failed)?;
    let out = js_sys::Array::new();
    let Some(cursor) = index
        .open_cursor(None, Some(::idb::CursorDirection::Prev))
        .map_err(failed)?
        .await
        .map_err(failed)?
    else {
        return Ok((out, true));
    };
    let mut cursor = cursor.into_managed();
    while let Some(value) = cursor.value().map_err(failed)? {
        if out.length() >= limit {
            return Ok((out, false));
        }
        if !is_tombstone(&value) {
            out.push(&value);
        }
        cursor.next(None).await.map_err(failed)?;
    }
    Ok((out, true))
}

/// Up to `limit` records of `collection` (tombstones included) whose id comes after `after`, in
/// id order, as IndexedDB hands them: one batch of a read of everything in steps.
pub async fn batch_after(
    collection: Collection,
    after: Option<&str>,
    limit: u32,
) -> Result<js_sys::Array, StoreError> {
    let name = collection.store_name();
    let tx = transaction(&[name], TransactionMode::ReadOnly).await?;
    let range = match after {
        Some(id) => Some(
            ::idb::KeyRange::lower_bound(&JsValue::from_str(id), Some(true))
                .map_err(failed)?
                .into(),
        ),
        None => None,
    };
    let rows = tx
        .object_store(name)
        .map_err(failed)?
        .get_all(range, Some(limit))
        .map_err(failed)?
        .await
        .map_err(failed)?;
    Ok(rows.into_iter().collect())
}

/// How many records `collection` holds, tombstones included.
pub async fn count(collection: Collection) -> Result<u32, StoreError> {
    let name = collection.store_name();
    let tx = transaction(&[name], TransactionMode::ReadOnly).await?;
    tx.object_store(name)
        .map_err(failed)?
        .count(None)
        .map_err(failed)?
        .await
        .map_err(failed)
}

/// For each day from `from` to `to` (dates as `YYYY-MM-DD`, in order), up to `per_day` records of
/// `collection` planned on it, read through the `by_planned` index (one transaction, every day's
/// read queued at once): what a calendar shows without reading the whole backlog.
pub async fn planned_on_days(
    collection: Collection,
    days: &[String],
    per_day: u32,
) -> Result<js_sys::Array, StoreError> {
    let name = collection.store_name();
    let tx = transaction(&[name], TransactionMode::ReadOnly).await?;
    let index = tx
        .object_store(name)
        .map_err(failed)?
        .index(schema::BY_PLANNED)
        .map_err(failed)?;
    let mut requests = Vec::with_capacity(days.len());
    for day in days {
        // the day alone and every time on it: "2026-12-01" ≤ key < "2026-12-01U"
        let range = ::idb::KeyRange::bound(
            &JsValue::from_str(day),
            &JsValue::from_str(&format!("{day}U")),
            Some(false),
            Some(true),
        )
        .map_err(failed)?;
        requests.push(
            index
                .get_all(Some(range.into()), Some(per_day))
                .map_err(failed)?,
        );
    }
    let out = js_sys::Array::new();
    for request in requests {
        for record in request.await.map_err(failed)? {
            out.push(&record);
        }
    }
    Ok(out)
}

/// The core's key range as IndexedDB's; `None` for a range open on both sides (the whole index).
fn key_range(range: &KeyRange) -> Result<Option<::idb::KeyRange>, StoreError> {
    let js = |k: &str| JsValue::from_str(k);
    let upper_open = Some(range.upper_open);
    Ok(match (range.lower.as_deref(), range.upper.as_deref()) {
        (Some(l), Some(u)) if l == u && !range.upper_open => {
            Some(::idb::KeyRange::only(&js(l)).map_err(failed)?)
        }
        (Some(l), Some(u)) => {
            Some(::idb::KeyRange::bound(&js(l), &js(u), Some(false), upper_open).map_err(failed)?)
        }
        (Some(l), None) => Some(::idb::KeyRange::lower_bound(&js(l), Some(false)).map_err(failed)?),
        (None, Some(u)) => Some(::idb::KeyRange::upper_bound(&js(u), upper_open).map_err(failed)?),
        (None, None) => None,
    })
}

/// The index `index` of `collection` in a read-only transaction.
async fn index_of(collection: Collection, index: &str) -> Result<::idb::Index, StoreError> {
    let name = collection.store_name();
    let tx = transaction(&[name], TransactionMode::ReadOnly).await?;
    tx.object_store(name)
        .map_err(failed)?
        .index(index)
        .map_err(failed)
}

/// The distinct string keys of an index, in key order: a key cursor that, from each key, seeks
/// straight to the first key after it (`continue(key + "\0")`, the smallest string above it), one
/// step per key whatever the number of records under it. (Chromium's `nextunique` walks every
/// duplicate: 4.5–6.8 s for ten tags over 50,000 records on a loaded box.)
pub(super) async fn index_keys(
    collection: Collection,
    index: &str,
) -> Result<Vec<String>, StoreError> {
    let index = index_of(collection, index).await?;
    let mut out = Vec::new();
    let Some(cursor) = index
        .open_key_cursor(None, None)
        .map_err(failed)?
        .await
        .map_err(failed)?
    else {
        return Ok(out);
    };
    let mut cursor = cursor.into_managed();
    while let Some(key) = cursor.key().map_err(failed)? {
        let Some(key) = key.as_string() else {
            // not a string (this layer's indexes hold strings): the next key, one step
            cursor.next(None).await.map_err(failed)?;
            continue;
        };
        let after = JsValue::from_str(&format!("{key}\0"));
        out.push(key);
        cursor.next(Some(&after)).await.map_err(failed)?;
    }
    Ok(out)
}

/// How many index entries `read` covers (each range's count queued at once, one transaction).
pub(super) async fn index_count(
    collection: Collection,
    read: &IndexRead,
) -> Result<u32, StoreError> {
    let index = index_of(collection, read.index).await?;
    let mut requests = Vec::new();
    for range in read.ranges.iter().filter(|r| !r.is_empty()) {
        requests.push(
            index
                .count(key_range(range)?.map(Into::into))
                .map_err(failed)?,
        );
    }
    let mut n = 0u32;
    for request in requests {
        n = n.saturating_add(request.await.map_err(failed)?);
    }
    Ok(n)
}

/// The records `read` covers, tombstones included, range after range in key order, each once,
/// as IndexedDB hands them (one transaction, every range's read queued at once).
pub async fn index_raw(
    collection: Collection,
    read: &IndexRead,
) -> Result<js_sys::Array, StoreError> {
    let index = index_of(collection, read.index).await?;
    let mut requests = Vec::new();
    for range in read.ranges.iter().filter(|r| !r.is_empty()) {
        requests.push(
            index
                .get_all(key_range(range)?.map(Into::into), None)
                .map_err(failed)?,
        );
    }
    let out = js_sys::Array::new();
    // a record under two of the ranges (two spellings of a tag) is handed over once
    let mut seen = std::collections::HashSet::new();
    let several = requests.len() > 1;
    for request in requests {
        for record in request.await.map_err(failed)? {
            if several {
                let id = js_sys::Reflect::get(&record, &JsValue::from_str("id"))
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                if !seen.insert(id) {
                    continue;
                }
            }
            out.push(&record);
        }
    }
    Ok(out)
}

/// The ids (primary keys) of the records `read` covers, range after range in key order, each
/// once: key-only reads (one transaction, every range's read queued at once).
pub(super) async fn index_ids(
    collection: Collection,
    read: &IndexRead,
) -> Result<Vec<String>, StoreError> {
    let index = index_of(collection, read.index).await?;
    let mut requests = Vec::new();
    for range in read.ranges.iter().filter(|r| !r.is_empty()) {
        requests.push(
            index
                .get_all_keys(key_range(range)?.map(Into::into), None)
                .map_err(failed)?,
        );
    }
    let several = requests.len() > 1;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for request in requests {
        for key in request.await.map_err(failed)? {
            let Some(id) = key.as_string() else {
                continue;
            };
            if several && !seen.insert(id.clone()) {
                continue;
            }
            out.push(id);
        }
    }
    Ok(out)
}

/// The records `ids` of `collection` that exist (tombstones included), in the order of `ids`,
/// as IndexedDB hands them (one transaction, every read queued at once): the rows a list shows.
pub async fn by_ids(collection: Collection, ids: &[String]) -> Result<js_sys::Array, StoreError> {
    let name = collection.store_name();
    let tx = transaction(&[name], TransactionMode::ReadOnly).await?;
    let store = tx.object_store(name).map_err(failed)?;
    let mut requests = Vec::with_capacity(ids.len());
    for id in ids {
        requests.push(store.get(JsValue::from_str(id)).map_err(failed)?);
    }
    let out = js_sys::Array::new();
    for request in requests {
        if let Some(record) = request.await.map_err(failed)? {
            out.push(&record);
        }
    }
    Ok(out)
}

/// One step of a walk over every record of `collection`, newest change first (the `by_updated`
/// index backwards, keys only: no record is read): up to `limit` ids that `admit` accepts and
/// `skip` does not hold, from the change `from` down (included: ids walked before are in
/// `skip`); returns them, the last change looked at (where the next step starts), and whether
/// the index ended.
pub async fn walk_by_change(
    collection: Collection,
    from: Option<f64>,
    skip: &std::collections::HashSet<String>,
    admit: impl Fn(&str) -> bool,
    limit: usize,
) -> Result<(Vec<String>, Option<f64>, bool), StoreError> {
    let index = index_of(collection, schema::BY_UPDATED).await?;
    let range = match from {
        Some(key) => Some(
            ::idb::KeyRange::upper_bound(&JsValue::from_f64(key), Some(false))
                .map_err(failed)?
                .into(),
        ),
        None => None,
    };
    let mut out = Vec::new();
    let mut last = from;
    let Some(cursor) = index
        .open_key_cursor(range, Some(::idb::CursorDirection::Prev))
        .map_err(failed)?
        .await
        .map_err(failed)?
    else {
        return Ok((out, last, true));
    };
    let mut cursor = cursor.into_managed();
    while let Some(key) = cursor.key().map_err(failed)? {
        last = key.as_f64().or(last);
        if let Some(id) = cursor
            .primary_key()
            .map_err(failed)?
            .and_then(|k| k.as_string())
        {
            if !skip.contains(&id) && admit(&id) {
                out.push(id);
                if out.len() >= limit {
                    return Ok((out, last, false));
                }
            }
        }
        cursor.next(None).await.map_err(failed)?;
    }
    Ok((out, last, true))
}
