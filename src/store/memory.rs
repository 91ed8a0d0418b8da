//! An in-memory [`Store`] shaped like IndexedDB (named object stores keyed by a field, indexes,
//! a schema version, upgrade steps, all-or-nothing transactions), so the native tests run the
//! same decisions, migrations and idempotence as the browser. Not used by the extension.

use super::schema::{self, Step};
use super::{Applied, Collection, IndexRead, Record, Store, StoreError, WriteTx};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// One object store: its key field, index names (with their key paths; the multi-entry ones
/// also in `multi_entry`), and rows by key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ObjectStore {
    pub key_path: String,
    pub indexes: BTreeMap<String, String>,
    pub multi_entry: BTreeSet<String>,
    pub rows: BTreeMap<String, Value>,
}

/// The value at a dotted key path (`body.state`), as IndexedDB evaluates it.
fn at_path<'v>(value: &'v Value, key_path: &str) -> Option<&'v Value> {
    key_path.split('.').try_fold(value, |v, part| v.get(part))
}

/// Whether IndexedDB indexes a value: a string or a number (an array only as a key of its own;
/// `null`, booleans and objects are left out of the index).
fn is_key(value: &Value) -> bool {
    value.is_string() || value.is_number()
}

impl ObjectStore {
    /// What the index `name` holds, as IndexedDB would fill it: (key, primary key) pairs in key
    /// order, a record left out when its value at the key path is not a valid key, and one entry
    /// per distinct element for a multi-entry index over an array. `None`: no such index.
    pub fn index_entries(&self, name: &str) -> Option<Vec<(Value, String)>> {
        let key_path = self.indexes.get(name)?;
        let multi = self.multi_entry.contains(name);
        let mut out = Vec::new();
        for (primary, row) in &self.rows {
            match at_path(row, key_path) {
                Some(Value::Array(values)) if multi => {
                    let mut seen: Vec<&Value> = Vec::new();
                    for v in values.iter().filter(|v| is_key(v)) {
                        if !seen.contains(&v) {
                            seen.push(v);
                            out.push((v.clone(), primary.clone()));
                        }
                    }
                }
                Some(v) if is_key(v) => out.push((v.clone(), primary.clone())),
                _ => {}
            }
        }
        // IndexedDB orders numbers before strings; the stores' keys are one or the other
        out.sort_by(|(a, pa), (b, pb)| {
            let order = match (a, b) {
                (Value::Number(x), Value::Number(y)) => {
                    let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
                    x.total_cmp(&y)
                }
                (Value::Number(_), _) => std::cmp::Ordering::Less,
                (_, Value::Number(_)) => std::cmp::Ordering::Greater,
                _ => a.as_str().cmp(&b.as_str()),
            };
            order.then_with(|| pa.cmp(pb))
        });
        Some(out)
    }
}

/// The whole database.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Database {
    pub version: u32,
    pub stores: BTreeMap<String, ObjectStore>,
}

impl Database {
    /// Applies one migration's steps (the caller keeps the old copy when this fails).
    fn apply(&mut self, to: u32, steps: &[Step]) -> Result<(), StoreError> {
        let fail = |reason: String| StoreError::Migration { to, reason };
        for step in steps {
            match *step {
                Step::CreateStore { name, key_path } => {
                    if self.stores.contains_key(name) {
                        return Err(fail(format!("store {name} exists")));
                    }
                    self.stores.insert(
                        name.to_string(),
                        ObjectStore {
                            key_path: key_path.to_string(),
                            ..ObjectStore::default()
                        },
                    );
                }
                Step::CreateIndex {
                    store,
                    name,
                    key_path,
                }
                | Step::CreateMultiEntryIndex {
                    store,
                    name,
                    key_path,
                } => {
                    let s = self
                        .stores
                        .get_mut(store)
                        .ok_or_else(|| fail(format!("no store {store}")))?;
                    if s.indexes.contains_key(name) {
                        return Err(fail(format!("index {name} exists on {store}")));
                    }
                    s.indexes.insert(name.to_string(), key_path.to_string());
                    if matches!(step, Step::CreateMultiEntryIndex { .. }) {
                        s.multi_entry.insert(name.to_string());
                    }
                }
            }
        }
        self.version = to;
        Ok(())
    }

    /// Puts `value` into `store`, keyed by its key field (IndexedDB's `DataError` otherwise).
    pub fn put(&mut self, store: &str, value: Value) -> Result<(), StoreError> {
        let s = self
            .stores
            .get_mut(store)
            .ok_or_else(|| StoreError::Unavailable(format!("no object store {store}")))?;
        let key = value
            .get(&s.key_path)
            .and_then(Value::as_str)
            .ok_or_else(|| StoreError::Damaged(format!("no key {} in {value}", s.key_path)))?
            .to_string();
        s.rows.insert(key, value);
        Ok(())
    }
}

/// Opens `db` the way IndexedDB's `open(name, SCHEMA_VERSION)` does: runs every migration from
/// its version on a copy, and keeps the copy only when all of them succeeded.
pub fn upgrade(db: &Database) -> Result<Database, StoreError> {
    upgrade_to(db, schema::SCHEMA_VERSION)
}

