//! The core's [`Store`] over IndexedDB, through the `idb` crate (the global `indexedDB`, so it
//! works in the service worker, the event page and the extension pages alike).
//!
//! A transaction commits as soon as its task waits on anything that is not one of its own
//! requests: [`crate::store::write`] awaits only this transaction's reads between `begin` and
//! `commit`, and `commit` resolves on the transaction's `complete` event, so "saved" is never
//! said before the data is on disk. The upgrade runs the core's migration chain in IndexedDB's
//! version-change transaction: one failed step aborts it and leaves the old database as it was.

use crate::store::schema::{self, Step};
use crate::store::{Applied, Collection, Record, Store, StoreError, WriteTx};
use ::idb::{
    Database, DatabaseEvent, Factory, KeyPath, ObjectStore, ObjectStoreParams, Transaction,
    TransactionMode,
};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The open connection, kept for the worker's life (closed when another context upgrades).
    static DB: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
}

fn unavailable(e: impl std::fmt::Display) -> StoreError {
    StoreError::Unavailable(e.to_string())
}

/// An IndexedDB failure as a store error: a full disk is `store.quota`.
fn failed(e: ::idb::Error) -> StoreError {
    let text = e.to_string();
    if text.contains("QuotaExceeded") {
        StoreError::Quota
    } else {
        StoreError::Unavailable(text)
    }
}

fn upgrade(event: &::idb::event::VersionChangeEvent) -> Result<(), StoreError> {
    use ::idb::event::Event as _;
    use ::idb::request::Request as _;
    let old = event.old_version().map_err(unavailable)?;
    let db = event.database().map_err(unavailable)?;
    let tx = event
        .target()
        .map_err(unavailable)?
        .transaction()
        .ok_or_else(|| unavailable("no upgrade transaction"))?;
    for m in schema::migrations_from(old)? {
        let fail = |e: ::idb::Error| StoreError::Migration {
            to: m.to,
            reason: e.to_string(),
        };
        for step in m.steps {
            match *step {
                Step::CreateStore { name, key_path } => {
                    let mut params = ObjectStoreParams::new();
                    params.key_path(Some(KeyPath::new_single(key_path)));
                    db.create_object_store(name, params).map_err(fail)?;
                }
                Step::CreateIndex {
                    store,
                    name,
                    key_path,
                } => {
                    tx.object_store(store)
                        .map_err(fail)?
                        .create_index(name, KeyPath::new_single(key_path), None)
                        .map_err(fail)?;
                }
                Step::CreateMultiEntryIndex {
                    store,
                    name,
                    key_path,
                } => {
                    let mut params = ::idb::IndexParams::new();
                    params.multi_entry(true);
                    tx.object_store(store)
                        .map_err(fail)?
                        .create_index(name, KeyPath::new_single(key_path), Some(params))
                        .map_err(fail)?;
                }
            }
        }
    }
    Ok(())
}

/// The database, opened (and upgraded) on first use.
async fn database() -> Result<Rc<Database>, StoreError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = Factory::new().map_err(unavailable)?;
    let mut request = factory
        .open(schema::DB_NAME, Some(schema::SCHEMA_VERSION))
        .map_err(failed)?;
    let upgrade_error: Rc<RefCell<Option<StoreError>>> = Rc::default();
    let seen = upgrade_error.clone();
    request.on_upgrade_needed(move |event| {
        if let Err(e) = upgrade(&event) {
            web_sys::console::error_1(&format!("Porte-voix: store upgrade: {e}").into());
            // abort the version-change transaction: the old database stays as it was
            use ::idb::event::Event as _;
            use ::idb::request::Request as _;
            if let Some(tx) = event.target().ok().and_then(|r| r.transaction()) {
                crate::web::error::log_coded("store upgrade abort", tx.abort().map_err(failed));
            }
            *seen.borrow_mut() = Some(e);
        }
    });
    let db = match request.await {
        Ok(db) => db,
        Err(e) => {
            // a database newer than this build (after a downgrade) also fails to open
            return Err(upgrade_error
                .borrow_mut()
                .take()
                .unwrap_or_else(|| failed(e)));
        }
    };
    // Two tasks that found no connection both opened one: the first kept is the one used, the
    // other is closed at once (an extra open connection would block a later upgrade or deletion).
    if let Some(kept) = DB.with(|d| d.borrow().clone()) {
        db.close();
        return Ok(kept);
    }
    // another context (a newer version of the extension, a deletion) wants the database: this
    // connection closes itself, and is forgotten if it is the one kept
    let db = Rc::new_cyclic(move |me: &std::rc::Weak<Database>| {
        let mut db = db;
        let me = me.clone();
        db.on_version_change(move |_| {
            if let Some(mine) = me.upgrade() {
                mine.close();
                DB.with(|d| {
                    let kept = d.borrow().as_ref().is_some_and(|k| Rc::ptr_eq(k, &mine));
                    if kept {
                        d.borrow_mut().take();
                    }
                });
            }
        });
        db
    });
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn forget_connection() {
    DB.with(|d| d.borrow_mut().take());
}

/// A transaction over `stores`; a connection the browser closed is reopened once.
async fn transaction(stores: &[&str], mode: TransactionMode) -> Result<Transaction, StoreError> {
    let db = database().await?;
    match db.transaction(stores, mode) {
        Ok(tx) => Ok(tx),
        Err(_) => {
            forget_connection();
            database().await?.transaction(stores, mode).map_err(failed)
        }
    }
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, StoreError> {
    crate::web::ext::to_js(value)
        .map_err(|e| StoreError::Damaged(crate::web::error::message_of(&e)))
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, StoreError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| StoreError::Damaged(e.to_string()))
}

