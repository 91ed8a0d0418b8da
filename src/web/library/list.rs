//! The library's list: search box, filters (tag, network, language) and one row per template
//! kept by them (the core's `template::view::filtered` decides which, in what order), in the
//! pages' virtualised list (only the rows in view are drawn; the arrow keys, Page Up/Down, Home
//! and End move between rows). Clicking a row, or Enter on it, opens the template in the editor;
//! the open template's row is marked (`aria-current`).

use super::{editor, el, on, perf_now, Ui};
use crate::template::view::{all_tags, filtered, Filter, REPLY_NETWORKS};
use crate::template::Lang;
use crate::web::error::log;
use crate::web::ext::{t, t_with};
use crate::web::pages::titled_section;
use crate::web::pages::virtual_list::VirtualList;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement};

/// One row of the list: the template's id, title, and trigger and tags.
pub(super) struct Row {
    pub id: String,
    pub title: String,
    pub meta: String,
}

impl Row {
    pub fn of(tpl: &crate::template::Template) -> std::rc::Rc<Row> {
        let mut meta: Vec<String> = tpl.trigger.iter().cloned().collect();
        meta.extend(tpl.tags.iter().cloned());
        std::rc::Rc::new(Row {
            id: tpl.id.clone(),
            title: tpl.title.clone(),
            meta: meta.join(" · "),
        })
    }
}

/// Height of one row, in CSS pixels (title and trigger/tags on two lines).
const ROW: f64 = 52.0;

/// The rows the filters keep, in order, and the id of the template open in the editor.
#[derive(Default)]
pub(super) struct Shown {
    pub rows: Vec<Rc<Row>>,
    pub open: String,
}

/// The list's controls.
#[derive(Clone)]
pub(super) struct ListUi {
    pub search: HtmlInputElement,
    pub tag: HtmlSelectElement,
    pub network: HtmlSelectElement,
    pub lang: HtmlSelectElement,
    pub rows: VirtualList,
    pub shown: Rc<RefCell<Shown>>,
    pub count: Element,
    pub new_button: Element,
}

fn select(
    doc: &Document,
    id: &str,
    label: &str,
    parent: &Element,
) -> Result<HtmlSelectElement, JsValue> {
    let wrap = el(doc, "div", &[("class", "filter")], None)?;
    wrap.append_child(&*el(doc, "label", &[("for", id)], Some(label))?)?;
    let s: HtmlSelectElement = el(doc, "select", &[("id", id)], None)?.dyn_into()?;
    s.append_child(&*el(
        doc,
        "option",
        &[("value", "")],
        Some(&t("library_filter_all")),
    )?)?;
    wrap.append_child(&s)?;
    parent.append_child(&wrap)?;
    Ok(s)
}

/// Builds the list's part of the page into `main`.
pub(super) fn build(doc: &Document, main: &Element) -> Result<ListUi, JsValue> {
    let section = titled_section(
        doc,
        &[("class", "library-list")],
        "list-title",
        &t("library_list_title"),
    )?;
    let new_button = el(
        doc,
        "button",
        &[("type", "button"), ("id", "new-template")],
        Some(&t("library_new")),
    )?;
    section.append_child(&new_button)?;
    section.append_child(&*el(
        doc,
        "label",
        &[("for", "search")],
        Some(&t("library_search")),
    )?)?;
    let search: HtmlInputElement = el(
        doc,
        "input",
        &[
            ("type", "search"),
            ("id", "search"),
            ("autocomplete", "off"),
        ],
        None,
    )?
    .dyn_into()?;
    section.append_child(&search)?;
    let filters = el(doc, "div", &[("class", "filters")], None)?;
    let tag = select(doc, "filter-tag", &t("library_filter_tag"), &filters)?;
    let network = select(
        doc,
        "filter-network",
        &t("library_filter_network"),
        &filters,
    )?;
    for p in REPLY_NETWORKS {
        network.append_child(&*el(
            doc,
            "option",
            &[("value", p.id())],
            Some(&t(&network_key(p))),
        )?)?;
    }
    let lang = select(doc, "filter-lang", &t("library_filter_lang"), &filters)?;
    for l in Lang::ALL {
        lang.append_child(&*el(
            doc,
            "option",
            &[("value", l.tag())],
            Some(&t(&lang_key(l))),
        )?)?;
    }
    section.append_child(&filters)?;
    let count = el(
        doc,
        "p",
        &[
            ("id", "list-count"),
            ("class", "muted"),
            ("aria-live", "polite"),
        ],
        None,
    )?;
    section.append_child(&count)?;
    let shown: Rc<RefCell<Shown>> = Rc::default();
    let drawn = shown.clone();
    let rows = VirtualList::new(
        doc,
        &[("id", "templates-view"), ("class", "templates")],
        &[("id", "templates"), ("aria-labelledby", "list-title")],
        ROW,
        Box::new(move |doc, pos| {
            let (row, open) = {
                let s = drawn.borrow();
                let Some(row) = s.rows.get(pos).cloned() else {
                    return Ok(None);
                };
                let open = row.id == s.open;
                (row, open)
            };
            draw_row(doc, &row, open).map(Some)
        }),
    )?;
    section.append_child(rows.viewport())?;
    main.append_child(&section)?;
    Ok(ListUi {
        search,
        tag,
        network,
        lang,
        rows,
        shown,
        count,
        new_button,
    })
}