/// Like [`upgrade`], stopping at version `to` (to build the databases older versions wrote).
pub fn upgrade_to(db: &Database, to: u32) -> Result<Database, StoreError> {
    let mut next = db.clone();
    for m in schema::migrations_from(db.version)? {
        if m.to > to {
            break;
        }
        next.apply(m.to, m.steps)?;
    }
    Ok(next)
}

/// The in-memory store. Cloning shares the database (two handles, one database).
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    db: Rc<RefCell<Database>>,
    /// Test hook: the next commit fails (the service worker stopped mid-transaction).
    fail_next_commit: Rc<RefCell<bool>>,
    /// Test hook: the most bytes (rows as JSON) the database may hold, like the browser's quota;
    /// a commit past it fails with `store.quota` and writes nothing.
    quota: Rc<RefCell<Option<usize>>>,
}

impl MemoryStore {
    /// A store at the current schema version.
    pub fn new() -> Result<MemoryStore, StoreError> {
        MemoryStore::open(Database::default())
    }

    /// Opens an existing database, upgrading it.
    pub fn open(db: Database) -> Result<MemoryStore, StoreError> {
        Ok(MemoryStore {
            db: Rc::new(RefCell::new(upgrade(&db)?)),
            fail_next_commit: Rc::default(),
            quota: Rc::default(),
        })
    }

    /// The entries of the index `index` of `collection` (see [`ObjectStore::index_entries`]).
    fn index_entries(
        &self,
        collection: Collection,
        index: &str,
    ) -> Result<Vec<(Value, String)>, StoreError> {
        let db = self.db.borrow();
        db.stores
            .get(collection.store_name())
            .and_then(|s| s.index_entries(index))
            .ok_or_else(|| StoreError::Unavailable(format!("no index {index}")))
    }

    /// A copy of the database as it is.
    pub fn snapshot(&self) -> Database {
        self.db.borrow().clone()
    }

    /// The next commit fails and writes nothing.
    pub fn fail_next_commit(&self) {
        *self.fail_next_commit.borrow_mut() = true;
    }

    /// Limits the database to `bytes` (its rows as JSON), or lifts the limit with `None`.
    pub fn set_quota(&self, bytes: Option<usize>) {
        *self.quota.borrow_mut() = bytes;
    }

    /// What the database holds, in bytes (its rows as JSON): what the quota is counted in.
    pub fn used_bytes(&self) -> usize {
        size_of_db(&self.db.borrow())
    }

    /// Refuses `next` when it is over the quota.
    fn check_quota(&self, next: &Database) -> Result<(), StoreError> {
        match *self.quota.borrow() {
            Some(max) if size_of_db(next) > max => Err(StoreError::Quota),
            _ => Ok(()),
        }
    }

    fn row<T: serde::de::DeserializeOwned>(
        &self,
        store: &str,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        let db = self.db.borrow();
        let s = db
            .stores
            .get(store)
            .ok_or_else(|| StoreError::Unavailable(format!("no object store {store}")))?;
        s.rows
            .get(key)
            .map(|v| {
                serde_json::from_value(v.clone()).map_err(|e| StoreError::Damaged(e.to_string()))
            })
            .transpose()
    }
}

fn size_of_db(db: &Database) -> usize {
    db.stores
        .values()
        .flat_map(|s| s.rows.values())
        .map(|v| v.to_string().len())
        .sum()
}

/// A transaction of the in-memory store: queued writes, applied together at commit.
pub struct MemoryTx {
    store: MemoryStore,
    collection: Collection,
    queued: Vec<(&'static str, Value)>,
    forgotten: Vec<String>,
}

fn to_value<T: serde::Serialize>(v: &T) -> Result<Value, StoreError> {
    serde_json::to_value(v).map_err(|e| StoreError::Damaged(e.to_string()))
}

impl WriteTx for MemoryTx {
    async fn applied(&mut self, request_id: &str) -> Result<Option<Applied>, StoreError> {
        self.store.row(schema::APPLIED, request_id)
    }

    async fn current(&mut self, id: &str) -> Result<Option<Record>, StoreError> {
        self.store.row(self.collection.store_name(), id)
    }

    fn put(&mut self, record: &Record) -> Result<(), StoreError> {
        self.queued
            .push((self.collection.store_name(), to_value(record)?));
        Ok(())
    }

    fn put_applied(&mut self, applied: &Applied) -> Result<(), StoreError> {
        self.queued.push((schema::APPLIED, to_value(applied)?));
        Ok(())
    }

    async fn applied_before(&mut self, at: u64, limit: u32) -> Result<Vec<String>, StoreError> {
        let db = self.store.db.borrow();
        let s = db
            .stores
            .get(schema::APPLIED)
            .ok_or_else(|| StoreError::Unavailable("no applied requests".into()))?;
        let mut old: Vec<(u64, String)> = s
            .rows
            .iter()
            .filter_map(|(k, v)| Some((v.get("at")?.as_u64()?, k.clone())))
            .filter(|(t, _)| *t < at)
            .collect();
        old.sort();
        Ok(old
            .into_iter()
            .take(limit as usize)
            .map(|(_, k)| k)
            .collect())
    }

