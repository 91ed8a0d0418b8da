//! The item editor: title, state (only the moves the core allows), tags, note, target networks,
//! planned date and time, and one draft per network with the live length check
//! (`length::count_with`, the badge's own count).

use super::list::{network_name, state_name};
use super::{by_id, on, with};
use crate::backlog::item::normalize_tags;
use crate::backlog::{Date, Item, Planned, State, Time};
use crate::length::{count_with, CountOptions};
use crate::platform::Platform;
use crate::web::ext::{t, t_with};
use crate::web::pages::el;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
};

thread_local! {
    /// The item being edited, as it was read.
    static EDITING: RefCell<Option<Item>> = const { RefCell::new(None) };
}

fn field(
    doc: &Document,
    form: &Element,
    id: &str,
    key: &str,
    tag: &str,
    kind: Option<&str>,
) -> Result<(), JsValue> {
    let label = el(doc, "label", &[("for", id)], Some(&t(key)))?;
    let input = el(doc, tag, &[("id", id)], None)?;
    if let Some(k) = kind {
        input.set_attribute("type", k)?;
    }
    let p = el(doc, "p", &[], None)?;
    p.append_child(&label)?;
    p.append_child(&input)?;
    form.append_child(&p)?;
    Ok(())
}

pub(super) fn build(doc: &Document) -> Result<Element, JsValue> {
    let section = el(
        doc,
        "section",
        &[
            ("id", "editor"),
            ("aria-labelledby", "editor-title"),
            ("hidden", ""),
        ],
        None,
    )?;
    section.append_child(&*el(
        doc,
        "h2",
        &[("id", "editor-title")],
        Some(&t("backlog_editor")),
    )?)?;
    let form = el(doc, "form", &[("id", "editor-form")], None)?;
    field(
        doc,
        &form,
        "item-title",
        "backlog_field_title",
        "input",
        Some("text"),
    )?;
    field(
        doc,
        &form,
        "item-state",
        "backlog_field_state",
        "select",
        None,
    )?;
    field(
        doc,
        &form,
        "item-tags",
        "backlog_field_tags",
        "input",
        Some("text"),
    )?;
    field(
        doc,
        &form,
        "item-note",
        "backlog_field_note",
        "textarea",
        None,
    )?;
    field(
        doc,
        &form,
        "item-date",
        "backlog_field_date",
        "input",
        Some("date"),
    )?;
    field(
        doc,
        &form,
        "item-time",
        "backlog_field_time",
        "input",
        Some("time"),
    )?;
    let nets = el(doc, "fieldset", &[("id", "item-networks")], None)?;
    nets.append_child(&*el(
        doc,
        "legend",
        &[],
        Some(&t("backlog_field_networks")),
    )?)?;
    for p in Platform::ALL {
        let label = el(doc, "label", &[("class", "check")], None)?;
        let input = el(
            doc,
            "input",
            &[("type", "checkbox"), ("name", "network"), ("value", p.id())],
            None,
        )?;
        on(&input, "change", |_| {
            crate::web::error::log("drafts", draw_drafts(None)).unwrap_or(())
        })?;
        label.append_child(&input)?;
        label.append_child(&doc.create_text_node(&network_name(*p)))?;
        nets.append_child(&label)?;
    }
    form.append_child(&nets)?;
    form.append_child(&*el(doc, "div", &[("id", "item-drafts")], None)?)?;
    let actions = el(doc, "p", &[("class", "actions")], None)?;
    actions.append_child(&*el(
        doc,
        "button",
        &[("type", "submit")],
        Some(&t("backlog_save")),
    )?)?;
    let close = el(
        doc,
        "button",
        &[("type", "button"), ("id", "editor-close")],
        Some(&t("backlog_close")),
    )?;
    actions.append_child(&close)?;
    form.append_child(&actions)?;
    section.append_child(&form)?;
    on(&close, "click", |_| {
        if let Ok(e) = by_id("editor") {
            crate::web::error::log(
                "close",
                e.toggle_attribute_with_force("hidden", true).map(|_| ()),
            );
        }
    })?;
    on(&form, "submit", |e| {
        e.prevent_default();
        wasm_bindgen_futures::spawn_local(async {
            if let Some(item) = crate::web::error::log("read editor", read_form()) {
                if super::save(item, false).await {
                    super::refresh();
                }
            }
        });
    })?;
    Ok(section)
}

