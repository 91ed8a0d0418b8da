//! The editor: title, trigger, language, tags, networks, text and short text of one template,
//! and its language variants (`variants`); save with the revision it was opened at (refused
//! when changed elsewhere: "reload" or "overwrite"); duplicate and delete with undo are in
//! `actions`. Enter in a field or Ctrl+Enter in a text box saves. A save whose answer was lost
//! is sent again under the same request id (by the page at once, and by the next save when the
//! retry was lost too), and the page says whether it was saved.

use super::form::Current;
use super::{ask, ask_as, error_text, on, preview, reload, Sent, Ui};
use crate::protocol::templates::ImportItem;
use crate::protocol::{Request, Response};
use crate::store::{Collection, Record};
use crate::template::{parse, Lang, Template};
use crate::web::error::log;
use crate::web::ext::{request_id, t, t_with};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

pub(super) use super::form::build;
/// The template as the form shows it now.
pub(super) fn collect(ui: &Ui) -> Template {
    let e = &ui.editor;
    let cur = e.current.borrow().clone();
    let mut tpl = cur.base.unwrap_or_else(|| Template::new(&cur.id, "", ""));
    tpl.id = cur.id;
    tpl.body = e.body.value();
    tpl.title = match e.title.value().trim() {
        "" => tpl
            .body
            .chars()
            .take(40)
            .collect::<String>()
            .trim()
            .to_string(),
        s => s.to_string(),
    };
    tpl.trigger = Some(e.trigger.value().trim().to_string()).filter(|s| !s.is_empty());
    tpl.lang = Lang::from_tag(&e.lang.value());
    tpl.tags = e
        .tags
        .value()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    tpl.networks = e
        .networks
        .iter()
        .filter(|(_, cb)| cb.checked())
        .map(|(p, _)| *p)
        .collect();
    tpl.short = Some(e.short.value()).filter(|s| !s.trim().is_empty());
    tpl.variants = super::variants::collect(ui);
    tpl
}

fn fill(ui: &Ui, tpl: &Template) -> Result<(), JsValue> {
    let e = &ui.editor;
    e.title.set_value(&tpl.title);
    e.trigger.set_value(tpl.trigger.as_deref().unwrap_or(""));
    e.lang.set_value(tpl.lang.map_or("", Lang::tag));
    e.tags.set_value(&tpl.tags.join(", "));
    for (p, cb) in &e.networks {
        cb.set_checked(tpl.networks.contains(p));
    }
    e.body.set_value(&tpl.body);
    e.short.set_value(tpl.short.as_deref().unwrap_or(""));
    super::variants::set(ui, &tpl.variants)?;
    e.field_error.set_text_content(None);
    e.save_status.set_text_content(None);
    hide_conflict(ui);
    preview::update(ui, tpl)
}

/// Opens an empty template.
pub(super) fn open_new(ui: &Ui) -> Result<(), JsValue> {
    *ui.editor.current.borrow_mut() = Current {
        id: format!("t-{}", request_id()),
        ..Current::default()
    };
    ui.editor
        .heading
        .set_text_content(Some(&t("library_editor_new")));
    for b in [&ui.editor.duplicate_button, &ui.editor.delete_button] {
        b.set_attribute("disabled", "")?;
    }
    super::list::mark_open(ui, "")?;
    fill(ui, &Template::new("", "", ""))
}

/// Opens template `id` as the page last read it.
pub(super) fn open_id(ui: &Ui, id: &str) -> Result<(), JsValue> {
    let found = {
        let d = ui.data.borrow();
        d.position(id)
            .and_then(|i| Some((d.templates.get(i)?.clone(), d.records.get(i)?.revision)))
    };
    let Some((tpl, revision)) = found else {
        return open_new(ui);
    };
    *ui.editor.current.borrow_mut() = Current {
        id: tpl.id.clone(),
        revision: Some(revision),
        base: Some(tpl.clone()),
        pending: None,
    };
    ui.editor
        .heading
        .set_text_content(Some(&t_with("library_editor_edit", &[&tpl.title])));
    for b in [&ui.editor.duplicate_button, &ui.editor.delete_button] {
        b.remove_attribute("disabled")?;
    }
    super::list::mark_open(ui, &tpl.id)?;
    fill(ui, &tpl)
}

/// Puts the focus in the title field (the template opened from a selection needs its title read
/// again first).
pub(super) fn focus_title(ui: &Ui) -> Result<(), JsValue> {
    ui.editor.title.focus()?;
    ui.editor.title.select();
    Ok(())
}

