//! What the background keeps in IndexedDB, decided in pure Rust: records with stable ids,
//! created/updated times, a revision, and deletions kept as tombstones (a sync layer will need
//! them); the schema version and its migration chain (`schema`); the decision on every write
//! (`decide`: the expected revision, `store.conflict` when it changed elsewhere); and idempotence
//! by request id (`write`: the request id is recorded in the same transaction as the record, and
//! a write is reported saved only once that transaction has committed).
//!
//! The [`Store`] trait is what the web layer implements over IndexedDB
//! (`src/web/background/idb.rs`); [`memory::MemoryStore`] implements it in memory so native tests
//! run the very same decisions. Nothing here touches a browser. The template and backlog models
//! live in their own modules: a record's `body` is their JSON, opaque here.

pub mod index;
pub mod memory;
pub mod schema;

use crate::error::Coded;
pub use index::{IndexRead, KeyRange};
use serde::{Deserialize, Serialize};

/// The object stores that hold user records, one record per item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Collection {
    /// Saved replies (the template library).
    Templates,
    /// Captured content waiting to be posted.
    Backlog,
}

impl Collection {
    /// Every collection.
    pub const ALL: [Collection; 2] = [Collection::Templates, Collection::Backlog];

    /// The IndexedDB object store that holds it.
    pub fn store_name(self) -> &'static str {
        match self {
            Collection::Templates => schema::TEMPLATES,
            Collection::Backlog => schema::BACKLOG,
        }
    }
}

/// One stored item: the metadata every record shares, and the item itself as JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Stable id, chosen by the client that creates the record; never reused for another item.
    pub id: String,
    /// 1 when created, +1 on every change (a deletion included).
    pub revision: u64,
    /// Milliseconds since the Unix epoch.
    pub created: u64,
    /// Milliseconds since the Unix epoch; never goes back.
    pub updated: u64,
    /// A tombstone: the item was deleted; its id and revision stay.
    #[serde(default)]
    pub deleted: bool,
    /// The item (a template, a backlog item); `null` in a tombstone.
    #[serde(default)]
    pub body: serde_json::Value,
}

/// A write asked of the store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Write {
    /// Creates (`expected_revision` absent) or replaces (the revision the client last read).
    Put {
        collection: Collection,
        id: String,
        #[serde(default)]
        expected_revision: Option<u64>,
        body: serde_json::Value,
    },
    /// Deletes, leaving a tombstone.
    Delete {
        collection: Collection,
        id: String,
        #[serde(default)]
        expected_revision: Option<u64>,
    },
}

impl Write {
    /// The collection written to.
    pub fn collection(&self) -> Collection {
        match self {
            Write::Put { collection, .. } | Write::Delete { collection, .. } => *collection,
        }
    }

    /// The record's id.
    pub fn id(&self) -> &str {
        match self {
            Write::Put { id, .. } | Write::Delete { id, .. } => id,
        }
    }
}

/// A request id the store has applied, kept with the record it produced so that a retry of the
/// same request answers the same thing and writes nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Applied {
    pub request_id: String,
    /// When it was applied (milliseconds since the Unix epoch).
    pub at: u64,
    pub collection: Collection,
    /// The record as that write left it.
    pub record: Record,
}

/// Errors of the store, each with a stable code.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum StoreError {
    #[error("record {id} changed elsewhere (expected revision {expected:?}, found {found:?})")]
    Conflict {
        id: String,
        expected: Option<u64>,
        found: Option<u64>,
    },
    #[error("no record {0}")]
    NotFound(String),
    #[error("a record id must be 1 to 200 characters")]
    InvalidId,
    #[error("the database has schema version {found}, newer than this version knows ({known})")]
    NewerSchema { found: u32, known: u32 },
    #[error("migration to schema version {to} failed: {reason}")]
    Migration { to: u32, reason: String },
    #[error("the browser's storage is full")]
    Quota,
    #[error("the database is not available: {0}")]
    Unavailable(String),
    #[error("the write did not commit: {0}")]
    NotCommitted(String),
    #[error("a stored record is damaged: {0}")]
    Damaged(String),
}

