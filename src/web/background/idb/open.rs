//! Opening the database: one connection per context, kept for its life and given up when another
//! context upgrades or deletes the database; the upgrade runs the core's migration chain in
//! IndexedDB's version-change transaction (one failed step aborts it and leaves the old database
//! as it was). Reads and writes live beside (`reads`, the parent's `Store`).

use super::{failed, unavailable};
use crate::store::schema::{self, Step};
use crate::store::StoreError;
use ::idb::{
    Database, DatabaseEvent, Factory, KeyPath, ObjectStoreParams, Transaction, TransactionMode,
};
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    /// The open connection, kept for the worker's life (closed when another context upgrades).
    static DB: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
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
pub(super) async fn database() -> Result<Rc<Database>, StoreError> {
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

pub(super) fn forget_connection() {
    DB.with(|d| d.borrow_mut().take());
}

/// A transaction over `stores`; a connection the browser closed is reopened once.
pub(super) async fn transaction(
    stores: &[&str],
    mode: TransactionMode,
) -> Result<Transaction, StoreError> {
    let db = database().await?;
    match db.transaction(stores, mode) {
        Ok(tx) => Ok(tx),
        Err(_) => {
            forget_connection();
            database().await?.transaction(stores, mode).map_err(failed)
        }
    }
}