pub(super) fn hide_conflict(ui: &Ui) {
    log(
        "library: conflict",
        ui.editor.conflict.set_attribute("hidden", ""),
    );
}

/// The reason the form cannot be saved as it is, as a `_locales` text.
fn refusal(ui: &Ui, tpl: &Template) -> Option<(String, Element)> {
    let e = &ui.editor;
    if tpl.body.trim().is_empty() {
        return Some((t("library_body_empty"), e.body.clone().into()));
    }
    if let Err(err) = tpl.check_trigger() {
        return Some((error_text(err.into()), e.trigger.clone().into()));
    }
    let lower = |s: &str| s.to_lowercase();
    if let Some(tr) = &tpl.trigger {
        let taken = ui
            .data
            .borrow()
            .templates
            .iter()
            .any(|o| o.id != tpl.id && o.trigger.as_deref().map(lower) == Some(lower(tr)));
        if taken {
            return Some((
                t_with("library_trigger_taken", &[tr]),
                e.trigger.clone().into(),
            ));
        }
    }
    if let Some(refused) = super::variants::refusal(ui, tpl) {
        return Some(refused);
    }
    // the first text box with an error: the main text, its short text, then each variant's
    let mut boxes = vec![
        (e.body.clone(), tpl.body.clone()),
        (e.short.clone(), e.short.value()),
    ];
    for (_, p) in super::variants::panels(ui) {
        boxes.push((p.body.clone(), p.body.value()));
        boxes.push((p.short.clone(), p.short.value()));
    }
    boxes
        .into_iter()
        .find(|(_, text)| !parse(text).errors.is_empty())
        .map(|(area, _)| (t("library_fix_errors"), area.into()))
}

/// What a write answered, shown in the editor; the new record when saved.
pub(super) fn saved(ui: &Ui, sent: Sent) -> Option<Record> {
    let s = &ui.editor.save_status;
    match sent {
        Sent::Answer {
            response: Response::StoreSaved { record },
            retried,
        } => {
            s.set_text_content(Some(&t(if retried {
                "library_saved_after_retry"
            } else {
                "library_saved"
            })));
            Some(record)
        }
        Sent::Answer {
            response: Response::Error { code, .. },
            ..
        } if code == "store.conflict" => {
            s.set_text_content(Some(&t("library_not_saved")));
            log(
                "library: conflict",
                ui.editor.conflict.remove_attribute("hidden"),
            );
            log(
                "library: focus",
                ui.editor
                    .reload_button
                    .dyn_ref::<web_sys::HtmlElement>()
                    .map_or(Ok(()), |b| b.focus()),
            );
            None
        }
        Sent::Answer {
            response: Response::Error { code, .. },
            ..
        } => {
            s.set_text_content(Some(&format!(
                "{} {}",
                t("library_not_saved"),
                error_text(&code)
            )));
            None
        }
        Sent::Answer { .. } | Sent::Lost => {
            s.set_text_content(Some(&t("library_not_saved_lost")));
            None
        }
    }
}

/// Saves the form with the revision it was opened at.
async fn save(ui: Ui) {
    let tpl = collect(&ui);
    if let Some((text, field)) = refusal(&ui, &tpl) {
        ui.editor.field_error.set_text_content(Some(&text));
        if let Some(f) = field.dyn_ref::<web_sys::HtmlElement>() {
            log("library: focus", f.focus());
        }
        return;
    }
    ui.editor.field_error.set_text_content(None);
    ui.editor
        .save_status
        .set_text_content(Some(&t("library_saving")));
    let mut expected = ui.editor.current.borrow().revision;
    let Ok(body) = serde_json::to_value(&tpl) else {
        return;
    };
    let put = |expected| Request::StorePut {
        collection: Collection::Templates,
        id: tpl.id.clone(),
        expected_revision: expected,
        body: body.clone(),
    };
    // A save whose answer was lost twice is settled first, under its own request id: the
    // background answers what it did with it (applied at most once) or applies it now. The same
    // save again is that request, so it is never applied twice.
    let pending = ui.editor.current.borrow_mut().pending.take();
    if let Some((id, earlier)) = pending {
        if earlier == put(expected) {
            let sent = ask_as(&id, &earlier).await;
            return settle(&ui, id, earlier, sent, true).await;
        }
        match ask_as(&id, &earlier).await {
            Sent::Answer {
                response: Response::StoreSaved { record },
                ..
            } => expected = Some(record.revision),
            Sent::Lost => {
                return settle(&ui, id, earlier, Sent::Lost, false).await;
            }
            Sent::Answer { .. } => {}
        }
    }
    let request = put(expected);
    let id = request_id();
    let sent = ask_as(&id, &request).await;
    settle(&ui, id, request, sent, false).await;
}