/// One row's button: the title, then the trigger and tags.
fn draw_row(doc: &Document, row: &Row, open: bool) -> Result<Element, JsValue> {
    let b = el(
        doc,
        "button",
        &[
            ("type", "button"),
            ("class", "row-open"),
            ("data-id", &row.id),
        ],
        None,
    )?;
    if open {
        b.set_attribute("aria-current", "true")?;
    }
    b.append_child(&*el(
        doc,
        "span",
        &[("class", "row-title")],
        Some(&row.title),
    )?)?;
    if !row.meta.is_empty() {
        b.append_child(&*el(
            doc,
            "span",
            &[("class", "row-meta")],
            Some(&row.meta),
        )?)?;
    }
    Ok(b)
}

/// The `_locales` key of a network's name.
pub(super) fn network_key(p: crate::platform::Platform) -> String {
    format!("library_net_{}", p.id().replace('-', "_"))
}

/// The `_locales` key of a language's name.
pub(super) fn lang_key(l: Lang) -> String {
    format!("library_lang_{}", l.tag().replace('-', "_").to_lowercase())
}

/// Rebuilds the tag filter's options from the library (keeping the choice when it still exists).
pub(super) fn refresh_filters(ui: &Ui) -> Result<(), JsValue> {
    let tags = all_tags(&ui.data.borrow().templates);
    let chosen = ui.list.tag.value();
    while ui.list.tag.length() > 1 {
        ui.list.tag.remove_with_index(1);
    }
    for tag in &tags {
        ui.list
            .tag
            .append_child(&*el(&ui.doc, "option", &[("value", tag)], Some(tag))?)?;
    }
    ui.list
        .tag
        .set_value(if tags.contains(&chosen) { &chosen } else { "" });
    Ok(())
}

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

fn current_filter(ui: &Ui) -> Filter {
    let some = |s: String| Some(s).filter(|s| !s.is_empty());
    Filter {
        query: ui.list.search.value(),
        tag: some(ui.list.tag.value()),
        network: crate::platform::Platform::from_id(&ui.list.network.value()),
        lang: Lang::from_tag(&ui.list.lang.value()).filter(|_| !ui.list.lang.value().is_empty()),
    }
}

/// Draws the rows the filters keep: from the top when `from_top` (a new search or filter), else
/// where the list was (the library read again). Times the search and the drawing
/// (`data-search-ms`, `data-list-ms` on the list, which the benchmarks read).
pub(super) fn render(ui: &Ui, from_top: bool) -> Result<(), JsValue> {
    let filter = current_filter(ui);
    let start = perf_now();
    let rows: Vec<Rc<Row>> = {
        let data = ui.data.borrow();
        let kept = filtered(&data.templates, &data.index, &filter, now_ms());
        kept.iter()
            .filter_map(|&i| data.rows.get(i).cloned())
            .collect()
    };
    let searched = perf_now();
    let shown = rows.len();
    ui.list.shown.borrow_mut().rows = rows;
    ui.list.rows.reset(shown, from_top)?;
    let total = ui.data.borrow().templates.len();
    ui.list.count.set_text_content(Some(&t_with(
        "library_count",
        &[&shown.to_string(), &total.to_string()],
    )));
    let done = perf_now();
    let list = ui.list.rows.list();
    list.set_attribute("data-search-ms", &format!("{:.3}", searched - start))?;
    list.set_attribute("data-list-ms", &format!("{:.3}", done - start))?;
    Ok(())
}

/// Marks template `id` as the one open in the editor (none: empty), and brings its row into
/// view when the filters keep it.
pub(super) fn mark_open(ui: &Ui, id: &str) -> Result<(), JsValue> {
    let pos = {
        let mut s = ui.list.shown.borrow_mut();
        s.open = id.to_string();
        s.rows.iter().position(|r| !id.is_empty() && r.id == id)
    };
    if let Some(pos) = pos {
        ui.list.rows.show(pos, false)?;
    }
    ui.list.rows.redraw()
}

/// Listeners: typing and filters redraw the list; a row opens its template; Escape in the
/// search box clears it.
pub(super) fn wire(ui: &Ui) -> Result<(), JsValue> {
    for target in [
        ui.list
            .search
            .clone()
            .unchecked_into::<web_sys::EventTarget>(),
        ui.list.tag.clone().unchecked_into(),
        ui.list.network.clone().unchecked_into(),
        ui.list.lang.clone().unchecked_into(),
    ] {
        let u = ui.clone();
        let event = if target.has_type::<HtmlInputElement>() {
            "input"
        } else {
            "change"
        };
        on(&target, event, move |_: web_sys::Event| {
            log("library: list", render(&u, true));
        })?;
    }
    let u = ui.clone();
    on(
        &ui.list.search,
        "keydown",
        move |e: web_sys::KeyboardEvent| {
            if e.key() == "Escape" && !u.list.search.value().is_empty() {
                e.stop_propagation();
                u.list.search.set_value("");
                log("library: list", render(&u, true));
            } else if e.key() == "ArrowDown" {
                // from the search box down into its results
                e.prevent_default();
                log("library: list", u.list.rows.focus_active());
            }
        },
    )?;
    let u = ui.clone();
    ui.list.rows.on_open(move |pos| {
        let id = u.list.shown.borrow().rows.get(pos).map(|r| r.id.clone());
        if let Some(id) = id {
            log("library: open", editor::open_id(&u, &id));
        }
    })?;
    let u = ui.clone();
    on(&ui.list.new_button, "click", move |_: web_sys::Event| {
        log("library: new", editor::open_new(&u));
        log("library: focus", u.editor.title.focus());
    })?;
    Ok(())
}
