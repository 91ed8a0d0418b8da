//! The database's layout by schema version, and the migration chain from every older version.
//! IndexedDB runs the steps in its upgrade transaction (all or nothing: a failed upgrade leaves
//! the old database as it was); the in-memory store runs the same steps in the native tests.
//! A new version = one entry appended to [`MIGRATIONS`], never an edit of an earlier one.

use super::StoreError;

/// The IndexedDB database's name.
pub const DB_NAME: &str = "porte-voix";
/// Saved replies, keyed by `id`.
pub const TEMPLATES: &str = "templates";
/// Backlog items, keyed by `id`.
pub const BACKLOG: &str = "backlog";
/// The write requests applied, keyed by `request_id`.
pub const APPLIED: &str = "applied_requests";
/// Small facts about the database itself, keyed by `key` (e.g. that the starter library was
/// installed once, so it is never added again after the user deleted it).
pub const META: &str = "meta";
/// Index of records by last change (what a sync layer asks: "changed since").
pub const BY_UPDATED: &str = "by_updated";
/// Index of applied requests by time (to forget old ones).
pub const BY_AT: &str = "by_at";
/// Index of backlog items by state (`idea`, `draft`…): the list's state filter.
pub const BY_STATE: &str = "by_state";
/// Index of backlog items by planned date and time (`2026-12-01T09:30`, or the date alone, which
/// sorts first on its day); items with no date are not in it: the calendar's days.
pub const BY_PLANNED: &str = "by_planned";
/// Index of backlog items by tag, one entry per tag (multi-entry): the list's tag filter.
pub const BY_TAG: &str = "by_tag";

/// One change of layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A new object store whose records are keyed by the field `key_path`.
    CreateStore {
        name: &'static str,
        key_path: &'static str,
    },
    /// A new index on an existing store.
    CreateIndex {
        store: &'static str,
        name: &'static str,
        key_path: &'static str,
    },
    /// A new multi-entry index on an existing store: a record whose `key_path` is an array is
    /// found under each of its values.
    CreateMultiEntryIndex {
        store: &'static str,
        name: &'static str,
        key_path: &'static str,
    },
}

/// The steps that bring version `to - 1` to `to`.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    pub to: u32,
    pub steps: &'static [Step],
}

/// The chain, oldest first; the last `to` is [`SCHEMA_VERSION`].
pub const MIGRATIONS: &[Migration] = &[
    // 1: the records and the applied request ids
    Migration {
        to: 1,
        steps: &[
            Step::CreateStore {
                name: TEMPLATES,
                key_path: "id",
            },
            Step::CreateStore {
                name: BACKLOG,
                key_path: "id",
            },
            Step::CreateStore {
                name: APPLIED,
                key_path: "request_id",
            },
        ],
    },
    // 2: "changed since" for sync, old request ids found by time, and the meta store
    Migration {
        to: 2,
        steps: &[
            Step::CreateIndex {
                store: TEMPLATES,
                name: BY_UPDATED,
                key_path: "updated",
            },
            Step::CreateIndex {
                store: BACKLOG,
                name: BY_UPDATED,
                key_path: "updated",
            },
            Step::CreateIndex {
                store: APPLIED,
                name: BY_AT,
                key_path: "at",
            },
            Step::CreateStore {
                name: META,
                key_path: "key",
            },
        ],
    },
    // 3: backlog items by state, planned date and tag (filters and the calendar read them
    // without the whole backlog); IndexedDB fills them from the records already there
    Migration {
        to: 3,
        steps: &[
            Step::CreateIndex {
                store: BACKLOG,
                name: BY_STATE,
                key_path: "body.state",
            },
            Step::CreateIndex {
                store: BACKLOG,
                name: BY_PLANNED,
                key_path: "body.planned",
            },
            Step::CreateMultiEntryIndex {
                store: BACKLOG,
                name: BY_TAG,
                key_path: "body.tags",
            },
        ],
    },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 3;

/// The migrations that bring a database at `from` (0: none yet) to [`SCHEMA_VERSION`], in order.
pub fn migrations_from(from: u32) -> Result<Vec<&'static Migration>, StoreError> {
    if from > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found: from,
            known: SCHEMA_VERSION,
        });
    }
    Ok(MIGRATIONS.iter().filter(|m| m.to > from).collect())
}