/// The IndexedDB store (the connection is per context, opened on first use).
pub struct IdbStore;

/// One read-write transaction over a collection and the applied request ids.
pub struct IdbTx {
    tx: Transaction,
    records: ObjectStore,
    applied: ObjectStore,
}

impl WriteTx for IdbTx {
    async fn applied(&mut self, request_id: &str) -> Result<Option<Applied>, StoreError> {
        let found = self
            .applied
            .get(JsValue::from_str(request_id))
            .map_err(failed)?
            .await
            .map_err(failed)?;
        found.map(from_js).transpose()
    }

    async fn current(&mut self, id: &str) -> Result<Option<Record>, StoreError> {
        let found = self
            .records
            .get(JsValue::from_str(id))
            .map_err(failed)?
            .await
            .map_err(failed)?;
        found.map(from_js).transpose()
    }

    fn put(&mut self, record: &Record) -> Result<(), StoreError> {
        // queued in the transaction; its outcome is the transaction's
        self.records.put(&to_js(record)?, None).map_err(failed)?;
        Ok(())
    }

    fn put_applied(&mut self, applied: &Applied) -> Result<(), StoreError> {
        self.applied.put(&to_js(applied)?, None).map_err(failed)?;
        Ok(())
    }

    async fn applied_before(&mut self, at: u64, limit: u32) -> Result<Vec<String>, StoreError> {
        let range = ::idb::KeyRange::upper_bound(&JsValue::from_f64(at as f64), Some(true))
            .map_err(failed)?;
        let keys = self
            .applied
            .index(schema::BY_AT)
            .map_err(failed)?
            .get_all_keys(Some(range.into()), Some(limit))
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Ok(keys.into_iter().filter_map(|k| k.as_string()).collect())
    }

    fn forget_applied(&mut self, request_id: &str) -> Result<(), StoreError> {
        self.applied
            .delete(JsValue::from_str(request_id))
            .map_err(failed)?;
        Ok(())
    }

    async fn commit(self) -> Result<(), StoreError> {
        // a handle kept to read why the browser aborted it (a full disk aborts at commit)
        let raw: web_sys::IdbTransaction = self.tx.into();
        let handle = raw.clone();
        let result = Transaction::from(raw)
            .commit()
            .map_err(failed)?
            .await
            .map_err(|e| match failed(e) {
                StoreError::Quota => StoreError::Quota,
                other => StoreError::NotCommitted(other.to_string()),
            })?;
        if result.is_committed() {
            Ok(())
        } else if handle
            .error()
            .is_some_and(|e| e.name() == "QuotaExceededError")
        {
            Err(StoreError::Quota)
        } else {
            Err(StoreError::NotCommitted(
                "the transaction was aborted".into(),
            ))
        }
    }
}

impl Store for IdbStore {
    type Tx = IdbTx;

    async fn begin(&self, collection: Collection) -> Result<IdbTx, StoreError> {
        let name = collection.store_name();
        let tx = transaction(&[name, schema::APPLIED], TransactionMode::ReadWrite).await?;
        let records = tx.object_store(name).map_err(failed)?;
        let applied = tx.object_store(schema::APPLIED).map_err(failed)?;
        Ok(IdbTx {
            tx,
            records,
            applied,
        })
    }

    async fn get(&self, collection: Collection, id: &str) -> Result<Option<Record>, StoreError> {
        let name = collection.store_name();
        let tx = transaction(&[name], TransactionMode::ReadOnly).await?;
        let found = tx
            .object_store(name)
            .map_err(failed)?
            .get(JsValue::from_str(id))
            .map_err(failed)?
            .await
            .map_err(failed)?;
        found.map(from_js).transpose()
    }

    async fn all(&self, collection: Collection) -> Result<Vec<Record>, StoreError> {
        let name = collection.store_name();
        let tx = transaction(&[name], TransactionMode::ReadOnly).await?;
        let rows = tx
            .object_store(name)
            .map_err(failed)?
            .get_all(None, None)
            .map_err(failed)?
            .await
            .map_err(failed)?;
        rows.into_iter().map(from_js).collect()
    }

    async fn meta(&self, key: &str) -> Result<Option<serde_json::Value>, StoreError> {
        let tx = transaction(&[schema::META], TransactionMode::ReadOnly).await?;
        let found = tx
            .object_store(schema::META)
            .map_err(failed)?
            .get(JsValue::from_str(key))
            .map_err(failed)?
            .await
            .map_err(failed)?;
        let row: Option<serde_json::Value> = found.map(from_js).transpose()?;
        Ok(row.and_then(|mut r| r.get_mut("value").map(serde_json::Value::take)))
    }

    async fn set_meta(&self, key: &str, value: &serde_json::Value) -> Result<(), StoreError> {
        let tx = transaction(&[schema::META], TransactionMode::ReadWrite).await?;
        let row = serde_json::json!({ "key": key, "value": value });
        tx.object_store(schema::META)
            .map_err(failed)?
            .put(&to_js(&row)?, None)
            .map_err(failed)?;
        let result = tx
            .commit()
            .map_err(failed)?
            .await
            .map_err(|e| StoreError::NotCommitted(failed(e).to_string()))?;
        if result.is_committed() {
            Ok(())
        } else {
            Err(StoreError::NotCommitted(
                "the transaction was aborted".into(),
            ))
        }
    }
}

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