impl Coded for StoreError {
    fn code(&self) -> &'static str {
        match self {
            StoreError::Conflict { .. } => "store.conflict",
            StoreError::NotFound(_) => "store.not_found",
            StoreError::InvalidId => "store.invalid_id",
            StoreError::NewerSchema { .. } => "store.newer_schema",
            StoreError::Migration { .. } => "store.migration",
            StoreError::Quota => "store.quota",
            StoreError::Unavailable(_) => "store.unavailable",
            StoreError::NotCommitted(_) => "store.not_committed",
            StoreError::Damaged(_) => "store.damaged",
        }
    }
}

/// The longest record id accepted.
const MAX_ID: usize = 200;

/// The decision on one write, given the record as it is now (live, tombstone or absent): the
/// record to store, or why not. Pure: the same for IndexedDB and the in-memory store.
///
/// The expected revision must be the current one: absent for a record that does not exist, the
/// revision last read otherwise. A tombstone has a revision too, so re-creating a deleted id
/// names the tombstone's revision, and a deletion made elsewhere is a conflict, not a silent
/// resurrection.
pub fn decide(write: &Write, current: Option<&Record>, now: u64) -> Result<Record, StoreError> {
    let id = write.id();
    if id.is_empty() || id.chars().count() > MAX_ID {
        return Err(StoreError::InvalidId);
    }
    let (expected, body, deleting) = match write {
        Write::Put {
            expected_revision,
            body,
            ..
        } => (*expected_revision, body.clone(), false),
        Write::Delete {
            expected_revision, ..
        } => (*expected_revision, serde_json::Value::Null, true),
    };
    if deleting {
        // nothing to delete: absent, or already a tombstone
        let Some(cur) = current.filter(|c| !c.deleted) else {
            return Err(StoreError::NotFound(id.to_string()));
        };
        if expected.is_some_and(|e| e != cur.revision) {
            return Err(StoreError::Conflict {
                id: id.to_string(),
                expected,
                found: Some(cur.revision),
            });
        }
        return Ok(Record {
            id: id.to_string(),
            revision: cur.revision + 1,
            created: cur.created,
            updated: now.max(cur.updated),
            deleted: true,
            body,
        });
    }
    let found = current.map(|c| c.revision);
    if found != expected {
        return Err(StoreError::Conflict {
            id: id.to_string(),
            expected,
            found,
        });
    }
    Ok(match current {
        None => Record {
            id: id.to_string(),
            revision: 1,
            created: now,
            updated: now,
            deleted: false,
            body,
        },
        Some(cur) => Record {
            id: id.to_string(),
            revision: cur.revision + 1,
            created: cur.created,
            updated: now.max(cur.updated),
            deleted: false,
            body,
        },
    })
}

/// One read-write transaction over a collection and the applied request ids. Reads are awaited
/// (IndexedDB keeps a transaction open while its own requests are pending, and closes it as soon
/// as the task waits on anything else); writes are queued and take effect only at
/// [`WriteTx::commit`], all or nothing.
#[allow(async_fn_in_trait)]
pub trait WriteTx {
    /// The earlier outcome of `request_id`, when it was applied.
    async fn applied(&mut self, request_id: &str) -> Result<Option<Applied>, StoreError>;
    /// The record `id` of the transaction's collection, live or tombstone.
    async fn current(&mut self, id: &str) -> Result<Option<Record>, StoreError>;
    /// Queues the record.
    fn put(&mut self, record: &Record) -> Result<(), StoreError>;
    /// Queues the applied request id.
    fn put_applied(&mut self, applied: &Applied) -> Result<(), StoreError>;
    /// Up to `limit` request ids applied before `at` (by the `by_at` index), oldest first.
    async fn applied_before(&mut self, at: u64, limit: u32) -> Result<Vec<String>, StoreError>;
    /// Queues forgetting an applied request id.
    fn forget_applied(&mut self, request_id: &str) -> Result<(), StoreError>;
    /// Resolves once everything queued is durably committed; an error means nothing was.
    async fn commit(self) -> Result<(), StoreError>;
}

