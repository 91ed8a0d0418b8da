//! The editor's language variants: the same reply in another language (fr-CA, fr-FR, en),
//! each with its text and its short text for tight networks, added from a menu of the
//! languages the template has no text in yet, edited with its own live preview, errors in
//! place and lengths (drawn by `preview`), and removed with a button; the form's save takes
//! them with the rest (`editor::collect`). Every label comes from `_locales`.

use super::preview::Panel;
use super::{el, on, Ui};
use crate::template::{Lang, Template, Variant};
use crate::web::error::log;
use crate::web::ext::{t, t_with};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlSelectElement, HtmlTextAreaElement};

/// One variant's block in the form.
struct Block {
    lang: Lang,
    root: Element,
    panel: Panel,
}

/// The variants' part of the form.
#[derive(Clone)]
pub(super) struct VariantsUi {
    list: Element,
    add_lang: HtmlSelectElement,
    add_button: HtmlElement,
    status: Element,
    blocks: Rc<RefCell<Vec<Block>>>,
}

/// The `_locales` name of a language.
fn lang_name(l: Lang) -> String {
    t(&super::list::lang_key(l))
}

/// Builds the (empty) variants section into the form.
pub(super) fn build(doc: &Document, form: &Element) -> Result<VariantsUi, JsValue> {
    let fs = el(
        doc,
        "fieldset",
        &[("class", "variants"), ("id", "tpl-variants")],
        None,
    )?;
    fs.append_child(&*el(doc, "legend", &[], Some(&t("library_variants")))?)?;
    fs.append_child(&*el(
        doc,
        "p",
        &[("class", "muted")],
        Some(&t("library_variants_help")),
    )?)?;
    let list = el(doc, "div", &[("class", "variant-list")], None)?;
    fs.append_child(&list)?;
    let row = el(doc, "div", &[("class", "row variant-add")], None)?;
    row.append_child(&*el(
        doc,
        "label",
        &[("for", "variant-add-lang")],
        Some(&t("library_variant_lang")),
    )?)?;
    let add_lang: HtmlSelectElement =
        el(doc, "select", &[("id", "variant-add-lang")], None)?.dyn_into()?;
    for l in Lang::ALL {
        add_lang.append_child(&*el(
            doc,
            "option",
            &[("value", l.tag())],
            Some(&lang_name(l)),
        )?)?;
    }
    row.append_child(&add_lang)?;
    let add_button: HtmlElement = el(
        doc,
        "button",
        &[
            ("type", "button"),
            ("id", "variant-add"),
            ("class", "secondary"),
        ],
        Some(&t("library_variant_add")),
    )?
    .dyn_into()?;
    row.append_child(&add_button)?;
    fs.append_child(&row)?;
    let status = el(
        doc,
        "p",
        &[("id", "variants-status"), ("role", "status")],
        None,
    )?;
    fs.append_child(&status)?;
    form.append_child(&fs)?;
    Ok(VariantsUi {
        list,
        add_lang,
        add_button,
        status,
        blocks: Rc::default(),
    })
}

fn textarea(
    doc: &Document,
    parent: &Element,
    id: &str,
    label: &str,
    rows: &str,
    describedby: &str,
) -> Result<HtmlTextAreaElement, JsValue> {
    let row = el(doc, "div", &[("class", "row column")], None)?;
    row.append_child(&*el(doc, "label", &[("for", id)], Some(label))?)?;
    let area = el(
        doc,
        "textarea",
        &[
            ("id", id),
            ("rows", rows),
            ("aria-describedby", describedby),
        ],
        None,
    )?;
    row.append_child(&area)?;
    parent.append_child(&row)?;
    Ok(area.dyn_into()?)
}

