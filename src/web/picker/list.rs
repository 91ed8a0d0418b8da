//! The picker's result list: the search per keystroke (`template::search`; recent and frequent
//! first when the query is empty) and the list of results drawn at once, the chosen one marked
//! for the search box's `aria-activedescendant`.
//!
//! What runs on a keystroke is kept to the search and a few DOM writes: the rows' `<li>` are made
//! once and kept (a row only writes what changed in it: another template, another title), and
//! no layout is read. Every row is [`ROW_PX`] tall (the stylesheet draws it so, from the list's
//! `--pk-row`), the list's scroll offset and height come from its own `scroll` events and a
//! `ResizeObserver`, so whether the chosen row is in view is the core's arithmetic
//! (`list_window::scroll_to_show`) and the list scrolls only when it is not; when the list's
//! height changes (the frame's, or the preview's below it, which the list gives way to), the
//! observer keeps the chosen row in view, after the layout.

use super::preview::preview_later;
use super::{now_ms, Picker, SHOWN};
use crate::list_window::{scroll_to_show, Viewport};
use crate::protocol::reply::{recent_first, Filled};
use crate::template::Template;
use crate::web::pages::el;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// The height of one result row, in CSS pixels (the list's `--pk-row`).
pub(super) const ROW_PX: f64 = 28.0;

/// The result rows as drawn, kept from one keystroke to the next.
pub(super) struct Rows {
    /// Every row made so far; the first `attached` are in the list.
    made: Vec<Row>,
    attached: usize,
    /// The row marked chosen, if any (shared with the resize observer).
    marked: Rc<Cell<Option<usize>>>,
    /// Whether the "no results" line is shown.
    empty_shown: bool,
    /// The list's scroll offset and height, as its events last said (pixels).
    scroll_top: Rc<Cell<f64>>,
    height: Rc<Cell<f64>>,
}

/// One row: its `<li>`, its title and trigger, and what they show now.
struct Row {
    li: Element,
    title: Element,
    trigger: Element,
    /// The template's id, title and trigger the row shows.
    shows: (String, String, Option<String>),
}

impl Rows {
    /// The rows of `list`, which it sizes (`--pk-row`) and follows (scroll offset, height).
    pub fn new(list: &Element) -> Result<Rows, JsValue> {
        list.set_attribute("style", &format!("--pk-row:{ROW_PX}px"))?;
        let scroll_top = Rc::new(Cell::new(0.0));
        let height = Rc::new(Cell::new(0.0));
        // read in the list's own scroll event, when its layout is fresh (the user's wheel, or
        // the offset this module set)
        let (top, l) = (scroll_top.clone(), list.clone());
        let on_scroll = Closure::<dyn Fn()>::new(move || top.set(f64::from(l.scroll_top())));
        list.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref())?;
        on_scroll.forget();
        // the list's height changes with the frame's and with the preview's (the list gives way
        // to it): the chosen row is kept in view, after the layout, off the keystroke
        let marked = Rc::new(Cell::new(None));
        let (h, top, m, l) = (
            height.clone(),
            scroll_top.clone(),
            marked.clone(),
            list.clone(),
        );
        let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(e) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                h.set(e.content_rect().height());
            }
            if let Some(pos) = m.get() {
                let view = viewport(top.get(), h.get());
                if let Some(y) = scroll_to_show(pos, view) {
                    l.set_scroll_top(y.round() as i32);
                    top.set(y.round());
                }
            }
        });
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?.observe(list);
        on_resize.forget();
        Ok(Rows {
            made: Vec::new(),
            attached: 0,
            marked,
            empty_shown: false,
            scroll_top,
            height,
        })
    }

    /// Where the list is, for the core's arithmetic.
    fn viewport(&self) -> Viewport {
        viewport(self.scroll_top.get(), self.height.get())
    }
}

/// The list scrolled by `scroll_top` and `height` tall, in rows of [`ROW_PX`].
fn viewport(scroll_top: f64, height: f64) -> Viewport {
    Viewport {
        scroll_top,
        height,
        row_height: ROW_PX,
    }
}

