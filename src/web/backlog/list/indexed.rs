//! The backlog's list while the backlog is still loading: a query with a filter the indexes
//! serve is answered through them (by keys, `keyed`, or by the records the core's plan reads), not
//! only among the items already in the page. Once the whole backlog is in the page, `list` alone
//! answers.

use super::{search_among, show_count, with, Query};
use crate::backlog::{Date, State};
use crate::store::Collection;
use wasm_bindgen::prelude::*;

/// The filters an index read depends on (not the text nor the sort, applied to what it read).
type Filters = (Vec<State>, Option<String>, Option<Date>, Option<Date>);

fn filters_of(q: &Query) -> Filters {
    (q.states.clone(), q.tag.clone(), q.from, q.to)
}

thread_local! {
    /// Counts the list's queries: an index read answers only if no other query came since.
    static ASKED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// The filters last answered through an index, and the model's positions of what it read
    /// (every item they show is among them; positions never move, an item is only replaced).
    static INDEXED: std::cell::RefCell<Option<(Filters, Vec<usize>)>> =
        const { std::cell::RefCell::new(None) };
}

/// While the backlog is still loading, the list has searched only what is in the page so far.
/// A query the indexes answer whole (state, tag, dates, the default list; sorted by the last
/// change, no text nor network) is answered by keys (`keyed`): the ids it shows, in order, and
/// only the records of the rows in view are read. Any other query with a filter that has an
/// index reads the records it can show through the index the core chooses (`backlog::filter`),
/// adds them to the model, and the list is redrawn with the whole answer; the same filters again
/// (the user types in the search field) reuse that read. The default list is read by keys once
/// the first rows are painted (the first render does not wait for it).
pub(super) fn through_index(from_top: bool) {
    let q = with(|m| m.query.clone());
    let default = q.states.is_empty() && q.tag.is_none() && q.from.is_none() && q.to.is_none();
    let by_keys = crate::backlog::filter::key_reads(&q, &[]).is_some();
    if default && (!by_keys || !super::super::load::is_painted()) {
        return;
    }
    let asked = ASKED.with(|a| {
        a.set(a.get() + 1);
        a.get()
    });
    if by_keys {
        wasm_bindgen_futures::spawn_local(async move {
            let read = async {
                let t0 = super::super::load::now();
                // a filter the user set goes before the rest of the backlog (the default list
                // does not hold it back)
                let _hold = (!default).then(super::super::load::hold);
                let Some(set) = super::keyed::answer(&q).await? else {
                    return Ok(());
                };
                if ASKED.with(std::cell::Cell::get) != asked || super::super::load::is_whole() {
                    return Ok(());
                }
                let t1 = super::super::load::now();
                let count = super::keyed::set(q, set);
                show_count(count, from_top)?;
                // the keys read, then the list drawn (the rows' records follow)
                super::super::load::figure("filter-idb", t1 - t0);
                super::super::load::figure("filter", super::super::load::now() - t0);
                Ok::<(), JsValue>(())
            };
            crate::web::error::log("filter by keys", read.await);
        });
        return;
    }
    let filters = filters_of(&q);
    let known = INDEXED.with(|x| {
        x.borrow()
            .as_ref()
            .filter(|(f, _)| *f == filters)
            .map(|(_, at)| at.clone())
    });
    if let Some(among) = known {
        crate::web::error::log("filter", answer(&q, &among, from_top));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let read = async {
            let t0 = super::super::load::now();
            // the rest of the backlog waits for this read
            let _hold = super::super::load::hold();
            let store = crate::web::background::idb::IdbStore;
            let plan = crate::backlog::filter::plan(&store, &q)
                .await
                .map_err(|e| crate::web::error::to_js_error(&e))?;
            let Some(plan) = plan else {
                return Ok(());
            };
            let t1 = super::super::load::now();
            let records = crate::web::background::idb::index_raw(Collection::Backlog, &plan)
                .await
                .map_err(|e| crate::web::error::to_js_error(&e))?;
            let t2 = super::super::load::now();
            let ids = super::super::load::merge_records(&records)?;
            // where the time went: choosing the index (key-only reads), reading its records,
            // handing them to the model
            super::super::load::figure("filter-plan", t1 - t0);
            super::super::load::figure("filter-idb", t2 - t1);
            super::super::load::figure("filter-model", super::super::load::now() - t2);
            let among: Vec<usize> =
                with(|m| ids.iter().filter_map(|id| m.at.get(id).copied()).collect());
            INDEXED.with(|x| *x.borrow_mut() = Some((filters, among.clone())));
            // another query came meanwhile (it answers for itself), or the whole backlog did
            if ASKED.with(std::cell::Cell::get) != asked || super::super::load::is_whole() {
                return Ok(());
            }
            answer(&q, &among, from_top)?;
            super::super::load::figure("filter", super::super::load::now() - t0);
            super::super::load::figure("filter-read", records.length() as f64);
            Ok::<(), JsValue>(())
        };
        crate::web::error::log("filter through an index", read.await);
    });
}

/// Shows what `q` finds among the model's positions `among` (an index read's records) and what
/// the list found among the items in the page (an item saved since the read is among those).
fn answer(q: &Query, among: &[usize], from_top: bool) -> Result<(), JsValue> {
    let count = with(|m| {
        let mut seen = vec![false; m.items.len()];
        let mut all = Vec::with_capacity(among.len() + m.shown.len());
        for &k in among.iter().chain(m.shown.iter()) {
            if let Some(s) = seen.get_mut(k).filter(|s| !**s) {
                *s = true;
                all.push(k);
            }
        }
        m.shown = search_among(&m.items, &m.index, q, &all);
        m.narrow = Some(q.clone());
        m.shown.len()
    });
    show_count(count, from_top)
}