/// A place records are kept: IndexedDB in the browser, memory in native tests.
#[allow(async_fn_in_trait)]
pub trait Store {
    type Tx: WriteTx;
    /// Starts a read-write transaction over `collection` and the applied request ids.
    async fn begin(&self, collection: Collection) -> Result<Self::Tx, StoreError>;
    /// The record `id`, live or tombstone.
    async fn get(&self, collection: Collection, id: &str) -> Result<Option<Record>, StoreError>;
    /// Every record of `collection`, tombstones included, in id order.
    async fn all(&self, collection: Collection) -> Result<Vec<Record>, StoreError>;
    /// A fact of the `meta` store (`None` when never set).
    async fn meta(&self, key: &str) -> Result<Option<serde_json::Value>, StoreError>;
    /// Sets a fact of the `meta` store; resolves once committed.
    async fn set_meta(&self, key: &str, value: &serde_json::Value) -> Result<(), StoreError>;
    /// The distinct string keys of the index `index` of `collection`, in key order (the tags
    /// in use, for a tag index).
    async fn index_keys(
        &self,
        collection: Collection,
        index: &str,
    ) -> Result<Vec<String>, StoreError>;
    /// How many index entries `read` covers (a record under two of its ranges counts twice).
    async fn index_count(
        &self,
        collection: Collection,
        read: &IndexRead,
    ) -> Result<u32, StoreError>;
    /// The ids (primary keys) of the records `read` covers, range after range in key order
    /// (records under one key in id order), each once (at its first entry): a key-only read. A
    /// range open on both sides covers every entry, whatever its key's type.
    async fn index_ids(
        &self,
        collection: Collection,
        read: &IndexRead,
    ) -> Result<Vec<String>, StoreError>;
    /// The records `read` covers, tombstones included, range after range in key order, each
    /// record once (at its first entry).
    async fn index_records(
        &self,
        collection: Collection,
        read: &IndexRead,
    ) -> Result<Vec<Record>, StoreError>;
}

/// How long an applied request id is remembered: a retry comes within seconds (the service
/// worker restarted), never weeks later.
pub const APPLIED_KEPT_MS: u64 = 30 * 24 * 60 * 60 * 1000;

/// How many forgotten request ids one write clears at most (the cost of a write stays bounded).
const FORGET_PER_WRITE: u32 = 20;

/// Applies `write` once per `request_id`: a retry of an applied request answers the record it
/// produced and writes nothing. The request id is stored in the same transaction as the record,
/// and the record is returned only after that transaction committed. Each write also forgets a
/// few request ids older than [`APPLIED_KEPT_MS`], so their store does not grow for ever.
pub async fn write<S: Store>(
    store: &S,
    request_id: &str,
    write: &Write,
    now: u64,
) -> Result<Record, StoreError> {
    let mut tx = store.begin(write.collection()).await?;
    if let Some(done) = tx.applied(request_id).await? {
        return Ok(done.record);
    }
    let current = tx.current(write.id()).await?;
    let record = decide(write, current.as_ref(), now)?;
    tx.put(&record)?;
    tx.put_applied(&Applied {
        request_id: request_id.to_string(),
        at: now,
        collection: write.collection(),
        record: record.clone(),
    })?;
    forget_expired(&mut tx, now).await?;
    tx.commit().await?;
    Ok(record)
}

/// Queues forgetting a few request ids older than [`APPLIED_KEPT_MS`] in `tx` (at most
/// [`FORGET_PER_WRITE`]: the cost of a transaction stays bounded).
pub async fn forget_expired<T: WriteTx>(tx: &mut T, now: u64) -> Result<(), StoreError> {
    let cutoff = now.saturating_sub(APPLIED_KEPT_MS);
    for old in tx.applied_before(cutoff, FORGET_PER_WRITE).await? {
        tx.forget_applied(&old)?;
    }
    Ok(())
}

/// The live record `id` (`None` when absent or deleted).
pub async fn get_live<S: Store>(
    store: &S,
    collection: Collection,
    id: &str,
) -> Result<Option<Record>, StoreError> {
    Ok(store.get(collection, id).await?.filter(|r| !r.deleted))
}

/// The live records of `collection`, in id order.
pub async fn list_live<S: Store>(
    store: &S,
    collection: Collection,
) -> Result<Vec<Record>, StoreError> {
    let mut all = store.all(collection).await?;
    all.retain(|r| !r.deleted);
    Ok(all)
}

#[cfg(test)]
mod tests;