/// Shows how a save went; keeps a lost one to settle on the next save.
async fn settle(ui: &Ui, id: String, request: Request, sent: Sent, resent: bool) {
    let sent = match sent {
        Sent::Answer { response, retried } => Sent::Answer {
            response,
            retried: retried || resent,
        },
        Sent::Lost => {
            ui.editor.current.borrow_mut().pending = Some((id, request));
            Sent::Lost
        }
    };
    if let Some(record) = saved(ui, sent) {
        after_write(ui, &record.id).await;
    }
}

pub(super) async fn after_write(ui: &Ui, id: &str) {
    let status = ui.editor.save_status.text_content();
    log("library: reload", reload(ui).await);
    log("library: open", open_id(ui, id));
    ui.editor.save_status.set_text_content(status.as_deref());
}

/// Overwrites what was saved elsewhere with the form (the user chose to).
async fn overwrite(ui: Ui) {
    let tpl = collect(&ui);
    hide_conflict(&ui);
    let current = match ask(&Request::StoreGet {
        collection: Collection::Templates,
        id: tpl.id.clone(),
    })
    .await
    {
        Sent::Answer {
            response: Response::StoreRecord { record },
            ..
        } => record.map(|r| r.revision),
        _ => None,
    };
    let Ok(body) = serde_json::to_value(&tpl) else {
        return;
    };
    let item = ImportItem {
        id: tpl.id.clone(),
        expected_revision: current,
        body,
    };
    match ask(&Request::TemplatesImport { items: vec![item] }).await {
        Sent::Answer {
            response: Response::TemplatesImported { outcome },
            ..
        } if outcome.written == 1 => {
            ui.editor
                .save_status
                .set_text_content(Some(&t("library_saved")));
            after_write(&ui, &tpl.id).await;
        }
        _ => ui
            .editor
            .save_status
            .set_text_content(Some(&t("library_not_saved"))),
    }
}

/// Listeners of the editor.
pub(super) fn wire(ui: &Ui) -> Result<(), JsValue> {
    let u = ui.clone();
    on(&ui.editor.form, "submit", move |e: web_sys::Event| {
        e.prevent_default();
        // one save at a time: a second one sent while the first (or the reload after it) runs
        // would go with the revision read before it, and be refused as "changed elsewhere"
        if u.editor.saving.replace(true) {
            return;
        }
        let u = u.clone();
        wasm_bindgen_futures::spawn_local(async move {
            save(u.clone()).await;
            u.editor.saving.set(false);
        });
    })?;
    let u = ui.clone();
    on(&ui.editor.form, "input", move |_: web_sys::Event| {
        log("library: preview", preview::update(&u, &collect(&u)));
    })?;
    // selects and checkboxes fire `input` too; `change` would redraw the error list as the text
    // box loses the focus to one of its buttons, taking the button away mid-click
    // Ctrl+Enter (⌘+Enter) in a text box saves
    let form = ui.editor.form.clone();
    on(
        &ui.editor.form,
        "keydown",
        move |e: web_sys::KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                if let Some(f) = form.dyn_ref::<web_sys::HtmlFormElement>() {
                    log("library: submit", f.request_submit());
                }
            }
        },
    )?;
    let u = ui.clone();
    on(
        &ui.editor.reload_button,
        "click",
        move |_: web_sys::Event| {
            let u = u.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let id = u.editor.current.borrow().id.clone();
                hide_conflict(&u);
                log("library: reload", reload(&u).await);
                log("library: open", open_id(&u, &id));
                log("library: focus", u.editor.body.focus());
            });
        },
    )?;
    let u = ui.clone();
    on(
        &ui.editor.overwrite_button,
        "click",
        move |_: web_sys::Event| {
            wasm_bindgen_futures::spawn_local(overwrite(u.clone()));
        },
    )?;
    let u = ui.clone();
    on(
        &ui.editor.delete_button,
        "click",
        move |_: web_sys::Event| {
            wasm_bindgen_futures::spawn_local(super::actions::delete(u.clone()));
        },
    )?;
    let u = ui.clone();
    on(
        &ui.editor.duplicate_button,
        "click",
        move |_: web_sys::Event| {
            wasm_bindgen_futures::spawn_local(super::actions::duplicate(u.clone()));
        },
    )?;
    super::variants::wire(ui)?;
    preview::wire(ui)
}
