//! The extension pages' virtualised list (the template library, the backlog): a scrolling box
//! holding a `<ul>` as tall as all its rows, in which only the rows in view and a margin are
//! drawn, each `<li>` placed at its offset with `aria-setsize` and `aria-posinset`, so a screen
//! reader announces the whole list and each row's place in it.
//!
//! The keyboard: one row at a time is in the Tab order (the focused one, drawn and focused again
//! whenever the rows are redrawn, even scrolled out of view); the arrow keys, Page Up, Page Down,
//! Home and End move it, scrolling it into view; Enter and Space are its control's (a button).
//!
//! The arithmetic (which rows for a scroll offset, where a key moves) is the core's
//! (`list_window`); what a row shows and does is the page's, through the [`DrawRow`] it gives.
//! Nothing here knows templates or backlog items.

use super::el;
use crate::list_window::{moved, rows_in_view, scroll_to_show, Move, Viewport};
use crate::web::error::log;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// Rows drawn above and below the ones in view.
const OVERSCAN: usize = 6;

/// Draws the control of row `pos` (a button: what the row shows and does), or `None` when the
/// page has no such row any more.
pub(in crate::web) type DrawRow = Box<dyn Fn(&Document, usize) -> Result<Option<Element>, JsValue>>;

/// A virtualised list, cheap to clone (a handle).
#[derive(Clone)]
pub(in crate::web) struct VirtualList {
    inner: Rc<Inner>,
}

struct Inner {
    doc: Document,
    viewport: HtmlElement,
    list: Element,
    row_height: f64,
    draw: DrawRow,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    total: usize,
    /// The row in the Tab order (the focused one when the focus is in the list).
    active: usize,
    /// The rows in the DOM: their `<li>` and control, by position.
    drawn: BTreeMap<usize, (Element, Element)>,
}

impl VirtualList {
    /// A list of rows `row_height` pixels tall: a box (class `vlist`, and `viewport_attrs`)
    /// holding the `<ul>` (`list_attrs`), empty until [`VirtualList::reset`].
    pub fn new(
        doc: &Document,
        viewport_attrs: &[(&str, &str)],
        list_attrs: &[(&str, &str)],
        row_height: f64,
        draw: DrawRow,
    ) -> Result<VirtualList, JsValue> {
        let viewport: HtmlElement = el(doc, "div", viewport_attrs, None)?.dyn_into()?;
        let class = viewport.get_attribute("class").unwrap_or_default();
        viewport.set_attribute("class", format!("vlist {class}").trim_end())?;
        let list = el(doc, "ul", list_attrs, None)?;
        viewport.append_child(&list)?;
        let this = VirtualList {
            inner: Rc::new(Inner {
                doc: doc.clone(),
                viewport,
                list,
                row_height,
                draw,
                state: RefCell::default(),
            }),
        };
        this.wire()?;
        Ok(this)
    }

    /// The scrolling box (to put in the page).
    pub fn viewport(&self) -> &HtmlElement {
        &self.inner.viewport
    }

    /// The `<ul>`.
    pub fn list(&self) -> &Element {
        &self.inner.list
    }

    /// The row in the Tab order.
    pub fn active(&self) -> usize {
        self.inner.state.borrow().active
    }

    /// New contents: `total` rows, every row in view drawn again. From the top (scrolled up, the
    /// first row in the Tab order) when `from_top`, else where the list was. The focus, when it
    /// was on a row, goes to the row now at its place.
    pub fn reset(&self, total: usize, from_top: bool) -> Result<(), JsValue> {
        {
            let mut s = self.inner.state.borrow_mut();
            s.total = total;
            if from_top {
                s.active = 0;
            }
            s.active = s.active.min(total.saturating_sub(1));
        }
        self.inner.list.set_attribute(
            "style",
            &format!("height:{}px", total as f64 * self.inner.row_height),
        )?;
        if from_top {
            self.inner.viewport.set_scroll_top(0);
        }
        self.sync(true)
    }

    /// Draws the rows in view again (what they show changed), keeping the focus.
    pub fn redraw(&self) -> Result<(), JsValue> {
        self.sync(true)
    }

    /// Puts row `pos` in the Tab order and scrolls it into view; focuses it when `focus`.
    pub fn show(&self, pos: usize, focus: bool) -> Result<(), JsValue> {
        {
            let mut s = self.inner.state.borrow_mut();
            if s.total == 0 {
                return Ok(());
            }
            s.active = pos.min(s.total - 1);
        }
        let pos = self.active();
        if let Some(top) = scroll_to_show(pos, self.geometry()) {
            self.inner.viewport.set_scroll_top(top.round() as i32);
        }
        self.sync(false)?;
        if focus {
            self.focus_active()?;
        }
        Ok(())
    }

    /// Calls `open` with the position of a row clicked (or activated with Enter or Space).
    pub fn on_open(&self, open: impl Fn(usize) + 'static) -> Result<(), JsValue> {
        listen(&self.inner.list, "click", move |e| {
            if let Some(pos) = VirtualList::row_of(&e) {
                open(pos);
            }
        })
    }

