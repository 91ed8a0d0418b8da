//! The editor's form: its fields (title, trigger, language, tags, networks, text, short text),
//! the error list and marks, the preview and lengths, the actions and the "changed elsewhere"
//! choice, built once. What they do is in `editor`.

use super::el;
use crate::template::view::REPLY_NETWORKS;
use crate::template::{Lang, Template};
use crate::web::ext::{t, t_with};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// The template being edited: its id, the revision it was read at (`None`: new), and what the
/// form does not show (use counts, times), kept as read.
#[derive(Clone, Debug, Default)]
pub(super) struct Current {
    pub id: String,
    pub revision: Option<u64>,
    pub base: Option<Template>,
    /// A save whose answer was lost (its request id and request), settled by the next save.
    pub pending: Option<(String, crate::protocol::Request)>,
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
    pub variants: super::variants::VariantsUi,
    pub current: Rc<RefCell<Current>>,
    /// A save (and the reload after it) is running.
    pub saving: Rc<std::cell::Cell<bool>>,
}

impl EditorUi {
    /// The main text's preview panel.
    pub fn panel(&self) -> super::preview::Panel {
        super::preview::Panel {
            body: self.body.clone(),
            short: self.short.clone(),
            errors: self.errors.clone(),
            marks_box: self.marks_box.clone(),
            marks: self.marks.clone(),
            preview: self.preview.clone(),
            notes: self.preview_notes.clone(),
            lengths: self.lengths.clone(),
        }
    }
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
    let marks = el(doc, "p", &[("id", "tpl-marks"), ("class", "marks")], None)?;
    marks_box.append_child(&marks)?;
    form.append_child(&marks_box)?;
    let short: HtmlTextAreaElement = field(
        doc,
        &form,
        "textarea",
        "tpl-short",
        &t("library_field_short"),
        &[("rows", "2"), ("aria-describedby", "tpl-errors")],
    )?;
    let variants = super::variants::build(doc, &form)?;
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
        variants,
        current: Rc::default(),
        saving: Rc::default(),
    })
}
