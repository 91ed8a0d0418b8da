//! The backlog's list: search (title, note, drafts, tags), filters (state, tag, network, date),
//! sort, and the pages' virtualised list (`web/pages/virtual_list.rs`), which draws only the rows
//! in view (50,000 items scroll as fast as 50) and moves between rows with the keyboard. While
//! the backlog loads, a query with a filter the indexes serve is answered through them
//! (`indexed`; by keys, `keyed`, where only the rows in view are read).

mod indexed;
mod keyed;

use super::{by_id, on, with};
use crate::backlog::search::{search_among, search_positions, Query, Sort};
use crate::backlog::{Date, State};
use crate::platform::Platform;
use crate::web::ext::{t, t_with};
use crate::web::pages::virtual_list::VirtualList;
use crate::web::pages::{el, titled_section};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement};

/// Height of one row, in CSS pixels (the list's geometry depends on it).
const ROW: f64 = 64.0;

thread_local! {
    /// The list, made once by [`build`].
    static LIST: std::cell::RefCell<Option<VirtualList>> = const { std::cell::RefCell::new(None) };
}

fn list() -> Result<VirtualList, JsValue> {
    LIST.with(|l| l.borrow().clone())
        .ok_or_else(|| crate::web::error::WebError::Missing("list").into())
}

fn select(
    doc: &Document,
    id: &str,
    label: &str,
    options: &[(String, String)],
) -> Result<Element, JsValue> {
    let wrap = el(doc, "label", &[], Some(label))?;
    let s = el(doc, "select", &[("id", id)], None)?;
    for (value, text) in options {
        s.append_child(&*el(doc, "option", &[("value", value)], Some(text))?)?;
    }
    wrap.append_child(&s)?;
    Ok(wrap)
}

pub(super) fn network_name(p: Platform) -> String {
    t(&format!("network_{}", p.id().replace('-', "_")))
}

pub(super) fn state_name(s: State) -> String {
    t(&format!("backlog_state_{}", s.id()))
}

pub(super) fn build(doc: &Document) -> Result<Element, JsValue> {
    let section = titled_section(
        doc,
        &[("id", "view-list")],
        "list-title",
        &t("backlog_view_list"),
    )?;
    let filters = el(
        doc,
        "div",
        &[("class", "filters"), ("role", "search")],
        None,
    )?;
    let label = el(doc, "label", &[], Some(&t("backlog_search")))?;
    label.append_child(&*el(
        doc,
        "input",
        &[
            ("id", "search"),
            ("type", "search"),
            ("autocomplete", "off"),
        ],
        None,
    )?)?;
    filters.append_child(&label)?;
    let mut states = vec![(String::new(), t("backlog_filter_state_active"))];
    states.extend(
        State::ALL
            .iter()
            .map(|s| (s.id().to_string(), state_name(*s))),
    );
    filters.append_child(&*select(
        doc,
        "filter-state",
        &t("backlog_filter_state"),
        &states,
    )?)?;
    let label = el(doc, "label", &[], Some(&t("backlog_filter_tag")))?;
    label.append_child(&*el(
        doc,
        "input",
        &[("id", "filter-tag"), ("type", "text")],
        None,
    )?)?;
    filters.append_child(&label)?;
    let mut nets = vec![(String::new(), t("backlog_filter_network_all"))];
    nets.extend(
        Platform::ALL
            .iter()
            .map(|p| (p.id().to_string(), network_name(*p))),
    );
    filters.append_child(&*select(
        doc,
        "filter-network",
        &t("backlog_filter_network"),
        &nets,
    )?)?;
    for (id, key) in [
        ("filter-from", "backlog_filter_from"),
        ("filter-to", "backlog_filter_to"),
    ] {
        let label = el(doc, "label", &[], Some(&t(key)))?;
        label.append_child(&*el(doc, "input", &[("id", id), ("type", "date")], None)?)?;
        filters.append_child(&label)?;
    }
    let sorts = [
        ("updated", "backlog_sort_updated"),
        ("created", "backlog_sort_created"),
        ("planned", "backlog_sort_planned"),
        ("title", "backlog_sort_title"),
    ]
    .map(|(v, k)| (v.to_string(), t(k)));
    filters.append_child(&*select(doc, "sort", &t("backlog_sort"), &sorts)?)?;
    section.append_child(&filters)?;
    section.append_child(&*el(
        doc,
        "p",
        &[("id", "count"), ("class", "muted")],
        None,
    )?)?;
    let rows = VirtualList::new(
        doc,
        &[("id", "rows"), ("class", "rows"), ("tabindex", "-1")],
        &[("id", "rows-list"), ("aria-labelledby", "list-title")],
        ROW,
        Box::new(draw_row),
    )?;
    section.append_child(rows.viewport())?;
    rows.on_open(|pos| {
        let id = match keyed::row(pos) {
            keyed::Row::Id(id) => Some(id),
            keyed::Row::Pending => None,
            keyed::Row::Model => with(|m| Some(m.items.get(*m.shown.get(pos)?)?.id.clone())),
        };
        if let Some(id) = id {
            crate::web::error::log("open item", super::item::open(&id));
        }
    })?;
    LIST.with(|l| *l.borrow_mut() = Some(rows));
    for id in ["search", "filter-tag"] {
        on(
            &filters
                .query_selector(&format!("#{id}"))?
                .ok_or(crate::web::error::WebError::Missing("input"))?,
            "input",
            |_| {
                crate::web::error::log("filter", refilter_from(true));
            },
        )?;
    }
    for id in [
        "filter-state",
        "filter-network",
        "filter-from",
        "filter-to",
        "sort",
    ] {
        on(
            &filters
                .query_selector(&format!("#{id}"))?
                .ok_or(crate::web::error::WebError::Missing("select"))?,
            "change",
            |_| {
                crate::web::error::log("filter", refilter_from(true));
            },
        )?;
    }
    Ok(section)
}

