//! The picker's panel drawn once: its title, the search box (a combobox over the result list),
//! the list, the preview section (fields, preview, length, tone) and the keys' help. Every label comes
//! from `_locales`; nothing here is redrawn per keystroke.

use crate::web::ext::t;
use crate::web::pages::el;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

/// The panel's parts the picker draws into.
pub(super) struct Panel {
    pub query: HtmlInputElement,
    pub list: Element,
    pub empty: Element,
    pub fields: Element,
    pub preview: Element,
    pub length: Element,
    /// The preview's tone line (`tone.rs`).
    pub tone: Element,
}

/// Draws the panel in place of `#app`'s children.
pub(super) fn build(doc: &Document, app: &Element) -> Result<Panel, JsValue> {
    let main = el(
        doc,
        "main",
        &[("class", "picker"), ("aria-labelledby", "pk-title")],
        None,
    )?;
    main.append_child(&el(doc, "h1", &[("id", "pk-title")], Some(&t("picker_title")))?.into())?;
    main.append_child(
        &el(
            doc,
            "label",
            &[("for", "pk-q"), ("class", "pk-label")],
            Some(&t("picker_search_label")),
        )?
        .into(),
    )?;
    let query: HtmlInputElement = el(
        doc,
        "input",
        &[
            ("id", "pk-q"),
            ("type", "search"),
            ("role", "combobox"),
            ("aria-controls", "pk-list"),
            ("aria-expanded", "true"),
            ("aria-autocomplete", "list"),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
        ],
        None,
    )?
    .dyn_into()?;
    main.append_child(&query)?;
    let list = el(
        doc,
        "ul",
        &[
            ("id", "pk-list"),
            ("role", "listbox"),
            ("aria-label", &t("picker_results_label")),
            ("tabindex", "-1"),
        ],
        None,
    )?;
    main.append_child(&list)?;
    let empty = el(
        doc,
        "p",
        &[("class", "pk-empty"), ("hidden", "")],
        Some(&t("picker_no_results")),
    )?;
    main.append_child(&empty)?;
    let section = el(doc, "section", &[("aria-labelledby", "pk-prev-h")], None)?;
    section.append_child(
        &el(
            doc,
            "h2",
            &[("id", "pk-prev-h")],
            Some(&t("picker_preview_label")),
        )?
        .into(),
    )?;
    let fields = el(doc, "div", &[("class", "pk-fields")], None)?;
    let preview = el(
        doc,
        "p",
        &[
            ("class", "pk-preview"),
            ("id", "pk-preview"),
            ("tabindex", "0"),
            ("aria-labelledby", "pk-prev-h"),
        ],
        None,
    )?;
    let length = el(
        doc,
        "p",
        &[("class", "pk-length"), ("aria-live", "polite")],
        None,
    )?;
    let tone = el(
        doc,
        "div",
        &[
            ("class", "pk-tone"),
            ("id", "pk-tone"),
            ("role", "group"),
            ("aria-label", &t("tone_details_title")),
            ("hidden", ""),
        ],
        None,
    )?;
    section.append_child(&fields)?;
    section.append_child(&preview)?;
    section.append_child(&length)?;
    section.append_child(&tone)?;
    main.append_child(&section)?;
    main.append_child(&el(doc, "p", &[("class", "pk-help")], Some(&t("picker_help")))?.into())?;
    app.replace_children_with_node_1(&main);
    Ok(Panel {
        query,
        list,
        empty,
        fields,
        preview,
        length,
        tone,
    })
}
