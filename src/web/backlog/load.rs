//! Loading the backlog into the page without making the first render wait for all of it: the
//! items changed last are read first (the `by_updated` index backwards, a screenful, by the
//! page's loader while the engine starts, else here), drawn at once; a calendar shown meanwhile
//! reads its days through the `by_planned` index; the rest follows in batches read by id, each
//! handed over as one JSON text (one `JSON.stringify` on the browser's side, one typed parse in
//! the core: `backlog::load`) and added to the model and its search index, the page staying
//! responsive between batches, its status saying how far it got. Exports and imports wait for
//! the whole backlog ([`whole`]).

use super::{status, with, Model};
use crate::backlog::load::Batch;
use crate::backlog::Item;
use crate::store::Collection;
use crate::web::background::idb;
use crate::web::error::WebError;
use crate::web::ext::t_with;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How many items the first render reads: more than a tall window shows (the page's loader,
/// `extension/backlog.js`, reads as many).
const FIRST: u32 = 60;
/// How many records one batch of the rest reads.
const BATCH: u32 = 2500;

thread_local! {
    /// How many reads the user waits for are in flight (a filter through an index): the batches
    /// of the rest wait meanwhile, so that IndexedDB and the page serve those first.
    static HELD: Cell<u32> = const { Cell::new(0) };
}

/// Holds the batches of the rest back while it lives (see [`hold`]).
pub(super) struct Hold;

/// The batches of the rest wait until the returned guard is dropped.
pub(super) fn hold() -> Hold {
    HELD.with(|h| h.set(h.get() + 1));
    Hold
}

impl Drop for Hold {
    fn drop(&mut self) {
        HELD.with(|h| h.set(h.get().saturating_sub(1)));
    }
}

thread_local! {
    /// Whether every record is in the model (`None` while loading; `Some(false)`: reading
    /// failed, and what the model holds is not the whole backlog).
    static WHOLE: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Adds items read from the store to the model, or replaces the copies it has (unless the
/// model's is newer: saved here since), keeping the search index in step.
pub(crate) fn merge(m: &mut Model, items: Vec<(Item, u64)>) {
    for (item, revision) in items {
        match m.at.get(&item.id).copied() {
            Some(k) => {
                if m.revisions.get(&item.id).is_some_and(|r| *r > revision) {
                    continue;
                }
                m.index.update(k, &item);
                m.revisions.insert(item.id.clone(), revision);
                if let Some(slot) = m.items.get_mut(k) {
                    *slot = item;
                }
            }
            None => {
                m.revisions.insert(item.id.clone(), revision);
                m.at.insert(item.id.clone(), m.items.len());
                m.index.push(&item);
                m.items.push(item);
            }
        }
    }
    // what the list found before no longer covers every item
    m.narrow = None;
}

/// Milliseconds since the page started loading.
pub(super) fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Records a figure on the page's `body` (`data-<name>-ms`), for the benchmark to read.
pub(super) fn figure(name: &str, ms: f64) {
    if let Some(body) = super::document().ok().and_then(|d| d.body()) {
        crate::web::error::log(
            "figure",
            body.set_attribute(&format!("data-{name}-ms"), &format!("{ms:.1}")),
        );
    }
}

/// Records the time since navigation started as `data-<name>-ms`.
pub(super) fn mark(name: &str) {
    figure(name, now());
}

/// Time spent in each step of reading batches: IndexedDB, `JSON.stringify`, the core's parse, the
/// model and its index.
#[derive(Default)]
struct Spent {
    read: f64,
    json: f64,
    parse: f64,
    model: f64,
}

fn decode(records: &js_sys::Array, spent: &mut Spent) -> Result<Batch, JsValue> {
    let t0 = now();
    let json = js_sys::JSON::stringify(records)?
        .as_string()
        .ok_or(WebError::Missing("JSON"))?;
    let t1 = now();
    let batch =
        crate::backlog::load::decode(&json).map_err(|e| crate::web::error::to_js_error(&e))?;
    spent.json += t1 - t0;
    spent.parse += now() - t1;
    Ok(batch)
}

fn store_error(e: crate::store::StoreError) -> JsValue {
    crate::web::error::to_js_error(&e)
}

fn report_damaged(damaged: usize) {
    if damaged > 0 {
        status(&crate::web::ext::t_with(
            "backlog_damaged",
            &[&damaged.to_string()],
        ));
    }
}

/// Reads the items changed last into the model; `true` when they are the whole backlog.
/// `prefetched`: a promise of what the page's loader read while the engine started
/// (`{records, complete}`, see `extension/backlog.js`), or of `null`: then they are read here.
pub(super) async fn first(prefetched: JsValue) -> Result<bool, JsValue> {
    let read = first_inner(prefetched).await;
    if read.is_err() {
        WHOLE.with(|w| w.set(Some(false)));
    }
    read
}

/// What the loader read, if it could: its records and whether they are the whole backlog.
async fn prefetched_records(prefetched: JsValue) -> Option<(js_sys::Array, bool)> {
    let value = JsFuture::from(js_sys::Promise::resolve(&prefetched))
        .await
        .ok()?;
    if !value.is_object() {
        return None;
    }
    let records = js_sys::Reflect::get(&value, &JsValue::from_str("records"))
        .ok()?
        .dyn_into::<js_sys::Array>()
        .ok()?;
    let complete = js_sys::Reflect::get(&value, &JsValue::from_str("complete"))
        .ok()?
        .as_bool()?;
    Some((records, complete))
}

async fn first_inner(prefetched: JsValue) -> Result<bool, JsValue> {
    let (records, complete) = match prefetched_records(prefetched).await {
        Some(read) => read,
        None => idb::latest(Collection::Backlog, FIRST)
            .await
            .map_err(store_error)?,
    };
    let batch = decode(&records, &mut Spent::default())?;
    report_damaged(batch.damaged);
    with(|m| merge(m, batch.items));
    if complete {
        finished();
    }
    Ok(complete)
}

/// Whether every record is in the model.
/// Whether the first rows were painted (see [`painted`]).
pub(super) fn is_painted() -> bool {
    PAINTED.with(Cell::get)
}

thread_local! {
    static PAINTED: Cell<bool> = const { Cell::new(false) };
}

pub(super) fn is_whole() -> bool {
    WHOLE.with(Cell::get) == Some(true)
}

/// Adds records as IndexedDB handed them to the model (see [`merge`]); the ids of the live ones.
pub(super) fn merge_records(records: &js_sys::Array) -> Result<Vec<String>, JsValue> {
    let batch = decode(records, &mut Spent::default())?;
    report_damaged(batch.damaged);
    let ids = batch.items.iter().map(|(i, _)| i.id.clone()).collect();
    with(|m| merge(m, batch.items));
    Ok(ids)
}

fn finished() {
    WHOLE.with(|w| w.set(Some(true)));
    if let Some(body) = super::document().ok().and_then(|d| d.body()) {
        crate::web::error::log("loaded", body.set_attribute("data-loaded", "true"));
    }
}

/// Lets the browser draw and handle input for `ms` milliseconds at least.
pub(super) async fn pause(ms: i32) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(WebError::Missing("window"))?;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        crate::web::error::log(
            "pause",
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .map(|_| ()),
        );
    });
    wasm_bindgen_futures::JsFuture::from(promise).await?;
    Ok(())
}

