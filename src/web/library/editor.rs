//! The editor: title, trigger, language, tags, networks, text and short text of one template;
//! save with the revision it was opened at (refused when changed elsewhere: "reload" or
//! "overwrite"), duplicate, delete with undo. Enter in a field or Ctrl+Enter in a text box
//! saves. A save whose answer was lost is sent again under the same request id, and the page
//! says whether it was saved.

use super::{ask, el, error_text, on, preview, reload, toast, Sent, Ui};
use crate::protocol::templates::ImportItem;
use crate::protocol::{Request, Response};
use crate::store::{Collection, Record};
use crate::template::view::REPLY_NETWORKS;
use crate::template::{parse, Lang, Template};
use crate::web::error::log;
use crate::web::ext::{request_id, t, t_with};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// The template being edited: its id, the revision it was read at (`None`: new), and what the
/// form does not show (variants, use counts), kept as read.
#[derive(Clone, Debug, Default)]
pub(super) struct Current {
    pub id: String,
    pub revision: Option<u64>,
    pub base: Option<Template>,
}

#[derive(Clone)]
pub(super) struct EditorUi {
    pub form: Element,
    pub heading: Element,
    pub title: HtmlInputElement,
    pub trigger: HtmlInputElement,
    pub lang: HtmlSelectElement,
    pub tags: HtmlInputElement,
    pub networks: Vec<(crate::platform::Platform, HtmlInputElement)>,
    pub body: HtmlTextAreaElement,
    pub short: HtmlTextAreaElement,
    pub field_error: Element,
    pub errors: Element,
    pub marks_box: Element,
    pub marks: Element,
    pub preview: Element,
    pub preview_notes: Element,
    pub lengths: Element,
    pub save_status: Element,
    pub conflict: Element,
    pub reload_button: Element,
    pub overwrite_button: Element,
    pub duplicate_button: Element,
    pub delete_button: Element,
    pub current: Rc<RefCell<Current>>,
}

fn field<T: JsCast>(
    doc: &Document,
    parent: &Element,
    tag: &str,
    id: &str,
    label: &str,
    extra: &[(&str, &str)],
) -> Result<T, JsValue> {
    let row = el(doc, "div", &[("class", "row column")], None)?;
    row.append_child(&*el(doc, "label", &[("for", id)], Some(label))?)?;
    let mut attrs = vec![("id", id)];
    attrs.extend_from_slice(extra);
    let input = el(doc, tag, &attrs, None)?;
    row.append_child(&input)?;
    parent.append_child(&row)?;
    input
        .dyn_into()
        .map_err(|_| crate::web::error::WebError::Missing("field").into())
}

fn button(doc: &Document, id: &str, key: &str, class: &str) -> Result<Element, JsValue> {
    el(
        doc,
        "button",
        &[("type", "button"), ("id", id), ("class", class)],
        Some(&t(key)),
    )
}

