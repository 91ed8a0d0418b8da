//! The list while the backlog is still loading, answered by keys: which ids a query shows and
//! how many, read through the indexes (`backlog::filter::keyed`), without their records. The
//! rows are found by walking the `by_updated` index newest first over those ids (keys only), as
//! far as the rows in view and a margin; only their records are read, by id, and the rows drawn
//! again; scrolling walks further. A row not reached yet is a placeholder. Once the whole backlog
//! is in the page, the list searches the model again and this answer is dropped. Nothing here
//! decides what a query shows: the core's key reads and search do.

use crate::backlog::filter::KeyedSet;
use crate::backlog::search::{search_positions, Query};
use crate::store::Collection;
use crate::web::background::idb;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashSet};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Rows walked and read past the last one drawn without its record (scrolling a little shows
/// rows already read).
const MARGIN: usize = 30;

/// The answer by keys and how far its walk got.
struct Answer {
    query: Query,
    set: Rc<KeyedSet>,
    /// The ids of the rows found so far, in the list's order.
    ids: Vec<String>,
    /// Every id the walk admitted (found, or a tombstone among the default list's).
    seen: HashSet<String>,
    /// The last change the walk looked at, and whether it reached the end.
    from: Option<f64>,
    done: bool,
}

thread_local! {
    static ANSWER: RefCell<Option<Answer>> = const { RefCell::new(None) };
    /// Bumped each time the answer changes: a walk made for an older one is dropped.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
    /// Rows drawn without their record since the last walk.
    static WANTED: RefCell<BTreeSet<usize>> = const { RefCell::new(BTreeSet::new()) };
    /// Whether a walk is under way (it serves what is wanted meanwhile when it ends).
    static WALKING: Cell<bool> = const { Cell::new(false) };
    /// How many records the walks read for the current answer.
    static READ: Cell<usize> = const { Cell::new(0) };
}

/// What the list shows at a position.
pub(super) enum Row {
    /// Not answered by keys: the model's search answers.
    Model,
    /// The item with this id (its record may not be in the page yet).
    Id(String),
    /// A row the walk has not reached yet.
    Pending,
}

/// Drops the answer by keys (the list is answered from the model).
pub(super) fn clear() {
    GENERATION.with(|g| g.set(g.get() + 1));
    ANSWER.with(|a| *a.borrow_mut() = None);
    WANTED.with(|w| w.borrow_mut().clear());
}

/// Shows `set`, the answer to `query`; returns how many rows it has.
pub(super) fn set(query: Query, set: KeyedSet) -> usize {
    GENERATION.with(|g| g.set(g.get() + 1));
    READ.with(|r| r.set(0));
    WANTED.with(|w| w.borrow_mut().clear());
    let n = set.count;
    ANSWER.with(|a| {
        *a.borrow_mut() = Some(Answer {
            query,
            set: Rc::new(set),
            ids: Vec::new(),
            seen: HashSet::new(),
            from: None,
            done: false,
        })
    });
    n
}

/// The row at `pos`.
pub(super) fn row(pos: usize) -> Row {
    ANSWER.with(|a| match a.borrow().as_ref() {
        None => Row::Model,
        Some(answer) => answer
            .ids
            .get(pos)
            .map_or(Row::Pending, |id| Row::Id(id.clone())),
    })
}

/// Notes that the row at `pos` is drawn without its record: the walk goes that far (and a
/// margin), once the rows in view are all drawn (it starts after the current task).
pub(super) fn missing(pos: usize) {
    WANTED.with(|w| w.borrow_mut().insert(pos));
    if WALKING.with(|r| r.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        crate::web::error::log("list rows", walk().await);
        WALKING.with(|r| r.set(false));
    });
}

fn store_error(e: crate::store::StoreError) -> JsValue {
    crate::web::error::to_js_error(&e)
}

/// Reads the records of `ids` the model does not hold into it.
async fn read_records(ids: &[String]) -> Result<(), JsValue> {
    let absent: Vec<String> = super::with(|m| {
        ids.iter()
            .filter(|id| !m.at.contains_key(*id))
            .cloned()
            .collect()
    });
    if absent.is_empty() {
        return Ok(());
    }
    let records = idb::by_ids(Collection::Backlog, &absent)
        .await
        .map_err(store_error)?;
    super::super::load::merge_records(&records)?;
    READ.with(|r| r.set(r.get() + absent.len()));
    Ok(())
}

async fn walk() -> Result<(), JsValue> {
    // the rows the user waits for go before the rest of the backlog: its batches wait (each
    // step of the walk is a task that would otherwise queue behind a batch)
    let _hold = super::super::load::hold();
    loop {
        let wanted = WANTED.with(|w| std::mem::take(&mut *w.borrow_mut()));
        let (Some(&first), Some(&last)) = (wanted.first(), wanted.last()) else {
            return Ok(());
        };
        let generation = GENERATION.with(Cell::get);
        let t0 = super::super::load::now();
        let mut stale = false;
        loop {
            let Some((set, from, seen, found, done)) = ANSWER.with(|a| {
                a.borrow()
                    .as_ref()
                    .map(|x| (x.set.clone(), x.from, x.seen.clone(), x.ids.len(), x.done))
            }) else {
                return Ok(());
            };
            let need = last.saturating_add(MARGIN + 1).min(set.count);
            if found >= need || done {
                break;
            }
            let (walked, from, ended) = idb::walk_by_change(
                Collection::Backlog,
                from,
                &seen,
                |id| set.admits(id),
                need - found,
            )
            .await
            .map_err(store_error)?;
            read_records(&walked).await?;
            if GENERATION.with(Cell::get) != generation {
                stale = true;
                break;
            }
            ANSWER.with(|a| {
                if let Some(x) = a.borrow_mut().as_mut() {
                    let q = x.query.clone();
                    super::with(|m| {
                        for id in walked {
                            // live and shown (a tombstone is not in the model)
                            let shown = m.at.get(&id).is_some_and(|&k| {
                                !search_positions(&m.items, &m.index, &q, Some(&[k])).is_empty()
                            });
                            if shown {
                                x.ids.push(id.clone());
                            }
                            x.seen.insert(id);
                        }
                    });
                    x.from = from;
                    x.done = ended;
                }
            });
        }
        if stale {
            continue;
        }
        // rows found earlier whose records are not in the page (none, unless replaced)
        let rows: Vec<String> = ANSWER.with(|a| {
            a.borrow().as_ref().map_or_else(Vec::new, |x| {
                let from = first.saturating_sub(MARGIN).min(x.ids.len());
                let to = last.saturating_add(MARGIN + 1).min(x.ids.len());
                x.ids
                    .get(from..to)
                    .map(<[String]>::to_vec)
                    .unwrap_or_default()
            })
        });
        read_records(&rows).await?;
        if GENERATION.with(Cell::get) != generation {
            continue;
        }
        super::list()?.redraw()?;
        super::super::load::figure("rows-read", super::super::load::now() - t0);
        super::super::load::figure("filter-read", READ.with(Cell::get) as f64);
    }
}

/// What `q` shows, read by keys through the indexes; `None` when the indexes do not answer it
/// whole (then its records are read, see `list::indexed::through_index`).
pub(super) async fn answer(q: &Query) -> Result<Option<KeyedSet>, JsValue> {
    crate::backlog::filter::keyed(&idb::IdbStore, q)
        .await
        .map_err(store_error)
}
