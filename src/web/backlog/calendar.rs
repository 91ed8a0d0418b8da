//! The calendar: a month or a week, planned items on their days. An item moves with the mouse
//! (drag it to another day) or with the keyboard (focus it, then the arrow keys: a day left or
//! right, a week up or down); the move is saved through the background (`Backlog::move_to_day`
//! keeps its time) and drawn once it committed. While the backlog is still loading, the days
//! shown are read first through the store's date index (`load::planned_days`).

use super::{by_id, on, with};
use crate::backlog::calendar::month_grid;
use crate::backlog::{Backlog, Date};
use crate::web::ext::{t, ui_language};
use crate::web::pages::el;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

pub(super) fn build(doc: &Document) -> Result<Element, JsValue> {
    let section = el(
        doc,
        "section",
        &[
            ("id", "view-calendar"),
            ("aria-labelledby", "calendar-title"),
        ],
        None,
    )?;
    let head = el(doc, "div", &[("class", "calendar-head")], None)?;
    head.append_child(&*el(doc, "h2", &[("id", "calendar-title")], None)?)?;
    for (id, key) in [
        ("cal-prev", "backlog_calendar_prev"),
        ("cal-today", "backlog_calendar_today"),
        ("cal-next", "backlog_calendar_next"),
        ("cal-mode", "backlog_calendar_week"),
    ] {
        let b = el(
            doc,
            "button",
            &[("type", "button"), ("id", id)],
            Some(&t(key)),
        )?;
        head.append_child(&b)?;
    }
    section.append_child(&head)?;
    section.append_child(&*el(
        doc,
        "p",
        &[("id", "calendar-help"), ("class", "muted")],
        Some(&t("backlog_calendar_help")),
    )?)?;
    section.append_child(&*el(
        doc,
        "table",
        &[
            ("id", "calendar"),
            ("class", "calendar"),
            ("aria-labelledby", "calendar-title"),
        ],
        None,
    )?)?;
    for (id, step) in [("cal-prev", -1i64), ("cal-next", 1), ("cal-today", 0)] {
        on(
            &head
                .query_selector(&format!("#{id}"))?
                .ok_or(crate::web::error::WebError::Missing("button"))?,
            "click",
            move |_| {
                with(|m| {
                    let a = m.anchor.unwrap_or_else(super::today);
                    m.anchor = Some(match (step, m.week) {
                        (0, _) => super::today(),
                        (s, true) => a.add_days(7 * s),
                        (s, false) => {
                            let months = a.year * 12 + a.month as i32 - 1 + s as i32;
                            Date::new(months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1)
                                .unwrap_or(a)
                        }
                    });
                });
                crate::web::error::log("calendar", draw());
            },
        )?;
    }
    on(
        &head
            .query_selector("#cal-mode")?
            .ok_or(crate::web::error::WebError::Missing("button"))?,
        "click",
        |_| {
            with(|m| m.week = !m.week);
            crate::web::error::log("calendar", draw());
        },
    )?;
    Ok(section)
}

fn js_date(d: Date) -> js_sys::Date {
    js_sys::Date::new_with_year_month_day(d.year as u32, d.month as i32 - 1, d.day as i32)
}

fn format(d: Date, options: &[(&str, &str)]) -> String {
    let o = js_sys::Object::new();
    for (k, v) in options {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), &(*v).into());
    }
    String::from(js_date(d).to_locale_date_string(&ui_language(), &o))
}

/// The days shown: the anchor's month (whole weeks) or its week.
fn days() -> (Vec<Date>, bool, Date) {
    with(|m| {
        let a = m.anchor.unwrap_or(Date {
            year: 2026,
            month: 1,
            day: 1,
        });
        if m.week {
            let s = a.week_start();
            ((0..7).map(|k| s.add_days(k)).collect(), true, a)
        } else {
            (month_grid(a.year, a.month), false, a)
        }
    })
}

/// The most items a day shows in the month view, and in the week view: a day with thousands of
/// items (an import planned on one date) must not cost the page thousands of buttons.
const MONTH_DAY_MAX: usize = 8;
const WEEK_DAY_MAX: usize = 40;

