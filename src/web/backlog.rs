//! The backlog page (extension page, `backlog.html`): the items read from IndexedDB, the ones
//! changed last first and the rest in batches after the first render (`load`), searched and
//! filtered by the core (`backlog::search`), shown in a virtualised list (`list`),
//! edited in a form (`item`), planned on a month or week calendar (`calendar`), exported and
//! imported (`transfer`); and the popup's capture block (`popup`). Every write goes through the
//! background and the page shows it only once the background answered that it committed.
//!
//! The page's state lives in one thread-local [`Model`], borrowed briefly and never across a DOM
//! call or an await.

mod calendar;
mod item;
mod list;
mod load;
pub(in crate::web) mod popup;
mod transfer;

use super::error::WebError;
use super::ext::{self, t};
use super::pages::el;
use crate::backlog::search::{Index, Query};
use crate::backlog::Item;
use crate::error::message_key;
use crate::protocol::{Request, Response};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// What the page knows: the items, their revisions, the search index and the list's query.
#[derive(Default)]
pub(crate) struct Model {
    pub items: Vec<Item>,
    pub revisions: HashMap<String, u64>,
    pub at: HashMap<String, usize>,
    pub index: Index,
    pub query: Query,
    /// The positions of the items the list shows, in order.
    pub shown: Vec<usize>,
    /// The query that found `shown`, while the items have not changed since (a query that
    /// narrows it searches only among `shown`).
    pub narrow: Option<Query>,
    /// The calendar's first visible day and whether it shows a week (else a month).
    pub anchor: Option<crate::backlog::Date>,
    pub week: bool,
}

thread_local! {
    static MODEL: RefCell<Model> = RefCell::new(Model::default());
}

/// Runs `f` on the model (a short borrow: never call the DOM or await inside).
pub(crate) fn with<R>(f: impl FnOnce(&mut Model) -> R) -> R {
    MODEL.with(|m| f(&mut m.borrow_mut()))
}

pub(crate) fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| WebError::Missing("document").into())
}

pub(crate) fn by_id(id: &str) -> Result<Element, JsValue> {
    document()?
        .get_element_by_id(id)
        .ok_or_else(|| WebError::Missing("element").into())
}

/// Shows a message in the page's status line (a polite live region).
pub(crate) fn status(text: &str) {
    if let Ok(s) = by_id("status") {
        s.set_text_content(Some(text));
    }
}

/// A response's error in the user's words.
pub(crate) fn error_text(code: &str, message: &str) -> String {
    let localized = t(&message_key(code));
    if localized.is_empty() {
        message.to_string()
    } else {
        localized
    }
}

pub(crate) fn on(
    target: &Element,
    event: &str,
    f: impl FnMut(web_sys::Event) + 'static,
) -> Result<(), JsValue> {
    let c = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    target.add_event_listener_with_callback(event, c.as_ref().unchecked_ref())?;
    c.forget();
    Ok(())
}

/// Today in the browser's time zone.
pub(crate) fn today() -> crate::backlog::Date {
    let d = js_sys::Date::new_0();
    crate::backlog::Date::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).unwrap_or(
        crate::backlog::Date {
            year: 2026,
            month: 1,
            day: 1,
        },
    )
}

/// Saves an item through the background; the model (and the views) change only once it
/// committed. Returns whether it was saved. `restore`: a backup brought back (an item deleted
/// since comes back).
pub(crate) async fn save(item: Item, restore: bool) -> bool {
    let expected = with(|m| m.revisions.get(&item.id).copied());
    let answer = ext::send(&Request::BacklogSave {
        item,
        expected_revision: expected,
        restore,
    })
    .await;
    match answer {
        Ok(Response::StoreSaved { record }) => {
            if let Ok(saved) = Item::from_stored(&record.body) {
                with(|m| load::merge(m, vec![(saved, record.revision)]));
            }
            status(&t("backlog_saved"));
            true
        }
        Ok(Response::Error { code, message }) => {
            status(&error_text(&code, &message));
            false
        }
        Ok(other) => {
            status(&format!("{other:?}"));
            false
        }
        Err(e) => {
            status(&super::error::message_of(&e));
            false
        }
    }
}