/// A block for `v`, appended to the list.
fn block(ui: &Ui, v: &Variant) -> Result<Block, JsValue> {
    let doc = &ui.doc;
    let tag = v.lang.tag();
    let name = lang_name(v.lang);
    let root = el(
        doc,
        "fieldset",
        &[
            ("class", "variant"),
            ("id", &format!("variant-{tag}")),
            ("data-lang", tag),
        ],
        None,
    )?;
    root.append_child(&*el(
        doc,
        "legend",
        &[],
        Some(&t_with("library_variant_legend", &[&name])),
    )?)?;
    let errors_id = format!("tpl-variant-{tag}-errors");
    let body = textarea(
        doc,
        &root,
        &format!("tpl-variant-{tag}-body"),
        &t("library_field_body"),
        "4",
        &errors_id,
    )?;
    body.set_value(&v.body);
    let short = textarea(
        doc,
        &root,
        &format!("tpl-variant-{tag}-short"),
        &t("library_field_short"),
        "2",
        &errors_id,
    )?;
    short.set_value(v.short.as_deref().unwrap_or(""));
    let errors = el(doc, "ul", &[("id", &errors_id), ("class", "errors")], None)?;
    root.append_child(&errors)?;
    let marks_box = el(doc, "div", &[("class", "marks-box"), ("hidden", "")], None)?;
    marks_box.append_child(&*el(
        doc,
        "p",
        &[("class", "muted")],
        Some(&t("library_marks")),
    )?)?;
    let marks = el(
        doc,
        "p",
        &[
            ("class", "marks"),
            ("id", &format!("tpl-variant-{tag}-marks")),
        ],
        None,
    )?;
    marks_box.append_child(&marks)?;
    root.append_child(&marks_box)?;
    let pv = el(doc, "div", &[("class", "preview variant-preview")], None)?;
    let preview_id = format!("variant-{tag}-preview");
    pv.append_child(&*el(
        doc,
        "p",
        &[("class", "muted"), ("id", &format!("{preview_id}-label"))],
        Some(&t("library_variant_preview")),
    )?)?;
    let preview = el(
        doc,
        "p",
        &[
            ("id", &preview_id),
            ("class", "preview-text"),
            ("aria-labelledby", &format!("{preview_id}-label")),
        ],
        None,
    )?;
    pv.append_child(&preview)?;
    let notes = el(doc, "p", &[("class", "muted")], None)?;
    pv.append_child(&notes)?;
    let lengths = el(
        doc,
        "ul",
        &[
            ("id", &format!("variant-{tag}-lengths")),
            ("class", "lengths"),
            ("aria-label", &t("library_lengths")),
        ],
        None,
    )?;
    pv.append_child(&lengths)?;
    root.append_child(&pv)?;
    root.append_child(&*el(
        doc,
        "button",
        &[
            ("type", "button"),
            ("class", "secondary variant-remove"),
            ("data-lang", tag),
        ],
        Some(&t_with("library_variant_remove", &[&name])),
    )?)?;
    ui.editor.variants.list.append_child(&root)?;
    Ok(Block {
        lang: v.lang,
        root,
        panel: Panel {
            body,
            short,
            errors,
            marks_box,
            marks,
            preview,
            notes,
            lengths,
        },
    })
}

/// Shows `variants` (the template just opened), replacing the blocks.
pub(super) fn set(ui: &Ui, variants: &[Variant]) -> Result<(), JsValue> {
    let v = &ui.editor.variants;
    v.blocks.borrow_mut().clear();
    v.list.set_text_content(None);
    v.status.set_text_content(None);
    let mut blocks = Vec::new();
    for variant in variants {
        blocks.push(block(ui, variant)?);
    }
    *v.blocks.borrow_mut() = blocks;
    Ok(())
}

/// The variants as the form holds them.
pub(super) fn collect(ui: &Ui) -> Vec<Variant> {
    ui.editor
        .variants
        .blocks
        .borrow()
        .iter()
        .map(|b| Variant {
            lang: b.lang,
            body: b.panel.body.value(),
            short: Some(b.panel.short.value()).filter(|s| !s.trim().is_empty()),
        })
        .collect()
}

/// Each variant's language and panel (copies of the handles: no borrow kept).
pub(super) fn panels(ui: &Ui) -> Vec<(Lang, Panel)> {
    ui.editor
        .variants
        .blocks
        .borrow()
        .iter()
        .map(|b| (b.lang, b.panel.clone()))
        .collect()
}