/// Builds the editor into `main`.
pub(super) fn build(doc: &Document, main: &Element) -> Result<EditorUi, JsValue> {
    let section = el(
        doc,
        "section",
        &[
            ("class", "library-editor"),
            ("aria-labelledby", "editor-title"),
        ],
        None,
    )?;
    let heading = el(doc, "h2", &[("id", "editor-title")], None)?;
    section.append_child(&heading)?;
    let form = el(doc, "form", &[("id", "editor"), ("novalidate", "")], None)?;
    let title: HtmlInputElement = field(
        doc,
        &form,
        "input",
        "tpl-title",
        &t("library_field_title"),
        &[("type", "text")],
    )?;
    let trigger: HtmlInputElement = field(
        doc,
        &form,
        "input",
        "tpl-trigger",
        &t("library_field_trigger"),
        &[
            ("type", "text"),
            ("placeholder", ";merci"),
            ("aria-describedby", "tpl-field-error"),
        ],
    )?;
    let lang: HtmlSelectElement = field(
        doc,
        &form,
        "select",
        "tpl-lang",
        &t("library_field_lang"),
        &[],
    )?;
    lang.append_child(&*el(
        doc,
        "option",
        &[("value", "")],
        Some(&t("library_lang_unset")),
    )?)?;
    for l in Lang::ALL {
        lang.append_child(&*el(
            doc,
            "option",
            &[("value", l.tag())],
            Some(&t(&super::list::lang_key(l))),
        )?)?;
    }
    let tags: HtmlInputElement = field(
        doc,
        &form,
        "input",
        "tpl-tags",
        &t("library_field_tags"),
        &[("type", "text")],
    )?;
    let fs = el(doc, "fieldset", &[("class", "networks")], None)?;
    fs.append_child(&*el(
        doc,
        "legend",
        &[],
        Some(&t("library_field_networks")),
    )?)?;
    let mut networks = Vec::new();
    for p in REPLY_NETWORKS {
        let id = format!("tpl-net-{}", p.id());
        let label = el(doc, "label", &[("for", &id)], None)?;
        let cb: HtmlInputElement = el(
            doc,
            "input",
            &[("type", "checkbox"), ("id", &id), ("value", p.id())],
            None,
        )?
        .dyn_into()?;
        label.append_child(&cb)?;
        label.append_child(&doc.create_text_node(&t(&super::list::network_key(p))))?;
        fs.append_child(&label)?;
        networks.push((p, cb));
    }
    form.append_child(&fs)?;
    let body: HtmlTextAreaElement = field(
        doc,
        &form,
        "textarea",
        "tpl-body",
        &t("library_field_body"),
        &[("rows", "6"), ("aria-describedby", "tpl-errors")],
    )?;
    let errors = el(
        doc,
        "ul",
        &[("id", "tpl-errors"), ("class", "errors")],
        None,
    )?;
    form.append_child(&errors)?;
    let marks_box = el(doc, "div", &[("class", "marks-box"), ("hidden", "")], None)?;
    marks_box.append_child(&*el(
        doc,
        "p",
        &[("class", "muted"), ("id", "marks-label")],
        Some(&t("library_marks")),
    )?)?;
    let marks = el(
        doc,
        "p",
        &[
            ("id", "tpl-marks"),
            ("class", "marks"),
            ("aria-labelledby", "marks-label"),
        ],
        None,
    )?;
    marks_box.append_child(&marks)?;
    form.append_child(&marks_box)?;
    let short: HtmlTextAreaElement = field(
        doc,
        &form,
        "textarea",
        "tpl-short",
        &t("library_field_short"),
        &[("rows", "2")],
    )?;
    let field_error = el(
        doc,
        "p",
        &[("id", "tpl-field-error"), ("class", "error")],
        None,
    )?;
    form.append_child(&field_error)?;
    let actions = el(doc, "div", &[("class", "actions")], None)?;
    actions.append_child(&*el(
        doc,
        "button",
        &[("type", "submit"), ("id", "save")],
        Some(&t("library_save")),
    )?)?;
    let duplicate_button = button(doc, "duplicate", "library_duplicate", "secondary")?;
    let delete_button = button(doc, "delete", "library_delete", "secondary")?;
    actions.append_child(&duplicate_button)?;
    actions.append_child(&delete_button)?;
    form.append_child(&actions)?;
    let save_status = el(doc, "p", &[("id", "save-status"), ("role", "status")], None)?;
    form.append_child(&save_status)?;
    let conflict = el(
        doc,
        "div",
        &[
            ("id", "conflict"),
            ("class", "conflict"),
            ("role", "alert"),
            ("hidden", ""),
        ],
        None,
    )?;
    conflict.append_child(&*el(doc, "p", &[], Some(&t("library_conflict")))?)?;
    let reload_button = button(doc, "conflict-reload", "library_conflict_reload", "")?;
    let overwrite_button = button(
        doc,
        "conflict-overwrite",
        "library_conflict_overwrite",
        "secondary",
    )?;
    conflict.append_child(&reload_button)?;
    conflict.append_child(&overwrite_button)?;
    form.append_child(&conflict)?;
    section.append_child(&form)?;
    let pv = el(
        doc,
        "section",
        &[("class", "preview"), ("aria-labelledby", "preview-title")],
        None,
    )?;
    pv.append_child(&*el(
        doc,
        "h3",
        &[("id", "preview-title")],
        Some(&t("library_preview")),
    )?)?;
    pv.append_child(&*el(
        doc,
        "p",
        &[("class", "muted")],
        Some(&t_with(
            "library_preview_sample",
            &[crate::template::view::SAMPLE_AUTHOR],
        )),
    )?)?;
    let preview = el(
        doc,
        "p",
        &[("id", "preview"), ("class", "preview-text")],
        None,
    )?;
    let preview_notes = el(
        doc,
        "p",
        &[("id", "preview-notes"), ("class", "muted")],
        None,
    )?;
    pv.append_child(&preview)?;
    pv.append_child(&preview_notes)?;
    pv.append_child(&*el(doc, "h3", &[], Some(&t("library_lengths")))?)?;
    let lengths = el(doc, "ul", &[("id", "lengths"), ("class", "lengths")], None)?;
    pv.append_child(&lengths)?;
    section.append_child(&pv)?;
    main.append_child(&section)?;
    Ok(EditorUi {
        form,
        heading,
        title,
        trigger,
        lang,
        tags,
        networks,
        body,
        short,
        field_error,
        errors,
        marks_box,
        marks,
        preview,
        preview_notes,
        lengths,
        save_status,
        conflict,
        reload_button,
        overwrite_button,
        duplicate_button,
        delete_button,
        current: Rc::default(),
    })
}

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
    e.field_error.set_text_content(None);
    e.save_status.set_text_content(None);
    hide_conflict(ui);
    preview::update(ui, tpl)
}