fn input(id: &str) -> Result<HtmlInputElement, JsValue> {
    by_id(id)?
        .dyn_into::<HtmlInputElement>()
        .map_err(|_| crate::web::error::WebError::Missing("input").into())
}

fn checked_networks() -> Vec<Platform> {
    let Ok(doc) = super::document() else {
        return Vec::new();
    };
    let Ok(list) = doc.query_selector_all("#item-networks input:checked") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|k| list.get(k))
        .filter_map(|n| n.dyn_into::<HtmlInputElement>().ok())
        .filter_map(|i| Platform::from_id(&i.value()))
        .collect()
}

/// The length line of a draft: "42 / 280", over or not.
fn length_line(text: &str, p: Platform) -> (String, bool) {
    let r = count_with(text, p, &CountOptions::default());
    (
        t_with(
            "backlog_draft_length",
            &[&r.length.to_string(), &r.limit.to_string()],
        ),
        r.remaining < 0,
    )
}

/// The tone check of a draft, as the core reports it for that network: a summary line and one
/// line per finding, each in the words of its `_locales` message (`tone_<name>`, its arguments
/// in order), with its code kept in `data-code`.
fn draw_tone(host: &web_sys::Element, text: &str, p: Platform) -> Result<(), JsValue> {
    let doc = super::document()?;
    let settings = crate::tone::ToneSettings {
        platform: Some(p),
        ..crate::tone::ToneSettings::default()
    };
    let report = crate::tone::analyse(text, &settings, None);
    host.set_text_content(None);
    if text.trim().is_empty() {
        return Ok(());
    }
    let summary = if report.findings.is_empty() {
        t("backlog_tone_none")
    } else {
        t_with(
            "backlog_tone_findings",
            &[&report.findings.len().to_string()],
        )
    };
    host.append_child(&*el(
        &doc,
        "span",
        &[("class", "tone-summary")],
        Some(&summary),
    )?)?;
    if report.findings.is_empty() {
        return Ok(());
    }
    let list = el(&doc, "ul", &[("class", "tone-findings")], None)?;
    for f in &report.findings {
        list.append_child(&*el(
            &doc,
            "li",
            &[("data-code", f.code)],
            Some(&crate::web::tone_text::message(f)),
        )?)?;
    }
    host.append_child(&list)?;
    Ok(())
}

/// Draws one draft field per chosen network (`from`: the texts to start with).
fn draw_drafts(from: Option<&Item>) -> Result<(), JsValue> {
    let doc = super::document()?;
    let host = by_id("item-drafts")?;
    let mut texts: Vec<(Platform, String)> = Vec::new();
    for p in checked_networks() {
        let current = doc
            .get_element_by_id(&format!("draft-{}", p.id()))
            .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
            .map(|e| e.value());
        let text = current
            .or_else(|| from.and_then(|i| i.draft(p)).map(str::to_string))
            .unwrap_or_default();
        texts.push((p, text));
    }
    host.set_text_content(None);
    for (p, text) in texts {
        let id = format!("draft-{}", p.id());
        let wrap = el(&doc, "p", &[("class", "draft")], None)?;
        wrap.append_child(&*el(
            &doc,
            "label",
            &[("for", &id)],
            Some(&t_with("backlog_draft_for", &[&network_name(p)])),
        )?)?;
        let area = el(
            &doc,
            "textarea",
            &[("id", &id), ("aria-describedby", &format!("{id}-len"))],
            None,
        )?;
        area.dyn_ref::<HtmlTextAreaElement>()
            .ok_or(crate::web::error::WebError::Missing("textarea"))?
            .set_value(&text);
        let (line, over) = length_line(&text, p);
        let len = el(
            &doc,
            "span",
            &[
                ("id", &format!("{id}-len")),
                ("class", if over { "length over" } else { "length" }),
                ("aria-live", "polite"),
            ],
            Some(&line),
        )?;
        let tone = el(
            &doc,
            "div",
            &[
                ("id", &format!("{id}-tone")),
                ("class", "tone"),
                ("aria-live", "polite"),
            ],
            None,
        )?;
        draw_tone(&tone, &text, p)?;
        let target = len.clone();
        let tone_host = tone.clone();
        on(&area, "input", move |e| {
            let text = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
                .map(|a| a.value())
                .unwrap_or_default();
            let (line, over) = length_line(&text, p);
            target.set_text_content(Some(&line));
            crate::web::error::log(
                "length",
                target.set_attribute("class", if over { "length over" } else { "length" }),
            );
            crate::web::error::log("tone", draw_tone(&tone_host, &text, p));
        })?;
        area.set_attribute("aria-describedby", &format!("{id}-len {id}-tone"))?;
        wrap.append_child(&area)?;
        wrap.append_child(&len)?;
        wrap.append_child(&tone)?;
        host.append_child(&wrap)?;
    }
    Ok(())
}

