//! The core's [`Store`] over IndexedDB, through the `idb` crate (the global `indexedDB`, so it
//! works in the service worker, the event page and the extension pages alike): the connection
//! and its upgrade (`open`), the pages' bulk reads and reads through an index (`reads`), and
//! here the store's transactions.
//!
//! A transaction commits as soon as its task waits on anything that is not one of its own
//! requests: [`crate::store::write`] awaits only this transaction's reads between `begin` and
//! `commit`, and `commit` resolves on the transaction's `complete` event, so "saved" is never
//! said before the data is on disk.

mod open;
mod reads;

pub use reads::{batch_after, by_ids, count, index_raw, latest, planned_on_days, walk_by_change};

use crate::store::schema;
use crate::store::{Applied, Collection, IndexRead, Record, Store, StoreError, WriteTx};
use ::idb::{ObjectStore, Transaction, TransactionMode};
use open::transaction;
use wasm_bindgen::prelude::*;

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

    async fn index_keys(
        &self,
        collection: Collection,
        index: &str,
    ) -> Result<Vec<String>, StoreError> {
        reads::index_keys(collection, index).await
    }

    async fn index_count(
        &self,
        collection: Collection,
        read: &IndexRead,
    ) -> Result<u32, StoreError> {
        reads::index_count(collection, read).await
    }

    async fn index_ids(
        &self,
        collection: Collection,
        read: &IndexRead,
    ) -> Result<Vec<String>, StoreError> {
        reads::index_ids(collection, read).await
    }

    async fn index_records(
        &self,
        collection: Collection,
        read: &IndexRead,
    ) -> Result<Vec<Record>, StoreError> {
        index_raw(collection, read)
            .await?
            .iter()
            .map(from_js)
            .collect()
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