/// Waits until the browser has painted what is drawn (the next animation frame, then a task),
/// and records when that frame came (`data-painted-ms`). A tab opened in the background gets
/// no frame until it is shown: then the rest is read after 200 ms all the same.
pub(super) async fn painted() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(WebError::Missing("window"))?;
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        crate::web::error::log(
            "frame",
            window.request_animation_frame(&resolve).map(|_| ()),
        );
        crate::web::error::log(
            "frame timeout",
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 200)
                .map(|_| ()),
        );
    });
    wasm_bindgen_futures::JsFuture::from(frame).await?;
    mark("painted");
    PAINTED.with(|p| p.set(true));
    pause(0).await
}

/// Reads every record in batches, then redraws the list and the calendar over the whole
/// backlog. The list keeps answering (over what is loaded) meanwhile.
pub(super) async fn rest() -> Result<(), JsValue> {
    let read = rest_inner().await;
    if read.is_err() {
        WHOLE.with(|w| w.set(Some(false)));
    }
    read
}

async fn rest_inner() -> Result<(), JsValue> {
    let total = idb::count(Collection::Backlog).await.map_err(store_error)?;
    let mut after: Option<String> = None;
    let mut read = 0u32;
    let mut damaged = 0;
    let mut spent = Spent::default();
    loop {
        // the browser draws and handles input between two batches, and a read the user waits
        // for goes first
        pause(0).await?;
        while HELD.with(Cell::get) > 0 {
            pause(10).await?;
        }
        let t0 = now();
        let records = idb::batch_after(Collection::Backlog, after.as_deref(), BATCH)
            .await
            .map_err(store_error)?;
        spent.read += now() - t0;
        let n = records.length();
        if n == 0 {
            break;
        }
        after = js_sys::Reflect::get(&records.get(n - 1), &JsValue::from_str("id"))?.as_string();
        let batch = decode(&records, &mut spent)?;
        damaged += batch.damaged;
        let t1 = now();
        with(|m| merge(m, batch.items));
        spent.model += now() - t1;
        read += n;
        status(&t_with(
            "backlog_loading",
            &[&read.to_string(), &total.max(read).to_string()],
        ));
        if n < BATCH || after.is_none() {
            break;
        }
    }
    status("");
    report_damaged(damaged);
    let t2 = now();
    super::refresh();
    figure("load-read", spent.read);
    figure("load-json", spent.json);
    figure("load-parse", spent.parse);
    figure("load-model", spent.model);
    figure("load-draw", now() - t2);
    finished();
    Ok(())
}

