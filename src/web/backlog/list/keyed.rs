//! The list while the backlog is still loading, answered by keys alone: the ids a query shows,
//! in order, read through the indexes (`backlog::filter::keyed`), without their records. A row
//! whose record is not in the page yet is drawn as a placeholder, and the records of the rows in
//! view (and a margin around them) are read by id, in one transaction, then the rows drawn
//! again; scrolling asks for more. Once the whole backlog is in the page, the list searches the
//! model again and this answer is dropped. Nothing here searches: the core decided what to read.

use crate::backlog::search::Query;
use crate::store::Collection;
use crate::web::background::idb;
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Rows read on each side of those drawn without their record (scrolling a little shows rows
/// already read).
const MARGIN: usize = 30;

thread_local! {
    /// The ids the list shows, in order, while it is answered by keys.
    static IDS: RefCell<Option<Rc<Vec<String>>>> = const { RefCell::new(None) };
    /// Bumped each time the answer changes: a read of rows made for an older one is not drawn.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
    /// Positions drawn without their record since the last read of rows.
    static WANTED: RefCell<BTreeSet<usize>> = const { RefCell::new(BTreeSet::new()) };
    /// Whether a read of rows is under way (it reads what is wanted meanwhile when it ends).
    static READING: Cell<bool> = const { Cell::new(false) };
    /// How many records the reads of rows read for the current answer.
    static READ: Cell<usize> = const { Cell::new(0) };
}

/// Drops the answer by keys (the list is answered from the model).
pub(super) fn clear() {
    GENERATION.with(|g| g.set(g.get() + 1));
    IDS.with(|i| *i.borrow_mut() = None);
    WANTED.with(|w| w.borrow_mut().clear());
}

/// Shows `ids` (the whole answer, in order); returns how many.
pub(super) fn set(ids: Vec<String>) -> usize {
    GENERATION.with(|g| g.set(g.get() + 1));
    READ.with(|r| r.set(0));
    WANTED.with(|w| w.borrow_mut().clear());
    let n = ids.len();
    IDS.with(|i| *i.borrow_mut() = Some(Rc::new(ids)));
    n
}

/// The id of the row at `pos` while the list is answered by keys; `None` otherwise (then the
/// model's search answers).
pub(super) fn id_at(pos: usize) -> Option<Option<String>> {
    IDS.with(|i| i.borrow().as_ref().map(|ids| ids.get(pos).cloned()))
}

/// Notes that the row at `pos` is drawn without its record: its record and those around it are
/// read once the rows in view are all drawn (the read starts after the current task).
pub(super) fn missing(pos: usize) {
    WANTED.with(|w| w.borrow_mut().insert(pos));
    if READING.with(|r| r.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        crate::web::error::log("list rows", read_rows().await);
        READING.with(|r| r.set(false));
    });
}

/// The ids to read for the wanted positions: every row from the first wanted to the last, and
/// `MARGIN` on each side, that the model does not hold.
fn to_read(wanted: &BTreeSet<usize>, ids: &[String]) -> Vec<String> {
    let (Some(&first), Some(&last)) = (wanted.first(), wanted.last()) else {
        return Vec::new();
    };
    let from = first.saturating_sub(MARGIN);
    let to = last.saturating_add(MARGIN + 1).min(ids.len());
    let slice = ids.get(from..to).unwrap_or(&[]);
    super::with(|m| {
        slice
            .iter()
            .filter(|id| !m.at.contains_key(id.as_str()))
            .cloned()
            .collect()
    })
}

async fn read_rows() -> Result<(), JsValue> {
    loop {
        let wanted = WANTED.with(|w| std::mem::take(&mut *w.borrow_mut()));
        let Some(ids) = IDS.with(|i| i.borrow().clone()) else {
            return Ok(());
        };
        if wanted.is_empty() {
            return Ok(());
        }
        let generation = GENERATION.with(Cell::get);
        let read = to_read(&wanted, &ids);
        if read.is_empty() {
            continue;
        }
        let t0 = super::super::load::now();
        let records = idb::by_ids(Collection::Backlog, &read)
            .await
            .map_err(|e| crate::web::error::to_js_error(&e))?;
        super::super::load::merge_records(&records)?;
        if GENERATION.with(Cell::get) != generation {
            continue;
        }
        let total = READ.with(|r| {
            r.set(r.get() + read.len());
            r.get()
        });
        super::list()?.redraw()?;
        super::super::load::figure("rows-read", super::super::load::now() - t0);
        super::super::load::figure("filter-read", total as f64);
    }
}

/// The ids `q` shows, read by keys through the indexes; `None` when the indexes do not answer it
/// whole (then its records are read, see `list::through_index`).
pub(super) async fn answer(q: &Query) -> Result<Option<Vec<String>>, JsValue> {
    crate::backlog::filter::keyed(&idb::IdbStore, q)
        .await
        .map_err(|e| crate::web::error::to_js_error(&e))
}