fn value(id: &str) -> String {
    let Ok(e) = by_id(id) else {
        return String::new();
    };
    if let Some(i) = e.dyn_ref::<HtmlInputElement>() {
        return i.value();
    }
    e.dyn_ref::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// Reads the filters, runs the core's search and redraws the list where it was.
pub(super) fn refilter() -> Result<(), JsValue> {
    refilter_from(false)
}

/// [`refilter`], the list shown from its top when `from_top` (the filters changed).
fn refilter_from(from_top: bool) -> Result<(), JsValue> {
    let state = value("filter-state");
    let tag = value("filter-tag");
    let network = value("filter-network");
    let sort = match value("sort").as_str() {
        "created" => Sort::Created,
        "planned" => Sort::Planned,
        "title" => Sort::Title,
        _ => Sort::Updated,
    };
    let text = value("search");
    // the model answers first (what is in the page); an answer by keys comes after, if any
    keyed::clear();
    let from = Date::parse(&value("filter-from"));
    let to = Date::parse(&value("filter-to"));
    let count = with(|m| {
        m.query.text = text;
        m.query.states = State::from_id(&state).into_iter().collect();
        m.query.tag = Some(tag.trim().to_string()).filter(|t| !t.is_empty());
        m.query.network = Platform::from_id(&network);
        m.query.from = from;
        m.query.to = to;
        m.query.sort = sort;
        // typing on narrows the last result: only what it found is searched again
        let within = m
            .narrow
            .as_ref()
            .filter(|before| m.query.narrows(before))
            .map(|_| m.shown.as_slice());
        let found = search_positions(&m.items, &m.index, &m.query, within);
        m.shown = found;
        m.narrow = Some(m.query.clone());
        m.shown.len()
    });
    show_count(count, from_top)?;
    if !super::load::is_whole() {
        indexed::through_index(from_top);
    }
    Ok(())
}

fn show_count(count: usize, from_top: bool) -> Result<(), JsValue> {
    by_id("count")?.set_text_content(Some(&t_with("backlog_count", &[&count.to_string()])));
    list()?.reset(count, from_top)
}

thread_local! {
    /// The page's date formats, made once (making one costs more than drawing a row): the day
    /// alone, and the day with its time.
    static FORMATS: std::cell::RefCell<Option<[js_sys::Function; 2]>> =
        const { std::cell::RefCell::new(None) };
}

fn formats() -> Option<[js_sys::Function; 2]> {
    if let Some(f) = FORMATS.with(|f| f.borrow().clone()) {
        return Some(f);
    }
    let locale = if crate::web::ext::ui_language().starts_with("fr") {
        "fr-CA"
    } else {
        "en-US"
    };
    let locales = js_sys::Array::of1(&JsValue::from_str(locale));
    let make = |with_time: bool| -> Option<js_sys::Function> {
        let options = js_sys::Object::new();
        let mut fields = vec![("day", "numeric"), ("month", "short"), ("year", "numeric")];
        if with_time {
            fields.extend([("hour", "numeric"), ("minute", "2-digit")]);
        }
        for (k, v) in fields {
            js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v)).ok()?;
        }
        Some(js_sys::Intl::DateTimeFormat::new(&locales, &options).format())
    };
    let made = [make(false)?, make(true)?];
    FORMATS.with(|f| *f.borrow_mut() = Some(made.clone()));
    Some(made)
}