/// Draws the calendar from the model.
pub(super) fn draw() -> Result<(), JsValue> {
    let doc = super::document()?;
    let (days, week, anchor) = days();
    let (Some(&first), Some(&last)) = (days.first(), days.last()) else {
        return Ok(());
    };
    // while the backlog loads, these days' items are read through the date index
    super::load::planned_days(&days, if week { WEEK_DAY_MAX } else { MONTH_DAY_MAX });
    let title = if week {
        format!(
            "{} – {}",
            format(first, &[("day", "numeric"), ("month", "long")]),
            format(
                last,
                &[("day", "numeric"), ("month", "long"), ("year", "numeric")]
            )
        )
    } else {
        format(anchor, &[("month", "long"), ("year", "numeric")])
    };
    by_id("calendar-title")?.set_text_content(Some(&title));
    by_id("cal-mode")?.set_text_content(Some(&t(if week {
        "backlog_calendar_month"
    } else {
        "backlog_calendar_week"
    })));
    // the planned items of the days shown, by day, in time order
    let mut planned: Vec<(
        Date,
        Option<crate::backlog::Time>,
        String,
        String,
        &'static str,
    )> = with(|m| {
        m.items
            .iter()
            .filter_map(|i| {
                i.planned
                    .filter(|p| p.date >= first && p.date <= last)
                    .map(|p| (p.date, p.time, i.id.clone(), i.title.clone(), i.state.id()))
            })
            .collect()
    });
    planned.sort();
    let table = by_id("calendar")?;
    table.set_text_content(None);
    let head = el(&doc, "tr", &[], None)?;
    for d in days.iter().take(7) {
        head.append_child(&*el(
            &doc,
            "th",
            &[("scope", "col")],
            Some(&format(*d, &[("weekday", "short")])),
        )?)?;
    }
    let thead = el(&doc, "thead", &[], None)?;
    thead.append_child(&head)?;
    table.append_child(&thead)?;
    let body = el(&doc, "tbody", &[], None)?;
    let today = super::today();
    for week_days in days.chunks(7) {
        let tr = el(&doc, "tr", &[], None)?;
        for &d in week_days {
            let mut class = String::from("day");
            if !week && d.month != anchor.month {
                class.push_str(" outside");
            }
            if d == today {
                class.push_str(" today");
            }
            let td = el(
                &doc,
                "td",
                &[("class", &class), ("data-date", &d.to_string())],
                None,
            )?;
            td.append_child(&*el(
                &doc,
                "time",
                &[("class", "day-number"), ("datetime", &d.to_string())],
                Some(&d.day.to_string()),
            )?)?;
            let ul = el(&doc, "ul", &[], None)?;
            let on_day: Vec<_> = planned.iter().filter(|p| p.0 == d).collect();
            let cap = if week { WEEK_DAY_MAX } else { MONTH_DAY_MAX };
            for (_, time, id, title, state) in on_day.iter().take(cap).copied() {
                let li = el(&doc, "li", &[], None)?;
                let text = match time {
                    Some(t) => format!("{t} {title}"),
                    None => title.clone(),
                };
                let chip = el(
                    &doc,
                    "button",
                    &[
                        ("type", "button"),
                        ("class", &format!("chip {state}")),
                        ("draggable", "true"),
                        ("data-id", id),
                        ("aria-describedby", "calendar-help"),
                    ],
                    Some(&text),
                )?;
                let drag_id = id.clone();
                on(&chip, "dragstart", move |e| {
                    if let Some(dt) = e
                        .dyn_ref::<web_sys::DragEvent>()
                        .and_then(|e| e.data_transfer())
                    {
                        crate::web::error::log("drag", dt.set_data("text/plain", &drag_id));
                    }
                })?;
                let key_id = id.clone();
                on(&chip, "keydown", move |e| {
                    let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let days = match k.key().as_str() {
                        "ArrowLeft" => -1,
                        "ArrowRight" => 1,
                        "ArrowUp" => -7,
                        "ArrowDown" => 7,
                        _ => return,
                    };
                    e.prevent_default();
                    move_by(key_id.clone(), days);
                })?;
                let open = id.clone();
                on(&chip, "dblclick", move |_| {
                    crate::web::error::log("open", super::item::open(&open));
                })?;
                li.append_child(&chip)?;
                ul.append_child(&li)?;
            }
            if on_day.len() > cap {
                // a crowded day says how many more it holds (the list shows them all)
                ul.append_child(&*el(
                    &doc,
                    "li",
                    &[("class", "more")],
                    Some(&crate::web::ext::t_with(
                        "backlog_calendar_more",
                        &[&(on_day.len() - cap).to_string()],
                    )),
                )?)?;
            }
            td.append_child(&ul)?;
            on(&td, "dragover", |e| e.prevent_default())?;
            on(&td, "drop", move |e| {
                e.prevent_default();
                let id = e
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|e| e.data_transfer())
                    .and_then(|dt| dt.get_data("text/plain").ok());
                if let Some(id) = id.filter(|i| !i.is_empty()) {
                    move_to(id, d);
                }
            })?;
            tr.append_child(&td)?;
        }
        body.append_child(&tr)?;
    }
    table.append_child(&body)?;
    Ok(())
}

fn move_by(id: String, days: i64) {
    let target = with(|m| {
        m.at.get(&id)
            .and_then(|&k| m.items.get(k))
            .and_then(|i| i.planned)
            .map(|p| p.date.add_days(days))
    });
    if let Some(d) = target {
        move_to(id, d);
    }
}

/// Moves an item to a day (the core's move), saves it, redraws, and keeps the focus on it.
fn move_to(id: String, day: Date) {
    let Some(item) = with(|m| m.at.get(&id).and_then(|&k| m.items.get(k)).cloned()) else {
        return;
    };
    let mut one = Backlog { items: vec![item] };
    let now = js_sys::Date::now().max(0.0) as u64;
    if crate::web::error::log_coded("move", one.move_to_day(&id, day, now)).is_none() {
        return;
    }
    let Some(moved) = one.items.pop() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        if super::save(moved, false).await {
            with(|m| {
                if m.week
                    && (day < m.anchor.map(|a| a.week_start()).unwrap_or(day)
                        || day > m.anchor.map(|a| a.week_start().add_days(6)).unwrap_or(day))
                {
                    m.anchor = Some(day);
                }
            });
            super::refresh();
            if let Ok(doc) = super::document() {
                if let Ok(Some(chip)) =
                    doc.query_selector(&format!("#calendar button[data-id=\"{id}\"]"))
                {
                    if let Ok(h) = chip.dyn_into::<HtmlElement>() {
                        crate::web::error::log("focus", h.focus());
                    }
                }
            }
        }
    });
}