thread_local! {
    /// The calendar spans already read through the `by_planned` index while loading.
    static PLANNED_READ: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// While the rest of the backlog is still loading: reads the items planned on `days` (the
/// calendar's, at most `per_day` a day, what it shows) through the `by_planned` index, adds them
/// to the model and redraws the calendar, so that its days are filled without waiting for the
/// whole backlog. Once every record is in the model (or a span was read already), nothing.
pub(super) fn planned_days(days: &[crate::backlog::Date], per_day: usize) {
    if WHOLE.with(Cell::get).is_some() {
        return;
    }
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return;
    };
    let span = (first.to_string(), last.to_string());
    let fresh = PLANNED_READ.with(|r| {
        let mut read = r.borrow_mut();
        let fresh = !read.contains(&span);
        if fresh {
            read.push(span);
        }
        fresh
    });
    if !fresh {
        return;
    }
    let days: Vec<String> = days.iter().map(ToString::to_string).collect();
    // one more than shown: the day says it holds more
    let per_day = u32::try_from(per_day + 1).unwrap_or(u32::MAX);
    wasm_bindgen_futures::spawn_local(async move {
        let read = async {
            let t0 = now();
            let records = idb::planned_on_days(Collection::Backlog, &days, per_day)
                .await
                .map_err(store_error)?;
            let batch = decode(&records, &mut Spent::default())?;
            // the whole backlog may have arrived meanwhile: merging is the same either way
            with(|m| merge(m, batch.items));
            figure("calendar-read", now() - t0);
            super::calendar::draw()
        };
        crate::web::error::log("calendar days", read.await);
    });
}

/// Waits until every record is in the model (exports and imports work on the whole backlog);
/// an error when it could not be read whole (an export would silently lack items).
pub(crate) async fn whole() -> Result<(), JsValue> {
    loop {
        match WHOLE.with(Cell::get) {
            Some(true) => return Ok(()),
            Some(false) => {
                let e = crate::store::StoreError::Unavailable("the backlog was not read".into());
                return Err(store_error(e));
            }
            None => pause(50).await?,
        }
    }
}