    /// Focuses the row in the Tab order (scrolled into view), if the list has rows.
    pub fn focus_active(&self) -> Result<(), JsValue> {
        let control = {
            let s = self.inner.state.borrow();
            s.drawn.get(&s.active).map(|(_, c)| c.clone())
        };
        match control.and_then(|c| c.dyn_into::<HtmlElement>().ok()) {
            Some(c) => c.focus(),
            None => Ok(()),
        }
    }

    fn geometry(&self) -> Viewport {
        Viewport {
            scroll_top: f64::from(self.inner.viewport.scroll_top()),
            height: f64::from(self.inner.viewport.client_height()),
            row_height: self.inner.row_height,
        }
    }

    /// Puts in the DOM the rows in view and the active row, and takes out the others (all of
    /// them first when `rebuild`). The focus stays on the active row when it was in the list.
    fn sync(&self, rebuild: bool) -> Result<(), JsValue> {
        let inner = &self.inner;
        let view = self.geometry();
        let focused = inner.doc.active_element().filter(|a| {
            let node: &web_sys::Node = a;
            inner.list.contains(Some(node))
        });
        let (total, active, removed, missing) = {
            let mut s = inner.state.borrow_mut();
            let (total, active) = (s.total, s.active);
            let range = rows_in_view(total, view, OVERSCAN);
            let (first, end) = (range.start, range.end);
            let wanted = |p: usize| (first..end).contains(&p) || (p == active && p < total);
            let gone: Vec<usize> = s
                .drawn
                .keys()
                .copied()
                .filter(|&p| rebuild || !wanted(p))
                .collect();
            let removed: Vec<Element> = gone
                .iter()
                .filter_map(|p| s.drawn.remove(p).map(|(li, _)| li))
                .collect();
            let mut missing: Vec<usize> = range.filter(|p| !s.drawn.contains_key(p)).collect();
            if active < total && !s.drawn.contains_key(&active) && !missing.contains(&active) {
                missing.push(active);
                missing.sort_unstable();
            }
            (total, active, removed, missing)
        };
        for li in removed {
            li.remove();
        }
        let total_text = total.to_string();
        for pos in missing {
            let Some(control) = (inner.draw)(&inner.doc, pos)? else {
                continue;
            };
            control.set_attribute("tabindex", if pos == active { "0" } else { "-1" })?;
            let li = el(
                &inner.doc,
                "li",
                &[
                    (
                        "style",
                        &format!(
                            "top:{}px;height:{}px",
                            pos as f64 * inner.row_height,
                            inner.row_height
                        ),
                    ),
                    ("aria-setsize", &total_text),
                    ("aria-posinset", &(pos + 1).to_string()),
                ],
                None,
            )?;
            li.append_child(&control)?;
            let next: Option<web_sys::Node> = inner
                .state
                .borrow()
                .drawn
                .range(pos + 1..)
                .next()
                .map(|(_, (li, _))| li.clone().into());
            inner.list.insert_before(&li, next.as_ref())?;
            inner.state.borrow_mut().drawn.insert(pos, (li, control));
        }
        if focused.is_some_and(|f| !f.is_connected()) {
            self.focus_active()?;
        }
        Ok(())
    }

    /// Makes row `pos` (already drawn) the one in the Tab order.
    fn set_active(&self, pos: usize) {
        let mut s = self.inner.state.borrow_mut();
        if pos == s.active || pos >= s.total {
            return;
        }
        for (p, value) in [(s.active, "-1"), (pos, "0")] {
            if let Some((_, c)) = s.drawn.get(&p) {
                log("list: tabindex", c.set_attribute("tabindex", value));
            }
        }
        s.active = pos;
    }

    /// The position of the row an event happened in.
    fn row_of(e: &web_sys::Event) -> Option<usize> {
        let li = e
            .target()?
            .dyn_into::<Element>()
            .ok()?
            .closest("li[aria-posinset]")
            .ok()??;
        li.get_attribute("aria-posinset")?
            .parse::<usize>()
            .ok()?
            .checked_sub(1)
    }

    fn wire(&self) -> Result<(), JsValue> {
        let this = self.clone();
        listen(&self.inner.viewport, "scroll", move |_| {
            log("list: scroll", this.sync(false));
        })?;
        let this = self.clone();
        listen(&self.inner.list, "focusin", move |e| {
            if let Some(pos) = VirtualList::row_of(&e) {
                this.set_active(pos);
            }
        })?;
        let this = self.clone();
        listen(&self.inner.list, "keydown", move |e| {
            let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if k.alt_key() || k.ctrl_key() || k.meta_key() || k.shift_key() {
                return;
            }
            let Some(how) = Move::of_key(&k.key()) else {
                return;
            };
            let (from, total) = {
                let s = this.inner.state.borrow();
                (VirtualList::row_of(&e).unwrap_or(s.active), s.total)
            };
            if let Some(to) = moved(from, total, how, this.geometry().page_rows()) {
                e.prevent_default();
                log("list: move", this.show(to, true));
            }
        })
    }
}

/// Adds a listener for the page's life.
fn listen(
    target: &web_sys::EventTarget,
    event: &str,
    f: impl Fn(web_sys::Event) + 'static,
) -> Result<(), JsValue> {
    let c = Closure::<dyn Fn(web_sys::Event)>::new(f);
    target.add_event_listener_with_callback(event, c.as_ref().unchecked_ref())?;
    c.forget();
    Ok(())
}