/// Opens the editor on an item.
pub(super) fn open(id: &str) -> Result<(), JsValue> {
    let Some(item) = with(|m| m.at.get(id).and_then(|&k| m.items.get(k)).cloned()) else {
        return Ok(());
    };
    let doc = super::document()?;
    input("item-title")?.set_value(&item.title);
    input("item-tags")?.set_value(&item.tags.join(", "));
    by_id("item-note")?
        .dyn_into::<HtmlTextAreaElement>()
        .map_err(|_| crate::web::error::WebError::Missing("note"))?
        .set_value(&item.note);
    input("item-date")?.set_value(&item.planned.map(|p| p.date.to_string()).unwrap_or_default());
    input("item-time")?.set_value(
        &item
            .planned
            .and_then(|p| p.time)
            .map(|t| t.to_string())
            .unwrap_or_default(),
    );
    let state = by_id("item-state")?;
    state.set_text_content(None);
    for s in State::ALL.iter().filter(|s| item.state.can_move_to(**s)) {
        let o = el(&doc, "option", &[("value", s.id())], Some(&state_name(*s)))?;
        state.append_child(&o)?;
    }
    state
        .dyn_ref::<HtmlSelectElement>()
        .ok_or(crate::web::error::WebError::Missing("select"))?
        .set_value(item.state.id());
    let boxes = doc.query_selector_all("#item-networks input")?;
    for k in 0..boxes.length() {
        if let Some(b) = boxes
            .get(k)
            .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
        {
            b.set_checked(
                Platform::from_id(&b.value()).is_some_and(|p| item.networks.contains(&p)),
            );
        }
    }
    by_id("item-drafts")?.set_text_content(None);
    draw_drafts(Some(&item))?;
    EDITING.with(|e| *e.borrow_mut() = Some(item));
    let section = by_id("editor")?;
    section.toggle_attribute_with_force("hidden", false)?;
    if let Ok(h) = by_id("item-title")?.dyn_into::<HtmlElement>() {
        h.focus()?;
    }
    Ok(())
}

/// The item as the form has it.
fn read_form() -> Result<Item, JsValue> {
    let mut item = EDITING
        .with(|e| e.borrow().clone())
        .ok_or(crate::web::error::WebError::Missing("item"))?;
    item.title = input("item-title")?.value().trim().to_string();
    let tags = input("item-tags")?.value();
    item.tags = normalize_tags(tags.split(','));
    item.note = by_id("item-note")?
        .dyn_into::<HtmlTextAreaElement>()
        .map_err(|_| crate::web::error::WebError::Missing("note"))?
        .value();
    let date = Date::parse(&input("item-date")?.value());
    let time = Time::parse(&input("item-time")?.value());
    item.planned = date.map(|d| Planned { date: d, time });
    let state = by_id("item-state")?
        .dyn_ref::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default();
    if let Some(s) = State::from_id(&state) {
        if item.state.can_move_to(s) {
            item.state = s;
        }
    }
    item.networks = checked_networks();
    let doc = super::document()?;
    item.drafts.clear();
    for p in item.networks.clone() {
        if let Some(a) = doc
            .get_element_by_id(&format!("draft-{}", p.id()))
            .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
        {
            item.set_draft(p, &a.value());
        }
    }
    if item.state == State::Scheduled && item.planned.and_then(|p| p.time).is_none() {
        super::status(&t("error_backlog_schedule_needs_time"));
        return Err(crate::web::error::WebError::Missing("time").into());
    }
    Ok(item)
}