/// A planned date as the user reads it, in the page's language: « 12 déc. 2026, 9 h 30 » (French
/// written as in Québec), "Dec 12, 2026, 9:30 AM"; the day alone when no time is set.
pub(super) fn planned_text(p: crate::backlog::Planned) -> String {
    let (hour, minute) = p.time.map_or((0, 0), |t| (t.hour as i32, t.minute as i32));
    let d = js_sys::Date::new_with_year_month_day_hr_min(
        p.date.year.max(0) as u32,
        p.date.month as i32 - 1,
        p.date.day as i32,
        hour,
        minute,
    );
    formats()
        .and_then(|[day, day_time]| {
            let f = if p.time.is_some() { day_time } else { day };
            f.call1(&JsValue::NULL, &d).ok()?.as_string()
        })
        .unwrap_or_else(|| p.to_string())
}

/// One row's text: title, then state, date and tags.
fn row_lines(item: &crate::backlog::Item) -> (String, String) {
    let title = if item.title.is_empty() {
        item.url().unwrap_or("—").to_string()
    } else {
        item.title.clone()
    };
    let mut meta = vec![state_name(item.state)];
    if let Some(p) = item.planned {
        meta.push(planned_text(p));
    }
    if !item.tags.is_empty() {
        meta.push(
            item.tags
                .iter()
                .map(|t| format!("#{t}"))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    (title, meta.join(" · "))
}

/// The button of the row at `pos` in the list: the item's title, then its state, date and tags.
/// While the list is answered by keys, a row whose record is not in the page yet is a
/// placeholder (busy, its id known) until the record is read.
fn draw_row(doc: &Document, pos: usize) -> Result<Option<Element>, JsValue> {
    let busy = |id: Option<&str>| -> Result<Option<Element>, JsValue> {
        keyed::missing(pos);
        let mut attributes = vec![("type", "button"), ("class", "row"), ("aria-busy", "true")];
        if let Some(id) = id {
            attributes.push(("data-id", id));
        }
        let b = el(doc, "button", &attributes, None)?;
        b.append_child(&*el(doc, "span", &[("class", "row-title")], Some("…"))?)?;
        Ok(Some(b))
    };
    let found = match keyed::row(pos) {
        keyed::Row::Model => with(|m| {
            let item = m.items.get(*m.shown.get(pos)?)?;
            Some((item.id.clone(), row_lines(item)))
        }),
        keyed::Row::Pending => return busy(None),
        keyed::Row::Id(id) => {
            match with(|m| m.at.get(&id).and_then(|&k| m.items.get(k)).map(row_lines)) {
                Some(lines) => Some((id, lines)),
                None => return busy(Some(&id)),
            }
        }
    };
    let Some((id, (title, meta))) = found else {
        return Ok(None);
    };
    let b = el(
        doc,
        "button",
        &[("type", "button"), ("class", "row"), ("data-id", &id)],
        None,
    )?;
    b.append_child(&*el(doc, "span", &[("class", "row-title")], Some(&title))?)?;
    b.append_child(&*el(doc, "span", &[("class", "row-meta")], Some(&meta))?)?;
    Ok(Some(b))
}