/// Redraws the list and, when it is shown, the calendar from the model (a hidden calendar is
/// drawn when it is shown).
pub(crate) fn refresh() {
    super::error::log("backlog list", list::refilter());
    let calendar_shown = by_id("view-calendar").is_ok_and(|v| !v.has_attribute("hidden"));
    if calendar_shown {
        super::error::log("backlog calendar", calendar::draw());
    }
}

/// Draws the backlog page into `#app`; `first`: see [`load::first`].
pub async fn page(first: JsValue) -> Result<(), JsValue> {
    load::mark("engine");
    let doc = document()?;
    if let Some(html) = doc.document_element() {
        html.set_attribute("lang", &ext::ui_language())?;
    }
    doc.set_title(&t("backlog_title"));
    let app = doc
        .get_element_by_id("app")
        .ok_or(WebError::Missing("#app"))?;
    let main = el(&doc, "main", &[], None)?;
    main.append_child(&*el(&doc, "h1", &[], Some(&t("backlog_title")))?)?;
    main.append_child(&*el(
        &doc,
        "p",
        &[
            ("id", "status"),
            ("role", "status"),
            ("aria-live", "polite"),
        ],
        None,
    )?)?;
    let nav = el(&doc, "nav", &[("aria-label", &t("backlog_views"))], None)?;
    for (id, key) in [
        ("show-list", "backlog_view_list"),
        ("show-calendar", "backlog_view_calendar"),
        ("show-transfer", "backlog_view_transfer"),
    ] {
        let b = el(
            &doc,
            "button",
            &[
                ("type", "button"),
                ("id", id),
                ("aria-controls", &id.replace("show-", "view-")),
            ],
            Some(&t(key)),
        )?;
        nav.append_child(&b)?;
    }
    main.append_child(&nav)?;
    let layout = el(&doc, "div", &[("class", "backlog-layout")], None)?;
    layout.append_child(&*list::build(&doc)?)?;
    layout.append_child(&*item::build(&doc)?)?;
    main.append_child(&layout)?;
    main.append_child(&*calendar::build(&doc)?)?;
    main.append_child(&*transfer::build(&doc)?)?;
    app.append_child(&main)?;
    for (button, view) in [
        ("show-list", "view-list"),
        ("show-calendar", "view-calendar"),
        ("show-transfer", "view-transfer"),
    ] {
        let view = view.to_string();
        on(&by_id(button)?, "click", move |_| {
            for v in ["view-list", "view-calendar", "view-transfer"] {
                if let Ok(e) = by_id(v) {
                    let hidden = v != view;
                    super::error::log(
                        "toggle view",
                        e.toggle_attribute_with_force("hidden", hidden).map(|_| ()),
                    );
                }
                if let Ok(b) = by_id(&v.replace("view-", "show-")) {
                    super::error::log(
                        "pressed",
                        b.set_attribute("aria-pressed", if v == view { "true" } else { "false" }),
                    );
                }
            }
            if view == "view-calendar" {
                super::error::log("backlog calendar", calendar::draw());
            }
        })?;
    }
    by_id("view-calendar")?.toggle_attribute_with_force("hidden", true)?;
    by_id("view-transfer")?.toggle_attribute_with_force("hidden", true)?;
    by_id("show-list")?.set_attribute("aria-pressed", "true")?;
    load::mark("started");
    // the items changed last first: the page is drawn without waiting for the rest
    let whole = match load::first(first).await {
        Ok(whole) => whole,
        Err(e) => {
            status(&super::error::message_of(&e));
            true
        }
    };
    load::mark("first-read");
    with(|m| m.anchor = Some(today()));
    refresh();
    load::mark("drawn");
    // the rest once the first rows are on screen
    wasm_bindgen_futures::spawn_local(async move {
        super::error::log("first paint", load::painted().await);
        if !whole {
            // the list answered by keys (its count whole, its rows read as they come in view)
            super::error::log("backlog list", list::refilter());
            if let Err(e) = load::rest().await {
                status(&super::error::message_of(&e));
            }
        }
    });
    if let Some(e) = doc.get_element_by_id("search") {
        if let Ok(h) = e.dyn_into::<HtmlElement>() {
            super::error::log("focus search", h.focus());
        }
    }
    Ok(())
}