impl Row {
    fn new(doc: &Document, pos: usize) -> Result<Row, JsValue> {
        let li = el(
            doc,
            "li",
            &[
                ("id", &format!("pk-o-{pos}")),
                ("role", "option"),
                ("aria-selected", "false"),
            ],
            None,
        )?;
        let title = el(doc, "span", &[("class", "pk-t")], None)?;
        // no trigger until a template with one is shown
        let trigger = el(doc, "span", &[("class", "pk-tr"), ("hidden", "")], None)?;
        li.append_child(&title)?;
        li.append_child(&trigger)?;
        Ok(Row {
            li,
            title,
            trigger,
            shows: Default::default(),
        })
    }

    /// Shows `t`, writing only what differs from what the row shows.
    fn show(&mut self, t: &Template) -> Result<(), JsValue> {
        let (id, title, trigger) = &mut self.shows;
        if *id != t.id {
            self.li.set_attribute("data-id", &t.id)?;
            id.clone_from(&t.id);
        }
        if *title != t.title {
            self.title.set_text_content(Some(&t.title));
            title.clone_from(&t.title);
        }
        if *trigger != t.trigger {
            self.trigger.set_text_content(t.trigger.as_deref());
            self.trigger
                .toggle_attribute_with_force("hidden", t.trigger.is_none())?;
            trigger.clone_from(&t.trigger);
        }
        Ok(())
    }
}

/// Searches the library for the query now (the time measured per keystroke).
pub(super) fn search(p: &mut Picker) {
    let q = p.query.value();
    p.results = if q.trim().is_empty() {
        recent_first(&p.templates, SHOWN)
    } else {
        p.index
            .search(&q, now_ms() as i64, SHOWN)
            .into_iter()
            .map(|h| h.index as usize)
            .collect()
    };
    p.selected = 0;
    p.values = Filled::default();
    let _ = crate::web::error::log("picker list", draw_list(p));
    preview_later(p);
}

/// The choice moved one row down or up (wrapping); false when there is nothing to choose.
pub(super) fn move_choice(p: &mut Picker, down: bool) -> bool {
    let n = p.results.len();
    if n == 0 {
        return false;
    }
    p.selected = if down {
        (p.selected + 1) % n
    } else {
        (p.selected + n - 1) % n
    };
    p.values = Filled::default();
    true
}

/// Draws the results: each row shows its template, the rows past the results leave the list,
/// the chosen row is marked and scrolled into view if it is not.
pub(super) fn draw_list(p: &mut Picker) -> Result<(), JsValue> {
    let n = p.results.len();
    let rows = &mut p.rows;
    for (pos, &i) in p.results.iter().enumerate() {
        if pos == rows.made.len() {
            rows.made.push(Row::new(&p.doc, pos)?);
        }
        let row = &mut rows.made[pos];
        row.show(&p.templates[i])?;
        if pos >= rows.attached {
            p.list.append_child(&row.li)?;
        }
    }
    for row in rows.made.iter().take(rows.attached).skip(n) {
        row.li.remove();
    }
    rows.attached = n;
    if rows.empty_shown != (n == 0) {
        rows.empty_shown = n == 0;
        p.empty.toggle_attribute_with_force("hidden", n > 0)?;
    }
    let marked = (n > 0).then_some(p.selected.min(n.saturating_sub(1)));
    if rows.marked.get() != marked {
        if let Some(old) = rows.marked.get().and_then(|m| rows.made.get(m)) {
            old.li.set_attribute("aria-selected", "false")?;
        }
        match marked.and_then(|m| rows.made.get(m).map(|r| (m, r))) {
            Some((m, row)) => {
                row.li.set_attribute("aria-selected", "true")?;
                p.query
                    .set_attribute("aria-activedescendant", &format!("pk-o-{m}"))?;
            }
            None => p.query.remove_attribute("aria-activedescendant")?,
        }
        rows.marked.set(marked);
    }
    if let Some(m) = marked {
        if let Some(top) = scroll_to_show(m, rows.viewport()) {
            p.list.set_scroll_top(top.round() as i32);
            rows.scroll_top.set(top.round());
        }
    }
    Ok(())
}