/// Opens an empty template.
pub(super) fn open_new(ui: &Ui) -> Result<(), JsValue> {
    *ui.editor.current.borrow_mut() = Current {
        id: format!("t-{}", request_id()),
        revision: None,
        base: None,
    };
    ui.editor
        .heading
        .set_text_content(Some(&t("library_editor_new")));
    for b in [&ui.editor.duplicate_button, &ui.editor.delete_button] {
        b.set_attribute("disabled", "")?;
    }
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
    };
    ui.editor
        .heading
        .set_text_content(Some(&t_with("library_editor_edit", &[&tpl.title])));
    for b in [&ui.editor.duplicate_button, &ui.editor.delete_button] {
        b.remove_attribute("disabled")?;
    }
    fill(ui, &tpl)
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
    if !parse(&tpl.body).errors.is_empty() {
        return Some((t("library_fix_errors"), e.body.clone().into()));
    }
    None
}

/// What a write answered, shown in the editor; the new record when saved.
fn saved(ui: &Ui, sent: Sent) -> Option<Record> {
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
    let expected = ui.editor.current.borrow().revision;
    let Ok(body) = serde_json::to_value(&tpl) else {
        return;
    };
    let sent = ask(&Request::StorePut {
        collection: Collection::Templates,
        id: tpl.id.clone(),
        expected_revision: expected,
        body,
    })
    .await;
    if let Some(record) = saved(&ui, sent) {
        after_write(&ui, &record.id).await;
    }
}

async fn after_write(ui: &Ui, id: &str) {
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

async fn delete(ui: Ui) {
    let (id, revision) = {
        let c = ui.editor.current.borrow();
        (c.id.clone(), c.revision)
    };
    let before = collect(&ui);
    let sent = ask(&Request::StoreDelete {
        collection: Collection::Templates,
        id: id.clone(),
        expected_revision: revision,
    })
    .await;
    let Some(tombstone) = saved(&ui, sent) else {
        return;
    };
    log("library: reload", reload(&ui).await);
    log("library: new", open_new(&ui));
    let u = ui.clone();
    let text = t_with("library_deleted", &[&before.title]);
    ui.status.set_text_content(Some(&text));
    toast(
        &ui,
        &text,
        Box::new(move || {
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(body) = serde_json::to_value(&before) else {
                    return;
                };
                let sent = ask(&Request::StorePut {
                    collection: Collection::Templates,
                    id: id.clone(),
                    expected_revision: Some(tombstone.revision),
                    body,
                })
                .await;
                if saved(&u, sent).is_some() {
                    u.status.set_text_content(Some(&t("library_restored")));
                    after_write(&u, &id).await;
                }
            });
        }),
    );
}

async fn duplicate(ui: Ui) {
    let mut copy = collect(&ui);
    copy.id = format!("t-{}", request_id());
    copy.title = t_with("library_copy_title", &[&copy.title]);
    copy.trigger = None;
    copy.uses = 0;
    copy.last_used = None;
    let Ok(body) = serde_json::to_value(&copy) else {
        return;
    };
    let sent = ask(&Request::StorePut {
        collection: Collection::Templates,
        id: copy.id.clone(),
        expected_revision: None,
        body,
    })
    .await;
    if saved(&ui, sent).is_some() {
        after_write(&ui, &copy.id).await;
        log("library: focus", ui.editor.title.focus());
    }
}

/// Listeners of the editor.
pub(super) fn wire(ui: &Ui) -> Result<(), JsValue> {
    let u = ui.clone();
    on(&ui.editor.form, "submit", move |e: web_sys::Event| {
        e.prevent_default();
        wasm_bindgen_futures::spawn_local(save(u.clone()));
    })?;
    let u = ui.clone();
    on(&ui.editor.form, "input", move |_: web_sys::Event| {
        log("library: preview", preview::update(&u, &collect(&u)));
    })?;
    let u = ui.clone();
    on(&ui.editor.form, "change", move |_: web_sys::Event| {
        log("library: preview", preview::update(&u, &collect(&u)));
    })?;
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
            wasm_bindgen_futures::spawn_local(delete(u.clone()));
        },
    )?;
    let u = ui.clone();
    on(
        &ui.editor.duplicate_button,
        "click",
        move |_: web_sys::Event| {
            wasm_bindgen_futures::spawn_local(duplicate(u.clone()));
        },
    )?;
    preview::wire(ui)
}