    fn forget_applied(&mut self, request_id: &str) -> Result<(), StoreError> {
        self.forgotten.push(request_id.to_string());
        Ok(())
    }

    async fn commit(self) -> Result<(), StoreError> {
        if std::mem::take(&mut *self.store.fail_next_commit.borrow_mut()) {
            return Err(StoreError::NotCommitted("stopped before commit".into()));
        }
        // all or nothing: apply to a copy, then swap it in
        let mut next = self.store.db.borrow().clone();
        for (store, value) in self.queued {
            next.put(store, value)?;
        }
        if let Some(applied) = next.stores.get_mut(schema::APPLIED) {
            for id in &self.forgotten {
                applied.rows.remove(id);
            }
        }
        self.store.check_quota(&next)?;
        *self.store.db.borrow_mut() = next;
        Ok(())
    }
}

impl Store for MemoryStore {
    type Tx = MemoryTx;

    async fn begin(&self, collection: Collection) -> Result<MemoryTx, StoreError> {
        Ok(MemoryTx {
            store: self.clone(),
            collection,
            queued: Vec::new(),
            forgotten: Vec::new(),
        })
    }

    async fn get(&self, collection: Collection, id: &str) -> Result<Option<Record>, StoreError> {
        self.row(collection.store_name(), id)
    }

    async fn all(&self, collection: Collection) -> Result<Vec<Record>, StoreError> {
        let db = self.db.borrow();
        let s = db
            .stores
            .get(collection.store_name())
            .ok_or_else(|| StoreError::Unavailable("no object store".into()))?;
        s.rows
            .values()
            .map(|v| {
                serde_json::from_value(v.clone()).map_err(|e| StoreError::Damaged(e.to_string()))
            })
            .collect()
    }

    async fn meta(&self, key: &str) -> Result<Option<Value>, StoreError> {
        let row: Option<Value> = self.row(schema::META, key)?;
        Ok(row.and_then(|mut r| r.get_mut("value").map(Value::take)))
    }

    async fn index_keys(
        &self,
        collection: Collection,
        index: &str,
    ) -> Result<Vec<String>, StoreError> {
        let mut keys: Vec<String> = self
            .index_entries(collection, index)?
            .into_iter()
            .filter_map(|(k, _)| k.as_str().map(str::to_string))
            .collect();
        keys.dedup();
        Ok(keys)
    }

    async fn index_count(
        &self,
        collection: Collection,
        read: &IndexRead,
    ) -> Result<u32, StoreError> {
        let entries = self.index_entries(collection, read.index)?;
        let n = read
            .ranges
            .iter()
            .filter(|r| !r.is_empty())
            .map(|r| {
                entries
                    .iter()
                    .filter(|(k, _)| k.as_str().is_some_and(|k| r.contains(k)))
                    .count()
            })
            .sum::<usize>();
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    async fn index_ids(
        &self,
        collection: Collection,
        read: &IndexRead,
    ) -> Result<Vec<String>, StoreError> {
        let entries = self.index_entries(collection, read.index)?;
        let mut seen = BTreeSet::new();
        let mut ids = Vec::new();
        for range in read.ranges.iter().filter(|r| !r.is_empty()) {
            let whole = range.lower.is_none() && range.upper.is_none();
            for (key, id) in &entries {
                let inside = whole || key.as_str().is_some_and(|k| range.contains(k));
                if inside && seen.insert(id.clone()) {
                    ids.push(id.clone());
                }
            }
        }
        Ok(ids)
    }

    async fn index_records(
        &self,
        collection: Collection,
        read: &IndexRead,
    ) -> Result<Vec<Record>, StoreError> {
        let entries = self.index_entries(collection, read.index)?;
        let mut seen = BTreeSet::new();
        let mut ids = Vec::new();
        for range in read.ranges.iter().filter(|r| !r.is_empty()) {
            for (key, id) in &entries {
                if key.as_str().is_some_and(|k| range.contains(k)) && seen.insert(id.clone()) {
                    ids.push(id.clone());
                }
            }
        }
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(self.row::<Record>(collection.store_name(), &id)?);
        }
        Ok(out)
    }

    async fn set_meta(&self, key: &str, value: &Value) -> Result<(), StoreError> {
        let row = serde_json::json!({ "key": key, "value": value });
        let mut next = self.db.borrow().clone();
        next.put(schema::META, row)?;
        self.check_quota(&next)?;
        *self.db.borrow_mut() = next;
        Ok(())
    }
}

/// Polls a future once: `Some` with its output when it is ready at once, as every future of the
/// in-memory store is (native tests and the command line run them this way, without a runtime).
pub fn now_or_never<F: std::future::Future>(f: F) -> Option<F::Output> {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match f.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => Some(v),
        std::task::Poll::Pending => None,
    }
}