/// The text box to fix before saving, with the reason: an empty variant, or a variant in the
/// main text's language.
pub(super) fn refusal(ui: &Ui, tpl: &Template) -> Option<(String, Element)> {
    let blocks = panels(ui);
    if let Some((_, p)) = blocks
        .iter()
        .find(|(_, p)| p.body.value().trim().is_empty())
    {
        return Some((t("library_variant_body_empty"), p.body.clone().into()));
    }
    if let Some((_, p)) = blocks.iter().find(|(l, _)| Some(*l) == tpl.lang) {
        return Some((t("library_variant_same_lang"), p.body.clone().into()));
    }
    None
}

/// Offers only the languages the template has no text in yet.
pub(super) fn refresh_add(ui: &Ui, tpl: &Template) {
    let v = &ui.editor.variants;
    let taken = |l: Lang| tpl.lang == Some(l) || tpl.variants.iter().any(|x| x.lang == l);
    let mut first_free = None;
    for (k, l) in Lang::ALL.into_iter().enumerate() {
        if let Some(o) = v.add_lang.item(k as u32) {
            log(
                "library: variants",
                if taken(l) {
                    o.set_attribute("disabled", "")
                } else {
                    o.remove_attribute("disabled")
                },
            );
        }
        if !taken(l) && first_free.is_none() {
            first_free = Some(l);
        }
    }
    let chosen = Lang::from_tag(&v.add_lang.value());
    if chosen.is_none_or(taken) {
        if let Some(l) = first_free {
            v.add_lang.set_value(l.tag());
        }
    }
    let full = first_free.is_none();
    log(
        "library: variants",
        if full {
            v.add_button.set_attribute("disabled", "")
        } else {
            v.add_button.remove_attribute("disabled")
        },
    );
}

fn redraw(ui: &Ui) {
    log(
        "library: preview",
        super::preview::update(ui, &super::editor::collect(ui)),
    );
}

/// Adds a variant in the chosen language, its text box focused.
fn add(ui: &Ui) -> Result<(), JsValue> {
    let v = &ui.editor.variants;
    let Some(lang) = Lang::from_tag(&v.add_lang.value()) else {
        return Ok(());
    };
    let tpl = super::editor::collect(ui);
    if tpl.lang == Some(lang) || tpl.variants.iter().any(|x| x.lang == lang) {
        v.status
            .set_text_content(Some(&t_with("library_variant_taken", &[&lang_name(lang)])));
        return Ok(());
    }
    let b = block(
        ui,
        &Variant {
            lang,
            body: String::new(),
            short: None,
        },
    )?;
    let body = b.panel.body.clone();
    v.blocks.borrow_mut().push(b);
    v.status
        .set_text_content(Some(&t_with("library_variant_added", &[&lang_name(lang)])));
    redraw(ui);
    body.focus()
}

/// Removes the variant in `lang`; the focus goes to the language menu.
fn remove(ui: &Ui, lang: Lang) -> Result<(), JsValue> {
    let v = &ui.editor.variants;
    let gone = {
        let mut blocks = v.blocks.borrow_mut();
        let at = blocks.iter().position(|b| b.lang == lang);
        at.map(|k| blocks.remove(k))
    };
    let Some(gone) = gone else { return Ok(()) };
    gone.root.remove();
    v.status.set_text_content(Some(&t_with(
        "library_variant_removed",
        &[&lang_name(lang)],
    )));
    redraw(ui);
    v.add_lang.focus()
}

/// Listeners: "add", and each block's "remove" (one listener on the list).
pub(super) fn wire(ui: &Ui) -> Result<(), JsValue> {
    let u = ui.clone();
    on(
        &ui.editor.variants.add_button,
        "click",
        move |_: web_sys::Event| {
            log("library: add a variant", add(&u));
        },
    )?;
    let u = ui.clone();
    on(
        &ui.editor.variants.list,
        "click",
        move |e: web_sys::Event| {
            let lang = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("button.variant-remove").ok().flatten())
                .and_then(|b| b.get_attribute("data-lang"))
                .and_then(|tag| Lang::from_tag(&tag));
            if let Some(lang) = lang {
                log("library: remove a variant", remove(&u, lang));
            }
        },
    )?;
    Ok(())
}
